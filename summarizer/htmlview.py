"""HTML view of a verify run: one self-contained page (no script, no external resource) showing each
article's raw text with every fact's span highlighted by verdict, and the facts with their checks beside
it (for claims: each claim's evidence sentences, the one its verdict rests on highlighted). All source
and model text is escaped."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from html import escape
from pathlib import Path

from summarizer.ingest import Article
from summarizer.models import ArticleVerify, ClaimCheck, ClaimReport, Digest, FactVerdict, VerifyReport

_RANK = {"verified": 0, "partial": 1, "unsupported": 2}
_CSS = """
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f6f6f4;color:#222}
header{padding:12px 24px;background:#222;color:#fff}
section{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;padding:16px 24px;border-bottom:1px solid #ccc}
h2{grid-column:1/-1;margin:0;font-size:17px}
.text{white-space:pre-wrap;background:#fff;padding:12px;border:1px solid #ddd;font-family:Georgia,serif}
mark{padding:1px 0;border-radius:2px}
.verified{background:#b7e4b0}.partial{background:#ffe08a}.unsupported{background:#f5a3a3}
.fact{background:#fff;border:1px solid #ddd;border-left:6px solid #999;padding:8px;margin-bottom:8px}
.fact.verified{border-left-color:#2e8b3a;background:#fff}.fact.partial{border-left-color:#d9a400;background:#fff}
.fact.unsupported{border-left-color:#c62828;background:#fff}
.badge{font-weight:bold;text-transform:uppercase;font-size:12px}
ul{margin:4px 0 0 0;padding-left:18px;font-size:13px}.ok{color:#2e7d32}.no{color:#c62828}
.error{color:#c62828;grid-column:1/-1}
main{padding:8px 24px;max-width:1100px}main table{border-collapse:collapse;margin:8px 0;background:#fff}
main td,main th{border:1px solid #ccc;padding:4px 8px;vertical-align:top;font-size:14px}
.footnotes{font-size:13px}
"""


def _highlighted(raw: str, facts: Sequence[FactVerdict]) -> str:
    """The raw text, escaped, with each span wrapped in a <mark> of its worst covering verdict."""
    spans = [(f.check.span.start, f.check.span.end, f) for f in facts if f.check.span is not None]
    cuts = sorted({0, len(raw), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    parts = []
    for start, end in itertools.pairwise(cuts):
        piece = escape(raw[start:end])
        covering = [f for s, e, f in spans if s <= start and end <= e]
        if covering:
            worst = max(covering, key=lambda f: _RANK[f.verdict]).verdict
            ids = " ".join(f.id for f in covering)
            piece = f'<mark class="{worst}" title="{escape(ids)}">{piece}</mark>'
        parts.append(piece)
    return "".join(parts)


def _fact_card(f: FactVerdict) -> str:
    checks = "".join(
        f'<li class="{"ok" if c.ok else "no"}">{"✓" if c.ok else "✗"} <b>{escape(c.name)}</b>: {escape(c.detail)}</li>'
        for c in f.check.checks
    )
    return (
        f'<div class="fact {f.verdict}"><span class="badge">{escape(f.id)} · {f.verdict}</span>'
        f'<div>{escape(f.statement)}</div><div class="coverage">confirmed: {escape(f.check.coverage or "-")}</div>'
        f"<ul>{checks}</ul></div>"
    )


def _section(article: Article | None, a: ArticleVerify) -> str:
    title = escape(f"{a.digest} ← {a.source or 'no source'}")
    changed = " (source changed since the digest was made)" if a.source_changed else ""
    if article is None or a.error:
        return f'<section><h2>{title}</h2><p class="error">{escape(a.error or "no source")}</p></section>'
    text = _highlighted(article.raw, a.facts)
    cards = "".join(_fact_card(f) for f in a.facts)
    return f'<section><h2>{title}{escape(changed)}</h2><div class="text">{text}</div><div>{cards}</div></section>'


def render_html(report: VerifyReport, pages: Sequence[tuple[Article | None, ArticleVerify]]) -> str:
    """The whole page as a string."""
    t = report.totals
    head = (
        f"{t.digests} digests · {t.facts} facts: {t.verified} verified, {t.partial} partial, "
        f"{t.unsupported} unsupported · judge: {report.judge or 'none'}"
    )
    body = "".join(_section(article, a) for article, a in pages)
    return _page("summarizer verify", f"<header><b>summarizer verify</b> · {escape(head)}</header>{body}")


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{_CSS}</style></head><body>{body}</body></html>\n"
    )


def render_briefing_html(markdown: str, sources: Sequence[tuple[Path, Digest, Article]]) -> str:
    """The briefing as one page: the Markdown rendered (escaped text stays text), then each source
    with its fact spans highlighted by verdict, as in the verify view."""
    from summarizer.markdown import to_html
    from summarizer.verify import article_report

    views = "".join(
        _section(article, article_report(path, article, digest)) for path, digest, article in sources
    )
    return _page(
        "summarizer briefing",
        f"<header><b>summarizer briefing</b></header><main>{to_html(markdown)}</main>"
        f"<header><b>Sources, spans highlighted by verdict</b></header>{views}",
    )


def write_html(
    path: Path, report: VerifyReport, pages: Sequence[tuple[Article | None, ArticleVerify]]
) -> None:
    from summarizer.render import write_text

    write_text(path, render_html(report, pages))


def _claim_section(c: ClaimCheck, article: Article | None) -> str:
    """One claim: its verdict and checks beside the evidence sentences, the one the verdict rests on
    highlighted by verdict."""
    title = escape(f"{c.id + ': ' if c.id else ''}{c.claim} ← {c.source}")
    if c.error is not None or article is None:
        return f'<section><h2>{title}</h2><p class="error">{escape(c.error or "no article")}</p></section>'
    sentences = []
    for n in c.evidence:
        text = escape(article.sentences[n - 1].text)
        if n == c.sentence:
            text = f'<mark class="{c.verdict}">{text}</mark>'
        sentences.append(f"<p><b>[{n}]</b> {text}</p>")
    checks = "".join(
        f'<li class="{"ok" if x.ok else "no"}">{"✓" if x.ok else "✗"} <b>{escape(x.name)}</b>: {escape(x.detail)}</li>'
        for x in c.checks
    )
    card = f'<div class="fact {c.verdict}"><span class="badge">{c.verdict}</span><ul>{checks}</ul></div>'
    evidence = "".join(sentences) or "<p>no sentence matches the claim</p>"
    return f'<section><h2>{title}</h2><div class="text">{evidence}</div><div>{card}</div></section>'


def render_claims_html(report: ClaimReport, articles: Sequence[Article | None]) -> str:
    """The claims of a ``verify --claim/--claims`` run as one page (``articles``: each claim's article)."""
    verdicts = [c.verdict for c in report.claims if c.error is None]
    head = (
        f"{len(report.claims)} claims: {verdicts.count('verified')} verified, {verdicts.count('partial')} "
        f"partial, {verdicts.count('unsupported')} unsupported, "
        f"{sum(c.error is not None for c in report.claims)} not checked · judge: {report.judge or 'none'}"
    )
    body = "".join(_claim_section(c, a) for c, a in zip(report.claims, articles, strict=True))
    return _page(
        "summarizer verify --claims", f"<header><b>summarizer verify</b> · {escape(head)}</header>{body}"
    )


def write_claims_html(path: Path, report: ClaimReport, articles: Sequence[Article | None]) -> None:
    from summarizer.render import write_text

    write_text(path, render_claims_html(report, articles))
