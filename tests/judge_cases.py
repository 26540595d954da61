"""The judge's test material: for each seed of the mutation suite, a digest holding its true facts and
their semantic mutations, judged in one call per article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from summarizer.backends.base import Backend
from summarizer.judge import judge_digest
from summarizer.models import Digest
from summarizer.verify import check_digest
from tests.conftest import load_seed
from tests.mutations import cases

KINDS = ("true", "direction", "certainty", "entity")
SEEDS = ("002", "004")  # the seeds with direction mutations; each judge call costs ~1 min on 2 cores
LABELS = ("supports", "contradicts", "not_enough_info")
_RUN: dict[str, Any] = {
    "backend": "-", "model": "-", "prompt_sha": "-", "schema_sha": "-", "prompt_tokens": 0,
    "completion_tokens": 0, "seconds": 0, "engine_seconds": 0, "chunks": 0, "calls": 0,
}  # fmt: skip


def digests() -> Iterator[tuple[str, Digest, dict[str, str]]]:
    """(seed, digest of its true facts and semantic mutations, fact id → kind)."""
    by_seed: dict[str, list[tuple[str, dict[str, Any]]]] = {}
    for case in cases():
        if case.kind in KINDS and case.seed in SEEDS:
            by_seed.setdefault(case.seed, []).append((case.kind, case.fact.model_dump()))
    for seed, pairs in by_seed.items():
        article = load_seed(seed)
        facts = [{**fact, "id": f"F{i}"} for i, (_, fact) in enumerate(pairs, 1)]
        meta = {
            "id": seed,
            "path": article.path,
            "sha256": article.sha256,
            "encoding": "utf-8",
            "language": "fr",
        }
        digest = Digest.model_validate(
            {"article": {**meta, "chars": len(article.raw)}, "summary": [], "facts": facts, "sentences": [],
             "boilerplate": [], "run": _RUN}
        )  # fmt: skip
        yield seed, digest, {f"F{i}": kind for i, (kind, _) in enumerate(pairs, 1)}


def judged(backend: Backend) -> Iterator[tuple[str, str, tuple[str, str]]]:
    """(kind, judge label or 'none', (verdict without judge, verdict with judge)) for every fact."""
    for seed, digest, kinds in digests():
        article = load_seed(seed)
        plain = check_digest(digest, article)
        with_judge = judge_digest(backend, article, check_digest(digest, article))
        for before, after in zip(plain.facts, with_judge.facts, strict=True):
            if before.check is None or after.check is None:
                continue
            judge = [c.detail for c in after.check.checks if c.name == "judge"]
            label = judge[0].split(":")[0] if judge else "none"
            yield (
                kinds[after.id],
                label if label in LABELS else "none",
                (before.check.verdict, after.check.verdict),
            )
