"""Benchmark: batch throughput against a loopback OpenAI-compatible server with a fixed latency, at
concurrency 1, 4, 16 and 64, through the real openai + instructor client and the whole pipeline.

    python bench/throughput.py [--articles 64] [--latency 0.25]

Each synthetic article takes two calls in sequence (one chunk, then the summary). The ideal wall time
at concurrency c is latency x max(2, ceil(calls / c)) (the server answers every call after exactly
``latency`` seconds and never queues); ratio = ideal / measured (1.0 = the model server is never idle).
The cache is off, so every call reaches the server.
"""

from __future__ import annotations

import argparse
import math
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))  # for tests.loopback, the same server the tests use

from summarizer.backends.openai_backend import OpenAIBackend  # noqa: E402
from summarizer.pipeline import summarize_batch  # noqa: E402
from tests.loopback import Out, serve, synthetic_article, valid_answer  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=64)
    parser.add_argument("--latency", type=float, default=0.25)
    parser.add_argument("--levels", type=int, nargs="*", default=[1, 4, 16, 64])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="bench-throughput-"))
    (folder / "in").mkdir()
    for i in range(args.articles):
        (folder / "in" / f"a{i:04d}.txt").write_text(synthetic_article(i), encoding="utf-8")

    def answer(body: dict[str, Any]) -> Out:
        return Out(200, valid_answer(body), delay=args.latency)

    print(f"{args.articles} articles, {2 * args.articles} calls, server latency {args.latency * 1000:.0f} ms")
    print(f"{'concurrency':>11}{'wall s':>9}{'ideal s':>9}{'calls/s':>9}{'ratio':>7}{'ok':>5}")
    with serve(answer) as server:
        backend = OpenAIBackend(model="bench", base_url=server.url, api_key="k")
        for level in args.levels:
            server.requests.clear()
            started = time.perf_counter()
            report = summarize_batch([folder / "in"], backend, folder / f"out-{level}", concurrency=level)
            wall = time.perf_counter() - started
            calls = len(server.requests)
            ideal = args.latency * max(2, math.ceil(calls / level))
            print(
                f"{level:>11}{wall:>9.2f}{ideal:>9.2f}{calls / wall:>9.1f}{ideal / wall:>7.2f}{report.totals.ok:>5}"
            )


if __name__ == "__main__":
    main()
