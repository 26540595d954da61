"""Typed fields the pipeline reads itself, for a fact the model wrote only as an English sentence.

Sentence-first extraction asks the model for one thing (the English statement of a numbered French
sentence); everything the pipeline can derive it derives, so nothing here is generated or invented:

- ``quote``: the words of the French sentence that render the statement (first to last rendered
  word, widened to its clause), an exact substring by construction;
- ``certainty``: the statement's own hedges and the clause's markers (``check.certainty``);
- ``type`` and ``quantity``: a number of the statement that the French sentence gives
  (``check.values``) makes a quantity, a source or reporting verb a claim, anything else an event.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import TypeAdapter

from summarizer.check.certainty import markers
from summarizer.check.lexicon import french_words
from summarizer.check.names import find_rendering
from summarizer.check.statement import Reading, read
from summarizer.check.values import Amount, amount_says, parse_amounts
from summarizer.ingest import SentenceSpan
from summarizer.models import QUOTE_MAX, Certainty, FactOut

_FACT_OUT: TypeAdapter[FactOut] = TypeAdapter(FactOut)
_CLAUSE_EDGE = re.compile(r"[,;:()«»\"“”]|\s[-–—]\s")
# The words after a number in the statement that name what is counted ("122 mm artillery shells").
_UNIT = re.compile(
    r"\d[\d,.]*(?:\s+(?:million|billion|thousand))?\s*((?:%|[a-z][a-z-]*)(?:\s+(?!of\b|to\b|in\b|and\b|from\b|for\b|by\b|on\b|at\b|with\b)[a-z][a-z-]*){0,2})",
    re.I,
)


def quote_for(sentence: str, reading: Reading) -> str:
    """The part of a French sentence that renders an English reading: from its first to its last
    rendered word, widened to the clause edges while it fits ``QUOTE_MAX`` characters."""
    words = french_words(sentence)
    starts = [at for w in reading.words if (at := words.where(w)) is not None]
    starts += [hit[0] for n in reading.names if (hit := find_rendering(n, sentence)) is not None]
    if not starts:
        return _cut(sentence)
    first, last = min(starts), max(starts)
    end = re.match(r"[\w'’-]*", sentence[last:])
    last += end.end() if end else 0
    edges_before = [m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, first)]
    edges_after = [m.start() for m in _CLAUSE_EDGE.finditer(sentence, last)]
    start = edges_before[-1] if edges_before else 0
    stop = edges_after[0] if edges_after else len(sentence.rstrip(" .!?"))
    if stop - start > QUOTE_MAX:
        start, stop = first, last
    return _cut(sentence[start:stop])


def _cut(text: str) -> str:
    """At most ``QUOTE_MAX`` characters of text, ending on a word boundary."""
    piece = text[:QUOTE_MAX]
    if len(text) > QUOTE_MAX and " " in piece:
        piece = piece[: piece.rindex(" ")]
    return piece.strip()


def certainty_of(reading: Reading, clause: str) -> Certainty:
    """The certainty a statement claims: its own hedges first, then a reporting marker of its clause."""
    if reading.negated and markers(clause) & {"denied"}:
        return "denied"
    for kind in ("alleged", "speculative"):  # a Certainty each
        if kind in reading.hedges:
            return kind
    if "reported" in reading.hedges or reading.attribution or "reported" in markers(clause):
        return "reported"
    return "asserted"


def fact_for(sentence: SentenceSpan, statement: str) -> FactOut:
    """A model-facing fact for an English statement of one French sentence, every typed field read
    from the two texts (see the module docstring)."""
    reading = read(statement)
    quote = quote_for(sentence.text, reading)
    certainty = certainty_of(reading, quote)
    fact: dict[str, Any] = {
        "sentence": sentence.n,
        "quote": quote,
        "statement": statement,
        "certainty": certainty,
    }
    amounts = [a for a in parse_amounts(sentence.text) if a.value is not None]
    number = next((a for n in reading.numbers for a in amounts if amount_says(a, n)), None)
    if number is not None and number.value is not None:
        unit = next((m.group(1) for m in _UNIT.finditer(statement)), "")
        fact["type"] = "quantity"
        fact["quantity"] = {
            "value": number.value,
            "value_max": number.value_max,
            "qualifier": number.qualifier,
            "unit": unit,
            "mention": mention_of(sentence.text, number),
        }
    elif certainty in ("reported", "denied") or reading.attribution:
        fact["type"] = "claim"
        fact["claim"] = {"speaker": "", "stance": ""}
    else:
        fact["type"] = "event"
        fact["event"] = {"actor": "", "action": ""}
    return _FACT_OUT.validate_python(fact)


def mention_of(sentence: str, amount: Amount) -> str:
    """The fewest words of the sentence that read as the amount, its qualifier with them when it
    has one ("plus d'un million"): exact French words, as a typed mention must be."""
    words = list(re.finditer(r"[\w%,.'’-]+", sentence))
    best: tuple[bool, int, str] | None = None
    for i in range(len(words)):
        for j in range(i, min(i + 7, len(words))):
            text = sentence[words[i].start() : words[j].end()].rstrip(".,")
            found = [
                a for a in parse_amounts(text) if a.value == amount.value and a.value_max == amount.value_max
            ]
            if found:
                key = (found[0].qualifier != amount.qualifier, j - i, text)
                best = min(best, key) if best else key
                break
    return best[2] if best else amount.text
