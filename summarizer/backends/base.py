"""The backend protocol: one call that turns chat messages into a validated Pydantic object."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from pydantic import BaseModel, ValidationError

from summarizer.errors import OutputError

T = TypeVar("T", bound=BaseModel)


@dataclass
class Request:
    messages: list[dict[str, str]]
    temperature: float = 0.0
    seed: int = 0
    max_tokens: int = 1400
    # Called with the text generated so far; a non-None reason stops generation (streaming backends).
    should_stop: Callable[[str], str | None] | None = None


@dataclass
class Reply(Generic[T]):
    value: T
    text: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    engine_seconds: float | None = None  # the engine's own timing for the same tokens, when known
    cached: bool = False  # answered from the call cache, not by the model


class Backend(Protocol):
    """Raises ``OutputError`` (with the raw text) when the output is invalid or cut,
    ``BackendError`` when the model cannot be reached or loaded (``UnreachableError`` when nothing
    answers at its address). ``generate`` may be called from several threads at once."""

    name: str
    model: str

    def generate(self, request: Request, output: type[T]) -> Reply[T]: ...


def parse_output(
    text: str, output: type[T], *, finish: str | None, stopped: str | None, max_tokens: int
) -> T:
    """The streamed answer ``text`` as ``output``, or an ``OutputError`` (with the raw text) saying why
    not: cut by ``should_stop``, out of tokens, or not matching the schema."""
    if stopped:
        raise OutputError(f"generation cut: {stopped}", raw=text)
    if finish == "length":
        raise OutputError(f"output hit the {max_tokens}-token limit before the JSON closed", raw=text)
    try:
        return output.model_validate_json(text)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = ".".join(str(p) for p in err["loc"])
        raise OutputError(f"output does not match the schema: {where}: {err['msg']}", raw=text) from exc
