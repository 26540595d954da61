"""What a rewrite of a statement must leave out and must say, read from its failed checks: words
without a French counterpart go ("'military'"), a degree word, a number's qualifier or the clause's
hedge the statement dropped comes back ("only", "more than", "allegedly"), a future told as done
("will"), and another currency the source's ("euros"). None when a failure is not one a rewrite of the
same sentence can mend (a name, a number or a quote the source lacks, a frame)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.check.certainty import degree_carrier
from summarizer.check.verdict import CERTAINTY, DEGREE, QUANTITY_QUALIFIER, QUANTITY_UNIT, TENSE, WORDS
from summarizer.check.words import missing_words
from summarizer.models import CheckResult

_QUALIFIER = {"more_than": "more than", "less_than": "up to", "about": "about", "vague": "about"}
_HEDGE = {"alleged": "allegedly", "speculative": "may"}


@dataclass(frozen=True)
class Repair:
    without: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()

    def __or__(self, other: Repair) -> Repair:
        """Both rewrites' asks: what the first rewrite also failed on is added, nothing dropped."""
        return Repair(
            tuple(dict.fromkeys(self.without + other.without)), tuple(dict.fromkeys(self.keep + other.keep))
        )

    def reason(self, sentence: int) -> str:
        """Why the first statement was replaced, for ``run.dropped``."""
        said = []
        if self.without:
            said.append(f"{', '.join(map(repr, self.without))} had no counterpart in sentence {sentence}")
        if self.keep:
            said.append(f"{', '.join(map(repr, self.keep))} was missing")
        return "rewritten: " + "; ".join(said)


def repair(failed: list[CheckResult]) -> Repair | None:
    """The rewrite that could mend these failed checks, or None."""
    without: list[str] = []
    keep: list[str] = []
    for check in failed:
        found: str | None = None
        if check.name == WORDS:
            without += missing_words(check.detail)
            continue
        if check.name == DEGREE and (m := re.match(r"'([^']+)' is not carried", check.detail)):
            found = degree_carrier(m.group(1))
        elif check.name == TENSE and "(future) is not carried" in check.detail:
            found = "will"
        elif check.name == QUANTITY_QUALIFIER and (
            m := re.search(r"\((more_than|less_than|about|vague)\b", check.detail)
        ):
            found = _QUALIFIER[m.group(1)]
        elif check.name == QUANTITY_UNIT and (
            m := re.match(r"the statement gives [\w/]+, sentence \d+ (\w+)$", check.detail)
        ):
            found = f"{m.group(1)}s"  # the source's one currency: "euros"
        elif check.name == CERTAINTY and (
            m := re.match(r"the clause is (\w+) but the statement says it", check.detail)
        ):
            found = _HEDGE.get(m.group(1))
        if found is None:
            return None
        keep.append(found)
    if not without and not keep:
        return None
    return Repair(tuple(dict.fromkeys(without)), tuple(dict.fromkeys(keep)))
