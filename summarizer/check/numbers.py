"""Numbers and dates: every number, year, month and weekday the statement gives is in the evidence,
and the typed quantity and date (hints, when the model gave them) agree with their French mentions.

Numbers are read with text2num on both sides ("vingt-quatre" = 24, "plus de 8.000" = more than 8,000);
the statement's own qualifier ("more than", "about") must agree with the source's. A number the whole
article lacks is invented (unsupported); one the sentence lacks but the article has lacks support.
"""

from __future__ import annotations

import re

from summarizer.check.alignment import normalize
from summarizer.check.evidence import Evidence
from summarizer.check.french import FRENCH_STOP
from summarizer.check.lexicon import NOT_RENDERED, french_words
from summarizer.check.matching import rested_on
from summarizer.check.statement import CALENDAR, MONTHS, STOPWORDS, Reading
from summarizer.check.values import (
    YEAR_RE,
    Amount,
    amount_matches,
    amount_says,
    currencies,
    date_agrees,
    digits,
    parse_amounts,
    parse_date,
    published_date,
    qualifier_ok,
    unit_words,
)
from summarizer.check.verdict import (
    DATE,
    DATES,
    MENTION_QUANTITY,
    MENTION_WHEN,
    NUMBERS,
    QUANTITY_QUALIFIER,
    QUANTITY_UNIT,
    QUANTITY_VALUE,
    result,
)
from summarizer.models import CheckResult, Fact

_VAGUE_EN = re.compile(
    r"\b(?:(?:tens|dozens|scores|hundreds|thousands|millions|billions) of|(?:several|a few|some|many)"
    r" (?:dozen|hundred|thousand|million))\b",
    re.I,
)
# "18 hours": a duration, which "vers 18 heures" (a clock time) is not.
_HOURS_EN = re.compile(r"\b(\d{1,2}) hours\b")


def missing_numbers(numbers: list[float], text: str) -> list[float]:
    """The numbers a text (French or English) does not give."""
    found = parse_amounts(text) + parse_amounts(text, "en")
    return [v for v in numbers if not any(amount_says(a, v) for a in found)]


def _rank(amount: Amount) -> bool:
    """Whether an amount is an ordinal ("quatrième" → 4eme, "fourth" → 4th): "the fourth time" is no
    "four women"."""
    return amount.unit in ("eme", "e", "th", "rd")


def _unsaid_plurals(amounts: list[Amount], scope: str, lang: str) -> list[str]:
    """The statement's plural amounts ("tens of thousands of") that no amount of the scope falls in:
    "des dizaines de milliers" is no "hundreds of thousands" nor "thousands"."""
    stated = [a for a in amounts if a.value is None]
    given = parse_amounts(scope, lang) if stated else []
    return [
        f"{a.low:,.0f} to {a.high:,.0f}"
        for a in stated
        if not any(
            (g.low, g.high) == (a.low, a.high) if g.value is None else a.low <= g.value < a.high
            for g in given
        )
    ]


def check_numbers(reading: Reading, ev: Evidence, article_text: str) -> list[CheckResult]:
    amounts = parse_amounts(reading.text, "en")
    if plurals := _unsaid_plurals(amounts, ev.attribution_scope, ev.lang):
        detail = f"a plural amount ({'; '.join(plurals)}) not in sentence {ev.sentence_n}"
        return [result(NUMBERS, False, detail, contradicts=True)]
    if not reading.numbers:
        return []
    missing = missing_numbers(reading.numbers, ev.attribution_scope)
    counted = f"{len(reading.numbers) - len(missing)}/{len(reading.numbers)}"
    if missing:
        invented = missing_numbers(missing, article_text)
        detail = f"{counted}: {', '.join(f'{v:g}' for v in missing)} not in sentence {ev.sentence_n}"
        return [
            result(NUMBERS, False, detail, contradicts=bool(invented) or len(missing) == len(reading.numbers))
        ]
    source = parse_amounts(ev.sentence, ev.lang)
    stated = [(a, a.value) for a in amounts if a.value is not None]
    # "les 75 ans de la victoire" is "the 75th anniversary"
    anniversary = re.search(r"\b(?:anniversary|birthday)\b", reading.text, re.I)
    for said, value in [] if anniversary else stated:
        matches = [a for a in source if amount_says(a, value)]
        if matches and all(_rank(a) != _rank(said) for a in matches):
            kind = ("a rank", "a count") if _rank(said) else ("a count", "a rank")
            detail = f"the statement gives {value:g} as {kind[0]}, sentence {ev.sentence_n} as {kind[1]}"
            return [result(NUMBERS, False, detail, contradicts=True)]
    english_of_french = ev.lang != "en" and reading.lang != "fr"
    if english_of_french and (swapped := _swapped_numbers(stated, source, reading.text, ev.sentence)):
        return [result(NUMBERS, False, f"{swapped} in sentence {ev.sentence_n}", contradicts=True)]
    if change := _change_by_to(reading.text, ev.sentence):
        return [result(NUMBERS, False, f"{change} in sentence {ev.sentence_n}", contradicts=True)]
    out = [result(NUMBERS, True, f"{counted}: every number is in sentence {ev.sentence_n}")]
    for hours in _HOURS_EN.findall(reading.text):
        if re.search(rf"\b(?:vers|à|dès|jusqu'à|avant|après)\s+{hours}\s*(?:h\b|heures)", ev.sentence, re.I):
            detail = f"'{hours} hours' is a duration; sentence {ev.sentence_n} gives the time {hours}:00"
            out.append(result(QUANTITY_UNIT, False, detail, contradicts=True))
    said_in, given = currencies(reading.text, "en"), currencies(ev.attribution_scope, ev.lang)
    if given and (other := said_in - given):
        detail = f"the statement gives {'/'.join(sorted(other))}, sentence {ev.sentence_n} {'/'.join(sorted(given))}"
        out.append(result(QUANTITY_UNIT, False, detail, contradicts=True))
    vague = _VAGUE_EN.search(reading.text) is not None
    for said, value in stated:
        if YEAR_RE.fullmatch(said.text):
            continue
        # a vague French amount ("une dizaine") is "about" whatever the number, unless the statement
        # is vague too ("thousands of")
        matches = [a for a in source if (a.value is not None or not vague) and amount_says(a, value)]
        # "2 millions d'ici juin" and "plus de deux millions de Parisiens": any mention that agrees.
        if matches and not any(qualifier_ok(a.qualifier, said.qualifier) for a in matches):
            match = matches[0]
            detail = f"the statement says {said.qualifier} {value:g}, the source {match.describe()}"
            out.append(result(QUANTITY_QUALIFIER, False, detail, contradicts=True))
    return out


_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_MONTHS = "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre"
# Words beside a number that bind it to nothing: function words, and the months of a date.
_FR_LINK = FRENCH_STOP | NOT_RENDERED | frozenset(_MONTHS.split())
_EN_LINK = STOPWORDS | {m.casefold() for m in CALENDAR}


def _neighbours(text: str, value: float, lang: str, skip: frozenset[str], noun: bool = False) -> set[str]:
    """The content words beside a number's first mention, folded: the one after it in French ("trois
    morts"), the ones on either side in English ("killed ten people", "ten dead"); with ``noun``, only
    a word right after it ("three rebels", not "Mladic, 78, underwent")."""
    flat = normalize(digits(text, lang))
    at = re.search(rf"(?<![\d.,]){value:g}(?![\d])", flat)
    if at is None:
        return set()
    if noun:
        m = re.match(r" ([a-z][\w-]*)", flat[at.end() :])
        return {m.group(1)} if m and m.group(1) not in skip else set()
    if lang != "en":  # the word right after it, past "de" ("trois morts", "1.000 d'entre eux")
        m = re.match(r"\s+(?:d['’]\s*|de\s+)?([^\W\d_][\w'’-]*)", flat[at.end() :])
        return {m.group(1)} if m and m.group(1) not in skip else set()
    # the nearest word on each side, not past another number
    before = re.split(r"\d", flat[: at.start()])[-1]
    after = re.split(r"\d", flat[at.end() :])[0]
    words = [w for w in _WORD.findall(before) if w not in skip][-1:]
    return set(words + [w for w in _WORD.findall(after) if w not in skip][:1])


def _swapped_numbers(
    stated: list[tuple[Amount, float]], source: list[Amount], statement: str, sentence: str
) -> str:
    """A number told with the words of another ("trois morts et dix blessés" told as "killed ten people
    and injured three"), or counting something the sentence does not count with it while what it does
    count is left out ("trois otages" told as "three rebels")."""
    values = {
        value
        for said, value in stated
        if not YEAR_RE.fullmatch(said.text) and any(amount_says(a, value) for a in source)
    }
    if not values:
        return ""
    found = french_words(sentence)
    near = {value: _neighbours(sentence, value, "fr", _FR_LINK) for value in values}

    def rendered(words: set[str]) -> set[str]:
        return rested_on(found, words, e5=False)

    said_of = {v: r for v in values if (r := rendered(_neighbours(statement, v, "en", _EN_LINK)))}
    said_of = {v: r for v, r in said_of.items() if near[v] and not r & near[v]}
    for value, words in said_of.items():
        for other, theirs in near.items():
            if other != value and (stolen := words & theirs - near[value]):
                return f"the statement puts {value:g} with {sorted(stolen)[0]!r}, which goes with {other:g}"
    # "Les rebelles ont libéré trois otages" is no "Three rebels were freed": the noun after the
    # number renders another word, and what the sentence counts is nowhere in the statement.
    for value in said_of:
        counted = rendered(_neighbours(statement, value, "en", _EN_LINK, noun=True))
        if (
            counted
            and not counted & near[value]
            and not near[value] & rendered(set(_WORD.findall(statement)))
        ):
            return f"the statement counts {sorted(counted)[0]!r} with {value:g}, where {sorted(near[value])[0]!r} is counted"
    return ""


# A change by an amount ("a baissé de 2%") is no change to it ("fell to 2%"), and the other way round.
_FR_CHANGE = r"(?:baiss|augment|recul|progress|chut|grimp|diminu|hauss|bondi|plong|cr[uûo]\w*|gagn|perd)\w*"
_FR_BY = re.compile(rf"\b{_FR_CHANGE}\s+(de|à)\s+(\d[\d,. ]*)\s*(?:%|pour\s*cent|points?)", re.I)
_EN_BY = r"\b(by|to)\s+(?:about\s+|nearly\s+|almost\s+|some\s+)?{}\s*(?:%|percent|per cent|points?)"


def _change_by_to(statement: str, sentence: str) -> str:
    for m in _FR_BY.finditer(sentence):
        number = m.group(2).strip().rstrip(".,")
        en = re.search(_EN_BY.format(re.escape(number.replace(",", "."))), statement, re.I)
        if en and (en.group(1).casefold() == "by") != (m.group(1).casefold() == "de"):
            return f"the statement changes {en.group(1)} {number}%, {m.group(0)!r} says {'by' if m.group(1) == 'de' else 'to'}"
    return ""


_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](?:\d{4}|\d{2})\b")


def check_dates(reading: Reading, ev: Evidence, article_text: str) -> list[CheckResult]:
    """Years in the sentence (a year from another sentence never confirms), months and weekdays in
    their French names."""
    wanted = reading.years + reading.calendar
    if not wanted:
        return []
    scope = ev.attribution_scope
    words = french_words(scope)
    given = YEAR_RE.findall(scope)
    missing = [y for y in reading.years if y not in given]
    # a year said more often than the sentence gives it: "Premier ministre jusqu'à sa démission en octobre
    # 2004" is no "prime minister from 2004 to his resignation in October 2004"
    repeated = [
        y for y in dict.fromkeys(reading.years) if y in given and reading.years.count(y) > given.count(y)
    ]
    # a weekday or month by its French name only (e5 puts "Sunday" next to "lundi"), or a month by its
    # number in a date written in digits ("le 20.03.2005")
    numbered = {int(m) for _, m in _NUMERIC_DATE.findall(scope) if 1 <= int(m) <= 12}
    missing += [
        w
        for w in reading.calendar
        if words.counterpart(w, e5=False) is None and not (w in MONTHS and MONTHS.index(w) + 1 in numbered)
    ]
    counted = f"{len(wanted) - len(missing) - len(repeated)}/{len(wanted)}"
    if not missing and not repeated:
        return [result(DATES, True, f"{counted}: every date word is in sentence {ev.sentence_n}")]
    invented = [y for y in missing if y.isdigit() and y not in article_text]
    said = [f"{', '.join(missing)} not in sentence {ev.sentence_n}"] if missing else []
    said += [
        f"{y} {reading.years.count(y)} times in the statement, {given.count(y)} in sentence {ev.sentence_n}"
        for y in repeated
    ]
    detail = f"{counted}: {'; '.join(said)}"
    return [
        result(
            DATES, False, detail, contradicts=bool(invented or repeated) or any(y.isdigit() for y in missing)
        )
    ]


def check_quantity(fact: Fact, ev: Evidence) -> list[CheckResult]:
    """The typed quantity (a hint): its mention in the sentence, its value what the mention says."""
    if fact.type != "quantity":
        return []
    q = fact.quantity
    in_sentence = bool(q.mention.strip()) and q.mention.casefold() in ev.sentence.casefold()
    out = [
        result(MENTION_QUANTITY, in_sentence, f"{q.mention!r} {'' if in_sentence else 'not '}in the sentence")
    ]
    amounts = (parse_amounts(q.mention) if in_sentence else []) or parse_amounts(ev.span)
    said = f"{q.value:g}{'-' + format(q.value_max, 'g') if q.value_max is not None else ''}"
    if not amounts:
        return [*out, result(QUANTITY_VALUE, False, f"typed {said} but the span has no number")]
    match = next((a for a in amounts if amount_matches(a, q.value, q.value_max, q.qualifier)), None)
    match = match or next((a for a in amounts if a.value is not None and amount_says(a, q.value)), None)
    if match is None:
        found = "; ".join(a.describe() for a in amounts)
        return [
            *out,
            result(QUANTITY_VALUE, False, f"typed {said}; the source says {found}", contradicts=True),
        ]
    out.append(result(QUANTITY_VALUE, True, f"typed {said} agrees with {match.describe()}"))
    units = unit_words(match)
    if units is not None and q.unit:
        ok = any(u in q.unit.casefold() for u in units)
        out.append(result(QUANTITY_UNIT, ok, f"unit {q.unit!r} for {match.unit!r}", contradicts=True))
    return out


def check_when(fact: Fact, ev: Evidence, published: str | None) -> list[CheckResult]:
    """The typed date (a hint) agrees with its mention, year-less mentions resolved against the
    publication date."""
    if fact.when is None or not fact.when.mention.strip():
        return []
    if fact.when.mention.casefold() not in ev.sentence.casefold():
        return [result(MENTION_WHEN, False, f"{fact.when.mention!r} not in the sentence")]
    source = parse_date(fact.when.mention, published_date(published))
    if isinstance(source, str):
        return [result(DATE, False, f"{fact.when.date} cannot be checked: {source}")]
    ok = date_agrees(fact.when.date, source.value)
    note = f" ({source.note})" if source.note else ""
    detail = f"typed {fact.when.date}, {fact.when.mention!r} gives {source.value}{note}"
    return [result(DATE, ok, detail, contradicts=True)]
