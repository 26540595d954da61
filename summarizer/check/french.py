"""A claim written in French ("Lula est le président du Brésil"), read in French: its names, numbers,
dates, negation and hedges through the French markers, its content words as French lemmas that the
evidence must hold ("assassinées" → assassiner). An English reading would ask "était" for a counterpart.

Only claims are read this way: a digest's statement must be English, and a French one copied from the
source is checked (and rejected) as English.
"""

from __future__ import annotations

import re
from functools import cache

from summarizer.check import apertium, wordnet
from summarizer.check.certainty import DENIALS, markers
from summarizer.check.forms import cognate, fold_word, forms_of, stem
from summarizer.check.lexicon import NOT_RENDERED, FrenchWords, french_to_english
from summarizer.check.names import drop_openers
from summarizer.check.statement import CODE, Reading, statement_names
from summarizer.check.values import YEAR_RE, parse_amounts
from summarizer.metadata import STOPWORDS

# French function words: they state nothing a source must give.
_STOP = """le la les l un une des du de d au aux a à et ou ni mais donc or car que qu qui quoi dont où ce cet
    cette ces c ça cela ceci celui celle ceux celles son sa ses leur leurs mon ma mes ton ta tes notre nos
    votre vos il elle ils elles on nous vous je j me m te t se s lui y en ne n pas plus moins très trop
    est sont était étaient été être sera seront serait a ont avait avaient avoir aura auront aurait eu
    fait faire dans sur sous par pour avec sans entre vers chez contre depuis pendant avant après selon
    comme si aussi tout tous toute toutes même autre autres tel telle quel quelle seulement"""
FRENCH_STOP = frozenset(fold_word(w) for w in _STOP.split())


@cache
def calendar() -> frozenset[str]:
    """French month and weekday names (CLDR through ``babel``), with and without accents."""
    from babel import Locale

    fr = Locale("fr")
    names = [*fr.months["format"]["wide"].values(), *fr.days["format"]["wide"].values()]
    return frozenset(n for name in names for n in (name, fold_word(name)))


def is_french(text: str) -> bool:
    """Whether a claim is French: its function words, and the words only a French dictionary knows
    ("nie", "fourni"), outnumber the English ones."""
    import simplemma

    words = re.findall(r"[a-zà-ÿ]+", text.casefold().replace("’", "'"))
    french = sum(fold_word(w) in FRENCH_STOP for w in words)
    english = sum(w in STOPWORDS["en"] for w in words)
    for w in words:
        fr, en = simplemma.is_known(w, lang="fr"), simplemma.is_known(w, lang="en")
        french += fr and not en
        english += en and not fr
    return french >= 2 and french > english


def _names(text: str) -> list[str]:
    out = []
    for name in statement_names(text):
        joined = " ".join(drop_openers(name.split()))
        if joined and joined.casefold() not in calendar() and fold_word(joined) not in FRENCH_STOP:
            out.append(joined)
    return out


def read_french(text: str) -> Reading:
    """Read a French claim into the elements the checker confirms; its words as written (accents kept:
    the lexicon takes their lemmas from them)."""
    codes = CODE.findall(text)
    names = [n for n in _names(text) if n not in codes]
    amounts = [a for a in parse_amounts(text) if not YEAR_RE.fullmatch(a.text)]
    kinds = markers(text)
    name_words = {fold_word(w) for n in names + codes for w in re.split(r"[\s'-]+", n)}
    words = []
    for accented in re.findall(
        r"[^\W\d_]+(?:-[^\W\d_]+)*", text.casefold().replace("’", " ").replace("'", " ")
    ):
        word = fold_word(accented)
        if word in FRENCH_STOP or word in name_words or len(word) < 3 or accented in calendar():
            continue
        if parse_amounts(word):
            continue
        words.append(accented)
    return Reading(
        text=text,
        core=text,
        names=names,
        codes=codes,
        numbers=[v for a in amounts for v in (a.value, a.value_max) if v is not None],
        years=YEAR_RE.findall(text),
        calendar=[w for w in re.findall(r"\w+", text.casefold()) if w in calendar()],
        negated=bool(kinds & DENIALS),
        hedges=kinds - {"negated"},
        words=list(dict.fromkeys(words)),
        lang="fr",
    )


_OPEN_END = re.compile(r"\b(?:" + "|".join(sorted(w for w in _STOP.split() if len(w) > 1)) + r")\s*$", re.I)


def whole_french(text: str) -> bool:
    """Whether a French claim ends like a sentence: a full stop, or not on a function word."""
    text = text.rstrip()
    return bool(text) and (bool(re.search(r"[.!?…][\"'”’»)]*$", text)) or not _OPEN_END.search(text))


def counterpart(french: str, found: FrenchWords) -> str | None:
    """How a French claim's word is in the evidence: ``same`` form or lemma, ``cognate`` (the same
    family: réduction / réduire), or ``dict`` through a shared English rendering (acquérir / racheter:
    buy); never by similarity, which puts antonyms side by side (réduction / augmentation)."""
    folded = fold_word(french)
    forms = {folded, *forms_of(folded, french)} - NOT_RENDERED
    if forms & found.forms:
        return "same"
    stems = {stem(f) for f in forms if len(f) > 3}
    if any(cognate(s, other) for s in stems for other in found.stems.values()):
        return "cognate"
    table = french_to_english()
    english = {e for f in forms for e in table.get(f, ())}
    english |= {e for _, lemmas in apertium.english_by_word(french) for e in lemmas}
    return "dict" if (english - wordnet.LIGHT) & found.renderings().keys() else None
