"""Classes of statements the dev set showed the checker getting wrong, on French sentences of our own:
true ones it rejected (an idiom, an irregular participle, "people" counted by a number, a source named
at the end) and false ones it verified (a false friend, two name words resting on one French word, a
source made a participant, a statement cut off without a full stop)."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import TypeAdapter

from summarizer.check import check_fact
from summarizer.check.statement import split_attribution, whole
from summarizer.ingest import prepare
from summarizer.models import Fact
from tests.conftest import needs_dicts

_FACT: TypeAdapter[Fact] = TypeAdapter(Fact)


def _check(french: str, statement: str, **fields: Any) -> tuple[str, dict[str, str]]:
    """The verdict on a statement about a one-sentence article, and the failed checks' details."""
    article = prepare("t", "t.txt", french, "utf-8", "txt", False)
    fact = _FACT.validate_python(
        {
            "id": "F1",
            "type": "event",
            "sentence": 1,
            "quote": french.rstrip("."),
            "statement": statement,
            "certainty": "asserted",
            "event": {"actor": "", "action": ""},
            **fields,
        }
    )
    check = check_fact(article, fact)
    return check.verdict, {c.name: c.detail for c in check.checks if not c.ok}


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement"),
    [
        # an idiom of several French words: "perdre la vie" renders "died"
        ("Douze personnes ont perdu la vie dans l'incendie.", "Twelve people died in the fire."),
        # an irregular participle simplemma leaves as it is: survenues → survenir
        ("Les violences survenues lundi à Lyon ont choqué la ville.", "The violence that occurred in Lyon on Monday shocked the city."),
        # "people" counted by a number is the French number's noun
        ("L'explosion a fait 14 morts à Beyrouth.", "The explosion killed 14 people in Beirut."),
        # "dont" renders "including"
        ("Trente personnes ont été blessées, dont dix enfants.", "Thirty people were injured, including ten children."),
        # a plural count rendered by the French plural
        ("Des millions de personnes ont manifesté dimanche à Hong Kong.", "Millions of people demonstrated in Hong Kong on Sunday."),
        # a source named at the end of the statement is its attribution
        ("Le chômage touche 35% de la population active, selon le ministère des Finances.", "Unemployment affects 35% of the working population, according to the Finance Ministry."),
    ],
)  # fmt: skip
def test_true_statements_are_verified(french: str, statement: str) -> None:
    verdict, failed = _check(french, statement)
    assert verdict == "verified", failed


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "check", "words"),
    [
        # "reporter" means postpone: the look-alike must not render "report"
        ("Le gouvernement a dû reporter le défilé militaire.", "The government had to report the military parade.", "statement:words", "'report'"),
        # "Sea" and "Mediterranean" cannot both rest on "mer"
        ("Le camion a explosé sur le front de mer à Beyrouth.", "The truck exploded on the Mediterranean Sea front in Beirut.", "statement:names", "Mediterranean"),
        # the sentence's source made a participant: "selon la Croix-Rouge" is not "at the Red Cross"
        ("Dix personnes ont été soignées sur place, selon la Croix-Rouge.", "Ten people were treated at the Red Cross.", "frame", "source"),
        # "report" (the noun) means postponement too
        ("Les juges ont refusé un nouveau report du procès.", "The judges refused a new report on the trial.", "statement:words", "'report'"),
        # "un million" is not "millions"
        ("Ils accusent la Chine d'avoir interné au moins un million de musulmans.", "They accuse China of interning millions of Muslims.", "statement:words", "'millions'"),
        # the parts of "belle-mère" and "nord-ouest" do not render "mother" and "north"
        ("Sa belle-mère a été tuée dans l'attaque.", "Her mother was killed in the attack.", "statement:words", "'mother'"),
        # nor may a similarity find "sister" in a name ("Zia")
        ("Si Zia Gul a pu s'enfuir, sa belle-sœur a été gravement blessée.", "Zia Gul fled, and her sister was badly injured.", "statement:words", "'sister'"),
        ("Le bar est situé à 80 kilomètres au nord-ouest de Manille.", "The bar is 80 kilometres north of Manila.", "statement:words", "'north'"),
        # cut off: no full stop and no verb
        ("En début de soirée, quelques centaines de manifestants s'étaient rassemblés.", "At the beginning of the evening, several hundred protesters", "statement:whole", "cut off"),
    ],
)  # fmt: skip
def test_false_statements_are_rejected_with_the_reason(
    french: str, statement: str, check: str, words: str
) -> None:
    verdict, failed = _check(french, statement)
    assert verdict != "verified"
    assert check in failed and words in failed[check], failed


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("Some suggested renaming up to ten military bases", True),
        ("The charges were not linked to M. Mladic", True),
        ("Pompeo met Netanyahu in Jerusalem", True),
        ("The Sino-Israeli cooperation is", False),
        ("These are dangerous violations of confinement,", False),
        ("He was sentenced for his role in the war, which made", False),
        ("Afghanistan: broken lives of the victims", False),
        ("The spokesman denied it. We call on all the parties and ask the", False),
    ],
)
def test_a_statement_ends_like_a_sentence(text: str, ends: bool) -> None:
    assert whole(text) is ends


def test_according_to_inside_or_closing_is_the_attribution() -> None:
    assert split_attribution("The gunmen, according to Akram, first shot at the victims.") == (
        ", according to Akram,",
        "The gunmen first shot at the victims.",
    )
    source, core = split_attribution("Unemployment rose, according to the Finance Ministry.")
    assert source == ", according to the Finance Ministry" and core == "Unemployment rose."
