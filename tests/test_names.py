from __future__ import annotations

import pytest

from summarizer.check.names import english_names, find_rendering, plausible


@pytest.mark.parametrize(
    ("name", "mention"),
    [
        ("Sergei Shoigu", "Sergueï Choïgou"),
        ("Kyrylo Budanov", "Kyrylo Boudanov"),
        ("Luhansk", "Louhansk"),
        ("North Korea", "la Corée du Nord"),
        ("North Korea", "la RPDC"),
        ("North Korea", "Pyongyang"),
        ("Kim Jong Un", "Kim Jong-un"),
        ("Vladimir Putin", "Vladimir Poutine"),
        ("North Korean authorities", "les responsables nord-coréens"),
        ("Shoigu", "Choïgou"),
    ],
)
def test_renderings(name: str, mention: str) -> None:
    ok, why = plausible(name, mention)
    assert ok, why


@pytest.mark.parametrize(
    ("name", "mention", "why"),
    [
        ("China", "la Corée du Nord", "'China' names China but 'la Corée du Nord' names North Korea"),
        ("Russia", "Pyongyang", "'Russia' names Russia but 'Pyongyang' names North Korea"),
        (
            "Kyrylo Budanov",
            "Volodymyr Zelensky",
            "kyrylo, budanov of 'Kyrylo Budanov' not in 'Volodymyr Zelensky'",
        ),
    ],
)
def test_wrong_renderings_say_why(name: str, mention: str, why: str) -> None:
    assert plausible(name, mention) == (False, why)


def test_find_rendering_gives_offsets() -> None:
    text = "Selon Kyrylo Boudanov, la Corée du Nord a livré des obus à la Russie."
    for name, found in [("Budanov", "Boudanov"), ("North Korea", "Corée du Nord"), ("Russia", "Russie")]:
        pos = find_rendering(name, text)
        assert pos is not None and text[pos[0] : pos[1]] == found
    assert find_rendering("China", text) is None


def test_english_names() -> None:
    text = "According to Bloomberg, North Korea's shells reached Russia in July; Sergei Shoigu visited."
    assert english_names(text) == ["Bloomberg", "North Korea", "Russia", "July", "Sergei Shoigu"]
