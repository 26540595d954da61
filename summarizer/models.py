"""Pydantic models: what the LLM writes (``*Out``, ``ChunkOut``, ``SummaryOut``) and what the pipeline
writes (``Digest``, ``RunReport``).

The model never writes offsets or verdicts: those live in ``FactCheck``, filled by the checker.
Offsets are Unicode code points into the raw decoded source text, half-open ``[start, end)``.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from summarizer.review_models import ReviewMark

DIGEST_SCHEMA_VERSION: Literal["1.2"] = "1.2"
RUN_SCHEMA_VERSION: Literal["1.1"] = "1.1"

Certainty = Literal["asserted", "reported", "alleged", "denied", "speculative"]
EntityKind = Literal["person", "country", "organization", "place", "weapon", "other"]
Qualifier = Literal["exact", "about", "more_than", "less_than", "between"]
Alignment = Literal["exact", "normalized", "fuzzy", "none"]
Verdict = Literal["verified", "partial", "unsupported"]

MAX_FACTS_PER_CHUNK = 3
MAX_FACTS_PER_ARTICLE = 12
MAX_SUMMARY_SENTENCES = 5
QUOTE_MAX = 160


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- what the model writes -------------------------------------------------------------------------


class EntityOut(_Strict):
    name: str = Field(description="English name, e.g. 'North Korea'")
    kind: EntityKind
    mention: str = Field(description="the exact French words in the sentence, e.g. 'la Corée du Nord'")


class AttributionOut(_Strict):
    name: str = Field(description="English name of who says it")
    mention: str = Field(description="the exact French words naming the source")


class WhenOut(_Strict):
    date: str = Field(
        pattern=r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$", description="YYYY, YYYY-MM or YYYY-MM-DD"
    )
    mention: str = Field(description="the exact French words giving the date")


class QuantityValue(_Strict):
    value: float
    value_max: float | None = None
    qualifier: Qualifier
    unit: str = Field(description="English unit, e.g. 'artillery shells'")
    mention: str = Field(description="the exact French words giving the number, e.g. 'plus d'un million'")


class EventValue(_Strict):
    actor: str
    action: str
    target: str | None = None
    place: str | None = None


class RelationValue(_Strict):
    subject: str
    predicate: str
    object: str


class ClaimValue(_Strict):
    speaker: str
    stance: str


class _FactOutBase(_Strict):
    # `type` first: the grammar emits fields in schema order and the discriminator must lead.
    type: str
    sentence: int = Field(ge=1, description="number of the sentence the quote is copied from")
    quote: str = Field(
        min_length=3, max_length=QUOTE_MAX, description="short verbatim quote from that sentence"
    )
    statement: str = Field(min_length=3, max_length=400, description="the fact as one English sentence")
    certainty: Certainty
    attributed_to: AttributionOut | None = None
    entities: list[EntityOut] = Field(default_factory=list, max_length=4)
    when: WhenOut | None = None


class QuantityOut(_FactOutBase):
    type: Literal["quantity"]
    quantity: QuantityValue


class EventOut(_FactOutBase):
    type: Literal["event"]
    event: EventValue


class RelationOut(_FactOutBase):
    type: Literal["relation"]
    relation: RelationValue


class ClaimOut(_FactOutBase):
    type: Literal["claim"]
    claim: ClaimValue


FactOut = Annotated[QuantityOut | EventOut | RelationOut | ClaimOut, Field(discriminator="type")]


class ChunkOut(_Strict):
    """One extraction call's answer for one chunk of numbered sentences."""

    facts: list[FactOut] = Field(max_length=MAX_FACTS_PER_CHUNK)


class SummarySentence(_Strict):
    text: str = Field(min_length=3, max_length=400)
    fact_ids: list[str] = Field(min_length=1, max_length=4)


class SummaryOut(_Strict):
    """The summary call's answer: English sentences, each citing fact ids."""

    summary: list[SummarySentence] = Field(min_length=1, max_length=MAX_SUMMARY_SENTENCES)


JudgeLabel = Literal["supports", "contradicts", "not_enough_info"]


class JudgeItem(_Strict):
    id: str
    reason: str = Field(max_length=300, description="why, in under 25 words (before the label)")
    label: JudgeLabel


class JudgeOut(_Strict):
    """The semantic judge's answer: one label per statement it was given."""

    verdicts: list[JudgeItem]


# --- what the checker writes -----------------------------------------------------------------------


class Span(_Strict):
    start: int = Field(ge=0, description="code-point offset into the raw source text (inclusive)")
    end: int = Field(ge=0, description="code-point offset into the raw source text (exclusive)")
    text: str = Field(description="raw[start:end], verbatim")


class CheckResult(_Strict):
    name: str
    ok: bool
    detail: str
    contradicts: bool = Field(
        default=False,
        description="a failure here contradicts the fact (verdict unsupported), not just lacks support",
    )


class FactCheck(_Strict):
    alignment: Alignment
    score: float = Field(ge=0, le=100, description="similarity of quote and span, 0-100")
    span: Span | None = None
    sentence: int | None = Field(default=None, description="number of the sentence holding the span")
    checks: list[CheckResult] = Field(default_factory=list)
    verdict: Verdict
    coverage: str = Field(
        default="", description="what was confirmed, e.g. 'names 2/2 · numbers 1/1 · frame ✓ · words 7/8'"
    )


class SummaryCheck(_Strict):
    checks: list[CheckResult] = Field(default_factory=list)
    verdict: Verdict


class SummaryLine(SummarySentence):
    """A summary sentence in a digest, with the checker's verdict on it."""

    check: SummaryCheck | None = None


class _DigestFact(_Strict):
    id: str = Field(pattern=r"^F[0-9]+$")


# `check` is declared per class so that it comes last in the JSON.
class QuantityFact(QuantityOut, _DigestFact):
    check: FactCheck | None = None


class EventFact(EventOut, _DigestFact):
    check: FactCheck | None = None


class RelationFact(RelationOut, _DigestFact):
    check: FactCheck | None = None


class ClaimFact(ClaimOut, _DigestFact):
    check: FactCheck | None = None


Fact = Annotated[QuantityFact | EventFact | RelationFact | ClaimFact, Field(discriminator="type")]

# --- the digest ------------------------------------------------------------------------------------


class ArticleMeta(_Strict):
    id: str
    path: str
    sha256: str = Field(description="sha256 of the raw source text, UTF-8 encoded")
    encoding: str = Field(description="how the source bytes were decoded")
    title: str | None = None
    outlet: str | None = None
    published: str | None = Field(default=None, description="ISO 8601 date or date-time, as found")
    language: str
    chars: int


class Sentence(_Strict):
    n: int = Field(ge=1)
    start: int
    end: int


class Removed(_Strict):
    kind: str = Field(description="which boilerplate rule removed this range")
    start: int
    end: int


class Dropped(_Strict):
    reason: str
    statement: str
    quote: str


class DigestRun(_Strict):
    backend: str
    model: str
    prompt_sha: str
    schema_sha: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float = Field(description="wall time for this article")
    engine_seconds: float = Field(description="llama.cpp's own timing for the same tokens (0 if unknown)")
    chunks: int
    calls: int = Field(description="successful model calls")
    dropped: list[Dropped] = Field(default_factory=list, description="model facts not kept, with why")
    problems: list[str] = Field(default_factory=list, description="chunks or summary that failed, with why")


class Digest(_Strict):
    """One article's digest. Version 1.1 added ``contradicts`` to checks and ``check`` to summary
    sentences; 1.2 added ``coverage`` to fact checks; older digests are still read."""

    schema_version: Literal["1.0", "1.1", "1.2"] = DIGEST_SCHEMA_VERSION
    article: ArticleMeta
    summary: list[SummaryLine]
    facts: list[Fact]
    sentences: list[Sentence]
    boilerplate: list[Removed]
    run: DigestRun


# --- the batch report ------------------------------------------------------------------------------


class ArticleRun(_Strict):
    id: str | None
    path: str
    status: Literal["ok", "failed", "duplicate"]
    error: str | None = Field(default=None, description="why the article failed")
    digest: str | None = Field(default=None, description="digest file name inside the output folder")
    duplicate_of: str | None = Field(default=None, description="id of the article with the same text")
    language: str | None = Field(default=None, description="detected language (ISO 639-1)")
    chars: int = Field(default=0, description="characters in the decoded source")
    chunks: int = Field(default=0, description="chunks sent to the model (one extraction call each)")
    notes: list[str] = Field(default_factory=list, description="what to know before trusting the digest")
    problems: list[str] = Field(default_factory=list, description="chunks or summary that failed, with why")
    facts: int = 0
    located: int = 0
    verified: int = 0
    calls: int = Field(default=0, description="model calls answered by the model in this run")
    cached: int = Field(default=0, description="model calls answered from the cache (no model call)")
    prompt_tokens: int = Field(default=0, description="tokens of the digest's model outputs, cached or not")
    completion_tokens: int = 0
    seconds: float = Field(default=0.0, description="wall time in this run")


class RunTotals(_Strict):
    articles: int
    ok: int
    failed: int
    duplicates: int = 0
    facts: int
    located: int
    verified: int
    calls: int = 0
    cached: int = 0
    prompt_tokens: int
    completion_tokens: int
    seconds: float


class RunReport(_Strict):
    """The batch report, rewritten atomically after every article. Version 1.1 added the duplicate
    status, language, chunks, notes, problems, calls and cached counts, and ``stopped``."""

    schema_version: Literal["1.0", "1.1"] = RUN_SCHEMA_VERSION
    backend: str
    model: str
    prompt_sha: str
    schema_sha: str
    started_at: str
    stopped: str | None = Field(default=None, description="why the batch stopped before the end")
    articles: list[ArticleRun]
    totals: RunTotals


# --- the verify report -----------------------------------------------------------------------------

# 1.1: coverage in fact checks; 1.2: each fact's type, quote, certainty and attribution, and each
# claim's id, line, the sentence its verdict rests on, and error (a row that could not be checked);
# each fact's and summary sentence's review
VERIFY_SCHEMA_VERSION: Literal["1.2"] = "1.2"


class FactVerdict(_Strict):
    id: str
    type: Literal["quantity", "event", "relation", "claim"]
    statement: str
    quote: str = Field(description="the verbatim French quote the fact was made from")
    certainty: Certainty
    attributed_to: AttributionOut | None = None
    verdict: Verdict
    failed: list[str] = Field(description="names of the failed checks")
    check: FactCheck
    review: ReviewMark | None = Field(default=None, description="the analyst's review (reviews.json)")


class SummaryVerdict(_Strict):
    text: str
    fact_ids: list[str]
    verdict: Verdict
    failed: list[str]
    review: ReviewMark | None = Field(default=None, description="the analyst's review (reviews.json)")


class ArticleVerify(_Strict):
    digest: str = Field(description="the digest file checked")
    source: str | None = Field(description="the source file it was checked against (None: not found)")
    source_changed: bool = Field(default=False, description="the source's sha256 differs from the digest's")
    error: str | None = Field(default=None, description="why this digest could not be checked")
    facts: list[FactVerdict] = Field(default_factory=list)
    summary: list[SummaryVerdict] = Field(default_factory=list)


class VerifyTotals(_Strict):
    digests: int
    errors: int
    changed_sources: int
    facts: int
    verified: int
    partial: int
    unsupported: int


class VerifyReport(_Strict):
    schema_version: Literal["1.0", "1.1", "1.2"] = VERIFY_SCHEMA_VERSION
    judge: str | None = Field(description="backend/model of the semantic judge, None when not used")
    articles: list[ArticleVerify]
    totals: VerifyTotals


class ClaimCheck(_Strict):
    id: str | None = Field(default=None, description="the claim's id, as given in the claims file")
    line: int | None = Field(default=None, description="its line in the claims file (None for --claim)")
    source: str = Field(description="the article the claim was checked against")
    claim: str
    evidence: list[int] = Field(description="numbers of the sentences retrieved as evidence, in text order")
    evidence_text: str
    sentence: int | None = Field(default=None, description="the evidence sentence the verdict rests on")
    sentence_text: str = Field(default="", description="the text of that sentence")
    score: float = Field(description="retrieval score of the best sentence")
    checks: list[CheckResult]
    verdict: Verdict
    error: str | None = Field(
        default=None, description="why the claim could not be checked (bad row, missing article)"
    )


class ClaimReport(_Strict):
    schema_version: Literal["1.0", "1.1", "1.2"] = VERIFY_SCHEMA_VERSION
    judge: str | None
    claims: list[ClaimCheck]
