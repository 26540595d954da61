"""Certainty and polarity: the statement must say as much doubt and negation as the clause its quote is
in ("aurait livré" is not "delivered"; "nie" is not "confirmed"), and keep the source the sentence names;
an attribution must be found where the source gives it. Degree and tense: ``degree``.

Markers count only in the quote's clause, so a participle or noun of another clause ("accusé" in
"…, accusé par Kiev, a livré …") does not hedge the fact; reporting markers (selon, a déclaré) and the
source's name are looked for in the sentence and the preceding sentences of its paragraph.
"""

from __future__ import annotations

import re

from summarizer.check.entities import name_in, referred, short_form
from summarizer.check.evidence import Evidence
from summarizer.check.forms import fold_word
from summarizer.check.lexicon import FrenchWords, french_words
from summarizer.check.matching import GUESSES, rested_on, unmatched_words
from summarizer.check.names import demonym_country, english_names
from summarizer.check.sources import (
    ACCORDING_TO,
    PRONOUN_SOURCE,
    QUOTED_VERB,
    QUOTES_EN,
    SELON,
    VIEW_ANY,
    named_source,
    speaker_phrase,
)
from summarizer.check.statement import (
    HEDGE_RE,
    HEDGES,
    NEGATION,
    REPORTING,
    Reading,
    content_words,
)
from summarizer.check.verdict import ATTRIBUTION, CERTAINTY, POLARITY, result
from summarizer.models import CheckResult, Fact

# Markers of the certainty a French clause gives, by kind.
MARKERS = {
    "alleged": r"\b(rumeurs?|soi-disant|aurai(?:t|ent)(?!(?: pas| jamais)? (?:dû|pu|voulu|fallu)\b)|serai(?:t|ent)|(?!voudr|faudr|aimer|souhaiter|préférer)[a-zàâçéèêëîïôûù]+(?:erai(?:t|ent)|drai(?:t|ent)|ttrai(?:t|ent))|accus\w*|présumé\w*|alléga\w*|prétendu\w*|soupçonn\w*|impute\w*|imputé\w*|penser|croire|croit|croient)\b",
    "denied": r"\b(dénis?|refus\w*|ni(?:e|ent|é|ait|aient)|dément\w*|démenti\w*|dénégation\w*|contest\w*|rejet\w*|rejeté\w*|réfut\w*)\b",
    "negated": r"\bn(?:e\s|')\s*[\w-]+(?:\s+[\w-]+)?\s+(?:pas|jamais|plus|aucun\w*|guère|rien|nullement)\b|\b(?:pas|non(?!-)|sans(?! frontières| précédent)(?!-)|aucun\w*|(?<!que\s)(?<!comme\s)jamais|nul(?:le)? part)\b|\b(?<!une\s)(?<!la\s)(?<!cette\s)(?:rien|personne)(?:\s+d(?:e\s|')\s*[\w-]+)?\s+n(?:e\s|')",
    "reported": rf"\b({SELON}|d'après|comme l[e'’]\s?(?:a\s+)?(?:rappel|soulign|indiqu|expliqu|précis|not|rapport|affirm|relev|écri|annonc)\w*|officiellement|f(?:ait|ont|aisant|aisaient|aisait) état|a déclaré|déclar(?!ations?\b)\w*|affirm\w*|rapport\w*|indiqu\w*|estim\w*|annonc\w*|a dit|ont dit|avait dit|assur\w*|tweeté|précisé|ajouté|expliqué|souligné)\b",
    "speculative": r"\b(peut-être|sans doute|vraisemblablement|pourrai(?:t|ent)|aurai(?:t|ent)(?: pas| jamais)? (?:dû|pu)|devrai(?:t|ent)|probabl\w*|possiblement|il est possible|possible que|il semble|sembl\w*|susceptible|éventuellement|hypothèse|tabl\w+ sur|prévoi\w*|envisag\w*)\b|\b(?:crai(?:n[st]|gn\w*)|crainte|peur|redout\w*|esp[eè]r\w*|souhait\w*)\s+qu",
}  # fmt: skip
DENIALS = {"denied", "negated"}
# The same kinds in an English source, read as a statement's: its negation (a denial among them) and
# the hedges a statement may carry.
_MARKERS_EN = {
    "negated": NEGATION,
    **{kind: re.compile(rf"\b(?:{HEDGES[kind]})\b", re.I) for kind in ("alleged", "reported", "speculative")},
}
_HEDGED = {"alleged", "speculative"}
# Someone's belief ("je crois que", "il pense que"): "he said that…" drops it; "he believes" keeps it.
_BELIEF = re.compile(
    r"\b(?:cro(?:is|it|yons|yez|ient|yait|yaient)|pens(?:e|es|ons|ez|ent|ait|aient))\s+qu(?:e\b|['’])", re.I
)
_BELIEF_EN = re.compile(
    r"\b(?:believ\w*|think\w*|thought|feel\w*|felt|consider\w*|convinced|opinion|view)\b", re.I
)
_SOURCE_CARRIERS = {"alleged", "reported"}
_FIRST_PERSON = re.compile(r"\b(?:I|we|us|our|my|me)\b")
# What says that a third party reports the clause ("selon la presse"): not a verb of the clause's own
# subject ("Pompeo urged Israel…" is what the press reports, not who reports it).
_SOURCING_EN = re.compile(
    r"\b(?:according to|reported(?:ly)?|reports?|citing|cited|sources?|quoted|quoting)\b", re.I
)
# English hedges that may carry each French marker kind.
_CARRIERS = {"alleged": {"alleged", "reported", "speculative"}, "speculative": {"speculative", "alleged"}}


def markers(text: str, lang: str = "fr") -> set[str]:
    """The certainty kinds whose markers occur in a French text (``lang="en"``: an English one)."""
    folded = text.casefold().replace("’", "'")
    if lang == "en":
        text = re.sub(r"\bMay\b", " ", text.replace("’", "'"))  # the month, not the modal
        return {kind for kind, pattern in _MARKERS_EN.items() if pattern.search(text)}
    return {kind for kind, pattern in MARKERS.items() if re.search(pattern, folded)}


# English verbs that carry a French negation of what follows ("en essayant de ne pas toucher" → "trying
# to avoid touching"), without being a negation themselves ("avoided a crash" for "a évité").
_AVOID = re.compile(r"\b(?:avoid|refrain|prevent|keep from|stop)\w*", re.IGNORECASE)


# A lack said by a word on both sides ("manquait de moyens" / "lacked means"): no negation to carry.
_LACK_EN = re.compile(r"\b(?:lack\w*|fail\w*|absence of)\b", re.I)
_LACK_FR = re.compile(r"\b(?:manqu\w*|faute d|absence|échou\w*|échec)", re.I)


def _lacking_on_both_sides(statement: str, sentence: str) -> bool:
    """Whether the statement negates only by a word of lack or failure, and the sentence has one."""
    return bool(_LACK_FR.search(sentence)) and not NEGATION.search(_LACK_EN.sub(" ", statement))


# A denial the French negates ("n'a pas exclu", "ne nie pas"): what is denied stays open, so an English
# denial without a negation of its own says the opposite ("ruled out").
_NEGATED_DENIAL = re.compile(
    r"\bn(?:e\s|')\s*(?:\w+\s+)?(?:pas|jamais|plus)\s+(?:\w+\s+)?(?:exclu|écarté|nié|démenti|rejeté|refusé|contesté)\w*"
    r"|\bn(?:e\s|')\s*(?:exclu|écart|ni|dément|rejet|refus|contest)\w*\s+(?:pas|jamais|plus)\b",
    re.I,
)
_EN_NEGATOR = re.compile(r"\b(?:not|no|never|neither|nor|nothing|nobody|none)\b|n['’]t\b", re.I)


def check_polarity(reading: Reading, ev: Evidence) -> CheckResult:
    """A negation or denial in the quote's clause must be in the statement, and only then."""
    if (m := _NEGATED_DENIAL.search(ev.clause)) and reading.negated and not _EN_NEGATOR.search(reading.text):
        return result(
            POLARITY, False, f"the clause negates a denial ({m.group(0)!r}); the statement denies", True
        )
    clause = markers(ev.clause, ev.lang) & DENIALS
    if clause == {"negated"} and not reading.negated and (avoid := _AVOID.search(reading.text)):
        return result(POLARITY, True, f"negated on both sides ({avoid.group(0)!r})")
    if clause and not reading.negated:
        return result(
            POLARITY,
            False,
            f"the clause is {'/'.join(sorted(clause))} but the statement has no negation",
            True,
        )
    if (
        reading.negated
        and not clause
        and not markers(ev.sentence, ev.lang) & DENIALS
        and not _lacking_on_both_sides(reading.text, ev.sentence)
    ):
        return result(POLARITY, False, f"the statement negates; sentence {ev.sentence_n} does not", True)
    if clause:
        return result(POLARITY, True, "negated on both sides")
    if reading.negated:
        return result(
            POLARITY, True, f"negated on both sides (in another clause of sentence {ev.sentence_n})"
        )
    return result(POLARITY, True, "affirmative on both sides")


# "qui dit se baser sur", "affirme avoir vu": what someone says they do, an infinitive after a verb of saying.
_SAYS_TO = re.compile(
    r"\b(?:dit|disent|affirme|affirment|assure|assurent|prétend|prétendent|soutient|soutiennent)\s+"
    r"(?:(?:se|s['’]|en|y|l['’]|les?|la)\s*)?(?:avoir\s+|être\s+)?"
    r"([a-zéèêàâîôûç]+(?:er|ir|re|oir|é|ée|és|ées|i|is|u|us))\b"
)
_SAYING_EN = re.compile(rf"\b(?:{REPORTING}|according|claim\w*|say\w*)\b", re.I)


def _says_to(reading: Reading, ev: Evidence) -> str | None:
    """What the sentence has someone say they do ("M. Zenz qui dit se baser sur des documents") told as
    what they do ("M. Zenz, who bases his claims on documents"): the statement's verb resting on the
    infinitive has no verb of saying in its own clause."""
    found: FrenchWords | None = None
    for m in _SAYS_TO.finditer(ev.clause):
        found = found or french_words(ev.sentence)
        for word in re.finditer(r"[A-Za-z][\w-]+", reading.text):
            if fold_word(m.group(1)) not in rested_on(found, [word.group(0)], e5=False):
                continue
            own_clause = re.split(r"[,;:]", reading.text[: word.start()])[-1]
            if not _SAYING_EN.search(own_clause):
                return (
                    f"sentence {ev.sentence_n} says that someone says it ({m.group(0)!r}); the statement's"
                    f" {word.group(0)!r} tells it as done"
                )
    return None


def _carried_source(reading: Reading, ev: Evidence, source: str | None) -> bool:
    """Whether the statement's own words say that someone reports or alleges it. In the first person,
    for a quotation its incise names, a verb of saying that renders a word of the quotation itself
    says what was said, not who says it: "He started shouting, promised to kill me" for "Il s'est mis
    à hurler, a promis de venir me tuer…", rapporte-t-il"."""
    if not reading.hedges & _SOURCE_CARRIERS:
        return False
    if source in (None, "a quotation") or not _FIRST_PERSON.search(reading.text):
        return True
    quotation = ev.span.split(source)[0]
    carriers = [
        w
        for w in re.findall(r"[A-Za-z]+", reading.text)
        if any(HEDGE_RE[kind].fullmatch(w) for kind in _SOURCE_CARRIERS)
    ]
    found = french_words(quotation)
    rendered = [w for w in carriers if (hit := found.rendering(w)) and hit[0] not in GUESSES]
    return not carriers or len(rendered) < len(carriers)


def check_certainty(fact: Fact | None, reading: Reading, ev: Evidence) -> CheckResult:
    """Hedges of the clause (aurait, accusé, pourrait, probablement) must be in the statement's words
    (a claim's too); a fact's typed certainty is a hint that may not claim more than the clause."""
    clause = markers(ev.clause, ev.lang) - ({"reported"} if speaker_phrase(ev) else set())
    source = named_source(ev)
    if (
        ev.lang != "en"
        and QUOTED_VERB.search(ev.clause)
        and not QUOTES_EN.search(reading.text)
        and source is None
    ):
        clause.add("alleged")  # someone's words, unnamed, told as the paper's own
    hedged = clause & _HEDGED
    if clause & {"denied"} and reading.negated:
        hedged.discard("alleged")  # "a réfuté ces allégations": the denial of an allegation
    missing = [k for k in sorted(hedged) if not reading.hedges & _CARRIERS[k]]
    if _BELIEF.search(ev.clause) and not _BELIEF_EN.search(reading.text):
        missing.append("a belief")  # "« Je crois que la porte a été ouverte », a déclaré Lien"
    listed = "/".join(sorted(clause)) or "no"
    if missing:
        detail = f"the clause is {'/'.join(missing)} but the statement says it without a hedge"
        return result(CERTAINTY, False, detail, contradicts=True)
    if said_to := _says_to(reading, ev):
        return result(CERTAINTY, False, said_to, contradicts=True)
    # The source must be said: "may", "no" are hedges but name no one; a statement in the first person
    # keeps the voice of a quotation whose speaker the sentences before name ("We are doing our best…"),
    # but not of one whose incise names it ("…, a-t-il lancé": "…, he said").
    said = bool(
        _carried_source(reading, ev, source)
        or reading.attribution
        or (source == "a quotation" and _FIRST_PERSON.search(reading.text))
    )
    if source and (fact is None or fact.attributed_to is None):
        if not said:
            detail = f"sentence {ev.sentence_n} gives a source ({source!r}); the statement states it as fact"
            return result(CERTAINTY, False, detail)
        third_party = source.casefold() in ("selon", "d'après") and not PRONOUN_SOURCE.search(ev.sentence)
        if third_party and not (
            reading.attribution or _FIRST_PERSON.search(reading.text) or _SOURCING_EN.search(reading.text)
        ):
            detail = f"sentence {ev.sentence_n} gives a source ({source!r} …); the statement's own verb does not say who reports it"
            return result(CERTAINTY, False, detail)
    if (
        ev.lang != "en"
        and ACCORDING_TO.match(reading.text)
        and source is None
        and not markers(ev.attribution_scope) & {"reported", "alleged", "denied"}
        and not VIEW_ANY.search(ev.sentence)
    ):
        # "According to CNN, Bernie Gores was executed" for "Le journaliste de CNN Bernie Gores a été exécuté"
        detail = f"the statement gives a source ({reading.attribution.strip(' ,')!r}) that sentence {ev.sentence_n} does not"
        return result(CERTAINTY, False, detail, contradicts=True)
    if fact is None:
        return result(CERTAINTY, True, f"the clause has {listed} markers")
    # The typed hint may say "asserted" where the statement's own words carry the clause's markers
    # ("The tribunal found…", "…, the bureau added", "asked the judges to reject").
    uncarried = clause - {"negated"}
    if "speculative" in reading.hedges:  # "she should have paid" for "aurait dû payer"
        uncarried.discard("speculative")
    if reading.hedges or reading.attribution:
        uncarried.discard("reported")
    if reading.negated:
        uncarried.discard("denied")
    if fact.certainty == "asserted" and uncarried:
        hint = "/".join(sorted(uncarried))
        return result(
            CERTAINTY,
            False,
            f"typed 'asserted' but the clause has {hint} markers the statement does not carry",
        )
    if fact.certainty == "denied" and not (markers(ev.sentence, ev.lang) & DENIALS):
        detail = f"typed 'denied' but sentence {ev.sentence_n} has {listed} markers"
        return result(CERTAINTY, False, detail, contradicts=True)
    return result(CERTAINTY, True, f"{fact.certainty}; the clause has {listed} markers")


def _found(source: str, text: str, ev: Evidence) -> bool:
    """A source is found when every name in it is (or, when a pronoun reports it, earlier in the
    article: "explique-t-elle", as is the country of "the Lebanese authorities"; when a pronoun stands
    for it, just before: "elle a fait valoir"), and most of its other words have a counterpart ("a
    medical source quoted by Haaretz" / "une source médicale citée par le journal Haaretz")."""
    names = english_names(source)
    pronominal = bool(PRONOUN_SOURCE.search(ev.sentence))
    if any(
        not name_in(n, text)
        and not short_form(n, ev.earlier, text)
        and not ((pronominal or demonym_country(n)) and name_in(n, ev.earlier, article_wide=True))
        and not referred(n, ev)
        for n in names
    ):
        return False
    rest = content_words(source, names)
    return not rest or 2 * len(unmatched_words(rest, text)) <= len(rest)


def check_attribution(fact: Fact, ev: Evidence) -> list[CheckResult]:
    """The source a fact is attributed to is named (in any rendering) in the sentence or the
    preceding sentences of its paragraph, or a reporting marker stands there."""
    if fact.attributed_to is None or not fact.attributed_to.name.strip():
        return []
    name = fact.attributed_to.name
    scope = ev.attribution_scope
    if _found(name, scope, ev):
        return [result(ATTRIBUTION, True, f"{name!r} named in sentence {ev.sentence_n} or just before")]
    mention = fact.attributed_to.mention
    if mention and mention in scope:
        if name_in(name, mention):
            return [result(ATTRIBUTION, True, f"{name!r} renders {mention!r}, in sentence {ev.sentence_n}")]
        return [result(ATTRIBUTION, False, f"{name!r} does not render {mention!r}", contradicts=True)]
    return [result(ATTRIBUTION, False, f"{name!r} not named in sentence {ev.sentence_n} nor just before")]
