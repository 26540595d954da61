"""The span's verbs: a verb the French span makes with an auxiliary ("a été libéré", "ont tué") must
be rendered by a word of the statement. "The journalist was arrested after three months" for "Le
journaliste a été libéré après trois mois de détention" leaves out what happened to him."""

from __future__ import annotations

import itertools
import re

from summarizer.check.evidence import Evidence
from summarizer.check.forms import fold_word, forms_of
from summarizer.check.lexicon import french_words
from summarizer.check.statement import Reading
from summarizer.check.verdict import PREDICATE, result
from summarizer.models import CheckResult

_AUX = (
    r"(?:a|ont|avait|avaient|aura|auront|aurait|auraient|est|sont|était|étaient|sera|seront|serait|seraient)"
)
_BETWEEN = (
    r"(?:été|pas|jamais|plus|déjà|aussi|encore|bien|ensuite|finalement|également|toujours|récemment|ainsi)"
)
_PARTICIPLE = r"[^\W\d_]{3,}(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues)"
_COMPOUND = re.compile(rf"(?<![\w'’-]){_AUX}\s+(?:{_BETWEEN}\s+)*({_PARTICIPLE})\b", re.I)
# Verbs a statement may carry by its construction alone: light verbs ("a effectué une visite":
# visited; "a connu une hausse": rose), copulas and modals.
_LIGHT = frozenset(
    "faire avoir pouvoir devoir vouloir savoir dire permettre rendre effectuer mener proceder realiser"
    " operer donner prendre mettre porter tenir passer connaitre enregistrer devenir rester sembler"
    " paraitre lancer".split()
)


def check_predicate(reading: Reading, ev: Evidence) -> list[CheckResult]:
    """Each compound verb of the span rendered by a word of the statement (English statements only)."""
    if ev.lang == "en" or reading.lang == "fr" or not ev.span:
        return []
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
    phrases = set(words) | {f"{a} {b}" for a, b in itertools.pairwise(words)}
    rendered: set[str] = set()
    for phrase in phrases:
        hit = found.rendering(phrase)
        rendered |= set(hit[1]) if hit else set()
    missing = [
        v
        for v in verbs
        if fold_word(v) not in rendered and not any(french_words(v).rendering(p) for p in phrases)
    ]
    if missing:
        detail = (
            f"{', '.join(map(repr, missing))} of sentence {ev.sentence_n} has no counterpart in the statement"
        )
        return [result(PREDICATE, False, detail)]
    return [result(PREDICATE, True, f"{len(verbs)}/{len(verbs)}: the span's verbs are carried")]
