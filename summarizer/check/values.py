"""Typed values read from source text: French amounts ("plus d'un million", "10 000", "1,5 million",
"122mm", "des milliards") and French dates ("juin 2024", "04/10/2024", "fin juillet", "en 2019").

Number words go through text2num (``alpha2digit``), dates through dateparser (day first, year-less
dates resolved against the article's publication date). Only the glue lives here: digit grouping,
scale words, qualifiers and units.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cache
from typing import Any

from summarizer.check.alignment import normalize
from summarizer.models import Qualifier

# --- amounts ---------------------------------------------------------------------------------------

_SCALES = {"mille": 1e3, "millier": 1e3, "million": 1e6, "milliard": 1e9, "billion": 1e12}
_SCALE_RE = r"(?:1000|1000000|1000000000|mille|milliers?|millions?|milliards?)"
# Vague amounts: "des milliards", "des dizaines de milliers", "une centaine" (value range, no exact value).
_VAGUE = {"dizaine": 10.0, "vingtaine": 20.0, "trentaine": 30.0, "centaine": 100.0, "millier": 1e3}
# "des milliards", "des dizaines de milliers", "milliards de dollars" (a plural scale with no number
# before it) and "une centaine": ranges, not values.
_VAGUE_RE = re.compile(
    r"\b(des )?(dizaines|centaines|milliers|millions|milliards)(?: de (milliers|millions|milliards))?\b"
    r"|\b(?:une |un )?(dizaine|vingtaine|trentaine|centaine|millier)s?\b"
)
_NUMBER = re.compile(
    r"(?P<num>\d{1,3}(?:[ .]\d{3})+(?!\d)|\d+)(?:,(?P<dec>\d+))?"
    r"(?:\s*(?P<scale>" + _SCALE_RE + r")\b)?"
)
_QUALIFIERS: list[tuple[Qualifier, str]] = [
    ("more_than", r"(?:plus d'|plus de|au moins|au-dela de|depasse\w*|superieure? a|over|more than|at least|upwards of|in excess of|above)\s*$"),
    ("less_than", r"(?:moins d'|moins de|jusqu'a|pouvant atteindre|inferieure? a|less than|fewer than|up to|as many as|as much as|under|below|at most)\s*$"),
    ("about", r"(?:environ|pres d'|pres de|quelque|quelques|presque|quasiment|autour de|about|around|nearly|some|approximately|roughly|almost|close to|an estimated)\s*$"),
]  # fmt: skip
# French unit words and the English words that render them.
_UNITS = {
    "mm": ("mm", "millimet"), "km": ("km", "kilomet"), "kilometres": ("km", "kilomet"), "%": ("%", "percent"),
    "pour cent": ("%", "percent"), "semaines": ("week",), "semaine": ("week",), "jours": ("day",),
    "jour": ("day",), "mois": ("month",), "ans": ("year",), "annees": ("year",), "heures": ("hour",),
    "tonnes": ("ton",), "dollars": ("dollar", "$", "usd"), "euros": ("euro", "€", "eur"),
}  # fmt: skip


@dataclass(frozen=True)
class Amount:
    """A number read from text. ``value`` is None for vague amounts, which give ``low``-``high``."""

    value: float | None
    value_max: float | None
    qualifier: Qualifier
    unit: str
    text: str
    low: float = 0.0
    high: float = math.inf

    def describe(self) -> str:
        if self.value is None:
            return f"{self.text!r} (vague, {self.low:g} to {self.high:g})"
        rng = f"{self.value:g}-{self.value_max:g}" if self.value_max is not None else f"{self.value:g}"
        return f"{self.text!r} ({self.qualifier} {rng}{' ' + self.unit if self.unit else ''})"


def _to_float(num: str, dec: str | None) -> float:
    return float(re.sub(r"[ .]", "", num) + ("." + dec if dec else ""))


@cache
def number_word(word: str) -> bool:
    """Whether a French word is a number ("deux", "vingt")."""
    from text_to_num import text2num

    try:
        text2num(word, "fr")
    except ValueError:
        return False
    return True


def _is_number(words: list[str]) -> bool:
    return bool(words) and (number_word(words[0]) or words[0].replace(",", "").isdigit())


def digits(text: str, lang: str) -> str:
    """A text with its number words written in digits ("trois morts" → "3 morts")."""
    from text_to_num import alpha2digit

    if lang == "fr":  # ordinals, whose accent text2num needs back: "quatrieme" → "quatrième" → 4eme
        text = _ORDINAL_FR.sub(lambda m: normalize(alpha2digit(m.group(1) + "ième", "fr")), text)
    # threshold=2 converts "deux" and up but leaves the article "un/une" alone.
    return str(alpha2digit(text, lang, threshold=2))


_ORDINAL_FR = re.compile(r"\b([a-z]+(?:-[a-z]+)*)ieme\b")
# An ordinal counts as a number from the third on: "second"/"seconde" and "first"/"premier" are also
# words of time and rank ("une seconde fois"), which the French may not give in numbers.
_ORDINAL_SUFFIX = re.compile(r"(?:eme|e|th|rd)\b")
# "le 1er juin": the first day of a month is a date's day, though "premier" is no number.
_FIRST_DAY = re.compile(
    r"(?:er|re) (?:janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre)\b"
)


def _unit_after(text: str, end: int) -> str:
    m = re.match(r"\s*(?:de |d')?\s*([%\w]+(?: cent)?)", text[end:])
    return m.group(1) if m else ""


# Clock times: "6 pm", "6.30 p.m.", "18:00" in English; "18h", "18h30" in French.
_CLOCK_EN = re.compile(r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(?:([ap])\.?m\b\.?|(?<=:\d{2})(?=\s|$))")
_CLOCK_FR = re.compile(r"\b(\d{1,2})\s?h\s?(\d{2})?\b")


def _hour_24(m: re.Match[str]) -> str:
    hour, minutes, half = int(m.group(1)), m.group(2), m.group(3)
    if half == "p" and hour < 12:
        hour += 12
    elif half == "a" and hour == 12:
        hour = 0
    return f"{hour} {minutes}" if minutes and minutes != "00" else f"{hour}"


# A Roman ordinal: "XVIIe arrondissement", "XXe siècle", "Ve République", "the XVIIth arrondissement".
# Not "Le", "Ce": a lone L or C is a word's capital.
ROMAN_ORDINAL = re.compile(r"\b([IVX][IVXLC]*|[LC][IVXLC]+)(e|ème|eme|er|th)\b")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def roman(numeral: str) -> int:
    """The value of a Roman numeral in capitals ("XVII" → 17)."""
    values = [_ROMAN[c] for c in numeral]
    return sum(-v if v < nxt else v for v, nxt in zip(values, [*values[1:], 0], strict=True))


# English plural amounts, read as the French ones: "tens of thousands" is "des dizaines de milliers".
_PLURAL_EN = re.compile(r"\b(?:(tens|dozens|hundreds) of )?(tens|dozens|hundreds|thousands) of\b")
_PLURAL_FR = {"tens": "dizaines", "dozens": "dizaines", "hundreds": "centaines", "thousands": "milliers"}


def _plural_en(m: re.Match[str]) -> str:
    scale = f"{_PLURAL_FR[m.group(1)]} de " if m.group(1) else ""
    return f"des {scale}{_PLURAL_FR[m.group(2)]} of"


def parse_amounts(text: str, lang: str = "fr") -> list[Amount]:
    """Every amount in a French (or English) text, with its qualifier and the unit word after it."""
    base = normalize(ROMAN_ORDINAL.sub(lambda m: f"{roman(m.group(1))}{m.group(2)}", text))
    if lang == "en":
        base = _PLURAL_EN.sub(_plural_en, base)
        base = _CLOCK_EN.sub(_hour_24, base)  # "6 pm", "18:00": the hour as a French clock gives it
        base = re.sub(r"(?<=\d),(?=\d{3}\b)", "", base)  # 10,000 is ten thousand in English
        base = re.sub(r"(?<=\d)\.(?=\d+\b)", ",", base)  # and 23.70 is a decimal
    else:
        base = _CLOCK_FR.sub(r"\1 heures \2", base)  # "18h30": 18 hours and 30
    out: list[Amount] = []
    vague_spans = []
    for m in _VAGUE_RE.finditer(base):
        if m.group(2) and not m.group(1) and _is_number(base[: m.start()].split()[-1:]):
            continue  # "trois millions": a number with its scale
        vague_spans.append(m.span())
        low = 1.0
        for w in (w for w in m.groups()[1:] if w):
            low *= _VAGUE.get(w.rstrip("s")) or _SCALES[w.rstrip("s")]
        vague = m.group(4) is None
        unit = _unit_after(base, m.end())
        lo, hi = (low, low * 10) if vague else (low / 2, low * 2)  # "des milliers": 1,000 to 9,999
        out.append(Amount(None, None, "about", unit, m.group(0), low=lo, high=hi))
    for start, end in vague_spans:
        base = base[:start] + " " * (end - start) + base[end:]
    flat = re.sub(r"\b(un|une|one|a) (" + _SCALE_RE + r")\b", r"1 \2", digits(base, lang))
    for m in _NUMBER.finditer(flat):
        glued = re.match(r"[a-z]", flat[m.end() : m.end() + 1]) and not m.group("scale")
        value = _to_float(m.group("num"), m.group("dec"))
        ordinal = glued and (
            (value >= 3 and _ORDINAL_SUFFIX.match(flat, m.end()))
            or (value == 1 and _FIRST_DAY.match(flat, m.end()))
        )
        if glued and not ordinal and not re.match(r"(mm|km|cm|m)\b", flat[m.end() :]):
            continue  # "122mm" is a number with its unit; "t34" is a name
        scale = m.group("scale")
        if scale:
            value *= float(scale) if scale.isdigit() else _SCALES[scale.rstrip("s")]
        before = flat[max(0, m.start() - 30) : m.start()]
        qualifier: Qualifier = "exact"
        for name, pattern in _QUALIFIERS:
            if re.search(pattern, before):
                qualifier = name
        out.append(Amount(value, None, qualifier, _unit_after(flat, m.end()), m.group(0)))
    return _ranges(flat, out)


def _ranges(flat: str, amounts: list[Amount]) -> list[Amount]:
    """Join "entre A et B", "de A à B" and "A-B" into one ``between`` amount."""
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        if i + 1 < len(amounts) and a.value is not None and amounts[i + 1].value is not None:
            b = amounts[i + 1]
            pattern = re.escape(a.text) + r"\s*(?:et|a|-|and|to)\s*" + re.escape(b.text)
            if re.search(pattern, flat):
                out.append(Amount(a.value, b.value, "between", b.unit, f"{a.text} .. {b.text}"))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def unit_words(amount: Amount) -> tuple[str, ...] | None:
    """English words one of which a fact's unit must contain, when the amount has a measure unit."""
    return _UNITS.get(amount.unit)


def amount_matches(a: Amount, value: float, value_max: float | None, qualifier: Qualifier) -> bool:
    """Whether a fact's (value, value_max, qualifier) says what the amount says."""
    if a.value is None:
        return a.low <= value < a.high and qualifier != "exact"
    if not math.isclose(value, a.value, rel_tol=1e-9):
        return False
    if a.value_max is not None:
        return value_max is not None and math.isclose(value_max, a.value_max, rel_tol=1e-9)
    return value_max is None or math.isclose(value_max, value)


def amount_says(a: Amount, number: float) -> bool:
    """Whether a bare number (from an English statement) is one the amount gives."""
    if a.value is None:
        return a.low <= number < a.high
    return any(math.isclose(number, v, rel_tol=1e-9) for v in (a.value, a.value_max) if v is not None)


# Currencies by their signs and names: English, then French.
_CURRENCIES = {
    "dollar": (r"\$|\bdollars?\b|\busd\b", r"\$|\bdollars?\b|\bbillets? verts?\b"),
    "euro": (r"€|\beuros?\b|\beur\b", r"€|\beuros?\b"),
    "pound": (r"£|\bpounds?\b|\bsterling\b", r"£|\blivres?\b"),
    "franc": (r"\bfrancs?\b|\bchf\b", r"\bfrancs?\b"),
    "rouble": (r"\bro?ubles?\b", r"\broubles?\b"),
}


def currencies(text: str, lang: str) -> set[str]:
    """The currencies a text names ("$6,430", "6430 euros")."""
    folded = text.casefold()
    return {name for name, (en, fr) in _CURRENCIES.items() if re.search(en if lang == "en" else fr, folded)}


def qualifier_ok(source: Qualifier, fact: Qualifier) -> bool:
    """A fact may soften an exact number to "about"; it may not drop or change a qualifier."""
    return fact == source or (source == "exact" and fact == "about")


# --- dates -----------------------------------------------------------------------------------------

_FILLER = r"\b(depuis|des|dès|en|le|la|les|au|aux|du|de|d'|mois|courant|fin|debut|début|mi|dernier|derniere|dernière|prochain|prochaine|annee|année)\b"
YEAR_RE = re.compile(r"\b(1[89]\d{2}|20\d{2})\b")


@dataclass(frozen=True)
class DateValue:
    """A date read from a French mention: ``value`` is YYYY, YYYY-MM or YYYY-MM-DD."""

    value: str
    note: str = ""


@cache
def _parser(base: datetime | None) -> Any:
    from dateparser.date import DateDataParser

    settings: dict[str, Any] = {"DATE_ORDER": "DMY", "PREFER_DATES_FROM": "past"}
    if base is not None:
        settings["RELATIVE_BASE"] = base
    return DateDataParser(languages=["fr", "en"], settings=settings)


def published_date(published: str | None) -> date | None:
    """The date part of an article's ``published`` field, if it has one."""
    if not published:
        return None
    try:
        return date.fromisoformat(published[:10])
    except ValueError:
        return None


def parse_date(mention: str, published: date | None) -> DateValue | str:
    """The date a French mention gives, or a reason it gives none."""
    text = normalize(mention).replace("l'an dernier", "").replace("l'annee derniere", "")
    if text != normalize(mention):
        if published is None:
            return f"{mention!r} is relative and the article has no publication date"
        return DateValue(str(published.year - 1), f"resolved against publication date {published}")
    stripped = re.sub(r"\s+", " ", re.sub(_FILLER, " ", mention.casefold().replace("’", "'"))).strip(" -,.")
    if not stripped:
        return f"{mention!r} is not a date"
    has_year = bool(YEAR_RE.search(stripped))
    if not has_year and published is None:
        return f"{mention!r} has no year and the article has no publication date"
    base = datetime(published.year, published.month, published.day) if published else None
    data = _parser(base if not has_year else None).get_date_data(stripped)
    if data.date_obj is None:
        return f"{mention!r} is not a date"
    d = data.date_obj
    period = data.period or "day"
    value = {"year": f"{d.year:04d}", "month": f"{d.year:04d}-{d.month:02d}"}.get(
        period, d.strftime("%Y-%m-%d")
    )
    note = "" if has_year else f"year from publication date {published}"
    return DateValue(value, note)


def date_agrees(fact_date: str, source: str) -> bool:
    """A fact's date agrees when it equals the source date or is a less precise form of it
    (source 2024-10-04, fact 2024-10); a fact more precise than its source invents precision."""
    return source.startswith(fact_date) and len(fact_date) <= len(source)
