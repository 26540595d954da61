"""The checker reads the statement itself: the failure classes seen on the seeds (a false fact that
v0.4 verified because its typed fields were empty) and the false-reject classes (a true fact that v0.4
rejected). Each case is a fact a model could write about a seed, with no typed roles."""

from __future__ import annotations

from typing import Any

from pydantic import TypeAdapter

from summarizer.check import check_fact
from summarizer.claims import check_claim
from summarizer.ingest import Article, prepare
from summarizer.models import Fact
from tests.conftest import load_seed, needs_dicts

FACT = TypeAdapter[Fact](Fact)


def fact(sentence: int, quote: str, statement: str, certainty: str = "asserted", **typed: Any) -> Fact:
    """A claim fact with empty typed roles: only what a row of hand-written facts would hold."""
    return FACT.validate_python(
        {
            "id": "F1",
            "type": "claim",
            "sentence": sentence,
            "quote": quote,
            "statement": statement,
            "certainty": certainty,
            "claim": {"speaker": "", "stance": ""},
            **typed,
        }
    )


def failed(article: Article, f: Fact) -> dict[str, str]:
    check = check_fact(article, f)
    assert check.verdict != "verified", check.coverage
    return {c.name: c.detail for c in check.checks if not c.ok}


# --- false facts: never verified, and the check that caught it says why -----------------------------


def test_reversed_frame_with_empty_typed_fields() -> None:
    quote = "La Corée du Nord fournit des missiles balistiques à la Russie"
    out = failed(load_seed("002"), fact(1, quote, "Russia supplies ballistic missiles to North Korea."))
    assert "'Russia' acts in the statement, 'North Korea' in sentence 1" in out["frame"]


def test_wrong_person_sharing_a_first_name() -> None:
    quote = "le ministre russe de la Défense Sergueï Choïgu a effectué une visite rare en RPDC en juillet"
    statement = "Russian Defence Minister Sergei Lavrov made a rare visit to North Korea in July."
    out = failed(load_seed("001"), fact(12, quote, statement))
    assert "Sergei Lavrov'" in out["statement:names"] and "nowhere in the article" in out["statement:names"]


def test_reversed_verb() -> None:
    quote = "La coopération entre Moscou et Pyongyang s’intensifie également dans le domaine militaire"
    statement = "Cooperation between Moscow and Pyongyang has reduced in the military domain."
    out = failed(load_seed("004"), fact(11, quote, statement))
    assert "'reduced' without a counterpart" in out["statement:words"]


def test_added_content_word() -> None:
    quote = "la Corée du Nord a transféré plus d'un million d'obus d'artillerie à la Russie"
    statement = (
        "Reports say the North Korean military transferred more than one million artillery shells to Russia."
    )
    out = failed(load_seed("000"), fact(1, quote, statement, "reported"))
    assert "'military' without a counterpart" in out["statement:words"]


def test_denial_told_as_confirmation() -> None:
    out = failed(
        load_seed("004"),
        fact(9, "Bien que Pyongyang nie ces accusations", "Pyongyang confirmed the accusations."),
    )
    assert "denied" in out["polarity"]


def test_allegation_told_as_fact() -> None:
    quote = "la réunion aurait permis d’aborder des questions"
    out = failed(load_seed("004"), fact(6, quote, "The meeting addressed questions."))
    assert "alleged" in out["certainty"]


def test_claim_year_from_another_sentence() -> None:
    check = check_claim(load_seed("004"), "The mutual defence treaty was signed in June 2023.")
    assert check.verdict != "verified"
    assert any(c.name == "statement:dates" and not c.ok for c in check.checks)


def test_claim_role_word() -> None:
    claim = "Sergei Shoigu, the current Russian defence minister, met Kim Jong-un."
    check = check_claim(load_seed("004"), claim)
    assert check.verdict != "verified"
    assert any(c.name == "statement:words" and "'current'" in c.detail for c in check.checks if not c.ok)


# --- true facts: verified, with what was confirmed ---------------------------------------------------


def verified(article: Article, f: Fact) -> str:
    check = check_fact(article, f)
    assert check.verdict == "verified", [(c.name, c.detail) for c in check.checks if not c.ok]
    return check.coverage


@needs_dicts
def test_name_outside_the_quote() -> None:
    quote = "a visité des usines d’armement nord-coréennes"
    statement = "After this visit, Kim visited North Korean armament factories."
    coverage = verified(load_seed("001"), fact(13, quote, statement))
    assert "names 2/2" in coverage


@needs_dicts
def test_attribution_in_the_previous_sentence() -> None:
    text = (
        "Le porte-parole du Kremlin, Dmitri Peskov, s'est exprimé mardi devant la presse. "
        "Selon lui, les livraisons ont commencé en juillet."
    )
    article = prepare("peskov", "peskov.txt", text, "utf-8", "txt", boilerplate=False)
    f = fact(
        2,
        "les livraisons ont commencé en juillet",
        "According to Dmitry Peskov, the deliveries began in July.",
        "reported",
    )
    f.attributed_to = FACT.validate_python(
        {**f.model_dump(), "attributed_to": {"name": "Dmitry Peskov", "mention": ""}}
    ).attributed_to
    assert "attribution ✓" in verified(article, f)


@needs_dicts
def test_marker_in_another_clause() -> None:
    quote = "la Corée du Nord fournit déjà des armes à la Russie"
    statement = "Reports say North Korea is already supplying weapons to Russia."
    assert "certainty ✓" in verified(load_seed("003"), fact(4, quote, statement, "reported"))


@needs_dicts
def test_short_codes() -> None:
    quote = "des missiles balistiques à courte portée, tels que les KN-23 et KN-02"
    statement = "These deliveries include short-range ballistic missiles such as the KN-23 and KN-02."
    assert "codes 2/2" in verified(load_seed("002"), fact(9, quote, statement))


@needs_dicts
def test_short_name_of_a_person_named_in_full_earlier() -> None:
    quote = "Kim pourrait obtenir une aide énergétique et alimentaire"
    statement = "In exchange, Kim Jong Un could obtain energy and food aid."
    verified(load_seed("001"), fact(17, quote, statement, "speculative"))


@needs_dicts
def test_number_words_that_are_not_quantities() -> None:
    quote = "Le dernier sommet entre Poutine et Kim Jong-un"
    statement = (
        "The last summit between Putin and Kim Jong-un put in evidence the reinforcement of relations"
        " between the two countries."
    )
    assert "numbers" not in verified(load_seed("000"), fact(5, quote, statement))
