"""The summarize pipeline, one article at a time:

1. ingest  — read, decode, strip boilerplate, number sentences (``ingest``);
2. extract — constrained LLM calls: the informative sentences, a few per call, one English statement
   each (``sentences`` mode), or ~1,000-character chunks → typed facts (``chunks``) (``extract``);
3. check   — align each quote to a raw span and check it (``check``);
4. mend    — second tries for the statements not verified: rewrite, shorten or source (``mend``);
5. summary — the verified statements themselves, or one LLM call citing them in ``chunks`` mode;
6. render  — digest JSON per article and run.json for the batch (``render``).

A failing article is recorded with its reason; the batch goes on.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import lru_cache, partial
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel

from summarizer import gate, render
from summarizer.backends.base import Backend
from summarizer.cache import CachedBackend, CallCache
from summarizer.check import check_fact, check_summary_lines, instruction_like
from summarizer.errors import OutputError, SummarizerError, UnreachableError
from summarizer.extract import (
    FACT,
    Mode,
    Usage,
    extract_article,
    lead_statements,
    plan,
    summarize,
)
from summarizer.gate import Gate
from summarizer.ingest import Article, load_articles
from summarizer.mend import mend_unconfirmed, revise_unconfirmed, substitute_unconfirmed
from summarizer.models import (
    ArticleMeta,
    ArticleRun,
    ChunkOut,
    Digest,
    DigestRun,
    Fact,
    RunReport,
    RunTotals,
    Sentence,
    SummaryOut,
)
from summarizer.resources import Prompts, load_prompts
from summarizer.sentences import pinned

log = logging.getLogger(__name__)
LONG_ARTICLE_CHUNKS = 50  # above this, run.json notes how many chunks (calls) the article took


class Progress(Protocol):
    """What the pipeline reports while it works (the CLI draws it as a progress bar)."""

    def start(self, steps: int) -> None: ...
    def step(self, label: str) -> None: ...
    def warn(self, message: str) -> None: ...


class _Silent:
    def start(self, steps: int) -> None:
        pass

    def step(self, label: str) -> None:
        pass

    def warn(self, message: str) -> None:
        pass


@lru_cache(maxsize=1)
def schema_sha() -> str:
    """Hash of the model-facing schemas: part of what identifies a run's outputs."""
    schemas: list[type[BaseModel]] = [ChunkOut, pinned((1,)), SummaryOut]
    text = json.dumps([m.model_json_schema() for m in schemas], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def verified_statements(facts: Sequence[Fact]) -> list[tuple[str, str]]:
    """(id, statement) of the verified facts: the only ones a summary may use (a partial fact may
    have its actors flipped)."""
    return [(f.id, f.statement) for f in facts if f.check is not None and f.check.verdict == "verified"]


def digest_article(
    article: Article,
    backend: Backend,
    prompts: Prompts | None = None,
    progress: Progress | None = None,
    mode: Mode = "sentences",
) -> Digest:
    """``adigest_article`` with one model call at a time, for callers outside an event loop."""
    return gate.run(adigest_article(article, backend, Gate(), prompts, progress, mode), threads=1)


async def adigest_article(
    article: Article,
    backend: Backend,
    calls: Gate,
    prompts: Prompts | None = None,
    progress: Progress | None = None,
    mode: Mode = "sentences",
) -> Digest:
    """Extract, check and summarise one ingested article, its model calls bounded by ``calls``; one
    progress step per extraction call and one for the summary."""
    prompts = prompts or load_prompts()
    progress = progress or _Silent()
    started = time.perf_counter()
    step = partial(progress.step, article.id)
    extraction = await extract_article(backend, prompts, article, calls, step, mode)
    if extraction.chunks and not extraction.facts and len(extraction.failed_chunks) == extraction.chunks:
        raise OutputError(f"every chunk failed: {extraction.failed_chunks[0]}")
    facts: list[Fact] = []
    for i, out in enumerate(extraction.facts, 1):
        fact = FACT.validate_python({**out.model_dump(), "id": f"F{i}"})
        fact.check = check_fact(article, fact)
        facts.append(fact)
    usage: Usage = extraction.usage
    substitute_unconfirmed(article, facts, extraction.dropped)
    tried: dict[int, list[Fact]] = {}
    if mode == "sentences":
        tried = await revise_unconfirmed(article, facts, backend, prompts, calls, extraction)
    mend_unconfirmed(article, facts, extraction.dropped, tried)
    verified = verified_statements(facts)
    problems = list(extraction.failed_chunks)
    summary = []
    if not verified:
        problems.append("summary: no verified fact to summarize")
    if mode == "sentences":  # the statements are already the sentences' English: no call needed
        summary = lead_statements(verified)
    else:
        try:
            summary = await calls.call(summarize, backend, prompts, article.title, verified, usage)
        except OutputError as exc:
            problems.append(str(exc))
    progress.step(article.id)
    return Digest(
        article=ArticleMeta(
            id=article.id,
            path=article.path,
            sha256=article.sha256,
            encoding=article.encoding,
            title=article.title,
            outlet=article.outlet,
            published=article.published,
            language=article.language,
            chars=len(article.raw),
        ),
        summary=check_summary_lines(summary, facts),
        facts=facts,
        sentences=[Sentence(n=s.n, start=s.start, end=s.end) for s in article.sentences],
        boilerplate=article.removed,
        run=DigestRun(
            backend=backend.name,
            model=backend.model,
            prompt_sha=prompts.sha,
            schema_sha=schema_sha(),
            prompt_tokens=usage.prompt_tokens,
            completion_tokens=usage.completion_tokens,
            seconds=round(time.perf_counter() - started, 2),
            engine_seconds=round(usage.engine_seconds, 2),
            chunks=extraction.chunks,
            calls=usage.calls,
            dropped=extraction.dropped,
            problems=problems,
        ),
    )


def _unique_ids(articles: Sequence[Article]) -> None:
    seen: dict[str, int] = {"run": 1, "reviews": 1}  # run.json: the batch report; reviews.json: reviews
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            article.id = f"{article.id}-{count + 1}"


def _notes(article: Article, chunks: int) -> list[str]:
    """What a reader of run.json should know about an article before trusting its digest."""
    notes = []
    if article.language != "fr":
        notes.append(
            f"language detected: {article.language} (prompts and checks are tuned for French; processed anyway)"
        )
    flagged = [s.n for s in article.sentences if instruction_like(s.text)]
    if flagged:
        listed = ", ".join(map(str, flagged[:10]))
        notes.append(f"sentences {listed} read as instructions to a model; no fact from them is verified")
    if not chunks:
        notes.append(
            "no sentence to state a fact from (only headings or fragments under six words): no facts"
        )
    if chunks > LONG_ARTICLE_CHUNKS:
        notes.append(f"long article: {len(article.raw):,} characters in {chunks} chunks, every one sent")
    return notes


class _Batch:
    """One batch run: its articles, their records (in input order) and run.json kept current."""

    def __init__(
        self, backend: Backend, out_dir: Path, cache: CallCache | None, progress: Progress, mode: Mode
    ) -> None:
        self.backend, self.out_dir, self.cache, self.progress = backend, out_dir, cache, progress
        self.mode = mode
        self.prompts = load_prompts()
        self.started_at = datetime.now(UTC).isoformat(timespec="seconds")
        self.records: dict[int, ArticleRun] = {}
        self.stopped: str | None = None

    def record(self, index: int, run: ArticleRun) -> None:
        log.info(
            "%s: %s (%d model calls, %d from cache, %.1f s)%s",
            run.path,
            run.status,
            run.calls,
            run.cached,
            run.seconds,
            f": {run.error}" if run.error else "",
        )
        self.records[index] = run
        render.write_json(self.out_dir / "run.json", self.report())

    def report(self) -> RunReport:
        runs = [self.records[i] for i in sorted(self.records)]
        return RunReport(
            backend=self.backend.name,
            model=self.backend.model,
            prompt_sha=self.prompts.sha,
            schema_sha=schema_sha(),
            started_at=self.started_at,
            stopped=self.stopped,
            articles=runs,
            totals=RunTotals(
                articles=len(runs),
                ok=sum(r.status == "ok" for r in runs),
                failed=sum(r.status == "failed" for r in runs),
                duplicates=sum(r.status == "duplicate" for r in runs),
                facts=sum(r.facts for r in runs),
                located=sum(r.located for r in runs),
                verified=sum(r.verified for r in runs),
                calls=sum(r.calls for r in runs),
                cached=sum(r.cached for r in runs),
                prompt_tokens=sum(r.prompt_tokens for r in runs),
                completion_tokens=sum(r.completion_tokens for r in runs),
                seconds=round(sum(r.seconds for r in runs), 2),
            ),
        )

    async def digest(self, article: Article, calls: Gate) -> ArticleRun:
        """Digest one article and write it; a failure becomes a record with its reason."""
        chunks = len(plan(article, self.mode))
        base = ArticleRun(
            id=article.id,
            path=article.path,
            status="failed",
            language=article.language,
            chars=len(article.raw),
            chunks=chunks,
            notes=_notes(article, chunks),
        )
        for note in base.notes:
            self.progress.warn(f"{article.path}: {note}")
        backend: Backend = self.backend
        if self.cache is not None:
            backend = CachedBackend(self.backend, self.cache, article.sha256, self.prompts.sha, schema_sha())
        started = time.perf_counter()
        try:
            digest = await adigest_article(article, backend, calls, self.prompts, self.progress, self.mode)
            name = render.write_digest(self.out_dir, digest)
        except UnreachableError as exc:
            if not any(r.status == "ok" for r in self.records.values()):
                self.stopped = str(exc)
            return self._failed(base, f"{article.path}: {exc}", started, backend)
        except Exception as exc:  # one article's failure, expected or not, must not stop the batch
            kind = "" if isinstance(exc, SummarizerError) else f"internal error ({type(exc).__name__}): "
            return self._failed(base, f"{article.path}: {kind}{exc}", started, backend)
        checks = [f.check for f in digest.facts if f.check is not None]
        hits, misses = _calls(backend, digest.run.calls)
        return base.model_copy(
            update={
                "status": "ok",
                "digest": name,
                "facts": len(digest.facts),
                "located": sum(c.alignment != "none" for c in checks),
                "verified": sum(c.verdict == "verified" for c in checks),
                "calls": misses,
                "cached": hits,
                "prompt_tokens": digest.run.prompt_tokens,
                "completion_tokens": digest.run.completion_tokens,
                "seconds": digest.run.seconds,
                "problems": digest.run.problems,
            }
        )

    def _failed(self, base: ArticleRun, message: str, started: float, backend: Backend) -> ArticleRun:
        self.progress.warn(message)
        hits, misses = _calls(backend, 0)
        seconds = round(time.perf_counter() - started, 2)
        return base.model_copy(update={"error": message, "seconds": seconds, "calls": misses, "cached": hits})


def _calls(backend: Backend, answered: int) -> tuple[int, int]:
    """(calls answered from the cache, calls answered by the model) for one article."""
    if isinstance(backend, CachedBackend):
        return backend.hits, backend.misses
    return 0, answered


def summarize_batch(
    paths: Sequence[Path],
    backend: Backend,
    out_dir: Path,
    progress: Progress | None = None,
    concurrency: int = 1,
    cache: CallCache | None = None,
    mode: Mode = "sentences",
) -> RunReport:
    """Digest every article under ``paths`` into ``out_dir``; keep ``run.json`` current; return the report.

    Up to ``concurrency`` model calls run at once (articles and their chunks overlap). With a ``cache``, a
    call already answered for the same article, prompt, schema, model and decoding is not made again, so
    a rerun after a crash only does what is left. The same text twice is digested once."""
    progress = progress or _Silent()
    out_dir.mkdir(parents=True, exist_ok=True)
    for stale in out_dir.glob(".*.tmp"):  # left by a run that was killed mid-write
        stale.unlink(missing_ok=True)
    batch = _Batch(backend, out_dir, cache, progress, mode)
    articles, failures = load_articles(paths)
    _unique_ids(articles)
    for i, failure in enumerate(failures):
        progress.warn(failure.error)
        batch.records[i] = ArticleRun(id=None, path=failure.path, status="failed", error=failure.error)
    todo: list[tuple[int, Article]] = []
    first: dict[str, Article] = {}
    for i, article in enumerate(articles, len(failures)):
        same = first.setdefault(article.sha256, article)
        if same is article:
            todo.append((i, article))
            continue
        message = f"{article.path}: same text as {same.path}, digested once as {same.id}"
        progress.warn(message)
        batch.records[i] = ArticleRun(
            id=article.id, path=article.path, status="duplicate", duplicate_of=same.id, notes=[message]
        )
    progress.start(sum(len(plan(a, mode)) + 1 for _, a in todo))
    gate.run(_digest_all(batch, todo, concurrency), threads=concurrency)
    report = batch.report()
    render.write_json(out_dir / "run.json", report)
    return report


async def _digest_all(batch: _Batch, todo: list[tuple[int, Article]], concurrency: int) -> None:
    """``concurrency`` workers take articles in order; each article's chunks share the same bound."""
    calls = Gate(concurrency)
    queue = iter(todo)

    async def worker() -> None:
        for index, article in queue:
            if batch.stopped:
                message = f"{article.path}: not attempted: {batch.stopped}"
                batch.record(
                    index, ArticleRun(id=article.id, path=article.path, status="failed", error=message)
                )
                continue
            batch.record(index, await batch.digest(article, calls))

    await asyncio.gather(*(worker() for _ in range(min(concurrency, len(todo)) or 1)))
