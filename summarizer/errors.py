"""One root exception; only the CLI turns these into exit codes and messages."""

from __future__ import annotations


class SummarizerError(Exception):
    """Root of every error this package raises on purpose. The message says how to fix it."""


class InputError(SummarizerError):
    """An input file cannot be read as an article (names the file and the problem)."""


class BackendError(SummarizerError):
    """A model backend could not be set up or reached."""


class UnreachableError(BackendError):
    """Nothing answered at the model server's address (connection refused, unknown host)."""


class ServerFailedError(BackendError):
    """The model server took the call but did not answer it: no answer in time, or 408/409/429/5xx
    after the transport retries."""


class OutputError(SummarizerError):
    """The model's output could not be turned into valid facts after every retry."""

    def __init__(self, message: str, raw: str = "") -> None:
        super().__init__(message)
        self.raw = raw


class ModelStoreError(BackendError):
    """The embedded model could not be assembled or verified."""
