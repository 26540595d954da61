"""How an analyst's reviews show in the briefing: which summary sentences reach the body, the mark after
a reviewed line, the header's review row, stale reviews as notes, and the appendix's review lines."""

from __future__ import annotations

from collections.abc import Mapping

from summarizer.markdown import md
from summarizer.models import SummaryLine
from summarizer.review_models import ReviewMark


def tag(mark: ReviewMark | None) -> str:
    """`` *(accepted by ana: note)*`` after a line whose review applies, else nothing."""
    return f" *({md(mark.describe())})*" if mark is not None and not mark.stale else ""


def sentence_used(line: SummaryLine, mark: ReviewMark | None, rejected: set[str]) -> bool:
    """A summary sentence reaches the body when verified and not rejected, or partial and accepted, and
    it cites no rejected fact."""
    verdict = line.check.verdict if line.check else "unsupported"
    decision = mark.decision if mark is not None and not mark.stale else None
    if rejected & set(line.fact_ids):
        return False
    return (verdict == "verified" and decision != "reject") or (verdict == "partial" and decision == "accept")


def header_row(marks: Mapping[str, ReviewMark]) -> list[str]:
    """The header's ``Reviews`` row: counts of accepted, rejected and stale (none without reviews)."""
    if not marks:
        return []
    applied = [m for m in marks.values() if not m.stale]
    accepted = sum(m.decision == "accept" for m in applied)
    return [
        f"| Reviews | {len(marks)}: {accepted} accepted, {len(applied) - accepted} rejected,"
        f" {len(marks) - len(applied)} stale (not applied) |"
    ]


def stale_notes(marks: Mapping[str, ReviewMark]) -> list[str]:
    """One note per stale review (plain text, to be escaped)."""
    return [
        f"stale review of {key} ({m.decision}ed by {m.by}, {m.at}): changed since; not applied"
        for key, m in marks.items()
        if m.stale
    ]


def appendix_lines(mark: ReviewMark | None, verdict: str) -> list[str]:
    """The appendix's review line: why a fact or sentence is there, or why its review was not applied."""
    if mark is None:
        return []
    why = ""
    if not mark.stale and mark.decision == "accept" and verdict == "unsupported":
        why = " (not applied: a check contradicts it)"
    return [f"  - review: {md(mark.describe())}{why}"]
