"""The shorter statements a statement holds and the source it dropped, no model call: its main clause
without the clauses appended or inserted in it, or the title before a name (``shortened``), without
a date the sentence lacks (``undated``), and the statement with the speaker an incise gives ("…,
a-t-il dit" → "…, he said"; "…, a tweeté le président américain" → "…, the American president said":
``sourced``), or the quotation it reports in its speaker's first person in quotation marks
(``quoted``). The checker decides whether each holds."""

from __future__ import annotations

import re

from summarizer.check import wordnet
from summarizer.check.forms import fold_word
from summarizer.check.lexicon import french_to_english
from summarizer.check.names import demonym_country
from summarizer.check.statement import NEGATION, REPORTING, has_verb, split_attribution
from summarizer.check.table import table_senses
from summarizer.check.verdict import CERTAINTY, DATES, NUMBERS, STATEMENT_WHOLE
from summarizer.check.words import english_word
from summarizer.models import CheckResult

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
_SAYS = re.compile(rf"\b(?:{REPORTING})\b", re.I)
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
        elif _SAYS.search(tail):
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


def _pronoun(incise: re.Match[str]) -> str:
    return "he" if (incise.group(1) or incise.group(2)) == "il" else "she"


def _english_of(french: str) -> list[str]:
    """A few English words for a French noun or adjective: the table's first senses, a dictionary's
    (a country's adjective by its demonym: "américain" → American), the word itself where it is
    English too ("fédéral" → federal)."""
    folded = fold_word(french)
    ranked = table_senses({folded})
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
        return [_pronoun(m)]
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
    if _SAYS.search(statement):
        return []  # its own "he concluded" is there: a second source would be garbled
    quotation = "'a quotation'" in failed[0].detail
    if quotation:
        speakers = [_pronoun(m)] if (m := _INCISE.search(previous)) else []
    else:
        speakers = _speakers(sentence)
    return [f"{statement.rstrip(' .!')}, {speaker} said." for speaker in speakers]


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
# A date adjunct: "On March 2nd, …", "… on April 29, and …", "in May 2019", "since 2018".
_DATE = re.compile(
    r"(?:^|,?\s+)(?:[Oo]n|[Ii]n|[Ss]ince)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+\d{{4}})?"
    rf"|{_MONTH}(?:\s+\d{{4}})?|\d{{4}})\b,?"
)
# What a time adjunct may bound: without it the statement would say more ("In 2019, no attack was
# claimed" is not "No attack was claimed").
_BOUNDED = re.compile(r"\b(?:first|only|last|all|every|each|always|ever|again)\b", re.I)


def undated(statement: str, failed: list[CheckResult]) -> list[tuple[str, str]]:
    """The statement without a date adjunct that holds a date or number the sentence lacks, with the
    adjunct ("On March 2nd, the minister said…" → "The minister said…"), where the statement is neither
    negated nor bounded by what the date could limit."""
    missing = {
        word
        for c in failed
        if c.name in (DATES, NUMBERS) and " not in sentence" in c.detail
        for word in re.split(r",\s*", c.detail.split(": ", 1)[-1].split(" not in sentence")[0])
    }
    if not missing or NEGATION.search(statement) or _BOUNDED.search(statement):
        return []
    out = []
    for m in _DATE.finditer(statement):
        if not missing & set(re.findall(r"[A-Za-z]+|\d+", m.group(0))):
            continue
        short = f"{statement[: m.start()]} {statement[m.end() :].lstrip()}".strip()
        out.append((short[:1].upper() + short[1:], m.group(0).strip(" ,")))
    return out


# "He announced that we will…": the reporting words, then the quotation's first person.
_REPORTED_FIRST = re.compile(
    rf"^(?P<who>[^,;:'\"]*?\b(?:{REPORTING}|promised|pledged|vowed|stressed))\s+(?:that\s+)?"
    r"(?P<rest>(?:we|I|our|my)\b[^'\"“”«»]*)$"
)


def quoted(statement: str, failed: list[CheckResult]) -> list[str]:
    """A statement that reports a quotation in its speaker's first person, which the checker rejects
    ("He announced that we will produce…": who is "we"?), said as the quotation it is ("He announced:
    'We will produce…'")."""
    if not any(c.name == STATEMENT_WHOLE and "first person" in c.detail for c in failed):
        return []
    if (m := _REPORTED_FIRST.match(statement.strip())) is None:
        return []
    rest = m.group("rest").rstrip()
    body, end = rest.rstrip(".!?"), rest[-1] if rest[-1:] in "!?" else "."
    return [f"{m.group('who')}: '{body[:1].upper()}{body[1:]}{end}'"]
