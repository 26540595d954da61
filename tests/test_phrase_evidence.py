"""Words that are evidence only beside their neighbours: the modifier of an English noun compound a French
word is rendered by ("public" of "public prosecutor" for "procureur"), a word of a French name the statement
gives ("Grand" of "Super Grand Prix" for "high"), and a verb describing the source of an attribution,
which the sentences before may not supply (v0.20 dev run, its 30-fact sample, French RTE-3 sentences)."""

from __future__ import annotations

import pytest

from tests.conftest import needs_dicts
from tests.test_statement_checks import _check

_PROSECUTOR = (
    "Mais pour le procureur, qui avait requis huit mois de prison avec sursis, une peine moindre que"
    " celle prononcée par le tribunal, le plan était suffisamment clair pour l'alerter."
)
_TEAR_GAS = "Les policiers ont dû faire usage de gaz lacrymogène pour disperser la foule."
_POLL = (
    "Les Américains n'apprécient guère la façon dont il gère cette crise. Selon la moyenne des sondages"
    " du site FiveThirtyEight, 58,2% désapprouvent sa réponse face à la pandémie."
)


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # "l'alerter" alerts her; "public" rested on the "procureur" a dictionary renders "public prosecutor"
        (
            _PROSECUTOR,
            "But for the prosecutor, who had required eight months of prison with a suspended sentence, a lesser sentence than the one pronounced by the court, the plan was sufficiently clear to alert the public.",
            False,
        ),
        (
            _PROSECUTOR,
            "But for the prosecutor, who had required eight months of prison with a suspended sentence, a lesser sentence than the one pronounced by the court, the plan was sufficiently clear to alert her.",
            True,
        ),
        (
            _PROSECUTOR,
            "But for the public prosecutor, who had required eight months of prison with a suspended sentence, a lesser sentence than the one pronounced by the court, the plan was sufficiently clear to alert her.",
            True,
        ),
        # the compound as a whole renders "lacrymogène" (with "tear" alone it rested on "toucher")
        (_TEAR_GAS, "Police had to use tear gas to disperse the crowd.", True),
        (_TEAR_GAS, "Police had to use tear bombs to disperse the crowd.", False),
    ],
)
def test_a_compounds_modifier_is_no_rendering_on_its_own(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(french, statement, quote=french.rstrip(".")[-60:])
    assert (verdict == "verified") == verified, failed
    if not verified:
        assert "statement:words" in failed


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        # "conducted" had rested on the sentence before's "gère" (manage, conduct)
        (
            "According to the average poll conducted by FiveThirtyEight, 58.2% disapprove of his response to the pandemic.",
            False,
        ),
        (
            "According to the average of the polls of FiveThirtyEight, 58.2% disapprove of his response to the pandemic.",
            True,
        ),
    ],
)
def test_a_verb_describing_the_source_rests_on_the_sentence(statement: str, verified: bool) -> None:
    verdict, failed = _check(
        _POLL, statement, sentence=2, quote="58,2% désapprouvent sa réponse face à la pandémie"
    )
    assert (verdict == "verified") == verified, failed


_MEETING = (
    "La Mozambicaine Maria Mutola et l'Israélien Alex Averbukh ont réalisé les meilleures performances de"
    " l'année, au 800 mètres féminin et au saut à la perche masculin, lors du Super Grand Prix de Madrid."
)


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        # "high" rested on the "Grand" of the "Super Grand Prix" the statement names (RTE-3, never tuned on)
        (
            "Maria Mutola and Alex Averbukh achieved the best performances of the year in the 800 meters and the high jump at the Super Grand Prix in Madrid.",
            False,
        ),
        (
            "Maria Mutola and Alex Averbukh achieved the best performances of the year in the 800 meters and the pole vault.",
            True,
        ),
        (
            "Maria Mutola and Alex Averbukh achieved the best performances of the year at the Super Grand Prix in Madrid.",
            True,
        ),
    ],
)
def test_a_word_of_a_name_renders_no_common_word(statement: str, verified: bool) -> None:
    verdict, failed = _check(_MEETING, statement, quote=_MEETING[:100])
    assert (verdict == "verified") == verified, failed
