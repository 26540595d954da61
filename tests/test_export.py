"""Export: one row per fact with every column, the filters, CSV that no spreadsheet runs as a formula,
JSON Lines, and the CLI. No model, no network: the example digests checked against the seeds."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer import batch as batch_module
from summarizer.batch import Batch
from summarizer.cli import app
from summarizer.export import COLUMNS, Filters, Row, fact_rows, guard, to_csv, to_jsonl
from summarizer.review import decide, review_batch
from tests.conftest import copy_examples

runner = CliRunner()
FACTS = 105  # in the five example digests


def test_one_row_per_fact_with_every_column(batch: Batch) -> None:
    rows = fact_rows(batch)
    assert len(rows) == FACTS == sum(len(d.facts) for d in batch.digests)
    assert all(tuple(row) == COLUMNS for row in rows)
    row = next(r for r in rows if r["ref"] == "A3-F1")
    assert (row["article_id"], row["outlet"], row["fact_id"], row["type"]) == (
        "002_64a0af951ad475a6", "Avion-Chasse.fr", "F1", "event")  # fmt: skip
    assert str(row["statement"]).startswith(
        "North Korea provides ballistic missiles to Russia, which in exchange"
    )
    assert str(row["quote"]).startswith("Corée du Nord fournit des missiles balistiques à la Russie")
    assert str(row["source_file"]).endswith("seeds/002_64a0af951ad475a6.txt")
    raw = Path(str(row["source_file"])).read_text(encoding="utf-8")
    assert isinstance(row["start"], int) and isinstance(row["end"], int)
    assert raw[row["start"] : row["end"]] == row["quote"]
    assert "names" in str(row["confirmed"]) and row["verdict"] in ("verified", "partial", "unsupported")
    assert row["rechecked"] is True and row["review"] is None
    assert {r["published"] for r in rows} >= {None, "2024-10-04T02:10:00"}


def test_rows_carry_the_review(batch: Batch) -> None:
    decide(batch.paths[0].parent, "A3-F1", "reject", "ana", "heading, not a fact")
    review_batch(batch)
    row = next(r for r in fact_rows(batch) if r["ref"] == "A3-F1")
    assert (row["review"], row["review_by"], row["review_note"], row["review_stale"]) == (
        "reject", "ana", "heading, not a fact", False)  # fmt: skip


def test_filters(batch: Batch) -> None:
    rows = fact_rows(batch)
    for verdicts in ({"verified"}, {"partial", "unsupported"}):
        kept = fact_rows(batch, Filters(verdicts=frozenset(verdicts)))
        assert kept == [r for r in rows if r["verdict"] in verdicts] and kept
    avion = fact_rows(batch, Filters(outlets=frozenset({"avion-chasse.FR"})))
    assert len(avion) == 31 and {r["outlet"] for r in avion} == {"Avion-Chasse.fr"}
    since = fact_rows(batch, Filters(since=date(2024, 1, 1)))
    assert since and all(str(r["published"]) >= "2024-01-01" for r in since)  # undated ones left out
    assert len(fact_rows(batch, Filters(since=date(2023, 1, 1)))) > len(since)
    assert fact_rows(batch, Filters(outlets=frozenset({"nowhere"}))) == []


def _row(**values: str) -> Row:
    return {c: values.get(c) for c in COLUMNS}


def test_csv_cells_are_never_formulas() -> None:
    hostile = ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tTAB", "\rCR"]
    rows = [_row(article_id="a", statement=h, review_note=h) for h in hostile]
    rows.append(_row(article_id="b", statement='plain, with "quotes"\nand a newline', quote="«é»"))
    text = to_csv(rows)
    read = list(csv.reader(io.StringIO(text)))
    assert tuple(read[0]) == COLUMNS and len(read) == len(rows) + 1
    statement = COLUMNS.index("statement")
    for line, h in zip(read[1:], hostile, strict=False):
        assert line[statement] == "'" + h and line[COLUMNS.index("review_note")] == "'" + h
    assert read[-1][statement] == 'plain, with "quotes"\nand a newline' and "«é»" in read[-1]
    assert guard("North Korea") == "North Korea" and guard("") == ""
    # JSON Lines keep the values as they are
    assert json.loads(to_jsonl(rows).splitlines()[0])["statement"] == hostile[0]


def test_cli_csv_to_a_file(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "d")
    decide(folder, "A3-F1", "reject", "ana", "=cmd|' /C calc'!A0")
    out = tmp_path / "facts.csv"
    result = runner.invoke(app, ["export", str(folder), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{FACTS} facts from 5 digests" in result.stderr
    with out.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == FACTS and tuple(rows[0]) == COLUMNS
    rejected = next(r for r in rows if r["ref"] == "A3-F1")
    assert rejected["review"] == "reject" and rejected["review_note"] == "'=cmd|' /C calc'!A0"
    assert all(not v.startswith(("=", "+", "-", "@")) for r in rows for v in r.values())


@pytest.fixture
def loaded(batch: Batch, monkeypatch: pytest.MonkeyPatch) -> Batch:
    """The CLI given the checked batch instead of checking the digests again."""
    monkeypatch.setattr(batch_module, "load_batch", lambda *args, **kwargs: batch)
    return batch


def test_cli_jsonl_to_stdout_with_filters(loaded: Batch) -> None:
    folder = str(loaded.paths[0].parent)
    args = ["export", folder, "-f", "jsonl", "--verdict", "verified", "--verdict", "unsupported", "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and {r["verdict"] for r in rows} <= {"verified", "unsupported"}
    assert len(rows) == len(fact_rows(loaded, Filters(verdicts=frozenset({"verified", "unsupported"}))))
    result = runner.invoke(
        app, ["export", folder, "--outlet", "Notre Continent", "--since", "2024-10-01", "-q"]
    )
    lines = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.exit_code == 0 and lines and {r["outlet"] for r in lines} == {"Notre Continent"}


def test_cli_bad_options_exit_2(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "d")
    for args, says in [
        (["--since", "2024-13-01"], "--since '2024-13-01' is not a date"),
        (["--format", "xlsx"], "xlsx"),
        (["--out", str(tmp_path)], "is a folder"),
    ]:
        result = runner.invoke(app, ["export", str(folder), *args])
        assert result.exit_code == 2 and says in result.output and "Traceback" not in result.output
    result = runner.invoke(app, ["export", str(tmp_path / "nowhere")])
    assert result.exit_code == 2 and "does not exist" in result.stderr
