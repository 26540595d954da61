"""What the commands print and write once the work is done: tables, JSON reports, HTML pages and
briefings, each error and caveat on one line of stderr, and the exit code that follows."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from summarizer.backends.base import Backend
from summarizer.cli_options import written
from summarizer.progress import Bar, err, mask


def names(paths: list[Path]) -> str:
    return ", ".join(map(str, paths))


def emit(report: BaseModel, tables: list[Table], json_out: Path | None, quiet: bool) -> None:
    """Print the tables (on stderr when the JSON goes to stdout) and write the JSON report."""
    from summarizer.render import write_json

    if not quiet:
        console = err if json_out == Path("-") else Console()
        for table in tables:
            console.print(table)
    if json_out == Path("-"):
        typer.echo(report.model_dump_json(indent=2))
    elif json_out is not None:
        written([json_out], lambda: write_json(json_out, report))


def verify_claims(
    paths: list[Path],
    claim: str | None,
    claims: Path | None,
    engine: Backend | None,
    json_out: Path | None,
    html: Path | None,
    quiet: bool,
) -> int:
    """Check --claim against the articles under ``paths`` and every row of --claims; a row that cannot
    be checked is reported with its error and the others go on. Returns the exit code: 0 every claim
    verified, 1 some partial or unsupported, 2 some row could not be checked."""
    from summarizer.claims import ClaimRow, check_row, claim_rows, load_claims
    from summarizer.cli_options import fail
    from summarizer.errors import SummarizerError
    from summarizer.models import ClaimReport
    from summarizer.render import claim_table

    rows: list[ClaimRow] = []
    try:
        if claims is not None:
            rows += load_claims(claims)
    except SummarizerError as exc:
        fail(str(exc))
    if claim is not None:
        found = claim_rows(paths, claim)
        if not found:
            fail(f"no article files under {names(paths)}: pass the article(s) to check --claim against")
        rows += found
    if not rows:
        fail(f"--claims {claims}: no claim in it: write one {{claim, path or doc}} object per line")
    results = [check_row(row, engine) for row in rows]
    report = ClaimReport(judge=f"{engine.name}/{engine.model}" if engine else None, claims=results)
    emit(report, [claim_table(report)], json_out, quiet)
    if html is not None:
        from summarizer.htmlview import write_claims_html

        written([html], lambda: write_claims_html(html, report, [row.article for row in rows]))
    for result in results:
        if result.error:
            err.print(f"[red]error:[/] {mask(result.error)}", highlight=False, soft_wrap=True)
    if any(r.error for r in results):
        return 2
    return 0 if all(r.verdict == "verified" for r in results) else 1


def write_briefing(
    paths: list[Path],
    out: Path,
    html: Path | None,
    sources: Path | None,
    engine: Backend | None,
    quiet: bool,
) -> int:
    """Load, render and write a briefing; report on stderr; return the exit code: 0 written, 1 written
    with caveats (a digest left out, a source missing or changed), 2 nothing readable."""
    from summarizer.batch import exec_summary, load_batch
    from summarizer.briefing import write_briefing
    from summarizer.consolidate import items_of

    bar = Bar(quiet or not sys.stderr.isatty())
    with bar.bar:
        batch = load_batch(paths, sources, lambda p: bar.step(p.name))
        summary = (
            exec_summary(engine, items_of(batch.digests, batch.reviews)) if engine and batch.digests else None
        )
    for problem in batch.left_out:
        err.print(f"[red]left out:[/] {problem}", highlight=False, soft_wrap=True)
    if not batch.digests:
        message = f"no readable digest under {names(paths)}: nothing written to {out}"
        err.print(f"[red]error:[/] {message}", highlight=False, soft_wrap=True)
        return 2
    written([out, html], lambda: write_briefing(batch, out, html, summary))
    for note in batch.notes:  # a source missing or changed: said even with --quiet
        err.print(f"[yellow]warning:[/] {note}", highlight=False, soft_wrap=True)
    if not quiet:
        if summary is not None and summary.note:
            err.print(
                f"[yellow]executive summary left out:[/] {summary.note}", highlight=False, soft_wrap=True
            )
        err.print(f"briefing of {len(batch.digests)} digests → {out}" + (f", {html}" if html else ""))
    return 1 if batch.left_out or batch.notes else 0
