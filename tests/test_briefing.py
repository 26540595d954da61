"""The briefing: entity merging, corroboration, discrepancies (from fixed digests holding the seeds' real
conflicts), escaping, the snapshot of the example briefing, the CLI, and the HTML page in Chromium."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from summarizer.batch import Batch, ExecSummary, exec_summary, load_batch
from summarizer.briefing import render_briefing
from summarizer.cli import app
from summarizer.consolidate import Entities, clusters_of, items_of
from summarizer.discrepancies import denial_discrepancies, quantity_discrepancies, role_discrepancies
from summarizer.markdown import md, to_html
from tests.conftest import CHROMIUM, ROOT, SEEDS, needs_dicts, screenshot
from tests.mutations import true_facts

runner = CliRunner()
EXAMPLES = ROOT / "examples"
GREEN = (0xB7, 0xE4, 0xB0)  # .verified in htmldesk.CSS
# Seed 001's accusation, the sentence before its denial ("ont nié ces allégations").
ACCUSATION_001 = {
    "type": "claim", "sentence": 10, "certainty": "alleged",
    "quote": "Washington accuse depuis longtemps la Corée du Nord de fournir des armes à la Russie",
    "statement": "Washington has long accused North Korea of supplying weapons to Russia.",
    "entities": [{"name": "North Korea", "kind": "country", "mention": "la Corée du Nord"}],
    "claim": {"speaker": "Washington", "stance": "accuses North Korea of arming Russia"},
}  # fmt: skip


def _fixed_digests(folder: Path) -> Path:
    """One digest per seed holding the hand-written true facts (the seeds' real conflicts), metadata
    from the example digests, no stored checks: the briefing checks them itself."""
    folder.mkdir(parents=True, exist_ok=True)
    by_seed: dict[str, list[dict[str, Any]]] = {}
    for seed, fact in true_facts():
        by_seed.setdefault(seed, []).append(fact)
    by_seed["001"].insert(0, ACCUSATION_001)
    for template in sorted((EXAMPLES / "digests").glob("0*.json")):
        digest = json.loads(template.read_text(encoding="utf-8"))
        facts = by_seed[template.name[:3]]
        digest["facts"] = [{**f, "id": f"F{i}"} for i, f in enumerate(facts, 1)]
        digest["summary"] = []
        digest["article"]["path"] = str(SEEDS / Path(digest["article"]["path"]).name)
        (folder / template.name).write_text(json.dumps(digest, ensure_ascii=False), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def fixed(tmp_path_factory: pytest.TempPathFactory) -> Batch:
    return load_batch([_fixed_digests(tmp_path_factory.mktemp("fixed"))])


@needs_dicts
def test_fixed_facts_are_all_verified(fixed: Batch) -> None:
    verdicts = {i.key: i.verdict for i in items_of(fixed.digests)}
    assert len(fixed.sources) == 5 and set(verdicts.values()) == {"verified"}, verdicts


def test_entities_merge_spellings(fixed: Batch) -> None:
    entities = Entities(items_of(fixed.digests))
    entities.read_sources(fixed.sources)
    names = {e.name: e for e in entities.clusters}
    shoigu = names["Sergei Shoigu"]
    assert {"Sergueï Choïgu", "Sergueï Choïgou", "Choïgou"} <= set(shoigu.spellings)
    assert shoigu.articles == [1, 2, 5]
    assert {"Kim Jong Un", "Kim Jong-un", "Kim"} <= set(names["Kim Jong Un"].spellings)
    assert {"Pyongyang", "la Corée du Nord"} <= set(names["North Korea"].spellings)
    assert entities.of("Choïgou") == entities.of("Sergueï Choïgou") == "Sergei Shoigu"
    assert entities.of("RPDC") == entities.of("Pyongyang") == "North Korea"
    assert entities.of("Kim Jong-un") == "Kim Jong Un"


def test_a_short_name_that_fits_two_people_stays_apart(fixed: Batch) -> None:
    entities = Entities(items_of(fixed.digests))
    assert entities.of("Kim") == "Kim Jong Un"
    entities._of["Kim Yo Jong"] = "Kim Yo Jong"  # a second Kim in the batch
    assert entities.of("Kim") is None


def test_corroboration_counts_independent_outlets(fixed: Batch) -> None:
    items = items_of(fixed.digests)
    clusters, topics = clusters_of(items, Entities(items))
    arms = clusters[0]
    assert arms.topic.describe() == "North Korea → Russia: supply of arms"
    # 000, 001's and 004's accusations, 002 (the containers join it), 003; never the denials.
    assert sorted({i.article for i in arms.verified}) == [1, 2, 3, 4, 5]
    assert arms.corroboration == 5 and all(i.fact.certainty != "denied" for i in arms.verified)
    # The reverse direction (Russia supplies air defence to North Korea) is another topic.
    assert topics["A3-F3"].describe() == "Russia → North Korea: supply of arms"
    assert all(i.key != "A3-F3" for i in arms.items)
    # Two articles from one outlet count once.
    twin = fixed.digests[0].model_copy(deep=True)
    twin.article.id = "twin"
    items = items_of([*fixed.digests, twin])
    clusters, _ = clusters_of(items, Entities(items))
    assert clusters[0].corroboration == 5 and 6 in {i.article for i in clusters[0].verified}


def test_discrepancies_are_found_side_by_side(fixed: Batch) -> None:
    items = items_of(fixed.digests)
    entities = Entities(items)
    entities.read_sources(fixed.sources)
    clusters, _ = clusters_of(items, entities)
    (quantity,) = quantity_discrepancies(clusters)
    assert {s.item.key for s in quantity.sides if s.item} == {"A1-F1", "A3-F2"}
    assert any("plus d'un million" in s.says for s in quantity.sides)
    assert any("10,000–12,000" in s.says for s in quantity.sides)
    (role,) = role_discrepancies(fixed.digests, fixed.sources, entities)
    assert role.subject == "Sergei Shoigu"
    assert [s.article for s in role.sides] == [2, 5, 1]  # by publication date, undated last
    assert "ancien ministre" in role.sides[1].says and "ancien" not in role.sides[0].says
    start, end = role.sides[1].at or (0, 0)
    assert fixed.sources[5].raw[start:end] == role.sides[1].says
    (denial,) = denial_discrepancies(clusters)
    denied = {s.item.key for s in denial.sides if s.item and s.says == "denied"}
    assert denied == {"A2-F2", "A5-F2"}  # "ont nié ces allégations", "Pyongyang nie ces accusations"
    assert {s.article for s in denial.sides if s.says != "denied"} == {1, 3, 4}  # not 001 and 004 themselves


def test_briefing_shows_them_with_sources(fixed: Batch) -> None:
    text = render_briefing(fixed)
    assert "### Quantities that disagree: North Korea → Russia: supply of arms" in text
    assert "### Role differs between articles: Sergei Shoigu" in text
    assert "### Asserted in one article, denied in another" in text
    for key in ("A1-F1", "A3-F2", "A5-F2"):
        assert f"[^{key}]:" in text  # every cited fact has its footnote
    cited = set(re.findall(r"\[\^(A\d+-F\d+)\](?!:)", text))
    defined = set(re.findall(r"^\[\^(A\d+-F\d+)\]:", text, re.M))
    assert cited == defined
    assert "| 2024-06 | month |" in text  # "en juin 2024" placed with its precision


def test_same_digests_give_byte_identical_markdown(fixed: Batch) -> None:
    assert render_briefing(fixed) == render_briefing(fixed)


EVIL = (
    "Titre # heading\n\n"
    "Selon Kim, <script>alert(1)</script> la Corée du Nord a livré des obus à la Russie "
    "![x](http://evil.example/x.png) [link](javascript:alert(1)).\n"
    "# heading\n"
)


def test_source_and_model_text_cannot_inject_markup(tmp_path: Path) -> None:
    source = tmp_path / "evil.txt"
    source.write_text(EVIL, encoding="utf-8")
    digest = json.loads(next((EXAMPLES / "digests").glob("000_*.json")).read_text(encoding="utf-8"))
    digest["article"].update(
        path=str(source), title="# heading <script>x</script>", outlet="[link](javascript:alert(1))"
    )
    digest["facts"] = [{
        "id": "F1", "type": "event", "sentence": 2, "certainty": "reported",
        "quote": "la Corée du Nord a livré des obus à la Russie ![x](http://evil.example/x.png) [link](javascript:alert(1))",
        "statement": "North Korea delivered shells to Russia <script>alert(1)</script> ![x](http://evil.example/x.png)",
        "event": {"actor": "North Korea", "action": "delivered shells", "target": "Russia"},
    }]  # fmt: skip
    digest["summary"] = [{"text": "# heading [link](javascript:alert(1)) <img src=x>", "fact_ids": ["F1"]}]
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "evil.json").write_text(json.dumps(digest), encoding="utf-8")
    batch = load_batch([tmp_path / "d"])
    text = render_briefing(batch)
    for raw in ("<script>", "![x](", "[link](", "\n# heading", "<img src=x>"):
        assert raw not in text, raw
    for escaped in ("\\<script\\>", "\\!\\[x\\]\\(http\\://", "\\[link\\]\\(javascript", "\\# heading"):
        assert escaped in text, escaped
    headings = [line for line in text.splitlines() if line.startswith("#")]
    assert all(re.match(r"#{1,3} (Briefing|Key points|Timeline|Quantities|Who|Discrepancies|Entities|"
                        r"Articles|Appendix|Sources|A1)", line) for line in headings), headings  # fmt: skip
    html = to_html(text)
    assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
    assert 'href="http' not in html and "&lt;script&gt;" in html  # shown as text


@pytest.mark.parametrize(
    "text",
    ["<script>alert(1)</script>", "![x](http://e.example/x.png)", "# heading", "[link](javascript:alert(1))",
     "1. list", "- item", "> quote", "a | b", "www.evil.example", "http://evil.example", "`code`", "*em*"],
)  # fmt: skip
def test_md_renders_as_the_same_plain_text(text: str) -> None:
    html = to_html(f"- {md(text)}")
    inner = re.sub(r"</?(ul|li|p)>|\n", "", html)
    from html import unescape

    assert unescape(inner) == text and "<a " not in html and "<img" not in html


@needs_dicts
def test_snapshot_of_the_example_briefing(monkeypatch: pytest.MonkeyPatch) -> None:
    """examples/briefing.md is the briefing of examples/digests; after an intended change, regenerate
    it: summarizer briefing examples/digests --out examples/briefing.md --html examples/briefing.html"""
    monkeypatch.chdir(ROOT)
    text = render_briefing(load_batch([Path("examples/digests")]))
    assert text == (EXAMPLES / "briefing.md").read_text(encoding="utf-8")


def test_cli_briefing_writes_markdown_and_html(tmp_path: Path, fixed: Batch) -> None:
    folder = _fixed_digests(tmp_path / "digests")
    out, page = tmp_path / "b.md", tmp_path / "b.html"
    result = runner.invoke(app, ["briefing", str(folder), "--out", str(out), "--html", str(page), "-q"])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8") == render_briefing(fixed)
    html = page.read_text(encoding="utf-8")
    assert '<mark class="verified"' in html and "Sergueï Choïgou, ancien ministre" in html


def test_cli_bad_digest_is_named_and_the_rest_goes_on(tmp_path: Path) -> None:
    folder = _fixed_digests(tmp_path / "digests")
    (folder / "bad.json").write_text('{"schema_version": "1.1"}', encoding="utf-8")
    out = tmp_path / "b.md"
    result = runner.invoke(app, ["briefing", str(folder), "--out", str(out)])
    assert result.exit_code == 1
    assert (
        "bad.json: not a valid digest" in " ".join(result.output.split())
        and "Briefing: 5 articles" in out.read_text()
    )
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["briefing", str(empty), "--out", str(tmp_path / "x.md")])
    assert result.exit_code == 2 and not (tmp_path / "x.md").exists()


def test_missing_source_keeps_stored_checks_and_says_so(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    folder.mkdir()
    template = next((EXAMPLES / "digests").glob("002_*.json"))
    digest = json.loads(template.read_text(encoding="utf-8"))
    digest["article"]["path"] = "nowhere/002.txt"
    (folder / template.name).write_text(json.dumps(digest), encoding="utf-8")
    text = render_briefing(load_batch([folder]))
    assert "| Checked again | 0 of 1 digests against their sources |" in text
    assert "its stored checks are shown" in text


@needs_dicts
def test_exec_summary_is_kept_only_when_it_passes_the_check(tmp_path: Path) -> None:
    """A real answer of the local model (recorded): its sentences add words their cited facts lack
    ("indicates"), so it is left out. Then a
    sentence that says what its cited fact says (kept), and the same with an invented number (left out)."""
    from summarizer.backends.replay import ReplayBackend

    recording = ROOT / "tests" / "fixtures" / "recorded" / "briefing.jsonl"
    batch = load_batch([EXAMPLES / "digests"])
    items = items_of(batch.digests)
    real = exec_summary(ReplayBackend(recording), items)
    assert not real.sentences and "summary:words" in real.note
    assert "'indicates'" in real.note.split("summary:words:")[1].split("not in the cited facts")[0]

    row = json.loads(recording.read_text(encoding="utf-8").splitlines()[0])

    def replay(summary: list[dict[str, Any]]) -> ExecSummary:
        tampered = tmp_path / "answer.jsonl"
        tampered.write_text(
            json.dumps({**row, "text": json.dumps({"summary": summary})}) + "\n", encoding="utf-8"
        )
        return exec_summary(ReplayBackend(tampered), items)

    cited = re.findall(
        r"(F\d+): The Russian and North Korean leaders denied these allegations", row["last_message"]
    )
    denied = "The Russian and North Korean leaders denied these allegations."
    faithful: dict[str, Any] = {"text": denied, "fact_ids": cited}
    kept = replay([faithful])
    assert kept.sentences, kept.note
    assert {i.verdict for _, facts in kept.sentences for i in facts} == {"verified"}
    text = render_briefing(batch, kept)
    assert "## Executive summary" in text and "Left out" not in text.split("## Key points")[0]
    invented = [
        {
            **faithful,
            "text": denied + " They delivered 4,000,000 shells in 2019.",
        }
    ]
    rejected = replay(invented)
    assert not rejected.sentences and "summary:numbers" in rejected.note and "summary:dates" in rejected.note
    assert "*Left out: it failed the summary check" in render_briefing(batch, rejected)
    assert isinstance(rejected, ExecSummary)


@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium)")
def test_screenshot_of_the_html_briefing(tmp_path: Path) -> None:
    from PIL import Image

    page, png = tmp_path / "b.html", tmp_path / "b.png"
    result = runner.invoke(
        app,
        [
            "briefing",
            str(_fixed_digests(tmp_path / "d")),
            "--out",
            str(tmp_path / "b.md"),
            "--html",
            str(page),
            "-q",
        ],
    )
    assert result.exit_code == 0, result.output
    screenshot(page, png, 6000)
    image = Image.open(png).convert("RGB")
    counts = {rgb: n for n, rgb in image.getcolors(maxcolors=1 << 20) or []}
    # The briefing's text comes first (mostly dark text on the light page), then the sources with every
    # fact's span highlighted green (all fixed facts are verified).
    assert counts.get(GREEN, 0) > 5000, "no verified span highlighted"
    top = image.crop((0, 0, 1400, 1500))
    dark = sum(
        n for n, rgb in top.getcolors(maxcolors=1 << 20) or [] if isinstance(rgb, tuple) and sum(rgb) < 200
    )
    assert dark > 5000, "the briefing's text is not rendered at the top"
