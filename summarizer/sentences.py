"""Sentence-first extraction: the pipeline picks the sentences, the model only translates them.

What a 1.5B model does well is translate one sentence; what it does badly is choose, quote, count
and fill typed fields. So the pipeline picks the informative sentences (not headings or fragments),
sends a few at a time by number, and the grammar pins the answer to exactly those numbers, one short
English statement each: no invented sentence number, no loop, no quote to copy. The quote, the
certainty, the type and the quantity are then read from the French sentence and the statement
(``fields``), and the checker judges the statement as it judges any fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, create_model

from summarizer.backends.base import Request
from summarizer.fields import fact_for
from summarizer.ingest import SentenceSpan
from summarizer.models import FactOut
from summarizer.resources import Prompts

STATEMENT_MAX = 300  # characters: one sentence's main fact, not a paragraph
SENTENCES_PER_CALL = 4  # small calls: a failure is cheap to retry, a group fits any context
_MIN_WORDS = 6


class TranslationsOut(BaseModel):
    """The model's answer for a few numbered sentences: ``{"s<n>": "<English statement>", ...}``."""

    model_config = ConfigDict(extra="forbid")

    def statements(self) -> dict[int, str]:
        return {int(k[1:]): str(v).strip() for k, v in self.model_dump().items()}


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


def plan(sentences: Sequence[SentenceSpan], per_call: int = SENTENCES_PER_CALL) -> list[list[SentenceSpan]]:
    """The informative sentences in groups of ``per_call``, one model call each."""
    chosen = [s for s in sentences if informative(s)]
    return [chosen[i : i + per_call] for i in range(0, len(chosen), per_call)]


def request(
    prompts: Prompts,
    group: Sequence[SentenceSpan],
    temperature: float,
    seed: int,
    without: Sequence[str] = (),
) -> Request:
    """The call for one group: long enough for one bounded statement per sentence. ``without``: words
    the checker found no French counterpart for, which the new statement must leave out."""
    numbered = "\n".join(f"[{s.n}] {s.text}" for s in group)
    if without:
        listed = ", ".join(f'"{w}"' for w in without)
        numbered += f"\n\nTranslate it again without {listed}: only what the French sentence says."
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
        fact_for(sentence, said[sentence.n])
        for sentence in group
        if len(re.findall(r"[^\W\d_]+", said.get(sentence.n, ""))) >= 3
    ]
