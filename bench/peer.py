"""Benchmark: summarizer side by side with google's langextract, both driven against the same
llama.cpp server on loopback (llama-cpp-python's, the embedded Qwen2.5-Coder-1.5B model) and the
same five seeds. Prints wall time, facts produced and facts grounded to a span, per tool.

    pip install langextract 'llama-cpp-python[server]'    # benchmark only, never a dependency
    python bench/peer.py [--port 8765] [SEED ...]

langextract gets the same one-shot example as our prompt (French quote + English statement as an
attribute), its default 1,000-character chunks, one worker, and no schema constraint (llama.cpp's
server rejects its ``json_schema`` response format). "Grounded" for langextract = an extraction with
a character interval (its statuses are printed: exact, fuzzy, lesser); for summarizer = a quote
located in the raw text, and how many of those the checker verified. The server runs one request at
a time (n_parallel 1), so both tools run at concurrency 1. Its context is 8,192 tokens: instructor's
JSON mode puts the output schema in the prompt (~4,300 tokens with a chunk).
"""

from __future__ import annotations

import argparse
import importlib
import json
import socket
import subprocess
import sys
import time
import urllib.request
from collections import Counter
from pathlib import Path
from typing import Any

from summarizer.backends.model_store import ensure_default_model
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.ingest import load_articles
from summarizer.pipeline import summarize_batch
from summarizer.resources import load_prompts

ROOT = Path(__file__).resolve().parent.parent


def start_server(port: int) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(ensure_default_model())]
    command += ["--host", "127.0.0.1", "--port", str(port), "--n_ctx", "8192", "--n_threads", "2"]
    command += ["--model_alias", "qwen2.5-coder-1.5b"]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(240):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=1)
            return server
        except OSError:
            time.sleep(0.5)
    server.kill()
    raise SystemExit("llama_cpp.server did not start: is `llama-cpp-python[server]` installed?")


def run_summarizer(paths: list[Path], url: str, out: Path) -> dict[str, Any]:
    backend = OpenAIBackend(model="qwen2.5-coder-1.5b", base_url=url, api_key="none", timeout=600)
    started = time.perf_counter()
    report = summarize_batch(paths, backend, out, concurrency=1)
    t = report.totals
    return {
        "wall": time.perf_counter() - started,
        "facts": t.facts,
        "grounded": t.located,
        "verified": t.verified,
    }


def run_langextract(paths: list[Path], url: str) -> dict[str, Any]:
    lx: Any = importlib.import_module("langextract")
    openai_provider: Any = importlib.import_module("langextract.providers.openai")
    prompts = load_prompts()
    example_text = "\n".join(
        line.split("] ", 1)[1] for line in prompts.example_input.splitlines() if line.startswith("[")
    )
    example = lx.data.ExampleData(
        text=example_text,
        extractions=[
            lx.data.Extraction(
                extraction_class=fact["type"],
                extraction_text=fact["quote"],
                attributes={"statement": fact["statement"]},
            )
            for fact in json.loads(prompts.example_output)["facts"]
        ],
    )
    model = openai_provider.OpenAILanguageModel(
        model_id="qwen2.5-coder-1.5b", api_key="none", base_url=url, temperature=0.0, max_workers=1
    )
    statuses: Counter[str] = Counter()
    facts = 0
    started = time.perf_counter()
    articles, _ = load_articles(paths)
    for article in articles:
        result = lx.extract(
            text_or_documents=article.raw,
            prompt_description=(
                "Extract the facts this French news article reports: quantities, events, relations and claims. "
                "Copy each fact's words exactly from the text and give an English statement as an attribute."
            ),
            examples=[example],
            model=model,
            use_schema_constraints=False,
            fence_output=False,
            max_workers=1,
            show_progress=False,
            prompt_validation_level=lx.prompt_validation.PromptValidationLevel.OFF,
        )
        for extraction in result.extractions or []:
            facts += 1
            grounded = extraction.char_interval is not None and extraction.char_interval.start_pos is not None
            status = getattr(extraction.alignment_status, "value", None) if grounded else "ungrounded"
            statuses[str(status)] += 1
    wall = time.perf_counter() - started
    return {
        "wall": wall,
        "facts": facts,
        "grounded": facts - statuses["ungrounded"],
        "statuses": dict(statuses),
    }


def free_port(wanted: int) -> int:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", wanted))
            return wanted
        except OSError:
            probe.bind(("127.0.0.1", 0))
            return int(probe.getsockname()[1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-peer")
    parser.add_argument("--tools", nargs="+", default=["summarizer", "langextract"])
    parser.add_argument("paths", nargs="*", type=Path, default=[ROOT / "seeds"])
    args = parser.parse_args()
    port = free_port(args.port)
    server = start_server(port)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        ours = run_summarizer(args.paths, url, args.out) if "summarizer" in args.tools else None
        peer = run_langextract(args.paths, url) if "langextract" in args.tools else None
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"same llama.cpp server ({url}), same model, {len(load_articles(args.paths)[0])} articles")
    print(f"{'tool':<14}{'wall s':>9}{'facts':>7}{'grounded':>10}  notes")
    if ours:
        print(
            f"{'summarizer':<14}{ours['wall']:>9.1f}{ours['facts']:>7}{ours['grounded']:>10}  "
            f"{ours['verified']} verified by the checker (English statement + typed checks)"
        )
    if peer:
        print(
            f"{'langextract':<14}{peer['wall']:>9.1f}{peer['facts']:>7}{peer['grounded']:>10}  "
            f"alignment {peer['statuses']} (French spans only, no check)"
        )


if __name__ == "__main__":
    main()
