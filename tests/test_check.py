from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from summarizer.check import check_fact
from summarizer.check.certainty import markers
from summarizer.ingest import Article
from summarizer.models import Fact
from tests.conftest import load_seed

FACT = TypeAdapter[Fact](Fact)


@pytest.fixture(scope="module")
def seed004() -> Article:
    return load_seed("004")


def _fact(**fields: Any) -> Fact:
    base: dict[str, Any] = {
        "id": "F1",
        "type": "event",
        "certainty": "reported",
        "event": {"actor": "KCNA", "action": "reported"},
    }
    return FACT.validate_python({**base, **fields})


def test_true_fact_is_verified(seed004: Article) -> None:
    fact = _fact(
        sentence=9,
        quote="Bien que Pyongyang nie ces accusations",
        statement="Pyongyang denies the accusations.",
        certainty="denied",
        entities=[{"name": "North Korea", "kind": "country", "mention": "Pyongyang"}],
    )
    check = check_fact(seed004, fact)
    assert check.verdict == "verified", check.checks
    assert check.span is not None
    assert seed004.raw[check.span.start : check.span.end] == check.span.text == fact.quote


def test_allegation_cannot_be_asserted(seed004: Article) -> None:
    fact = _fact(
        sentence=6,
        quote="la réunion aurait permis d’aborder des questions",
        statement="The meeting addressed regional questions.",
        certainty="asserted",
    )
    check = check_fact(seed004, fact)
    assert check.verdict == "unsupported"  # an allegation told as a fact contradicts the source
    failed = {c.name: c for c in check.checks if not c.ok}
    assert failed["certainty"].contradicts and "alleged" in failed["certainty"].detail


@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        # The 1.5B model's own statement on seed 004 (sentence-first run): the accused became the recipient.
        (
            "The United States and South Korea have accused Russia of providing weapons, including missiles.",
            False,
        ),
        ("Russia provided weapons, including missiles, to North Korea.", False),
        (
            "North Korea was accused by the United States and South Korea of providing weapons to Russia.",
            True,
        ),
    ],
)
def test_the_recipient_cannot_become_the_one_who_acts(
    seed004: Article, statement: str, verified: bool
) -> None:
    sentence = next(s for s in seed004.sentences if "a été accusée par les États-Unis" in s.text)
    fact = _fact(
        sentence=sentence.n,
        quote="d’avoir fourni des armes, y compris des missiles, à la Russie",
        statement=statement,
        certainty="alleged",
    )
    check = check_fact(seed004, fact)
    assert (check.verdict == "verified") == verified, check.checks
    if not verified:
        failed = {c.name: c.detail for c in check.checks if not c.ok}
        assert "frame" in failed and "'Russia' acts in the statement" in failed["frame"]


def test_mention_missing_from_sentence_is_named(seed004: Article) -> None:
    fact = _fact(
        sentence=2,
        quote="traité de défense mutuelle signé en juin 2024",
        statement="A mutual defence treaty was signed in June 2024.",
        certainty="asserted",
        when={"date": "2024-07", "mention": "juillet 2024"},
    )
    check = check_fact(seed004, fact)
    assert check.verdict == "partial"
    (failed,) = [c for c in check.checks if not c.ok]
    assert failed.name == "mention:when"
    assert "'juillet 2024' not in the sentence" in failed.detail


def test_unlocated_fact_is_unsupported_with_reason(seed004: Article) -> None:
    fact = _fact(
        sentence=8, quote="la Russie a fourni des obus à la Corée du Nord", statement="Russia gave shells."
    )
    check = check_fact(seed004, fact)
    assert check.verdict == "unsupported"
    assert check.span is None
    assert check.checks[0].name == "evidence_located" and not check.checks[0].ok
    assert "not found" in check.checks[0].detail


def test_wrong_cited_sentence_is_partial(seed004: Article) -> None:
    fact = _fact(
        sentence=3,
        quote="Bien que Pyongyang nie ces accusations",
        statement="Pyongyang denies the accusations.",
        certainty="denied",
    )
    check = check_fact(seed004, fact)
    assert check.verdict == "partial"
    assert [c.name for c in check.checks if not c.ok] == ["cited_sentence"]


@pytest.mark.parametrize(
    ("sentence", "kinds"),
    [
        ("La Corée du Nord aurait livré des obus.", ["alleged"]),
        ("Moscou a démenti ces informations.", ["denied"]),
        ("Selon Bloomberg, les livraisons ont lieu depuis juillet.", ["reported"]),
        ("Kim pourrait obtenir une aide énergétique.", ["speculative"]),
        ("La Russie a signé un traité en juin 2024.", []),
    ],
)
def test_certainty_markers(sentence: str, kinds: list[str]) -> None:
    assert markers(sentence) == set(kinds)
