"""Extract: numbered sentences → constrained LLM calls → English facts, then the summary from the
verified facts.

Two ways to get facts (``Mode``): ``sentences`` (default; ``sentences.py``): the pipeline picks the
informative sentences and the model writes one English statement for each, every other field read by
the pipeline, a statement with unconfirmed words asked for once more, and the summary made of verified
statements (``lead_statements``); ``chunks``: the model reads ~1,000-character chunks and writes whole
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
from summarizer.check import check_fact
from summarizer.check.alignment import normalize
from summarizer.check.repair import Repair, proper_words, repair, shortened, sourced
from summarizer.check.statement import persons, read
from summarizer.errors import OutputError
from summarizer.fields import fact_for
from summarizer.gate import Gate
from summarizer.ingest import Article, SentenceSpan
from summarizer.models import (
    MAX_FACTS_PER_ARTICLE,
    MAX_FACTS_PER_CHUNK,
    MAX_SUMMARY_SENTENCES,
    ChunkOut,
    Dropped,
    Fact,
    FactCheck,
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
# A rejected statement is asked for again at most this many times, each ask naming every fault so far.
REVISIONS = 2
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


def revise(
    backend: Backend, prompts: Prompts, sentence: SentenceSpan, fix: Repair, usage: Usage
) -> str | None:
    """One new statement for a sentence, asked to leave out the words the checker could not confirm
    and to say what the statement dropped; None when the call fails."""
    request = sentences.request(prompts, [sentence], 0.0, 0, fix.without, fix.says())
    try:
        reply = backend.generate(request, sentences.schema_for([sentence]))
    except OutputError as exc:
        log.info("sentence %d, revision failed: %s", sentence.n, exc)
        return None
    usage.add(reply.prompt_tokens, reply.completion_tokens, reply.seconds, reply.engine_seconds)
    return reply.value.statements().get(1)


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


async def revise_unconfirmed(
    article: Article,
    facts: list[Fact],
    backend: Backend,
    prompts: Prompts,
    calls: Gate,
    extraction: Extraction,
) -> None:
    """Ask again for each statement whose faults a rewrite can mend (``check.repair``: words without a
    French counterpart, a dropped degree word, qualifier, hedge or future), naming what to leave out and
    what to say (for a calqued word, what its expression says); a rewrite that fails too is asked for
    once more with its own faults added (up to ``REVISIONS`` calls). Keep a new statement only when the
    checker verifies it and its pronouns stand for the persons the old one's did (the old one is listed
    in ``dropped`` with the reason, in the facts' order whatever order the calls end in)."""
    rewritten: dict[int, Dropped] = {}

    async def one(at: int, fact: Fact) -> None:
        sentence = sentences.part_with(article.sentences[fact.sentence - 1], fact.quote)

        def asked(check: FactCheck) -> Repair | None:
            """The rewrite to ask for, with the expression a word was calqued from ("prime minister"
            where "first" came from "Premier ministre")."""
            fix = repair([c for c in check.checks if not c.ok])
            return fix and fix | Repair(hints=proper_words(fix.without, sentence.text))

        fix = asked(fact.check) if fact.check else None
        if fix is None:
            return
        for _ in range(REVISIONS):
            text = await calls.call(revise, backend, prompts, sentence, fix, extraction.usage)
            if not text or text == fact.statement:
                return
            if sorted(persons(text)) != sorted(persons(fact.statement)):
                return  # asked for words, it changed who is spoken of ("His death" → "Her death")
            new = FACT.validate_python({**fact_for(sentence, text).model_dump(), "id": fact.id})
            new.check = check_fact(article, new)
            if new.check.verdict == "verified":
                facts[at] = new
                reason = fix.reason(sentence.n)
                rewritten[at] = Dropped(reason=reason, statement=fact.statement, quote=fact.quote)
                return
            again = asked(new.check)
            if again is None or (merged := fix | again) == fix:
                return  # nothing new to ask: the same request would get the same answer
            fix = merged

    await asyncio.gather(*(one(at, fact) for at, fact in enumerate(facts)))
    extraction.dropped += [rewritten[at] for at in sorted(rewritten)]


def mend_unconfirmed(article: Article, facts: list[Fact], dropped: list[Dropped]) -> None:
    """Replace each statement still not verified by its longest shorter form that the checker
    verifies (``check.repair.shortened``: the main clause without an appended one), or by itself with
    the source a pronoun incise gives (``sourced``: "…, he said."), no model call; the old statement is
    listed in ``dropped`` with what was left out or added."""
    for at, fact in enumerate(facts):
        if fact.check is None or fact.check.verdict == "verified":
            continue
        candidates = [
            (text, f"shortened: {left!r} was not confirmed") for text, left in shortened(fact.statement)
        ]
        failed = [c for c in fact.check.checks if not c.ok]
        n = fact.check.sentence or fact.sentence
        here, before = article.sentence(n), article.sentence(n - 1)
        if here and (said := sourced(fact.statement, failed, here.text, before.text if before else "")):
            candidates.append((said, "sourced: the sentence's speaker added"))
        for text, reason in candidates:
            new = fact.model_copy(update={"statement": text})
            new.check = check_fact(article, new)
            if new.check.verdict == "verified":
                facts[at] = new
                dropped.append(Dropped(reason=reason, statement=fact.statement, quote=fact.quote))
                break
