"""French word forms for the lexicon: folded words, lemmas (simplemma, from the accented word),
the infinitives a participle may come from, the parts of a compound, and the words of a text; and the
spelling folds that find cognates and typos across French and English."""

from __future__ import annotations

import re
from functools import cache

from rapidfuzz import fuzz
from rapidfuzz.distance import Levenshtein

from summarizer.check.alignment import normalize

AUXILIARIES = frozenset({"avoir", "etre"})
WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def fold_word(word: str) -> str:
    """Case and accents folded, apostrophes and hyphens kept."""
    return normalize(word)


@cache
def lemma(word: str, lang: str) -> str:
    """The dictionary form of a word (``simplemma``), folded."""
    import simplemma

    return fold_word(simplemma.lemmatize(word.casefold(), lang=lang))


# Past-participle endings → infinitive endings: the regular ones, then the irregular families
# (survenues → survenir, ouvert → ouvrir, requis → requérir, produite → produire, atteint → atteindre,
# commis → commettre, surpris → surprendre).
_PARTICIPLES = (
    ("ee?s?", "er"), ("ie?s?", "ir"), ("ue?s?", "re"), ("enue?s?", "enir"), ("erte?s?", "rir"),
    ("quise?s?", "querir"), ("uite?s?", "uire"), ("einte?s?", "eindre"), ("ainte?s?", "aindre"),
    ("ointe?s?", "oindre"), ("mise?s?", "mettre"), ("prise?s?", "prendre"),
)  # fmt: skip


def _infinitives(word: str) -> list[str]:
    """Infinitives a past participle may come from, which simplemma leaves as they are
    ("tués" → tuer, "fourni" → fournir, "perdu" → perdre)."""
    out = []
    for ending, infinitive in _PARTICIPLES:
        if m := re.search(rf"(?:{ending})$", word):
            out.append(word[: m.start()] + infinitive)
    return out


def words_of(surface: str) -> list[str]:
    """The folded words of one of Apertium's surface units ("l'armée", "à vue")."""
    return WORD.findall(fold_word(surface).replace("'", " "))


# Compounds whose parts do not render them: belle-mère is not a mother, nord-ouest not north.
WHOLE_COMPOUND = re.compile(
    r"(?:belle|beau|beaux|belles|grand|grands|petit|petits|petite|petites|arriere|demi)-|(?:nord|sud)-(?:est|ouest)$"
)


# Feminine endings simplemma leaves on adjectives ("étroite" → étroit, "actives" → actif), and
# present participles ("prévoyant" → prévoir, "finissant" → finir, "visant" → viser).
_ENDINGS = (
    ("ive", "if"), ("euse", "eux"), ("elle", "el"), ("enne", "en"), ("([tds])e", r"\1"),
    ("oyant", "oir"), ("issant", "ir"), ("ant", "er"),
)  # fmt: skip


def _masculine(word: str) -> set[str]:
    """The singular, and the masculine or infinitive the endings above give."""
    bases = {word, word[:-1]} if word.endswith("s") else {word}
    return bases | {re.sub(f"{e}$", b, w) for w in bases for e, b in _ENDINGS if re.search(f"{e}$", w)}


def _adjective(accented: str) -> set[str]:
    """An adverb's adjective, masculine too: "durement" → dur (simplemma reads "dure" as durer),
    "singulièrement" → singulier, "récemment" → récent. A masculine only when simplemma knows it:
    "gouvernement" is no adverb of "gouvern"."""
    import simplemma

    adjective = accented[:-5] + "nt" if accented.endswith("emment") else accented[:-4]
    out = {lemma(adjective, "fr"), *_masculine(fold_word(adjective))}
    if adjective.endswith("e"):
        masculine = (adjective[:-1], re.sub("ère$", "er", adjective))
        out |= {fold_word(m) for m in masculine if m != adjective and simplemma.is_known(m, lang="fr")}
    return out


# A woman or women named by nationality or origin: Françaises, Iraniennes, Chinoises, une Parisienne.
_WOMEN = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ]+(?:(?:aise|ienne|oise)s?|(?:aine|ande|ine)s)")


@cache
def forms_of(word: str, accented: str = "") -> frozenset[str]:
    """A folded French word with its lemma (from the word as written when given: simplemma needs the
    accents, "prévues" → prévoir but "prevues" → prevues), the infinitives a participle may come from,
    an adjective's masculine, the parts of a compound, and an adverb's adjective (rudement → rude)."""
    out = {word, lemma(word, "fr"), lemma(accented, "fr") if accented else word}
    if len(word) > 4:
        out.update(_infinitives(word))
        out.update(_masculine(word))
    if "-" in word and not WHOLE_COMPOUND.match(word):
        out.update(word.split("-"))
    if len(word) > 7 and word.endswith("ment"):
        out |= _adjective(accented.casefold() if accented else word)
    if _WOMEN.fullmatch(accented):
        out.add("femme")  # "167 000 Françaises": French women
    return frozenset(out)


# A heading glued to the next sentence by the page's extraction ("La Nouvelle IRA suspectéeSamedi 20
# avril…"): two words. A name's inner capital follows fewer lowercase letters (McKee, MacDonald).
GLUED = re.compile(r"(?<=[a-zà-ÿ]{3})(?=[A-ZÀ-Þ][a-zà-ÿ])")


def with_accents(text: str) -> list[tuple[str, str]]:
    """The folded words of a text, each with its accented form when folding keeps it one word."""
    out: list[tuple[str, str]] = []
    for raw in re.findall(r"[^\W_]+(?:-[^\W_]+)*", text.replace("’", " ").replace("'", " ")):
        folded = WORD.findall(fold_word(raw))
        out += [(folded[0], raw)] if len(folded) == 1 else [(w, "") for w in folded]
    return out


# --- spelling: cognates and typos ------------------------------------------------------------

_STEM_RULES = (("qu", "k"), ("ck", "k"), ("c", "k"), ("ph", "f"), ("th", "t"), ("y", "i"), ("w", "v"))


def stem(word: str) -> str:
    """A spelling fold shared by French and English cognates: attaque/attack → atak."""
    text = fold_word(word).replace("-", "")
    for a, b in _STEM_RULES:
        text = text.replace(a, b)
    text = re.sub(r"(.)\1", r"\1", text)
    return re.sub(r"(?:es|s|e|ed|ing|ement|ment|ly|ee|ees|ez)$", "", text) or text


def common_prefix(a: str, b: str) -> int:
    """How many letters two words share at their start."""
    return next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), min(len(a), len(b)))


def cognate(a: str, b: str) -> bool:
    """Whether two stems are spelt alike enough to be one word in two languages (attak / atak)."""
    if a == b:
        return True
    if len(a) < 4 or len(b) < 4 or a[:4] != b[:4]:
        return False
    if min(len(a), len(b)) >= 4 and (a.startswith(b) or b.startswith(a)):
        return True  # sign / signature, attack / attaquant
    prefix = common_prefix(a, b)
    return fuzz.ratio(a, b) >= 80 or (prefix >= 5 and prefix >= 0.7 * min(len(a), len(b)))


def one_off(a: str, b: str) -> bool:
    """A typo: one letter off a long word."""
    return len(b) > 6 and abs(len(a) - len(b)) <= 1 and Levenshtein.distance(a, b) <= 1
