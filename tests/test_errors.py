"""Every usage, input and setup error is one line naming the file and the fix, exit 2, no traceback; the
same condition gives the same exit code in every command; nothing is skipped or left out silently.
No model is needed: each error is found before a backend is made, or the openai backend is pointed at
a closed loopback port that no test reaches."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from rich.console import Console
from typer.testing import CliRunner, Result

from summarizer.cli import app
from summarizer.ingest import load_articles
from summarizer.models import CheckResult, ClaimCheck, ClaimReport
from summarizer.render import claim_table, clip
from tests.conftest import ROOT, SEEDS

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "digests"
SEED_000 = SEEDS / "000_eac2f5ec9a08c805.txt"
SEED_004 = "004_daeb789f409dab40"
NO_SERVER = ["--backend", "openai", "--base-url", "http://127.0.0.1:9/v1", "--model", "m"]


def run(*args: str | Path) -> Result:
    """Run the CLI; it must end by its own exit, never by an exception."""
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    return result


def error_line(result: Result, *words: str | Path) -> str:
    """The one ``error:`` line that names every one of ``words``."""
    lines = [line for line in result.output.splitlines() if line.startswith("error:")]
    found = [line for line in lines if all(str(w) in line for w in words)]
    assert found, f"no error line naming {words}:\n{result.output}"
    return found[0]


def _digest_004(tmp_path: Path, source: str) -> Path:
    data: dict[str, Any] = json.loads((EXAMPLES / f"{SEED_004}.json").read_text(encoding="utf-8"))
    data["article"]["path"] = source
    folder = tmp_path / "digests"
    folder.mkdir(exist_ok=True)
    path = folder / f"{SEED_004}.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


# --- tracebacks that became one line and exit 2 -----------------------------------------------------


def test_missing_claims_file(tmp_path: Path) -> None:
    missing = tmp_path / "nonexistent.jsonl"
    result = run("verify", "--claims", missing)
    assert result.exit_code == 2
    assert "JSONL" in error_line(result, missing)


def test_summarize_out_is_a_file(tmp_path: Path) -> None:
    existing = tmp_path / "b.md"
    existing.write_text("notes\n", encoding="utf-8")
    result = run("summarize", SEED_000, "--out", existing)
    assert result.exit_code == 2
    assert "not a folder" in error_line(result, existing)
    assert existing.read_text(encoding="utf-8") == "notes\n"


@pytest.mark.parametrize(
    ("args", "option"),
    [
        (["briefing", str(EXAMPLES), "--out"], "--out"),
        (["briefing", str(EXAMPLES), "--out", "{tmp}/b.md", "--html"], "--html"),
        (["verify", str(EXAMPLES), "-q", "--html"], "--html"),
        (["verify", str(EXAMPLES), "-q", "--json"], "--json"),
    ],
)
def test_output_file_that_is_a_folder(tmp_path: Path, args: list[str], option: str) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    result = run(*[a.replace("{tmp}", str(tmp_path)) for a in args], folder)
    assert result.exit_code == 2
    assert "give a file name" in error_line(result, option, folder)
    assert not list(tmp_path.glob(".*.tmp")) and not list(folder.iterdir())  # no temporary file left


def test_output_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("x", encoding="utf-8")
    result = run("verify", EXAMPLES, "-q", "--json", tmp_path / "file" / "r.json")
    assert result.exit_code == 2
    error_line(result, "--json", tmp_path / "file")


def test_python_dash_m_prints_one_line_and_exits_2(tmp_path: Path) -> None:
    for args in (
        ["verify", "--claims", str(tmp_path / "nonexistent.jsonl")],
        ["briefing", str(EXAMPLES), "--out", str(tmp_path)],
    ):
        out = subprocess.run(
            [sys.executable, "-m", "summarizer", *args], capture_output=True, text=True, timeout=120
        )
        assert out.returncode == 2, out.stderr
        assert "Traceback" not in out.stderr and out.stdout == ""
        (line,) = out.stderr.strip().splitlines()
        assert line.startswith("error:") and args[-1] in line


# --- silent or blank -------------------------------------------------------------------------------


def test_claim_without_an_article() -> None:
    result = run("verify", "--claim", "North Korea sent shells to Russia.")
    assert result.exit_code == 2
    assert "ARTICLE" in error_line(result, "--claim")


def test_verify_without_arguments_says_what_to_pass() -> None:
    result = run("verify")
    assert result.exit_code == 2
    line = error_line(result, "--claims")
    assert "digest" in line and not line.rstrip().endswith("under")


def test_claims_html_is_written(tmp_path: Path) -> None:
    claims = tmp_path / "c.jsonl"
    row = {"id": "k1", "claim": "Pyongyang denies the accusations.", "path": str(SEEDS / f"{SEED_004}.txt")}
    claims.write_text(json.dumps(row) + "\n", encoding="utf-8")
    page = tmp_path / "c.html"
    result = run("verify", "--claims", claims, "--html", page, "-q")
    assert result.exit_code in (0, 1), result.output
    html = page.read_text(encoding="utf-8")
    assert "Pyongyang denies the accusations." in html and "<mark class=" in html and "<script" not in html


def test_summarize_briefing_with_nothing_digested_says_so(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "empty.txt").write_text("  \n", encoding="utf-8")
    briefing = tmp_path / "x.md"
    result = run("summarize", inbox, "--out", tmp_path / "out", *NO_SERVER, "--briefing", briefing, "-q")
    assert result.exit_code == 1
    assert "no article was digested" in error_line(result, briefing)
    assert not briefing.exists()


def test_unsupported_files_are_named_and_md_is_read(tmp_path: Path) -> None:
    inbox = tmp_path / "in"
    inbox.mkdir()
    (inbox / "report.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    (inbox / ".DS_Store").write_bytes(b"\x00\x00")
    shutil.copy(SEED_000, inbox / "article.md")
    articles, failures = load_articles([inbox])
    assert [Path(a.path).name for a in articles] == ["article.md"]
    assert [Path(f.path).name for f in failures] == ["report.pdf"]
    assert "unsupported file type '.pdf'" in failures[0].error and ".txt" in failures[0].error
    (inbox / "article.md").unlink()
    # Nothing readable at all: each input named, and the batch does not start (no model loaded, no
    # run.json), like an empty folder; with readable articles beside it, it is one failed article
    # (run.json, exit 1: tests/test_bad_input.py).
    result = run("summarize", inbox, "--out", tmp_path / "out", *NO_SERVER, "-q")
    assert result.exit_code == 2
    assert any("report.pdf" in line and "unsupported" in line for line in result.output.splitlines())
    given = run("summarize", inbox / "report.pdf", "--out", tmp_path / "out2", *NO_SERVER, "-q")
    assert given.exit_code == 2 and "unsupported file type" in given.output
    assert "no readable article file" in given.output and not (tmp_path / "out2" / "run.json").exists()


# --- the same condition, the same exit code --------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["summarize", "{empty}", "--out", "{tmp}/out", *NO_SERVER],
        ["verify", "{empty}"],
        ["briefing", "{empty}", "--out", "{tmp}/b.md"],
        ["verify", "--claim", "North Korea sent shells.", "{empty}"],
    ],
)
def test_an_empty_folder_exits_2_in_every_command(tmp_path: Path, args: list[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = run(*[a.replace("{empty}", str(empty)).replace("{tmp}", str(tmp_path)) for a in args])
    assert result.exit_code == 2
    assert "no " in error_line(result, empty)
    assert not (tmp_path / "out" / "run.json").exists() and not (tmp_path / "b.md").exists()


def test_a_changed_source_exits_1_in_verify_and_briefing(tmp_path: Path) -> None:
    source = tmp_path / f"{SEED_004}.txt"
    shutil.copy(SEEDS / f"{SEED_004}.txt", source)
    digest = _digest_004(tmp_path, str(source))
    same = run("briefing", digest, "--out", tmp_path / "b.md", "-q")
    assert same.exit_code == 0, same.output
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    verify = run("verify", digest, "--json", tmp_path / "r.json", "-q")
    assert verify.exit_code == 1
    assert json.loads((tmp_path / "r.json").read_text())["articles"][0]["source_changed"] is True
    briefing = run("briefing", digest, "--out", tmp_path / "b.md", "-q")
    assert briefing.exit_code == 1
    assert any(str(digest) in line and "changed" in line for line in briefing.output.splitlines())


def test_one_missing_path_in_a_claims_file_is_one_error_row(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    missing = tmp_path / "gone.txt"
    rows = [
        {"id": "a", "claim": "North Korea sent shells.", "path": str(missing)},
        {"id": "b", "claim": "Pyongyang denies the accusations.", "path": str(SEEDS / f"{SEED_004}.txt")},
        {"claim": "Moscow received shells.", "doc": "Moscou a démenti avoir reçu des obus."},
    ]
    claims.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = run("verify", "--claims", claims, "--json", tmp_path / "r.json", "-q")
    assert result.exit_code == 2
    error_line(result, f"{claims}:1", missing)
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "claims.schema.json").read_text()))
    first, second, third = report["claims"]
    assert first["id"] == "a" and first["line"] == 1 and str(missing) in first["error"]
    assert second["id"] == "b" and second["error"] is None and second["verdict"] == "verified"
    assert second["sentence"] in second["evidence"] and "nie" in second["sentence_text"]
    assert third["id"] is None and third["error"] is None and third["verdict"] == "unsupported"


# --- sources recorded as batch.jsonl:N ---------------------------------------------------------------


def test_jsonl_sources_are_found_by_line(tmp_path: Path) -> None:
    text = (SEEDS / f"{SEED_004}.txt").read_text(encoding="utf-8")
    batch = tmp_path / "batch.jsonl"
    other = {"id": "other", "text": "Un autre article. Il parle d'autre chose."}
    batch.write_text(
        json.dumps(other) + "\n" + json.dumps({"id": "x", "text": text}) + "\n", encoding="utf-8"
    )
    digest = _digest_004(tmp_path, "batch.jsonl:2")  # relative to the folder summarize ran in
    result = run("verify", digest, "--json", tmp_path / "r.json", "-q")
    assert result.exit_code in (0, 1), result.output
    (article,) = json.loads((tmp_path / "r.json").read_text())["articles"]
    assert article["error"] is None and article["source"] == f"{batch}:2" and not article["source_changed"]
    briefing = run("briefing", digest, "--out", tmp_path / "b.md", "-q")
    assert briefing.exit_code == 0, briefing.output
    assert "| Checked again | 1 of 1 digests" in (tmp_path / "b.md").read_text(encoding="utf-8")
    batch.write_text(json.dumps(other) + "\n", encoding="utf-8")  # the record is gone
    result = run("verify", digest, "-q")
    assert result.exit_code == 2
    assert "--sources" in error_line(result, digest, "batch.jsonl:2")
    briefing = run("briefing", digest, "--out", tmp_path / "b.md", "-q")
    assert briefing.exit_code == 1
    assert any(str(digest) in line and "--sources" in line for line in briefing.output.splitlines())


# --- help, tables, reports -----------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["summarize", "verify", "briefing"])
def test_help_shows_flags_and_defaults_and_the_same_backend_options(command: str) -> None:
    result = runner.invoke(app, [command, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    assert "<bool>" not in result.output and "list[Path]" not in result.output
    for option in ("--backend", "--model", "--base-url", "--model-path", "--openai-mode", "--timeout"):
        assert option in result.output, option
    assert "--retries" in result.output and "gpt-4o-mini" in result.output
    if command == "summarize":
        assert "--concurrency" in result.output and "[default: (4 per --base-url server)]" in result.output


def test_tables_cut_at_a_word_with_an_ellipsis() -> None:
    text = "North Korea " + "delivered artillery shells to Russia " * 6
    cut = clip(text)
    assert len(cut) <= 120 and cut.endswith("…") and text.startswith(cut[:-1])
    assert text[len(cut) - 1] == " "  # the cut falls between words
    assert clip("short statement") == "short statement"


def test_claim_table_shows_the_sentence_the_verdict_used() -> None:
    check = ClaimCheck(
        source="a.txt",
        claim="Pyongyang denies it.",
        evidence=[2, 9],
        evidence_text="Deux. Neuf nie.",
        sentence=9,
        sentence_text="Neuf nie.",
        score=0.9,
        checks=[CheckResult(name="claim:evidence", ok=True, detail="sentence 9")],
        verdict="verified",
    )
    console = Console(record=True, width=200)
    console.print(claim_table(ClaimReport(judge=None, claims=[check])))
    assert "[9] Neuf nie." in console.export_text() and "Deux." not in console.export_text()


def test_verify_json_has_each_facts_type_quote_certainty_and_attribution(tmp_path: Path) -> None:
    result = run("verify", EXAMPLES / f"{SEED_004}.json", "--json", tmp_path / "r.json", "-q")
    assert result.exit_code in (0, 1), result.output
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    jsonschema.validate(report, json.loads((ROOT / "schemas" / "verify.schema.json").read_text()))
    assert report["schema_version"] == "1.2"
    stored = json.loads((EXAMPLES / f"{SEED_004}.json").read_text(encoding="utf-8"))["facts"]
    for fact, original in zip(report["articles"][0]["facts"], stored, strict=True):
        for key in ("type", "quote", "certainty", "attributed_to"):
            assert fact[key] == original[key], key


def test_sources_with_claims_is_refused_not_ignored(tmp_path: Path) -> None:
    result = run("verify", "--claim", "North Korea sent shells.", SEED_000, "--sources", tmp_path)
    assert result.exit_code == 2 and "--sources is for digests" in result.output
    assert "Traceback" not in result.output


def test_serve_with_a_missing_model_file_exits_2_naming_it(tmp_path: Path) -> None:
    missing = tmp_path / "nope.gguf"
    result = run("serve", "--model-path", missing, "--port", "1")
    assert result.exit_code == 2, result.output
    assert "no such file" in error_line(result, "--model-path", missing)


@pytest.mark.model
def test_serve_on_a_port_in_use_exits_2_saying_so() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        result = run("serve", "--port", port)
    assert result.exit_code == 2, result.output
    assert "try another --port" in error_line(result, f"127.0.0.1:{port}")
