"""Command line: a thin shell over the library. Exit codes, the same in every command: 0 all done,
1 some articles failed (verify: some fact not verified or a source changed; briefing: written with
caveats), 2 usage, input or setup error (bad option, nothing to work on, bad output path, missing model,
unreachable configuration), each said in one line naming the file and the fix (``cli_options.fail``)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from summarizer import __version__
from summarizer.cli_options import (
    DEFAULT_CONCURRENCY,
    DEFAULT_RETRIES,
    DEFAULT_TIMEOUT,
    BackendName,
    BackendOpt,
    BaseUrlOpt,
    ConcurrencyOpt,
    Extraction,
    ModelOpt,
    ModelOptions,
    ModelPathOpt,
    OpenAIMode,
    OpenAIModeOpt,
    RetriesOpt,
    SourcesOpt,
    TimeoutOpt,
    fail,
    output_file,
    output_folder,
    written,
)
from summarizer.cli_output import emit, names, verify_claims, write_briefing
from summarizer.desk_cli import export, review
from summarizer.progress import Bar, err, mask, setup_logging

app = typer.Typer(
    help="Turn French news articles into checked English digests: every fact tied to a span of the source.",
    no_args_is_help=True,
    add_completion=False,
)


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
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH", help="Article files (.txt, .md, .html, .htm, .jsonl) or folders."),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", "-o", metavar="DIR", help="Folder for <article-id>.json digests and run.json."),
    ],
    backend: BackendOpt = BackendName.local,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    model_path: ModelPathOpt = None,
    openai_mode: OpenAIModeOpt = OpenAIMode.auto,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    retries: RetriesOpt = DEFAULT_RETRIES,
    concurrency: ConcurrencyOpt = None,
    extraction: Annotated[
        Extraction,
        typer.Option(
            help="sentences: the pipeline picks sentences and the model writes one English statement each "
            "(best for small models); chunks: the model writes whole typed facts from ~1,000-character chunks.",
        ),
    ] = Extraction.sentences,
    briefing: Annotated[
        Path | None,
        typer.Option(metavar="FILE.md", help="Also write a Markdown briefing of the batch to this file."),
    ] = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            metavar="DIR",
            help="Cache of model outputs (default: ~/.cache/summarizer/calls or $SUMMARIZER_CALL_CACHE).",
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

    Exit 0 when every article was digested, 1 when some failed, 2 when the batch could not start (bad
    option, no readable article file under PATH, --out not a folder, no model) or the model server was never
    reachable.

    Examples: summarizer summarize seeds/ --out digests/ --briefing briefing.md
              summarizer summarize articles/ --out digests/ --backend openai --base-url http://localhost:8080/v1 --concurrency 16
              summarizer summarize articles/ --out digests/ --backend openai --base-url http://gpu1:8000/v1 --base-url http://gpu2:8000/v1
    """
    from summarizer.backends.fleet import FleetBackend
    from summarizer.cache import CallCache, default_cache
    from summarizer.ingest import SUPPORTED, discover
    from summarizer.pipeline import summarize_batch

    setup_logging(verbose)
    output_folder(out, "--out")
    output_file(briefing, "--briefing", "briefing.md")
    if cache is not None:
        output_folder(cache, "--cache", "the cache")
    files, failures = discover(paths)
    if not files and not failures:
        fail(f"no article files under {names(paths)} (looked for {SUPPORTED}): pass article files or folders")
    if not files:  # every input missing or of a type not read: say so before loading a model
        for failure in failures:
            err.print(f"[red]failed:[/] {failure.error}", highlight=False, soft_wrap=True)
        fail(f"no readable article file under {names(paths)} (read: {SUPPORTED}): each input is named above")
    if backend is BackendName.local and concurrency not in (None, 1):
        err.print("[yellow]note:[/] the local backend runs one call at a time; --concurrency ignored")
    store = None if no_cache else CallCache(cache or default_cache())
    options = ModelOptions(backend, model, base_url, model_path, openai_mode, timeout, retries)
    calls = 1 if backend is BackendName.local else concurrency or DEFAULT_CONCURRENCY * options.servers()
    bar = Bar(quiet or not sys.stderr.isatty())
    with bar.bar:
        engine = options.engine(bar)
        try:
            report = summarize_batch(paths, engine, out, bar, calls, store, extraction.value)
        except OSError as exc:
            fail(f"cannot write to --out {out}: {exc.strerror or exc} ({exc.filename or out})")
    t = report.totals
    if not quiet:
        err.print(
            f"{t.ok}/{t.articles} articles digested, {t.failed} failed, {t.duplicates} duplicates; "
            f"{t.facts} facts, {t.located} located, {t.verified} verified; {t.calls} model calls, "
            f"{t.cached} from cache; {t.seconds:.0f} s → {out}/run.json",
            highlight=False,
            soft_wrap=True,
        )
        if isinstance(engine, FleetBackend):
            err.print(mask(engine.summary()), highlight=False, soft_wrap=True)
    for run in report.articles:
        if run.status == "failed":
            err.print(f"[red]failed:[/] {mask(run.error or '')}", highlight=False, soft_wrap=True)
    if report.stopped:
        fail(f"batch stopped: {report.stopped}")
    code = 0
    if briefing is not None and t.ok:
        code = write_briefing([out], briefing, None, None, None, quiet)
    elif briefing is not None:
        nothing = f"no briefing written to {briefing}: no article was digested (each failure is named above)"
        err.print(f"[red]error:[/] {nothing}", highlight=False, soft_wrap=True)
    raise typer.Exit(1 if t.failed or code else 0)


@app.command()
def verify(
    paths: Annotated[
        list[Path] | None,
        typer.Argument(metavar="PATH", help="Digest files or folders (with --claim: the article files)."),
    ] = None,
    claim: Annotated[
        str | None,
        typer.Option(
            metavar="TEXT", help="Check this sentence against the article(s) given as PATH instead."
        ),
    ] = None,
    claims: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE.jsonl",
            help="JSONL of {claim, path or doc, optional id}: check each claim against its article.",
        ),
    ] = None,
    sources: SourcesOpt = None,
    judge: Annotated[
        bool,
        typer.Option(
            "--judge", help="Also ask the model, once per article, whether each span supports its fact."
        ),
    ] = False,
    json_out: Annotated[
        Path | None,
        typer.Option(
            "--json", metavar="FILE", help="Write the report as JSON to this file ('-' for stdout)."
        ),
    ] = None,
    html: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE.html", help="Write one HTML page with every span (claims: evidence) highlighted."
        ),
    ] = None,
    backend: BackendOpt = BackendName.local,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    model_path: ModelPathOpt = None,
    openai_mode: OpenAIModeOpt = OpenAIMode.auto,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    retries: RetriesOpt = DEFAULT_RETRIES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No table, no progress bar.")] = False,
) -> None:
    """Re-check stored digests against their sources, with no LLM call (unless --judge).

    With --claim or --claims, check claims (no quote needed) against articles: the evidence sentences
    are found by cross-lingual retrieval, then checked the same way.

    Exit 0 when every fact (claim) is verified, 1 when any is partial or unsupported (or a source
    changed), 2 when an input cannot be checked (invalid digest, missing source, unreadable article,
    bad claims row; the others are still checked) or there is nothing to check.

    Examples: summarizer verify examples/digests --json report.json --html report.html
              summarizer verify --claim "North Korea sent shells to Russia." seeds/002_64a0af951ad475a6.txt
    """
    from summarizer.ingest import Article
    from summarizer.models import ArticleVerify
    from summarizer.verify import digest_files, exit_code, verify_paths

    paths = paths or []
    output_file(json_out, "--json", "report.json")
    output_file(html, "--html", "report.html")
    _sources_folder(sources)
    if sources is not None and (claim is not None or claims is not None):
        fail("--sources is for digests; with --claim or --claims, pass the article files themselves")
    if claim is not None and not paths:
        fail(
            '--claim needs the article file(s) to check it against: summarizer verify --claim "…" ARTICLE.txt'
        )
    if claims is not None and not claims.is_file():
        what = "is a folder" if claims.is_dir() else "does not exist"
        fail(f"--claims {claims} {what}: pass a JSONL file with one {{claim, path or doc}} object per line")
    if claim is None and claims is None and not paths:
        fail(
            "nothing to verify: pass digest files or a folder (summarizer verify digests/), --claim or --claims"
        )
    files = [] if claim is not None or claims is not None else list(digest_files(paths))
    if claim is None and claims is None and not files:
        fail(f"no digest files (.json) under {names(paths)}: pass digest files or a summarize --out folder")
    options = ModelOptions(backend, model, base_url, model_path, openai_mode, timeout, retries)
    engine = options.engine() if judge else None
    if claim is not None or claims is not None:
        raise typer.Exit(verify_claims(paths, claim, claims, engine, json_out, html, quiet))
    bar = Bar(quiet or not sys.stderr.isatty())
    bar.start(len(files))
    pages: list[tuple[Article | None, ArticleVerify]] = []
    with bar.bar:
        report = verify_paths(files, sources, engine, lambda p: bar.step(p.name), pages)
    from summarizer.render import verify_tables

    emit(report, verify_tables(report), json_out, quiet)
    if html is not None:
        from summarizer.htmlview import write_html

        written([html], lambda: write_html(html, report, pages))
    for a in report.articles:  # one line each, also when the table is not shown
        if a.error:
            err.print(f"[red]error:[/] {mask(a.error)}", highlight=False, soft_wrap=True)
        elif a.source_changed:
            changed = f"{a.digest}: the source {a.source} changed since the digest was made (sha256 differs)"
            err.print(f"[yellow]warning:[/] {changed}", highlight=False, soft_wrap=True)
    raise typer.Exit(exit_code(report))


def _sources_folder(sources: Path | None) -> None:
    if sources is not None and not sources.is_dir():
        fail(f"--sources {sources} is not a folder: pass the folder that holds the source articles")


@app.command()
def briefing(
    paths: Annotated[
        list[Path],
        typer.Argument(metavar="PATH", help="Digest files or folders (e.g. a summarize --out folder)."),
    ],
    out: Annotated[Path, typer.Option("--out", "-o", metavar="FILE.md", help="Markdown file to write.")],
    html: Annotated[
        Path | None,
        typer.Option(
            metavar="FILE.html", help="Also write the briefing as one HTML page with the spans highlighted."
        ),
    ] = None,
    sources: SourcesOpt = None,
    exec_summary: Annotated[
        bool,
        typer.Option(
            "--exec-summary",
            help="Ask the model for an executive paragraph; kept only if it passes the summary check.",
        ),
    ] = False,
    backend: BackendOpt = BackendName.local,
    model: ModelOpt = None,
    base_url: BaseUrlOpt = None,
    model_path: ModelPathOpt = None,
    openai_mode: OpenAIModeOpt = OpenAIMode.auto,
    timeout: TimeoutOpt = DEFAULT_TIMEOUT,
    retries: RetriesOpt = DEFAULT_RETRIES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary line.")] = False,
) -> None:
    """Write one Markdown briefing across a folder of digests, from verified facts only.

    Each digest is checked again against its source (found by its recorded path or in --sources).
    Without --exec-summary no model is called and the same digests give byte-identical Markdown.
    Exit 0 when written, 1 when written with caveats (a digest left out, or one whose source is missing
    or changed; each named), 2 when nothing was written (no readable digest, bad option or path).

    Examples: summarizer briefing digests/ --out briefing.md --html briefing.html
              summarizer briefing examples/digests --out briefing.md --exec-summary
    """
    from summarizer.verify import digest_files

    output_file(out, "--out", "briefing.md")
    output_file(html, "--html", "briefing.html")
    _sources_folder(sources)
    if not any(True for _ in digest_files(paths)):
        fail(f"no digest files (.json) under {names(paths)}: pass digest files or a summarize --out folder")
    options = ModelOptions(backend, model, base_url, model_path, openai_mode, timeout, retries)
    engine = options.engine() if exec_summary else None
    raise typer.Exit(write_briefing(paths, out, html, sources, engine, quiet))


@app.command()
def schema(
    out: Annotated[
        Path, typer.Option("--out", "-o", metavar="DIR", help="Folder to write the JSON Schemas into.")
    ] = Path("schemas"),
) -> None:
    """Write the JSON Schema of every output format (digest, run report, model output).

    Example: summarizer schema --out schemas/
    """
    from summarizer.schemas import write_schemas

    output_folder(out, "--out", "the schemas")
    paths: list[Path] = []
    written([out], lambda: paths.extend(write_schemas(out)))
    for path in paths:
        typer.echo(str(path))


@app.command()
def serve(
    port: Annotated[
        int, typer.Option(min=1, max=65535, metavar="PORT", help="TCP port to listen on.")
    ] = 8080,
    host: Annotated[
        str, typer.Option(metavar="ADDRESS", help="Address to listen on (0.0.0.0: every interface).")
    ] = "127.0.0.1",
    parallel: Annotated[
        int, typer.Option(min=1, metavar="N", help="Requests answered at once (slots of 4,096 tokens each).")
    ] = 2,
    model_path: ModelPathOpt = None,
) -> None:
    """Serve the embedded model (or --model-path) over llama.cpp's OpenAI-compatible HTTP server until
    Ctrl-C, for other machines or tools: point `--backend openai --base-url` at it.

    Example: summarizer serve --port 8080 --parallel 2
    """
    import contextlib
    import signal

    from summarizer.backends.serve import start_server
    from summarizer.errors import BackendError

    try:
        server, url = start_server(model_path=model_path, host=host, port=port, parallel=parallel)
    except BackendError as exc:
        fail(str(exc))
    typer.echo(
        f"serving on {url} ({parallel} slots); use: summarizer summarize ARTICLES --backend openai --base-url {url}"
    )
    with contextlib.suppress(KeyboardInterrupt):
        signal.pause()
    del server


app.command()(review)
app.command()(export)


def main() -> None:
    app()
