from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.check.alignment import FUZZY_MIN, locate, normalize
from summarizer.ingest import Article, load_articles
from tests.conftest import load_seed


def _article(tmp_path: Path, text: str) -> Article:
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    (article,), _ = load_articles([path])
    return article


@pytest.fixture(scope="module")
def seed004() -> Article:
    return load_seed("004")


def test_exact_quote_in_cited_sentence(seed004: Article) -> None:
    hit = locate(seed004, "Bien que Pyongyang nie ces accusations", 9)
    assert (hit.status, hit.sentence) == ("exact", 9)
    assert hit.start is not None and hit.end is not None
    assert seed004.raw[hit.start : hit.end] == "Bien que Pyongyang nie ces accusations"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("l'agence nord-coréenne KCNA", "l’agence nord-coréenne KCNA"),  # ' for ’
        ('une augmentation "exponentielle" du nombre', "une augmentation « exponentielle » du nombre"),  # « »
        ("SELON L’AGENCE NORD-CORÉENNE KCNA,", "Selon l’agence nord-coréenne KCNA"),  # case + trailing comma
        ("Selon l'agence nord-coreenne KCNA", "Selon l’agence nord-coréenne KCNA"),  # accents dropped
        ("d'un mauvais oeil ce rapprochement", "d’un mauvais œil ce rapprochement"),  # œ
    ],
)
def test_normalized_french_typography(seed004: Article, quote: str, expected: str) -> None:
    hit = locate(seed004, quote, None)
    assert hit.status == "normalized"
    assert hit.start is not None and hit.end is not None
    assert seed004.raw[hit.start : hit.end] == expected


def test_nbsp_and_spacing(tmp_path: Path) -> None:
    article = _article(tmp_path, "Le Kremlin vise à obtenir\u00a0«\u202fdes millions\u202f» de munitions.")
    hit = locate(article, "vise à obtenir « des millions » de munitions", 1)
    assert hit.status == "normalized"
    assert hit.start is not None and hit.end is not None
    assert article.raw[hit.start : hit.end] == "vise à obtenir\u00a0«\u202fdes millions\u202f» de munitions"


@pytest.mark.parametrize(
    "quote", ["obus de 122mm (et 152mm)?", "[KN-23] *et* KN-02+", "coût: 1.5$ (^_^)|\\d+"]
)
def test_regex_metacharacters_are_plain_text(tmp_path: Path, quote: str) -> None:
    article = _article(tmp_path, f"Le rapport cite {quote} selon les experts. Autre phrase ici.")
    hit = locate(article, quote, 1)
    assert hit.status == "exact"
    assert hit.start is not None and hit.end is not None
    assert article.raw[hit.start : hit.end] == quote


def test_regex_metacharacters_never_match_by_pattern(tmp_path: Path) -> None:
    article = _article(tmp_path, "Des obus de 122mm et 152mm ont été livrés à la Russie cette année.")
    hit = locate(article, "obus de .* livrés", 1)
    assert hit.status == "none"


def test_fuzzy_typo_is_located_with_score(seed004: Article) -> None:
    hit = locate(seed004, "des enquêtes menées par des organismes indépendents", 9)
    assert hit.status == "fuzzy"
    assert FUZZY_MIN <= hit.score < 100
    assert hit.start is not None and hit.end is not None
    assert "organismes ind" in seed004.raw[hit.start : hit.end]


def test_quote_found_outside_cited_sentence(seed004: Article) -> None:
    hit = locate(seed004, "Bien que Pyongyang nie ces accusations", 2)
    assert (hit.status, hit.sentence) == ("exact", 9)


def test_fabricated_quote_is_not_located(seed004: Article) -> None:
    hit = locate(seed004, "la Russie a livré des obus à la Corée du Nord", 8)
    assert hit.status == "none"
    assert hit.start is None
    assert "not found" in hit.detail and "best fuzzy score" in hit.detail


def test_short_quotes_are_never_fuzzy(seed004: Article) -> None:
    assert locate(seed004, "la Rusie", 1).status == "none"


def test_normalize() -> None:
    assert normalize("  « L’Œuvre »  ") == "l'oeuvre"
    assert normalize("Corée\u00a0du   Nord.") == "coree du nord"


def test_not_found_detail_names_a_missing_cited_sentence(seed004: Article) -> None:
    assert "sentence 99 does not exist" in locate(seed004, "phrase inventée de toutes pièces", 99).detail
    assert "None" not in locate(seed004, "phrase inventée de toutes pièces", None).detail
