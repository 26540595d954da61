"""Claims without evidence: check someone else's English (or French) sentence against an article.

1. retrieve — score every sentence of the article against the claim with cross-lingual cues that need
   no model: names (``names.find_rendering``: North Korea ↔ Corée du Nord), numbers (text2num), and
   shared or cognate words after the transliteration fold (missiles ↔ missiles, artillery ↔ artillerie);
   the best sentences (up to ``TOP``) are the evidence;
2. check — the claim's numbers, years and names must be in the evidence, and its polarity must match
   (a denial or negation in the evidence that the claim drops);
3. judge (optional) — one LLM call: does the evidence support the claim? It can only downgrade.
"""

# A claims file holds one JSON object per line: {"claim": ..., "path": ...} or {"claim": ..., "doc": ...}.

from __future__ import annotations

import json
from pathlib import Path

from rapidfuzz import fuzz

from summarizer.backends.base import Backend
from summarizer.check import verdict_of
from summarizer.check.evidence import sentence_evidence
from summarizer.check.fact import check_statement
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
    """Find the claim's best evidence in the article and check it; with a judge, ask it too."""
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
    readings = [check_statement(article, sentence_evidence(article, n), claim) for n in picked]
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
        score=round(score, 3),
        checks=checks,
        verdict=verdict_of(checks),
    )


def load_claims(path: Path) -> list[tuple[Article, str]]:
    """(article, claim) pairs from a JSONL file of {claim, path or doc}; ``InputError`` names the line."""
    pairs = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            claim = str(row["claim"])
            if "doc" in row:
                pairs.append(
                    (
                        prepare(f"{path.stem}-{n}", f"{path}:{n}", str(row["doc"]), "utf-8", "txt", False),
                        claim,
                    )
                )
                continue
            if Path(row["path"]).suffix == ".json":
                raise InputError(
                    f"{path}:{n}: {row['path']} is a digest, not an article: pass the source it was made"
                    " from (its article.path) instead"
                )
            articles, failures = load_articles([Path(row["path"])])
        except (ValueError, KeyError, TypeError) as exc:
            raise InputError(f"{path}:{n}: expected {{claim, path or doc}}: {exc}") from exc
        if failures:
            raise InputError(f"{path}:{n}: {failures[0].error}")
        pairs += [(a, claim) for a in articles]
    return pairs
