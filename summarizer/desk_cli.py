"""The analyst's desk: ``review`` (accept or reject a fact or summary sentence, with a note) and
``export`` (one row per fact, CSV or JSON Lines). Registered on the app in ``cli.py``."""

from __future__ import annotations

import sys
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from summarizer.cli_options import SourcesOpt, fail, output_file, written
from summarizer.progress import Bar, err

if TYPE_CHECKING:
    from summarizer.review_models import Decision, Review

FolderArg = Annotated[
    Path, typer.Argument(metavar="DIGEST_DIR", help="A folder of digests (e.g. a summarize --out folder).")
]


def _digest_folder(folder: Path) -> None:
    from summarizer.verify import digest_files

    if not folder.exists():
        fail(f"{folder} does not exist: pass a folder of digests (a summarize --out folder)")
    if not any(True for _ in digest_files([folder])):
        fail(f"no digest files (.json) under {folder}: pass a folder of digests (a summarize --out folder)")


def review(
    folder: FolderArg,
    ref: Annotated[
        str | None,
        typer.Argument(
            metavar="FACT",
            help="A3-F5 (fact 5 of article 3, numbered as in the briefing), A3-S2 (summary sentence 2) or "
            "<article-id>-F5. Leave out to list the reviews.",
        ),
    ] = None,
    accept: Annotated[
        bool, typer.Option("--accept", help="Accept it (a partial fact may then reach the body).")
    ] = False,
    reject: Annotated[
        bool, typer.Option("--reject", help="Reject it: it never reaches the briefing's body.")
    ] = False,
    clear: Annotated[bool, typer.Option("--clear", help="Remove its review.")] = False,
    note: Annotated[str, typer.Option(metavar="TEXT", help="Why, in a few words.")] = "",
    by: Annotated[str | None, typer.Option(metavar="NAME", help="Who decides.", show_default="$USER")] = None,
) -> None:
    """Accept or reject a fact or summary sentence with a note, or list the reviews.

    Reviews are stored beside the digests in reviews.json (who, when in UTC, decision, note, and a hash
    of what was reviewed). verify shows them; briefing and export apply them. A review of a fact or
    sentence that changed since is STALE: listed, counted, never applied.

    Exit 0 done, 2 unknown fact id, bad option or unreadable reviews file.

    Examples: summarizer review digests/ A3-F5 --reject --note "heading, not a fact"
              summarizer review digests/ A1-F2 --accept --note "checked against the wire copy"
              summarizer review digests/                # list every review, stale ones flagged
              summarizer review digests/ A3-F5 --clear
    """
    from summarizer.review import ReviewError, reviewer

    _digest_folder(folder)
    actions = [name for name, on in (("--accept", accept), ("--reject", reject), ("--clear", clear)) if on]
    if len(actions) > 1:
        fail(f"{' and '.join(actions)} together: pass one of --accept, --reject or --clear")
    if ref is None and (actions or note or by is not None):
        fail(f'which fact? pass its id, e.g. summarizer review {folder} A3-F5 --reject --note "…"')
    who = (by if by is not None else reviewer()).strip()
    if not who:
        fail('--by is empty: pass who decides, e.g. --by "ana"')
    if note and not (accept or reject):
        fail(
            f'--note goes with --accept or --reject, e.g. summarizer review {folder} A3-F5 --reject --note "…"'
        )
    try:
        if ref is None:
            _list(folder)
        elif not actions:
            _show(folder, ref)
        elif clear:
            _clear(folder, ref)
        else:
            _decide(folder, ref, "accept" if accept else "reject", who, note)
    except ReviewError as exc:
        fail(str(exc))


def _decide(folder: Path, ref: str, decision: Decision, who: str, note: str) -> None:
    from summarizer.review import decide, resolve
    from summarizer.review_models import REVIEWS_FILE

    target = resolve(folder, ref)
    book = target.path.parent / REVIEWS_FILE
    made: list[Review] = []
    written([book], lambda: made.append(decide(folder, ref, decision, who, note)))
    said = f": {made[0].note}" if made[0].note else ""
    typer.echo(f"{target.key} {decision}ed by {who}{said} → {book}")


def _clear(folder: Path, ref: str) -> None:
    from summarizer.review import clear

    gone: list[Review | None] = []
    written([folder], lambda: gone.append(clear(folder, ref)))
    if gone[0] is None:
        err.print(f"no review of {ref} under {folder}: nothing to clear", highlight=False, soft_wrap=True)
    else:
        typer.echo(f"{ref}: {gone[0].decision} by {gone[0].by} cleared")


def _show(folder: Path, ref: str) -> None:
    from summarizer.review import list_reviews, resolve

    target = resolve(folder, ref, must_exist=False)
    mine = [x for x in list_reviews(folder) if x.key == target.key]
    if not mine:
        typer.echo(f"{target.key}: no review")
    for x in mine:
        typer.echo(_line(x.key, x.review.decision, x.review.by, x.review.at, x.review.note, x.status))


def _list(folder: Path) -> None:
    from summarizer.review import list_reviews

    listed = list_reviews(folder)
    for x in listed:
        typer.echo(_line(x.key, x.review.decision, x.review.by, x.review.at, x.review.note, x.status))
        typer.echo(f"    {x.review.text}")
    stale = sum(x.status != "current" for x in listed)
    accepted = sum(x.review.decision == "accept" and x.status == "current" for x in listed)
    typer.echo(
        f"{len(listed)} reviews under {folder}: {accepted} accepted, {len(listed) - stale - accepted} rejected,"
        f" {stale} stale (not applied)"
    )


def _line(key: str, decision: str, by: str, at: str, note: str, status: str) -> str:
    flag = "" if status == "current" else f"  [STALE: {status.removeprefix('stale: ')}]"
    return f"{key}  {decision}ed by {by} at {at}" + (f": {note}" if note else "") + flag


# --- export ------------------------------------------------------------------------------------------


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"


class VerdictName(StrEnum):
    verified = "verified"
    partial = "partial"
    unsupported = "unsupported"


def export(
    folder: FolderArg,
    fmt: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="csv (with a header row) or jsonl.")
    ] = ExportFormat.csv,
    out: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="File to write ('-' or left out: stdout)."),
    ] = None,
    verdict: Annotated[
        list[VerdictName] | None,
        typer.Option(
            metavar="VERDICT",
            help="Only facts with this verdict: verified, partial or unsupported (repeat for several).",
        ),
    ] = None,
    outlet: Annotated[
        list[str] | None,
        typer.Option(metavar="NAME", help="Only articles from this outlet (case-insensitive; repeatable)."),
    ] = None,
    since: Annotated[
        str | None,
        typer.Option(metavar="YYYY-MM-DD", help="Only articles published on or after this day."),
    ] = None,
    sources: SourcesOpt = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary line.")] = False,
) -> None:
    """Export every fact as one row: article, outlet, date, fact id, type, verdict, what the checker
    confirmed, certainty, attribution, English statement, French quote, source file and offsets, review.

    Each digest is checked again against its source (its stored checks when the source is missing, and
    the row says so). CSV cells starting with = + - @ are prefixed with ' so that no spreadsheet runs
    them. Exit 0 written, 1 written with caveats (a digest left out, a source missing or changed), 2
    nothing readable or a bad option.

    Examples: summarizer export digests/ --format csv --out facts.csv
              summarizer export digests/ --format jsonl --verdict verified --verdict partial --since 2024-01-01
    """
    from summarizer.batch import load_batch
    from summarizer.export import Filters, fact_rows, to_csv, to_jsonl

    _digest_folder(folder)
    output_file(out, "--out", f"facts.{fmt.value}")
    if sources is not None and not sources.is_dir():
        fail(f"--sources {sources} is not a folder: pass the folder that holds the source articles")
    day = None
    if since is not None:
        try:
            day = date.fromisoformat(since)
        except ValueError:
            fail(f"--since {since!r} is not a date: write YYYY-MM-DD, e.g. --since 2024-01-31")
    filters = Filters(frozenset(v.value for v in verdict or []), frozenset(outlet or []), day)
    bar = Bar(quiet or not sys.stderr.isatty())
    with bar.bar:
        batch = load_batch([folder], sources, lambda p: bar.step(p.name))
    for problem in batch.left_out:
        err.print(f"[red]left out:[/] {problem}", highlight=False, soft_wrap=True)
    if not batch.digests:
        fail(f"no readable digest under {folder}: nothing exported")
    rows = fact_rows(batch, filters)
    text = to_csv(rows) if fmt is ExportFormat.csv else to_jsonl(rows)
    if out is None or out == Path("-"):
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from summarizer.render import write_text

        written([out], lambda: write_text(out, text))
    for note in batch.notes:
        err.print(f"[yellow]warning:[/] {note}", highlight=False, soft_wrap=True)
    if not quiet:
        where = "stdout" if out is None or out == Path("-") else str(out)
        err.print(f"{len(rows)} facts from {len(batch.digests)} digests → {where}", highlight=False)
    raise typer.Exit(1 if batch.left_out or batch.notes else 0)
