"""Parts of the HTML views: the highlighted source text with fact-id labels, fact cards (English
statement beside the French span), summary sentences, the colour legend and the review buttons.

Anchors, for a fact ``F3`` of article ``A1``: its label in the text ``#span-A1-F3`` (linking to its
card), its card ``#card-A1-F3`` (linking to the label), a summary sentence ``#sum-A1-S2``. All source and
model text is escaped."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from summarizer.models import CheckResult, FactVerdict, SummaryVerdict
from summarizer.review_models import ReviewMark

_RANK = {"verified": 0, "partial": 1, "unsupported": 2}
_REVIEW_RANK = {"reject": 0, "stale": 1, "accept": 2}


@dataclass(frozen=True)
class Place:
    """Where an article's facts live: its number on the page (``A<n>``), and the digest folder and
    article id that ``summarizer review`` takes (``<article-id>-F3`` holds whatever the numbering)."""

    n: int
    folder: str
    article_id: str

    def key(self, item: str) -> str:
        """``F3`` → ``A1-F3``, the id shown on the page."""
        return f"A{self.n}-{item}"


def review_state(mark: ReviewMark | None) -> str:
    """``accept``, ``reject``, ``stale`` or "" (no review)."""
    return "" if mark is None else "stale" if mark.stale else mark.decision


def highlighted(raw: str, facts: Sequence[FactVerdict], place: Place) -> str:
    """The raw text, escaped, with each span wrapped in a <mark> of its worst covering verdict (and the
    review of a covering fact, rejection first), and a label with the fact's id where its span starts."""
    spans = [(f.check.span.start, f.check.span.end, f) for f in facts if f.check.span is not None]
    cuts = sorted({0, len(raw), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    parts = []
    for start, end in itertools.pairwise(cuts):
        for s, _, f in spans:
            if s == start:
                key = escape(place.key(f.id))
                parts.append(
                    f'<a class="fid {f.verdict}" id="span-{key}" href="#card-{key}" title="{key}: its card">'
                    f"{key}</a>"
                )
        piece = escape(raw[start:end])
        covering = [f for s, e, f in spans if s <= start and end <= e]
        if covering:
            worst = max(covering, key=lambda f: _RANK[f.verdict]).verdict
            ids = " ".join(place.key(f.id) for f in covering)
            states = sorted({review_state(f.review) for f in covering} - {""}, key=_REVIEW_RANK.__getitem__)
            review = f' data-review="{states[0]}"' if states else ""
            piece = f'<mark class="{worst}"{review} title="{escape(ids)}">{piece}</mark>'
        parts.append(piece)
    return "".join(parts)


def checks_list(checks: Sequence[CheckResult]) -> str:
    """The failed checks with their details, then the passed ones folded away."""
    failed = [c for c in checks if not c.ok]
    passed = [c for c in checks if c.ok]
    out = ""
    if failed:
        out += (
            '<ul class="failed">'
            + "".join(f'<li class="no">✗ <b>{escape(c.name)}</b>: {escape(c.detail)}</li>' for c in failed)
            + "</ul>"
        )
    if passed:
        items = "".join(f'<li class="ok">✓ <b>{escape(c.name)}</b>: {escape(c.detail)}</li>' for c in passed)
        out += f"<details><summary>{len(passed)} checks passed</summary><ul>{items}</ul></details>"
    return out


def _review(mark: ReviewMark | None, place: Place, item: str) -> str:
    """The review recorded (if any), then the buttons that add one to the commands box (with a script)."""
    out = ""
    if mark is not None:
        out += f'<p class="reviewed {review_state(mark)}">review: {escape(mark.describe())}</p>'
    return out + (
        f'<div class="review" data-dir="{escape(place.folder)}" '
        f'data-ref="{escape(f"{place.article_id}-{item}")}" data-key="{escape(place.key(item))}">'
        '<button type="button" data-decision="accept">Accept</button>'
        '<button type="button" data-decision="reject">Reject</button>'
        f'<input type="text" class="note" placeholder="note (why)" aria-label="note on {escape(place.key(item))}">'
        "</div>"
    )


def fact_card(f: FactVerdict, place: Place) -> str:
    """One fact: id (linked to its span), verdict, the English statement beside the French span, what was
    confirmed, the failed checks, the review, and the review buttons."""
    key = escape(place.key(f.id))
    span = f.check.span
    fid = (
        f'<a class="fid {f.verdict}" href="#span-{key}">{key}</a>'
        if span
        else f'<span class="fid">{key}</span>'
    )
    french = (
        f"«{escape(span.text)}»" if span else f"<i>quote not found in the source:</i> «{escape(f.quote)}»"
    )
    who = f" · said by {escape(f.attributed_to.name)}" if f.attributed_to else ""
    return (
        f'<div class="fact {f.verdict}" id="card-{key}"><div class="head">{fid} '
        f'<span class="badge">{f.verdict}</span> · {f.type} · {f.certainty}{who}</div>'
        f'<div class="pair"><div><small>English statement</small>{escape(f.statement)}</div>'
        f'<div lang="fr"><small>French span</small>{french}</div></div>'
        f'<div class="coverage">confirmed: {escape(f.check.coverage or "-")}</div>'
        f"{checks_list(f.check.checks)}{_review(f.review, place, f.id)}</div>"
    )


def summary_block(summary: Sequence[SummaryVerdict], facts: Sequence[FactVerdict], place: Place) -> str:
    """The article's summary sentences with their verdicts, failed checks, cited facts linked to their
    cards, and review buttons."""
    if not summary:
        return '<div class="summary"><b>Summary sentences:</b> none in the digest</div>'
    cards = {f.id for f in facts}
    rows = []
    for k, s in enumerate(summary, 1):
        key = escape(place.key(f"S{k}"))
        cited = ", ".join(
            f'<a href="#card-{escape(place.key(i))}">{escape(place.key(i))}</a>'
            if i in cards
            else escape(place.key(i))
            for i in s.fact_ids
        )
        failed = f' · <span class="no">failed: {escape(", ".join(s.failed))}</span>' if s.failed else ""
        rows.append(
            f'<li class="sentence {s.verdict}" id="sum-{key}"><span class="fid">{key}</span> '
            f'<span class="badge">{s.verdict}</span> {escape(s.text)} <small>cites {cited}{failed}</small>'
            f"{_review(s.review, place, f'S{k}')}</li>"
        )
    return f'<div class="summary"><b>Summary sentences</b><ol>{"".join(rows)}</ol></div>'


def legend(reviews: bool = True) -> str:
    """What the highlight colours (and review marks) mean."""
    out = (
        '<nav class="legend" aria-label="legend"><b>Highlights:</b> '
        '<span><mark class="verified">verified</mark> every check passed</span> '
        '<span><mark class="partial">partial</mark> found, some check not confirmed</span> '
        '<span><mark class="unsupported">unsupported</mark> not found, or a check contradicts it</span> '
    )
    if reviews:
        out += (
            '<span><span class="fid">A1-F3</span> fact id where its span starts (links to its card)</span> '
            "<b>Reviews:</b> "
            '<span><mark class="partial" data-review="accept">accepted</mark></span> '
            '<span><mark class="partial" data-review="reject">rejected</mark></span> '
            '<span><mark class="partial" data-review="stale">stale</mark> (changed since, not applied)</span>'
        )
    return out + "</nav>"
