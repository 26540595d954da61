"""What a rewrite of a statement must leave out and must say, read from its failed checks: words
without a French counterpart go ("'military'"), a degree word, a number's qualifier or the clause's
hedge or source the statement dropped comes back ("only", "more than", "allegedly", "according to"),
a future told as done ("will"), and another currency the source's ("euros"). None when a failure is
not one a rewrite of the same sentence can mend (a number or a quote the source lacks, a frame); a name
the article never gives goes. What the sentence says where a word to leave out was calqued
(``proper_words``), and the statement with it put in, no model call (``substituted``: "the first
minister" → "the prime minister", "Maldic" → "Mladic", "35%" → "more than 35%"). The shorter
statements a statement holds are ``shorten``'s."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from summarizer.check.degree import degree_carrier
from summarizer.check.entities import invented_names
from summarizer.check.forms import cognate, fold_word, stem
from summarizer.check.lexicon import FrenchWords, french_words
from summarizer.check.table import IDIOMS, table_senses
from summarizer.check.verdict import CERTAINTY, DEGREE, NAMES, QUANTITY_QUALIFIER, QUANTITY_UNIT, TENSE, WORDS
from summarizer.check.words import missing_words
from summarizer.models import CheckResult

_QUALIFIER = {"more_than": "more than", "less_than": "up to", "about": "about", "vague": "about"}
_HEDGE = {"alleged": "allegedly", "speculative": "may"}


@dataclass(frozen=True)
class Repair:
    without: tuple[str, ...] = ()
    keep: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()  # what the sentence says where a word was calqued (``proper_words``)

    def __or__(self, other: Repair) -> Repair:
        """Both rewrites' asks: what the first rewrite also failed on is added, nothing dropped."""
        return Repair(
            tuple(dict.fromkeys(self.without + other.without)),
            tuple(dict.fromkeys(self.keep + other.keep)),
            tuple(dict.fromkeys(self.hints + other.hints)),
        )

    def says(self) -> tuple[str, ...]:
        """The words the rewrite is asked to say: those the statement dropped, then the hints."""
        return tuple(dict.fromkeys(self.keep + self.hints))

    def reason(self, sentence: int) -> str:
        """Why the first statement was replaced, for ``run.dropped``."""
        said = []
        if self.without:
            said.append(f"{', '.join(map(repr, self.without))} had no counterpart in sentence {sentence}")
        if self.keep:
            said.append(f"{', '.join(map(repr, self.keep))} was missing")
        return "rewritten: " + "; ".join(said)


def repair(failed: list[CheckResult]) -> Repair | None:
    """The rewrite that could mend these failed checks, or None."""
    without: list[str] = []
    keep: list[str] = []
    for check in failed:
        found: str | None = None
        if check.name == WORDS:
            without += missing_words(check.detail)
            continue
        if check.name == NAMES:
            # A name the article never gives was invented: the rewrite leaves it out. One the article
            # gives elsewhere may stand for a pronoun here: no rewrite of this sentence restores it.
            if (invented := invented_names(check.detail)) is None:
                return None
            without += invented
            continue
        if check.name == DEGREE and (m := re.match(r"'([^']+)' is not carried", check.detail)):
            found = degree_carrier(m.group(1))
        elif check.name == TENSE and "(future) is not carried" in check.detail:
            found = "will"
        elif check.name == QUANTITY_QUALIFIER and (
            m := re.search(r"\((more_than|less_than|about|vague)\b", check.detail)
        ):
            found = _QUALIFIER[m.group(1)]
        elif check.name == QUANTITY_UNIT and (
            m := re.match(r"the statement gives [\w/]+, sentence \d+ (\w+)$", check.detail)
        ):
            found = f"{m.group(1)}s"  # the source's one currency: "euros"
        elif check.name == CERTAINTY and (
            m := re.match(r"the clause is (\w+) but the statement says it", check.detail)
        ):
            found = _HEDGE.get(m.group(1))
        elif (
            check.name == CERTAINTY
            and "gives a source" in check.detail
            and "'a quotation'" not in check.detail
        ):
            found = "according to"  # a quotation's speaker is not in the sentence: "According to him" tells nothing
        if found is None:
            return None
        keep.append(found)
    if not without and not keep:
        return None
    return Repair(tuple(dict.fromkeys(without)), tuple(dict.fromkeys(keep)))


def proper_words(without: tuple[str, ...], french: str) -> tuple[str, ...]:
    """What the sentence says where a word to leave out was read from it word for word: an
    expression's own English ("prime minister" where "first" came from "Premier ministre") or the
    table's word for a false friend ("postpone" where "reported" came from "reportées")."""
    words = french_words(french)
    return tuple(dict.fromkeys(h.english for e in filter(None, without) for h in _hints(e, words)))


@dataclass(frozen=True)
class _Hint:
    english: str  # what the sentence says
    french: str  # the French word the statement's word was read from
    idiom: bool  # an expression's own English, not a false friend's
    first: bool = True  # the French word is the first the table gives for this English


def _hints(english: str, words: FrenchWords) -> list[_Hint]:
    calqued = words.calqued(english)
    out = [
        _Hint(IDIOMS[key].split(", ")[0], min(run & calqued), True)
        for key, run in words.idioms()
        if run & calqued
    ]
    in_idioms = {w for _, run in words.idioms() for w in run}
    for french_word in sorted(calqued - in_idioms):
        forms = {form for form, surface in words.by_form.items() if french_word in surface}
        # the English whose table lists the word earliest, its first sense: reporter → "postpone"
        out += [_Hint(e, french_word, False, first=i == 0) for i, e in table_senses(forms)[:1]]
    return out


def _inflected(base: str, like: str) -> str:
    """A dictionary form in the inflection of the word it replaces: postpone for "reported" → postponed,
    hearing for "audiences" → hearings."""
    low = like.casefold()
    if " " in base or low == base:
        out = base
    elif low.endswith("ed"):
        out = base + ("d" if base.endswith("e") else "ed")
    elif low.endswith("ing"):
        out = (base[:-1] if base.endswith("e") else base) + "ing"
    elif low.endswith("s") and not low.endswith("ss") and not base.endswith("s"):
        out = base + ("es" if base.endswith(("s", "x", "ch", "sh")) else "s")
    else:
        out = base
    return out[:1].upper() + out[1:] if like[:1].isupper() else out


_TOKEN = re.compile(r"[A-Za-zÀ-ÿ]+")


def _replace_calque(statement: str, english: str, hint: _Hint, calques: dict[str, str]) -> str | None:
    """``statement`` with a calqued word replaced by what the sentence says: an expression's English
    replaces the run of two words or more around it that are the expression's or calques of the same
    one ("the first minister" → "the prime minister", "views on" → "designs on"); a false friend's word
    replaces a word spelt like the French one ("reported" → "postponed"), never one part of a hyphenated
    word. None when the word is not there or the replacement does not hold."""
    tokens = list(_TOKEN.finditer(statement))
    at = next((i for i, t in enumerate(tokens) if t.group(0).casefold() == english.casefold()), None)
    if at is None:
        return None
    token = tokens[at]
    if "-" in (statement[token.start() - 1 : token.start()] + statement[token.end() : token.end() + 1]):
        return None
    start = end = at
    if hint.idiom:
        joined = set(hint.english.casefold().split()) | {e for e, h in calques.items() if h == hint.english}

        def inside(i: int) -> bool:
            return tokens[i].group(0).casefold() in joined

        while start > 0 and inside(start - 1):
            start -= 1
        while end + 1 < len(tokens) and inside(end + 1):
            end += 1
        if start == end:
            # one word of the expression calqued, the others rendered apart ("settling the note" for
            # "régler la note"): the expression's English ("pay") would leave them beside it
            return None
    elif not hint.first or not cognate(stem(fold_word(english)), stem(fold_word(hint.french))):
        # not read off the French word's spelling, or a sense the table gives the word only among
        # others ("note": bill, not "pay"): the word's sense is the checker's call, not a substitution's
        return None
    new = _inflected(hint.english, token.group(0)) if start == end else hint.english
    return statement[: tokens[start].start()] + new + statement[tokens[end].end() :]


def _respelt(statement: str, detail: str, french: str) -> str:
    """``statement`` with each name the check misses spelt as the sentence spells a name one letter or
    one swap away ("Maldic" → "Mladic")."""
    capitals = set(re.findall(r"\b[A-ZÀ-Þ][\w-]{3,}", french))
    missing, _, _ = detail.partition(" not in sentence")
    for name in re.findall(r"'([^']+)'", missing):
        for word in name.split():
            near = [c for c in capitals if c[0] == word[0] and DamerauLevenshtein.distance(c, word) == 1]
            if len(near) == 1 and len(word) > 4:
                statement = re.sub(rf"\b{re.escape(word)}\b", near[0], statement)
    return statement


_SAID_QUALIFIER = re.compile(
    r"the statement says \w+ ([\d.e+]+), the source '[^']*' \((more_than|less_than|about|vague|exact)\b"
)
_EN_QUALIFIER = (
    r"(?:(?:more than|over|at least|less than|fewer than|up to|under|about|around|nearly|almost|some"
    r"|approximately|roughly)\s+)?"
)


def _requalified(statement: str, detail: str) -> str:
    """``statement`` with a number the source qualifies said with the source's qualifier ("35%" → "more
    than 35%" for "plus de 35%", "more than 200" → "about 200" for "près de 200", "over 4" → "4" for an
    exact 4); digits only."""
    m = _SAID_QUALIFIER.match(detail)
    if m is None:
        return statement
    value = float(m.group(1))
    spellings = {f"{value:g}", f"{value:,.0f}"} if value.is_integer() else {f"{value:g}"}
    for digits in sorted(spellings, key=len, reverse=True):
        number = re.compile(rf"\b{_EN_QUALIFIER}(?<![\d.,]){re.escape(digits)}(?![\d]|[.,]\d)", re.I)
        if len(found := list(number.finditer(statement))) == 1:
            said = f"{_QUALIFIER.get(m.group(2), '')} {digits}".lstrip()
            if found[0].group(0)[:1].isupper() or not statement[: found[0].start()].strip(" \"'“«"):
                said = said[:1].upper() + said[1:]
            return statement[: found[0].start()] + said + statement[found[0].end() :]
    return statement


def substituted(statement: str, failed: list[CheckResult], french: str) -> str | None:
    """The statement with what the sentence says put in, no model call: a word read word for word from
    the French replaced by the expression or the sense the sentence has there (``proper_words``), a
    misspelt name spelt as the sentence spells it, a number with the source's qualifier, "notably"
    before the list "notamment" opens. None when
    nothing changes or a word comes out doubled; the checker still decides whether the new one holds."""
    text = statement
    words = french_words(french)
    for check in failed:
        if check.name == WORDS:
            hints = {e: hs[0] for e in missing_words(check.detail) if (hs := _hints(e, words))}
            calques = {e: h.english for e, h in hints.items()}
            for english, hint in hints.items():
                text = _replace_calque(text, english, hint, calques) or text
        elif check.name == NAMES:
            text = _respelt(text, check.detail, french)
        elif check.name == QUANTITY_QUALIFIER:
            text = _requalified(text, check.detail)
        elif check.name == DEGREE and check.detail.startswith("'notamment' is not"):
            text = _among_others(text, french)
    return None if text == statement or _doubled(statement, text) else text


_PLACE_BEFORE = re.compile(r"\b(?:in|at|on|to|from|for|with|by|across|throughout)\s+(?:the\s+)?$", re.I)


def _among_others(statement: str, french: str) -> str:
    """``statement`` with "notably" before the list "notamment" opens, found by its first name
    ("…carried out in Dijon and Besançon" → "…carried out notably in Dijon and Besançon" for "ont
    notamment été réalisées à Dijon et Besançon")."""
    m = re.search(r"\bnotamment\b[^.;:]{0,60}?\b([A-ZÀ-Þ][\w-]+)", french)
    found = m and list(re.finditer(rf"\b{re.escape(m.group(1))}\b", statement))
    if not found or len(found) != 1:
        return statement
    at = found[0].start()
    if place := _PLACE_BEFORE.search(statement[:at]):
        at = place.start()
    return f"{statement[:at]}notably {statement[at:]}"


def _doubled(old: str, new: str) -> bool:
    """Whether a replacement left a word twice where the statement had it once at most ("rights rights",
    "add fuel to the fire on the fire")."""
    before, after = (Counter(re.findall(r"[a-z]{3,}", t.casefold())) for t in (old, new))
    return any(n > max(1, before[w]) for w, n in after.items())
