"""The semantic judge, replayed from real answers of the embedded model (recorded by
`python bench/judge_suite.py --record tests/fixtures/recorded/judge.jsonl`) through the real openai +
instructor client over loopback HTTP: one call per article, and it can only downgrade a verdict."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.backends.openai_backend import OpenAIBackend
from tests.judge_cases import digests, judged
from tests.loopback import recorded_answers, serve

JUDGE = Path(__file__).parent / "fixtures" / "recorded" / "judge.jsonl"
RANK = {"verified": 0, "partial": 1, "unsupported": 2}

pytestmark = pytest.mark.skipif(not JUDGE.is_file(), reason="no recorded judge answers")


def test_judge_only_downgrades_and_labels_every_fact(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test")
    with serve(recorded_answers(JUDGE)) as server:
        results = list(judged(OpenAIBackend(model="qwen-test", base_url=server.url, mode="json_schema")))
    assert len(server.requests) == len(list(digests()))  # one call per article, not per fact
    assert results
    for kind, label, (before, after) in results:
        assert RANK[after] >= RANK[before], (kind, label, before, after)  # never upgraded
        if label == "contradicts":
            assert after == "unsupported"
        elif label == "not_enough_info":
            assert after != "verified"
        elif label == "supports":
            assert after == before
    labelled = [label for _, label, _ in results if label != "none"]
    assert len(labelled) >= len(results) // 2, "the judge must label most facts"
