"""Every hand-written true fact about the seeds is verified; every lexical mutation of it (number, date,
entity, attribution, fabricated quote, another article's quote, certainty, direction) is rejected, and
the rejection names the check that caught it."""

from __future__ import annotations

import pytest

from summarizer.check import check_fact
from tests.conftest import load_seed, needs_dicts
from tests.mutations import Case, cases

pytestmark = needs_dicts
CASES = cases()


@pytest.mark.parametrize("case", CASES, ids=[f"{c.seed}-{c.fact.id}-{c.kind}" for c in CASES])
def test_mutation(case: Case) -> None:
    check = check_fact(load_seed(case.seed), case.fact)
    failed = {c.name: c.detail for c in check.checks if not c.ok}
    if case.expect is None:
        assert check.verdict == "verified", failed
    else:
        assert check.verdict != "verified"
        assert case.expect in failed, failed
        assert failed[case.expect]  # a rejection always says why


def test_suite_covers_every_mutation_kind() -> None:
    kinds = {c.kind for c in CASES}
    assert kinds >= {
        "true",
        "number",
        "date",
        "entity",
        "attribution",
        "quote_fabricated",
        "quote_other_article",
        "certainty",
        "direction",
    }
    assert sum(c.kind == "true" for c in CASES) >= 12
