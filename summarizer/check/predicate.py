"""The span's verbs: a verb the French span makes with an auxiliary ("a été libéré", "ont tué") is
rendered by a word of the statement, when the statement says something else in its place. "The
journalist was arrested after three months" for "Le journaliste a été libéré après trois mois de
détention" rests "arrested" on "détention" and leaves out what happened to him."""

from __future__ import annotations

import itertools
import re

from summarizer.check import wordnet
from summarizer.check.evidence import Evidence
from summarizer.check.forms import fold_word, forms_of, lemma
from summarizer.check.lexicon import french_words
from summarizer.check.matching import rested_on
from summarizer.check.statement import STOPWORDS, Reading
from summarizer.check.verdict import PREDICATE, result
from summarizer.models import CheckResult

_AUX = (
    r"(?:a|ont|avait|avaient|aura|auront|aurait|auraient|est|sont|était|étaient|sera|seront|serait|seraient)"
)
_BETWEEN = (
    r"(?:été|pas|jamais|plus|déjà|aussi|encore|bien|ensuite|finalement|également|toujours|récemment|ainsi)"
)
_PARTICIPLE = r"[^\W\d_]{3,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)"
# not an incise's verb, before its subject ("…", a glissé Danielle Dampfhoffer): "said" carries it
_COMPOUND = re.compile(
    rf"(?<![\w'’-]){_AUX}\s+(?:{_BETWEEN}\s+)*({_PARTICIPLE})\b(?!\s+(?-i:[A-ZÀ-Þ])|-t-)", re.I
)
# What may follow "se dire" and is no view of oneself: "se dit que", "s'est dit par la voix de".
_NOT_VIEW = frozenset("dans pour avec sans sous vers chez entre selon parce lors apres avant depuis".split())
# Verbs a statement may carry by its construction alone: light verbs ("a effectué une visite":
# visited; "a connu une hausse": rose), copulas and modals.
_LIGHT = frozenset(
    "faire avoir pouvoir devoir vouloir savoir dire permettre rendre effectuer mener proceder realiser"
    " operer donner prendre mettre porter tenir passer connaitre enregistrer devenir rester sembler"
    " paraitre lancer".split()
)


# "se dire" and the view it gives: "s'était dit, par la voix de sa porte-parole, "ouvert à une
# discussion"" (an incise or a quote mark between), "se disent prêts à".
_SAID_TO_BE = re.compile(
    r"\b(?:se|s['’])\s*(?:(?:est|sont|était|étaient|serait)\s+)?(?:dit|dite|dits|dites|disent|dire|disait)\b"
    r"(?:\s*,[^,]{0,80},)?[\s\"«“]*([^\W\d_]{4,})",
    re.I,
)


def _view_said(words: list[str], ev: Evidence) -> CheckResult | None:
    """A failure when the span says someone called themselves something ("s'est dit ouvert à") and no
    word of the statement renders that word ("said there would be a discussion")."""
    m = _SAID_TO_BE.search(ev.span)
    if m is None or fold_word(m.group(1)) in _NOT_VIEW:
        return None
    found = french_words(ev.sentence)
    phrases = set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}
    if fold_word(m.group(1)) in rested_on(found, phrases):
        return None
    detail = f"'{m.group(0).strip()}' of sentence {ev.sentence_n}: {m.group(1)!r} has no counterpart"
    return result(PREDICATE, False, detail)


def check_predicate(reading: Reading, ev: Evidence) -> list[CheckResult]:
    """Each compound verb of the span rendered by a word of the statement, when a verb of the statement
    rests on another French word ("arrested" on "détention" while "libéré" goes unsaid); English
    statements only."""
    if ev.lang == "en" or reading.lang == "fr" or not ev.span:
        return []
    if view := _view_said(re.findall(r"[A-Za-z][\w-]+", reading.text), ev):
        return [view]
    verbs = [
        m.group(1)
        for m in _COMPOUND.finditer(ev.span)
        if not (forms := forms_of(fold_word(m.group(1)), m.group(1))) & _LIGHT
        and any(f.endswith(("er", "ir", "re")) for f in forms)
    ]
    if not verbs:
        return []
    found = french_words(ev.sentence)
    words = re.findall(r"[A-Za-z][\w-]+", reading.text)
    # the statement's own verbs (past forms) resting on a French word that is no verb ("arrested" on
    # "détention"), outside a fixed expression ("taken into custody" on "garde à vue")
    idiom_words = {w for _, run in found.idioms() for w in run}
    past = {
        w: found.rendering(w)
        for w in dict.fromkeys(words)
        if w[0].islower()
        and (w.endswith("ed") or wordnet.irregular_verb(w))
        and w.casefold() not in STOPWORDS
    }
    elsewhere = {
        w: rests
        for w, hit in past.items()
        if hit
        and (rests := {f for f in hit[1] - idiom_words if not lemma(f, "fr").endswith(("er", "ir", "re"))})
    }
    if not elsewhere:
        return [result(PREDICATE, True, "no verb of the statement rests on a word that is no verb")]
    rendered = {f for hit in past.values() if hit for f in hit[1]} | rested_on(
        found, set(words) - past.keys()
    )
    missing = [v for v in verbs if fold_word(v) not in rendered]
    if missing:  # two words together ("carried out"), or a word for the verb alone, out of context
        phrases = set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}
        rendered |= rested_on(found, phrases - set(words))
        missing = [
            v
            for v in missing
            if fold_word(v) not in rendered and not any(french_words(v).rendering(p) for p in phrases)
        ]
    counted = f"{len(verbs) - len(missing)}/{len(verbs)}"
    if missing:
        said, rests = next(iter(elsewhere.items()))
        detail = (
            f"{counted}: {', '.join(map(repr, missing))} of sentence {ev.sentence_n} has no counterpart;"
            f" the statement's {said!r} rests on {sorted(rests)[0]!r}"
        )
        return [result(PREDICATE, False, detail)]
    return [result(PREDICATE, True, f"{counted}: the span's verbs are carried")]
