"""The summarize pipeline, one article at a time:

1. ingest  — read, decode, strip boilerplate, number sentences (``ingest``);
2. extract — constrained LLM calls per ~1,000-character chunk → typed English facts (``extract``);
3. check   — align each quote to a raw span and check it (``check``);
4. summary — one LLM call writing English sentences that cite the verified facts (``extract``);
5. render  — digest JSON per article and run.json for the batch (``render``).

A failing article is recorded with its reason; the batch goes on.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Protocol

from pydantic import TypeAdapter

from summarizer import render
from summarizer.backends.base import Backend
from summarizer.check import check_fact, check_summary_lines
from summarizer.errors import OutputError, SummarizerError
from summarizer.extract import Usage, extract_article, make_chunks, summarize
from summarizer.ingest import Article, load_articles
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

_FACT = TypeAdapter[Fact](Fact)


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


@cache
def schema_sha() -> str:
    """Hash of the model-facing schemas: part of what identifies a run's outputs."""
    text = json.dumps([ChunkOut.model_json_schema(), SummaryOut.model_json_schema()], sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()


def verified_statements(facts: Sequence[Fact]) -> list[tuple[str, str]]:
    """(id, statement) of the verified facts: the only ones a summary may use (a partial fact may
    have its actors flipped)."""
    return [(f.id, f.statement) for f in facts if f.check is not None and f.check.verdict == "verified"]


def digest_article(
    article: Article, backend: Backend, prompts: Prompts | None = None, progress: Progress | None = None
) -> Digest:
    """Extract, check and summarise one ingested article; one progress step per chunk and one for the
    summary."""
    prompts = prompts or load_prompts()
    progress = progress or _Silent()
    started = time.perf_counter()
    extraction = extract_article(backend, prompts, article, lambda: progress.step(article.id))
    if not extraction.facts and len(extraction.failed_chunks) == extraction.chunks:
        raise OutputError(f"every chunk failed: {extraction.failed_chunks[0]}")
    facts: list[Fact] = []
    for i, out in enumerate(extraction.facts, 1):
        fact = _FACT.validate_python({**out.model_dump(), "id": f"F{i}"})
        fact.check = check_fact(article, fact)
        facts.append(fact)
    verified = verified_statements(facts)
    usage: Usage = extraction.usage
    problems = list(extraction.failed_chunks)
    summary = []
    if not verified:
        problems.append("summary: no verified fact to summarize")
    try:
        summary = summarize(backend, prompts, article.title, verified, usage)
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
    seen: dict[str, int] = {}
    for article in articles:
        count = seen.get(article.id, 0)
        seen[article.id] = count + 1
        if count:
            article.id = f"{article.id}-{count + 1}"


def summarize_batch(
    paths: Sequence[Path], backend: Backend, out_dir: Path, progress: Progress | None = None
) -> RunReport:
    """Digest every article under ``paths`` into ``out_dir``; keep ``run.json`` current; return the report."""
    progress = progress or _Silent()
    prompts = load_prompts()
    started_at = datetime.now(UTC).isoformat(timespec="seconds")
    articles, failures = load_articles(paths)
    _unique_ids(articles)
    runs = [ArticleRun(id=None, path=f.path, status="failed", error=f.error) for f in failures]
    for failure in failures:
        progress.warn(failure.error)
    progress.start(sum(len(make_chunks(a.sentences)) + 1 for a in articles))
    out_dir.mkdir(parents=True, exist_ok=True)
    for article in articles:
        runs.append(_digest_one(article, backend, prompts, out_dir, progress))
        report = _report(backend, prompts, started_at, runs)
        render.write_json(out_dir / "run.json", report)
    report = _report(backend, prompts, started_at, runs)
    render.write_json(out_dir / "run.json", report)
    return report


def _digest_one(
    article: Article, backend: Backend, prompts: Prompts, out_dir: Path, progress: Progress
) -> ArticleRun:
    started = time.perf_counter()
    try:
        digest = digest_article(article, backend, prompts, progress)
        name = render.write_digest(out_dir, digest)
    except Exception as exc:  # one article's failure, expected or not, must not stop the batch
        kind = "" if isinstance(exc, SummarizerError) else f"internal error ({type(exc).__name__}): "
        message = f"{article.path}: {kind}{exc}"
        progress.warn(message)
        seconds = round(time.perf_counter() - started, 2)
        return ArticleRun(id=article.id, path=article.path, status="failed", error=message, seconds=seconds)
    checks = [f.check for f in digest.facts if f.check is not None]
    return ArticleRun(
        id=article.id,
        path=article.path,
        status="ok",
        digest=name,
        facts=len(digest.facts),
        located=sum(c.alignment != "none" for c in checks),
        verified=sum(c.verdict == "verified" for c in checks),
        prompt_tokens=digest.run.prompt_tokens,
        completion_tokens=digest.run.completion_tokens,
        seconds=digest.run.seconds,
    )


def _report(backend: Backend, prompts: Prompts, started_at: str, runs: list[ArticleRun]) -> RunReport:
    return RunReport(
        backend=backend.name,
        model=backend.model,
        prompt_sha=prompts.sha,
        schema_sha=schema_sha(),
        started_at=started_at,
        articles=runs,
        totals=RunTotals(
            articles=len(runs),
            ok=sum(r.status == "ok" for r in runs),
            failed=sum(r.status == "failed" for r in runs),
            facts=sum(r.facts for r in runs),
            located=sum(r.located for r in runs),
            verified=sum(r.verified for r in runs),
            prompt_tokens=sum(r.prompt_tokens for r in runs),
            completion_tokens=sum(r.completion_tokens for r in runs),
            seconds=round(sum(r.seconds for r in runs), 2),
        ),
    )
