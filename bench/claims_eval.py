"""Balanced accuracy of `summarizer verify --claim` on ../shared/eval/claims_dev.jsonl, per dataset.

    python bench/claims_eval.py [--judge] [--per-label N]

A claim counts as predicted "supported" when its verdict is ``verified``; for daccord (labels
contradicted / not_contradicted) the positive prediction is "no contradiction found" (verdict not
``unsupported``). ``--per-label N`` takes the first N claims of each (dataset, label), to bound the time
of the judge on the local model. Skips cleanly when the evaluation data is absent.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import defaultdict
from pathlib import Path

from summarizer.claims import check_claim
from summarizer.ingest import prepare

DATA = Path(__file__).resolve().parents[2] / "shared" / "eval" / "claims_dev.jsonl"
POSITIVE = {"supported", "not_contradicted"}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--judge", action="store_true", help="also run the semantic judge (local model)")
    parser.add_argument("--per-label", type=int, default=0, help="at most N claims per (dataset, label)")
    args = parser.parse_args()
    if not DATA.is_file():
        print(f"skipped: {DATA} not found")
        return
    judge = None
    if args.judge:
        from summarizer.backends.local import LocalBackend

        judge = LocalBackend()
    rows = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]
    taken: dict[tuple[str, str], int] = defaultdict(int)
    results: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    started = time.perf_counter()
    for row in rows:
        key = (row["dataset"], row["label"])
        if args.per_label and taken[key] >= args.per_label:
            continue
        taken[key] += 1
        article = prepare(row["id"], "claims_dev.jsonl", row["doc"], "utf-8", "txt", boilerplate=False)
        result = check_claim(article, row["claim"], judge)
        if row["dataset"] == "daccord":
            predicted = result.verdict != "unsupported"
        else:
            predicted = result.verdict == "verified"
        results[row["dataset"]].append((row["label"] in POSITIVE, predicted))
    seconds = time.perf_counter() - started
    print(
        f"claims_dev: {sum(map(len, results.values()))} claims, judge: {'local' if judge else 'none'}, {seconds:.0f} s"
    )
    print("| dataset | n | TPR | TNR | balanced accuracy |")
    print("|---|---|---|---|---|")
    scores = []
    for dataset, pairs in sorted(results.items()):
        pos = [p for truth, p in pairs if truth]
        neg = [p for truth, p in pairs if not truth]
        tpr = sum(pos) / len(pos) if pos else 0.0
        tnr = sum(not p for p in neg) / len(neg) if neg else 0.0
        scores.append((tpr + tnr) / 2)
        print(f"| {dataset} | {len(pairs)} | {tpr:.2f} | {tnr:.2f} | {100 * (tpr + tnr) / 2:.1f} |")
    print(f"| mean | | | | {100 * sum(scores) / len(scores):.1f} |")


if __name__ == "__main__":
    main()
