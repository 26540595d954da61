"""The embedded model (or any GGUF) behind a real llama.cpp HTTP server, OpenAI-compatible, started
in this process through xllamacpp: ``summarizer serve``, the server benchmark and its test."""

from __future__ import annotations

import socket
from pathlib import Path
from typing import Any

from summarizer.backends.local import llama_params
from summarizer.backends.model_store import MODEL_NAME
from summarizer.errors import BackendError

SLOT_CTX = 4096  # context per parallel slot: the in-process backend's


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


def start_server(
    *,
    model_path: Path | None = None,
    host: str = "127.0.0.1",
    port: int = 8080,
    parallel: int = 2,
    threads: int | None = None,
) -> tuple[Any, str]:
    """Start llama.cpp's HTTP server (``/v1/chat/completions`` and the rest) with ``parallel`` slots of
    ``SLOT_CTX`` tokens each; returns the server (it runs until dropped) and its base URL (…/v1)."""
    xllamacpp, params, path = llama_params(
        model_path, n_ctx=SLOT_CTX * parallel, parallel=parallel, threads=threads
    )
    params.model_alias = {path.stem if model_path is not None else MODEL_NAME}
    params.hostnames = [host]
    params.port = port
    try:
        server = xllamacpp.Server(params)
    except Exception as exc:  # the extension raises plain RuntimeError/ValueError subclasses
        raise BackendError(
            f"llama.cpp could not serve {path} on {host}:{port}: {exc} (is the port in use? try another --port)"
        ) from exc
    return server, f"{server.listening_address}/v1"
