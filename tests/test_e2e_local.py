"""End to end with the real embedded model (llama.cpp in-process): minutes on 2 cores."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from summarizer.metadata import detect_language
from tests.conftest import ROOT, SEEDS

pytestmark = pytest.mark.model


def _summarize(seed: Path, out: Path, timeout: int) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "summarizer", "summarize", str(seed), "--out", str(out), "--quiet"]
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout)


def test_summarize_a_seed_with_the_local_model(tmp_path: Path) -> None:
    (seed,) = SEEDS.glob("000_*.txt")
    out = tmp_path / "out"
    proc = _summarize(seed, out, timeout=1500)
    assert proc.returncode == 0, proc.stderr
    digest = json.loads((out / f"{seed.stem}.json").read_text())
    jsonschema.validate(digest, json.loads((ROOT / "schemas" / "digest.schema.json").read_text()))
    assert digest["run"]["backend"] == "local"
    facts = digest["facts"]
    assert facts, "the model produced no fact"
    raw = seed.read_text(encoding="utf-8")
    located = [f for f in facts if f["check"]["alignment"] != "none"]
    assert located, "no fact could be located in the source"
    for fact in located:
        span = fact["check"]["span"]
        assert raw[span["start"] : span["end"]] == span["text"]
    english = [f for f in facts if detect_language(f["statement"] * 3) == "en"]
    assert len(english) >= len(facts) / 2, [f["statement"] for f in facts]
    report = json.loads((out / "run.json").read_text())
    assert report["totals"]["ok"] == 1 and report["articles"][0]["completion_tokens"] > 0
    # The same command again: every call answered from the cache, the same facts.
    again = _summarize(seed, out, timeout=300)
    assert again.returncode == 0, again.stderr
    rerun = json.loads((out / "run.json").read_text())["articles"][0]
    assert rerun["calls"] == 0 and rerun["cached"] >= digest["run"]["calls"]
    assert json.loads((out / f"{seed.stem}.json").read_text())["facts"] == facts
