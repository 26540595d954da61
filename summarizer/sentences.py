"""Sentence-first extraction: the pipeline picks the sentences, the model only translates them.

What a 1.5B model does well is translate one sentence; what it does badly is choose, quote, count
and fill typed fields. So the pipeline picks the informative sentences (not headings or fragments),
sends a few at a time by number, and the grammar pins the answer to exactly those numbers, one short
English statement each: no invented sentence number, no loop, no quote to copy. The quote, the
certainty, the type and the quantity are then read from the French sentence and the statement
(``fields``), and the checker judges the statement as it judges any fact.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import replace
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from summarizer.backends.base import Request
from summarizer.check.statement import ENDED
from summarizer.fields import fact_for
from summarizer.ingest import SentenceSpan
from summarizer.models import FactOut
from summarizer.resources import Prompts

STATEMENT_MAX = 300  # characters: one sentence's main fact, not a paragraph
SENTENCES_PER_CALL = 4  # small calls: a failure is cheap to retry, a group fits any context
_MIN_WORDS = 6
# A longer sentence goes to the model clause by clause: one statement per sentence lost the second
# fact of long sentences, and a long statement fails on any one of its words.
LONG = 240
_PART_MIN = 80
_CLAUSE = re.compile(r";\s+|,\s+(?=(?:mais|et|tandis qu|alors qu|puis|car|donc|ce qui)\b)|\s+(?=mais\b)")
# Double quotes inside a French sentence end the model's JSON string early ("The cooperation is");
# the model copies single ones, which need no escaping.
_DOUBLE_QUOTES = str.maketrans({'"': "'", "“": "'", "”": "'"})


class TranslationsOut(BaseModel):
    """The model's answer for a few numbered sentences: ``{"s<n>": "<English statement>", ...}``."""

    model_config = ConfigDict(extra="forbid")

    def statements(self) -> dict[int, str]:
        return {int(k[1:]): finished(str(v).strip()) for k, v in self.model_dump().items()}


def finished(statement: str) -> str:
    """A statement the length bound cut ("…(1992-1995), which resulted in the loss") without its
    unfinished last clause, so that the checker reads what the model finished saying."""
    if len(statement) < STATEMENT_MAX - 2 or ENDED.search(statement):  # the bound less a stripped space
        return statement
    cut = max(statement.rfind(", "), statement.rfind("; "))
    return statement[:cut].rstrip() + "." if cut > 0 else statement


@cache
def pinned(numbers: tuple[int, ...]) -> type[TranslationsOut]:
    """The answer schema for exactly these sentence numbers, in order: the grammar allows no other
    key and bounds each statement's length."""
    fields: dict[str, Any] = {
        f"s{n}": (str, Field(max_length=STATEMENT_MAX, description=f"sentence {n} in English"))
        for n in numbers
    }
    model: type[TranslationsOut] = create_model("Translations", __base__=TranslationsOut, **fields)
    return model


def informative(sentence: SentenceSpan) -> bool:
    """Whether a sentence can state a fact: a full sentence, not a heading, caption or fragment."""
    text = sentence.text.strip()
    words = re.findall(r"\w+", text)
    if len(words) < _MIN_WORDS:
        return False
    return bool(re.search(r"[.!?»\"”…]$", text)) or len(words) >= 2 * _MIN_WORDS


def parts(sentence: SentenceSpan) -> list[SentenceSpan]:
    """A sentence, or for a long one its clauses (cut at ";", ", mais", ", et"…, each at least
    ``_PART_MIN`` characters), each with the sentence's number and offsets and the clause's text."""
    text = sentence.text
    if len(text) <= LONG:
        return [sentence]
    cuts, start = [], 0
    for m in _CLAUSE.finditer(text):
        if m.start() - start >= _PART_MIN and len(text) - m.end() >= _PART_MIN:
            cuts.append((start, m.start()))
            start = m.end()
    cuts.append((start, len(text)))
    return [replace(sentence, text=text[a:b].strip(" ,;")) for a, b in cuts]


def part_with(sentence: SentenceSpan, quote: str) -> SentenceSpan:
    """The part of a sentence that holds a quote (the whole sentence when none does)."""
    return next((p for p in parts(sentence) if quote in p.text), sentence)


def plan(sentences: Sequence[SentenceSpan], per_call: int = SENTENCES_PER_CALL) -> list[list[SentenceSpan]]:
    """The informative sentences (long ones by parts) in groups of ``per_call``, one model call each."""
    chosen = [p for s in sentences if informative(s) for p in parts(s)]
    return [chosen[i : i + per_call] for i in range(0, len(chosen), per_call)]


def schema_for(group: Sequence[SentenceSpan]) -> type[TranslationsOut]:
    """The answer schema of one call: its sentences are numbered 1, 2, … in the request."""
    return pinned(tuple(range(1, len(group) + 1)))


def request(
    prompts: Prompts,
    group: Sequence[SentenceSpan],
    temperature: float,
    seed: int,
    without: Sequence[str] = (),
    keep: Sequence[str] = (),
) -> Request:
    """The call for one group: long enough for one bounded statement per sentence. ``without``: words
    the checker found no French counterpart for, which the new statement must leave out; ``keep``:
    words it must say (a degree word, a qualifier, a hedge the first statement dropped)."""
    numbered = "\n".join(f"[{i}] {s.text.translate(_DOUBLE_QUOTES)}" for i, s in enumerate(group, 1))
    asks = [
        f"{how} {', '.join(json.dumps(w, ensure_ascii=False) for w in words)}"
        for how, words in (("without", without), ("with", keep))
        if words
    ]
    if asks:
        numbered += f"\n\nTranslate it again {' and '.join(asks)}: only what the French sentence says."
    messages = [
        {"role": "system", "content": prompts.translate_system},
        {"role": "user", "content": prompts.translate_input},
        {"role": "assistant", "content": prompts.translate_output},
        {"role": "user", "content": numbered},
    ]
    return Request(messages, temperature, seed, max_tokens=100 * len(group) + 20)


def to_facts(group: Sequence[SentenceSpan], answer: TranslationsOut) -> list[FactOut]:
    """A fact per statement that says something (fewer than three words is not a statement)."""
    said = answer.statements()
    return [
        fact_for(sentence, said[i])
        for i, sentence in enumerate(group, 1)
        if len(re.findall(r"[^\W\d_]+", said.get(i, ""))) >= 3
    ]
