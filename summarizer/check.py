"""Check: confirm each fact against the source and give it a verdict with its reasons.

Checks run on the sentence that holds the located span (the evidence sentence):
- ``evidence_located``: the quote aligns to a span (see ``align``);
- ``cited_sentence``: the quote was found in the sentence the model cited;
- ``mention:<field>``: every verbatim ``mention`` (entities, attribution, date, quantity) is in the
  evidence sentence, after normalisation;
- ``certainty``: an ``asserted`` fact cannot rest on a sentence with conditional, reported, denial or
  speculation markers (aurait, selon, nie, pourrait, …).

Verdicts: ``verified`` (located, every check passed), ``partial`` (located, a check failed),
``unsupported`` (not located). The model's own claims are never trusted: everything is recomputed.
"""

from __future__ import annotations

import re

from summarizer.align import locate, normalize
from summarizer.ingest import Article
from summarizer.models import CheckResult, Fact, FactCheck, Span, Verdict

# Markers that make a sentence unable to back an `asserted` fact, by the certainty they signal.
_MARKERS = {
    "alleged": r"\b(aurai(?:t|ent)|accus\w*|présumé\w*|alléga\w*|prétendu\w*)\b",
    "denied": r"\b(ni(?:e|ent|é)|dément\w*|démenti\w*|dénégation\w*|contest\w*)\b",
    "reported": r"\b(selon|d'après|a déclaré|affirm\w*|rapport\w*|indiqu\w*|estime)\b",
    "speculative": r"\b(pourrai(?:t|ent)|probabl\w*|possibl\w*|il semble|semblent|susceptible|éventuel\w*)\b",
}


def _mentions(fact: Fact) -> list[tuple[str, str]]:
    out = [(f"mention:entities[{i}]", e.mention) for i, e in enumerate(fact.entities)]
    if fact.attributed_to is not None:
        out.append(("mention:attributed_to", fact.attributed_to.mention))
    if fact.when is not None:
        out.append(("mention:when", fact.when.mention))
    if fact.type == "quantity":
        out.append(("mention:quantity", fact.quantity.mention))
    return out


def certainty_markers(sentence: str) -> list[str]:
    """The certainty kinds whose markers occur in a French sentence."""
    text = sentence.casefold().replace("’", "'")
    return [kind for kind, pattern in _MARKERS.items() if re.search(pattern, text)]


def check_fact(article: Article, fact: Fact) -> FactCheck:
    """Locate the fact's quote and run every check on its evidence sentence."""
    hit = locate(article, fact.quote, fact.sentence)
    if hit.status == "none" or hit.start is None or hit.end is None or hit.sentence is None:
        failed = CheckResult(name="evidence_located", ok=False, detail=hit.detail)
        return FactCheck(alignment="none", score=hit.score, checks=[failed], verdict="unsupported")
    sentence = article.sentences[hit.sentence - 1]
    checks = [
        CheckResult(
            name="evidence_located",
            ok=True,
            detail=f"{hit.status} match in sentence {hit.sentence} ({hit.score:.0f})",
        ),
        CheckResult(
            name="cited_sentence",
            ok=hit.sentence == fact.sentence,
            detail=f"quote is in sentence {hit.sentence}, the fact cites sentence {fact.sentence}",
        ),
    ]
    norm_sentence = normalize(sentence.text)
    for name, mention in _mentions(fact):
        found = bool(normalize(mention)) and normalize(mention) in norm_sentence
        where = "found in" if found else "not found in"
        checks.append(CheckResult(name=name, ok=found, detail=f"{mention!r} {where} sentence {sentence.n}"))
    markers = certainty_markers(sentence.text)
    if fact.certainty == "asserted" and markers:
        detail = f"fact is 'asserted' but sentence {sentence.n} has {'/'.join(markers)} markers"
        checks.append(CheckResult(name="certainty", ok=False, detail=detail))
    else:
        checks.append(
            CheckResult(name="certainty", ok=True, detail=f"{fact.certainty}; markers: {markers or 'none'}")
        )
    verdict: Verdict = "verified" if all(c.ok for c in checks) else "partial"
    span = Span(start=hit.start, end=hit.end, text=article.raw[hit.start : hit.end])
    return FactCheck(
        alignment=hit.status,
        score=hit.score,
        span=span,
        sentence=hit.sentence,
        checks=checks,
        verdict=verdict,
    )
