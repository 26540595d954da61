"""Record real model answers, and replay them later without a model (for tests and demos).

A recording is JSONL, one line per model call: ``{"key", "output", "last_message", "text",
"prompt_tokens", "completion_tokens"}`` where ``key`` hashes the request messages and output schema. Replayed text goes
through the same Pydantic validation as a live answer; requests are kept in ``history``.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from summarizer.backends.base import Backend, Reply, Request, T
from summarizer.errors import BackendError, OutputError


def request_key(request: Request, output: type[object]) -> str:
    payload = json.dumps([output.__name__, request.messages], ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


class RecordingBackend:
    """Passes calls to ``inner`` and appends each successful answer to ``path``."""

    def __init__(self, inner: Backend, path: Path) -> None:
        self.inner, self.path = inner, path
        self.name, self.model = inner.name, inner.model

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        reply = self.inner.generate(request, output)
        record = {
            "key": request_key(request, output),
            "output": output.__name__,
            "last_message": request.messages[-1]["content"],
            "text": reply.text,
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
        }
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
        return reply


class ReplayBackend:
    """Answers from a recording; an unknown request is an error naming its key."""

    name = "replay"

    def __init__(self, path: Path, model: str = "recorded") -> None:
        self.model = model
        self.history: list[Request] = []
        self._answers: dict[str, dict[str, Any]] = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                record = json.loads(line)
                self._answers[record["key"]] = record

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        self.history.append(request)
        key = request_key(request, output)
        record = self._answers.get(key)
        if record is None:
            raise BackendError(f"no recorded answer for request {key} ({output.__name__})")
        text = str(record["text"])
        try:
            value = output.model_validate_json(text)
        except ValidationError as exc:
            raise OutputError(
                f"recorded answer does not match the schema: {exc.errors()[0]['msg']}", raw=text
            ) from exc
        return Reply(
            value, text, int(record.get("prompt_tokens", 0)), int(record.get("completion_tokens", 0)), 0.0
        )
