"""OpenAI-compatible backend (OpenAI, vLLM, llama.cpp server, Ollama) through openai + instructor.

Two layers of retry, both bounded:
- transport (the openai SDK, ``retries``): timeouts, connection errors, 408/409/429/5xx, with
  exponential backoff (0.5 s doubling to 8 s, jittered) or the server's ``Retry-After`` when it gives
  one (up to 2 minutes);
- output (instructor, ``max_retries``): an answer that is not valid JSON for the schema is sent back
  with its validation error, so the retry prompt differs.
Every message this backend raises has the API key masked.
"""

from __future__ import annotations

import os
import time
from typing import Any

from summarizer.backends.base import Reply, Request, T
from summarizer.errors import BackendError, OutputError, ServerFailedError, UnreachableError

MODES = ("json", "json_schema", "tools")
RETRIED = (408, 409, 429)  # with 5xx, the statuses the SDK retries: after them the server has failed


class OpenAIBackend:
    name = "openai"

    def __init__(
        self,
        model: str | None = None,
        base_url: str | None = None,
        api_key: str | None = None,
        mode: str = "json",
        timeout: float = 120.0,
        max_retries: int = 2,
        retries: int = 4,
    ) -> None:
        import instructor
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
        self._openai = openai
        self.max_retries = max_retries
        self._key = key or ""
        client = openai.OpenAI(
            api_key=key or "no-key", base_url=self.base_url, timeout=timeout, max_retries=retries
        )
        instructor_mode = {
            "json": instructor.Mode.JSON,
            "json_schema": instructor.Mode.JSON_SCHEMA,
            "tools": instructor.Mode.TOOLS,
        }[mode]
        self._client = instructor.from_openai(client, mode=instructor_mode)

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        from instructor.core import InstructorRetryException

        started = time.perf_counter()
        try:
            value, completion = self._client.chat.completions.create_with_completion(
                model=self.model,
                messages=request.messages,  # type: ignore[arg-type]
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
        except self._openai.APIError as exc:
            raise self._api_error(exc) from None
        except Exception as exc:  # anything else the SDKs raise: named, with the key masked
            raise BackendError(self._mask(f"the call to {self.base_url} failed: {_short(exc)}")) from None
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
