"""Benchmark: how many key facts does ``summarize`` produce as verified facts, and how fast?

    python bench/recall.py [--all] [--extraction sentences|chunks] [--out DIR] [--cache DIR]
    python bench/recall.py --seeds            # the five seeds against bench/seed_keyfacts.jsonl
    python bench/recall.py --seeds --digests examples/digests   # score digests already made, no model

A key fact counts as covered when the digest holds a *verified* fact whose source span overlaps the
key fact's quote. Dev set: ``../shared/eval/fr_news_dev.jsonl`` with the true rows of
``facts_dev.jsonl`` (hand-written key facts; 10 fixed articles by default, all 25 with ``--all``).
Seeds: key facts written for this project (``bench/seed_keyfacts.jsonl``). Runs the embedded model
with an empty call cache and prints, per article and in total: key facts covered, facts, verified
facts, generated tokens, model seconds; then verified facts and covered key facts per minute and
generated tokens per verified fact. Skips cleanly when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from summarizer.backends.local import LocalBackend
from summarizer.cache import CallCache
from summarizer.models import RunReport
from summarizer.pipeline import summarize_batch

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
# A fixed development subset: the first ten articles that have key facts.
SUBSET = 10


def dev_inputs(folder: Path, everything: bool) -> dict[str, list[dict[str, Any]]]:
    """Write the dev articles as .txt files into ``folder``; their key facts by article id."""
    docs = [
        json.loads(line) for line in (EVAL / "fr_news_dev.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    rows = [json.loads(line) for line in (EVAL / "facts_dev.jsonl").read_text(encoding="utf-8").splitlines()]
    keys: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        if row["label"] == "supported" and row["mutation"] == "none":
            keys[row["doc"]].append(row)
    chosen = [d for d in docs if d["id"] in keys][: None if everything else SUBSET]
    for doc in chosen:
        (folder / f"{doc['id']}.txt").write_text(f"{doc['title']}\n\n{doc['article']}\n", encoding="utf-8")
    return {d["id"]: keys[d["id"]] for d in chosen}


def seed_inputs(folder: Path) -> dict[str, list[dict[str, Any]]]:
    rows = [json.loads(line) for line in (ROOT / "bench" / "seed_keyfacts.jsonl").read_text().splitlines()]
    keys: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        keys[row["doc"]].append(row)
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        (folder / seed.name).write_bytes(seed.read_bytes())
    return dict(keys)


def verified_spans(digest: dict[str, Any]) -> list[tuple[int, int]]:
    """The source spans of a digest's verified facts."""
    return [
        (f["check"]["span"]["start"], f["check"]["span"]["end"])
        for f in digest["facts"]
        if f.get("check") and f["check"]["verdict"] == "verified" and f["check"].get("span")
    ]


def covered(raw: str, quote: str, spans: list[tuple[int, int]]) -> bool:
    start = raw.find(quote)
    if start < 0:
        return False
    end = start + len(quote)
    return any(s < end and start < e for s, e in spans)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="all 25 dev articles (about an hour)")
    parser.add_argument("--seeds", action="store_true", help="the seeds and bench/seed_keyfacts.jsonl")
    parser.add_argument("--extraction", choices=["sentences", "chunks"], default="sentences")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-recall")
    parser.add_argument("--digests", type=Path, help="score the digests in this folder instead of running")
    parser.add_argument(
        "--cache",
        type=Path,
        help="call cache to use (default: an empty one); a rerun only makes the calls that changed",
    )
    args = parser.parse_args()
    if not args.seeds and not (EVAL / "facts_dev.jsonl").is_file():
        print(f"skipped: {EVAL / 'facts_dev.jsonl'} not found")
        return
    inputs = Path(tempfile.mkdtemp(prefix="bench-recall-in-"))
    keys = seed_inputs(inputs) if args.seeds else dev_inputs(inputs, args.all)
    if args.digests:
        args.out = args.digests
        report = RunReport.model_validate_json((args.digests / "run.json").read_text(encoding="utf-8"))
        wall = report.totals.seconds
    else:
        cache = CallCache(args.cache or Path(tempfile.mkdtemp(prefix="bench-recall-calls-")))
        started = time.perf_counter()
        report = summarize_batch([inputs], LocalBackend(), args.out, cache=cache, mode=args.extraction)
        wall = time.perf_counter() - started
    print(f"{'article':<26}{'keys':>5}{'covered':>8}{'facts':>6}{'verified':>9}{'gen':>6}{'model s':>8}")
    totals: defaultdict[str, float] = defaultdict(float)
    for run in report.articles:
        if run.status != "ok" or run.digest is None:
            print(f"{run.path:<26} FAILED: {run.error}")
            continue
        digest = json.loads((args.out / run.digest).read_text(encoding="utf-8"))
        raw = (inputs / Path(run.path).name).read_text(encoding="utf-8")
        spans = verified_spans(digest)
        verified = len(spans)  # from the digest: re-checked digests keep their run.json figures
        article_keys = keys.get(Path(run.path).stem, keys.get(run.id or "", []))
        hit = sum(covered(raw, k["quote"], spans) for k in article_keys)
        engine = digest["run"]["engine_seconds"]
        print(
            f"{(run.id or '')[:25]:<26}{len(article_keys):>5}{hit:>8}{run.facts:>6}{verified:>9}"
            f"{run.completion_tokens:>6}{engine:>8.1f}"
        )
        for name, value in (
            ("keys", len(article_keys)), ("covered", hit), ("facts", run.facts), ("verified", verified),
            ("gen", run.completion_tokens), ("engine", engine), ("seconds", run.seconds),
        ):  # fmt: skip
            totals[name] += value
    minutes = wall / 60
    print(
        f"{'total':<26}{totals['keys']:>5.0f}{totals['covered']:>8.0f}{totals['facts']:>6.0f}"
        f"{totals['verified']:>9.0f}{totals['gen']:>6.0f}{totals['engine']:>8.1f}"
    )
    print(f"key facts covered by a verified fact: {totals['covered']:.0f}/{totals['keys']:.0f} "
          f"({100 * totals['covered'] / max(1, totals['keys']):.1f}%)")  # fmt: skip
    print(f"kept facts verified: {100 * totals['verified'] / max(1, totals['facts']):.1f}%")
    if args.digests:  # timings belong to the run that made them (bench/seeds.py prints them)
        return
    print(
        f"wall {wall:.0f} s (llama.cpp's own time {totals['engine']:.0f} s, ratio {wall / max(1, totals['engine']):.3f})"
    )
    print(f"verified facts per minute: {totals['verified'] / minutes:.2f}; covered key facts per minute: "
          f"{totals['covered'] / minutes:.2f}")  # fmt: skip
    print(f"generated tokens per verified fact: {totals['gen'] / max(1, totals['verified']):.0f}")


if __name__ == "__main__":
    main()
