"""Who the subject is: a name the statement makes act where the French sentence gives another name
just before the verb, or gives it only after a noun the statement leaves out ("la femme de Vladimir
Poutine a visité" is no "Vladimir Putin visited"); a subject told in the passive of what it does in
the French active ("Les rebelles ont libéré" is no "The rebels were freed")."""

from __future__ import annotations

import re

from summarizer.check import wordnet
from summarizer.check.alignment import normalize, normalize_map
from summarizer.check.evidence import Evidence, finite_verb
from summarizer.check.forms import fold_word
from summarizer.check.french import FRENCH_STOP
from summarizer.check.lexicon import FrenchWords, french_words
from summarizer.check.matching import after_noun, rested_on
from summarizer.check.names import drop_openers, find_rendering, rendering_spans
from summarizer.check.statement import STOPWORDS, Reading

# A name just before a French verb is its subject ("Fiona Wood a travaillé", "Pyongyang nie").
_FR_NAME = re.compile(r"\b[A-ZÀ-ÖØ-Þ][\w'’-]+(?:\s+[A-ZÀ-ÖØ-Þ][\w'’-]+)*")


def _name_before(text: str) -> str | None:
    """The name that ends at most two words before the end of a French text ("Fiona Wood a ")."""
    runs = list(_FR_NAME.finditer(text))
    if not runs or len(text[runs[-1].end() :].split()) > 2:
        return None
    return " ".join(drop_openers(runs[-1].group(0).split())) or None


def french_subject(reading: Reading, ev: Evidence) -> list[str]:
    """A French claim that opens on a name (its subject) against a sentence where someone else does
    what it says ("Tony Keirath a travaillé…" / "Fiona Wood a travaillé … avant d'épouser … Tony
    Keirath"): the claim's first verb, found as written, has another name just before it."""
    subject = next((n for n in reading.names if reading.text.lstrip(' «"').startswith(n)), None)
    if subject is None:
        return []
    rest = reading.text[reading.text.find(subject) + len(subject) :]
    words = [w for w in re.findall(r"[^\W\d_]{3,}", rest) if fold_word(w) not in FRENCH_STOP]
    sentence = normalize(ev.sentence)
    for word in words:
        at = re.search(rf"\b{re.escape(normalize(word))}\b", sentence)
        if at is None:
            continue
        named = _name_before(ev.sentence[: at.start()])
        if named and not find_rendering(subject, ev.sentence[: at.start()]):
            return [f"{subject!r} does not {word!r} in sentence {ev.sentence_n}: {named!r} does"]
        return []
    return []


# "la femme de Vladimir Poutine a visité": a noun the name is the complement of ("N de NAME"), or
# the word a name is given as ("les noms Trump et Pence").
_FR_OWNED = re.compile(
    r"\b(?:([^\W\d_][\w-]{2,})\s+(?:de\s+la\s+|de\s+l['’]|de\s+|d['’]|du\s+|des\s+)|(noms?|mots?|slogans?)\s+)$"
)
# Nouns of a place: "la ville de Marioupol" is Mariupol.
_PLACE = frozenset(
    "ville villes region province republique commune departement etat pays capitale localite village"
    " quartier ile oblast territoire frontiere".split()
)
# Nouns of an event that befalls or is done by the one named after them: "la condamnation de X a été
# exécutée" is "X was executed", "la visite de X" "X visited".
_EVENT = re.compile(
    r"(?:tion|sion)s?$|^(?:mort|deces|visite|proces|meurtre|assassinat|victoire|defaite|retour|arrivee|depart"
    r"|jugement|enterrement|funerailles|discours|reelection)s?$"
)
# Where an English clause opens on its subject.
_EN_CLAUSE = re.compile(r"(?:^|[,;:]\s+|\b(?:where|when|while|that)\s+)$")


def owner_acts(reading: Reading, ev: Evidence) -> list[str]:
    """A name opening a clause of the statement (its subject) that the sentence gives only after a
    noun the statement leaves out: "Vladimir Putin visited…" for "la femme de Vladimir Poutine a
    visité…", "…where Trump and Pence were shining" for "les noms Trump et Pence"."""
    text = reading.text.lstrip(' «"')  # the source too: "Vladimir Putin denied it"
    found = french_words(ev.sentence)
    rendered: set[str] | None = None
    for subject in dict.fromkeys(reading.names):
        at = text.find(subject)
        if at < 0 or not _EN_CLAUSE.search(text[:at]) or text[at + len(subject) :][:1] in ("'", "’"):
            continue
        owner = _owner(subject, ev.sentence)
        if owner is None:
            continue
        if rendered is None:
            words = re.findall(r"[A-Za-z][\w-]+", text)
            rendered = rested_on(found, words)
        if fold_word(owner[0]) not in rendered:
            return [f"{subject!r} acts in the statement; sentence {ev.sentence_n} says {owner[1]!r}"]
    return []


def _owner(name: str, sentence: str) -> tuple[str, str] | None:
    """The noun before every occurrence of a name in a French sentence ("femme" of "la femme de
    Vladimir Poutine"), and its first occurrence with that noun; None when one occurrence has none."""
    spans = sorted(rendering_spans(name, sentence))
    owned: list[tuple[str, int, int]] = []  # the owning noun, where it starts, where the name ends
    for start, end in spans:
        if owned and 0 <= start - owned[-1][2] <= 4:
            owned[-1] = (*owned[-1][:2], end)  # a later word of the same occurrence
            continue
        m = _FR_OWNED.search(sentence[:start])
        noun = (m.group(1) or m.group(2)) if m else ""
        folded = fold_word(noun)
        if not m or noun[0].isupper() or folded in FRENCH_STOP | _PLACE | {"nom"} or _EVENT.search(folded):
            return None
        owned.append((noun, m.start(), end))
    if not owned or len({fold_word(noun) for noun, _, _ in owned}) > 1:
        return None
    noun, start, end = owned[0]
    # The name again later, with no noun before it ("la tombe de l'empereur Qin Shi Huang"): it acts there.
    first = sentence[spans[0][0] : spans[0][1]]
    for m in re.finditer(re.escape(first), sentence[end:]):
        if not _FR_OWNED.search(sentence[: end + m.start()]):
            return None
    return noun, sentence[start:end]


# An English subject in the passive ("The rebels were freed") of what the French subject does
# ("Les rebelles ont libéré trois otages"): the one who acts is told as the one acted on.
_EN_PASSIVE = re.compile(
    r"^(?:[\w'’-]+\s+){0,4}?([a-z][\w-]+)\s+(?:was|were|has been|have been|had been|is|are|will be)"
    r"\s+(?:\w+ly\s+)?([a-z]+(?:ed|en|wn|t))\b(?!\s+by\b)"
)
# (read in the folded sentence)
_FR_ACTIVE = re.compile(
    r"^\s*(?:[\w'’-]+\s+){0,2}?(?:a|ont|avait|avaient|aura|auront|aurait|auraient)\s+(?!ete\b)"
    r"(?:(?:deja|aussi|encore|bien|finalement|egalement|\w+ment)\s+)?([^\W\d_]+)"
)


def passive_subject(reading: Reading, ev: Evidence) -> list[str]:
    """A statement whose subject undergoes, in the passive, what the same subject does in the
    sentence, in the active."""
    m = _EN_PASSIVE.match(reading.core)
    if m is None or m.group(1) in ("there", "it", "this", "that") or not wordnet.verb_senses(m.group(2)):
        return []
    found = french_words(ev.sentence)
    subject, verb = found.rendering(m.group(1), e5=False), found.rendering(m.group(2), e5=False)
    if not subject or not verb:
        return []
    sentence = normalize(ev.sentence)
    for form in subject[1]:
        for at in re.finditer(rf"\b{re.escape(form)}\b", sentence):
            active = _FR_ACTIVE.match(sentence[at.end() :])
            if active and fold_word(active.group(1)) in verb[1]:
                french = ev.sentence[at.start() : at.end() + active.end()]
                return [
                    f"{m.group(1)!r} are {m.group(2)!r} in the statement; in sentence {ev.sentence_n} they act: {french!r}"
                ]
    return []


# A French verb and its direct object: "a arrêté le militant", "appelons le Parti" (read in the folded
# sentence).
_FR_OBJECT = re.compile(
    r"\b([^\W\d_]{3,})\s+(?:le|la|les|l'|l’|un|une|des|du|ce|cet|cette|ces|son|sa|ses|leur|leurs)\s*([^\W\d_]{3,})"
)
_EN_WORD = re.compile(r"[A-Za-z][\w-]*")
# An incise's verb, its subject after it: "…, a indiqué le ministère", "», affirme le juge".
_INCISE = re.compile(r"[,»”\"]\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\s+)?(?:\w+\s+)?$")
# What stands between an English subject and its verb in the active: nothing, or an adverb.
_NOT_ACTIVE = frozenset("was were is are been be being by has have had will would".split())
# Verbs whose subject and object may trade places: "Macron met Trump" is "Trump a rencontré Macron".
_SYMMETRIC = frozenset(
    "meet met meets meeting marry married join joined face faced fight fought play played talk talked speak"
    " spoke negotiate negotiated resemble resembled match matched".split()
)


_DETERMINERS = frozenset("the a an this that these those his her its their our my your".split())


def _opening(words: list[tuple[int, str]]) -> list[str]:
    """The content words before the statement's first verb: a lower-case word a verb can be that no
    determiner introduces ("The police arrested": "police" is a noun, "arrested" the verb; "According to
    him": no subject opens it)."""
    out: list[str] = []
    for i, (_, word) in enumerate(words[:6]):
        after_determiner = i > 0 and words[i - 1][1].casefold() in _DETERMINERS
        if word[0].islower() and not after_determiner and wordnet.verb_senses(word):
            return out
        if word.casefold() not in STOPWORDS:
            out.append(word)
    return []


def object_acts(reading: Reading, ev: Evidence) -> list[str]:
    """The statement's subject doing, in the active, what the sentence does to it: "The activist
    arrested the police" for "La police a arrêté le militant"; the subject opens the statement and rests
    on the noun right after the French verb its own verb rests on."""
    words = [(m.start(), m.group(0)) for m in _EN_WORD.finditer(reading.core)]
    opening = _opening(words)
    if not opening:
        return []
    found = french_words(ev.sentence)
    rests: dict[str, set[str]] = {}  # each English word's French words, looked up once for all pairs

    def rest(word: str) -> set[str]:
        if word not in rests:
            rests[word] = rested_on(found, [word], e5=False)
        return rests[word]

    sentence, index = normalize_map(ev.sentence)
    for m in _FR_OBJECT.finditer(sentence):
        verb_fr, object_fr = m.group(1), m.group(2)
        if verb_fr in FRENCH_STOP or _INCISE.search(sentence[: m.start()]):
            continue  # "sur le feu": a preposition, no verb; ", a indiqué le ministère": its subject
        subject = next((w for w in opening if object_fr in rest(w)), None)
        if subject is None:
            continue
        at = next(i for i, (_, w) in enumerate(words) if w == subject)
        for _, word in words[at + 1 : at + 4]:
            if word.casefold() in _NOT_ACTIVE or word.casefold() in _SYMMETRIC:
                break
            if wordnet.verb_senses(word) and verb_fr in rest(word):
                verb = ev.sentence[index[m.start()] : index[m.end(1) - 1] + 1]
                french = ev.sentence[index[m.start()] : index[m.end() - 1] + 1]
                return [
                    f"{subject!r} acts in the statement; in sentence {ev.sentence_n} it is what "
                    f"{verb!r} acts on ({french!r})"
                ]
    return []


# "Dragan Ivetic's lawyer": a name owning a noun.
_EN_OWNER = re.compile(r"\b([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)['’]s\s+([a-z][\w-]+)")


def apposed_owner(reading: Reading, ev: Evidence) -> list[str]:
    """A name made the owner of the noun the sentence gives it as: "Dragan Ivetic's lawyer" for
    "l'avocat Dragan Ivetic" (he is the lawyer)."""
    found: FrenchWords | None = None
    for m in _EN_OWNER.finditer(reading.text):
        name, noun = m.group(1), m.group(2)
        for start, _ in rendering_spans(name, ev.sentence):
            before = re.search(r"([^\W\d_]{3,})\s+$", ev.sentence[:start])
            if not ev.sentence[start : start + 1].isupper() or before is None:
                continue  # "le désir russe": an adjective, not the name
            if _INCISE.search(ev.sentence[: before.start()]):
                continue  # "…, a expliqué Twitter": the incise's verb and its subject
            found = found or french_words(ev.sentence)
            if fold_word(before.group(1)) in rested_on(found, [noun], e5=False):
                return [
                    f"{name!r} owns the {noun!r} in the statement; sentence {ev.sentence_n} says "
                    f"{before.group(1) + ' ' + name!r}: {name!r} is that {before.group(1)!r}"
                ]
    return []


# A person-noun closing an English noun phrase: "to kill a terrorist'", "against a terrorist".
_EN_PERSON_HEAD = re.compile(r"\b(?:a|an|the)\s+([a-z]+)(?=\s*(?:['\"”’.,;:)]|\band\b|\bor\b|$))")


def adjective_person(reading: Reading, ev: Evidence) -> list[str]:
    """A person the statement names where the sentence gives only an adjective of a noun, for the words
    that are both (-iste): "attempting to kill a terrorist" for "tentative d'assassinat terroriste" (a
    terrorist murder)."""
    found: FrenchWords | None = None
    for m in _EN_PERSON_HEAD.finditer(reading.text):
        if not wordnet.person(m.group(1)):
            continue
        found = found or french_words(ev.sentence)
        # the French words of a person and a kind alike: terroriste, islamiste, séparatiste
        surfaces = frozenset(
            f for f in rested_on(found, [m.group(1)], e5=False) if f.endswith(("iste", "istes"))
        )
        if noun := after_noun(ev.sentence, surfaces):
            return [
                f"{m.group(1)!r} is a person in the statement; sentence {ev.sentence_n} gives it as what"
                f" {noun!r} is"
            ]
    return []


# Who says it: "X a écrit que …" / "X wrote that …" (the speaker before the verb of saying).
_SAID_FR = re.compile(
    r"\b(?:a|ont|avait|avaient)\s+(?:(?:aussi|également|encore|déjà)\s+)?(?:écrit|déclaré|dit|affirmé|assuré"
    r"|estimé|indiqué|expliqué|ajouté|souligné|précisé|annoncé|jugé|accusé)\s+qu(?:e\b|['’])"
)
_SAID_EN = re.compile(
    r"\b(?:said|wrote|stated|claimed|declared|added|argued|insisted|affirmed|asserted|explained|noted"
    r"|announced|stressed|accused)\b(?:\s+that)?"
)


def speaker_swapped(reading: Reading, ev: Evidence) -> list[str]:
    """The one who says it and the one it is said of, swapped across a verb of saying: "Mike Pompeo
    wrote that Wang Yongjun had offered no evidence" for "Wang Yongjun a écrit que M. Pompeo n'avait
    offert aucune preuve"."""
    en, fr = _SAID_EN.search(reading.text), _SAID_FR.search(ev.sentence)
    if en is None or fr is None:
        return []
    speaker_fr, content_fr = ev.sentence[: fr.start()], ev.sentence[fr.end() :]
    for name in reading.names:
        at = reading.text.find(name)
        both = name in reading.text[: en.start()] and name in reading.text[en.end() :]
        if at < 0 or both or reading.text[at + len(name) :].startswith(("'s", "’s")):
            continue  # "Mladic's lawyer argued that Mladic…": whose lawyer, not who speaks
        says = at < en.start()
        said_in, not_in = (content_fr, speaker_fr) if says else (speaker_fr, content_fr)
        if find_rendering(name, said_in) and not find_rendering(name, not_in):
            role = "says it" if says else "is what is said"
            return [f"{name!r} {role} in the statement; sentence {ev.sentence_n} has the other role"]
    return []


_EN_TO = re.compile(r"\b(?:to|towards)\s+(?:the\s+)?$", re.I)
# A name opening a French clause, right before its verb: "… que M. Pemberton présente ses condoléances".
_FR_OPENS = re.compile(r"(?:^|[,;:]|\bque|\bqu['’])\s*(?:(?:M|Mme|Mr)\.?\s+)?$")


def actor_as_recipient(reading: Reading, ev: Evidence) -> list[str]:
    """A name the sentence makes act (it opens its clause, a verb right after it) that the statement
    gives as the recipient ("offered its condolences to Pemberton" for "M. Pemberton présente ses
    condoléances à la famille de sa victime")."""
    for name in reading.names:
        at = reading.text.find(name)
        if at <= 0 or not _EN_TO.search(reading.text[:at]):
            continue
        span = find_rendering(name, ev.sentence)
        if span is None or not _FR_OPENS.search(ev.sentence[: span[0]]):
            continue
        rest = re.match(r"(?:\s+[A-ZÀ-Þ][\w'’-]*)*\s+([a-zéèêàâîôûç]+)", ev.sentence[span[1] :])
        if rest and _verb(rest.group(1)):
            return [f"{name!r} receives in the statement; it acts in sentence {ev.sentence_n}"]
    return []


def _verb(word: str) -> bool:
    """A French verb form or auxiliary ("présente", "a", "ont livré"), not a noun or a gerund."""
    if word in ("a", "ont", "avait", "avaient", "est", "sont", "va", "vont"):
        return True
    import simplemma

    # "présente": présenter, which simplemma reads as the adjective
    return finite_verb(word) or (word.endswith("e") and simplemma.is_known(word + "r", lang="fr"))


# The speaker a closing incise names (`"…", a encore assuré le 45e président américain, …`), and whom an
# English verb of saying addresses ("He assured the 45th President … that").
_INCISE_SPEAKER = re.compile(
    r"[»\"”]\s*,?\s*(?:a|ont|avait)\s+(?:(?:encore|aussi|également|alors|ensuite)\s+)?"
    r"(?:assuré|dit|déclaré|affirmé|promis|lancé|martelé|répété|prévenu|averti)\s+([^,;.]{3,60})"
)
_ADDRESSED_EN = re.compile(
    r"\b(?:assured|told|informed|reassured|warned|promised)\s+((?:\w+\s+){1,8}?)that\b"
)


def speaker_addressed(reading: Reading, ev: Evidence) -> list[str]:
    """The speaker a closing incise names, made the one spoken to: "He assured the 45th President of
    the United States that he would win the virus" for `"Nous vaincrons le virus…", a encore assuré le
    45e président américain`."""
    fr, en = _INCISE_SPEAKER.search(ev.sentence), _ADDRESSED_EN.search(reading.text)
    if fr is None or en is None:
        return []
    found = french_words(fr.group(1))
    words = [w for w in re.findall(r"[A-Za-z][\w-]+", en.group(1)) if w.casefold() not in STOPWORDS]
    if words and rested_on(found, words, e5=False):
        return [
            f"{en.group(1).strip()!r} is spoken to in the statement; it speaks in sentence {ev.sentence_n}"
        ]
    return []
