"""Analyst reviews: ids as the briefing numbers them, the versioned reviews file, stale reviews after an
edit, and how verify and the briefing apply them (a rejected fact never reaches the body; an accepted
partial fact does, marked). No model, no network: the example digests against the seeds."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from summarizer.batch import Batch, load_batch
from summarizer.briefing import render_briefing
from summarizer.cli import app
from summarizer.consolidate import Item, items_of
from summarizer.review import ReviewError, clear, decide, list_reviews, load_reviews, resolve, review_batch
from summarizer.review_models import REVIEWS_FILE
from tests.conftest import ROOT, copy_examples

runner = CliRunner()


def reviewed(batch: Batch) -> str:
    """The briefing of ``batch`` with the reviews now beside its digests."""
    review_batch(batch)
    return render_briefing(batch)


def body(text: str) -> str:
    return text.split("## Appendix")[0]


def first(batch: Batch, verdict: str) -> Item:
    found = [i for i in items_of(batch.digests) if i.verdict == verdict and i.span is not None]
    if not found:
        pytest.skip(f"no {verdict} fact in the example digests with this checker")
    return found[0]


def test_ids_are_the_briefings(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "d")
    target = resolve(folder, "A3-F5")
    assert (target.key, target.item, target.digest.article.id) == ("A3-F5", "F5", "002_64a0af951ad475a6")
    assert resolve(folder, "002_64a0af951ad475a6-F5").key == "A3-F5"
    assert resolve(folder, "A3-S2").item == "S2"
    for bad, says in [("A3-F99", "A3 (002_64a0af951ad475a6) has F1–F31 and S1–S5"), ("A9-F1", "no article A9"),
                      ("A3-S9", "S1–S5"), ("F5", "write A<n>-F<m>")]:  # fmt: skip
        with pytest.raises(ReviewError, match=re.escape(says)):
            resolve(folder, bad)


def test_cli_unknown_fact_id_is_one_line_exit_2(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "d")
    for ref in ("A3-F99", "A9-F1", "nonsense"):
        result = runner.invoke(app, ["review", str(folder), ref, "--reject"])
        assert result.exit_code == 2, result.output
        assert "Traceback" not in result.output
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("error: unknown fact id") and ref in line and str(folder) in line
    assert not (folder / REVIEWS_FILE).exists()
    result = runner.invoke(app, ["review", str(folder), "A3-F1", "--reject", "--accept"])
    assert result.exit_code == 2 and "together" in result.stderr


def test_cli_records_who_when_what_in_a_versioned_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = copy_examples(tmp_path / "d")
    monkeypatch.setenv("USER", "ana")
    result = runner.invoke(app, ["review", str(folder), "A3-F5", "--reject", "--note", "heading, not a fact"])
    assert result.exit_code == 0, result.output
    assert "A3-F5 rejected by ana: heading, not a fact" in result.stdout
    result = runner.invoke(app, ["review", str(folder), "A1-S9", "--accept", "--by", "bo"])
    assert result.exit_code == 2 and "A1 (000_eac2f5ec9a08c805) has F1–F13 and S1–S5" in result.stderr
    assert runner.invoke(app, ["review", str(folder), "A2-F3", "--accept", "--by", "bo"]).exit_code == 0
    data = json.loads((folder / REVIEWS_FILE).read_text(encoding="utf-8"))
    schema = json.loads((ROOT / "schemas" / "reviews.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["schema_version"] == "1.0"
    first, second = data["reviews"]  # sorted by article id
    assert (first["article"], first["item"], first["decision"], first["by"]) == (
        "001_ff27c2fb0640750d", "F3", "accept", "bo")  # fmt: skip
    assert (second["item"], second["decision"], second["by"], second["note"]) == (
        "F5", "reject", "ana", "heading, not a fact")  # fmt: skip
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", second["at"])
    assert re.fullmatch(r"[0-9a-f]{64}", second["sha256"])
    # a second decision on the same fact replaces the first
    assert runner.invoke(app, ["review", str(folder), "A3-F5", "--accept"]).exit_code == 0
    assert [r.decision for r in load_reviews(folder / REVIEWS_FILE).reviews] == ["accept", "accept"]
    listed = runner.invoke(app, ["review", str(folder)])
    assert listed.exit_code == 0 and "A3-F5  accepted by ana" in listed.stdout
    assert "2 reviews under" in listed.stdout and "2 accepted, 0 rejected, 0 stale" in listed.stdout
    cleared = runner.invoke(app, ["review", str(folder), "A3-F5", "--clear"])
    assert cleared.exit_code == 0 and [r.item for r in load_reviews(folder / REVIEWS_FILE).reviews] == ["F3"]
    again = runner.invoke(app, ["review", str(folder), "A3-F5", "--clear"])
    assert again.exit_code == 0 and "nothing to clear" in again.stderr


def test_reviews_file_is_not_read_as_a_digest(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "d")
    decide(folder, "A1-F1", "reject", "ana")
    result = runner.invoke(app, ["review", str(folder)])
    assert result.exit_code == 0 and "not a valid digest" not in result.output
    assert resolve(folder, "A5-F1").digest.article.id == "004_daeb789f409dab40"  # still five digests


def test_a_rejected_fact_never_reaches_the_body(batch: Batch) -> None:
    item = first(batch, "verified")
    folder = batch.paths[0].parent
    assert f"[^{item.key}]" in body(render_briefing(batch))
    decide(folder, item.key, "reject", "ana", "heading, not a fact")
    text = reviewed(batch)
    assert f"[^{item.key}]" not in body(text)
    assert "| Reviews | 1: 0 accepted, 1 rejected, 0 stale (not applied) |" in text
    appendix = text.split("## Appendix")[1]
    assert f"- **{item.fact.id}** verified: {item.fact.statement}" in appendix.replace("\\", "")
    assert "  - review: rejected by ana: heading, not a fact" in appendix
    # a summary sentence citing it is left out of the body too
    for n, digest in enumerate(batch.digests, 1):
        for s in digest.summary:
            if n == item.article and item.fact.id in s.fact_ids:
                assert s.text not in body(text).replace("\\", "")


def test_an_accepted_partial_fact_reaches_the_body_marked(batch: Batch) -> None:
    item = first(batch, "partial")
    assert f"[^{item.key}]" not in body(render_briefing(batch))
    decide(batch.paths[0].parent, item.key, "accept", "ana", "seen in the wire copy")
    text = body(reviewed(batch))
    assert f"*(accepted by ana: seen in the wire copy)*[^{item.key}]" in text
    assert "| Reviews | 1: 1 accepted, 0 rejected, 0 stale (not applied) |" in text


def test_an_accepted_partial_summary_sentence_reaches_the_body(tmp_path: Path) -> None:
    # Sentence-first summaries cite verified facts only; add one that cites a partial fact.
    folder = copy_examples(tmp_path / "d")
    path = sorted(folder.glob("0*.json"))[0]
    data = json.loads(path.read_text(encoding="utf-8"))
    partial = next(f for f in data["facts"] if f["check"]["verdict"] == "partial")
    data["summary"].append({"text": partial["statement"], "fact_ids": [partial["id"]]})
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    batch = load_batch([folder])
    found = [(n, k, s) for n, d in enumerate(batch.digests, 1) for k, s in enumerate(d.summary, 1)
             if s.check is not None and s.check.verdict == "partial"]  # fmt: skip
    n, k, line = found[0]
    plain = body(render_briefing(batch)).replace("\\", "")
    assert f"- {line.text}" not in plain
    decide(batch.paths[0].parent, f"A{n}-S{k}", "accept", "ana")
    assert f"- {line.text} *(accepted by ana)*" in body(reviewed(batch)).replace("\\", "")


def test_an_accepted_unsupported_fact_stays_out(batch: Batch) -> None:
    item = first(batch, "unsupported")
    decide(batch.paths[0].parent, item.key, "accept", "ana")
    text = reviewed(batch)
    assert f"[^{item.key}]" not in body(text)
    assert "review: accepted by ana (not applied: a check contradicts it)" in text


def test_an_edited_fact_makes_its_review_stale_and_unapplied(batch: Batch) -> None:
    item = first(batch, "verified")
    folder = batch.paths[0].parent
    decide(folder, item.key, "reject", "ana", "wrong")
    digest_path = batch.paths[item.article - 1]
    original = digest_path.read_text(encoding="utf-8")
    data = json.loads(original)
    fact = next(f for f in data["facts"] if f["id"] == item.fact.id)
    fact["statement"] += " Officials said so."
    digest_path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    try:
        _stale(batch, item, fact["statement"])
    finally:
        digest_path.write_text(original, encoding="utf-8")


def _stale(batch: Batch, item: Item, statement: str) -> None:
    folder = batch.paths[0].parent
    (listed,) = list_reviews(folder)
    assert listed.key == item.key and listed.status == "stale: changed since the review"
    result = runner.invoke(app, ["review", str(folder)])
    assert (
        f"{item.key}  rejected by ana" in result.stdout
        and "[STALE: changed since the review]" in result.stdout
    )
    assert "0 accepted, 0 rejected, 1 stale (not applied)" in result.stdout
    # the briefing: the same edit in the checked batch; the rejection no longer applies
    edited = next(f for f in batch.digests[item.article - 1].facts if f.id == item.fact.id)
    edited.statement = statement
    text = reviewed(batch)
    assert batch.reviews[item.key].stale
    assert f"[^{item.key}]" in body(text)
    assert "| Reviews | 1: 0 accepted, 0 rejected, 1 stale (not applied) |" in text
    assert f"stale review of {item.key} \\(rejected by ana" in text
    # cleared even though stale
    assert clear(folder, item.key) is not None and list_reviews(folder) == []


def test_verify_shows_each_review(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "d")
    decide(folder, "A3-F1", "reject", "ana", "heading")
    decide(folder, "A3-S1", "accept", "bo")
    decide(folder, "A3-F2", "accept", "bo")
    data = json.loads((folder / "002_64a0af951ad475a6.json").read_text(encoding="utf-8"))
    data["facts"][1]["quote"] = data["facts"][1]["quote"][:-1]  # F2 changed after its review
    (folder / "002_64a0af951ad475a6.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    report = tmp_path / "report.json"
    digest = folder / "002_64a0af951ad475a6.json"
    result = runner.invoke(app, ["verify", str(digest), "--json", str(report)], env={"COLUMNS": "250"})
    assert result.exit_code in (0, 1), result.output
    article = json.loads(report.read_text(encoding="utf-8"))["articles"][0]
    reviews = {f["id"]: f["review"] for f in article["facts"]}
    assert reviews["F1"]["decision"] == "reject" and reviews["F1"]["note"] == "heading"
    assert reviews["F1"]["stale"] is False and reviews["F2"]["stale"] is True and reviews["F3"] is None
    assert article["summary"][0]["review"]["by"] == "bo"
    assert (
        "rejected by ana: heading" in result.stdout and "STALE, not applied: accepted by bo" in result.stdout
    )


def test_cli_briefing_applies_the_reviews(tmp_path: Path) -> None:
    folder = copy_examples(tmp_path / "d")
    decide(folder, "A3-F1", "reject", "ana", "heading, not a fact")
    out = tmp_path / "b.md"
    result = runner.invoke(app, ["briefing", str(folder), "--out", str(out), "-q"])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "[^A3-F1]" not in body(text) and "| Reviews | 1: 0 accepted, 1 rejected" in text


def test_a_broken_reviews_file_is_named_not_applied(batch: Batch) -> None:
    folder = batch.paths[0].parent
    (folder / REVIEWS_FILE).write_text('{"schema_version": "1.0", "reviews": [{"decision": "maybe"}]}')
    review_batch(batch)
    assert batch.reviews == {}
    (note,) = [n for n in batch.notes if REVIEWS_FILE in n]
    assert "not a valid reviews file: field reviews.0" in note and "not applied" in note
    result = runner.invoke(app, ["review", str(folder)])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "not a valid reviews file" in result.stderr
