"""False statements the checker verified on sentences it had never been tuned on, read by careful
readers (v0.22: French sentences of the RTE-3 and DACCORD kind, and a dev run that cut long sentences
into finer clauses), each beside a true one: a person named by a synonym's guess, a country that starts
like another, a belief told as a declaration, "jour J", a phrasal verb's verb alone, a false friend, a
French acronym, and a source the sentence names replaced by one of the sentence before."""

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


_RELEASED = (
    "Des policiers ont interpellé cinq femmes lundi. Mercredi, trois d'entre elles ont été remises en liberté,"
    " selon le parquet."
)


@needs_dicts
@pytest.mark.parametrize(
    ("french", "statement", "verified"),
    [
        # "fait appel" is an appeal: the "call" of "call on" is no rendering alone
        (
            "La défense et le parquet ont tous deux fait appel.",
            "The defence and the prosecution both called for it.",
            False,
        ),
        (
            "La défense et le parquet ont tous deux fait appel.",
            "The defence and the prosecution both appealed.",
            True,
        ),
        (
            "Le gouvernement a fait appel à l'armée pour rétablir l'ordre.",
            "The government called on the army to restore order.",
            True,
        ),
        # "animatrice" is a host; "PIB" is GDP
        (
            "Jessie Claire, jeune animatrice de radio, a porté plainte.",
            "Jessie Claire, a young radio animator, filed a complaint.",
            False,
        ),
        (
            "Jessie Claire, jeune animatrice de radio, a porté plainte.",
            "Jessie Claire, a young radio host, filed a complaint.",
            True,
        ),
        (
            "Le PIB du pays devrait reculer de 12% cette année.",
            "The country's PIB should decline by 12% this year.",
            False,
        ),
        (
            "Le PIB du pays devrait reculer de 12% cette année.",
            "The country's GDP should decline by 12% this year.",
            True,
        ),
    ],
)
def test_words_a_word_for_word_reading_gets_wrong(french: str, statement: str, verified: bool) -> None:
    verdict, failed = _check(
        french, statement, certainty="speculative" if "devrait" in french else "asserted"
    )
    assert (verdict == "verified") == verified, failed


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        # the sentence names its source: the police of the sentence before are not it (comma forgotten too)
        ("On Wednesday, three of them were released according to the police.", False),
        ("On Wednesday, three of them were released, according to the police.", False),
        ("On Wednesday, three of them were released according to the prosecutor's office.", True),
    ],
)
def test_a_source_the_sentence_names_is_the_source(statement: str, verified: bool) -> None:
    verdict, failed = _check(
        _RELEASED,
        statement,
        sentence=2,
        quote="Mercredi, trois d'entre elles ont été remises en liberté",
        certainty="reported",
    )
    assert (verdict == "verified") == verified, failed


@needs_dicts
@pytest.mark.parametrize(
    ("statement", "verified"),
    [
        # held-out French abstracts: "Otan" as AFP writes it, and "chars" (tanks) copied as an English word
        ("The Otan delivered tanks to Ukraine.", False),
        ("NATO delivered chars to Ukraine.", False),
        ("NATO delivered tanks to Ukraine.", True),
    ],
)
def test_a_french_word_that_is_spelt_like_an_english_one_is_still_french(
    statement: str, verified: bool
) -> None:
    verdict, failed = _check("L'Otan a livré des chars à l'Ukraine.", statement)
    assert (verdict == "verified") == verified, failed
