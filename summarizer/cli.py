"""Command line: a thin shell over the library. Exit codes: 0 all done, 1 some articles failed,
2 usage or setup error (bad option, missing model, unreachable configuration)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from pydantic import BaseModel
from rich.console import Console
from rich.table import Table

from summarizer import __version__
from summarizer.backends.base import Backend
from summarizer.errors import SummarizerError
from summarizer.progress import Bar, err, mask, setup_logging

app = typer.Typer(
    help="Turn French news articles into checked English digests: every fact tied to a span of the source.",
    no_args_is_help=True,
    add_completion=False,
)


class BackendName(StrEnum):
    local = "local"
    openai = "openai"


class OpenAIMode(StrEnum):
    json = "json"
    json_schema = "json_schema"
    tools = "tools"


def _make_engine(
    backend: BackendName,
    model: str | None,
    base_url: str | None,
    model_path: Path | None,
    openai_mode: OpenAIMode,
    bar: Bar | None = None,
    timeout: float = 120.0,
    retries: int = 4,
) -> Backend:
    """The chosen backend, the embedded model assembled first if needed; setup errors exit 2."""
    from summarizer.backends import make_backend
    from summarizer.backends.model_store import ensure_default_model

    try:
        if backend is BackendName.local and model_path is None:
            model_path = ensure_default_model(bar.download if bar is not None else None)
        return make_backend(
            backend.value,
            model=model,
            model_path=model_path,
            base_url=base_url,
            openai_mode=openai_mode.value,
            timeout=timeout,
            retries=retries,
        )
    except SummarizerError as exc:
        err.print(f"[red]error:[/] {mask(str(exc))}", highlight=False)
        raise typer.Exit(2) from exc


def _version(value: bool) -> None:
    if value:
        typer.echo(f"summarizer {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Turn French news articles into checked English digests."""


@app.command()
def summarize(
    paths: Annotated[list[Path], typer.Argument(help="Article files (.txt, .html, .jsonl) or folders.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for <article-id>.json digests and run.json.")
    ],
    backend: Annotated[BackendName, typer.Option(help="Model backend.")] = BackendName.local,
    model: Annotated[str | None, typer.Option(help="Model name for the openai backend.")] = None,
    base_url: Annotated[
        str | None, typer.Option(help="OpenAI-compatible server URL (else $OPENAI_BASE_URL).")
    ] = None,
    model_path: Annotated[
        Path | None, typer.Option(help="Any GGUF file for the local backend, instead of the embedded model.")
    ] = None,
    openai_mode: Annotated[
        OpenAIMode, typer.Option(help="How instructor asks the server for JSON.")
    ] = OpenAIMode.json,
    briefing: Annotated[
        Path | None, typer.Option(help="Also write a Markdown briefing of the batch to this file.")
    ] = None,
    concurrency: Annotated[
        int | None,
        typer.Option(
            min=1,
            help="Model calls at once (openai backend; default 4). The local backend runs one at a time.",
        ),
    ] = None,
    timeout: Annotated[
        float, typer.Option(min=0.1, help="Seconds to wait for one answer from the server (openai backend).")
    ] = 120.0,
    retries: Annotated[
        int, typer.Option(min=0, help="Retries after a timeout, 429 or 5xx, with backoff or Retry-After.")
    ] = 4,
    cache: Annotated[
        Path | None,
        typer.Option(
            help="Cache of model outputs (default: ~/.cache/summarizer/calls or $SUMMARIZER_CALL_CACHE)."
        ),
    ] = None,
    no_cache: Annotated[
        bool,
        typer.Option("--no-cache", help="Neither read nor write the cache: every call goes to the model."),
    ] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar, no summary line.")] = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Log each article, failed attempt and retry to stderr.")
    ] = False,
) -> None:
    """Summarize articles into English digests, each fact checked against its source span.

    A rerun makes no model call for work already done (outputs are cached by article, model, prompt and
    decoding), so after a crash or Ctrl-C the same command finishes only what is left. An article that
    fails is recorded in run.json with its reason and the batch goes on.

    Exit 0 when every article was digested, 1 when some failed, 2 when the batch could not start or the
    model server was never reachable.

    Examples: summarizer summarize seeds/ --out digests/ --briefing briefing.md
              summarizer summarize articles/ --out digests/ --backend openai --base-url http://localhost:8080/v1 --concurrency 16
    """
    from summarizer.cache import CallCache, default_cache
    from summarizer.pipeline import summarize_batch

    setup_logging(verbose)
    if backend is BackendName.local and concurrency not in (None, 1):
        err.print("[yellow]note:[/] the local backend runs one call at a time; --concurrency ignored")
    calls = 1 if backend is BackendName.local else concurrency or 4
    store = None if no_cache else CallCache(cache or default_cache())
    bar = Bar(quiet or not sys.stderr.isatty())
    with bar.bar:
        engine = _make_engine(backend, model, base_url, model_path, openai_mode, bar, timeout, retries)
        report = summarize_batch(paths, engine, out, bar, calls, store)
    t = report.totals
    if not quiet:
        err.print(
            f"{t.ok}/{t.articles} articles digested, {t.failed} failed, {t.duplicates} duplicates; "
            f"{t.facts} facts, {t.located} located, {t.verified} verified; {t.calls} model calls, "
            f"{t.cached} from cache; {t.seconds:.0f} s → {out}/run.json",
            highlight=False,
        )
    for run in report.articles:
        if run.status == "failed":
            err.print(f"[red]failed:[/] {mask(run.error or '')}", highlight=False)
    if report.stopped:
        err.print(f"[red]error:[/] batch stopped: {mask(report.stopped)}", highlight=False)
        raise typer.Exit(2)
    written = _write_briefing([out], briefing, None, None, None, quiet) if briefing and t.ok else 0
    raise typer.Exit(1 if t.failed or written else 0)


@app.command()
def verify(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Digest files or folders (with --claim: the article files).")
    ] = None,
    claim: Annotated[
        str | None, typer.Option(help="Check this sentence against the article(s) given as PATHS instead.")
    ] = None,
    claims: Annotated[
        Path | None, typer.Option(help="JSONL of {claim, path or doc}: check each claim against its article.")
    ] = None,
    sources: Annotated[
        Path | None, typer.Option(help="Folder of source articles, matched by article id or sha256.")
    ] = None,
    judge: Annotated[
        bool,
        typer.Option(
            "--judge", help="Also ask the model, once per article, whether each span supports its fact."
        ),
    ] = False,
    json_out: Annotated[
        Path | None, typer.Option("--json", help="Write the report as JSON to this file ('-' for stdout).")
    ] = None,
    html: Annotated[
        Path | None, typer.Option(help="Write one HTML page with every span highlighted.")
    ] = None,
    backend: Annotated[BackendName, typer.Option(help="Judge backend.")] = BackendName.local,
    model: Annotated[str | None, typer.Option(help="Judge model name for the openai backend.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server URL for the judge.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No table, no progress bar.")] = False,
) -> None:
    """Re-check stored digests against their sources, with no LLM call (unless --judge).

    With --claim or --claims, check claims (no quote needed) against articles: the evidence sentences
    are found by cross-lingual retrieval, then checked the same way.

    Exit 0 when every fact (claim) is verified, 1 when any is partial or unsupported (or a source
    changed), 2 when an input cannot be checked (invalid digest, missing source, unreadable article).

    Examples: summarizer verify examples/digests --json report.json --html report.html
              summarizer verify --claim "North Korea sent shells to Russia." seeds/002_64a0af951ad475a6.txt
    """
    from summarizer.ingest import Article
    from summarizer.models import ArticleVerify
    from summarizer.verify import digest_files, exit_code, verify_paths

    engine = _make_engine(backend, model, base_url, None, OpenAIMode.json) if judge else None
    if claim is not None or claims is not None:
        _verify_claims(paths or [], claim, claims, engine, json_out, quiet)
    paths = paths or []
    files = list(digest_files(paths))
    if not files:
        err.print(f"[red]error:[/] no digest files under {', '.join(map(str, paths))}", highlight=False)
        raise typer.Exit(2)
    bar = Bar(quiet or not sys.stderr.isatty())
    bar.start(len(files))
    pages: list[tuple[Article | None, ArticleVerify]] = []
    with bar.bar:
        report = verify_paths(files, sources, engine, lambda p: bar.step(p.name), pages)
    from summarizer.render import verify_tables

    _emit(report, verify_tables(report), json_out, quiet)
    if html is not None:
        from summarizer.htmlview import write_html

        write_html(html, report, pages)
    raise typer.Exit(exit_code(report))


def _emit(report: BaseModel, tables: list[Table], json_out: Path | None, quiet: bool) -> None:
    """Print the tables (on stderr when the JSON goes to stdout) and write the JSON report."""
    from summarizer.render import write_json

    if not quiet:
        console = err if json_out == Path("-") else Console()
        for table in tables:
            console.print(table)
    if json_out == Path("-"):
        typer.echo(report.model_dump_json(indent=2))
    elif json_out is not None:
        write_json(json_out, report)


def _verify_claims(
    paths: list[Path],
    claim: str | None,
    claims: Path | None,
    engine: Backend | None,
    json_out: Path | None,
    quiet: bool,
) -> None:
    from summarizer.claims import check_claim, load_claims
    from summarizer.ingest import Article, load_articles
    from summarizer.models import ClaimReport
    from summarizer.render import claim_table

    pairs: list[tuple[Article, str]] = []
    try:
        if claims is not None:
            pairs += load_claims(claims)
        if claim is not None:
            articles, failures = load_articles(paths)
            for failure in failures:
                err.print(f"[red]error:[/] {failure.path}: {failure.error}", highlight=False)
            if failures or not articles:
                raise typer.Exit(2)
            pairs += [(a, claim) for a in articles]
    except SummarizerError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    results = [check_claim(article, text, engine) for article, text in pairs]
    report = ClaimReport(judge=f"{engine.name}/{engine.model}" if engine else None, claims=results)
    _emit(report, [claim_table(report)], json_out, quiet)
    raise typer.Exit(0 if all(r.verdict == "verified" for r in results) else 1)


@app.command()
def briefing(
    paths: Annotated[
        list[Path], typer.Argument(help="Digest files or folders (e.g. a summarize --out folder).")
    ],
    out: Annotated[Path, typer.Option("--out", "-o", help="Markdown file to write.")],
    html: Annotated[
        Path | None, typer.Option(help="Also write the briefing as one HTML page with the spans highlighted.")
    ] = None,
    sources: Annotated[
        Path | None, typer.Option(help="Folder of source articles, matched by article id or sha256.")
    ] = None,
    exec_summary: Annotated[
        bool,
        typer.Option(
            "--exec-summary",
            help="Ask the model for an executive paragraph; kept only if it passes the summary check.",
        ),
    ] = False,
    backend: Annotated[BackendName, typer.Option(help="Backend for --exec-summary.")] = BackendName.local,
    model: Annotated[str | None, typer.Option(help="Model name for the openai backend.")] = None,
    base_url: Annotated[str | None, typer.Option(help="OpenAI-compatible server URL.")] = None,
    model_path: Annotated[Path | None, typer.Option(help="Any GGUF file for the local backend.")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary line.")] = False,
) -> None:
    """Write one Markdown briefing across a folder of digests, from verified facts only.

    Each digest is checked again against its source (found by its recorded path or in --sources).
    Without --exec-summary no model is called and the same digests give byte-identical Markdown.
    Exit 0 when written, 1 when some digest was left out (each named), 2 when none could be read.

    Examples: summarizer briefing digests/ --out briefing.md --html briefing.html
              summarizer briefing examples/digests --out briefing.md --exec-summary
    """
    engine = _make_engine(backend, model, base_url, model_path, OpenAIMode.json) if exec_summary else None
    raise typer.Exit(_write_briefing(paths, out, html, sources, engine, quiet))


def _write_briefing(
    paths: list[Path],
    out: Path,
    html: Path | None,
    sources: Path | None,
    engine: Backend | None,
    quiet: bool,
) -> int:
    """Load, render and write a briefing; report on stderr; return the exit code."""
    from summarizer.batch import exec_summary, load_batch
    from summarizer.briefing import write_briefing
    from summarizer.consolidate import items_of

    bar = Bar(quiet or not sys.stderr.isatty())
    with bar.bar:
        batch = load_batch(paths, sources, lambda p: bar.step(p.name))
        summary = exec_summary(engine, items_of(batch.digests)) if engine and batch.digests else None
    for problem in batch.left_out:
        err.print(f"[red]left out:[/] {problem}", highlight=False)
    if not batch.digests:
        err.print(f"[red]error:[/] no readable digest under {', '.join(map(str, paths))}", highlight=False)
        return 2
    write_briefing(batch, out, html, summary)
    if not quiet:
        for note in batch.notes:
            err.print(f"[yellow]note:[/] {note}", highlight=False)
        if summary is not None and summary.note:
            err.print(f"[yellow]executive summary left out:[/] {summary.note}", highlight=False)
        err.print(f"briefing of {len(batch.digests)} digests → {out}" + (f", {html}" if html else ""))
    return 1 if batch.left_out else 0


@app.command()
def schema(
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder to write the JSON Schemas into.")] = Path(
        "schemas"
    ),
) -> None:
    """Write the JSON Schema of every output format (digest, run report, model output).

    Example: summarizer schema --out schemas/
    """
    from summarizer.schemas import write_schemas

    for path in write_schemas(out):
        typer.echo(str(path))


def main() -> None:
    app()
