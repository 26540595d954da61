"""The semantic judge on the mutation suite: per seed article, one judge call over its true facts and
their semantic mutations (direction, certainty, entity); prints what the judge said per kind.

    python bench/judge_suite.py [--record tests/fixtures/recorded/judge.jsonl]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.backends.base import Backend  # noqa: E402
from summarizer.backends.local import LocalBackend  # noqa: E402
from summarizer.backends.replay import RecordingBackend  # noqa: E402
from tests.judge_cases import KINDS, judged  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--record", type=Path, help="append the real answers to this JSONL")
    args = parser.parse_args()
    backend: Backend = LocalBackend()
    if args.record:
        backend = RecordingBackend(backend, args.record)
    labels: dict[str, Counter[str]] = defaultdict(Counter)
    for kind, label, _ in judged(backend):
        labels[kind][label] += 1
    print("| kind | supports | contradicts | not_enough_info | no label |")
    print("|---|---|---|---|---|")
    for kind in KINDS:
        c = labels[kind]
        print(f"| {kind} | {c['supports']} | {c['contradicts']} | {c['not_enough_info']} | {c['none']} |")


if __name__ == "__main__":
    main()
