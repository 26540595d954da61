"""Words: the statement's remaining content words each need a counterpart in the evidence (the
sentence and, for an attribution, the sentences just before), found through ``lexicon``. A word with
none ("'military' has no counterpart in sentence 4") is content the source does not give, and the
fact is at best ``partial``: no word may go unmatched (measured: letting one pass verifies "The
customer…" and "…with the support of the army" mutations).
"""

from __future__ import annotations

import re
from collections import Counter

from summarizer.check import wordnet
from summarizer.check.evidence import Evidence
from summarizer.check.french import counterpart, is_french
from summarizer.check.lexicon import FrenchWords, french_words
from summarizer.check.matching import GUESSES, unmatched_english, unmatched_words
from summarizer.check.names import rendering_spans
from summarizer.check.sources import opens_on_view
from summarizer.check.statement import PLURAL_COUNTS, REPORTING, Reading
from summarizer.check.table import FRENCH_ACRONYMS, PARTICLES, TABLE
from summarizer.check.verdict import WORDS, result
from summarizer.models import CheckResult

_WITHOUT = "without a counterpart in sentence"
_NOT_ENGLISH = "is not English: the statement must be translated"
_NO_WORD = "is no English word: a misspelling or a coinage"


def missing_words(detail: str) -> list[str]:
    """The words a failed words check names ("2/4: 'holds', 'attack' without a counterpart in …",
    "'manifestants' is not English…")."""
    head, found, _ = detail.partition(_WITHOUT)
    for ending in (_NOT_ENGLISH, _NO_WORD):
        if not found:
            head, found, _ = detail.partition(ending)
    return re.findall(r"'([^']+)'", head.split(": ", 1)[-1]) if found else []


# A verb form: what the sentences before may not supply (they give a referent or a source's name).
_VERB_FORM = re.compile(r"\w(?:ed|ing)$")
_VIEW_VERBS = frozenset("believes believed thinks thought considers considered feels felt".split())
_OWN_SOURCE = re.compile(r"\b(?:selon|d'après)\s+(?!(?:lui|elle|eux|elles|moi|nous|vous)\b)", re.I)
_SAYING = frozenset("said says say saying told tell tells".split())
# Second words of the verb phrases joined into one lemma ("carried out", "took place", "gave birth").
_PARTICLES = PARTICLES | {"place", "birth", "part"}


def _compounds(reading: Reading, found: FrenchWords | None = None) -> list[str]:
    """The content words, with a word and the next one joined when WordNet has them as one lemma
    ("carried out", WordNet's carry_out: one meaning, rendered by one French verb, "exécutée"), the
    table renders them together ("back seat": banquette), a noun compound a dictionary renders here as a
    whole ("tear gas": lacrymogène), or a phrasal verb a fixed expression here renders ("called on": fait
    appel)."""
    words = list(reading.words)
    for m in re.finditer(r"(?=\b([A-Za-z]+)\s+([A-Za-z]+)\b)", reading.text):
        first, second = m.group(1), m.group(2)
        pair = f"{first} {second}".casefold()
        if first in words and (
            pair in TABLE
            or (second.casefold() in _PARTICLES and wordnet.compounds(first, second))
            or (
                found is not None
                and wordnet.noun_compound(first, second)
                and found.rendering(pair, e5=False) is not None
            )
            or (  # only a fixed expression's: "signed in June" is no "sign in"
                found is not None and wordnet.phrasal_verb(first, second) and found.curated(pair)
            )
        ):
            at = words.index(first)
            words[at] = f"{first} {second}"
            if second in words[at + 1 :]:
                words.pop(words.index(second, at + 1))
    return words


# Letters of other scripts (CJK, Cyrillic, Greek, Arabic, Hangul…): a small model's slip out of
# English ("the war" written "the战争") that no word check would read; and French words left as they are.
_FOREIGN = re.compile(r"\S*[\u0370-\u1fff\u2e80-\ufaff\ufe30-\uffef]\S*")


# Endings of French inflected forms that English words do not have ("prosyriens", "pakistanaises").
_FRENCH_ENDING = re.compile(r"(?:iens|iennes?|aux|ees|euses?|ives|ifs|aines?|ais|aises?)$")


def english_word(word: str) -> bool:
    """Whether an English lexicon knows a lower-case word: simplemma's, or WordNet's base forms."""
    import simplemma

    return simplemma.is_known(word, lang="en") or bool(wordnet.base_forms(word))


def _untranslated(words: list[str], first: str) -> list[str]:
    """Lower-case words (or the statement's first) no English lexicon knows that are French: accented
    ("déconfinement"), rendered by other English words ("manifestants": protesters) or a French inflected
    form of a word English does not know either ("prosyriens"): copied from the source, not translated.
    A word the dictionaries do not render ("cosmodrome") may be English too."""
    import simplemma

    def french(word: str) -> bool:
        if not word.isascii():
            return True
        if _FRENCH_ENDING.search(word) and simplemma.is_known(word, lang="fr"):
            root = simplemma.lemmatize(word, lang="fr")
            if root != word and not english_word(root):
                return True
        renderings = french_words(word).renderings()
        return bool(renderings) and word not in renderings

    return [
        w
        for w in words
        if (w.islower() or (w == first and w[1:].islower()))
        and " " not in w
        and "'" not in w  # "l'info" of a title: "les Guignols de l'info"
        and not english_word(w.casefold())
        and french(w.casefold())
    ]


def _copied(reading: Reading, ev: Evidence) -> list[str]:
    """The French an English statement copied from a French source (an English source's words are its
    own): words (``_untranslated``) and acronyms outside a gloss in parentheses ("the OTAN", not "the
    International Monetary Fund (FMI)")."""
    # The statement's first word is capitalised: French when the source writes it in lower case ("des
    # manifestants"), a name otherwise ("Jura").
    first = next(iter(re.findall(r"\w+", reading.text)), "")
    first = first if re.search(rf"\b{re.escape(first.casefold())}\b", ev.sentence) else ""
    copied = _untranslated(reading.words, first)
    unglossed = re.sub(r"\([^)]*\)", " ", reading.text)
    # AFP writes the pronounceable ones as names: "l'Otan", "l'Onu".
    found = (re.search(rf"\b(?:{a}|{a.capitalize()})\b", unglossed) for a in FRENCH_ACRONYMS)
    copied += [m.group(0) for m in found if m]
    return copied if copied and is_french(ev.sentence) else []


def _misspelt(reading: Reading, ev: Evidence) -> list[str]:
    """Lower-case words no English lexicon knows and the evidence does not give as they are: a small
    model's slips ("acquittments", "internating"), which a similarity would otherwise pair with the French
    word they were botched from ("acquittements", "interné"), and a French source's own slip copied
    ("pouboire"). A French term copied as the source writes it ("cosmodrome") is left to the other checks."""
    import simplemma

    scope = ev.content_scope.casefold()
    return [
        w
        for w in reading.words
        if w.isascii()
        and w.isalpha()
        and w.islower()
        and len(w) > 3
        and w not in TABLE
        and not english_word(w)
        and (w not in scope or (ev.lang == "fr" and not simplemma.is_known(w, lang="fr")))
    ]


def check_words(reading: Reading, ev: Evidence) -> list[CheckResult]:
    foreign = _FOREIGN.findall(reading.text)
    if reading.lang != "fr":
        foreign += _copied(reading, ev)
    if foreign:
        detail = f"{', '.join(map(repr, foreign))} {_NOT_ENGLISH}"
        return [result(WORDS, False, detail, contradicts=True)]
    if reading.lang != "fr" and (slips := _misspelt(reading, ev)):
        return [result(WORDS, False, f"{', '.join(map(repr, slips))} {_NO_WORD}")]
    if not reading.words:
        return []
    if reading.lang == "fr":  # a French claim: each word in the evidence, in French (``french.py``)
        found = french_words(ev.content_scope)
        missing = [w for w in reading.words if counterpart(w, found) is None]
        return [_verdict(reading.words, missing, ev)]
    words = _compounds(reading, french_words(ev.content_scope) if ev.lang == "fr" else None)
    source = [w for w in words if reading.in_attribution(w.split()[0])]
    if ev.lang == "en":  # an English source: each word in it, in English
        missing = unmatched_english([w for w in words if w not in source], ev.content_scope)
        return [_verdict(words, missing + unmatched_english(source, ev.attribution_scope), ev)]
    counts = [w for w in words if w.casefold() in PLURAL_COUNTS]
    words = [w for w in words if w not in counts]
    # "said", "told" are no content words, but the French verb they render is theirs: no guess may rest
    # on it ("action" ~ "a indiqué" through WordNet, where "said" renders it).
    said = [w for w in re.findall(r"[a-z]+", reading.text) if w in _SAYING]
    missing = unmatched_words(
        [w for w in words if w not in source],
        ev.content_scope,
        source + said,
        exclusive=True,
        avoid=_named(reading, ev.content_scope),
    )
    if ev.content_scope != ev.sentence:
        # The sentence before gives a pronoun's referent ("Ils ont été inculpés…"), not its verb: a verb
        # form rests on the sentence itself ("convicted" is not the previous sentence's "condamné").
        verbs = [w for w in words if w not in source and w not in missing and _VERB_FORM.search(w)]
        missing += unmatched_words(verbs, ev.sentence, source) if verbs else []
        # Nor a guess: what the sentence lacks rests on the one before by a dictionary ("the victim"),
        # never by a similarity ("fatal illness" for "malaise fatal" ~ the previous sentence's "allergie").
        rest = [w for w in words if w not in source and w not in missing]
        before, own = french_words(ev.content_scope), set(french_words(ev.sentence).surface)
        missing += [
            w
            for w in (unmatched_words(rest, ev.sentence, source) if rest else [])
            if (hit := before.rendering(w)) is None or (hit[0] in GUESSES and not hit[1] & own)
        ]
        # The pronoun's referent named further back, by a definite phrase ("The couple are suspected…"
        # for "Ils sont soupçonnés…", the couple arrested four sentences before): a dictionary's word there.
        missing = [w for w in missing if not _referred(w, reading.text, ev.earlier)]
    surface = french_words(ev.content_scope).surface
    missing += [w for w in counts if PLURAL_COUNTS[w.casefold()] not in surface]
    words += counts
    others = [w for w in words if w not in source]
    # A source the sentence itself names ("selon le parquet") is the one: "according to the police" may
    # not rest on the police of the sentence before.
    named = ev.lang == "fr" and _OWN_SOURCE.search(ev.sentence) is not None
    if ev.lang == "fr" and opens_on_view(ev.sentence):
        # "Pour X, …" gives X's view: "X believes …" says it ("X believes" rests on "Pour X")
        source = [w for w in source if w.casefold() not in _VIEW_VERBS]
    missing += unmatched_words(source, ev.sentence if named else ev.attribution_scope, others)
    if ev.attribution_scope != ev.sentence:
        # The sentences before may name the source, not describe it: a verb of the attribution other
        # than its reporting verb rests on the sentence ("the poll conducted by" is no "il gère" before).
        verbs = [w for w in source if w not in missing and _VERB_FORM.search(w)]
        verbs = [w for w in verbs if not re.fullmatch(REPORTING, w.casefold())]
        missing += unmatched_words(verbs, ev.sentence, others) if verbs else []
    return [_verdict(words, missing, ev)]


def _named(reading: Reading, french: str) -> frozenset[str]:
    """The French words that render the names a statement gives: no content word of it rests on them
    ("high" on the "Grand" of "Super Grand Prix", which the statement names)."""
    spans = [span for name in reading.names for span in rendering_spans(name, french)]
    inside = Counter(w for start, end in spans for w in french_words(french[start:end]).surface)
    everywhere = Counter(french_words(french).surface)
    # A word the text also gives outside the name is free there ("L'île fut nommée île Markham").
    return frozenset(w for w, n in inside.items() if everywhere[w] <= n)


def _referred(word: str, statement: str, earlier: str) -> bool:
    """Whether a word the statement gives with a definite article ("the couple") is an earlier sentence's
    word, by the same word or a dictionary's, never a guess."""
    if not earlier or not re.search(rf"\b(?:the|this|these|those)\s+{re.escape(word)}\b", statement, re.I):
        return False
    return french_words(earlier).rendering(word, e5=False) is not None


def _verdict(words: list[str], missing: list[str], ev: Evidence) -> CheckResult:
    counted = f"{len(words) - len(missing)}/{len(words)}"
    if not missing:
        return result(WORDS, True, f"{counted}: every content word has a counterpart")
    return result(WORDS, False, f"{counted}: {', '.join(map(repr, missing))} {_WITHOUT} {ev.sentence_n}")
