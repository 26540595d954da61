"""HTML view of a verify run: one self-contained page (an inline script, no external resource) showing
each article's raw text with every fact's span highlighted by verdict and labelled with its id, the
facts (English statement beside the French span, checks, review) and summary sentences beside it, a
colour legend, and review buttons that collect ``summarizer review`` commands (``htmldesk``); for
claims, each claim's evidence sentences, the one its verdict rests on highlighted. All source and model
text is escaped."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from html import escape
from pathlib import Path

from summarizer.htmldesk import CSS, DESK
from summarizer.htmlparts import Place, checks_list, fact_card, highlighted, legend, summary_block
from summarizer.ingest import Article
from summarizer.models import ArticleVerify, ClaimCheck, ClaimReport, Digest, VerifyReport
from summarizer.review_models import ReviewMark


def _section(article: Article | None, a: ArticleVerify, place: Place) -> str:
    title = escape(f"A{place.n} · {a.digest} ← {a.source or 'no source'}")
    changed = " (source changed since the digest was made)" if a.source_changed else ""
    if article is None or a.error:
        return f'<section><h2>{title}</h2><p class="error">{escape(a.error or "no source")}</p></section>'
    text = highlighted(article.raw, a.facts, place)
    cards = "".join(fact_card(f, place) for f in a.facts)
    return (
        f'<section><h2>{title}{escape(changed)}</h2><div class="text">{text}</div>'
        f"<div>{summary_block(a.summary, a.facts, place)}{cards}</div></section>"
    )


def _place(n: int, a: ArticleVerify) -> Place:
    """Article ``A<n>`` of a verify page: its digest's folder and article id (the file name when the
    digest cannot be read again)."""
    from summarizer.verify import load_digest

    path = Path(a.digest)
    try:
        article_id = load_digest(path).article.id if a.facts or a.summary else path.stem
    except ValueError:
        article_id = path.stem
    return Place(n, str(path.parent), article_id)


def render_html(report: VerifyReport, pages: Sequence[tuple[Article | None, ArticleVerify]]) -> str:
    """The whole page as a string."""
    t = report.totals
    head = (
        f"{t.digests} digests · {t.facts} facts: {t.verified} verified, {t.partial} partial, "
        f"{t.unsupported} unsupported · judge: {report.judge or 'none'}"
    )
    body = "".join(_section(article, a, _place(n, a)) for n, (article, a) in enumerate(pages, 1))
    return _page(
        "summarizer verify",
        f"<header><b>summarizer verify</b> · {escape(head)}</header>{legend()}{body}{DESK}",
    )


def _page(title: str, body: str) -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
        f"<style>{CSS}</style></head><body>{body}</body></html>\n"
    )


def render_briefing_html(
    markdown: str,
    sources: Sequence[tuple[int, Path, Digest, Article]],
    reviews: Mapping[str, ReviewMark] | None = None,
) -> str:
    """The briefing as one page: the Markdown rendered (escaped text stays text; footnote markers show
    the fact ids and each footnote links to its span), then each source (``A<n>``, its digest file, the
    digest checked again, the article) with its fact spans highlighted by verdict, as in the verify view,
    with the analyst's ``reviews`` (``A<n>-F<m>`` / ``A<n>-S<k>`` → mark)."""
    from summarizer.markdown import to_html
    from summarizer.verify import article_report

    reviews = reviews or {}
    views, spans = [], []
    for n, path, digest, article in sources:
        report, place = article_report(path, article, digest), Place(n, str(path.parent), digest.article.id)
        for f in report.facts:
            f.review = reviews.get(place.key(f.id))
            if f.check.span is not None:
                spans.append(place.key(f.id))
        for k, s in enumerate(report.summary, 1):
            s.review = reviews.get(place.key(f"S{k}"))
        views.append(_section(article, report, place))
    return _page(
        "summarizer briefing",
        f"<header><b>summarizer briefing</b></header><main>{to_html(markdown, spans)}</main>"
        f"<header><b>Sources, spans highlighted by verdict</b></header>{legend()}{''.join(views)}{DESK}",
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
    which = f"French sentence [{c.sentence}]" if c.sentence else "French sentence"
    card = (
        f'<div class="fact {c.verdict}"><div class="head"><span class="badge">{c.verdict}</span>'
        f'{escape(f" · {c.id}") if c.id else ""}</div><div class="pair"><div><small>English claim</small>'
        f'{escape(c.claim)}</div><div lang="fr"><small>{which}</small>{escape(c.sentence_text) or "none"}'
        f"</div></div>{checks_list(c.checks)}</div>"
    )
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
        "summarizer verify --claims",
        f"<header><b>summarizer verify</b> · {escape(head)}</header>{legend(reviews=False)}{body}",
    )


def write_claims_html(path: Path, report: ClaimReport, articles: Sequence[Article | None]) -> None:
    from summarizer.render import write_text

    write_text(path, render_claims_html(report, articles))
