"""Several ``--base-url`` servers: calls spread by load, a server killed mid-batch set aside and its calls
made again on the other (each call answered once), every server down named. Real loopback HTTP servers
answer the recorded real answers of the seeds, through the real CLI, openai and instructor; the fleet's
rules (load, turns, cool-down, what is failed over) also with stand-in backends and a fake clock."""

from __future__ import annotations

import json
import re
import shutil
import threading
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.backends import make_backend
from summarizer.backends.base import Reply, Request, T
from summarizer.backends.fleet import FleetBackend, split_urls
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.cache import CachedBackend, CallCache
from summarizer.cli import app
from summarizer.errors import OutputError, ServerFailedError, UnreachableError
from summarizer.models import ChunkOut
from tests.conftest import RECORDED, SEEDS, needs_dicts
from tests.loopback import LoopbackServer, Out, recorded_answers, serve

runner = CliRunner()
recorded = pytest.mark.skipif(not RECORDED.is_file(), reason="no recorded model answers")


class Ledger:
    """Recorded answers that note each request answered (its messages and decoding) per server; after
    ``die_after`` answers the server shuts down: later connections are refused."""

    def __init__(self, die_after: int | None = None) -> None:
        self.answer = recorded_answers(RECORDED)
        self.answered: list[str] = []
        self.die_after = die_after
        self.server: LoopbackServer | None = None
        self.lock = threading.Lock()

    def __call__(self, body: dict[str, Any]) -> Out:
        out = Out(*self.answer(body))
        with self.lock:
            if out.status == 200:
                self.answered.append(
                    json.dumps([body["messages"], body.get("temperature"), body.get("seed")])
                )
            dies = self.die_after is not None and len(self.answered) == self.die_after
        if dies and self.server is not None:
            threading.Thread(target=_kill, args=(self.server,)).start()
        return out


def _kill(server: LoopbackServer) -> None:
    server.httpd.shutdown()
    server.httpd.server_close()


def _articles(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    for seed in sorted(SEEDS.glob("*.txt")):
        shutil.copy(seed, folder / seed.name)
    return folder


def _summarize(articles: Path, out: Path, urls: list[str], *extra: str) -> Any:
    command = ["summarize", str(articles), "--out", str(out), "--backend", "openai", "--model", "m"]
    for url in urls:
        command += ["--base-url", url]
    return runner.invoke(app, [*command, "--concurrency", "2", "--no-cache", *extra], env={"COLUMNS": "400"})


def _digests(out: Path) -> dict[str, Any]:
    """Each digest without its timings."""
    digests = {}
    for path in sorted(out.glob("[!.]*.json")):
        if path.name != "run.json":
            digest = json.loads(path.read_text(encoding="utf-8"))
            digest["run"].pop("seconds")
            digest["run"].pop("engine_seconds")
            digests[path.name] = digest
    return digests


@recorded
@needs_dicts  # the summary requests hold the verified facts
def test_calls_are_spread_over_both_servers(tmp_path: Path) -> None:
    articles = _articles(tmp_path)
    one, two = Ledger(), Ledger()
    with serve(one) as first, serve(two) as second:
        result = _summarize(articles, tmp_path / "out", [first.url, second.url])
    print(f"\nrequests answered: {first.url} {len(one.answered)}, {second.url} {len(two.answered)}")
    assert result.exit_code == 0, result.output
    assert one.answered and two.answered, "each server must get calls"
    assert abs(len(one.answered) - len(two.answered)) <= len(one.answered + two.answered) // 2
    summary = f"servers: {first.url} {len(one.answered)} answered; {second.url} {len(two.answered)} answered"
    assert f"{summary}; 0 calls moved to another server" in result.output
    assert "warning" not in result.output


@recorded
@needs_dicts
def test_a_server_killed_mid_batch_loses_nothing_and_does_nothing_twice(tmp_path: Path) -> None:
    articles = _articles(tmp_path)
    alone = Ledger()
    with serve(alone) as server:
        single = _summarize(articles, tmp_path / "single", [server.url])
    assert single.exit_code == 0, single.output

    healthy, dying = Ledger(), Ledger(die_after=1)
    with serve(healthy) as first, serve(dying) as second:
        dying.server = second
        result = _summarize(articles, tmp_path / "fleet", [first.url, second.url])
    answered = Counter(healthy.answered + dying.answered)
    found = re.search(r"(\d+) calls? moved to another server", result.output)
    moved = int(found.group(1)) if found else 0
    print(
        f"\nsingle server: {len(alone.answered)} requests; fleet: {first.url} {len(healthy.answered)}, "
        f"{second.url} {len(dying.answered)} (then killed); calls moved to the other server: {moved}"
    )
    assert result.exit_code == 0, result.output
    report = json.loads((tmp_path / "fleet" / "run.json").read_text())
    assert report["totals"]["ok"] == 5 and report["totals"]["failed"] == 0
    # Every request of every article answered once across the two servers: as many as one server got.
    assert answered == Counter(alone.answered), "a call was lost or answered twice"
    assert _digests(tmp_path / "fleet") == _digests(tmp_path / "single")
    warnings = [line for line in result.output.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and second.url in warnings[0] and "set aside" in warnings[0], warnings
    assert first.url not in warnings[0]
    assert moved >= 1 and re.search(rf"{re.escape(second.url)} \d+ answered, {moved} failed", result.output)


def test_every_server_down_exits_2_naming_every_url(tmp_path: Path) -> None:
    articles = tmp_path / "articles"
    articles.mkdir()
    (seed, *_) = sorted(SEEDS.glob("*.txt"))
    shutil.copy(seed, articles / seed.name)
    urls = []
    for _ in range(2):
        with serve(lambda body: (200, "")) as server:
            urls.append(server.url)  # closed on leaving: connections are refused
    result = _summarize(articles, tmp_path / "out", urls, "--retries", "0")
    assert result.exit_code == 2, result.output
    (line,) = [line for line in result.output.splitlines() if line.startswith("error:")]
    assert line.startswith("error: batch stopped: ") and all(url in line for url in urls), line
    assert "no model server answered" in line


# --- the fleet's rules, with stand-in servers and a fake clock ----------------------------------------


class Stub:
    """A stand-in server: answers, or raises what it is told; counts its calls and what is in flight."""

    name = "openai"
    model = "m"

    def __init__(self, fail: Exception | None = None) -> None:
        self.fail, self.calls = fail, 0

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        self.calls += 1
        if self.fail is not None:
            raise self.fail
        return Reply(output.model_validate({"facts": []}), "{}", 1, 1, 0.0)


def _fleet(*stubs: Stub, clock: list[float] | None = None) -> tuple[FleetBackend, list[str]]:
    warned: list[str] = []
    now = clock if clock is not None else [0.0]
    servers = {f"http://s{i}/v1": stub for i, stub in enumerate(stubs)}
    return FleetBackend(servers, cooldown=30, warn=warned.append, clock=lambda: now[0]), warned


REQUEST = Request([{"role": "user", "content": "x"}])


def test_idle_servers_are_taken_in_turn_and_the_least_loaded_first() -> None:
    stubs = Stub(), Stub(), Stub()
    fleet, _ = _fleet(*stubs)
    for _ in range(6):
        fleet.generate(REQUEST, ChunkOut)
    assert [s.calls for s in stubs] == [2, 2, 2]
    fleet.servers[0].in_flight = fleet.servers[1].in_flight = 1  # two calls still running there
    fleet.generate(REQUEST, ChunkOut)
    assert [s.calls for s in stubs] == [2, 2, 3]


def test_a_failed_server_is_set_aside_for_the_cool_down_then_tried_again() -> None:
    clock = [0.0]
    down, up = Stub(UnreachableError("cannot reach the model server at http://s0/v1")), Stub()
    fleet, warned = _fleet(down, up, clock=clock)
    for _ in range(4):
        assert fleet.generate(REQUEST, ChunkOut).value.facts == []
    assert (down.calls, up.calls, fleet.moved) == (1, 4, 1)
    assert len(warned) == 1 and warned[0].startswith("model server http://s0/v1 set aside for 30 s")
    clock[0] = 31.0  # cool-down over: tried again, fails again, reported no more
    fleet.generate(REQUEST, ChunkOut)
    fleet.generate(REQUEST, ChunkOut)
    assert (down.calls, fleet.moved, len(warned)) == (2, 2, 1)
    down.fail, clock[0] = None, 62.0  # back: answers again; a later outage is reported again
    fleet.generate(REQUEST, ChunkOut)
    assert down.calls == 3 and fleet.servers[0].answered == 1
    down.fail = ServerFailedError("the server at http://s0/v1 failed: 503")
    fleet.generate(REQUEST, ChunkOut)
    fleet.generate(REQUEST, ChunkOut)
    assert len(warned) == 2 and "503" in warned[1]
    assert "http://s0/v1 1 answered, 3 failed" in fleet.summary()


def test_only_when_every_server_is_set_aside_does_the_call_fail_naming_them_all() -> None:
    fleet, warned = _fleet(Stub(UnreachableError("refused")), Stub(ServerFailedError("timeout")))
    with pytest.raises(UnreachableError, match=r"no model server answered, .*: http://s0/v1: refused"):
        fleet.generate(REQUEST, ChunkOut)
    with pytest.raises(UnreachableError, match="http://s0/v1: refused; http://s1/v1: timeout"):
        fleet.generate(REQUEST, ChunkOut)  # both still set aside: no call made
    assert [s.backend.calls for s in fleet.servers] == [1, 1] and len(warned) == 2  # type: ignore[attr-defined]


def test_invalid_output_and_other_errors_are_not_failed_over() -> None:
    bad, good = Stub(OutputError("no valid output")), Stub()
    fleet, warned = _fleet(bad, good)
    with pytest.raises(OutputError):
        fleet.generate(REQUEST, ChunkOut)
    assert (bad.calls, good.calls, warned, fleet.servers[0].in_flight) == (1, 0, [], 0)


def test_base_urls_from_options_or_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    assert split_urls(["http://a/v1, http://b/v1", "http://c/v1 http://a/v1"]) == [
        "http://a/v1",
        "http://b/v1",
        "http://c/v1",
    ]
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:1/v1,http://127.0.0.1:2/v1")
    fleet = make_backend("openai", model="m", retries=4)
    assert isinstance(fleet, FleetBackend) and [s.url for s in fleet.servers] == [
        "http://127.0.0.1:1/v1",
        "http://127.0.0.1:2/v1",
    ]
    clients = [s.backend._client for s in fleet.servers]  # type: ignore[attr-defined]
    assert all(c.max_retries == 1 for c in clients), "one transport retry per server in a fleet"
    single = make_backend("openai", model="m", base_url=["http://127.0.0.1:3/v1"], retries=4)
    assert isinstance(single, OpenAIBackend) and single.base_url == "http://127.0.0.1:3/v1"
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:4/v1")
    assert make_backend("openai", model="m").base_url == "http://127.0.0.1:4/v1"  # type: ignore[attr-defined]
    # The call cache keys a fleet by all its URLs, in any order.
    key = CachedBackend(fleet, CallCache(Path("unused")), "sha", "p", "s").key(REQUEST, ChunkOut)
    other = FleetBackend({s.url: s.backend for s in reversed(fleet.servers)})
    assert CachedBackend(other, CallCache(Path("unused")), "sha", "p", "s").key(REQUEST, ChunkOut) == key
