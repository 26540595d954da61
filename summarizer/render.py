"""Render: digests, reports and briefings written atomically (no half-written file is ever visible), and
verify reports as tables for the terminal."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import BaseModel
from rich.markup import escape
from rich.table import Table

from summarizer.errors import InputError
from summarizer.models import ClaimReport, Digest, VerifyReport


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_text(path: Path, text: str) -> None:
    """Write ``text`` to ``path`` via a temporary file and an atomic rename."""
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


def verify_tables(report: VerifyReport) -> list[Table]:
    """One table per checked digest: fact, verdict, what was confirmed, failed checks, statement
    (summary sentences last)."""
    tables = []
    for a in report.articles:
        title = f"{a.digest} ← {a.source or 'no source'}"
        if a.source_changed:
            title += " [red](source changed since the digest was made)[/]"
        table = Table(title=title, title_justify="left", expand=False)
        for column in ("fact", "verdict", "confirmed", "failed checks", "statement"):
            table.add_column(column, overflow="fold")
        if a.error:
            table.add_row("-", "[red]error[/]", "", escape(a.error), "")
        for f in a.facts:
            verdict = f"[{_STYLE[f.verdict]}]{f.verdict}[/]"
            row = (escape(f.check.coverage), escape(", ".join(f.failed)), escape(f.statement[:120]))
            table.add_row(f.id, verdict, *row)
        for i, s in enumerate(a.summary, 1):
            verdict = f"[{_STYLE[s.verdict]}]{s.verdict}[/]"
            table.add_row(f"S{i}", verdict, "", escape(", ".join(s.failed)), escape(s.text[:120]))
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


def claim_table(report: ClaimReport) -> Table:
    """One row per claim: verdict, failed checks, evidence sentences."""
    table = Table(title="claims", title_justify="left")
    for column in ("claim", "source", "verdict", "failed checks", "evidence"):
        table.add_column(column, overflow="fold")
    for c in report.claims:
        failed = ", ".join(x.name for x in c.checks if not x.ok)
        evidence = f"{c.evidence}: {c.evidence_text[:160]}"
        verdict = f"[{_STYLE[c.verdict]}]{c.verdict}[/]"
        table.add_row(escape(c.claim[:120]), escape(c.source), verdict, escape(failed), escape(evidence))
    return table
