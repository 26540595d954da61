"""`summarizer verify`: recomputed checks, sources by path / id / sha256, changed sources, exit codes,
JSON report valid against its schema, claims without quotes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from tests.conftest import ROOT, SEEDS, needs_dicts
from tests.mutations import true_facts

runner = CliRunner()
EXAMPLES = ROOT / "examples" / "digests"
SEED_004 = "004_daeb789f409dab40"


def _digest(facts: list[dict[str, Any]], source: str) -> dict[str, Any]:
    """A hand-written digest of seed 004 holding the given facts (with made-up stored checks)."""
    stored: dict[str, Any] = json.loads((EXAMPLES / f"{SEED_004}.json").read_text(encoding="utf-8"))
    stored["article"]["path"] = source
    stored["facts"] = facts
    stored["summary"] = []
    return stored


def _write(path: Path, data: dict[str, Any]) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _true_004() -> list[dict[str, Any]]:
    return [fact for seed, fact in true_facts() if seed == "004"]


@needs_dicts
def test_true_digest_exits_0_and_report_is_valid(tmp_path: Path) -> None:
    digest = _write(tmp_path / "d.json", _digest(_true_004(), str(SEEDS / f"{SEED_004}.txt")))
    report = tmp_path / "report.json"
    result = runner.invoke(app, ["verify", str(digest), "--json", str(report)])
    assert result.exit_code == 0, result.output
    data = json.loads(report.read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "verify.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["totals"]["verified"] == data["totals"]["facts"] == len(_true_004())


@needs_dicts
def test_facts_are_checked_against_the_digests_own_sentences(tmp_path: Path) -> None:
    # A digest made by a version that split the text otherwise (here sentences 3 and 4 were one): its
    # facts cite that numbering, and a later splitter must not turn them into cited_sentence failures.
    data = _digest(_true_004(), str(SEEDS / f"{SEED_004}.txt"))
    spans = data["sentences"]
    merged = [*spans[:2], {"n": 3, "start": spans[2]["start"], "end": spans[3]["end"]}, *spans[4:]]
    data["sentences"] = [{**s, "n": n} for n, s in enumerate(merged, 1)]
    for fact in data["facts"]:
        fact["sentence"] -= fact["sentence"] > 3
    result = runner.invoke(app, ["verify", str(_write(tmp_path / "d.json", data)), "--json", "-", "--quiet"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["totals"]["verified"] == len(_true_004())


def test_stored_verdicts_are_never_trusted(tmp_path: Path) -> None:
    fact = {**_true_004()[0], "certainty": "asserted"}  # an allegation turned into a fact
    fact["check"] = {"alignment": "exact", "score": 100, "checks": [], "verdict": "verified"}
    digest = _write(tmp_path / "d.json", _digest([fact], str(SEEDS / f"{SEED_004}.txt")))
    result = runner.invoke(app, ["verify", str(digest), "--json", "-", "--quiet"])
    assert result.exit_code == 1
    (checked,) = json.loads(result.stdout)["articles"][0]["facts"]
    assert checked["verdict"] == "partial" and checked["failed"] == ["certainty"]


def test_examples_report_partial_facts_with_exit_1() -> None:
    result = runner.invoke(app, ["verify", str(EXAMPLES), "--json", "-", "--quiet"])
    assert result.exit_code == 1
    totals = json.loads(result.stdout)["totals"]
    assert totals["digests"] == 5 and totals["errors"] == 0 and totals["facts"] == 105
    assert totals["verified"] + totals["partial"] + totals["unsupported"] == 105
    assert 0 < totals["verified"] < 105


def test_invalid_digest_exits_2_naming_file_and_field(tmp_path: Path) -> None:
    bad = _digest(_true_004(), str(SEEDS / f"{SEED_004}.txt"))
    bad["facts"][0]["certainty"] = "certain"
    path = _write(tmp_path / "bad.json", bad)
    result = runner.invoke(
        app, ["verify", str(path), str(EXAMPLES / f"{SEED_004}.json"), "--json", "-", "-q"]
    )
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    error = report["articles"][0]["error"]
    assert str(path) in error and "facts.0" in error and "certainty" in error
    assert report["articles"][1]["facts"]  # the other digest was still checked


@needs_dicts
def test_missing_source_exits_2_then_sources_folder_finds_it(tmp_path: Path) -> None:
    path = _write(tmp_path / "d.json", _digest(_true_004(), "nowhere/article.txt"))
    result = runner.invoke(app, ["verify", str(path), "--json", "-", "-q"])
    assert result.exit_code == 2
    assert "not found" in result.stdout and "--sources" in result.stdout
    result = runner.invoke(app, ["verify", str(path), "--sources", str(SEEDS), "-q"])
    assert result.exit_code == 0, result.output


@needs_dicts
def test_changed_source_is_reported(tmp_path: Path) -> None:
    source = tmp_path / f"{SEED_004}.txt"
    shutil.copy(SEEDS / f"{SEED_004}.txt", source)
    path = _write(tmp_path / "d.json", _digest(_true_004(), str(source)))
    source.write_text(source.read_text(encoding="utf-8") + "\nUne phrase ajoutée.\n", encoding="utf-8")
    result = runner.invoke(app, ["verify", str(path), "--json", "-", "-q"])
    assert result.exit_code == 1
    article = json.loads(result.stdout)["articles"][0]
    assert article["source_changed"] is True
    assert all(f["verdict"] == "verified" for f in article["facts"])  # quotes are still there


def test_no_digest_exits_2(tmp_path: Path) -> None:
    result = runner.invoke(app, ["verify", str(tmp_path)])
    assert result.exit_code == 2


def test_claim_supported_and_flipped() -> None:
    article = str(SEEDS / "002_64a0af951ad475a6.txt")
    ok = runner.invoke(
        app, ["verify", "--claim", "North Korea supplies ballistic missiles to Russia.", article, "-q"]
    )
    assert ok.exit_code == 0, ok.output
    bad = runner.invoke(
        app,
        [
            "verify",
            "--claim",
            "North Korea shipped 50,000 containers to Russia.",
            article,
            "--json",
            "-",
            "-q",
        ],
    )
    assert bad.exit_code == 1
    (claim,) = json.loads(bad.stdout)["claims"]
    assert claim["verdict"] == "unsupported"
    failed = {c["name"]: c for c in claim["checks"] if not c["ok"]}
    assert failed["statement:numbers"]["contradicts"], failed  # 50,000 is nowhere in the article


def test_claims_file_with_docs_and_paths(tmp_path: Path) -> None:
    rows = [
        {"path": str(SEEDS / f"{SEED_004}.txt"), "claim": "Pyongyang denies the accusations."},
        {
            "doc": "Moscou a démenti avoir reçu des obus. Le Kremlin n'a pas commenté.",
            "claim": "Moscow received shells.",
        },
    ]
    claims = tmp_path / "claims.jsonl"
    claims.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = runner.invoke(app, ["verify", "--claims", str(claims), "--json", "-", "-q"])
    assert result.exit_code == 1
    first, second = json.loads(result.stdout)["claims"]
    assert first["verdict"] == "verified"
    assert second["verdict"] == "unsupported"  # a denial told as a confirmation
    assert "polarity" in [c["name"] for c in second["checks"] if not c["ok"]]


def test_bad_claims_line_exits_2_naming_it(tmp_path: Path) -> None:
    claims = tmp_path / "claims.jsonl"
    claims.write_text('{"claim": "x"}\n', encoding="utf-8")
    result = runner.invoke(app, ["verify", "--claims", str(claims)])
    assert result.exit_code == 2
    assert f"{claims}:1" in result.output


@pytest.mark.parametrize("name", ["verify.schema.json", "claims.schema.json"])
def test_report_schemas_are_versioned(name: str) -> None:
    schema = json.loads((ROOT / "schemas" / name).read_text(encoding="utf-8"))
    assert "format version 1.2" in schema["$comment"]
