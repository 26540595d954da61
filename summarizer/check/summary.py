"""Summary sentences: each must cite verified facts and say nothing they do not.

Checks: the cited facts exist and are verified; every number, year, month and name of the sentence is
in a cited fact; two names stand in the roles a cited fact gives them (who supplies whom); every content word has the same lemma (``simplemma``) as a word of a cited fact's
statement ("reportedly as part of a larger military buildup" adds content); the sentence is whole
(ends like a sentence) and English (a copied French headline is not a summary).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.check.forms import lemma
from summarizer.check.frame import english_agent
from summarizer.check.names import canonicals, english_names, plausible
from summarizer.check.statement import MONTHS, content_words, english_numbers, statement_names, whole
from summarizer.check.values import YEAR_RE
from summarizer.check.verdict import result, verdict_of
from summarizer.models import Fact, SummaryCheck, SummaryLine, SummarySentence

_FRENCH = re.compile(r"\b(?:le|la|les|des|du|une|est|sont|qui|dans|avec|pour|sur|aux|ont|été|selon)\b", re.I)
_CLAUSES = re.compile(r",\s*(?:and|while|but|as|whereas)\s+|;\s*|,\s*(?=which\b)")


def _span(name: str, text: str) -> tuple[int, int] | None:
    """Where a name, or another name of the same place or body, stands in an English text."""
    for other in english_names(text):
        if other == name or (canonicals(other) and canonicals(other) == canonicals(name)):
            start = text.find(other)
            return start, start + len(other)
    return None


def _reversed_pairs(text: str, statements: list[str]) -> list[str]:
    """Pairs of names whose roles a clause of the sentence gives the other way round from every cited
    statement that holds both ("Russia intensified its shipments of weapons to North Korea")."""
    out = []
    for clause in _CLAUSES.split(text):
        names = list(dict.fromkeys(statement_names(clause)))
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                sa, sb = _span(a, clause), _span(b, clause)
                mine = english_agent(clause, sa, sb) if sa and sb and sa != sb else None
                if mine is None:
                    continue
                theirs = []
                for statement in statements:
                    ta, tb = _span(a, statement), _span(b, statement)
                    if ta and tb and ta != tb and (agent := english_agent(statement, ta, tb)) is not None:
                        theirs.append(agent)
                if theirs and mine not in theirs:
                    out.append(f"{(a, b)[mine]!r} acts here, {(a, b)[1 - mine]!r} in the cited facts")
    return out


def _lemmas(text: str) -> set[str]:
    words = re.findall(r"[A-Za-z][A-Za-z'-]*", text)
    return {lemma(w, "en") for w in words} | {w.casefold() for w in words}


def check_summary(text: str, fact_ids: list[str], facts: list[Fact]) -> SummaryCheck:
    """A summary sentence against the facts it cites."""
    by_id = {f.id: f for f in facts}
    unknown = [i for i in fact_ids if i not in by_id]
    cited = [by_id[i] for i in fact_ids if i in by_id]
    detail = f"cites {', '.join(fact_ids) or 'nothing'}" + (
        f"; {', '.join(unknown)} do not exist" if unknown else ""
    )
    checks = [result("summary:cites", bool(cited) and not unknown, detail, contradicts=True)]
    weak = [f.id for f in cited if f.check is None or f.check.verdict != "verified"]
    checks.append(
        result(
            "summary:cites_verified", not weak, f"not verified: {', '.join(weak)}" if weak else "all verified"
        )
    )
    backing = " ".join(f.statement for f in cited)
    numbers = english_numbers(backing) + [
        v
        for f in cited
        if f.type == "quantity"
        for v in (f.quantity.value, f.quantity.value_max)
        if v is not None
    ]
    missing_n = [
        v for v in english_numbers(text) if not any(abs(v - n) <= 1e-9 * max(1.0, n) for n in numbers)
    ]
    if missing_n:
        checks.append(
            result(
                "summary:numbers",
                False,
                f"{', '.join(f'{v:g}' for v in missing_n)} not in the cited facts",
                True,
            )
        )
    dates = backing + " " + " ".join(f.when.date for f in cited if f.when)
    missing_d = [y for y in YEAR_RE.findall(text) if y not in dates]
    missing_d += [
        m
        for i, m in enumerate(MONTHS, 1)
        if re.search(rf"\b{m}\b", text) and m not in dates and f"-{i:02d}" not in dates
    ]
    if missing_d:
        checks.append(result("summary:dates", False, f"{', '.join(missing_d)} not in the cited facts", True))
    names = [e.name for f in cited for e in f.entities] + statement_names(backing) + [backing]
    names += [f.attributed_to.name for f in cited if f.attributed_to]
    missing_names = [n for n in statement_names(text) if not any(plausible(n, other)[0] for other in names)]
    if missing_names:
        checks.append(
            result(
                "summary:names", False, f"{', '.join(map(repr, missing_names))} not in the cited facts", True
            )
        )
    known = _lemmas(backing)
    added = [
        w
        for w in content_words(text, statement_names(text))
        if w.casefold() not in known and lemma(w, "en") not in known
    ]
    checks.append(
        result(
            "summary:words",
            not added,
            f"{', '.join(map(repr, added))} not in the cited facts"
            if added
            else "every content word is in the cited facts",
        )
    )
    flipped = _reversed_pairs(text, [f.statement for f in cited])
    if flipped:
        checks.append(result("summary:frame", False, "; ".join(flipped), True))
    if not whole(text):
        checks.append(result("summary:whole", False, "the sentence is cut off", True))
    if len(_FRENCH.findall(text)) >= 3:
        checks.append(
            result("summary:english", False, "the sentence is French, not an English summary", True)
        )
    return SummaryCheck(checks=checks, verdict=verdict_of(checks))


def check_summary_lines(summary: Sequence[SummarySentence], facts: list[Fact]) -> list[SummaryLine]:
    """Summary sentences with the checker's verdict on each."""
    return [
        SummaryLine(text=s.text, fact_ids=s.fact_ids, check=check_summary(s.text, s.fact_ids, facts))
        for s in summary
    ]
