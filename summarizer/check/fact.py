"""Check one fact: locate its quote, read its statement, confirm every element in the evidence.

1. ``alignment``: the quote → a span of the raw source (exact → normalised → fuzzy); none → unsupported;
2. ``statement``: read the English statement (names, codes, numbers, dates, negation, hedges, words);
3. ``evidence``: the span, its clause, its sentence, the attribution context, the article before it;
4. one check per kind of evidence: ``entities`` (names, codes, typed mentions), ``numbers`` (numbers,
   dates, typed quantity and date), ``frame`` (who did what to whom), ``certainty`` (polarity, hedges,
   sources, attribution), ``degree`` (degree words, conditions, tense), ``words`` (every other content word), and the ``instructions`` guard;
5. ``verdict``: ``verified`` only when every check passed; ``unsupported`` when one contradicts the
   fact; else ``partial``. The coverage line says what was confirmed.

Nothing the model wrote is trusted: typed fields are hints, checked when present, and their absence
never lets a statement pass unread.
"""

from __future__ import annotations

import re

from summarizer.check import certainty, degree, entities, frame, numbers, predicate, words
from summarizer.check.alignment import locate
from summarizer.check.evidence import Evidence, gather
from summarizer.check.french import read_french, whole_french
from summarizer.check.statement import has_verb, mixed_voice, read, whole
from summarizer.check.verdict import (
    CITED,
    INSTRUCTIONS,
    LOCATED,
    STATEMENT_WHOLE,
    coverage,
    result,
    verdict_of,
)
from summarizer.ingest import Article
from summarizer.models import CheckResult, Fact, FactCheck, Span

# Text addressed to a model rather than to readers (a prompt injection inside an article).
_INSTRUCTION = re.compile(
    r"\b(?:ignor(?:e|ez)|oubli(?:e|ez)|disregard|forget)\s+(?:\w+\s+){0,3}(?:instructions?|prompts?)\b"
    r"|\b(?:instructions?|consignes)\s+(?:précédentes|ci-dessus|antérieures|previous|above)\b"
    r"|\b(?:previous|prior|above|earlier)\s+instructions\b"
    r"|\b(?:prompt\s+syst[eè]me|system\s+prompt)\b"
    r"|\b(?:en\s+tant\s+qu(?:e\s+|['’])|as\s+an?\s+)(?:IA|AI|assistant|modèle|language\s+model)\b"
    r"|\b(?:rapportez|écrivez|indiquez|affirmez|déclarez|répondez|résumez|ajoutez)\s+(?:que|qu['’])",
    re.I,
)


def instruction_like(sentence: str) -> str | None:
    """The words by which a sentence addresses a model instead of its readers, if it does."""
    match = _INSTRUCTION.search(sentence)
    return match.group() if match else None


def check_statement(
    article: Article, ev: Evidence, statement: str, fact: Fact | None = None, french: bool = False
) -> list[CheckResult]:
    """Every element of a statement against one piece of evidence; a fact's typed fields (hints) are
    cross-checked too when a fact is given. ``french``: a claim written in French (``french.py``)."""
    reading = read_french(statement) if french else read(statement)
    text = " ".join(s.text for s in article.sentences)
    checks = [
        *entities.check_names(reading, ev, text),
        *entities.check_codes(reading, ev),
        *numbers.check_numbers(reading, ev, text),
        *numbers.check_dates(reading, ev, text),
        certainty.check_polarity(reading, ev),
        *degree.check_degree(reading, ev),
        *predicate.check_predicate(reading, ev),
        *degree.check_tense(reading, ev),
        certainty.check_certainty(fact, reading, ev),
    ]
    if fact is not None:
        checks += [
            *entities.check_typed_entities(fact, ev),
            *numbers.check_quantity(fact, ev),
            *numbers.check_when(fact, ev, article.published),
            *certainty.check_attribution(fact, ev),
        ]
    checks += frame.check_frame(fact, reading, ev)
    checks += words.check_words(reading, ev)
    if not (whole_french(statement) if french else whole(statement)):
        checks.append(
            result(STATEMENT_WHOLE, False, "the statement is cut off: it does not end like a sentence")
        )
    elif not french and not has_verb(statement):
        checks.append(result(STATEMENT_WHOLE, False, "the statement has no verb: it states nothing"))
    elif not french and re.match(r"\W*according to\b[^,]*$", statement, re.I):
        detail = "the statement's source phrase runs into its verb ('According to the police presence… is'): it is garbled"
        checks.append(result(STATEMENT_WHOLE, False, detail))
    elif statement.rstrip(" '\"’”»").endswith("?"):
        checks.append(result(STATEMENT_WHOLE, False, "the statement is a question: it states no fact"))
    elif not french and re.search(r"(?:^|\s)['’]s\s", statement):
        detail = "the statement has a possessive 's without its owner: it is garbled"
        checks.append(result(STATEMENT_WHOLE, False, detail))
    elif not french and (calque := _COMPASS_CALQUE.search(statement)):
        detail = (
            f"{calque.group(1)!r} keeps the French order (Caroline du Nord: North Carolina): it is garbled"
        )
        checks.append(result(STATEMENT_WHOLE, False, detail))
    elif loop := _repeated(statement):
        detail = f"the statement says {loop!r} twice: it is garbled"
        checks.append(result(STATEMENT_WHOLE, False, detail))
    elif not french and (mixed := mixed_voice(statement)):
        detail = f"{mixed!r} reports a quotation in its speaker's first person: it does not say who that is"
        checks.append(result(STATEMENT_WHOLE, False, detail))
    if phrase := instruction_like(ev.sentence):
        detail = f"sentence {ev.sentence_n} speaks to a model ({phrase!r}): it reports nothing"
        checks.append(result(INSTRUCTIONS, False, detail, contradicts=True))
    return checks


def check_fact(article: Article, fact: Fact) -> FactCheck:
    """Locate the fact's quote and confirm every element of its statement in the evidence."""
    hit = locate(article, fact.quote, fact.sentence)
    if hit.status == "none" or hit.start is None or hit.end is None or hit.sentence is None:
        failed = result(LOCATED, False, hit.detail, contradicts=True)
        return FactCheck(alignment="none", score=hit.score, checks=[failed], verdict="unsupported")
    ev = gather(article, hit)
    checks = [
        result(LOCATED, True, f"{hit.status} match in sentence {hit.sentence} ({hit.score:.0f})"),
        result(
            CITED, hit.sentence == fact.sentence, f"quote in sentence {hit.sentence}, cited {fact.sentence}"
        ),
        *check_statement(article, ev, fact.statement, fact),
    ]
    return FactCheck(
        alignment=hit.status,
        score=hit.score,
        span=Span(start=hit.start, end=hit.end, text=article.raw[hit.start : hit.end]),
        sentence=hit.sentence,
        checks=checks,
        verdict=verdict_of(checks),
        coverage=coverage(checks),
    )


# A place after a preposition, then its compass point in the French order ("in Caroline the North").
_COMPASS_CALQUE = re.compile(r"\b(?:in|of|to|from|at|for|and) ([A-Z][a-z]+ the (?:North|South|East|West))\b")
_RUN = 6  # words: a run this long said twice is a loop, not an emphasis ("a lot of harm, a lot of harm")


def _repeated(statement: str) -> str | None:
    """A run of words a statement says twice (a small model's loop), or None."""
    words = re.findall(r"[\w'’-]+", statement.casefold())
    seen: set[tuple[str, ...]] = set()
    for at in range(len(words) - _RUN + 1):
        run = tuple(words[at : at + _RUN])
        if run in seen:
            return " ".join(run)
        seen.add(run)
    return None
