"""Render: digests, reports and briefings written atomically (no half-written file is ever visible), and
verify reports as tables for the terminal."""

from __future__ import annotations

import errno
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from summarizer.errors import InputError
from summarizer.models import ClaimReport, Digest, VerifyReport
from summarizer.review_models import ReviewMark


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and an atomic rename."""
    if path.is_dir():  # refused before a temporary file is made beside it
        raise IsADirectoryError(errno.EISDIR, "is a folder, not a file", str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
            out.write(text)
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes it private; give it a normal file's mode
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_json(path: Path, model: BaseModel) -> None:
    """Write ``model`` as indented JSON, atomically."""
    write_text(path, model.model_dump_json(indent=2) + "\n")


def write_digest(out_dir: Path, digest: Digest) -> str:
    """Write ``<out_dir>/<article id>.json``; return the file name. Ids are already file-name safe."""
    name = f"{digest.article.id}.json"
    target = (out_dir / name).resolve()
    if target.parent != out_dir.resolve():
        raise InputError(f"article id {digest.article.id!r} would write outside {out_dir}")
    write_json(target, digest)
    return name


_STYLE = {"verified": "green", "partial": "yellow", "unsupported": "red"}
CLIP = 120  # characters of a statement or claim in a terminal table


def clip(text: str, limit: int = CLIP) -> str:
    """``text`` cut to at most ``limit`` characters at a word boundary, with "…" when cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-–—") + "…"


def verify_tables(report: VerifyReport) -> list[Table]:
    """One table per checked digest: fact, verdict, what was confirmed, failed checks, statement
    (summary sentences last), and the analyst's review when the report has any."""
    tables = []
    reviewed = any(f.review for a in report.articles for f in a.facts) or any(
        s.review for a in report.articles for s in a.summary
    )
    for a in report.articles:
        title = f"{a.digest} ← {a.source or 'no source'}"
        if a.source_changed:
            title += " [red](source changed since the digest was made)[/]"
        table = Table(title=title, title_justify="left", expand=False)
        for column in ("fact", "verdict", "confirmed", "failed checks", "statement"):
            table.add_column(column, overflow="fold")
        if reviewed:
            table.add_column("review", overflow="fold")
        extra = ("",) if reviewed else ()
        if a.error:
            table.add_row("-", "[red]error[/]", "", escape(a.error), "", *extra)
        for f in a.facts:
            verdict = f"[{_STYLE[f.verdict]}]{f.verdict}[/]"
            row = (escape(f.check.coverage), escape(", ".join(f.failed)), escape(clip(f.statement)))
            table.add_row(f.id, verdict, *row, *_review_cell(f.review, reviewed))
        for i, s in enumerate(a.summary, 1):
            verdict = f"[{_STYLE[s.verdict]}]{s.verdict}[/]"
            row = ("", escape(", ".join(s.failed)), escape(clip(s.text)))
            table.add_row(f"S{i}", verdict, *row, *_review_cell(s.review, reviewed))
        tables.append(table)
    t = report.totals
    summary = Table(title="totals", title_justify="left")
    for column in ("digests", "errors", "changed sources", "facts", "verified", "partial", "unsupported"):
        summary.add_column(column, justify="right")
    summary.add_row(
        *map(str, (t.digests, t.errors, t.changed_sources, t.facts, t.verified, t.partial, t.unsupported))
    )
    tables.append(summary)
    return tables


def _review_cell(mark: ReviewMark | None, reviewed: bool) -> tuple[str, ...]:
    """The review column's cell (none when the report has no review): accept/reject, by whom, the note;
    a stale review is flagged STALE."""
    if not reviewed:
        return ()
    if mark is None:
        return ("",)
    style = "dim" if mark.stale else "green" if mark.decision == "accept" else "red"
    text = escape(f"{mark.decision}ed by {mark.by}" + (f": {mark.note}" if mark.note else ""))
    return (f"[{style}]{'STALE, not applied: ' if mark.stale else ''}{text}[/]",)


def claim_table(report: ClaimReport) -> Table:
    """One row per claim: verdict, failed checks, and the evidence sentence the verdict rests on (with
    the numbers of the other sentences retrieved)."""
    table = Table(title="claims", title_justify="left")
    for column in ("claim", "source", "verdict", "failed checks", "evidence"):
        table.add_column(column, overflow="fold")
    for c in report.claims:
        claim = clip(f"{c.id}: {c.claim}" if c.id else c.claim)
        if c.error is not None:
            table.add_row(escape(claim), escape(c.source), "[red]error[/]", "", escape(c.error))
            continue
        failed = ", ".join(x.name for x in c.checks if not x.ok)
        others = [n for n in c.evidence if n != c.sentence]
        evidence = f"[{c.sentence}] {clip(c.sentence_text, 160)}" if c.sentence is not None else "-"
        evidence += f" (also retrieved: {', '.join(map(str, others))})" if others else ""
        verdict = f"[{_STYLE[c.verdict]}]{c.verdict}[/]"
        table.add_row(escape(claim), escape(c.source), verdict, escape(failed), escape(evidence))
    return table
