"""Names and codes: every name and code the statement uses is in the evidence, in some rendering.

A name is confirmed in the sentence or the preceding sentences of its paragraph, by a rendering
(``names.find_rendering``: CLDR country names, the geopolitical table, a transliteration fold) or word
by word through the lexicon ("Islamic State" / "Etat islamique"). A short form is confirmed when the
sentence holds its last word and the article gave the full name before ("Pemberton" after "Joseph Scott
Pemberton"). A name the whole article lacks is invented (the fact is unsupported); one the article
has elsewhere only lacks support here. Typed entities (hints) must have their mention in the sentence.
"""

from __future__ import annotations

import re

from summarizer.check.alignment import normalize
from summarizer.check.evidence import Evidence
from summarizer.check.lexicon import FrenchWords, french_words, is_common_word
from summarizer.check.matching import unmatched_words
from summarizer.check.names import (
    GEOPOLITICAL,
    acronym_in,
    canonicals,
    demonym_country,
    demonym_word,
    drop_openers,
    find_rendering,
    person_noun,
    plausible,
    without_known,
)
from summarizer.check.statement import Reading
from summarizer.check.verdict import CODES, NAMES, result
from summarizer.models import CheckResult, Fact

_GENERIC_WORDS = frozenset("the of and for".split())
_DETERMINERS = frozenset("le la les l' un une des du de d' ce cet cette ces son sa ses leur leurs".split())


def name_in(name: str, text: str, article_wide: bool = False) -> bool:
    """Whether a rendering of an English name is in a French text. ``article_wide``: the text is the
    article (or its first part), where word lookups would cost a dictionary pass per sentence and a
    similarity would find anything: the renderings and demonyms only."""
    if find_rendering(name, text) is not None or acronym_in(name, text):
        return True
    if " " not in name.strip() and canonicals(name):
        # A known name not rendered is absent; but a lone demonym may be inflected: French → "Françaises".
        # A country is not a person's nationality ("Russia" / "la cliente russe").
        folded = normalize(text).split()
        if any(normalize(name) == normalize(c) for c in canonicals(name)):
            folded = [w for i, w in enumerate(folded) if not (i and person_noun(folded[i - 1]))]
        return any(_demonym_in(c, folded) for c in canonicals(name))
    if known := canonicals(name) & GEOPOLITICAL:
        # "South Korea" is not "Corée" and "sud" apart; "UN Security Council" is the UN's rendering
        # ("ONU") and the other words, word by word.
        if not all(find_rendering(c, text) for c in known):
            return False
        name = without_known(name)
        if not name:
            return True
    # A longer name around a country's ("Northern Ireland" / "nord-irlandaise"): word by word.
    tokens = [w for w in re.split(r"[\s-]+", name) if len(w) > 2 and normalize(w) not in _GENERIC_WORDS]
    if article_wide:
        surface = normalize(text).split()
        return bool(tokens) and all(_demonym_in(t, surface) for t in tokens)
    words = french_words(text)
    # A word of a name that is a common word ("Red Cross", "Special Tribunal") is translated, not
    # transliterated: any lexicon layer may confirm it; a proper name never by similarity alone.
    # Two words of a name cannot rest on one French word ("Mediterranean Sea" / "mer").
    # A demonym is a name, whatever the dictionaries say: never by similarity ("Lebanese" ~ "livre").
    common = [t for t in tokens if is_common_word(t) and demonym_country(t) is None]
    missing = unmatched_words(common, text)
    return (
        bool(tokens)
        and all(
            (t not in missing if t in common else words.counterpart(t, e5=False))
            or _demonym_in(t, words.surface)
            for t in tokens
        )
        and _together(tokens, words)
    )


def _together(tokens: list[str], words: FrenchWords) -> bool:
    """Whether the French words that render a name's words stand together, as a name's do ("Tribunal
    spécial pour le Liban"), not spread over the sentence ("Russian Development Agency" from "Russie",
    "sont devenues" and "ressources", where the French says "la RPDC")."""
    tokens = [t for t in tokens if demonym_country(t) is None]  # "Lebanese" may be named apart
    if len(tokens) < 2:
        return True
    where: list[list[int]] = []
    for token in tokens:
        hit = words.rendering(token, e5=False)
        forms = hit[1] if hit else frozenset()
        at = [i for i, w in enumerate(words.surface) if w in forms or any(p in forms for p in w.split("-"))]
        if not at:
            return True  # a demonym or a compound part: read above, its place not known here
        where.append(at)
    window = 2 * len(tokens)  # either side of the first word's: French may put it last ("Croix-Rouge")
    return any(all(any(abs(i - c) <= window for i in at) for at in where) for c in where[0])


def _demonym_in(word: str, french: list[str]) -> bool:
    return any(demonym_word(word, p) for w in french for p in w.split("-"))


def short_form(name: str, earlier: str, scope: str) -> bool:
    """A name given in full earlier in the article, of which the scope holds a distinctive word
    ("Kim" for Kim Jong Un, "Pemberton" for Joseph Scott Pemberton, "Me Ivetic" for Dragan Ivetic)."""
    tokens = [t for t in name.split() if len(t) > 2]
    return (
        len(name.split()) > 1
        and any(name_in(t, scope) for t in tokens)
        and name_in(name, earlier, article_wide=True)
    )


def _named(name: str, scope: str, earlier: str) -> bool:
    """A name in the scope, in full, in short, or as a title and a name ("US Secretary of State Mike
    Pompeo" / "le chef de la diplomatie américaine Mike Pompeo"): each word of the title translated."""
    if name_in(name, scope) or short_form(name, earlier, scope):
        return True
    # The title's words and the name's own dictionary words are matched together: "Council" and
    # "Decisions" may not both rest on "conseil".
    return any(
        (name_in(person, scope) or short_form(person, earlier, scope))
        and not unmatched_words(title + [w for w in person.split() if is_common_word(w)], scope)
        for title, person in titled(name)
    )


# A personal pronoun ("elle a fait valoir", "explique-t-elle", "je serai votre président").
_PERSONAL = re.compile(r"(?:\b(?:il|elle|ils|elles|je|me|moi|lui)\b|\b[jm]['’]|-t-(?:il|elle)\b)", re.I)
# Someone named in full ("Laurel Baig", "Kuêlan N'Guyen") or by a title and a name ("M. Mladic").
_PERSON = re.compile(r"\b(?:M\.|Mme|Me|Dr)\s+[A-Z][\w'’-]+|\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def _people(text: str) -> list[str]:
    """People a French text names in full or with a title (places and organisations it knows aside)."""
    out = []
    for m in _PERSON.finditer(text):
        words = drop_openers(m.group(0).split())
        if (len(words) > 1 or m.group(0)[0] == "M") and not canonicals(" ".join(words)):
            out.append(" ".join(words))
    return out


def referred(name: str, ev: Evidence) -> bool:
    """A person the sentence names only by a pronoun ("Mardi, à la barre, elle a fait valoir…"):
    named in one of the sentences just before, with no one else named since nor in the sentence."""
    if not _PERSONAL.search(ev.sentence) or _people(ev.sentence):
        return False
    for prev in ev.previous:
        if name_in(name, prev) or short_form(name, ev.earlier, prev):
            return True
        if _people(prev):
            return False
    return False


def titled(name: str) -> list[tuple[list[str], str]]:
    """The ways to read a name as a title of dictionary words and a name ("US Secretary of State" and
    "Mike Pompeo"): (the title's words, the name)."""
    words = name.split()
    out = []
    for k in range(1, len(words)):
        title = [w for w in words[:k] if w not in _GENERIC_WORDS]
        if all(map(is_common_word, title)) and not all(map(is_common_word, words[k:])):
            out.append((title, " ".join(words[k:])))
    return out


_NOT_IN = " not in sentence"
_NOWHERE = " nowhere in the article"


def _quoted_strings(text: str) -> list[str]:
    """The strings a check's detail quotes as Python does ('Obama', "N'Guyen")."""
    return [a or b for a, b in re.findall(r"'([^']+)'|\"([^\"]+)\"", text)]


def invented_names(detail: str) -> list[str] | None:
    """The names a failed names check gives as nowhere in the article, when every name it misses is
    one of them ("1/2: 'Obama' not in sentence 11 ('Obama' nowhere in the article)"); None when a
    missing name is elsewhere in the article (it may stand for a pronoun here)."""
    missing, _, invented = detail.partition(_NOT_IN)
    if not invented.endswith(f"{_NOWHERE})") or _quoted_strings(missing) != _quoted_strings(invented):
        return None
    return _quoted_strings(invented)


# A people of a place, in the plural: "les forces serbes de Bosnie", "les Kurdes de Syrie" (not a
# country's name, "Corée du Nord", nor a compass point's region).
_PEOPLE_OF = re.compile(
    r"\b([A-ZÀ-Þ]?[a-zà-ÿ]+[sx])\s+(?:de|du|d['’])\s*(?!(?:Nord|Sud|Est|Ouest)\b)([A-ZÀ-Þ][\w-]+)"
)


def _placeless(reading: Reading, sentence: str) -> str | None:
    """A people the French qualifies by its place ("serbes de Bosnie") that the statement names by its
    demonym alone ("the Serbian forces" for the Bosnian Serbs' forces); None when it keeps the place."""
    capitals = re.findall(r"\b[A-Z][a-z]+", reading.text)
    for m in _PEOPLE_OF.finditer(sentence):
        people, place = normalize(m.group(1)), normalize(m.group(2))
        if any(demonym_word(e, people) for e in capitals) and not any(
            demonym_word(e, place) or normalize(e)[:4] == place[:4] for e in capitals
        ):
            return m.group(0)
    return None


def check_names(reading: Reading, ev: Evidence, article_text: str) -> list[CheckResult]:
    if not reading.names:
        return []
    missing = []
    for n in reading.names:
        scope = ev.attribution_scope if reading.in_attribution(n) else ev.content_scope
        if not _named(n, scope, ev.earlier) and not referred(n, ev):
            missing.append(n)
    found = len(reading.names) - len(missing)
    counted = f"{found}/{len(reading.names)}"
    if not missing and (people := _placeless(reading, ev.sentence)):
        detail = f"{counted}, but {people!r} names a people of a place the statement drops"
        return [result(NAMES, False, detail, contradicts=True)]
    if not missing:
        return [
            result(
                NAMES,
                True,
                f"{counted}: every name is in sentence {ev.sentence_n} (a source's: or just before)",
            )
        ]
    invented = [n for n in missing if not name_in(n, article_text, article_wide=True)]
    detail = f"{counted}: {', '.join(map(repr, missing))}{_NOT_IN} {ev.sentence_n}"
    if invented:
        detail += f" ({', '.join(map(repr, invented))}{_NOWHERE})"
    return [result(NAMES, False, detail, contradicts=bool(invented))]


def check_codes(reading: Reading, ev: Evidence) -> list[CheckResult]:
    """Codes and acronyms (KN-23, TSL) as written, hyphens and case aside."""
    if not reading.codes:
        return []
    flat = re.sub(r"[\s-]", "", normalize(ev.attribution_scope))
    missing = [c for c in reading.codes if re.sub(r"[\s-]", "", c.casefold()) not in flat]
    counted = f"{len(reading.codes) - len(missing)}/{len(reading.codes)}"
    if missing:
        return [
            result(
                CODES, False, f"{counted}: {', '.join(map(repr, missing))} not in sentence {ev.sentence_n}"
            )
        ]
    return [result(CODES, True, f"{counted}: every code is in sentence {ev.sentence_n}")]


def _proper(mention: str) -> bool:
    """Whether a French mention holds a proper name (a capitalised word that is not a determiner)."""
    words = re.findall(r"[\w'’-]+", mention)
    return any(w[0].isupper() and w.casefold().replace("’", "'") not in _DETERMINERS for w in words)


def check_typed_entities(fact: Fact, ev: Evidence) -> list[CheckResult]:
    """Typed entities (hints): the mention is in the sentence and the name renders it."""
    out = []
    for i, entity in enumerate(fact.entities):
        field = f"entities[{i}]"
        found = bool(normalize(entity.mention)) and normalize(entity.mention) in normalize(
            ev.attribution_scope
        )
        where = f"sentence {ev.sentence_n}"
        out.append(
            result(f"mention:{field}", found, f"{entity.mention!r} {'' if found else 'not '}in {where}")
        )
        if found and (_proper(entity.mention) or canonicals(entity.mention)):
            ok, why = plausible(entity.name, entity.mention)
            ok = (
                ok or short_form(entity.name, ev.earlier, ev.sentence) or name_in(entity.name, entity.mention)
            )
            out.append(result(f"name:{field}", ok, why, contradicts=True))
    return out
