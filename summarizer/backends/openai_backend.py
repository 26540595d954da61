"""OpenAI-compatible backend (OpenAI, vLLM, llama.cpp server, Ollama) through openai + instructor.

How the server is asked for JSON (``mode``):
- ``json_schema``: ``response_format: {"type": "json_schema", ...}``: the server constrains decoding to
  the schema (vLLM, llama.cpp ``llama-server``, Ollama ≥ 0.5, OpenAI);
- ``llamacpp``: ``response_format: {"type": "json_object", "schema": ...}``: the same constraint in the
  form llama-cpp-python's server (and ``llama-server``) reads;
- ``json`` / ``tools``: instructor's JSON mode (the schema in the prompt, nothing constrained) or a
  function call; an invalid answer is sent back with its error (``max_retries``);
- ``auto`` (default): a one-time probe per base URL (a tiny request whose schema admits one word
  the model would never say unasked) picks ``json_schema``, else ``llamacpp``, else ``json``.
In the two schema modes the messages go unchanged and the answer is streamed, exactly as the in-process
backend does: a llama.cpp server gives the same facts, and a looping answer is cut as it happens.

Transport retries (the openai SDK, ``retries``): timeouts, connection errors, 408/409/429/5xx, with
exponential backoff (0.5 s doubling to 8 s, jittered) or the server's ``Retry-After``. Every message
this backend raises has the API key masked.
"""

from __future__ import annotations

import json
import os
import threading
import time
from collections import defaultdict
from typing import Any

from summarizer.backends.base import Reply, Request, T, parse_output
from summarizer.errors import BackendError, OutputError, ServerFailedError, UnreachableError

MODES = ("auto", "json_schema", "llamacpp", "json", "tools")
SCHEMA_MODES = ("json_schema", "llamacpp")
RETRIED = (408, 409, 429)  # with 5xx, the statuses the SDK retries: after them the server has failed
TRANSIENT = (*RETRIED, 502, 503, 504)  # a probe answered so says nothing of the form asked for

PROBE_WORD = "zq-constrained"  # no model says this unasked: an answer holding it was constrained
PROBE_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {"word": {"type": "string", "enum": [PROBE_WORD]}},
    "required": ["word"],
    "additionalProperties": False,
}
_probed: dict[tuple[str, str], str] = {}  # (base URL, model) -> the mode the probe found
# One lock per server, so that a server slow to answer its probe holds up no other server's calls.
_probe_locks: defaultdict[tuple[str, str], threading.Lock] = defaultdict(threading.Lock)


def response_format(mode: str, schema: dict[str, Any], name: str) -> dict[str, Any]:
    """The ``response_format`` that asks a server of ``mode`` to constrain its answer to ``schema``."""
    if mode == "llamacpp":
        return {"type": "json_object", "schema": schema}
    return {"type": "json_schema", "json_schema": {"name": name, "schema": schema, "strict": _strict(schema)}}


def _strict(schema: dict[str, Any]) -> bool:
    """Whether OpenAI's strict mode accepts ``schema``: every object closed, every property required
    (vLLM and llama.cpp constrain either way; OpenAI only follows a non-strict schema)."""
    objects = [schema, *schema.get("$defs", {}).values()]
    for node in objects:
        if node.get("type") == "object":
            props = node.get("properties", {})
            if node.get("additionalProperties") is not False or set(node.get("required", [])) != set(props):
                return False
    return "default" not in json.dumps(schema)


class OpenAIBackend:
    name = "openai"

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str = "auto",
        timeout: float = 120.0,
        max_retries: int = 2,
        retries: int = 4,
    ) -> None:
        import openai

        self.base_url = base_url or os.environ.get("OPENAI_BASE_URL") or "https://api.openai.com/v1"
        key = api_key or os.environ.get("OPENAI_API_KEY")
        if not key and "api.openai.com" in self.base_url:
            raise BackendError(
                "No API key found - set OPENAI_API_KEY, or pass --base-url for a server that needs none"
            )
        if mode not in MODES:
            raise BackendError(f"unknown --openai-mode {mode!r}: use one of {', '.join(MODES)}")
        self.model = model or os.environ.get("SUMMARIZER_MODEL") or "gpt-4o-mini"
        self.requested_mode = mode
        self._openai = openai
        self.max_retries = max_retries
        self._key = key or ""
        self._client = openai.OpenAI(
            api_key=key or "no-key", base_url=self.base_url, timeout=timeout, max_retries=retries
        )
        self._instructor: Any = None
        self._lock = threading.Lock()

    @property
    def mode(self) -> str:
        """The mode in use: the one asked for, or what the probe found (probing once per base URL)."""
        if self.requested_mode != "auto":
            return self.requested_mode
        key = (self.base_url, self.model)
        with _probe_locks[key]:
            if key not in _probed:
                _probed[key] = self._probe()
            return _probed[key]

    def _probe(self) -> str:
        """The first schema form the server constrains its answer to, else ``json``. A server that is
        down or busy raises as any call would; one that refuses a form (another HTTP error, such as 400)
        lacks that form."""
        for mode in SCHEMA_MODES:
            try:
                create: Any = self._client.chat.completions.create
                completion = create(
                    model=self.model,
                    messages=[{"role": "user", "content": "Say hello."}],
                    temperature=0.0,
                    max_tokens=16,
                    response_format=response_format(mode, PROBE_SCHEMA, "probe"),
                )
            except self._openai.APIStatusError as exc:
                if exc.status_code in TRANSIENT:  # busy or down, not a refusal of the form
                    raise self._api_error(exc) from None
                continue
            except self._openai.APIError as exc:
                raise self._api_error(exc) from None
            choices = getattr(completion, "choices", None) or []
            if choices and PROBE_WORD in (choices[0].message.content or ""):
                return mode
        return "json"

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        mode = self.mode
        try:
            if mode in SCHEMA_MODES:
                return self._constrained(request, output, mode)
            return self._instructed(request, output, mode)
        except self._openai.APIError as exc:
            raise self._api_error(exc) from None
        except (BackendError, OutputError):
            raise
        except Exception as exc:  # anything else the SDKs raise: named, with the key masked
            raise BackendError(self._mask(f"the call to {self.base_url} failed: {_short(exc)}")) from None

    def _constrained(self, request: Request, output: type[T], mode: str) -> Reply[T]:
        """The messages as given, the answer constrained by the server and streamed."""
        started = time.perf_counter()
        create: Any = self._client.chat.completions.create  # its overloads don't type a plain dict
        stream = create(
            model=self.model,
            messages=request.messages,
            temperature=request.temperature,
            seed=request.seed,
            max_tokens=request.max_tokens,
            response_format=response_format(mode, output.model_json_schema(), output.__name__),
            stream=True,
            stream_options={"include_usage": True},
        )
        parts: list[str] = []
        finish: str | None = None
        stopped: str | None = None
        usage: Any = None
        with stream:
            for chunk in stream:
                usage = chunk.usage or usage
                if not chunk.choices:
                    continue
                parts.append(chunk.choices[0].delta.content or "")
                finish = chunk.choices[0].finish_reason or finish
                if request.should_stop is not None and len(parts) % 8 == 0:
                    stopped = request.should_stop("".join(parts))
                    if stopped:
                        break
        text = "".join(parts)
        value = parse_output(text, output, finish=finish, stopped=stopped, max_tokens=request.max_tokens)
        return Reply(
            value=value,
            text=text,
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or len(parts)),
            seconds=time.perf_counter() - started,
        )

    def _instructed(self, request: Request, output: type[T], mode: str) -> Reply[T]:
        """Through instructor: the schema in the prompt (``json``) or a function call (``tools``)."""
        import instructor
        from instructor.core import InstructorRetryException

        with self._lock:
            if self._instructor is None:
                chosen = instructor.Mode.TOOLS if mode == "tools" else instructor.Mode.JSON
                self._instructor = instructor.from_openai(self._client, mode=chosen)
        started = time.perf_counter()
        try:
            value, completion = self._instructor.chat.completions.create_with_completion(
                model=self.model,
                messages=request.messages,
                response_model=output,
                max_retries=self.max_retries,
                temperature=request.temperature,
                seed=request.seed,
                max_tokens=request.max_tokens,
            )
        except InstructorRetryException as exc:
            cause = exc.__cause__ if isinstance(exc.__cause__, self._openai.APIError) else None
            if cause is not None:
                raise self._api_error(cause) from None
            raise OutputError(
                self._mask(f"no valid output after {self.max_retries} retries: {_short(exc)}")
            ) from None
        usage: Any = getattr(completion, "usage", None)
        text = completion.choices[0].message.content or "" if hasattr(completion, "choices") else ""
        return Reply(
            value=value,
            text=text,
            prompt_tokens=int(getattr(usage, "prompt_tokens", 0) or 0),
            completion_tokens=int(getattr(usage, "completion_tokens", 0) or 0),
            seconds=time.perf_counter() - started,
        )

    def _mask(self, text: str) -> str:
        return text.replace(self._key, "***") if len(self._key) >= 4 else text

    def _api_error(self, exc: Exception) -> BackendError:
        """A message that says what went wrong with the server and how to fix it (key masked)."""
        openai = self._openai
        if isinstance(exc, openai.APITimeoutError):
            return ServerFailedError(f"the server at {self.base_url} did not answer in time (see --timeout)")
        if isinstance(exc, openai.APIConnectionError):
            return UnreachableError(
                f"cannot reach the model server at {self.base_url}: is it running? (check --base-url / OPENAI_BASE_URL)"
            )
        if isinstance(exc, openai.AuthenticationError):
            return BackendError(f"the server at {self.base_url} refused the API key: check OPENAI_API_KEY")
        if isinstance(exc, openai.NotFoundError):
            return BackendError(
                f"the server at {self.base_url} answered 404 for model {self.model!r}: check --model"
            )
        message = self._mask(f"the server at {self.base_url} failed: {_short(exc)}")
        status = getattr(exc, "status_code", None)
        if isinstance(status, int) and (status >= 500 or status in RETRIED):
            return ServerFailedError(message)
        return BackendError(message)


def _short(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0][:300] if text else type(exc).__name__
