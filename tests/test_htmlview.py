"""The HTML view of a verify run: escaped, self-contained, and (in headless Chromium) showing spans
highlighted by verdict."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from summarizer.cli import app
from summarizer.htmlview import render_html
from summarizer.ingest import prepare
from summarizer.models import ArticleVerify, VerifyReport, VerifyTotals
from tests.conftest import CHROMIUM, ROOT, needs_dicts, screenshot

runner = CliRunner()
GREEN, YELLOW = (0xB7, 0xE4, 0xB0), (0xFF, 0xE0, 0x8A)  # .verified and .partial in htmlview._CSS


def test_source_text_is_escaped() -> None:
    article = prepare(
        "evil", "evil.txt", "Titre\n\n<script>alert(1)</script> texte <b>gras</b>.", "utf-8", "txt"
    )
    totals = VerifyTotals(
        digests=1, errors=0, changed_sources=0, facts=0, verified=0, partial=0, unsupported=0
    )
    report = VerifyReport(judge=None, articles=[], totals=totals)
    page = render_html(report, [(article, ArticleVerify(digest="<d>.json", source="evil.txt"))])
    assert "<script>" not in page and "&lt;script&gt;" in page and "&lt;d&gt;.json" in page
    assert "http" not in page.replace("http-equiv", "")  # nothing external to load


@needs_dicts
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium not installed (apt-get install chromium)")
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
