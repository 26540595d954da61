"""Frame: who did what to whom. The statement's participants must stand in the same roles as in the
French sentence, whatever the typed fields say.

Participants are the statement's names and the nouns it introduces ("the police", "a man"), each
found in the sentence by its French rendering. For every pair found on both sides, the agent is the
first one unless the second is introduced by "by"/"par" (a passive agent); a pair whose agent differs
between the languages is a reversed frame ("British soldiers opened fire on Catholic marchers" vs
"…participants catholiques ont ouvert le feu sur des soldats britanniques"). Coordinated pairs
("China and India", "la Chine et l'Inde") are left alone: their order carries no role.
The typed roles (event actor/target, relation subject/object), when the model filled them, are
cross-checked too: the actor must not be what the sentence marks as the recipient.
"""

from __future__ import annotations

import re
from itertools import combinations

from summarizer.check.alignment import normalize
from summarizer.check.entities import titled
from summarizer.check.evidence import Evidence
from summarizer.check.forms import cognate, stem
from summarizer.check.lexicon import french_words
from summarizer.check.names import canonicals, english_names, find_rendering
from summarizer.check.pronouns import (
    object_pronoun,
    one_of_many,
    owner_gender,
    possessed,
    pronoun_person,
    reflexive,
    relative_subject,
)
from summarizer.check.statement import CALENDAR, STOPWORDS, Reading
from summarizer.check.subjects import (
    actor_as_recipient,
    adjective_person,
    apposed_owner,
    french_subject,
    object_acts,
    owner_acts,
    passive_subject,
    speaker_addressed,
    speaker_swapped,
)
from summarizer.check.verdict import FRAME, result
from summarizer.models import CheckResult, Fact

# Number words that introduce people ("three men") and name no one.
_COUNTS = "two three four five six seven eight nine ten dozens hundreds thousands".split()
_EN_INTRO = re.compile(
    rf"\b(?:the|a|an|his|her|their|its|many|several|some|by|on|against|of|to|\d[\d,]*|{'|'.join(_COUNTS)})"
    r"\s+(?:\w+\s+)?$",
    re.I,
)
# A name before a people-noun stands for the group ("Chinese soldiers"); an article or number does not.
_DETERMINERS = ["A", "An", "The", "His", "Her", "Their", "Its", "Some", "Many", "Several"]
_NAMED_GROUP = re.compile(
    rf"\b(?!(?:{'|'.join(_DETERMINERS + [c.capitalize() for c in _COUNTS])})\b)[A-Z][\w-]*\s+$"
)
# "by the United States and", "par les États-Unis et la": a passive agent, coordinated ones included.
_EN_AGENT = re.compile(r"\bby\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|their\s+)?(?:[\w-]+\s+){0,4}$", re.I)
_EN_CONVERSE = re.compile(
    r"\b(?:receiv|obtain|buy|bought|acquir|purchas|import|got|get)\w*\b.*\bfrom\s+(?:the\s+)?$", re.I
)
_FR_AGENT = re.compile(r"\bpar\s+(?:le\s+|la\s+|les\s+|l'|un\s+|une\s+|des\s+)?(?:[\w'-]+\s+){0,4}$")
# Between two participants of one frame there is no clause edge; adjuncts (places, times, owners)
# are not participants.
_FR_EDGE = re.compile(r"[,;:()«»]|\b(?:qui|que|qu'|dont|lorsque|quand|après|avant)\b")
_EN_ADJUNCT = re.compile(
    r"\b(?:in|at|from|during|of|near|since|for|(?:visit|trip|journey|travel\w*|way)\s+to)\s+(?:the\s+)?$",
    re.I,
)
# "fired rockets at Israel": "at" after a verb of aiming names a target, not a place.
_EN_TARGET = re.compile(
    r"\b(?:fir|shoot|shot|aim|launch|throw|threw|hurl|lob|strik|struck)\w*(?:\s+[\w-]+){0,3}\s+at\s+(?:the\s+)?$",
    re.I,
)
_FR_ADJUNCT = re.compile(
    r"\b(?:dans|en|depuis|pendant|pour|près de|chez)\s+(?:le\s+|la\s+|les\s+|l')?$", re.I
)
# Capitalised words opening a statement that name no one ("Less than 70 days before the election").
_NOT_NAMES = frozenset(
    "less more fewer most over under after before since nearly almost about around one".split() + _COUNTS
)
# Nouns for people and groups that act (singular, lower case): the common nouns a frame turns on.
_PEOPLE = frozenset(
    "man men woman women child children people person police policeman officer soldier troop army force crowd"
    " protester demonstrator customer client manager owner employee worker student teacher doctor patient"
    " victim attacker gunman suspect prisoner judge lawyer prosecutor court government authoritie minister"
    " president leader official rebel militant fighter citizen resident voter journalist company party"
    " marcher participant".split()
)
_COORDINATED = re.compile(
    r"^[\s,]*(?:and|et|or|ou|&|as well as|ainsi que)?[\s,]*(?:the|le|la|les|l'|de|du|des)?\s*$"
)
# Role prepositions whose object cannot swap with another participant: "behind the United States"
# / "derrière les Etats-Unis", "against Bruno Gaccio" / "à l'encontre de l'humoriste Yassine Belattar".
_EN_MARKED = re.compile(
    r"\b(behind|against|ahead of|in front of)\s+(?:the\s+|a\s+|an\s+|his\s+|her\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}$",
    re.I,
)
_FR_MARKED = re.compile(
    r"\b(derriere|contre|a l'encontre d|a l encontre d|devant|en tete de)(?:e\s+|u\s+|es\s+|'|\s+)"
    r"(?:le\s+|la\s+|les\s+|l'|un\s+|une\s+|des\s+)?(?:[\w'-]+\s+){0,2}$"
)
_ROLE = {
    "behind": "behind", "derriere": "behind", "against": "against", "contre": "against",
    "a l'encontre d": "against", "a l encontre d": "against",
    "ahead of": "ahead", "in front of": "ahead", "devant": "ahead", "en tete de": "ahead",
}  # fmt: skip
_RECIPIENT = re.compile(
    r"(?:\b(?:a|au|aux|vers|pour|envers)|a destination de|en faveur de)\s*(?:la |le |les |l')?$"
)


def _participants(text: str, reading: Reading) -> list[tuple[int, str]]:
    """(position in ``text``, words) of the names and the people-nouns a statement introduces."""
    names = [n for n in english_names(text) if n not in CALENDAR and n.casefold() not in _NOT_NAMES]
    found = [(text.find(n), n) for n in names if text.find(n) >= 0]
    taken = {w for _, n in found for w in n.split()}
    for m in re.finditer(r"[A-Za-z][\w-]+", text):
        word = m.group(0)
        if word in taken or word.casefold() in STOPWORDS or (word[0].isupper() and m.start() > 0):
            continue
        if len(re.findall(rf"\b{word}\b", text)) > 1:
            continue  # "Indian soldiers and Chinese soldiers …, 20 soldiers died": which soldiers?
        before = text[: m.start()]
        # "Chinese soldiers": the name before the noun stands for the group; one participant.
        if (
            word.casefold().rstrip("s") in _PEOPLE
            and (m.start() == 0 or _EN_INTRO.search(before))
            and not _NAMED_GROUP.search(before)
        ):
            found.append((m.start(), word))
    return sorted(set(found))


# A copula between two participants, not a passive's auxiliary: "… est Oussama Ben Laden", "… is X's".
_FR_COPULA = re.compile(
    r"\b(?:est|sont|était|étaient|fut|furent|sera|seront)\s+(?!\w+(?:é|ée|és|ées|is|u|us|ue|ues)\b)"
)
_EN_COPULA = re.compile(r"\b(?:is|are|was|were|will be)\s+(?!\w+(?:ed|en)\b)")


def _in_french(words: str, sentence: str) -> int | None:
    span = find_rendering(words, sentence)
    span = span or next(filter(None, (find_rendering(n, sentence) for _, n in titled(words))), None)
    if span is not None:
        return span[0]
    found = [french_words(sentence).where(w) for w in words.split() if len(w) > 2]
    return None if not found or None in found else min(p for p in found if p is not None)


def _agent(first: int, second: int, text: str, marker: re.Pattern[str]) -> int:
    """Which of two positions (first < second) is the agent: the second when "by"/"par" introduces it."""
    return second if marker.search(text[:second]) and not marker.search(text[:first]) else first


# A French passive and its agent: "sera remplacé par des vols d'avions militaires".
# Not a reflexive ("s'est poursuivie par téléphone"), and "par" with a determiner: an agent, not a means.
_FR_PASSIVE = re.compile(
    r"(?<!s')(?<!s’)(?<!\bse )\b(?:été|être|est|sont|sera|seront|serait|seraient|était|étaient|fut|furent)\s+"
    r"(?:\w+\s+)?(\w+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|te|tes))\s+par\s+"
    r"((?:le|la|les|l'|l’|un|une|des|du|d'|d’|ses|son|sa|leur|leurs|ce|cette|ces)\b\s*[^,;:.()«»\"]+)"
)
_EN_WORD = re.compile(r"[A-Za-z][\w-]+")


def _passive_agent(reading: Reading, ev: Evidence) -> list[str]:
    """A French passive's agent made what the statement's verb acts on ("Il sera remplacé par des vols
    d'avions militaires" → "A military air force will replace the planes"): a word rendering the agent
    after the verb that renders the participle, with no "by" between. Names are the pairs' business."""
    out = []
    text = reading.core
    words = [(m.start(), m.group()) for m in _EN_WORD.finditer(text) if m.group().casefold() not in STOPWORDS]
    for m in _FR_PASSIVE.finditer(ev.clause):
        agent = " ".join(w for w in m.group(2).split()[:5] if not w[:1].isupper())
        verb_fr, agent_fr = french_words(m.group(1)), french_words(agent)
        verb = next((p for p, w in words if verb_fr.rendering(w, e5=False)), None)
        if verb is None:
            continue
        for p, w in words:
            if p > verb and not re.search(r"\bby\b", text[verb:p], re.I) and agent_fr.rendering(w, e5=False):
                by = m.group(2).strip()[:40]
                out.append(
                    f"{w!r} is what the statement's verb acts on; in sentence {ev.sentence_n} it acts ('par {by}')"
                )
                break
    return out


def check_frame(fact: Fact | None, reading: Reading, ev: Evidence) -> list[CheckResult]:
    """Reversed roles between the statement and the sentence; nothing when fewer than two participants
    are found on both sides."""
    out = _typed_roles(fact, ev) if fact is not None else []
    if reading.lang != "en":  # the pairs are read from English word order and prepositions
        if flipped := french_subject(reading, ev):
            out.append(result(FRAME, False, "; ".join(flipped), contradicts=True))
        return out
    text = reading.core
    pairs = [
        (pos, words, fr)
        for pos, words in _participants(text, reading)
        if (fr := _in_french(words, ev.sentence)) is not None
    ]
    checked, flipped = 0, []
    for (ea, wa, fa), (eb, wb, fb) in combinations(pairs, 2):
        if fa == fb or _COORDINATED.match(text[ea + len(wa) : eb]):
            continue
        lo, hi = sorted((fa, fb))
        between = ev.sentence[lo:hi]
        # "un homme qui a ouvert le feu contre des policiers": a relative pronoun right after the
        # first participant keeps both in one frame.
        inner = re.sub(r"^[\w'’-]+(?:\s+qui\b)?", "", between)
        if _COORDINATED.match(re.sub(r"^\S+", "", between)) or _FR_EDGE.search(inner):
            continue
        if _FR_COPULA.search(between) and _EN_COPULA.search(text[min(ea, eb) : max(ea, eb)]):
            continue  # "Le beau-père de X est Y": "Y is X's father-in-law" (no one acts)
        if any(_EN_ADJUNCT.search(text[:e]) and not _EN_TARGET.search(text[:e]) for e in (ea, eb)) or any(
            _FR_ADJUNCT.search(ev.sentence[:f]) for f in (fa, fb)
        ):
            continue
        checked += 1
        en_agent = wa if _agent(ea, eb, text, _EN_AGENT) == ea else wb
        fr_first, fr_second = (wa, wb) if fa < fb else (wb, wa)
        fr_agent = fr_first if _agent(lo, hi, ev.sentence, _FR_AGENT) == lo else fr_second
        if en_agent != fr_agent:
            flipped.append(f"{en_agent!r} acts in the statement, {fr_agent!r} in sentence {ev.sentence_n}")
    flipped += _swapped_markers(pairs, text, ev)
    flipped += _recipient_acts(pairs, reading.text, ev)
    flipped += _source_acts(pairs, text, ev)
    flipped += _addressee_as_source(reading, ev)
    flipped += _passive_agent(reading, ev)
    flipped += pronoun_person(reading, ev)
    flipped += possessed(reading, ev) if ev.lang != "en" else []
    flipped += reflexive(reading, ev) + one_of_many(reading, ev) + owner_gender(reading, ev)
    flipped += owner_acts(reading, ev) + passive_subject(reading, ev) + object_acts(reading, ev)
    flipped += apposed_owner(reading, ev) + adjective_person(reading, ev) + object_pronoun(reading, ev)
    flipped += relative_subject(reading, ev) + speaker_swapped(reading, ev) + actor_as_recipient(reading, ev)
    flipped += speaker_addressed(reading, ev)
    if flipped:
        out.append(result(FRAME, False, "; ".join(flipped), contradicts=True))
    elif checked:
        out.append(result(FRAME, True, f"{checked} pair(s) of participants in the same roles"))
    return out


def english_agent(text: str, a: tuple[int, int], b: tuple[int, int]) -> int | None:
    """Which of two participants of an English text acts, given as (start, end) spans: 0 for ``a``,
    1 for ``b``; None when they are coordinated ("North Korea and Russia")."""
    (first, second), swapped = ((a, b), False) if a[0] <= b[0] else ((b, a), True)
    if _COORDINATED.match(text[first[1] : second[0]]):
        return None
    acts_second = _agent(first[0], second[0], text, _EN_AGENT) == second[0]
    # "Moscow received missiles from Pyongyang": the giver is the second.
    acts_second = acts_second or bool(_EN_CONVERSE.search(text[first[1] : second[0]]))
    return int(acts_second != swapped)


def _swapped_markers(pairs: list[tuple[int, str, int]], text: str, ev: Evidence) -> list[str]:
    """Role prepositions (behind, against, ahead of) on other participants, or other prepositions on
    the same one, in the statement and the sentence: the participants swapped places."""
    en = {w: _ROLE[m.group(1).casefold()] for pos, w, _ in pairs if (m := _EN_MARKED.search(text[:pos]))}
    fr = {
        w: _ROLE[m.group(1)]
        for _, w, f in pairs
        if (m := _FR_MARKED.search(normalize(ev.sentence[:f]) + " "))
    }
    if en and fr and (not en.keys() & fr.keys() or any(fr.get(w, role) != role for w, role in en.items())):
        return [f"{', '.join(map(repr, en))} placed by a role word differently in sentence {ev.sentence_n}"]
    return []


# The statement makes a participant act: it is followed by a finite verb ("Russia provided"), or it is
# the accused of an accusation ("accused Russia of providing").
_EN_ACTS_AFTER = re.compile(
    r"^(?:'s\s+\w+\s+)?\s+(?:has\s+|have\s+|had\s+|is\s+|are\s+|was\s+|were\s+|will\s+|would\s+)?"
    r"(?!receiv|obtain|get|got|buy|bought|acquir|import|benefit|need|want|seek|sought|ask|request)"
    r"(?:[a-z]+ed|provides|supplies|sends|delivers|transfers|ships|sells|gives|offers|sold|sent|gave)\b"
)
_EN_ACCUSED = re.compile(r"\b(?:accus\w*|suspect\w*|blam\w*)\s+(?:the\s+)?$", re.I)


def _given_as_recipient(sentence: str, at: int) -> bool:
    """Whether the French words just before offset ``at`` mark what follows as a recipient ("à la",
    "vers"). The prefix is folded on its own: folding changes lengths ("œ" → "oe")."""
    return bool(_RECIPIENT.search(normalize(sentence[:at]) + " "))


def _recipient_acts(pairs: list[tuple[int, str, int]], text: str, ev: Evidence) -> list[str]:
    """A participant the sentence gives as the recipient ("à la Russie", "vers Moscou") that the
    statement makes act ("Russia provided …", "accused Russia of providing …")."""
    out = []
    for _, words, fr in pairs:
        if not _given_as_recipient(ev.sentence, fr) or _FR_ADJUNCT.search(ev.sentence[:fr]):
            continue
        if re.match(r"[^,;.]{0,30}?,?\s+qui\b", ev.sentence[fr:]):
            continue  # "vers la Corée du Nord, qui a expédié …": the subject of its own clause
        pos = text.find(words)
        after = text[pos + len(words) :]
        accused = _EN_ACCUSED.search(text[:pos]) and re.match(r"\s+of\s+\w+ing\b", after)
        if accused or _EN_ACTS_AFTER.match(after):
            out.append(f"{words!r} acts in the statement, the recipient in sentence {ev.sentence_n}")
    return out


# On the sentence as written: folding drops the commas that end "selon le PSNI, Lyra McKee".
_FR_SOURCE = re.compile(
    r"\b(?:selon|d['’]après)\s+(?!lesquel|lequel|laquelle|que\b|qu['’])(?:le |la |les |l['’])?(?:[\w'’-]+ ){0,2}$",
    re.I,
)  # not "les informations selon lesquelles la Corée du Nord…": a relative clause, not a source


# The subject of an incise that closes the sentence ("…, révèle Marianne.", "…, a précisé le parquet.").
_FR_INCISE_SOURCE = re.compile(
    r"[,»\"”]\s*(?:(?:a|ont|avait)\s+)?(?:rév[éè]l|rapport|indiqu|affirm|précis|expliqu|soulign|ajout|déclar"
    r"|assur|confi|racont|annon[cç])[a-zéèêâîûç]*\s+(?:le |la |les |l['’])?(?:[\w'’-]+ ){0,2}$",
    re.I,
)


def _source_acts(pairs: list[tuple[int, str, int]], text: str, ev: Evidence) -> list[str]:
    """A participant of the statement that the sentence gives only as its source ("…, selon la
    Croix-Rouge" made "treated at the Red Cross"; "…, à l'encontre de l'humoriste Yassine Belattar,
    révèle Marianne" made "complaints … against Marianne"): a source belongs in the attribution."""
    return [
        f"{words!r} is the source in sentence {ev.sentence_n}, not a participant"
        for _, words, fr in pairs
        if (not _named_again(words, fr, ev.sentence) and _FR_SOURCE.search(ev.sentence[:fr]))
        or (
            _FR_INCISE_SOURCE.search(ev.sentence[:fr])
            and re.match(r"[\w'’ -]*[.!?]?\s*$", ev.sentence[fr:])
            and re.search(
                rf"\b(?:against|to|for|with|on|by|from|at)\s+(?:the\s+)?{re.escape(words)}", text, re.I
            )
        )
    ]


def _named_again(words: str, at: int, sentence: str) -> bool:
    """Whether the sentence names a participant again after its first word there, outside a source:
    "Selon les tabloïds britanniques, l'homme s'est rendu au Royaume-Uni" (the UK is where he went)."""
    end = sentence.find(" ", at)
    later = find_rendering(words, sentence[end:]) if end > 0 else None
    return later is not None and not _FR_SOURCE.search(sentence[: end + later[0]])


# Whom a speaker tells ("a déclaré à l'AFP", "explique au Parisien", "rapporte-t-il à Marianne"): the
# outlet or person addressed, not the source, nor a title ("said AFP President", "according to
# Parisian Gérard Hébert", "reports Marianne"). One capitalised word: the speaker's name may follow.
_FR_TOLD = re.compile(
    r"\b(?:dit|dire|disait|déclar|affirm|assur|expliqu|indiqu|précis|confi|racont|rapport|ajout|lanc|répond"
    r"|annonc|témoign|révél|soulign|confirm|déplor|regrett|gliss)[a-zéèêâîûç]*(?:-t)?(?:-(?:il|elle)s?)?"
    r"\s+(?:(?:encore|aussi|également|alors)\s+)?(?:à\s+(?:l['’]|la\s+)?|au\s+|aux\s+)([A-ZÀ-Þ][^\W\d_]{2,})"
    r"|\bauprès\s+d(?:u\s+|e\s+(?:l['’]|la\s+)?|['’])([A-ZÀ-Þ][^\W\d_]{2,})"  # "s'est ému auprès du Parisien"
)
_EN_TOLD = re.compile(
    r"\b(?:(?<!according )(?<!due )to|told|tells?|telling|with|in|on)\s+(?:the\s+|le\s+|la\s+|l')?$", re.I
)


def _addressee_as_source(reading: Reading, ev: Evidence) -> list[str]:
    """A name the sentence gives as whom the speaker told, in the statement without "to"/"told"
    (a country is left alone: "a dit à France Info" and France the subject)."""
    out = []
    for told in _FR_TOLD.finditer(ev.sentence):
        name = told.group(1) or told.group(2)
        if canonicals(name):
            continue
        addressee = stem(name)
        for word in re.finditer(r"[A-Za-z][\w'-]+", reading.text):
            if cognate(stem(word.group(0)), addressee) and not _EN_TOLD.search(reading.text[: word.start()]):
                detail = f"{word.group(0)!r} is whom the speaker told in sentence {ev.sentence_n} ({told.group(0)!r})"
                out.append(detail + ", not a source or a title")
                break
    return out


def _typed_roles(fact: Fact, ev: Evidence) -> list[CheckResult]:
    if fact.type == "event" and fact.event.actor and fact.event.target:
        actor, target = fact.event.actor, fact.event.target
    elif fact.type == "relation" and fact.relation.subject and fact.relation.object:
        actor, target = fact.relation.subject, fact.relation.object
    else:
        return []
    a, t = find_rendering(actor, ev.sentence), find_rendering(target, ev.sentence)
    if a is None or t is None or a == t:
        return []
    if _given_as_recipient(ev.sentence, a[0]) and not _given_as_recipient(ev.sentence, t[0]):
        detail = f"typed actor {actor!r} is the recipient in sentence {ev.sentence_n}"
        return [result(FRAME, False, detail, contradicts=True)]
    return []
