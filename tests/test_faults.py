"""Fault injection over real HTTP: a loopback OpenAI-compatible server that fails ~30% of requests
(500, 429 + Retry-After, answers slower than the timeout, truncated and schema-invalid JSON) while 240
articles go through the real openai + instructor client, concurrently, with the call cache on."""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends.base import Request
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.cache import CallCache
from summarizer.errors import BackendError
from summarizer.models import ChunkOut
from summarizer.pipeline import summarize_batch
from tests.loopback import Out, marker_of, serve, synthetic_article, touched, valid_answer

ARTICLES = 240
TIMEOUT = 0.5


class FaultyServer:
    """Answers validly, except: a fixed 30% of requests get a fault, and the articles in ``down``
    get a 503 on every request (until the test clears the set)."""

    KINDS = ("500", "429", "slow", "truncated", "invalid")

    def __init__(self, rate: float, down: set[str]) -> None:
        self.rate, self.down = rate, down
        self.random = random.Random(5)
        self.lock = threading.Lock()
        self.faults: dict[str, int] = dict.fromkeys(self.KINDS, 0)

    def __call__(self, body: dict[str, Any]) -> Out:
        marker = marker_of(body) or ""
        if marker in self.down:
            return Out(503, "the backend for this shard is down")
        with self.lock:
            kind = self.random.choice(self.KINDS) if self.random.random() < self.rate else None
            if kind:
                self.faults[kind] += 1
        good = valid_answer(body)
        if kind == "500":
            return Out(500, "internal error")
        if kind == "429":
            return Out(429, "rate limited", (("Retry-After", "0.2"),))
        if kind == "slow":
            return Out(200, good, delay=TIMEOUT * 1.6)
        if kind == "truncated":
            return Out(200, good[: len(good) // 2])
        if kind == "invalid":
            return Out(200, '{"facts": [{"type": "rumour", "sentence": "one"}]}')
        return Out(200, good)


def test_thirty_percent_faults_then_a_rerun_finishes_only_the_failed(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(ARTICLES):
        (articles / f"a{i:04d}.txt").write_text(synthetic_article(i), encoding="utf-8")
    down = {f"ART-{i:04d}" for i in range(3, ARTICLES, 12)}  # 20 articles whose shard is down
    faulty = FaultyServer(0.3, set(down))
    out, cache = tmp_path / "out", CallCache(tmp_path / "cache")
    with serve(faulty) as server:
        url = server.url
        backend = OpenAIBackend(model="m", base_url=url, api_key="k", mode="json", timeout=TIMEOUT, retries=2)
        first = summarize_batch([articles], backend, out, concurrency=16, cache=cache)
        first_requests = len(server.requests)
        first_files = {p.name for p in out.iterdir()}

        faulty.down.clear()
        faulty.rate = 0.0  # the server has recovered
        server.requests.clear()
        second = summarize_batch([articles], backend, out, concurrency=16, cache=cache)
        redone = touched(server.requests)

    faults = sum(faulty.faults.values())
    print(
        f"\nrun 1: {first.totals.ok} digested, {first.totals.failed} failed, {first_requests} requests, "
        f"{faults} injected faults {faulty.faults} + every request of {len(down)} down articles; "
        f"run 2: {second.totals.ok} digested, {second.totals.calls} model calls, {second.totals.cached} "
        f"from cache, {len(redone)} articles touched"
    )
    assert faults >= 0.2 * first_requests, "the server must really inject ~30% faults"
    assert all(faulty.faults[k] > 5 for k in FaultyServer.KINDS), faulty.faults
    # Every article is digested or recorded failed with its reason.
    assert first.totals.articles == ARTICLES and first.totals.ok + first.totals.failed == ARTICLES
    failed = {r.id or "" for r in first.articles if r.status == "failed"}
    assert {f"a{m[4:]}" for m in down} <= failed
    for run in first.articles:
        if run.status == "failed":
            assert run.error and run.error.startswith(f"{run.path}: ") and url in run.error, run.error
            assert run.digest is None and f"{run.id}.json" not in first_files
        else:
            assert run.digest in first_files and json.loads((out / run.digest).read_text())["facts"], run
    assert not any(name.endswith(".tmp") for name in first_files)
    # The second run completes the failed ones and redoes nothing else.
    redo = failed  # a chunk whose output was invalid is cached as such: its article is not redone
    assert second.totals.ok == ARTICLES and second.totals.failed == 0
    assert redone == {f"ART-{r[1:]}" for r in redo}
    for run in second.articles:
        if run.id not in redo:
            assert run.calls == 0 and run.cached >= 1, run


def test_retry_after_is_honoured(tmp_path: Path) -> None:
    times: list[float] = []

    def answer(body: dict[str, Any]) -> Out:
        times.append(time.monotonic())
        if len(times) == 1:
            return Out(429, "slow down", (("Retry-After", "1"),))
        return Out(200, valid_answer(body))

    with serve(answer) as server:
        backend = OpenAIBackend(model="m", base_url=server.url, api_key="k", mode="json", retries=1)
        reply = backend.generate(Request([{"role": "user", "content": "[1] Pyongyang a livré."}]), ChunkOut)
    assert reply.value.facts and len(times) == 2
    assert times[1] - times[0] >= 0.9, "the client must wait as long as Retry-After says"


def test_timeout_and_exhausted_retries_name_the_server() -> None:
    with serve(lambda body: Out(200, valid_answer(body), delay=1.0)) as server:
        backend = OpenAIBackend(
            model="m", base_url=server.url, api_key="k", mode="json", timeout=0.2, retries=1
        )
        with pytest.raises(BackendError, match=rf"server at {server.url} did not answer in time"):
            backend.generate(Request([{"role": "user", "content": "[1] x"}]), ChunkOut)
        assert len(server.requests) == 2, "one try and one retry"


def test_an_unreachable_server_stops_the_batch_and_names_the_url(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    for i in range(5):
        (articles / f"a{i}.txt").write_text(synthetic_article(i), encoding="utf-8")
    backend = OpenAIBackend(model="m", base_url="http://127.0.0.1:9/v1", api_key="k", mode="json", retries=0)
    report = summarize_batch([articles], backend, tmp_path / "out", concurrency=2)
    assert report.stopped and "cannot reach the model server at http://127.0.0.1:9/v1" in report.stopped
    assert report.totals.failed == 5 and report.totals.ok == 0
    assert sum("not attempted" in (r.error or "") for r in report.articles) >= 3
