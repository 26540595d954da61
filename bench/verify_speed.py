"""Facts verified per second by `verify` (no judge, no LLM): the seeds' example digests plus the
mutation suite, repeated to a few thousand facts. The first round is cold (every French sentence read
and looked up for the first time); later rounds hit the per-text caches, as re-checking a folder does.
Also times `summarizer verify examples/digests` as a command, start-up included.

    python bench/verify_speed.py [--facts 3000]
"""

from __future__ import annotations

import argparse
import subprocess
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
    command = [sys.executable, "-m", "summarizer", "verify", str(ROOT / "examples" / "digests"), "-q"]
    started = time.perf_counter()
    subprocess.run(command, capture_output=True, check=False, cwd=ROOT)
    print(
        f"summarizer verify examples/digests (5 digests, start-up included): {time.perf_counter() - started:.1f} s"
    )
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        for digest, article in pairs:
            check_digest(digest, article)
        for article, fact in mutations:
            check_fact(article, fact)
        times.append(time.perf_counter() - started)
    total = rounds * per_round
    print(
        f"{total} facts ({rounds} rounds of {per_round}: seed facts + summaries, {len(mutations)} suite facts)"
    )
    print(f"cold round: {per_round / times[0]:.0f} facts/s, {1000 * times[0] / per_round:.1f} ms/fact")
    print(f"all rounds: {total / sum(times):.0f} facts/s, {1000 * sum(times) / total:.2f} ms/fact")


if __name__ == "__main__":
    main()
