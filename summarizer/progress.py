"""What the CLI shows while it works: a progress bar (rate and ETA) and, with --verbose, logs. Both go
to stderr, so stdout stays clean for JSON; every line passes a filter that masks the API key."""

from __future__ import annotations

import logging
import os

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

err = Console(stderr=True)


def secrets() -> list[str]:
    """Values that must never be printed (the API key from the environment)."""
    key = os.environ.get("OPENAI_API_KEY", "")
    return [key] if len(key) >= 4 else []


def mask(text: str) -> str:
    for secret in secrets():
        text = text.replace(secret, "***")
    return text


class _Rate(ProgressColumn):
    """Steps per minute (model calls, or files), once there is something to measure."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed * 60:.1f}/min" if speed else "-/min", style="progress.data.speed")


class Bar:
    """Rich progress bar on stderr, one step per model call (or file); warnings printed above it."""

    def __init__(self, quiet: bool) -> None:
        self.bar = Progress(
            TextColumn("[bold]{task.description:<28}"),
            BarColumn(),
            MofNCompleteColumn(),
            _Rate(),
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
        self.bar.console.print(f"[yellow]warning:[/] {mask(message)}", highlight=False, soft_wrap=True)

    def download(self, done: int, total: int) -> None:
        self.bar.update(self.task, completed=done, total=total, description="assembling model")


class _Masked(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg, record.args = mask(record.getMessage()), None
        return True


def setup_logging(verbose: bool) -> None:
    """``--verbose``: this package's log (per article and per failed attempt), the SDK's retries and
    HTTP requests, on stderr with the key masked. Without it, nothing: instructor logs every failed
    attempt as an error, though the pipeline retries it and records what finally failed."""
    if not verbose:
        logging.getLogger("instructor").addHandler(logging.NullHandler())
        return
    handler = logging.StreamHandler()
    handler.addFilter(_Masked())
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s", "%H:%M:%S"))
    for name in ("summarizer", "openai", "httpx", "httpx2", "instructor"):
        logger = logging.getLogger(name)
        logger.setLevel(logging.INFO)
        logger.addHandler(handler)
