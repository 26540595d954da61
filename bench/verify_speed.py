"""Facts verified per second by `verify` (no judge, no LLM): the seeds' example digests plus the
mutation suite, repeated to a few thousand facts.

    python bench/verify_speed.py [--facts 3000]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from summarizer.check import check_fact  # noqa: E402
from summarizer.verify import check_digest, digest_files, find_source, load_digest  # noqa: E402
from tests.conftest import load_seed  # noqa: E402
from tests.mutations import cases  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=3000)
    args = parser.parse_args()
    digests = [(p, load_digest(p)) for p in digest_files([ROOT / "examples" / "digests"])]
    pairs = [(d, find_source(d, p, None)) for p, d in digests]
    mutations = [(load_seed(c.seed), c.fact) for c in cases()]
    per_round = sum(len(d.facts) for d, _ in pairs) + len(mutations)
    rounds = max(1, args.facts // per_round)
    started = time.perf_counter()
    for _ in range(rounds):
        for digest, article in pairs:
            check_digest(digest, article)
        for article, fact in mutations:
            check_fact(article, fact)
    seconds = time.perf_counter() - started
    total = rounds * per_round
    print(
        f"{total} facts ({rounds} rounds of {per_round}: 53 seed facts + summaries, {len(mutations)} suite facts)"
    )
    print(f"{seconds:.2f} s, {total / seconds:.0f} facts/s, {1000 * seconds / total:.2f} ms/fact")


if __name__ == "__main__":
    main()
