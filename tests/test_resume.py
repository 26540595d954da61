"""Kill and resume: the real CLI in a subprocess, killed with SIGKILL mid-batch, then run again."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from summarizer.verify import load_digest
from tests.conftest import ROOT
from tests.loopback import Out, serve, synthetic_article, touched, valid_answer

ARTICLES = 30
KEY = "sk-resume-SECRET-0123456789"


def _summarize(url: str, articles: Path, out: Path, cache: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "OPENAI_API_KEY": KEY, "SUMMARIZER_CALL_CACHE": str(cache)}
    command = [sys.executable, "-m", "summarizer", "summarize", str(articles), "--out", str(out)]
    command += ["--backend", "openai", "--base-url", url, "--model", "m", "--concurrency", "2"]
    return subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def _done(out: Path) -> set[str]:
    try:
        report = json.loads((out / "run.json").read_text())
    except (OSError, ValueError):
        return set()
    return {r["id"] for r in report["articles"] if r["status"] == "ok"}


def test_sigkill_mid_batch_then_rerun_finishes_only_what_is_left(tmp_path: Path) -> None:
    articles, out, cache = tmp_path / "articles", tmp_path / "out", tmp_path / "cache"
    articles.mkdir()
    for i in range(ARTICLES):
        (articles / f"a{i:04d}.txt").write_text(synthetic_article(i), encoding="utf-8")
    sources = {p: p.read_bytes() for p in articles.iterdir()}

    def answer(body: dict[str, Any]) -> Out:
        return Out(200, valid_answer(body), delay=0.15)

    with serve(answer) as server:
        first = _summarize(server.url, articles, out, cache)
        deadline = time.monotonic() + 120
        while len(_done(out)) < 8 and first.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        first.send_signal(signal.SIGKILL)
        first.wait(timeout=30)
        assert first.returncode == -signal.SIGKILL, "the batch must still be running when killed"
        done = _done(out)
        assert 8 <= len(done) < ARTICLES
        # Whatever the kill interrupted, every visible digest is whole.
        for path in out.glob("[!.]*.json"):
            if path.name != "run.json":
                assert load_digest(path).facts
        server.requests.clear()

        second = _summarize(server.url, articles, out, cache)
        stdout, stderr = second.communicate(timeout=300)
        redone = touched(server.requests)

    assert second.returncode == 0, stderr
    report = json.loads((out / "run.json").read_text())
    assert report["totals"]["ok"] == ARTICLES
    assert {f"a{m[4:]}" for m in redone}.isdisjoint(done), "finished articles must not be redone"
    assert len(server.requests) <= 2 * (ARTICLES - len(done))
    assert {r["id"] for r in report["articles"] if r["calls"] == 0} >= done
    assert not list(out.glob(".*.tmp")), "temporary files of the killed run are cleaned up"
    assert {p: p.read_bytes() for p in articles.iterdir()} == sources, "sources are never modified"
    for folder in (out, cache):
        for path in folder.rglob("*"):
            assert not path.is_file() or KEY not in path.read_text(encoding="utf-8", errors="replace")
    assert KEY not in stdout + stderr
