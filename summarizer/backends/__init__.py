"""Model backends: one protocol, one module per backend; only these modules import model SDKs."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from pathlib import Path

from summarizer.backends.base import Backend, Reply, Request
from summarizer.errors import BackendError

__all__ = ["Backend", "Reply", "Request", "make_backend"]


def make_backend(
    name: str,
    *,
    model: str | None = None,
    model_path: Path | None = None,
    base_url: str | Sequence[str] | None = None,
    openai_mode: str = "auto",
    timeout: float = 120.0,
    retries: int = 4,
    warn: Callable[[str], None] | None = None,
) -> Backend:
    """Build a backend by name ('local' or 'openai'). SDKs are imported here, lazily. ``timeout``
    (seconds per request) and ``retries`` (transport retries) apply to the openai backend. Several
    base URLs (given, or in ``$OPENAI_BASE_URL`` separated by commas or spaces) make a ``FleetBackend``
    of one openai backend per URL, each with at most ``FLEET_RETRIES`` transport retries so that a
    failing server hands its calls over quickly; ``warn`` is told when a server is set aside."""
    if name == "local":
        from summarizer.backends.local import LocalBackend

        return LocalBackend(model_path=model_path)
    if name == "openai":
        from summarizer.backends.fleet import FLEET_RETRIES, FleetBackend, split_urls
        from summarizer.backends.openai_backend import OpenAIBackend

        given = [base_url] if isinstance(base_url, str) else list(base_url or [])
        urls = split_urls(given or [os.environ.get("OPENAI_BASE_URL") or ""])
        if len(urls) < 2:
            return OpenAIBackend(
                model=model,
                base_url=urls[0] if urls else None,
                mode=openai_mode,
                timeout=timeout,
                retries=retries,
            )
        each = min(retries, FLEET_RETRIES)
        servers: dict[str, Backend] = {
            url: OpenAIBackend(model=model, base_url=url, mode=openai_mode, timeout=timeout, retries=each)
            for url in urls
        }
        return FleetBackend(servers, warn=warn)
    raise BackendError(f"unknown backend {name!r}: use 'local' or 'openai'")
