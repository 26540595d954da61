"""Verification-only mode: re-check stored digests against their sources, with no LLM call (unless the
semantic judge is asked for).

Stored checks are never trusted: every fact and summary sentence is checked again. Each digest's source
is found by its recorded path (as given, then beside the digest; ``batch.jsonl:N`` is line N of that
JSONL file), or in a sources folder by article id or sha256; a source whose sha256 differs from the
digest's is reported as changed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from summarizer.backends.base import Backend
from summarizer.check import check_fact, check_summary_lines
from summarizer.ingest import Article, load_articles, with_sentences
from summarizer.models import (
    DIGEST_SCHEMA_VERSION,
    ArticleVerify,
    Digest,
    FactVerdict,
    SummaryVerdict,
    VerifyReport,
    VerifyTotals,
)


def check_digest(digest: Digest, article: Article) -> Digest:
    """A copy of ``digest`` with every fact and summary sentence checked again against ``article``."""
    digest = digest.model_copy(deep=True, update={"schema_version": DIGEST_SCHEMA_VERSION})
    for fact in digest.facts:
        fact.check = check_fact(article, fact)
    digest.summary = check_summary_lines(digest.summary, digest.facts)
    return digest


def digest_files(paths: Sequence[Path]) -> Iterator[Path]:
    """Digest files under the given files and folders (run.json, reviews.json and dot files left out)."""
    for path in paths:
        if path.is_dir():
            yield from (
                p
                for p in sorted(path.rglob("*.json"))
                if p.name not in ("run.json", "reviews.json") and not p.name.startswith(".")
            )
        else:
            yield path


def load_digest(path: Path) -> Digest:
    """Read and validate a digest; the ``ValueError`` names the file and the first bad field."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ValueError(f"{path}: cannot read the digest: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ValueError(f"{path}: not a digest (not UTF-8 text: {exc.reason})") from exc
    try:
        return Digest.model_validate_json(text)
    except ValidationError as exc:
        raise ValueError(f"{path}: not a valid digest: {invalid_field(exc)}") from exc


def invalid_field(exc: ValidationError) -> str:
    """The first bad field of a validation error, for a one-line message: "field facts.0.id: …"."""
    first = exc.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "(top level)"
    return f"field {where}: {first['msg']}"


@dataclass
class Sources:
    """Source articles found in a folder, by id and by sha256."""

    by_id: dict[str, Article] = field(default_factory=dict)
    by_sha: dict[str, Article] = field(default_factory=dict)

    @classmethod
    def scan(cls, folder: Path) -> Sources:
        articles, _ = load_articles([folder])
        return cls({a.id: a for a in articles}, {a.sha256: a for a in articles})


# An article read from line N of a JSONL batch records its path as "batch.jsonl:N".
_RECORD = re.compile(r"^(?P<file>.+\.jsonl):(?P<line>[0-9]+)$", re.IGNORECASE)


def find_source(digest: Digest, digest_path: Path, sources: Sources | None) -> Article:
    """The digest's source article, cut into the digest's own sentences when the text is the same (its
    facts cite them by number, whatever a later version's splitter does); ``ValueError`` says where it
    was looked for and how to fix it.

    The recorded path is tried as given, then beside the digest and its folder's two nearest ancestors; ``batch.jsonl:N``
    is the record on line N of that JSONL file (or, if the file was edited since, its record with the
    same text)."""
    article = _find_source(digest, digest_path, sources)
    if article.sha256 != digest.article.sha256:
        return article
    return with_sentences(article, [(s.start, s.end) for s in digest.sentences])


def _find_source(digest: Digest, digest_path: Path, sources: Sources | None) -> Article:
    meta = digest.article
    if sources is not None:
        found = sources.by_sha.get(meta.sha256) or sources.by_id.get(meta.id)
        if found is not None:
            return found
    record = _RECORD.match(meta.path)
    recorded = Path(record["file"] if record else meta.path)
    # As given (relative to where summarize ran), beside the digest, and beside its folder's two nearest
    # ancestors (summarize usually runs in the folder that holds --out: examples/digests → the repo).
    folder = digest_path.parent
    near = [folder, *folder.resolve().parents][:3]
    tried = [recorded] if recorded.is_absolute() else [recorded, *(p / recorded for p in near)]
    for candidate in dict.fromkeys(tried):
        if candidate.is_file():
            line = int(record["line"]) if record else None
            return _read_source(digest, digest_path, candidate, line)
    where = ", ".join(map(str, dict.fromkeys(tried)))
    where += " and the --sources folder" if sources is not None else ""
    kind = f"record {meta.path!r}" if record else f"file {meta.path!r}"
    raise ValueError(
        f"{digest_path}: source of article {meta.id!r} not found: no {kind} (looked in {where}); "
        "pass --sources DIR, a folder holding it (matched by article id or sha256)"
    )


def _read_source(digest: Digest, digest_path: Path, path: Path, line: int | None) -> Article:
    """The digest's article in the file it was read from (one record of a JSONL file)."""
    meta = digest.article
    articles, failures = load_articles([path])
    if line is None:
        if failures:
            raise ValueError(f"{digest_path}: source {path}: {failures[0].error}")
        return ([a for a in articles if a.id == meta.id] or articles)[0]
    where = f"{path}:{line}"
    for match in (
        [a for a in articles if a.sha256 == meta.sha256],
        [a for a in articles if a.path == where],
        [a for a in articles if a.id == meta.id],
    ):
        if match:
            return match[0]
    bad = [f.error for f in failures if f.path == where]
    why = bad[0] if bad else f"{path} has no record on line {line}"
    raise ValueError(f"{digest_path}: source {where}: {why}; pass --sources DIR if the record moved")


def article_report(digest_path: Path, article: Article, checked: Digest) -> ArticleVerify:
    """One checked digest as a verify report entry."""
    facts = [
        FactVerdict(
            id=f.id,
            type=f.type,
            statement=f.statement,
            quote=f.quote,
            certainty=f.certainty,
            attributed_to=f.attributed_to,
            verdict=f.check.verdict,
            failed=[c.name for c in f.check.checks if not c.ok],
            check=f.check,
        )
        for f in checked.facts
        if f.check is not None
    ]
    summary = [
        SummaryVerdict(
            text=s.text,
            fact_ids=s.fact_ids,
            verdict=s.check.verdict,
            failed=[c.name for c in s.check.checks if not c.ok],
        )
        for s in checked.summary
        if s.check is not None
    ]
    return ArticleVerify(
        digest=str(digest_path),
        source=article.path,
        source_changed=article.sha256 != checked.article.sha256,
        facts=facts,
        summary=summary,
    )


def verify_paths(
    paths: Sequence[Path],
    sources_dir: Path | None = None,
    judge: Backend | None = None,
    on_digest: Callable[[Path], None] | None = None,
    pages: list[tuple[Article | None, ArticleVerify]] | None = None,
) -> VerifyReport:
    """Check every digest under ``paths``; a digest that cannot be checked is reported, the rest go on.
    Each fact and summary sentence carries its review (``reviews.json`` beside the digest).
    ``pages`` (if given) receives each source with its result, for the HTML view."""
    from summarizer.judge import judge_digest
    from summarizer.review import review_articles

    sources = Sources.scan(sources_dir) if sources_dir is not None else None
    articles: list[ArticleVerify] = []
    for path in digest_files(paths):
        try:
            digest = load_digest(path)
            article = find_source(digest, path, sources)
        except ValueError as exc:
            articles.append(ArticleVerify(digest=str(path), source=None, error=str(exc)))
            found: Article | None = None
        else:
            checked = check_digest(digest, article)
            if judge is not None:
                checked = judge_digest(judge, article, checked)
            articles.append(article_report(path, article, checked))
            found = article
        if pages is not None:
            pages.append((found, articles[-1]))
        if on_digest is not None:
            on_digest(path)
    review_articles(articles)
    verdicts = [f.verdict for a in articles for f in a.facts]
    totals = VerifyTotals(
        digests=len(articles),
        errors=sum(a.error is not None for a in articles),
        changed_sources=sum(a.source_changed for a in articles),
        facts=len(verdicts),
        verified=verdicts.count("verified"),
        partial=verdicts.count("partial"),
        unsupported=verdicts.count("unsupported"),
    )
    label = f"{judge.name}/{judge.model}" if judge is not None else None
    return VerifyReport(judge=label, articles=articles, totals=totals)


def exit_code(report: VerifyReport) -> int:
    """0: every fact verified; 1: some fact partial or unsupported, or a source changed; 2: a digest
    could not be checked (missing source, invalid digest)."""
    t = report.totals
    if t.errors:
        return 2
    return 1 if t.partial or t.unsupported or t.changed_sources else 0
