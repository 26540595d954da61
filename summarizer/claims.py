"""Claims without evidence: check someone else's English (or French) sentence against an article.

1. retrieve — score every sentence of the article against the claim with cross-lingual cues that need
   no model: names (``names.find_rendering``: North Korea ↔ Corée du Nord), numbers (text2num), and
   shared or cognate words after the transliteration fold (missiles ↔ missiles, artillery ↔ artillerie);
   the best sentences (up to ``TOP``) are the evidence;
2. check — the claim is read and checked like a statement against each of them (names, numbers, dates,
   polarity, degree, tense, the clause's hedges, frame, words; a French claim in French: ``french.py``);
   the sentence that supports it best is its evidence;
3. judge (optional) — one LLM call: does the evidence support the claim? It can only downgrade.
"""

# A claims file holds one JSON object per line: {"claim": ..., "path": ...} or {"claim": ..., "doc": ...},
# with an optional "id" kept in the report. A bad row is reported with its error; the others go on.

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from summarizer.backends.base import Backend
from summarizer.check import verdict_of
from summarizer.check.evidence import sentence_evidence
from summarizer.check.fact import check_statement
from summarizer.check.french import is_french
from summarizer.check.names import find_rendering, fold
from summarizer.check.statement import statement_names
from summarizer.errors import InputError
from summarizer.ingest import Article, load_articles, prepare
from summarizer.judge import judge_checks
from summarizer.models import CheckResult, ClaimCheck

TOP = 3
MIN_SCORE = 0.2
_STOP = frozenset(
    "the a an of to in on at for and or but is are was were be been has have had that this with from by as it its"
    " their they he she his her which who will would could said says after before over into than more not"
    " le la les un une des du de d l et ou en au aux que qui pour par sur dans est sont a ont il elle ils ce cette"
    " ces son sa ses leur plus pas".split()
)


def _words(text: str) -> list[str]:
    return [w for w in fold(text).replace("'", " ").split() if len(w) > 2 and w not in _STOP]


def _score(claim_words: list[str], sentence: str) -> float:
    """Share of the claim's content words found in the sentence (exact or cognate after folding)."""
    if not claim_words:
        return 0.0
    words = set(_words(sentence))
    hits = sum(
        1 for w in claim_words if w in words or (len(w) >= 5 and any(fuzz.ratio(w, s) >= 85 for s in words))
    )
    return hits / len(claim_words)


def retrieve(article: Article, claim: str) -> list[tuple[float, int]]:
    """(score, sentence number) of the sentences that best match the claim, best first."""
    claim_words = _words(claim)
    names = statement_names(claim)
    scored = []
    for s in article.sentences:
        bonus = sum(0.2 for n in names if find_rendering(n, s.text) is not None)
        scored.append((_score(claim_words, s.text) + bonus, s.n))
    scored.sort(key=lambda x: (-x[0], x[1]))
    return scored[:TOP]


def verdict_rank(checks: list[CheckResult]) -> tuple[int, int]:
    """How well checks support a claim: verdict first, then the number of checks passed."""
    order = {"unsupported": 0, "partial": 1, "verified": 2}
    return order[verdict_of(checks)], sum(c.ok for c in checks)


def check_claim(article: Article, claim: str, judge: Backend | None = None) -> ClaimCheck:
    """Find the claim's best evidence in the article and check it; with a judge, ask it too. A claim of
    several sentences is as many claims, each with its own evidence: it holds when each of them does."""
    parts = claim_parts(claim)
    if len(parts) < 2:
        return _check_one(article, claim, judge)
    checked = [_check_one(article, part, None) for part in parts]
    weakest = min(checked, key=lambda c: verdict_rank(c.checks))
    checks = [
        c.model_copy(update={"detail": f"part {i}: {c.detail}"})
        for i, part in enumerate(checked, 1)
        for c in part.checks
    ]
    evidence = sorted({n for c in checked for n in c.evidence})
    evidence_text = " ".join(article.sentences[n - 1].text for n in evidence)
    if judge is not None and evidence:
        checks.append(judge_checks(judge, [("C1", evidence_text, claim)])["C1"])
    return weakest.model_copy(
        update={
            "claim": claim,
            "evidence": evidence,
            "evidence_text": evidence_text,
            "checks": checks,
            "verdict": verdict_of(checks),
        }
    )


# A sentence end inside a claim: a stop after a word that is no abbreviation or initial, then a capital.
_CLAIM_END = re.compile(r"(?<=[.!?])[\"'”’»)]*\s+(?=[\"“«]?[A-Z])")
_ABBREVIATION = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Col|Lt|Sgt|Capt|Sen|Rep|Gov|Pres|Jr|Sr|Inc|Corp|Ltd|Co|No|vs"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|M|Mme|Me))\.$"
)
# A part opening on a pronoun or a demonstrative stands for what the part before named: no part of its own.
_LEANS_BACK = re.compile(
    r"^[\"“«]?(?:he|she|it|they|his|her|its|their|this|these|those|that|il|elle|ils|elles|ce|cette|ces)\b",
    re.I,
)


def claim_parts(claim: str) -> list[str]:
    """The sentences of a claim, each a claim of its own; the whole claim when a sentence leans on the one
    before ("He was arrested…": whose arrest the first sentence says)."""
    parts, start = [], 0
    for m in _CLAIM_END.finditer(claim):
        if not _ABBREVIATION.search(claim[start : m.start()].rstrip("\"'”’»)")):
            parts.append(claim[start : m.start()].strip())
            start = m.end()
    parts.append(claim[start:].strip())
    parts = [p for p in parts if p]
    return [claim] if any(_LEANS_BACK.match(p) for p in parts[1:]) else parts


def _check_one(article: Article, claim: str, judge: Backend | None) -> ClaimCheck:
    best = retrieve(article, claim)
    score = best[0][0] if best else 0.0
    picked = sorted(n for s, n in best if s >= MIN_SCORE)
    evidence = " ".join(article.sentences[n - 1].text for n in picked)
    if not picked:
        located = CheckResult(
            name="claim:evidence", ok=False, detail=f"no sentence matches (best {score:.2f})"
        )
        return ClaimCheck(
            source=article.path,
            claim=claim,
            evidence=[],
            evidence_text="",
            score=score,
            checks=[located],
            verdict="unsupported",
        )
    # Every element must be confirmed by one sentence (never a year from one and the rest from
    # another): the retrieved sentence whose reading passes most checks is the evidence.
    french = is_french(claim)
    readings = [check_statement(article, sentence_evidence(article, n), claim, french=french) for n in picked]
    best_n, best_checks = max(zip(picked, readings, strict=True), key=lambda p: (verdict_rank(p[1]), -p[0]))
    located = CheckResult(
        name="claim:evidence", ok=True, detail=f"sentence {best_n} of {picked} (best {score:.2f})"
    )
    checks = [located, *best_checks]
    if judge is not None:
        checks.append(judge_checks(judge, [("C1", evidence, claim)])["C1"])
    return ClaimCheck(
        source=article.path,
        claim=claim,
        evidence=picked,
        evidence_text=evidence,
        sentence=best_n,
        sentence_text=article.sentences[best_n - 1].text,
        score=round(score, 3),
        checks=checks,
        verdict=verdict_of(checks),
    )


@dataclass
class ClaimRow:
    """One claim to check: against an article, or an ``error`` saying why it cannot be checked."""

    claim: str
    source: str  # the article file, or claims.jsonl:N for a "doc"
    article: Article | None = None
    error: str | None = None
    id: str | None = None
    line: int | None = None


def load_claims(path: Path) -> list[ClaimRow]:
    """The rows of a JSONL file of {claim, path or doc, optional id}. A row that cannot be checked (bad
    JSON, no claim, an article missing or unreadable) is a row with its ``error``, naming the line; the
    others go on. ``InputError`` when the file itself cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise InputError(
            f"--claims {path}: cannot read it ({why}): pass a JSONL file of {{claim, path or doc}}"
        ) from exc
    rows: list[ClaimRow] = []
    for n, line in enumerate(text.splitlines(), 1):
        if line.strip():
            rows += _row(path, n, line)
    return rows


def _row(path: Path, n: int, line: str) -> list[ClaimRow]:
    where = f"{path}:{n}"
    try:
        row = json.loads(line)
    except ValueError as exc:
        return [
            ClaimRow(
                "", where, error=f"{where}: not valid JSON ({exc}): expected {{claim, path or doc}}", line=n
            )
        ]
    if not isinstance(row, dict):
        return [ClaimRow("", where, error=f"{where}: expected a JSON object {{claim, path or doc}}", line=n)]
    claim = str(row.get("claim") or "")
    ident = str(row["id"]) if row.get("id") is not None else None
    missing = [k for k, ok in (("claim", claim), ("path or doc", "doc" in row or "path" in row)) if not ok]
    if missing:
        error = f"{where}: no {' and no '.join(missing)}: expected {{claim, path or doc}}"
        return [ClaimRow(claim, where, error=error, id=ident, line=n)]
    source = str(row["doc"] if "doc" in row else row["path"])
    if "doc" in row:
        try:
            article = prepare(f"{path.stem}-{n}", where, source, "utf-8", "txt", False)
        except InputError as exc:
            return [ClaimRow(claim, where, error=str(exc), id=ident, line=n)]
        return [ClaimRow(claim, where, article, id=ident, line=n)]
    if Path(source).suffix == ".json":
        return [ClaimRow(claim, source, error=f"{where}: {_digest_given(source)}", id=ident, line=n)]
    articles, failures = load_articles([Path(source)])
    rows = [ClaimRow(claim, a.path, a, id=ident, line=n) for a in articles]
    rows += [ClaimRow(claim, f.path, error=f"{where}: {f.error}", id=ident, line=n) for f in failures]
    if not rows:
        rows.append(
            ClaimRow(claim, source, error=f"{where}: no article file under {source}", id=ident, line=n)
        )
    return rows


def claim_rows(paths: list[Path], claim: str) -> list[ClaimRow]:
    """``--claim TEXT PATH...``: the claim against each article under the paths; an unreadable one is
    a row with its error."""
    digests = [p for p in paths if p.suffix == ".json"]
    articles, failures = load_articles([p for p in paths if p not in digests])
    rows = [ClaimRow(claim, a.path, a) for a in articles]
    rows += [ClaimRow(claim, str(p), error=_digest_given(str(p))) for p in digests]
    return rows + [ClaimRow(claim, f.path, error=f.error) for f in failures]


def _digest_given(path: str) -> str:
    return f"{path} is a digest, not an article: pass the source it was made from (its article.path)"


def check_row(row: ClaimRow, judge: Backend | None = None) -> ClaimCheck:
    """Check one row; a row with an error is reported as such (verdict unsupported, ``error`` set)."""
    if row.article is None or row.error is not None:
        error = row.error or f"{row.source}: no article"
        failed = CheckResult(name="claim:source", ok=False, detail=error)
        return ClaimCheck(
            id=row.id,
            line=row.line,
            source=row.source,
            claim=row.claim,
            evidence=[],
            evidence_text="",
            score=0.0,
            checks=[failed],
            verdict="unsupported",
            error=error,
        )
    return check_claim(row.article, row.claim, judge).model_copy(update={"id": row.id, "line": row.line})
