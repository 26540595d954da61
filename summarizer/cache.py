"""Content-addressed cache of model outputs, so a rerun (or a resume after a crash) makes no model call
for work already done.

A key hashes everything that decides an answer: the article's sha256, the backend, its server URL and
model, the prompt and schema hashes, the output type, the messages and the decoding parameters
(temperature, seed, max_tokens). An entry holds the validated output and its token counts, or the
model's invalid output and why it was refused (so a rerun takes the same path through the retries);
never a request header or key. Entries are written atomically. A call that got no answer (timeout,
HTTP error, unreachable server) is not stored, so the next run tries it again.
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.backends.base import Backend, Reply, Request, T
from summarizer.backends.model_store import cache_dir
from summarizer.errors import OutputError
from summarizer.render import write_text


def default_cache() -> Path:
    """``$SUMMARIZER_CALL_CACHE``, else ``calls/`` in the user's summarizer cache folder."""
    return Path(os.environ.get("SUMMARIZER_CALL_CACHE") or cache_dir() / "calls")


class CallCache:
    """A folder of ``<key[:2]>/<key>.json`` entries."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def _path(self, key: str) -> Path:
        return self.folder / key[:2] / f"{key}.json"

    def get(self, key: str) -> dict[str, Any] | None:
        try:
            entry = json.loads(self._path(key).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None  # absent, or unreadable: the call is simply made again
        return entry if isinstance(entry, dict) else None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        write_text(self._path(key), json.dumps(entry, ensure_ascii=False))


class CachedBackend:
    """Answers from the cache when it can, else asks ``inner`` and stores the answer.

    One per article: it knows the article and prompt hashes that go into each key, and counts the
    calls it answered (``hits``) and passed on (``misses``). Safe to share between threads."""

    def __init__(
        self, inner: Backend, cache: CallCache, article_sha: str, prompt_sha: str, schema_sha: str
    ) -> None:
        self.inner, self.cache = inner, cache
        self.name, self.model = inner.name, inner.model
        self._context = {
            "article": article_sha,
            "backend": inner.name,
            "server": getattr(inner, "base_url", None),
            "model": inner.model,
            "prompt": prompt_sha,
            "schema": schema_sha,
        }
        if getattr(inner, "requested_mode", "auto") != "auto":  # how the server was asked for JSON
            self._context["mode"] = inner.requested_mode  # type: ignore[attr-defined]
        self.hits = self.misses = 0
        self._lock = threading.Lock()

    def key(self, request: Request, output: type[object]) -> str:
        payload = {
            **self._context,
            "output": output.__name__,
            "messages": request.messages,
            "decoding": [request.temperature, request.seed, request.max_tokens],
        }
        return hashlib.sha256(json.dumps(payload, ensure_ascii=False, sort_keys=True).encode()).hexdigest()

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        key = self.key(request, output)
        entry = self.cache.get(key)
        if entry is not None and (reply := self._replay(entry, output)) is not None:
            return reply
        try:
            reply = self.inner.generate(request, output)
        except OutputError as exc:
            self._count(hit=False)
            self.cache.put(key, {"error": str(exc), "raw": exc.raw})
            raise
        self._count(hit=False)
        self.cache.put(
            key,
            {
                "value": reply.value.model_dump_json(),
                "text": reply.text,
                "prompt_tokens": reply.prompt_tokens,
                "completion_tokens": reply.completion_tokens,
            },
        )
        return reply

    def _replay(self, entry: dict[str, Any], output: type[T]) -> Reply[T] | None:
        """The cached answer (a cached refusal is raised again); None if the entry is damaged."""
        if "error" in entry:
            self._count(hit=True)
            raise OutputError(str(entry["error"]), raw=str(entry.get("raw", "")))
        try:
            value = output.model_validate_json(str(entry["value"]))
        except (KeyError, ValidationError):
            return None
        self._count(hit=True)
        text, prompt, completion = (
            entry.get("text", ""),
            entry.get("prompt_tokens", 0),
            entry.get("completion_tokens", 0),
        )
        return Reply(value, str(text), int(prompt), int(completion), 0.0, cached=True)

    def _count(self, hit: bool) -> None:
        with self._lock:
            if hit:
                self.hits += 1
            else:
                self.misses += 1
