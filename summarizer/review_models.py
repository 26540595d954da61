"""The analyst's reviews file (``DIR/reviews.json``, ``schemas/reviews.schema.json``) and the review mark
shown beside a fact or summary sentence in verify reports and briefings."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

REVIEWS_SCHEMA_VERSION: Literal["1.0"] = "1.0"
REVIEWS_FILE = "reviews.json"

Decision = Literal["accept", "reject"]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Review(_Strict):
    """One analyst's decision on one fact (``F<m>``) or summary sentence (``S<k>``) of one article."""

    article: str = Field(description="the article id (the digest is <article>.json beside this file)")
    item: str = Field(pattern=r"^[FS][0-9]+$", description="fact id (F5) or summary sentence (S2, 1-based)")
    decision: Decision
    by: str = Field(min_length=1, description="who decided")
    at: str = Field(description="when, UTC, ISO 8601 (2025-01-31T09:30:00Z)")
    note: str = ""
    sha256: str = Field(
        description="content hash of what was reviewed: the fact as written (every field but id and "
        "check) or the summary sentence (text and fact ids), with the source's sha256; when it no "
        "longer matches, the review is stale and is not applied"
    )
    text: str = Field(description="the statement or summary sentence as it was when reviewed")


class ReviewFile(_Strict):
    """Every review of the digests in one folder, sorted by article then item."""

    schema_version: Literal["1.0"] = REVIEWS_SCHEMA_VERSION
    reviews: list[Review] = Field(default_factory=list)


class ReviewMark(_Strict):
    """A review as applied to a checked fact or summary sentence."""

    decision: Decision
    by: str
    at: str
    note: str = ""
    stale: bool = Field(
        default=False, description="the fact or sentence changed (or is gone) since: not applied"
    )

    def describe(self) -> str:
        """E.g. ``accepted by ana: seen in the wire copy`` (``stale review, not applied: …``)."""
        said = f"{self.decision}ed by {self.by}" + (f": {self.note}" if self.note else "")
        return f"stale review, not applied: {said}" if self.stale else said
