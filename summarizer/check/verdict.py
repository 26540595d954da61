"""Check names, results, the verdict rule and the coverage line every output shows."""

from __future__ import annotations

import re

from summarizer.models import CheckResult, Verdict

# Check names: constants, so the briefing and the HTML view never re-type them.
LOCATED = "evidence_located"
CITED = "cited_sentence"
NAMES = "statement:names"
NUMBERS = "statement:numbers"
DATES = "statement:dates"
CODES = "statement:codes"
WORDS = "statement:words"
STATEMENT_WHOLE = "statement:whole"
FRAME = "frame"
POLARITY = "polarity"
DEGREE = "degree"
PREDICATE = "predicate"
TENSE = "tense"
CERTAINTY = "certainty"
ATTRIBUTION = "attribution"
INSTRUCTIONS = "instructions"
QUANTITY_VALUE = "quantity:value"
QUANTITY_QUALIFIER = "quantity:qualifier"
QUANTITY_UNIT = "quantity:unit"
MENTION_QUANTITY = "mention:quantity"
MENTION_WHEN = "mention:when"
DATE = "date"
# What the coverage line counts, in order: check name → its label.
COVERED = {NAMES: "names", CODES: "codes", NUMBERS: "numbers", DATES: "dates", FRAME: "frame",
           POLARITY: "polarity", CERTAINTY: "certainty", ATTRIBUTION: "attribution", PREDICATE: "verbs",
           WORDS: "words"}  # fmt: skip


def result(name: str, ok: bool, detail: str, contradicts: bool = False) -> CheckResult:
    """A check's outcome; ``contradicts`` only counts when it failed."""
    return CheckResult(name=name, ok=ok, detail=detail, contradicts=contradicts and not ok)


def verdict_of(checks: list[CheckResult]) -> Verdict:
    """``unsupported`` if a failed check contradicts, ``partial`` if any failed, else ``verified``."""
    if any(c.contradicts for c in checks if not c.ok):
        return "unsupported"
    return "verified" if checks and all(c.ok for c in checks) else "partial"


def coverage(checks: list[CheckResult]) -> str:
    """What was confirmed, e.g. "names 2/2 · numbers 1/1 · frame ✓ · certainty ✓ · words 7/8"."""
    parts = []
    for name, label in COVERED.items():
        found = [c for c in checks if c.name == name]
        if not found:
            continue
        m = re.match(r"(\d+/\d+):", found[0].detail)
        counted = m.group(1) if m else ""
        parts.append(
            f"{label} {counted}" if counted else f"{label} {'✓' if all(c.ok for c in found) else '✗'}"
        )
    return " · ".join(parts)
