"""Pronouns and number: the person a statement's pronoun stands for must be the one the French sentence's
stands for. A quotation's opening "Ils" is not "He"; a speaker's "il" is someone else than
the speaker ("« Il n'a pas l'énergie », a expliqué Darko Mladic" is no "Darko Mladic explained that
he…"); "you" needs someone addressed; "himself" needs a French reflexive; "Her death" for "Sa mort" needs
a woman the sentences before speak of; "an individual" is not the French's several "individus".
"""

from __future__ import annotations

import re

from summarizer.check.evidence import Evidence
from summarizer.check.forms import fold_word, lemma
from summarizer.check.lexicon import french_words
from summarizer.check.statement import REPORTING, Reading

# The English subject pronouns a quote's opening French one may become: "Ils m'attaquent" is not "He
# has attacked"; "je" may become "he" or "she" in reported speech.
_PERSON_OF = {
    "je": {"i", "he", "she"}, "j": {"i", "he", "she"}, "nous": {"we", "they"}, "il": {"he", "it", "there"},
    "elle": {"she", "it"}, "ils": {"they"}, "elles": {"they"},
}  # fmt: skip
# Not an impersonal "il" (il faut, il y a, il est possible…), which English says with any subject.
_FR_OPENS = re.compile(
    r"^\W*(je|j(?=['’])|nous|il(?!\s+(?:faut|fallait|faudra|y|semble|paraît|s'agit|reste|est\s+\w+\s+de))"
    r"|elle|ils|elles)\b",
    re.I,
)
_EN_OPENS = re.compile(r"^\W*(i|we|he|she|it|they|there|you)\b", re.I)
# Whom a French sentence may address: "vous", "tu", an imperative, or the generic "on" ("you never know").
_QUOTED = re.compile(r"[«»“”\"]")
_ADDRESSED = re.compile(
    r"\b(?i:vous|tu|te|toi|votre|vos|ton|ta|tes|you|your)\b|\b[Tt]['’]|(?<![-\w])(?i:on)\b|\b(?!(?:chez|assez|nez)\b)[a-zà-ÿ]+ez\b"
)
# A quotation that opens its sentence on "il" or "elle", up to its closing mark.
_QUOTATION_OPENS = re.compile(r"^\W*?[«\"“]\s*(Il|Elle)\b[^»\"”]*")
# Who reports in a statement's attribution: a pronoun, or a name ("") ("Darko Mladic explained that").
_SPEAKER = re.compile(
    rf"^\W*(?:([Hh]e|[Ss]he)|(?:Mr\.|Mrs\.|Ms\.|[A-Z][\w'-]+)(?:\s+[A-Z][\w'-]*)*())\s+(?:{REPORTING})\b"
)


def _quoted_other(pronoun: str, reading: Reading, ev: Evidence) -> str | None:
    """ "« Il n'a pas l'énergie », a expliqué Darko Mladic" is no "Darko Mladic explained that he…": in
    a quotation that opens the sentence (and holds the quote's start), the speaker's "il" is someone
    else; the statement's "he" after a named speaker, or after the same pronoun, is the speaker."""
    # reported speech: the attribution opens the statement ("…, he said" tags a quotation as it is)
    opens = reading.attribution.strip() and reading.text.lstrip().startswith(reading.attribution.strip())
    speaker = _SPEAKER.match(reading.attribution) if opens else None
    quoted = _QUOTATION_OPENS.match(ev.sentence)
    if not (pronoun.casefold() in {"he", "she"} and speaker and quoted):
        return None
    if (speaker.group(1) or pronoun).casefold() != pronoun.casefold():
        return None  # "She explains that he…": another person than the speaker
    if not 0 <= ev.sentence.find(ev.span) < quoted.end():
        return None
    return f"{pronoun!r} is the speaker in the statement; the quotation's {quoted.group(1)!r} is someone else"


# An English possessive and its noun ("its investments").
_POSSESSIVE = re.compile(r"\b(its|their|his|her)\s+([a-z]+)\b", re.I)


def possessed(reading: Reading, ev: Evidence) -> list[str]:
    """A possessive whose noun the sentence gives with a demonstrative and no possessive: "ces
    investissements" (China's, in the sentence before) are not Israel's "its investments"."""
    found = french_words(ev.sentence)
    out = []
    for m in _POSSESSIVE.finditer(reading.core):
        hit = found.rendering(m.group(2), e5=False)
        for word in sorted(hit[1]) if hit else ():
            shown = re.search(rf" (ce|cet|cette|ces) (?:\S+ )?{re.escape(word)} ", found.joined)
            owned = re.search(rf" (?:son|sa|ses|leur|leurs) (?:\S+ )?{re.escape(word)} ", found.joined)
            if shown and not owned:
                out.append(
                    f"{m.group(0)!r} makes it someone's; sentence {ev.sentence_n} says '{shown.group(1)} {word}'"
                )
                break
    return out


def pronoun_person(reading: Reading, ev: Evidence) -> list[str]:
    """A quote that opens on a subject pronoun told with another one ("Ils m'attaquent…" → "He has
    attacked…"), or right after one ("m'attaquent…" after "Ils"): a different person or number acts;
    a quotation's "il" told as the speaker's "he"; "you" where no one is addressed."""
    at = ev.clause.find(ev.span) if ev.span else -1
    before = ev.clause[:at] if at >= 0 else ""
    opening = ev.clause if _FR_OPENS.fullmatch(before.rstrip()) else ev.span
    fr, en = _FR_OPENS.match(opening), _EN_OPENS.match(reading.core)
    if (
        en
        and en.group(1).casefold() == "you"
        and ev.lang != "en"
        and not _ADDRESSED.search(ev.sentence)
        and not _QUOTED.search(ev.sentence)
    ):
        # "Il faut vite se rendre à la maternité" is no "You must go to the maternity"; a speaker's
        # « Il faut y aller » may be said to the one who listens
        return [f"'you' acts in the statement; sentence {ev.sentence_n} addresses no one"]
    if en and (other := _quoted_other(en.group(1), reading, ev)):
        return [other]
    if fr is None or en is None:
        return []
    if en.group(1).casefold() in _PERSON_OF[fr.group(1).casefold()]:
        return []
    return [f"{en.group(1)!r} acts in the statement, {fr.group(1)!r} in sentence {ev.sentence_n}"]


# An English reflexive and the French that makes an act reflexive or emphatic ("se présentant",
# "lui-même", "seul": by himself); "le présentant comme…" presents someone else.
_EN_REFLEXIVE = re.compile(r"\b(?:him|her|them|it|my|our|your|one)sel(?:f|ves)\b", re.I)
_FR_REFLEXIVE = re.compile(r"(?<![\w-])(?:se|s|me|m|te|t|nous|vous|soi|seule?s?)\b|-mêmes?\b", re.I)


def reflexive(reading: Reading, ev: Evidence) -> list[str]:
    """A reflexive the French sentence does not make: "presenting himself as a puppet" for "le
    présentant comme une marionnette" (presenting him, his opponent)."""
    m = _EN_REFLEXIVE.search(reading.core)
    if m is None or ev.lang == "en" or _FR_REFLEXIVE.search(ev.sentence.replace("’", "'")):
        return []
    return [f"{m.group(0)!r} makes the act reflexive; sentence {ev.sentence_n} has no 'se' or '-même'"]


# One of something ("an individual") and the French words that count several: a plural noun after a
# plural determiner or "de" ("d'individus soupçonnés", "des soldats", "trois hommes").
_EN_ONE = re.compile(r"\b(?:an?|one)\s+([a-z]+)\b(?!\s+of\b)", re.I)
_FR_PLURAL_BEFORE = frozenset(
    "les des ces ses leurs nos vos mes tes aux plusieurs quelques certains certaines nombreux nombreuses de d"
    " deux trois quatre cinq six sept huit neuf dix".split()
)


def one_of_many(reading: Reading, ev: Evidence) -> list[str]:
    """A singular noun ("it is an individual suspected…") whose only French counterpart is plural
    ("il s'agit d'individus soupçonnés"): one person, or thing, where the French counts several."""
    if ev.lang == "en":
        return []
    found = french_words(ev.sentence)
    words = found.joined.split()
    for m in _EN_ONE.finditer(reading.core):
        noun = m.group(1).casefold()
        hit = found.rendering(noun, e5=False) if lemma(noun, "en") == noun else None  # not "an arms fair"
        if not hit or hit[0] not in ("same", "dict"):
            continue
        plural = [
            w
            for w in hit[1]
            if w[-1] in "sx"
            and lemma(w, "fr") != w
            and all(
                i > 0 and (words[i - 1] in _FR_PLURAL_BEFORE or words[i - 1].isdigit()) for i in _at(words, w)
            )
        ]
        if plural and len(plural) == len(hit[1]):
            return [f"{m.group(0)!r} is one; sentence {ev.sentence_n} counts several ('{plural[0]}')"]
    return []


def _at(words: list[str], word: str) -> list[int]:
    """Where a word stands in a list of words."""
    return [i for i, w in enumerate(words) if w == word]


# Whose is a sentence's opening "Sa", "Son" or "Ses" is not in the word (the noun's gender): the persons
# the two sentences before call "il" or "elle" are. Not an impersonal "il" (il y a, il faut…).
_FR_HE = re.compile(
    r"(?<!\w)(?:il|ils)(?!\s+(?:faut|fallait|faudra|y|semble|paraît|s'agit|est\s+\w+\s+de))\b|\bM\.\s"
)
_FR_SHE = re.compile(r"(?<!\w)(?:elle|elles)\b|\bMmes?\.?\s|\bMlle\b|\bMadame\b")
_FR_OWNED = re.compile(r"^\W*(?:Sa|Son|Ses)\b")
_EN_OWNED = re.compile(r"^\W*(His|Her)\b")


def owner_gender(reading: Reading, ev: Evidence) -> list[str]:
    """ "Her death" for "Sa mort" where the sentences before speak of "il" only (Rafic Hariri): the
    owner's gender is one the French gives someone there."""
    m = _EN_OWNED.match(reading.text)
    if m is None or ev.lang == "en" or not _FR_OWNED.match(ev.sentence):
        return []
    scope = " ".join(ev.previous[:2]).replace("’", "'")
    he, she = bool(_FR_HE.search(scope)), bool(_FR_SHE.search(scope))
    female = m.group(1) == "Her"
    if (female and he and not she) or (not female and she and not he):
        said = "il" if female else "elle"
        return [
            f"{m.group(0)!r} opens the statement; the sentences before sentence {ev.sentence_n} speak of '{said}' only"
        ]
    return []


# An English statement opening on its subject pronoun and its verb: "And they give…".
_EN_PRONOUN_VERB = re.compile(r"^\W*(?:(?:and|but|so|then|yet)\s+)?(they|he|she)\s+([a-z]+)", re.I)
# A French object pronoun before its verb: "Et leur donne", "… lui a dit".
_FR_OBJECT_PRONOUN = re.compile(r"\b(leur|lui)\s+(?:a\s+|ont\s+)?(\w+)")


def object_pronoun(reading: Reading, ev: Evidence) -> list[str]:
    """A statement's subject pronoun for the French object pronoun of the same verb, in a clause with no
    subject pronoun: "And they give the freedom…" for "Et leur donne la liberté…" (it gives them)."""
    m = _EN_PRONOUN_VERB.match(reading.core)
    if m is None:
        return []
    found = french_words(ev.clause)
    rendered = found.rendering(m.group(2), e5=False)
    if rendered is None or re.search(r"\b(?:ils|elles|il|elle|on)\b", ev.clause, re.I) is not None:
        return []
    for french in _FR_OBJECT_PRONOUN.finditer(ev.clause):
        if fold_word(french.group(2)) in rendered[1]:
            return [
                f"{m.group(1)!r} does {m.group(2)!r} in the statement; in sentence {ev.sentence_n}"
                f" {french.group(1)!r} is whom it is done to ({french.group(0)!r})"
            ]
    return []


# A French clause opening on a noun subject: "L'homme qu'elle avait devant elle n'était…".
_FR_NOUN_SUBJECT = re.compile(r"^\W*(?:le|la|les|l['’]|un|une|des|ce|cet|cette|ces)\s*[a-zà-ÿ]", re.I)
_FR_SUBJECT = {"he": "il", "she": "elle", "they": "ils|elles"}


def relative_subject(reading: Reading, ev: Evidence) -> list[str]:
    """A statement whose subject pronoun the French gives only inside a relative clause or after a
    preposition, where a noun is the subject: "She was not exactly the man she had fallen in love with"
    for "L'homme qu'elle avait devant elle n'était pas exactement celui…" (the man was not)."""
    m = _EN_PRONOUN_VERB.match(reading.core)
    if m is None or not _FR_NOUN_SUBJECT.match(ev.clause):
        return []
    french = _FR_SUBJECT[m.group(1).casefold()]
    uses = list(re.finditer(rf"\b(?:{french})\b", ev.clause, re.I))
    # a relative "qu'elle" follows a noun ("L'homme qu'elle"); a completive one a verb ("a dit qu'elle")
    relative = re.compile(
        r"(?:\b(?:le|la|les|l['’]|un|une|des|ce|celui|celle|ceux|celles)\s*[\w-]+\s+(?:qu['’]|que\s+|dont\s+|où\s+)"
        r"|\b(?:devant|derrière|avec|pour|sans|chez|contre|entre|sur|sous|vers|à|de)\s+)$",
        re.I,
    )
    if uses and all(relative.search(ev.clause[: u.start()]) for u in uses):
        return [
            f"{m.group(1)!r} is the subject in the statement; in sentence {ev.sentence_n} {uses[0].group(0)!r}"
            " is only in a relative clause or after a preposition, and a noun is the subject"
        ]
    return []
