"""Reading the English statement itself: what it names, counts, dates, denies, hedges and says.

The model's typed fields are hints; this reading is what the checker confirms against the source,
so a fact whose typed fields are empty is still checked element by element.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from summarizer.check import wordnet
from summarizer.check.lexicon import is_common_word
from summarizer.check.names import canonicals, english_names
from summarizer.check.table import COMMON_ACRONYMS
from summarizer.check.values import ROMAN_ORDINAL, YEAR_RE, parse_amounts

MONTHS = "January February March April May June July August September October November December".split()
WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
CALENDAR = frozenset(MONTHS + WEEKDAYS)

NEGATION = re.compile(
    r"\b(not|no|never|cannot|neither|nor|none|nothing|nobody|without|no longer|"
    r"den(?:y|ies|ied|ying|ials?)|reject\w*|refut\w*|refus(?:e|es|ed|ing|al)|declin(?:e|es|ed|ing) to|dismiss\w*|rul(?:e|es|ed) out|"
    r"disput(?:e|es|ed|ing)\s+(?:that|the|this|these|those|it|any|all|such|his|her|their|its|claims?|allegations?|reports?)|"
    r"fail\w*|lack\w*|absence of|unfounded|baseless|out of the question|unable|disagree[sd]?|[a-z]+-free)\b|n['’]t\b",
    re.I,
)
# English words that carry a certainty other than a plain assertion, by kind.
HEDGES = {
    "alleged": r"alleged\w*|rumou?r\w*|so-called|self-styled|presum\w*|accus\w*|suspect\w*|claim\w*|purported\w*|supposed\w*|blam\w*|(?:hold\w*|held) (?:[\w-]+ ){1,5}responsible|believ\w*|think\w*|thought",
    "reported": r"report\w*|officially|accord\w* to|said|says|say|stated?|(?<!United )states|express(?:es|ed)|told|announc\w*|add(?:s|ed)?|explain\w*|note[sd]?|insist\w*|assert\w*|declar\w*|indicat\w*|confirm\w*|quot(?:e|es|ed|ing)|tweet\w*|wrote|argu\w*|warn\w*|call(?:s|ed)?|estimat\w*|mention\w*|conclud(?:e|es|ed)|recall(?:s|ed)?|stress(?:es|ed)|emphasi[sz](?:e|es|ed)|underlin(?:e|es|ed)|acknowledg(?:e|es|ed)|admit(?:s|ted)?|point(?:s|ed)? out|repl(?:y|ies|ied)|urg(?:e|es|ed)|pledg(?:e|es|ed)|promis(?:e|es|ed)|reveal(?:s|ed)|recount(?:s|ed)|testif(?:y|ies|ied)|lament(?:s|ed)|regret(?:s|ted)|hammer(?:s|ed)",
    "speculative": r"could|may|maybe|might|should|ought|possibl\w*|probabl\w*|likely|perhaps|expect\w*|would|suggest\w*|appear\w*|seem\w*|potential\w*|believ\w*|hypothes\w*|if|whether|plan(?:s|ned|ning)? to|intend\w*|aim(?:s|ed|ing)?|fear\w*|afraid|worr\w*|concern\w*|hop(?:e|es|ed|ing)|wish\w*",
    "denied": NEGATION.pattern,
}  # fmt: skip
HEDGE_RE = {kind: re.compile(rf"\b(?:{pattern})\b", re.I) for kind, pattern in HEDGES.items()}

# Hedges that are only hedges: adverbs, modals, conjunctions, matched by the clause's markers.
_PURE_HEDGE = re.compile(
    r"(?:alleged|reported|supposed|purported|presumab|apparent|possib|probab|potential)ly|could|may|might|should"
    r"|would|ought|likely|perhaps|maybe|if|whether",
    re.I,
)
STOPWORDS = frozenset(
    """a an the of to in on at for and or but is are was were be been being has have had having that this
    these those with from by as it its their they them he she his her him which who whom whose will would
    shall should can could may might must that's there here when where while what why how if about into onto
    than then so such some any each both also very just same other others its itself themselves himself
    herself one ones do does did doing done we us our you your i me my all more most much many s
    according said says say saying told tell now instead already still then yet even ago""".split()
) | frozenset(  # discourse connectives: they link sentences and state nothing a source must give
    "however moreover furthermore additionally meanwhile nevertheless nonetheless therefore thus".split()
)
ENDED = re.compile(r"[.!?…][\"'”’»)]*\s*$")
# Words a finished sentence does not end on; a statement the model cut at a French quotation mark
# ("The Sino-Israeli cooperation is", "…saying she felt", "…that the situation remained") does.
_OPEN_END = re.compile(
    r"(?:[,:;(\-–—]|\b(?:a|an|the|of|to|in|on|at|by|for|from|with|as|than|that|which|who|whose|whom|and|or|but"
    r"|nor|is|are|was|were|be|been|being|has|have|had|will|would|can|could|may|might|must|should|shall|do|does"
    r"|did|its|his|her|their|our|my|your|this|these|those|not|very|more|most|such|if|because|while|whether"
    r"|saying|adding|stating|declaring|explaining|asking|telling|including|before|after|about|into|between"
    r"|against))\s*$",
    re.I,
)
# Small number words that are usually not quantities ("one of the", "the two countries").
_DETERMINER_NUMBERS = re.compile(r"\b(?:one|the two|both)\b", re.I)
# Designations with a digit (KN-23, Su-27, S-400, A320); acronyms without one are names (NATO/OTAN).
CODE = re.compile(r"\b(?=[\w-]*\d)(?=[\w-]*[A-Z])[A-Z0-9][\w]*(?:-[\w]+)*\b")


# Without a full stop: a heading ("Afghanistan: broken lives…"), two sentences glued, or a relative or
# subject pronoun before the last word ("…, which made", "saying she felt") is cut, and a statement
# needs a verb ("At the beginning of the evening, several hundred protesters" has none).
_UNENDED = re.compile(
    r":|\b[a-z]{2,}[\"'”’»)]*[.!?][\"'”’»)]*\s+[A-Z]"
    r"|\b(?:which|who|that|he|she|it|they|we|i|you)\s+(?!(?:said|says|added|wrote|stated)\b)\w+$",
    re.I,
)
_FINITE = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|do|does|did)\b"
    r"|\b(?!hundred\b)\w+ed\b",
    re.I,
)


def whole(text: str) -> bool:
    """Whether a statement ends like a sentence: with a full stop, or on a word a sentence can end on
    ("…renaming up to ten legendary military bases"), not on a function word or a bare verb."""
    text = text.rstrip()
    if ENDED.search(text):
        return True
    if not text or _OPEN_END.search(text) or _UNENDED.search(text):
        return False
    if not _FINITE.search(text) and not any(map(wordnet.irregular_verb, re.findall(r"[a-z]+", text))):
        return False
    last = re.findall(r"[A-Za-z]+$", text)
    return not (last and last[0].islower() and wordnet.only_verb(last[0]))


# Words after which a word in -s is a plural noun ("the masks", "of attacks"), not a verb.
_NOUN_BEFORE = frozenset(
    "a an the his her its their our my your this these those that of for in on at by from with to and or"
    " some many several all no any each every both other such two three four five six seven eight nine ten"
    " more most few".split()
)
_SUBJECT = frozenset("i we you they he she it people men women children police".split())
_SAME_PAST = frozenset("hit put cut set let beat shut cost hurt spread burst cast quit split bet".split())
_ADVERBS = frozenset("already also still never often always now only just even again not".split())
_CONTRACTED_VERB = re.compile(
    r"\bcannot\b|\b(?:it|he|she|that|there|what|who|i|we|you|they)['’](?:s|re|ve|ll|d|m)\b|n['’]t\b", re.I
)


def has_verb(text: str) -> bool:
    """Whether an English statement has a finite verb, so that it says something that can be true or
    false ("Amir S., 38 years old." and "The Chinese Communist Party." do not): an auxiliary, a modal,
    a past form, a verb in -s after no determiner ("Russia supplies", not "the supplies"), or a verb
    after a subject pronoun or a plural noun ("they arrive", "the masks arrive"). Without WordNet, every
    statement has one."""
    if not wordnet.available():
        return True
    if _CONTRACTED_VERB.search(text):
        return True
    words = [w.casefold() for w in re.findall(r"[A-Za-z]+|\d[\d.,]*%?", text)]
    for i, word in enumerate(words):
        if _FINITE.fullmatch(word) or wordnet.irregular_verb(word):
            if not (word.endswith("ed") and wordnet.adjective_only(word)):
                return True
            continue  # "this unexpected liberation": an adjective no verb gives
        at = i - 1
        while at > 0 and (words[at] in _ADVERBS or words[at].endswith("ly")):
            at -= 1  # "we already know", "police quickly arrive"
        before = words[at] if at >= 0 else ""
        if word in _SAME_PAST and before not in _NOUN_BEFORE:  # "a lorry hit the crowd", not "a hit"
            return True
        senses = wordnet.verb_senses(word)
        if not senses or word.endswith("ing"):  # a participle is no finite verb ("officers including")
            continue
        # one verb sense is enough after an adverb ("also faults Tehran"); a noun is rarely there
        needed = 1 if at < i - 1 else 2
        if word.endswith("s") and senses >= needed and (before not in _NOUN_BEFORE or word == "goes"):
            return True
        # "the masks arrive", "58% approve"; not "his part", "its aim"
        plural = before not in _NOUN_BEFORE and (before.endswith("s") or before[:1].isdigit())
        if not word.endswith("s") and (before in _SUBJECT or (plural and senses >= 2)):
            return True
    return False


# Not "states", "notes", "reports": nouns too ("the United States", "press reports").
REPORTING = (
    r"said|says|say|added|adds|claimed|claims|reported|stated|told|tells|confirmed|confirms"
    r"|announced|announces|tweeted|tweets|wrote|writes|insisted|insists|noted|declared|declares"
    r"|explained|explains|argued|argues|warned|warns|recalled|recalls|remembered|remembers|believes|believed"
    r"|accuses|accused|denies|denied|reveals|revealed|affirmed|affirms|asserted|asserts|stressed|stresses"
    r"|indicated|indicates|acknowledged|acknowledges|admitted|admits|specified|specifies|assured|assures"
    r"|emphasized|emphasizes|emphasised|emphasises|underlined|underlines"
)
_ACCORDING = re.compile(r"^(?:according to|as reported by|citing)\b[^,]*,\s*", re.I)
# "For the investigators, it is murder": a view ("Pour les enquêteurs, …"), not a time ("For the first time").
_FOR_VIEW = re.compile(
    r"^For\s+(?:the\s+|this\s+|these\s+)?(?:him|her|them|me|us|prosecutors?|ministers?|president|lawyers?|experts?"
    r"|analysts?|specialists?|investigators?|authorities|police|judges?|unions?|opposition|researchers?)\b"
    r"(?:\s+[\w'’-]+){0,3},\s*"
)
# "…, according to the AFP." / "The attackers, according to Akram, first shot…": inserted or closing.
_ACCORDING_INSIDE = re.compile(
    r",\s*(?:according to|as reported by|citing)\b[^,.;]*(?:,|(?=[.!]?$))"
    r"|\s+(?:according to|as reported by)\b[^,.;]*(?=[.!]?$)",  # closing, its comma forgotten
    re.I,
)
# "…, the immigration bureau added." / "…, he said on Monday.": a short tail, not a clause that goes on,
# nor a passive ("…, has not been claimed by any group.").
_SAID_AFTER = re.compile(
    rf",\s*(?:[^,]{{0,60}}?)(?<!been )(?<!was )(?<!were )(?<!is )(?<!are )\b(?:{REPORTING})\b(?:\s+\S+){{0,4}}[.!]?$",
    re.I,
)
# "X said that …", not "X were accused of …" (a passive: X is a participant, not the source).
_SAID_BEFORE = re.compile(
    rf"^(?:\S+\s+){{0,10}}?(?<!was )(?<!were )(?<!been )(?<!is )(?<!are )(?:{REPORTING})\b(?:\s+(?:that|on \w+|in a \w+))?\s*",
    re.I,
)


# "He announced that we will produce a vaccine": a quotation ("Nous produirons…") put into reported speech
# without its person changed; "we" is no longer the speaker's side. Quoted words keep theirs.
_MIXED_VOICE = re.compile(
    rf"\b(?:he|she|they|(?!We\b|Our\b|My\b)[A-Z][a-z]+)\s+(?:\w+ly\s+)?(?:{REPORTING}|promised|pledged|vowed|stressed)"
    r"\s+(?:that\s+)?(?:we|I|our|my)\b"
)


def mixed_voice(text: str) -> str | None:
    """The words by which a statement reports, outside quotation marks, a quotation in its speaker's first
    person ("He announced that we will…"), or None."""
    unquoted = re.sub(r"[\"“«][^\"”»]*[\"”»]|(?<!\w)'[^']*'(?!\w)", " ", text)
    m = _MIXED_VOICE.search(unquoted)
    return m.group(0) if m else None


# Pronouns by the person they stand for: his, him and he are one; "her" is a woman's, whatever its case.
_PERSONS = {
    **dict.fromkeys(("he", "him", "his", "himself"), "he"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "she"),
    **dict.fromkeys(("they", "them", "their", "theirs", "themselves"), "they"),
    **dict.fromkeys(("i", "me", "my", "mine", "myself"), "I"),
    **dict.fromkeys(("we", "us", "our", "ours", "ourselves"), "we"),
}


def persons(text: str) -> list[str]:
    """The persons a statement's pronouns stand for, outside its attribution ("…, according to them"),
    in order: ["he", "she"] for "He told her"."""
    core = split_attribution(text)[1]
    return [_PERSONS[w] for w in re.findall(r"[a-z]+", core.casefold()) if w in _PERSONS]


def split_attribution(text: str) -> tuple[str, str]:
    """(attribution, the rest) of a statement: "According to X, …", "…, X said.", "X said that …".
    The source is not a participant of what it reports, and may be named in the sentences before."""
    for pattern in (_ACCORDING, _FOR_VIEW, _ACCORDING_INSIDE, _SAID_AFTER, _SAID_BEFORE):
        m = pattern.search(text)
        if m:
            return m.group(0), text[: m.start()] + text[m.end() :]
    return "", text


@dataclass
class Reading:
    """What an English sentence says, element by element."""

    text: str
    names: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    numbers: list[float] = field(default_factory=list)
    years: list[str] = field(default_factory=list)
    calendar: list[str] = field(default_factory=list)
    negated: bool = False
    hedges: set[str] = field(default_factory=set)
    words: list[str] = field(default_factory=list)
    attribution: str = ""  # the words that say who reports it ("According to the PSNI,")
    core: str = ""  # the statement without them
    lang: str = "en"  # "fr": a claim written in French, its words French as written (``french.py``)

    def in_attribution(self, words: str) -> bool:
        """Whether a name or word belongs to the attribution (which may be confirmed just before)."""
        return bool(self.attribution) and words in self.attribution and words not in self.core


def _dictionary_word(word: str) -> bool:
    """An English or French dictionary word, or a French elision ("La", "Ten", "L'identité"): a claim
    may be written in French."""
    import simplemma

    low = word.casefold()
    return (
        is_common_word(word)
        or "'" in low
        or "’" in low
        or low in _WH_EVER  # WordNet lacks them
        or simplemma.is_known(low, lang="fr")
    )


_WH_EVER = frozenset({"whenever", "whoever", "whichever"})


def statement_names(text: str) -> list[str]:
    """Names worth checking in an English sentence: not months or weekdays, not a lone
    sentence-initial word that is a dictionary word ("Ten army bases"; "Pemberton is" is a name)."""
    names = []
    for name in english_names(text):
        if (
            name in CALENDAR
            or name in COMMON_ACRONYMS
            or ROMAN_ORDINAL.fullmatch(name)  # "the XVIIth arrondissement": a number
            or (text.startswith(name) and " " not in name and not canonicals(name) and _dictionary_word(name))
        ):
            continue
        names.append(name)
    return names


def english_numbers(text: str) -> list[float]:
    """Numbers in an English text: years and determiner-like small words ("one of", "the two") left out."""
    text = _DETERMINER_NUMBERS.sub(" ", text)
    amounts = [a for a in parse_amounts(text, "en") if not YEAR_RE.fullmatch(a.text)]
    return [v for a in amounts for v in (a.value, a.value_max) if v is not None]


def hedges(text: str) -> set[str]:
    """The certainty kinds an English sentence expresses in its own words."""
    kinds = {kind for kind, pattern in HEDGE_RE.items() if pattern.search(text)}
    return kinds | {"reported"} if _FOR_VIEW.match(text) else kinds


# "people" counted by a number is the French number's noun, whatever it is ("22 morts" / "killed 22
# people", "200 jeunes" / "200 young people"): the number check confirms the number itself.
_COUNTED_PEOPLE = re.compile(
    r"(\b(?:\d[\d,.]*|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-\w+)?|one|two|three|four"
    r"|five|six|seven|eight|nine|ten|eleven|twelve|\w+teen|hundred|thousand|million|(?:hundreds|thousands"
    r"|dozens) of)\s+(?:young\s+)?)people\b",
    re.I,
)


# English plural counts → the French plural that renders them: "millions" is not "un million".
PLURAL_COUNTS = {
    "millions": "millions", "billions": "milliards", "thousands": "milliers", "hundreds": "centaines",
    "dozens": "dizaines",
}  # fmt: skip


_CONTRACTED = {"can't": "can", "won't": "will", "shan't": "shall"}


def content_words(text: str, names: list[str]) -> list[str]:
    """The words that carry content: not function words, names, numbers or calendar words."""
    text = _COUNTED_PEOPLE.sub(r"\1", text)
    text = re.sub(r"\b(?:no|any) longer\b", " ", text, flags=re.I)  # a negation: "ne … plus"
    text = re.sub(r"(?<=[a-z])-free\b", " ", text, flags=re.I)  # a negation too: "zone sans police"
    name_words = {w.casefold() for n in names for w in re.split(r"[\s-]+", n)} | {n.casefold() for n in names}
    out = []
    for word in re.findall(r"[^\W\d_](?:[\w'-]*[^\W\d_])?", text.replace("’", "'")):
        # "didn't": the negation is read apart ("won't" is "will", whose future the tense check reads)
        word = re.sub(r"(?:'s|n't|'ll|'re|'ve|'d|'m)$", "", _CONTRACTED.get(word.casefold(), word))
        # head-on, four-digit: each part on its own; "re-elected" is one word (its "elected" alone would
        # drop the "re-" of "réélu")
        if "-" in word and not re.match(r"(?i)re-[a-z]{4}", word):
            out += content_words(word.replace("-", " "), names)
            continue
        low = word.casefold()
        if (
            low in STOPWORDS
            or low in name_words
            or len(low) < 3
            or word in CALENDAR
            or ROMAN_ORDINAL.fullmatch(word)
        ):
            continue
        if low in PLURAL_COUNTS:
            out.append(word)  # "millions": a word the French must give in the plural (``words``)
            continue
        if parse_amounts(low, "en") or NEGATION.fullmatch(low) or _PURE_HEDGE.fullmatch(low):
            continue  # a hedge the certainty check reads; a verb or noun that hedges ("called",
            # "the call", "confirmed", "suspects") is content the French must give too
        out.append(word)
    return out


def read(text: str) -> Reading:
    """Read an English statement into the elements the checker confirms."""
    codes = CODE.findall(text)
    names = [n for n in statement_names(text) if n not in codes]
    attribution, core = split_attribution(text)
    return Reading(
        attribution=attribution,
        core=core,
        text=text,
        names=names,
        codes=codes,
        numbers=english_numbers(text),
        years=YEAR_RE.findall(text),
        calendar=[w for w in re.findall(r"[A-Z][a-z]+", text) if w in CALENDAR],
        negated=bool(NEGATION.search(text)),
        hedges=hedges(text),
        words=content_words(text, names + codes),
    )
