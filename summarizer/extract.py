"""Extract: numbered sentences → constrained LLM calls → English facts, then the summary from the
verified facts.

Two ways to get facts (``Mode``): ``sentences`` (default; ``sentences.py``): the pipeline picks the
informative sentences and the model writes one English statement for each, every other field read by
the pipeline (a statement the checker does not verify gets second tries: ``mend``), and the summary made of
verified statements (``lead_statements``); ``chunks``: the model reads ~1,000-character chunks and writes whole
typed facts with quotes, then a summary (for a strong model that fills typed fields well).

Guards for small models (measured on the seeds, see DESIGN.md):
- a one-shot example keeps statements in English; facts copied from it are caught and dropped;
- repetition is detected while generating and cut; what came before the loop is salvaged;
- a retry changes temperature and seed (at temperature 0 a retry would repeat itself);
- duplicates and facts over the per-article cap are dropped, each with its reason recorded.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from pydantic import TypeAdapter, ValidationError
from rapidfuzz import fuzz

from summarizer import sentences
from summarizer.backends.base import Backend, Request
from summarizer.check.alignment import normalize
from summarizer.check.statement import read
from summarizer.errors import OutputError
from summarizer.gate import Gate
from summarizer.ingest import Article, SentenceSpan
from summarizer.models import (
    MAX_FACTS_PER_ARTICLE,
    MAX_FACTS_PER_CHUNK,
    MAX_SUMMARY_SENTENCES,
    ChunkOut,
    Dropped,
    Fact,
    FactOut,
    SummaryOut,
    SummarySentence,
)
from summarizer.resources import Prompts

log = logging.getLogger(__name__)
FACT: TypeAdapter[Fact] = TypeAdapter(Fact)
Mode = Literal["sentences", "chunks"]
CHUNK_CHARS = 1000
# (temperature, seed) per attempt: a retry must change something to change the answer.
ATTEMPTS = ((0.0, 0), (0.5, 1), (0.9, 2))
_MIN_LOOP, _MAX_LOOP = 12, 900  # lengths of a repeated unit that counts as a loop (characters)


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    seconds: float = 0.0
    engine_seconds: float = 0.0
    calls: int = 0

    def add(self, prompt: int, completion: int, seconds: float, engine: float | None) -> None:
        self.prompt_tokens += prompt
        self.completion_tokens += completion
        self.seconds += seconds
        self.engine_seconds += engine or 0.0
        self.calls += 1

    def merge(self, other: Usage) -> None:
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.seconds += other.seconds
        self.engine_seconds += other.engine_seconds
        self.calls += other.calls


@dataclass
class Extraction:
    facts: list[FactOut] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    failed_chunks: list[str] = field(default_factory=list)
    chunks: int = 0
    usage: Usage = field(default_factory=Usage)


def make_chunks(sentences: Sequence[SentenceSpan], size: int = CHUNK_CHARS) -> list[list[SentenceSpan]]:
    """Pack consecutive sentences into chunks of about ``size`` characters (a longer sentence alone)."""
    chunks: list[list[SentenceSpan]] = []
    current: list[SentenceSpan] = []
    length = 0
    for sentence in sentences:
        if current and length + len(sentence.text) > size:
            chunks.append(current)
            current, length = [], 0
        current.append(sentence)
        length += len(sentence.text) + 1
    if current:
        chunks.append(current)
    return chunks


def chunk_messages(prompts: Prompts, chunk: Sequence[SentenceSpan], attempt: int = 0) -> list[dict[str, str]]:
    numbered = "\n".join(f"[{s.n}] {s.text}" for s in chunk)
    ask = f"Extract up to {MAX_FACTS_PER_CHUNK} facts."
    if attempt:
        ask += " Keep each quote short and copy it exactly. Do not repeat a fact."
    return [
        {"role": "system", "content": prompts.extract_system},
        {"role": "user", "content": prompts.example_input},
        {"role": "assistant", "content": prompts.example_output},
        {"role": "user", "content": f"Article sentences:\n{numbered}\n\n{ask}"},
    ]


def find_loop(text: str) -> str | None:
    """A reason when the tail of ``text`` is one unit repeated three times (a generation loop)."""
    n = len(text)
    for unit in range(_MIN_LOOP, min(n // 3, _MAX_LOOP) + 1):
        tail = text[n - unit :]
        if text[n - 2 * unit : n - unit] == tail and text[n - 3 * unit : n - 2 * unit] == tail:
            return f"repetition loop ({unit}-character unit repeated: {tail[:40]!r}…)"
    return None


def salvage(text: str) -> list[FactOut]:
    """The complete facts at the start of a cut or broken answer (those before the loop)."""
    start = text.find("[")
    if start == -1:
        return []
    for match in reversed(list(re.finditer(r"\}\s*,", text))):
        try:
            return ChunkOut.model_validate_json('{"facts": ' + text[start : match.start() + 1] + "]}").facts
        except ValidationError:
            continue
    return []


def extract_chunk(
    backend: Backend, prompts: Prompts, chunk: Sequence[SentenceSpan], usage: Usage
) -> list[FactOut]:
    """Facts for one chunk; raises OutputError when every attempt failed and nothing was salvaged."""
    best: list[FactOut] = []
    errors: list[str] = []
    for attempt, (temperature, seed) in enumerate(ATTEMPTS):
        request = Request(chunk_messages(prompts, chunk, attempt), temperature, seed, should_stop=find_loop)
        try:
            reply = backend.generate(request, ChunkOut)
        except OutputError as exc:
            log.info("sentences %d-%d, attempt %d failed: %s", chunk[0].n, chunk[-1].n, attempt + 1, exc)
            errors.append(str(exc))
            rescued = salvage(exc.raw)
            best = rescued if len(rescued) > len(best) else best
            continue
        usage.add(reply.prompt_tokens, reply.completion_tokens, reply.seconds, reply.engine_seconds)
        return reply.value.facts
    if best:
        return best
    raise OutputError("; ".join(errors))


def translate_group(
    backend: Backend, prompts: Prompts, group: Sequence[SentenceSpan], usage: Usage
) -> list[FactOut]:
    """Facts for a group of chosen sentences, one statement each; raises OutputError when every
    attempt failed."""
    schema = sentences.schema_for(group)
    errors: list[str] = []
    for attempt, (temperature, seed) in enumerate(ATTEMPTS):
        try:
            reply = backend.generate(sentences.request(prompts, group, temperature, seed), schema)
        except OutputError as exc:
            log.info("sentences %d-%d, attempt %d failed: %s", group[0].n, group[-1].n, attempt + 1, exc)
            errors.append(str(exc))
            continue
        usage.add(reply.prompt_tokens, reply.completion_tokens, reply.seconds, reply.engine_seconds)
        return sentences.to_facts(group, reply.value)
    raise OutputError("; ".join(errors))


def plan(article: Article, mode: Mode = "sentences") -> list[list[SentenceSpan]]:
    """The groups of sentences sent to the model, one call (and one progress step) each."""
    return sentences.plan(article.sentences) if mode == "sentences" else make_chunks(article.sentences)


def _example_quotes(prompts: Prompts) -> list[str]:
    data = json.loads(prompts.example_output)
    return [normalize(f["quote"]) for f in data["facts"]] + [normalize(f["statement"]) for f in data["facts"]]


def _is_leak(fact: FactOut, article_norm: str, example: list[str]) -> bool:
    quote, statement = normalize(fact.quote), normalize(fact.statement)
    if quote in article_norm:
        return False
    return any(fuzz.ratio(quote, ex) >= 85 or fuzz.ratio(statement, ex) >= 85 for ex in example)


async def extract_article(
    backend: Backend,
    prompts: Prompts,
    article: Article,
    gate: Gate | None = None,
    on_chunk: Callable[[], None] | None = None,
    mode: Mode = "sentences",
) -> Extraction:
    """Run every group of sentences (``plan``), as many at once as ``gate`` allows (calling
    ``on_chunk`` after each); keep going when one fails; then, in order, drop leaks, duplicates and
    (in ``chunks`` mode) facts over the cap."""
    gate = gate or Gate()
    result = Extraction()
    chunks = plan(article, mode)
    unit = translate_group if mode == "sentences" else extract_chunk
    result.chunks = len(chunks)
    usages = [Usage() for _ in chunks]

    async def one(chunk: list[SentenceSpan], usage: Usage) -> list[FactOut] | OutputError:
        try:
            return await gate.call(unit, backend, prompts, chunk, usage)
        except OutputError as exc:
            return exc
        finally:
            if on_chunk is not None:
                on_chunk()

    try:
        async with asyncio.TaskGroup() as group:  # a BackendError cancels the chunks still waiting
            tasks = [group.create_task(one(c, u)) for c, u in zip(chunks, usages, strict=True)]
    except ExceptionGroup as failed:
        raise failed.exceptions[0] from None
    article_norm = ""  # normalised on first use: slow on a 5 MB article that yields no fact
    example = _example_quotes(prompts)
    seen: set[tuple[str, str]] = set()
    for chunk, task, usage in zip(chunks, tasks, usages, strict=True):
        result.usage.merge(usage)
        outcome = task.result()
        if isinstance(outcome, OutputError):
            result.failed_chunks.append(f"sentences {chunk[0].n}-{chunk[-1].n}: {outcome}")
            continue
        for fact in outcome:
            article_norm = article_norm or normalize(" ".join(s.text for s in article.sentences))
            key = (fact.type, normalize(fact.quote))
            reason = None
            if _is_leak(fact, article_norm, example):
                reason = "copied from the prompt's example, not from the article"
            elif key in seen or (fact.type, normalize(fact.statement)) in seen:
                reason = "duplicate of an earlier fact"
            elif mode == "chunks" and len(result.facts) >= MAX_FACTS_PER_ARTICLE:
                reason = f"over the cap of {MAX_FACTS_PER_ARTICLE} facts per article"
            if reason:
                result.dropped.append(Dropped(reason=reason, statement=fact.statement, quote=fact.quote))
                continue
            seen.update({key, (fact.type, normalize(fact.statement))})
            result.facts.append(fact)
    return result


def summary_messages(
    prompts: Prompts, title: str | None, facts: Sequence[tuple[str, str]]
) -> list[dict[str, str]]:
    listed = "\n".join(f"{fid}: {statement}" for fid, statement in facts)
    head = f"Title: {title}\n" if title else ""
    return [
        {"role": "system", "content": prompts.summary_system},
        {"role": "user", "content": f"{head}Facts:\n{listed}\n\nWrite the summary."},
    ]


def summarize(
    backend: Backend, prompts: Prompts, title: str | None, facts: Sequence[tuple[str, str]], usage: Usage
) -> list[SummarySentence]:
    """English summary sentences citing the given (id, statement) facts; unknown ids are removed."""
    if not facts:
        return []
    known = {fid for fid, _ in facts}
    last: OutputError | None = None
    for temperature, seed in ATTEMPTS:
        request = Request(summary_messages(prompts, title, facts), temperature, seed, 600, find_loop)
        try:
            reply = backend.generate(request, SummaryOut)
        except OutputError as exc:
            log.info("summary, attempt at temperature %s failed: %s", temperature, exc)
            last = exc
            continue
        usage.add(reply.prompt_tokens, reply.completion_tokens, reply.seconds, reply.engine_seconds)
        out = []
        for sentence in reply.value.summary:
            ids = [fid for fid in dict.fromkeys(sentence.fact_ids) if fid in known]
            if ids:
                out.append(SummarySentence(text=sentence.text, fact_ids=ids))
        return out
    raise OutputError(f"summary: {last}")


def lead_statements(
    facts: Sequence[tuple[str, str]], limit: int = MAX_SUMMARY_SENTENCES
) -> list[SummarySentence]:
    """A summary made of verified statements themselves, each citing its fact: the ``limit`` that
    name and count the most (earlier first on a tie), in article order. Nothing is rewritten, so
    nothing can be added."""

    def weight(item: tuple[int, tuple[str, str]]) -> tuple[int, int]:
        reading = read(item[1][1])
        return (
            -(len(reading.names) + len(reading.codes) + len(reading.numbers) + len(reading.years)),
            item[0],
        )

    chosen = sorted(sorted(enumerate(facts), key=weight)[:limit])
    return [SummarySentence(text=statement, fact_ids=[fid]) for _, (fid, statement) in chosen]
