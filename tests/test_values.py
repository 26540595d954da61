from __future__ import annotations

from datetime import date

import pytest

from summarizer.check.values import DateValue, amount_matches, date_agrees, parse_amounts, parse_date


@pytest.mark.parametrize(
    ("text", "value", "value_max", "qualifier", "unit"),
    [
        ("plus d'un million d'obus", 1e6, None, "more_than", "obus"),
        ("entre 10 000 et 12 000 conteneurs", 10_000, 12_000, "between", "conteneurs"),
        ("1,5 million de dollars", 1.5e6, None, "exact", "dollars"),
        ("des obus de 122mm", 122, None, "exact", "mm"),
        ("pendant six semaines", 6, None, "exact", "semaines"),
        ("près de 300 000 obus", 300_000, None, "about", "obus"),
        ("cinq cent mille obus", 500_000, None, "exact", "obus"),
        ("au moins deux fois", 2, None, "more_than", "fois"),
    ],
)
def test_french_amounts(text: str, value: float, value_max: float | None, qualifier: str, unit: str) -> None:
    (a,) = parse_amounts(text)
    assert (a.value, a.value_max, a.qualifier, a.unit) == (value, value_max, qualifier, unit)


def test_vague_amounts_are_ranges_not_values() -> None:
    (a,) = parse_amounts("rapporter des milliards de dollars")
    assert a.value is None and a.low == 1e9
    assert amount_matches(a, 3e9, None, "more_than")
    assert not amount_matches(a, 3e9, None, "exact")  # "des milliards" is never an exact figure
    assert not amount_matches(a, 5e6, None, "more_than")
    (b,) = parse_amounts("trois millions d'obus")  # a number with its scale is not vague
    assert b.value == 3e6


def test_english_amounts() -> None:
    (a,) = parse_amounts("more than one million shells", "en")
    assert (a.value, a.qualifier) == (1e6, "more_than")


@pytest.mark.parametrize(
    ("mention", "published", "expected"),
    [
        ("juin 2024", None, "2024-06"),
        ("04/10/2024", None, "2024-10-04"),  # day first
        ("fin juillet", date(2024, 10, 4), "2024-07"),
        ("depuis le mois de juillet", date(2024, 2, 1), "2023-07"),  # the last July before publication
        ("en 2019", None, "2019"),
        ("l'an dernier", date(2024, 10, 4), "2023"),
    ],
)
def test_french_dates(mention: str, published: date | None, expected: str) -> None:
    got = parse_date(mention, published)
    assert isinstance(got, DateValue) and got.value == expected


def test_dates_that_cannot_be_resolved_say_why() -> None:
    assert (
        parse_date("fin juillet", None) == "'fin juillet' has no year and the article has no publication date"
    )
    assert parse_date("longtemps", date(2024, 1, 1)) == "'longtemps' is not a date"


def test_date_precision() -> None:
    assert date_agrees("2024-10", "2024-10-04")  # less precise is fine
    assert not date_agrees("2024-10-04", "2024-10")  # invented day
    assert not date_agrees("2021-07", "2024-07")


def test_roman_ordinals_are_numbers_and_articles_are_not() -> None:
    text = "Le maire du XVIIe arrondissement, sous la Ve République, au XXe siècle. Ce matin, Louis Ier."
    assert [a.value for a in parse_amounts(text)] == [17, 5, 20]
    assert [a.value for a in parse_amounts("the XIVth arrondissement", "en")] == [14]
