from __future__ import annotations

import copy
import json
import shutil
import socket
import subprocess
from pathlib import Path

import pytest

from summarizer.batch import Batch, load_batch
from summarizer.ingest import Article, load_articles
from summarizer.review_models import REVIEWS_FILE

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
RECORDED = ROOT / "tests" / "fixtures" / "recorded" / "seeds.jsonl"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def _dictionaries() -> bool:
    from summarizer.check.lexicon import system_dictionaries

    return system_dictionaries()


# Verdicts on true facts rest on Debian's dictionaries (installed by scripts/system-dicts.sh, which the
# test command runs); without them the checker verifies less, and these tests say so instead of failing.
needs_dicts = pytest.mark.skipif(
    not _dictionaries(), reason="Debian's dictionaries are absent: run scripts/system-dicts.sh as root"
)


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests may talk to loopback only: anything else is a bug in the test."""
    real_connect = socket.socket.connect

    def guarded(self: socket.socket, address: object) -> None:
        host = address[0] if isinstance(address, tuple) else str(address)
        if isinstance(host, str) and not (
            host.startswith("127.") or host in {"localhost", "::1"} or "/" in host
        ):
            raise RuntimeError(f"test tried to reach {host}: only loopback is allowed")
        real_connect(self, address)  # type: ignore[arg-type]

    monkeypatch.setattr(socket.socket, "connect", guarded)


@pytest.fixture(autouse=True)
def _own_call_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test starts with an empty cache of model outputs, so no test answers from another's."""
    monkeypatch.setenv("SUMMARIZER_CALL_CACHE", str(tmp_path_factory.mktemp("calls")))


@pytest.fixture
def seed_paths() -> list[Path]:
    return sorted(SEEDS.glob("*.txt"))


class RecordedProgress:
    """A pipeline ``Progress`` that keeps what it was told."""

    def __init__(self) -> None:
        self.labels: list[str] = []
        self.warnings: list[str] = []

    def start(self, steps: int) -> None:
        pass

    def step(self, label: str) -> None:
        self.labels.append(label)

    def warn(self, message: str) -> None:
        self.warnings.append(message)


def load_seed(prefix: str) -> Article:
    """The seed article whose file name starts with ``prefix`` (e.g. "004"), ingested."""
    (path,) = SEEDS.glob(f"{prefix}_*.txt")
    (article,), failures = load_articles([path])
    assert not failures
    return article


def screenshot(page: Path, png: Path, height: int) -> None:
    """Render an HTML file in headless Chromium (1400 px wide) into a PNG, with a throwaway profile."""
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={png.parent / 'profile'}", f"--window-size=1400,{height}", f"--screenshot={png}",
         page.as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def dump_dom(page: Path, profile: Path) -> str:
    """The DOM of an HTML file after its scripts ran, as headless Chromium serializes it."""
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={profile}", "--dump-dom", page.as_uri()],
        check=True, capture_output=True, text=True, encoding="utf-8", timeout=120,
    )  # fmt: skip
    return done.stdout


# --- the example digests, for the review, export and briefing-with-reviews tests -------------------


def copy_examples(folder: Path) -> Path:
    """The example digests in ``folder``, their sources found by absolute path."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in sorted((ROOT / "examples" / "digests").glob("*.json")):
        shutil.copy(path, folder / path.name)
        if path.name != "run.json":
            digest = json.loads(path.read_text(encoding="utf-8"))
            digest["article"]["path"] = str(ROOT / digest["article"]["path"])
            (folder / path.name).write_text(json.dumps(digest, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    """The example digests checked once (the slow part); each test writes its own reviews beside them."""
    return load_batch([copy_examples(tmp_path_factory.mktemp("digests"))])


@pytest.fixture
def batch(checked: Batch) -> Batch:
    """A copy of the checked batch with no review yet (reviews.json removed)."""
    (checked.paths[0].parent / REVIEWS_FILE).unlink(missing_ok=True)
    return copy.deepcopy(checked)
