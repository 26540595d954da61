"""Command line: a thin shell over the library. Exit codes: 0 all done, 1 some articles failed,
2 usage or setup error (bad option, missing model, unreachable configuration)."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from summarizer import __version__
from summarizer.errors import SummarizerError

app = typer.Typer(
    help="Turn French news articles into checked English digests: every fact tied to a span of the source.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)


class BackendName(StrEnum):
    local = "local"
    openai = "openai"


class OpenAIMode(StrEnum):
    json = "json"
    json_schema = "json_schema"
    tools = "tools"


class _Bar:
    """Rich progress bar on stderr, one step per model call."""

    def __init__(self, quiet: bool) -> None:
        self.quiet = quiet
        self.bar = Progress(
            TextColumn("[bold]{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TextColumn("eta"),
            TimeRemainingColumn(),
            console=err,
            disable=quiet,
        )
        self.task = self.bar.add_task("starting", total=None)

    def start(self, steps: int) -> None:
        self.bar.update(self.task, total=steps)

    def step(self, label: str) -> None:
        self.bar.update(self.task, advance=1, description=label[:28])

    def warn(self, message: str) -> None:
        self.bar.console.print(f"[yellow]warning:[/] {message}", highlight=False)

    def download(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total, description="assembling model")


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
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Summarize articles into English digests, each fact checked against its source span.

    Example: summarizer summarize seeds/ --out digests/
    """
    from summarizer.backends import make_backend
    from summarizer.backends.model_store import ensure_default_model
    from summarizer.pipeline import summarize_batch

    bar = _Bar(quiet or not sys.stderr.isatty())
    with bar.bar:
        try:
            if backend is BackendName.local and model_path is None:
                model_path = ensure_default_model(bar.download)
            engine = make_backend(
                backend.value,
                model=model,
                model_path=model_path,
                base_url=base_url,
                openai_mode=openai_mode.value,
            )
        except SummarizerError as exc:
            err.print(f"[red]error:[/] {exc}", highlight=False)
            raise typer.Exit(2) from exc
        report = summarize_batch(paths, engine, out, bar)
    t = report.totals
    if not quiet:
        err.print(
            f"{t.ok}/{t.articles} articles digested, {t.facts} facts, {t.located} located, {t.verified} verified, "
            f"{t.seconds:.0f} s → {out}/run.json",
            highlight=False,
        )
    for run in report.articles:
        if run.status == "failed":
            err.print(f"[red]failed:[/] {run.error}", highlight=False)
    raise typer.Exit(1 if t.failed else 0)


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
