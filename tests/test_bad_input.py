"""Bad input in one batch: each file gets its own message and run.json record; nothing else is affected.
The model is the loopback OpenAI-compatible server (real HTTP, real client)."""

from __future__ import annotations

import json
import random
import re
import shutil
import threading
from pathlib import Path

import pytest

from summarizer.backends.base import Reply, Request, T
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.cache import CallCache
from summarizer.extract import plan
from summarizer.ingest import load_articles
from summarizer.models import RunReport
from summarizer.pipeline import summarize_batch
from tests.conftest import SEEDS, RecordedProgress
from tests.loopback import Out, serve, valid_answer

pytestmark = pytest.mark.skipif(not SEEDS.is_dir(), reason="no seed articles")

FRENCH = "Selon Kiev, la Corée du Nord aurait livré des obus à la Russie pendant l'été."
ENGLISH = (
    "According to Kyiv, North Korea has delivered shells to Russia. The officials of the two countries "
    "denied it. The shipments were seen by satellites over the summer, and the analysts said they were "
    "likely to continue for as long as the war lasts."
)


def _big_article(size: int) -> str:
    """``size`` characters of distinct French sentences (repeated ones would be dropped as boilerplate)."""
    rng = random.Random(3)
    words = (
        "la Corée du Nord aurait livré des obus et des missiles à la Russie selon Séoul depuis août".split()
    )
    lines, total, i = ["Un très long dossier"], 0, 0
    while total < size:
        line = " ".join(
            f"Le point {i}-{j} indique que " + " ".join(rng.choices(words, k=16)) + "." for j in range(5)
        )
        lines.append(line)
        total += len(line) + 2
        i += 1
    lines.append("La dernière phrase du dossier aurait livré sa conclusion en décembre.")
    return "\n\n".join(lines) + "\n"


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    seed = sorted(SEEDS.glob("*.txt"))[0]
    shutil.copy(seed, folder / "original.txt")
    shutil.copy(seed, folder / "same-again.txt")
    (folder / "empty.txt").write_bytes(b"  \n")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "windows.txt").write_bytes(
        f"Dépêche\n\n{FRENCH} Les responsables l’ont nié.\n".encode("cp1252")
    )
    (folder / "page.html").write_text(
        f"<html><head><title>Obus</title></head><body><nav>Accueil | Monde</nav><article><p>{FRENCH}</p>"
        "<p>Les responsables russes ont nié ces allégations.</p></article></body></html>",
        encoding="utf-8",
    )
    (folder / "english.txt").write_text(ENGLISH, encoding="utf-8")
    (folder / "short.txt").write_text("L'OTAN compte 16 membres.\n", encoding="utf-8")  # no sentence to send
    (folder / "gone.txt").symlink_to(folder / "nowhere.txt")
    (folder / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    return folder


def test_each_bad_input_is_named_and_recorded_and_the_rest_goes_on(inbox: Path, tmp_path: Path) -> None:
    progress = RecordedProgress()

    out = tmp_path / "out"
    missing = tmp_path / "missing.txt"
    with serve(lambda body: Out(200, valid_answer(body))) as server:
        backend = OpenAIBackend(model="m", base_url=server.url, api_key="k")
        report = summarize_batch([inbox, missing], backend, out, progress, 4, CallCache(tmp_path / "c"))

    runs = {Path(r.path).name: r for r in report.articles}
    assert RunReport.model_validate_json((out / "run.json").read_text()) == report
    expected_errors = {
        "empty.txt": "the file is empty",
        "binary.txt": "binary file",
        "gone.txt": "not a readable file",
        "missing.txt": "no such file or folder",
        "report.pdf": "unsupported file type '.pdf'",
    }
    for name, words in expected_errors.items():
        run = runs[name]
        assert run.status == "failed" and run.error and words in run.error and name in run.error, run
        assert any(name in w and words in w for w in progress.warnings), f"no message names {name}"
    # cp1252 decoded, not mangled: the quote is found at its offsets in the decoded text.
    windows = json.loads((out / "windows.json").read_text())
    assert windows["article"]["encoding"] == "cp1252" and windows["facts"]
    span = windows["facts"][0]["check"]["span"]
    raw = (inbox / "windows.txt").read_bytes().decode("cp1252")
    assert raw[span["start"] : span["end"]] == span["text"] and "Corée" in span["text"]
    # HTML: visible text only; the menu is not an article sentence.
    page = json.loads((out / "page.json").read_text())
    assert page["facts"] and not any("Accueil" in f["quote"] for f in page["facts"])
    # Non-French: detected, processed, recorded.
    assert runs["english.txt"].status == "ok" and runs["english.txt"].language == "en"
    assert any("language detected: en" in n for n in runs["english.txt"].notes)
    # The same text twice: digested once.
    assert runs["original.txt"].status == "ok"
    assert runs["same-again.txt"].status == "duplicate" and runs["same-again.txt"].duplicate_of == "original"
    assert not (out / "same-again.json").exists()
    # Too short to state a fact: a digest with none, and a note that says why (it was an IndexError).
    assert runs["short.txt"].status == "ok" and runs["short.txt"].facts == 0
    assert any("no sentence to state a fact from" in n for n in runs["short.txt"].notes)
    assert report.totals.ok == 5 and report.totals.failed == 5 and report.totals.duplicates == 1


class Answering:
    """In-process model for the 5 MB article (thousands of calls; the HTTP path is tested above):
    an empty answer for every chunk but the one with the last sentence."""

    name, model = "scripted", "scripted"

    def __init__(self) -> None:
        self.chunks: list[str] = []
        self.lock = threading.Lock()

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        last = request.messages[-1]["content"]
        with self.lock:
            self.chunks.append(last)
        if output.__name__ == "Translations":  # sentence-first: a statement for the last sentence only
            said = {f"s{n}": "" for n in re.findall(r"^\[(\d+)\]", last, re.M)}
            if found := re.search(r"^\[(\d+)\] La dernière phrase", last, re.M):
                said[f"s{found.group(1)}"] = (
                    "The file's last sentence reportedly delivered its conclusion in December."
                )
            text = json.dumps(said)
            return Reply(output.model_validate_json(text), text, 1, 1, 0.0)
        facts = []
        if found := re.search(r"^\[(\d+)\] (La dernière phrase.*)$", last, re.M):
            facts.append(
                {"type": "event", "sentence": int(found.group(1)), "quote": found.group(2)[:60],
                 "statement": "The file reached its conclusion.", "certainty": "alleged",
                 "event": {"actor": "the file", "action": "reached its conclusion"}}
            )  # fmt: skip
        text = json.dumps(
            {"summary": [{"text": "A file.", "fact_ids": ["F1"]}]} if "Write" in last else {"facts": facts}
        )
        return Reply(output.model_validate_json(text), text, 1, 1, 0.0)


def test_a_5_mb_article_is_chunked_whole_not_truncated(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "huge.txt").write_text(_big_article(5_000_000), encoding="utf-8")
    model = Answering()
    report = summarize_batch([tmp_path / "in"], model, tmp_path / "out", concurrency=4)
    (huge,) = report.articles
    (article,), _ = load_articles([tmp_path / "in" / "huge.txt"])
    chunks = plan(article)
    assert huge.status == "ok" and huge.chars > 5_000_000
    assert huge.chunks == len(chunks) > 4000
    assert any("long article" in n and str(huge.chunks) in n for n in huge.notes)
    sent = {line for message in model.chunks for line in message.splitlines() if line.startswith("[")}
    assert len(sent) == len(article.sentences), "every sentence goes to the model, the last one included"
    digest = json.loads((tmp_path / "out" / "huge.json").read_text())
    (fact,) = digest["facts"]
    span = fact["check"]["span"]
    assert span["text"].startswith("La dernière phrase") and span["start"] > 4_990_000
