"""Benchmark: the two llama.cpp runtimes on the same prompts, grammar, model and seeds.

    python bench/runtimes.py [SEED ...]      (needs `pip install llama-cpp-python` besides xllamacpp)

Prints per runtime: facts, exact / normalized / fuzzy / unlocated quotes, generated tokens, seconds and
generated tokens per second (end to end, grammar on). llama-cpp-python is a benchmark-only dependency.
"""

from __future__ import annotations

import asyncio
import importlib
import json
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError

from summarizer.backends.base import Reply, Request, T
from summarizer.backends.local import LocalBackend
from summarizer.backends.model_store import ensure_default_model
from summarizer.check.alignment import locate
from summarizer.errors import OutputError
from summarizer.extract import extract_article
from summarizer.ingest import load_articles
from summarizer.resources import load_prompts

ROOT = Path(__file__).resolve().parent.parent


class LlamaCppPython:
    """The same contract as LocalBackend, on llama-cpp-python (grammar from the same JSON Schema)."""

    name = "llama-cpp-python"

    def __init__(self, path: Path) -> None:
        # Typed as Any: llama-cpp-python is optional here and its stubs differ between versions.
        llama_cpp: Any = importlib.import_module("llama_cpp")
        self.model = path.stem
        self._lib = llama_cpp
        self._llm = llama_cpp.Llama(model_path=str(path), n_ctx=4096, n_threads=2, verbose=False)
        self._grammars: dict[type[BaseModel], Any] = {}

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        if output not in self._grammars:
            schema = json.dumps(output.model_json_schema())
            self._grammars[output] = self._lib.LlamaGrammar.from_json_schema(schema, verbose=False)
        started = time.perf_counter()
        parts: list[str] = []
        stopped = None
        stream = self._llm.create_chat_completion(
            messages=request.messages,
            grammar=self._grammars[output],
            temperature=request.temperature,
            seed=request.seed,
            max_tokens=request.max_tokens,
            stream=True,
        )
        for chunk in stream:
            parts.append(chunk["choices"][0]["delta"].get("content") or "")
            if (
                request.should_stop
                and len(parts) % 8 == 0
                and (stopped := request.should_stop("".join(parts)))
            ):
                break
        text = "".join(parts)
        if stopped:
            raise OutputError(stopped, raw=text)
        try:
            value = output.model_validate_json(text)
        except ValidationError as exc:
            raise OutputError(str(exc.errors()[0]["msg"]), raw=text) from exc
        return Reply(value, text, 0, len(parts), time.perf_counter() - started)


def measure(backend: Any, seeds: list[Path]) -> dict[str, Any]:
    prompts = load_prompts()
    statuses: Counter[str] = Counter()
    tokens, seconds = 0, 0.0
    for path in seeds:
        (article,), _ = load_articles([path])
        started = time.perf_counter()
        result = asyncio.run(extract_article(backend, prompts, article))
        seconds += time.perf_counter() - started
        tokens += result.usage.completion_tokens
        for fact in result.facts:
            statuses[locate(article, fact.quote, fact.sentence).status] += 1
    return {
        "facts": sum(statuses.values()),
        **statuses,
        "gen_tokens": tokens,
        "seconds": round(seconds, 1),
        "gen_tok_per_s": round(tokens / seconds, 1) if seconds else 0.0,
    }


def main() -> None:
    names = sys.argv[1:] or ["000", "003"]
    seeds = [next((ROOT / "seeds").glob(f"{n}_*.txt")) for n in names]
    model = ensure_default_model()
    print(f"seeds: {', '.join(p.stem for p in seeds)}")
    for label, make in (
        ("xllamacpp", lambda: LocalBackend()),
        ("llama-cpp-python", lambda: LlamaCppPython(model)),
    ):
        backend = make()
        row = measure(backend, seeds)
        exact = row.get("exact", 0)
        print(
            f"{label:<18} exact quotes {exact}/{row['facts']} "
            f"({100 * exact / max(1, row['facts']):.0f}%)  {json.dumps(row)}"
        )
        del backend


if __name__ == "__main__":
    main()
