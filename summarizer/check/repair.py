"""What a rewrite of a statement must leave out and must say, read from its failed checks: words
without a French counterpart go ("'military'"), a degree word, a number's qualifier or the clause's
hedge or source the statement dropped comes back ("only", "more than", "allegedly", "according to"),
a future told as done ("will"), and another currency the source's ("euros"). None when a failure is
not one a rewrite of the same sentence can mend (a number or a quote the source lacks, a frame); a name
the article never gives goes. What the sentence says where a word to leave out was calqued
(``proper_words``), and the statement with it put in, no model call (``substituted``: "the first
minister" → "the prime minister", "Maldic" → "Mladic", "35%" → "more than 35%"). And the shorter
statements a statement holds: its main clause without the clauses appended to it (``shortened``), and
the statement with the source a pronoun incise gives ("…, a-t-il dit" → "…, he said": ``sourced``)."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz.distance import DamerauLevenshtein

from summarizer.check import wordnet
from summarizer.check.degree import degree_carrier
from summarizer.check.entities import invented_names
from summarizer.check.forms import cognate, fold_word, stem
from summarizer.check.lexicon import FrenchWords, french_to_english, french_words
from summarizer.check.names import demonym_country
from summarizer.check.statement import REPORTING, has_verb, split_attribution
from summarizer.check.table import IDIOMS, TABLE
from summarizer.check.verdict import CERTAINTY, DEGREE, NAMES, QUANTITY_QUALIFIER, QUANTITY_UNIT, TENSE, WORDS
from summarizer.check.words import english_word, missing_words
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
        ranked = sorted(
            (min(i for i, f in enumerate(fr.split()) if f in forms), e)
            for e, fr in TABLE.items()
            if forms & set(fr.split())
        )
        out += [_Hint(e, french_word, False, first=i == 0) for i, e in ranked[:1]]
    return out


# Where a clause is appended to a complete one ("…, including…", "…, who…", "… (…", "… and that…",
# "… before questioning…"). Not "as" or
# "according to": what follows them may be the statement's source ("…, as written by X").
_APPENDED = re.compile(
    r",\s+(?=(?:which|who|whom|whose|where|including|while|whereas|after|before|but|although|though"
    r"|despite|amid|following|resulting|leading|causing|prompting|bringing|making|adding|saying)\b)"
    r"|\s+[-–—]\s+|;\s+|\s+\(|,?\s+and\s+(?=that\b)|\s+(?=(?:before|after)\s+\w+ing\b)"
)
_CLOSING_SOURCE = re.compile(
    rf"(?:according to|as reported by|citing)\b|(?:(?!(?:been|was|were|is|are)\b)\w+\s+){{0,4}}(?:{REPORTING})\b",
    re.I,
)
_RELATIVE = re.compile(r",\s+(?:which|who|whom|whose|where)\b[^,]*(?:,|$)")


def _sound(head: str) -> bool:
    """Whether a statement's first part stands on its own: a main verb outside its relative clauses
    ("The attack, which shocked Kabul" has none), a verb after its last "that", and no "between"
    left with one side."""
    if len(head.split()) < 4 or not has_verb(_RELATIVE.sub(" ", head)):
        return False
    last = re.split(r",\s+", head)[-1]
    if re.search(r"\bbetween\b", last) and not re.search(r"\bbetween\b.*\band\b", last):
        return False
    after_that = re.split(r"\b(?:that|whether|if)\b", head)
    return len(after_that) == 1 or has_verb(after_that[-1])


# A clause the main one holds without ("While X, Y" says Y; "A, who B, C" says "A C"): an opening
# concessive or linking clause, a relative clause between commas. Not a time, place or condition ("In
# 2019, no attack…" does not say "No attack…").
_OPENING = re.compile(
    r"^(?:while|whereas|although|though|despite|faced with|facing|amid|moreover|furthermore|however"
    r"|meanwhile|nevertheless|in addition)\b[^,]*,\s+",
    re.I,
)
# looked for ahead, so that a clause right after another is found too ("A, which B, although C, D")
_INSERTED = re.compile(r"(?=(,\s+(?:who|which|whose|whom|although|though|even though)\b[^,]*,\s+))")
_INSERTED_BEFORE = re.compile(r",\s+(?:who|which|whose|whom)\b[^,]*$")
_INSERTED_AFTER = re.compile(r"(?:who|which|whose|whom|although|though|even though)\b[^,]*,")
# A title before a person's full name, which the name says without ("a Chinese diplomat's spokesman,
# Zhao Lijian," → "Zhao Lijian", "the US ambassador Mike Pompeo" → "Mike Pompeo").
_TITLE = re.compile(
    r"(?<![\w'’-])(?P<title>(?:[Aa]n?|[Tt]he)\s+(?:[\w'’-]+\s+){0,4}[a-z][\w-]*)(?P<c>,)?\s+"
    r"(?P<name>[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)+)(?(c),(?=\s)|)"
)
_NOUN_NEXT = re.compile(r"(?:a|an|the|this|that|these|those|his|her|its|their|some|one)\b", re.I)


def shortened(statement: str) -> list[tuple[str, str]]:
    """The shorter statements a statement holds, longest first, each with the part left out: without
    its opening concessive clause, a relative or concessive clause between commas or the title before a
    person's full name, and cut before each clause
    appended to it, its source kept, where what is left stands on its own ("Forty-eight people were
    injured, including 37 treated at the Red Cross." → "Forty-eight people were injured."); the checker
    still decides whether the shorter one holds."""
    text = statement.strip()
    lighter = []
    if opening := _OPENING.match(text):
        rest = text[opening.end() :]
        lighter.append((rest[:1].upper() + rest[1:], opening.group(0)))
    for whole, dropped in [(text, ""), *lighter]:
        for m in _TITLE.finditer(whole):
            if has_verb(m.group("title")) or not wordnet.may_be_person(m.group("title").split()[-1]):
                continue  # "the man who attacked John Smith" is no title
            short = f"{whole[: m.start()]}{m.group('name')}{whole[m.end() :]}"
            lighter.append((short[:1].upper() + short[1:], f"{dropped}{m.group('title')}"))
    for whole, dropped in [(text, ""), *lighter]:
        for m in _INSERTED.finditer(whole):
            if _NOUN_NEXT.match(whole[m.end(1) :]):
                continue  # "the prosecutor, who had asked for X, a lighter sentence…": no verb follows
            # beside another inserted clause the comma between them stays ("A, which B, D")
            beside = _INSERTED_BEFORE.search(whole[: m.start(1)]) or _INSERTED_AFTER.match(whole[m.end(1) :])
            joint = ", " if beside else " "
            lighter.append((f"{whole[: m.start(1)]}{joint}{whole[m.end(1) :]}", f"{dropped}{m.group(1)}"))
    out = [(short, left.strip(" ,")) for short, left in lighter if _sound(short.rstrip(" ."))]
    for whole, dropped in [(text, ""), *lighter]:
        out += [(short, f"{dropped.strip(' ,')}; {left}".lstrip("; ")) for short, left in _appended(whole)]
    out = [(short, left) for short, left in out if short != text]
    return sorted(dict(reversed(out)).items(), key=lambda pair: -len(pair[0]))


def _appended(text: str) -> list[tuple[str, str]]:
    """``text`` cut before each clause appended to it, longest first, with its source kept."""
    source = split_attribution(text)[0].strip(" ,.")
    if not (text.rstrip(" .").endswith(source) and _CLOSING_SOURCE.match(source)):
        source = ""  # only a closing "…, according to X." or "…, X said." is kept as the source
    out = []
    for m in reversed(list(_APPENDED.finditer(text))):
        head, tail = text[: m.start()].rstrip(" ,;:"), text[m.start() :]
        if source and source not in head:
            head = f"{head}, {source}"  # the source stays: "…, according to analysts."
            tail = tail.replace(source, "")
        elif re.search(rf"\b(?:{REPORTING})\b", tail, re.I):
            continue  # "…, but a threshold was reached, says X": the source would go
        if _sound(head):
            out.append((f"{head}.", tail.strip(" ,;:.")))
    return out


# A pronoun incise that names a quotation's speaker: "…, a-t-il encore dit", "raconte-t-elle"; not a
# question's inversion ("Est-il possible", "peut-il").
_INCISE = re.compile(
    r"\b(?:a|avait)-t-(il|elle)\b"
    r"|\b(?!(?:est|peut|faut|doit|va|sait|était|serait|pourrait|devrait|vient|sont|ont)-)[a-zéèêëîïôûç]{3,}(?:-t)?-(il|elle)\b(?!-)"
)


# A quotation's incise that closes the sentence on its speaker's full name: '"…", a insisté Jean-François
# Martins.', '"…", a déclaré le juge président, David Re.' (two capitalised words at least: a person).
_NAMED_INCISE = re.compile(
    r"[\"»”],?\s+(?:a|ont|avait)\s+(?:\w+\s+)?[a-zéèêç]+é\b[^\"»”.]*?\b"
    r"([A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)+)\s*[.!]?\s*$"
)


# The same in the present tense, the name perhaps followed by its title: '"…", explique Behzad Ghyasi,
# chef des opérations…'.
_NAMED_NOW = re.compile(
    r"[\"»”],?\s+(?:explique|affirme|assure|souligne|précise|ajoute|indique|déclare|raconte|estime|confie"
    r"|poursuit|insiste|rappelle|dit|note|reconnaît|témoigne|regrette|déplore|commente|prévient)\s+"
    r"([A-ZÀ-Þ][\w’'-]+(?:\s+[A-ZÀ-Þ][\w’'-]+)+)\s*(?:[,.!]|$)"
)


# A quotation's incise that closes on a speaker named by a title, a noun and perhaps its adjective:
# '"…", a tweeté le président américain, au moment où…', '"…", a précisé le parquet fédéral.'
_TITLE_INCISE = re.compile(
    r"[\"»”],?\s+(?:a|avait)\s+[a-zéèêç]+é\s+(?:le|la|l['’])\s*([a-zéèêëîïôûç-]{3,})(?:\s+([a-zéèêëîïôûç]{4,}))?"
    r"\s*(?:[,.;!]|$)"
)


def _english_of(french: str) -> list[str]:
    """A few English words for a French noun or adjective: the table's first senses, a dictionary's
    (a country's adjective by its demonym: "américain" → American), the word itself where it is
    English too ("fédéral" → federal)."""
    folded = fold_word(french)
    ranked = sorted((fr.split().index(folded), e) for e, fr in TABLE.items() if folded in fr.split())
    senses = sorted(french_to_english().get(folded, ()), key=len)
    if demonyms := [s[:1].upper() + s[1:] for s in senses if demonym_country(s)]:
        senses = demonyms[:1]  # the shortest: French, not Frenchman
    out = [e for i, e in ranked if i <= 1] + senses[:2] + ([folded] if english_word(folded) else [])
    return list(dict.fromkeys(out))[:3]


def _speakers(sentence: str) -> list[str]:
    """Who the sentence's closing incise says spoke, in English, best guesses first: a pronoun ("he"),
    a full name, or a title's words ("the American president" for "le président américain")."""
    if named := _NAMED_INCISE.search(sentence) or _NAMED_NOW.search(sentence):
        return [named.group(1)]
    if m := _INCISE.search(sentence):
        return ["he" if (m.group(1) or m.group(2)) == "il" else "she"]
    if (title := _TITLE_INCISE.search(sentence)) is None:
        return []
    nouns, adjectives = _english_of(title.group(1)), _english_of(title.group(2)) if title.group(2) else [""]
    if not nouns or not adjectives:
        return []
    return [" ".join(filter(None, ("the", a, n))) for n in nouns for a in adjectives]


def sourced(statement: str, failed: list[CheckResult], sentence: str, previous: str) -> list[str]:
    """The statement with its source said ("…, he said.", "…, Jean-François Martins said.", "…, the
    federal prosecutor said."), when a dropped source is all it fails on and an incise gives it: a
    pronoun, a person's full name or a title closing the sentence, or for a quotation whose speaker is
    named before, a pronoun in the sentence before ('"…", a-t-il affirmé. "Il espère…"'); each speaker
    the incise may be said as, best guesses first."""
    if len(failed) != 1 or failed[0].name != CERTAINTY or "gives a source" not in failed[0].detail:
        return []
    quotation = "'a quotation'" in failed[0].detail
    if quotation:
        m = _INCISE.search(previous)
        speakers = ["he" if (m.group(1) or m.group(2)) == "il" else "she"] if m else []
    else:
        speakers = _speakers(sentence)
    return [f"{statement.rstrip(' .!')}, {speaker} said." for speaker in speakers]


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
    misspelt name spelt as the sentence spells it, a number with the source's qualifier. None when
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
    return None if text == statement or _doubled(statement, text) else text


def _doubled(old: str, new: str) -> bool:
    """Whether a replacement left a word twice where the statement had it once at most ("rights rights",
    "add fuel to the fire on the fire")."""
    before, after = (Counter(re.findall(r"[a-z]{3,}", t.casefold())) for t in (old, new))
    return any(n > max(1, before[w]) for w, n in after.items())
