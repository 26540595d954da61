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


def test_a_real_llama_cpp_server_gives_the_in_process_facts(tmp_path: Path) -> None:
    """``--backend openai`` against llama.cpp's own HTTP server (xllamacpp, the embedded model): the
    probe finds that it constrains ``json_schema``, and one short article gets exactly the facts the
    in-process backend gives it: same model, prompts, grammar, seed and sequence of requests (one at a
    time, and the mode given: a probe request first would change what the server's one slot holds in
    its prompt cache, and llama.cpp's numbers with it)."""
    from summarizer.backends.openai_backend import OpenAIBackend
    from summarizer.backends.serve import free_port, start_server

    (seed,) = SEEDS.glob("001_*.txt")
    article = tmp_path / "short.txt"
    parts = seed.read_text(encoding="utf-8").split("\n\n")
    article.write_text(f"{parts[1]}\n\n{parts[4]}\n", encoding="utf-8")  # the title, one paragraph
    local = _summarize(article, tmp_path / "local", timeout=900)
    assert local.returncode == 0, local.stderr
    server, url = start_server(port=free_port(), parallel=1)
    try:
        command = [
            sys.executable,
            "-m",
            "summarizer",
            "summarize",
            str(article),
            "--out",
            str(tmp_path / "http"),
        ]
        command += ["--backend", "openai", "--base-url", url, "--model", "m", "--no-cache", "--quiet"]
        command += ["--openai-mode", "json_schema", "--concurrency", "1"]
        http = subprocess.run(command, capture_output=True, text=True, timeout=900)
        assert OpenAIBackend(base_url=url, model="m").mode == "json_schema"
    finally:
        del server
    assert http.returncode == 0, http.stderr
    ours, theirs = (json.loads((tmp_path / d / "short.json").read_text()) for d in ("local", "http"))
    assert theirs["run"]["backend"] == "openai" and ours["facts"], "the short article must give facts"
    assert [(f["statement"], f["quote"], f["check"]["verdict"]) for f in theirs["facts"]] == [
        (f["statement"], f["quote"], f["check"]["verdict"]) for f in ours["facts"]
    ]
