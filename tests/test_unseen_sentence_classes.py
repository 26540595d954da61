"""False statements the checker verified on French news sentences it had never been tuned on (v0.22's
run over sentences of the RTE-3 and DACCORD style, read by careful readers), each beside a true one: a
person named by a synonym's guess, a country that starts like another, a belief told as a
declaration, and "jour J"."""

from __future__ import annotations

import pytest

from tests.conftest import needs_dicts
from tests.test_statement_checks import _check

_KREMLIN = "Lundi, le porte-parole du Kremlin a rejeté catégoriquement toutes les accusations."
_SLOVAKS = (
    "Le jour de Nouvel An 1993, les Slovaques ont mis fin à mille ans d'asservissement à la Hongrie et à sept"
    " décennies en tant que partenaire junior de la Tchécoslovaquie et ont célébré la naissance d'une république"
    " souveraine."
)
_LIEN = '"Je crois que la porte a été ouverte", a déclaré Lien.'
_DDAY = (
    "Les bénévoles espèrent récolter suffisamment d'argent pour faire naviguer le O'Brien jusqu'en France"
    " pour la grande célébration du jour J."
)


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "certainty", "verified"),
    [
        # "ambassador" rested on "porte-parole" through a WordNet synonym: who acts needs a dictionary
        (
            _KREMLIN,
            "On Monday, the Kremlin's ambassador categorically rejected all the accusations.",
            "denied",
            False,
        ),
        (
            _KREMLIN,
            "On Monday, the Kremlin's spokesman categorically rejected all the accusations.",
            "denied",
            True,
        ),
        # "Czech" is Tchéquie's: "Tchécoslovaquie" only starts like it
        (
            _SLOVAKS,
            "In 1993, the Slovaks ended seven decades as a junior partner of the Czech Republic.",
            "asserted",
            False,
        ),
        (
            _SLOVAKS,
            "In 1993, the Slovaks ended seven decades as a junior partner of Czechoslovakia.",
            "asserted",
            True,
        ),
        # "je crois que": a belief, which "declared that" drops
        (_LIEN, "Lien declared that the door had been opened.", "reported", False),
        (_LIEN, "Lien said he believed the door had been opened.", "reported", True),
        # "jour J" is D-Day, never "the day"
        (
            _DDAY,
            "The volunteers hope to collect enough money to sail the O'Brien to France for the big celebration of the day.",
            "asserted",
            False,
        ),
        (
            _DDAY,
            "The volunteers hope to collect enough money to sail the O'Brien to France for the big celebration.",
            "asserted",
            True,
        ),
    ],
)
def test_unseen_sentence_classes(french: str, statement: str, certainty: str, verified: bool) -> None:
    verdict, failed = _check(french, statement, quote=french.rstrip(".")[:90], certainty=certainty)
    assert (verdict == "verified") == verified, failed
