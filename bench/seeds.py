"""Benchmark: summarize the five seeds with the local backend and print, per article, prompt and
generated tokens, wall seconds, llama.cpp's own seconds for the same tokens, and their ratio; then
the same batch again from the call cache (the time a rerun takes when every article is done).

    python bench/seeds.py [--out DIR] [--record FILE] [--model-path FILE.gguf] [--extraction sentences|chunks]

The first run starts from an empty cache (a temporary folder), so every call goes to the model.
``--record`` also saves every real model answer as JSONL (the fixtures under tests/fixtures/ are
made this way).
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from pathlib import Path

from summarizer.backends.local import LocalBackend
from summarizer.backends.replay import RecordingBackend
from summarizer.cache import CallCache
from summarizer.pipeline import summarize_batch

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-seeds")
    parser.add_argument("--record", type=Path)
    parser.add_argument("--model-path", type=Path)
    parser.add_argument("--extraction", choices=["sentences", "chunks"], default="sentences")
    parser.add_argument("paths", nargs="*", type=Path, default=[Path("seeds")])
    args = parser.parse_args()
    started = time.perf_counter()
    backend = LocalBackend(model_path=args.model_path)
    load = time.perf_counter() - started
    cache = CallCache(Path(tempfile.mkdtemp(prefix="bench-calls-")))
    if args.record:
        args.record.parent.mkdir(parents=True, exist_ok=True)
        args.record.unlink(missing_ok=True)
        engine = RecordingBackend(backend, args.record)
        report = summarize_batch(args.paths, engine, args.out, cache=cache, mode=args.extraction)
    else:
        report = summarize_batch(args.paths, backend, args.out, cache=cache, mode=args.extraction)
    wall = time.perf_counter() - started - load
    print(f"model load: {load:.1f} s   backend: {report.backend}   model: {report.model}")
    header = f"{'article':<24}{'facts':>6}{'located':>8}{'verified':>9}{'prompt':>8}{'gen':>6}{'wall s':>8}"
    print(header + f"{'engine s':>9}{'ratio':>7}")
    for run in report.articles:
        if run.status != "ok" or run.digest is None:
            print(f"{run.path:<24} FAILED: {run.error}")
            continue
        digest = json.loads((args.out / run.digest).read_text())["run"]
        engine_s = digest["engine_seconds"]
        ratio = run.seconds / engine_s if engine_s else float("nan")
        print(
            f"{(run.id or '')[:23]:<24}{run.facts:>6}{run.located:>8}{run.verified:>9}{run.prompt_tokens:>8}"
            f"{run.completion_tokens:>6}{run.seconds:>8.1f}{engine_s:>9.1f}{ratio:>7.3f}"
        )
    t = report.totals
    engine_total = sum(
        json.loads((args.out / r.digest).read_text())["run"]["engine_seconds"]
        for r in report.articles
        if r.digest
    )
    print(
        f"{'total':<24}{t.facts:>6}{t.located:>8}{t.verified:>9}{t.prompt_tokens:>8}{t.completion_tokens:>6}"
        f"{t.seconds:>8.1f}{engine_total:>9.1f}{t.seconds / engine_total if engine_total else float('nan'):>7.3f}"
    )
    print(
        f"batch wall time (ingest, calls, checks, writes): {wall:.1f} s = {wall / engine_total:.3f} x llama.cpp's own time"
    )
    minutes = wall / 60
    print(
        f"verified facts per minute: {t.verified / minutes:.2f} (target >= 6); generated tokens per verified fact: "
        f"{t.completion_tokens / max(1, t.verified):.0f} (target <= 150); kept facts verified: "
        f"{100 * t.verified / max(1, t.facts):.1f}% (target >= 80%)"
    )
    rerun_started = time.perf_counter()  # after the table: the rerun rewrites the digests
    rerun = summarize_batch(args.paths, backend, args.out, cache=cache, mode=args.extraction)
    rerun_wall = time.perf_counter() - rerun_started
    r = rerun.totals
    print(
        f"cache-hit rerun: {rerun_wall:.2f} s for {r.ok} articles, {r.calls} model calls, {r.cached} from cache "
        f"({wall / rerun_wall:.0f}x faster than the first run)"
    )


if __name__ == "__main__":
    main()
