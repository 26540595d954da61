"""Model backends: one protocol, one module per backend; only these modules import model SDKs."""

from __future__ import annotations

from pathlib import Path

from summarizer.backends.base import Backend, Reply, Request
from summarizer.errors import BackendError

__all__ = ["Backend", "Reply", "Request", "make_backend"]


def make_backend(
    name: str,
    *,
    model: str | None = None,
    model_path: Path | None = None,
    base_url: str | None = None,
    openai_mode: str = "json",
    timeout: float = 120.0,
    retries: int = 4,
) -> Backend:
    """Build a backend by name ('local' or 'openai'). SDKs are imported here, lazily. ``timeout``
    (seconds per request) and ``retries`` (transport retries) apply to the openai backend."""
    if name == "local":
        from summarizer.backends.local import LocalBackend

        return LocalBackend(model_path=model_path)
    if name == "openai":
        from summarizer.backends.openai_backend import OpenAIBackend

        return OpenAIBackend(
            model=model, base_url=base_url, mode=openai_mode, timeout=timeout, retries=retries
        )
    raise BackendError(f"unknown backend {name!r}: use 'local' or 'openai'")
