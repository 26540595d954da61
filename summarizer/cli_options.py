"""Options shared by the commands, declared once: the model backend options (every command that can call
a model takes the same ones), output paths checked before any work, and the one-line error exit."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, NoReturn

import typer

from summarizer.backends.base import Backend
from summarizer.errors import SummarizerError
from summarizer.progress import Bar, err, mask

DEFAULT_OPENAI_MODEL = "gpt-4o-mini"  # as in backends.openai_backend, which the CLI must not import
DEFAULT_TIMEOUT = 120.0
DEFAULT_RETRIES = 4
DEFAULT_CONCURRENCY = 4
MODEL_PANEL = "Model backend"


class BackendName(StrEnum):
    local = "local"
    openai = "openai"


class Extraction(StrEnum):
    sentences = "sentences"
    chunks = "chunks"


class OpenAIMode(StrEnum):
    auto = "auto"
    json_schema = "json_schema"
    llamacpp = "llamacpp"
    json = "json"
    tools = "tools"


BackendOpt = Annotated[
    BackendName,
    typer.Option(
        help="local: the embedded model (or --model-path), offline; openai: any OpenAI-compatible server.",
        rich_help_panel=MODEL_PANEL,
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        metavar="NAME",
        help="Model name (openai backend).",
        show_default=f"$SUMMARIZER_MODEL, else {DEFAULT_OPENAI_MODEL}",
        rich_help_panel=MODEL_PANEL,
    ),
]
BaseUrlOpt = Annotated[
    list[str] | None,
    typer.Option(
        metavar="URL",
        help="OpenAI-compatible server URL (openai backend); repeat it for several servers of the same "
        "model: calls go to the least loaded, a failing one is set aside and its calls go to the others.",
        show_default="$OPENAI_BASE_URL (several: commas or spaces), else https://api.openai.com/v1",
        rich_help_panel=MODEL_PANEL,
    ),
]
ModelPathOpt = Annotated[
    Path | None,
    typer.Option(
        metavar="FILE.gguf",
        help="Any GGUF file for the local backend, instead of the embedded model.",
        rich_help_panel=MODEL_PANEL,
    ),
]
OpenAIModeOpt = Annotated[
    OpenAIMode,
    typer.Option(
        help="How the server is asked for JSON (openai backend): json_schema (vLLM, llama-server, Ollama,"
        " OpenAI: decoding constrained to the schema), llamacpp (llama-cpp-python's server), json (schema in"
        " the prompt, any server), tools (function calls); auto probes the server once.",
        rich_help_panel=MODEL_PANEL,
    ),
]
TimeoutOpt = Annotated[
    float,
    typer.Option(
        min=0.1,
        metavar="SECONDS",
        help="Seconds to wait for one answer from the server (openai backend).",
        rich_help_panel=MODEL_PANEL,
    ),
]
RetriesOpt = Annotated[
    int,
    typer.Option(
        min=0,
        metavar="N",
        help="Retries after a timeout, 429 or 5xx, with backoff or Retry-After (openai backend).",
        rich_help_panel=MODEL_PANEL,
    ),
]
ConcurrencyOpt = Annotated[
    int | None,
    typer.Option(
        min=1,
        metavar="N",
        help="Model calls at once (openai backend); the local backend runs one at a time.",
        show_default=f"{DEFAULT_CONCURRENCY} per --base-url server",
        rich_help_panel=MODEL_PANEL,
    ),
]
SourcesOpt = Annotated[
    Path | None,
    typer.Option(metavar="DIR", help="Folder of source articles, matched by article id or sha256."),
]


@dataclass(frozen=True)
class ModelOptions:
    """The backend options of one command line, as the commands declare them."""

    backend: BackendName = BackendName.local
    model: str | None = None
    base_url: Sequence[str] | None = None
    model_path: Path | None = None
    openai_mode: OpenAIMode = OpenAIMode.auto
    timeout: float = DEFAULT_TIMEOUT
    retries: int = DEFAULT_RETRIES

    def servers(self) -> int:
        """How many servers the openai backend spreads calls over (one unless several base URLs)."""
        from summarizer.backends.fleet import split_urls

        urls = split_urls(self.base_url or [os.environ.get("OPENAI_BASE_URL") or ""])
        return max(1, len(urls)) if self.backend is BackendName.openai else 1

    def engine(self, bar: Bar | None = None) -> Backend:
        """The chosen backend, the embedded model assembled first if needed; setup errors exit 2."""
        from summarizer.backends import make_backend
        from summarizer.backends.model_store import ensure_default_model

        try:
            model_path = self.model_path
            if self.backend is BackendName.local and model_path is None:
                model_path = ensure_default_model(bar.download if bar is not None else None)
            return make_backend(
                self.backend.value,
                model=self.model,
                model_path=model_path,
                base_url=self.base_url,
                openai_mode=self.openai_mode.value,
                timeout=self.timeout,
                retries=self.retries,
                warn=bar.warn if bar is not None else warn,
            )
        except SummarizerError as exc:
            fail(str(exc))


def fail(message: str) -> NoReturn:
    """One line on stderr (the API key masked), then exit 2: a usage, input or setup error."""
    err.print(f"[red]error:[/] {mask(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(2)


def warn(message: str) -> None:
    """One warning line on stderr (the API key masked); the batch goes on."""
    err.print(f"[yellow]warning:[/] {mask(message)}", highlight=False, soft_wrap=True)


def output_file(path: Path | None, option: str, example: str) -> None:
    """Refuse, before any work, an output file that is a folder or sits under a file."""
    if path is None or path == Path("-"):
        return
    if path.is_dir():
        fail(f"{option} {path} is a folder, not a file: give a file name, e.g. {option} {path / example}")
    for parent in path.parents:
        if parent.exists():
            if not parent.is_dir():
                fail(f"{option} {path}: {parent} is a file, not a folder: choose another path")
            return


def output_folder(path: Path, option: str, what: str = "the digests") -> None:
    """Refuse, before any work, an output folder that is a file (or sits under one)."""
    for folder in [path, *path.parents]:
        if folder.exists():
            if not folder.is_dir():
                where = "is a file" if folder == path else f"is under {folder}, which is a file"
                fail(f"{option} {path} {where}, not a folder: give a folder for {what} (made if missing)")
            return


def written(paths: Iterable[Path | None], write: Callable[[], Any]) -> None:
    """Run ``write``; an OS error (permission, full disk) becomes one line naming the file(s), exit 2."""
    try:
        write()
    except OSError as exc:
        targets = [str(p) for p in paths if p is not None]
        name = exc.filename if exc.filename in targets else " or ".join(targets)
        fail(f"cannot write {name}: {exc.strerror or exc}: choose a writable path")


def _patch_help_types() -> None:
    """typer's rich help prints a type for every parameter, ``<bool>`` for a flag (even --help) and
    ``<list[Path]>`` for a list argument: print none for flags, and only the metavar for arguments."""
    from typer import core

    option_type: Callable[[Any, Any], str | None] | None = getattr(
        core.TyperOption, "display_type_rich", None
    )
    argument_type: Callable[[Any, Any], str | None] | None = getattr(
        core.TyperArgument, "display_type_rich", None
    )
    if option_type is None or argument_type is None:  # an older typer: nothing to fix
        return

    def option(self: Any, ctx: Any) -> str | None:
        return None if getattr(self, "is_flag", False) else option_type(self, ctx)

    def argument(self: Any, ctx: Any) -> str | None:
        return None if self.metavar else argument_type(self, ctx)

    core.TyperOption.display_type_rich = option  # type: ignore[method-assign]
    core.TyperArgument.display_type_rich = argument  # type: ignore[method-assign]


_patch_help_types()
