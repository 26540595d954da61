"""Export: one row per fact of a batch of digests, as CSV or JSON Lines, for pandas and spreadsheets.

Rows come from a briefing's batch (``batch.load_batch``): each digest checked again against its source
(stored checks only when the source is missing, and the row says so), with the analyst's reviews.
CSV cells that a spreadsheet would read as a formula (starting with = + - @, a tab or a carriage
return) are prefixed with ``'``; JSON Lines keep every value as it is.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date

from summarizer.batch import Batch
from summarizer.consolidate import items_of

Row = dict[str, str | int | bool | None]

LAYOUT = "1.0"  # the columns below, in this order; new columns only at the end (minor version bump)

COLUMNS: tuple[str, ...] = (
    "article_id",  # the digest's article id
    "outlet",
    "published",  # as found in the article (ISO 8601 date or date-time), or empty
    "fact_id",  # F5, as in the digest
    "ref",  # A3-F5: article 3 of the batch, as the briefing and `summarizer review` name it
    "type",  # quantity | event | relation | claim
    "verdict",  # verified | partial | unsupported
    "confirmed",  # the check's coverage line: what the checker confirmed
    "failed_checks",  # names of the failed checks, "; "-separated
    "certainty",
    "attributed_to",  # who says it (English name), or empty
    "statement",  # English
    "quote",  # the French quote the fact was made from
    "source_file",  # the article's recorded path
    "start",  # the span's offsets: code points into the raw source, half-open [start, end)
    "end",
    "sentence",  # the number of the sentence holding the span
    "rechecked",  # checked again against the source now (false: the digest's stored check)
    "review",  # accept | reject | empty
    "review_by",
    "review_note",
    "review_stale",  # the fact changed since the review: the review is not applied
)

_FORMULA = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Filters:
    """Which facts to export; an empty set lets everything through."""

    verdicts: frozenset[str] = field(default_factory=frozenset)
    outlets: frozenset[str] = field(default_factory=frozenset)  # compared case-insensitively
    since: date | None = None  # published on or after this day (undated articles are left out)

    def keeps(self, row: Row) -> bool:
        if self.verdicts and row["verdict"] not in self.verdicts:
            return False
        outlet = str(row["outlet"] or "").casefold()
        if self.outlets and outlet not in {o.casefold() for o in self.outlets}:
            return False
        if self.since is not None:
            day = _day(row["published"])
            return day is not None and day >= self.since
        return True


def _day(published: object) -> date | None:
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def fact_rows(batch: Batch, filters: Filters | None = None) -> list[Row]:
    """One row per fact of the batch (in article, then fact order) that passes ``filters``."""
    filters = filters or Filters()
    rows = []
    for item in items_of(batch.digests, batch.reviews):
        meta, fact, check, mark = item.digest.article, item.fact, item.fact.check, item.review
        span = check.span if check else None
        row: Row = {
            "article_id": meta.id,
            "outlet": meta.outlet,
            "published": meta.published,
            "fact_id": fact.id,
            "ref": item.key,
            "type": fact.type,
            "verdict": item.verdict,
            "confirmed": check.coverage if check else "",
            "failed_checks": "; ".join(item.failed()),
            "certainty": fact.certainty,
            "attributed_to": fact.attributed_to.name if fact.attributed_to else None,
            "statement": fact.statement,
            "quote": fact.quote,
            "source_file": meta.path,
            "start": span.start if span else None,
            "end": span.end if span else None,
            "sentence": check.sentence if check else None,
            "rechecked": item.article in batch.sources,
            "review": mark.decision if mark else None,
            "review_by": mark.by if mark else None,
            "review_note": mark.note if mark else None,
            "review_stale": mark.stale if mark else None,
        }
        if filters.keeps(row):
            rows.append(row)
    return rows


def guard(cell: str) -> str:
    """A cell a spreadsheet will show as text: a leading = + - @ (or tab, CR) gets a ``'`` before it."""
    return "'" + cell if cell.startswith(_FORMULA) else cell


def _cell(value: str | int | bool | None) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return guard(value) if isinstance(value, str) else str(value)


def to_csv(rows: Iterable[Row], columns: Sequence[str] = COLUMNS) -> str:
    """CSV text with a header row (RFC 4180 quoting, CRLF line ends), every cell formula-guarded."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(row[c]) for c in columns])
    return out.getvalue()


def to_jsonl(rows: Iterable[Row]) -> str:
    """One JSON object per line (UTF-8, keys in ``COLUMNS`` order, empty values as null)."""
    return "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows)
