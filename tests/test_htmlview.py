"""The HTML views: escaped, self-contained, and (in headless Chromium) showing spans highlighted by
verdict and labelled with their fact ids, every fact card, footnote and span linked to one another, the
legend, summary sentences, and review buttons that write ``summarizer review`` commands that run."""

from __future__ import annotations

import json
import re
import shlex
import shutil
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.htmlview import render_html
from summarizer.ingest import prepare
from summarizer.markdown import to_html
from summarizer.models import (
    ArticleVerify,
    CheckResult,
    FactCheck,
    FactVerdict,
    Span,
    SummaryVerdict,
    VerifyReport,
    VerifyTotals,
)
from summarizer.review_models import ReviewMark
from tests.conftest import CHROMIUM, ROOT, dump_dom, needs_dicts, screenshot

runner = CliRunner()
# Colours of htmldesk.CSS: .verified, .partial and .unsupported highlights, a verified fact's id label,
# a pressed Reject button (also an unsupported fact's label).
GREEN, YELLOW, RED = (0xB7, 0xE4, 0xB0), (0xFF, 0xE0, 0x8A), (0xF5, 0xA3, 0xA3)
LABEL_GREEN, PRESSED_RED = (0x1B, 0x5E, 0x20), (0x8E, 0x00, 0x00)
DIGESTS, SEEDS = ROOT / "examples" / "digests", ROOT / "seeds"
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium not installed (apt-get install chromium)"
)
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass(eq=False)
class El:
    """One element: tag, attributes, its text (entities decoded), and where it starts in the page's
    text without the fact-id labels (``at``)."""

    tag: str
    attrs: dict[str, str]
    parent: El | None
    at: int
    parts: list[str] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(self.parts)

    @property
    def classes(self) -> list[str]:
        return self.attrs.get("class", "").split()

    def inside(self, other: El) -> bool:
        el = self.parent
        while el is not None and el is not other:
            el = el.parent
        return el is other


class Dom(HTMLParser):
    """A page's elements in document order, and its text with the fact-id labels left out (``plain``)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[El] = []
        self.plain = ""
        self._open: list[El] = []
        self.feed(html)
        self.close()
        self.by_id = {e.attrs["id"]: e for e in self.elements if "id" in e.attrs}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = El(tag, {k: v or "" for k, v in attrs}, self._open[-1] if self._open else None, len(self.plain))
        self.elements.append(el)
        if tag not in _VOID:
            self._open.append(el)

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i:]
                break

    def handle_data(self, data: str) -> None:
        for el in self._open:
            el.parts.append(data)
        if not any("fid" in el.classes for el in self._open):
            self.plain += data

    def find(self, tag: str, cls: str | None = None, within: El | None = None) -> list[El]:
        return [
            e
            for e in self.elements
            if e.tag == tag and (cls is None or cls in e.classes) and (within is None or e.inside(within))
        ]


def _flat(text: str) -> str:
    return " ".join(text.split())


def _colours(png: Path, box: tuple[int, int, int, int] | None = None) -> dict[tuple[int, ...], int]:
    from PIL import Image

    image = Image.open(png).convert("RGB")
    if box is not None:
        image = image.crop(box)
    return {rgb: n for n, rgb in image.getcolors(maxcolors=1 << 22) or [] if isinstance(rgb, tuple)}


def test_source_text_is_escaped() -> None:
    article = prepare(
        "evil", "evil.txt", "Titre\n\n<script>alert(1)</script> texte <b>gras</b>.", "utf-8", "txt"
    )
    totals = VerifyTotals(
        digests=1, errors=0, changed_sources=0, facts=0, verified=0, partial=0, unsupported=0
    )
    report = VerifyReport(judge=None, articles=[], totals=totals)
    page = render_html(report, [(article, ArticleVerify(digest="<d>.json", source="evil.txt"))])
    assert "<script>alert" not in page and "&lt;script&gt;" in page and "&lt;d&gt;.json" in page
    assert page.count("<script") == 1  # the page's own review script, and nothing else
    assert "http" not in page.replace("http-equiv", "")  # nothing external to load


@needs_dicts
@needs_chromium
def test_screenshot_shows_highlighted_spans(tmp_path: Path) -> None:
    from PIL import Image

    page = tmp_path / "view.html"
    (digest,) = (ROOT / "examples" / "digests").glob("002_*.json")
    result = runner.invoke(app, ["verify", str(digest), "--html", str(page), "-q"])
    assert result.exit_code == 1 and page.is_file()
    png = tmp_path / "view.png"
    screenshot(page, png, 1000)
    image = Image.open(png).convert("RGB")
    colors = image.getcolors(maxcolors=1 << 20) or []
    counts = {rgb: n for n, rgb in colors}
    # Seed 002 has verified and partial spans: both highlights must be visible.
    assert counts.get(GREEN, 0) > 2000, "no verified span highlighted"
    assert counts.get(YELLOW, 0) > 2000, "no partial span highlighted"
    # Each verified span starts with its fact id on a dark green label, in the source text (left half).
    assert _colours(png, (0, 0, 700, 1000)).get(LABEL_GREEN, 0) > 300, "no fact id label on the spans"
    # The legend, under the header, shows the three highlight colours.
    legend = _colours(png, (0, 40, 1400, 130))
    assert all(legend.get(c, 0) > 100 for c in (GREEN, YELLOW, RED)), "no colour legend at the top"


def test_cards_sentences_and_review_boxes_are_escaped() -> None:
    """Statements, quotes, check details, review notes and the digest folder reach the page (and the
    review buttons' data, which the script shell-quotes) as text, never as markup."""
    raw = "Titre\n\nLa Corée du Nord a livré <b>des obus</b> à la Russie."
    article = prepare("evil", "evil.txt", raw, "utf-8", "txt")
    start = raw.index("La Corée")
    span = Span(start=start, end=len(raw) - 1, text=raw[start:-1])
    check = FactCheck(
        alignment="exact",
        score=100,
        span=span,
        checks=[CheckResult(name="words", ok=False, detail="'<img src=x>' without a counterpart")],
        verdict="partial",
        coverage="names 1/1 · words 3/4",
    )
    fact = FactVerdict(
        id="F1",
        type="event",
        statement="North Korea sent <script>alert(1)</script> '$(rm -rf ~)'.",
        quote="<q>",
        certainty="asserted",
        verdict="partial",
        failed=["words"],
        check=check,
        review=ReviewMark(decision="reject", by="<ana>", at="2025-01-31T09:30:00Z", note="<i>heading</i>"),
    )
    sentence = SummaryVerdict(
        text="Shells <em>sent</em>.", fact_ids=["F1", "F9"], verdict="partial", failed=[]
    )
    totals = VerifyTotals(
        digests=1, errors=0, changed_sources=0, facts=1, verified=0, partial=1, unsupported=0
    )
    report = VerifyReport(judge=None, articles=[], totals=totals)
    entry = ArticleVerify(digest='we"ird <dir>/x.json', source="evil.txt", facts=[fact], summary=[sentence])
    page = render_html(report, [(article, entry)])
    for markup in ("<script>alert", "<b>des", "<img", "<q>", "<i>heading", "<ana>", "<em>", "<dir>"):
        assert markup not in page, markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &#x27;$(rm -rf ~)&#x27;" in page
    assert "review: rejected by &lt;ana&gt;: &lt;i&gt;heading&lt;/i&gt;" in page
    assert 'data-dir="we&quot;ird &lt;dir&gt;" data-ref="x-F1" data-key="A1-F1"' in page
    assert 'data-ref="x-S1" data-key="A1-S1"' in page and 'href="#card-A1-F1"' in page
    assert 'href="#card-A1-F9"' not in page  # a cited fact with no card is named, not linked
    assert "http" not in page.replace("http-equiv", "")


def test_footnote_markers_show_fact_ids_and_link_to_spans() -> None:
    html = to_html("a[^A1-F1] b[^A1-F1] c[^A2-F3]\n\n[^A1-F1]: one\n[^A2-F3]: two\n", spans=["A1-F1"])
    markers = re.findall(
        r'<sup class="footnote-ref"><a href="#fn-([^"]+)" id="fnref-[^"]+">([^<]+)</a>', html
    )
    assert markers == [("A1-F1", "A1-F1"), ("A1-F1", "A1-F1"), ("A2-F3", "A2-F3")]
    assert '<li id="fn-A1-F1"' in html and '<li id="fn-A2-F3"' in html and "[1]" not in html
    assert html.count('class="to-span"') == 1 and 'href="#span-A1-F1"' in html  # A2-F3 has no span here


@pytest.fixture(scope="module")
def examples_verify(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, VerifyReport]:
    """``verify examples/digests --html --json``: the page and the report."""
    folder = tmp_path_factory.mktemp("verify")
    page, out = folder / "v.html", folder / "v.json"
    args = ["verify", str(DIGESTS), "--sources", str(SEEDS), "--html", str(page), "--json", str(out), "-q"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1, result.output  # some facts are partial
    return page, VerifyReport.model_validate_json(out.read_text(encoding="utf-8"))


@needs_chromium
def test_verify_page_links_each_fact_to_its_labelled_span(
    examples_verify: tuple[Path, VerifyReport], tmp_path: Path
) -> None:
    page, report = examples_verify
    dom = Dom(dump_dom(page, tmp_path / "profile"))
    legend = dom.find("nav", "legend")[0]
    assert [m.classes[0] for m in dom.find("mark", within=legend)][:3] == [
        "verified",
        "partial",
        "unsupported",
    ]
    assert {m.attrs.get("data-review") for m in dom.find("mark", within=legend)} >= {
        "accept",
        "reject",
        "stale",
    }
    cards = dom.find("div", "fact")
    facts = [(n, a, f) for n, a in enumerate(report.articles, 1) for f in a.facts]
    assert len(cards) == len(facts) == report.totals.facts > 40
    located = 0
    for card, (n, a, f) in zip(cards, facts, strict=True):
        key, text = f"A{n}-{f.id}", _flat(card.text)
        assert card.attrs["id"] == f"card-{key}" and f.verdict in card.classes
        assert _flat(f.statement) in text and f"confirmed: {_flat(f.check.coverage or '-')}" in text
        assert all(_flat(f"✗ {c.name}: {c.detail}") in text for c in f.check.checks if not c.ok)
        (review,) = dom.find("div", "review", within=card)
        assert review.attrs["data-ref"] == f"{Path(a.digest).stem}-{f.id}"
        assert review.attrs["data-dir"] == str(DIGESTS)
        links = dom.find("a", "fid", within=card)
        if f.check.span is None:
            assert not links and "quote not found" in text
            continue
        located += 1
        assert _flat(f"«{f.check.span.text}»") in text  # the French span beside the statement
        assert [(e.text, e.attrs["href"]) for e in links] == [(key, f"#span-{key}")]
        label = dom.by_id[f"span-{key}"]  # the card's link leads to a label in the source text …
        assert label.text == key and label.attrs["href"] == f"#card-{key}"  # … which links back
        (source,) = [e for e in dom.find("div", "text") if label.inside(e)]
        assert card.parent is not None and source.parent is card.parent.parent  # the same article
        # the label sits where the span starts in the source text
        assert dom.plain[label.at : label.at + len(f.check.span.text)] == f.check.span.text
        assert label.at - source.at == f.check.span.start
    assert located > 40
    sentences = dom.find("li", "sentence")
    lines = [(n, k, s) for n, a in enumerate(report.articles, 1) for k, s in enumerate(a.summary, 1)]
    assert len(sentences) == len(lines) > 3
    for li, (n, k, s) in zip(sentences, lines, strict=True):
        assert (
            li.attrs["id"] == f"sum-A{n}-S{k}" and s.verdict in li.classes and _flat(s.text) in _flat(li.text)
        )
        cited = [e.attrs["href"] for e in dom.find("a", within=li)]
        assert cited == [f"#card-A{n}-{i}" for i in s.fact_ids if f"card-A{n}-{i}" in dom.by_id]
        assert dom.find("div", "review", within=li)[0].attrs["data-ref"].endswith(f"-S{k}")
    assert "hidden" not in dom.by_id["desk"].attrs  # the script ran and showed the commands box
    off = Dom(page.read_text(encoding="utf-8"))  # as served, before (or without) the script
    assert "hidden" in off.by_id["desk"].attrs and off.find("button")  # no script: buttons do nothing


_CLICKS = """<script>
var reviews = document.querySelectorAll(".fact .review");
var note = reviews[0].querySelector("input.note");
note.value = NOTE;
note.dispatchEvent(new Event("input", {bubbles: true}));
reviews[0].querySelector("[data-decision=reject]").click();
reviews[1].querySelector("[data-decision=accept]").click();
reviews[1].querySelector("[data-decision=accept]").click();  // twice: undone
document.querySelector(".sentence .review [data-decision=accept]").click();
var out = document.createElement("pre");
out.id = "test-out";
out.textContent = document.getElementById("desk-commands").value;
document.body.appendChild(out);
</script>"""


@needs_chromium
def test_review_buttons_write_commands_that_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Clicking Reject with a note, Accept twice (undone) and Accept on a summary sentence writes two
    shell-quoted commands; run, they record the reviews, and the page made again shows them."""
    folder = tmp_path / "desk's $(dir)"
    folder.mkdir()
    (digest,) = DIGESTS.glob("002_*.json")
    shutil.copy(digest, folder / digest.name)
    page = tmp_path / "v.html"
    args = ["verify", str(folder), "--sources", str(SEEDS), "--html", str(page), "-q"]
    assert runner.invoke(app, args).exit_code == 1
    note = 'it\'s "odd": $(touch pwned) `x` <b>bold</b> & more'
    clicked = tmp_path / "clicked.html"
    clicked.write_text(page.read_text(encoding="utf-8") + _CLICKS.replace("NOTE", json.dumps(note)), "utf-8")
    dom = Dom(dump_dom(clicked, tmp_path / "profile"))
    article = json.loads(digest.read_text(encoding="utf-8"))["article"]["id"]
    commands = dom.by_id["test-out"].text.splitlines()
    where = shlex.quote(str(folder))
    assert commands == [  # in page order: summary sentences first, then the facts
        f"summarizer review {where} {article}-S1 --accept",
        f"summarizer review {where} {article}-F1 --reject --note {shlex.quote(note)}",
    ]
    assert shlex.split(commands[1])[2:] == [str(folder), f"{article}-F1", "--reject", "--note", note]

    # The pressed Reject button shows in the page (dark red), the untouched page has less of that red.
    before, after = tmp_path / "before.png", tmp_path / "after.png"
    screenshot(page, before, 4000)  # tall enough to reach F1's card below the summary sentences
    screenshot(clicked, after, 4000)
    pressed = _colours(after).get(PRESSED_RED, 0) - _colours(before).get(PRESSED_RED, 0)
    assert pressed > 600, "the pressed Reject button does not show"

    monkeypatch.setenv("USER", "tester")
    for command in commands:
        result = runner.invoke(app, shlex.split(command)[1:])
        assert result.exit_code == 0, result.output
    assert runner.invoke(app, args).exit_code == 1
    again = Dom(page.read_text(encoding="utf-8"))
    assert f"review: rejected by tester: {note}" in _flat(again.by_id["card-A1-F1"].text)
    assert "review: accepted by tester" in _flat(again.by_id["sum-A1-S1"].text)
    assert any(m.attrs.get("data-review") == "reject" for m in again.find("mark"))


@needs_chromium
def test_briefing_page_footnotes_cards_and_spans(tmp_path: Path) -> None:
    page = tmp_path / "b.html"
    args = ["briefing", str(DIGESTS), "--sources", str(SEEDS), "--out", str(tmp_path / "b.md")]
    result = runner.invoke(app, [*args, "--html", str(page), "-q"])
    assert result.exit_code == 0, result.output
    dom = Dom(dump_dom(page, tmp_path / "profile"))
    markers = [a for sup in dom.find("sup", "footnote-ref") for a in dom.find("a", within=sup)]
    assert len(markers) > 10
    for a in markers:  # the marker is the fact id, and leads to its footnote
        assert re.fullmatch(r"A[0-9]+-F[0-9]+", a.text), a.text
        assert a.attrs["href"] == f"#fn-{a.text}" and f"fn-{a.text}" in dom.by_id
    notes = dom.find("li", "footnote-item")
    assert {n.attrs["id"] for n in notes} == {f"fn-{a.text}" for a in markers}
    for n in notes:  # each footnote leads to its span, labelled with its id and linked to its card
        key = n.attrs["id"].removeprefix("fn-")
        (to_span,) = dom.find("a", "to-span", within=n)
        label = dom.by_id[to_span.attrs["href"].removeprefix("#")]
        assert (
            label.text == key
            and dom.by_id[label.attrs["href"].removeprefix("#")].attrs["id"] == f"card-{key}"
        )
    cards = dom.find("div", "fact")
    assert len(cards) > 40 and dom.find("nav", "legend") and dom.find("li", "sentence")
    for card in cards:
        for a in dom.find("a", "fid", within=card):
            assert a.attrs["href"].removeprefix("#") in dom.by_id
        assert dom.find("div", "review", within=card)[0].attrs["data-dir"] == str(DIGESTS)

    # The sources (the Markdown hidden to bring them to the top): spans highlighted and labelled.
    sources, png = tmp_path / "sources.html", tmp_path / "sources.png"
    sources.write_text(page.read_text(encoding="utf-8") + "<style>main{display:none}</style>", "utf-8")
    screenshot(sources, png, 1400)
    counts = _colours(png, (0, 0, 700, 1400))
    assert counts.get(GREEN, 0) + counts.get(YELLOW, 0) > 5000, "no span highlighted"
    assert counts.get(LABEL_GREEN, 0) + counts.get((0x7A, 0x5A, 0x00), 0) > 300, "no fact id labels"
