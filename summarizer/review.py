"""Analyst reviews: accept or reject a fact (``A3-F5``) or summary sentence (``A3-S2``) with a note.

Reviews live beside the digests, in ``reviews.json`` (``review_models.ReviewFile``). Each records a
content hash of what was reviewed; when the fact or sentence changes (or is gone), the review is stale:
shown, counted, never applied. Articles are numbered ``A1…An`` as the briefing numbers them (the
readable digests under the folder, in sorted path order); ``<article-id>-F5`` names one by its id.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from summarizer.errors import SummarizerError
from summarizer.models import ArticleVerify, Digest
from summarizer.review_models import REVIEWS_FILE, Decision, Review, ReviewFile, ReviewMark
from summarizer.verify import digest_files, invalid_field, load_digest

if TYPE_CHECKING:
    from summarizer.batch import Batch

_REF = re.compile(r"^(?P<article>.+)[-:](?P<item>[FS][0-9]+)$")
_NUMBERED = re.compile(r"^A(?P<n>[0-9]+)$")


class ReviewError(SummarizerError):
    """A review names no known fact, or a reviews file cannot be read (the message says which)."""


def content(digest: Digest, item: str) -> tuple[str, str] | None:
    """(content hash, text) of fact ``F<m>`` or summary sentence ``S<k>``; None when there is none.

    The hash covers the fact as written (every field but its id and check: statement, quote, sentence,
    certainty, typed values) or the sentence's text and fact ids, and the source's sha256."""
    payload: dict[str, Any]
    if item.startswith("F"):
        fact = next((f for f in digest.facts if f.id == item), None)
        if fact is None:
            return None
        payload, text = fact.model_dump(mode="json", exclude={"id", "check"}), fact.statement
    else:
        k = int(item[1:])
        if not 1 <= k <= len(digest.summary):
            return None
        line = digest.summary[k - 1]
        payload, text = {"text": line.text, "fact_ids": line.fact_ids}, line.text
    blob = json.dumps({"source": digest.article.sha256, "item": payload}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8")).hexdigest(), text


def load_reviews(path: Path) -> ReviewFile:
    """The reviews file at ``path`` (none yet: empty); ``ReviewError`` names the file and bad field."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return ReviewFile()
    except (OSError, UnicodeDecodeError) as exc:
        raise ReviewError(f"{path}: cannot read the reviews file: {exc}") from exc
    try:
        return ReviewFile.model_validate_json(text)
    except ValidationError as exc:
        raise ReviewError(f"{path}: not a valid reviews file: {invalid_field(exc)}") from exc


def save_reviews(path: Path, book: ReviewFile) -> None:
    """Write the reviews file atomically, sorted by article, then facts before sentences, by number."""
    from summarizer.render import write_json

    book.reviews.sort(key=lambda r: (r.article, r.item[0], int(r.item[1:])))
    write_json(path, book)


def marks(digest: Digest, book: ReviewFile) -> dict[str, ReviewMark]:
    """The reviews of ``digest``'s facts and sentences by item id, each marked stale when its hash no
    longer matches (or the item is gone)."""
    out = {}
    for r in book.reviews:
        if r.article == digest.article.id:
            now = content(digest, r.item)
            stale = now is None or now[0] != r.sha256
            out[r.item] = ReviewMark(decision=r.decision, by=r.by, at=r.at, note=r.note, stale=stale)
    return out


class _Books:
    """Reviews files read once per folder."""

    def __init__(self) -> None:
        self.files: dict[Path, ReviewFile] = {}

    def beside(self, digest_path: Path) -> ReviewFile:
        path = digest_path.parent / REVIEWS_FILE
        if path not in self.files:
            self.files[path] = load_reviews(path)
        return self.files[path]


def review_articles(articles: Sequence[ArticleVerify]) -> None:
    """Mark each fact and summary sentence of verify report entries with its review, in place. A reviews
    file that cannot be read becomes the digest's error (reviews not applied)."""
    books = _Books()
    for a in articles:
        if a.error is not None:
            continue
        try:
            found = marks(load_digest(Path(a.digest)), books.beside(Path(a.digest)))
        except (ValueError, ReviewError) as exc:
            a.error = f"{exc}; reviews not applied"
            continue
        for f in a.facts:
            f.review = found.get(f.id)
        for k, s in enumerate(a.summary, 1):
            s.review = found.get(f"S{k}")


def review_batch(batch: Batch) -> None:
    """Fill ``batch.reviews`` (``A<n>-F<m>`` / ``A<n>-S<k>`` → mark); a reviews file that cannot be read
    becomes a note and its reviews are not applied."""
    books, unreadable = _Books(), set()
    for n, (path, digest) in enumerate(zip(batch.paths, batch.digests, strict=True), 1):
        if path.parent in unreadable:
            continue
        try:
            found = marks(digest, books.beside(path))
        except ReviewError as exc:
            unreadable.add(path.parent)
            batch.notes.append(f"{exc}; its reviews are not applied")
            continue
        batch.reviews.update({f"A{n}-{item}": mark for item, mark in found.items()})


# --- the review command -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Target:
    """A fact or summary sentence named on the command line."""

    key: str  # A3-F5, as in the briefing
    item: str  # F5 or S2
    path: Path  # its digest file
    digest: Digest


def numbered(folder: Path) -> list[tuple[Path, Digest]]:
    """The readable digests under ``folder``, numbered A1… in this order (as the briefing numbers them)."""
    out = []
    for path in digest_files([folder]):
        try:
            out.append((path, load_digest(path)))
        except ValueError:
            continue
    return out


def resolve(folder: Path, ref: str, must_exist: bool = True) -> Target:
    """The fact or sentence ``ref`` (``A3-F5``, ``A3-S2`` or ``<article-id>-F5``) names under ``folder``;
    ``ReviewError`` names the id and the folder."""
    digests = numbered(folder)
    m = _REF.match(ref.strip())
    if m is None:
        raise ReviewError(
            f"unknown fact id {ref!r} in {folder}: write A<n>-F<m> for a fact or A<n>-S<k> for a summary"
            " sentence (as the briefing numbers them), or <article-id>-F<m>"
        )
    article, item = m["article"], m["item"]
    by_number = _NUMBERED.match(article)
    n = int(by_number["n"]) if by_number and 1 <= int(by_number["n"]) <= len(digests) else None
    if n is None:
        n = next((i for i, (_, d) in enumerate(digests, 1) if d.article.id == article), None)
    if n is None:
        span = f"A1–A{len(digests)}" if digests else "no readable digest"
        raise ReviewError(f"unknown fact id {ref!r} in {folder}: no article {article} there ({span})")
    path, digest = digests[n - 1]
    if must_exist and content(digest, item) is None:
        has = _ids("F", len(digest.facts)) if digest.facts else "no fact"
        has += f" and {_ids('S', len(digest.summary))}" if digest.summary else " and no summary sentence"
        raise ReviewError(f"unknown fact id {ref!r} in {folder}: A{n} ({digest.article.id}) has {has}")
    return Target(f"A{n}-{item}", item, path, digest)


def reviewer() -> str:
    """Who reviews by default: ``$USER`` (else ``$USERNAME``, ``$LOGNAME``), else "unknown"."""
    return next(
        (v for k in ("USER", "USERNAME", "LOGNAME") if (v := os.environ.get(k, "").strip())), "unknown"
    )


def decide(
    folder: Path, ref: str, decision: Decision, by: str, note: str = "", at: str | None = None
) -> Review:
    """Record (or replace) the review of ``ref``; return it."""
    target = resolve(folder, ref)
    found = content(target.digest, target.item)
    if found is None:  # resolve checked it already
        raise ReviewError(f"unknown fact id {ref!r} in {folder}")
    review = Review(
        article=target.digest.article.id,
        item=target.item,
        decision=decision,
        by=by,
        at=at or datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        note=note,
        sha256=found[0],
        text=found[1],
    )
    book_path = target.path.parent / REVIEWS_FILE
    book = load_reviews(book_path)
    book.reviews = [r for r in book.reviews if (r.article, r.item) != (review.article, review.item)]
    book.reviews.append(review)
    save_reviews(book_path, book)
    return review


def clear(folder: Path, ref: str) -> Review | None:
    """Remove the review of ``ref`` (also of a fact or digest that is gone); return it, or None."""
    try:
        target = resolve(folder, ref, must_exist=False)
        where = [(target.path.parent / REVIEWS_FILE, target.digest.article.id, target.item)]
    except ReviewError:
        m = _REF.match(ref.strip())
        if m is None:
            raise
        where = [(p, m["article"], m["item"]) for p in _book_paths(folder)]
    for book_path, article, item in where:
        book = load_reviews(book_path)
        gone = [r for r in book.reviews if (r.article, r.item) == (article, item)]
        if gone:
            book.reviews = [r for r in book.reviews if r not in gone]
            save_reviews(book_path, book)
            return gone[0]
    return None


@dataclass(frozen=True)
class Listed:
    key: str  # A3-F5, or <article-id>-F5 when its digest is gone
    review: Review
    status: str  # "current", or why it is stale


def _book_paths(folder: Path) -> list[Path]:
    folders = {folder} if folder.is_dir() else set()
    folders |= {p.parent for p in digest_files([folder])}
    return sorted(f / REVIEWS_FILE for f in folders if (f / REVIEWS_FILE).is_file())


def list_reviews(folder: Path, digests: Sequence[tuple[Path, Digest]] | None = None) -> list[Listed]:
    """Every review under ``folder``, with its key and whether it still applies."""
    digests = numbered(folder) if digests is None else digests
    by_id = {(p.parent, d.article.id): (n, d) for n, (p, d) in enumerate(digests, 1)}
    out = []
    for book_path in _book_paths(folder):
        for r in load_reviews(book_path).reviews:
            found = by_id.get((book_path.parent, r.article))
            if found is None:
                out.append(Listed(f"{r.article}-{r.item}", r, f"stale: no digest of article {r.article}"))
                continue
            n, digest = found
            now = content(digest, r.item)
            status = "current"
            if now is None:
                status = f"stale: A{n} has no {r.item} any more"
            elif now[0] != r.sha256:
                status = "stale: changed since the review"
            out.append(Listed(f"A{n}-{r.item}", r, status))
    return out


def _ids(kind: str, n: int) -> str:
    """ "F1–F8", or "S1" alone."""
    return f"{kind}1" if n == 1 else f"{kind}1–{kind}{n}"
