"""Local backend: llama.cpp in-process through xllamacpp (prebuilt wheels, no compiler needed).

Output is constrained by a grammar that llama.cpp builds from the Pydantic JSON Schema
(``response_format: {"type": "json_object", "schema": ...}``). Tokens are streamed so a repetition
loop is cut while it happens; the prompt prefix (instructions + example) stays in llama.cpp's cache.
Why xllamacpp and not llama-cpp-python: see the README ("Choosing the runtime").
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

from summarizer.backends.base import Reply, Request, T, parse_output
from summarizer.backends.model_store import MODEL_NAME, ensure_default_model
from summarizer.errors import BackendError, OutputError


def llama_params(
    model_path: Path | None, *, n_ctx: int, parallel: int, threads: int | None
) -> tuple[Any, Any, Path]:
    """xllamacpp, its parameters for llama.cpp on ``model_path`` (default: the embedded model) with
    ``parallel`` slots sharing ``n_ctx`` tokens and ``threads`` threads (default: every core), and the
    model's path."""
    try:
        import xllamacpp
    except ImportError as exc:
        raise BackendError("llama.cpp needs xllamacpp: `pip install xllamacpp`") from exc
    if model_path is not None and not model_path.is_file():
        raise BackendError(f"--model-path {model_path}: no such file (expected a .gguf model file)")
    path = model_path or ensure_default_model()
    count = threads or max(1, os.cpu_count() or 1)
    params = xllamacpp.CommonParams()
    params.model.path = str(path)
    params.n_ctx = n_ctx
    params.n_parallel = parallel
    params.verbosity = -1
    params.cpuparams.n_threads = count
    params.cpuparams_batch.n_threads = count
    return xllamacpp, params, path


class LocalBackend:
    """llama.cpp in this process. ``model_path`` runs any GGUF; default: the embedded model.

    One call at a time: llama.cpp already spreads one generation over every core, so a second call
    would only slow both down. Calls from several threads queue on a lock."""

    name = "local"

    def __init__(
        self, model_path: Path | None = None, n_ctx: int = 4096, n_threads: int | None = None
    ) -> None:
        xllamacpp, params, path = llama_params(model_path, n_ctx=n_ctx, parallel=1, threads=n_threads)
        self.model = path.stem if model_path is not None else MODEL_NAME
        self._lock = threading.Lock()
        try:
            self._server = xllamacpp.Server(params)
        except Exception as exc:  # the extension raises plain RuntimeError/ValueError subclasses
            raise BackendError(f"llama.cpp could not load {path}: {exc} (is it a GGUF model file?)") from exc

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        body = {
            "messages": request.messages,
            "temperature": request.temperature,
            "seed": request.seed,
            "max_tokens": request.max_tokens,
            "stream": True,
            "cache_prompt": True,
            "response_format": {"type": "json_object", "schema": output.model_json_schema()},
        }
        parts: list[str] = []
        state: dict[str, Any] = {}

        def on_chunk(chunk: dict[str, Any]) -> bool:
            if "error" in chunk or "code" in chunk:
                state["error"] = chunk.get("error", chunk)
                return True
            choice = (chunk.get("choices") or [{}])[0]
            parts.append((choice.get("delta") or {}).get("content") or "")
            state["finish"] = choice.get("finish_reason") or state.get("finish")
            state["timings"] = chunk.get("timings") or state.get("timings")
            if request.should_stop is not None and len(parts) % 8 == 0:
                state["stopped"] = request.should_stop("".join(parts))
            return bool(state.get("stopped"))

        with self._lock:
            started = time.perf_counter()
            self._server.handle_chat_completions(body, on_chunk)
            seconds = time.perf_counter() - started
        text = "".join(parts)
        if "error" in state:
            raise OutputError(f"llama.cpp refused the request: {state['error']}", raw=text)
        value = parse_output(
            text,
            output,
            finish=state.get("finish"),
            stopped=state.get("stopped"),
            max_tokens=request.max_tokens,
        )
        timings = state.get("timings") or {}
        return Reply(
            value=value,
            text=text,
            prompt_tokens=int(timings.get("prompt_n", 0)) + int(timings.get("cache_n", 0)),
            completion_tokens=int(timings.get("predicted_n", len(parts))),
            seconds=seconds,
            engine_seconds=(timings.get("prompt_ms", 0.0) + timings.get("predicted_ms", 0.0)) / 1000 or None,
        )
