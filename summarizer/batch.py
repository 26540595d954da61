"""The batch a briefing is made from: digests read and checked again against their sources, and the
optional executive summary (the briefing's only LLM call)."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from summarizer.backends.base import Backend
from summarizer.check import check_summary
from summarizer.consolidate import Item
from summarizer.errors import OutputError
from summarizer.ingest import Article
from summarizer.models import Digest, Fact
from summarizer.review_models import ReviewMark
from summarizer.verify import Sources, check_digest, digest_files, find_source, load_digest


@dataclass
class Batch:
    """The digests of a briefing, re-checked against their sources where found."""

    digests: list[Digest] = field(default_factory=list)
    paths: list[Path] = field(default_factory=list)
    sources: dict[int, Article] = field(default_factory=dict)  # article number (1-based) → source
    notes: list[str] = field(default_factory=list)  # about digests that are in, with a caveat
    left_out: list[str] = field(default_factory=list)  # digests that could not be read, and why
    generated_at: str | None = None
    reviews: dict[str, ReviewMark] = field(default_factory=dict)  # A<n>-F<m> / A<n>-S<k> → review


def load_batch(
    paths: Sequence[Path], sources_dir: Path | None = None, on_digest: Callable[[Path], None] | None = None
) -> Batch:
    """Read every digest under ``paths``, check it again against its source, read its reviews."""
    from summarizer.review import review_batch

    sources = Sources.scan(sources_dir) if sources_dir is not None else None
    batch = Batch()
    for path in digest_files(paths):
        try:
            digest = load_digest(path)
        except ValueError as exc:
            batch.left_out.append(str(exc))
            continue
        n = len(batch.digests) + 1
        try:
            article = find_source(digest, path, sources)
        except ValueError as exc:
            batch.notes.append(f"A{n}: {exc}; its stored checks are shown")
        else:
            if article.sha256 != digest.article.sha256:
                batch.notes.append(
                    f"A{n}: {path}: the source {article.path} changed since the digest was made (sha256 differs)"
                )
            digest = check_digest(digest, article)
            batch.sources[n] = article
        batch.digests.append(digest)
        batch.paths.append(path)
        if on_digest is not None:
            on_digest(path)
    batch.generated_at = _run_started(paths)
    review_batch(batch)
    return batch


def _run_started(paths: Sequence[Path]) -> str | None:
    """``started_at`` of the run.json beside the digests, when there is one."""
    for folder in [p if p.is_dir() else p.parent for p in paths]:
        try:
            started = json.loads((folder / "run.json").read_text(encoding="utf-8")).get("started_at")
        except (OSError, ValueError, AttributeError):
            continue
        if isinstance(started, str):
            return started
    return None


# --- executive summary (optional, the one LLM call) ------------------------------------------------


@dataclass
class ExecSummary:
    sentences: list[tuple[str, list[Item]]]
    note: str = ""  # why it was left out (then ``sentences`` is empty)


def exec_summary(backend: Backend, items: list[Item]) -> ExecSummary:
    """A paragraph written by the model from the verified facts, kept only if every sentence cites
    verified facts and passes the checker's summary check."""
    from summarizer.extract import Usage, summarize
    from summarizer.resources import load_prompts

    verified = [i for i in items if i.verdict == "verified" and not i.rejected]
    if not verified:
        return ExecSummary([], "no verified fact to summarize")
    # The model sees plain ids F1..Fn; each maps back to one article's fact.
    by_id = {f"F{n}": item for n, item in enumerate(verified, 1)}
    facts: list[Fact] = [item.fact.model_copy(update={"id": fid}) for fid, item in by_id.items()]
    try:
        lines = summarize(backend, load_prompts(), "Briefing", [(f.id, f.statement) for f in facts], Usage())
    except OutputError as exc:
        return ExecSummary([], f"the model gave no usable answer ({exc})")
    failed = []
    for n, line in enumerate(lines, 1):
        check = check_summary(line.text, line.fact_ids, facts)
        if check.verdict != "verified":
            why = "; ".join(f"{c.name}: {c.detail}" for c in check.checks if not c.ok)
            failed.append(f"sentence {n} ({why})")
    if failed or not lines:
        return ExecSummary([], "it failed the summary check: " + "; ".join(failed or ["no sentence"]))
    return ExecSummary([(line.text, [by_id[i] for i in line.fact_ids]) for line in lines])
