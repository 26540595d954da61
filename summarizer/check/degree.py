"""Degree and tense: the statement must say as much degree as the clause its quote is in ("trop facile"
is not "easy", "seulement 52" is not "52", "ne…plus" is "no longer"), keep an exhortation one ("Soyons
sérieux" is no "We are serious"), the condition its sentence opens on ("Dès que j'entends…, je pense…"),
and a future told in the future ("distribuera" is not "distributed").
"""

from __future__ import annotations

import re

from summarizer.check.certainty import DENIALS, markers
from summarizer.check.evidence import Evidence
from summarizer.check.forms import fold_word, lemma
from summarizer.check.lexicon import french_words
from summarizer.check.names import french_country_adjective
from summarizer.check.statement import Reading
from summarizer.check.values import parse_amounts
from summarizer.check.verdict import DEGREE, TENSE, result
from summarizer.models import CheckResult

_OPENING_MARKS = ' «"“'  # stripped from a degree word the clause opens on ('"Ce que…')
# A comparative or superlative ("retrouvailles plus chaleureuses" is not "warm reunions"); not "non plus",
# "plus de 50" (a number's qualifier), "plus tard"; "ne…plus" is left out by ``_comparative``.
_COMPARATIVE = re.compile(
    r"(?<!\bnon )(?<!\bpas )\b(?:plus|moins)\s+"
    r"(?!de\b|d'|des\b|du\b|que\b|qu'|en\b|tard\b|t[oô]t\b|rien\b|jamais\b|personne\b|aucun|\d)[a-zà-ÿ]{3,}"
)
_COMPARED = r"more|less|least|most|fewer|further|rather|increasing\w*|growing|\w+er\b|\w+est\b|better|worse|best|worst"
# A degree word of the French clause → the English words one of which must carry it.
_DEGREE = {
    r"\btrop\b": r"too|overly|excessive\w*|over-",
    r"\b(?:seulement|uniquement|seule?s?|(?<!rien\s)(?<!personne\s)ne\s+[\w-]+(?:\s+(?!pas\b|jamais\b|rien\b|point\b)[\w-]+)?\s+qu(?:e|'))\b": r"only|just|solely|alone|sole|merely|single",
    r"\b(?:presque|quasiment|quasi)\b": r"almost|nearly|virtually|practically|near",
    r"\binsuffisan\w*": r"insufficient|not enough|lack|inadequate|too little|too weak|shortage|scant",
    r"\bcertaine?s\b": r"some|certain|several|a few|others",  # "certains ont suggéré" is not "he"
    r"\bne\s+[\w-]+(?:\s+[\w-]+)?\s+plus\b": r"no longer|not|never|any ?more|stopp?\w*|ceas\w*|no\b",
    r"\b(?:lui|elle|eux|elles|soi|moi|toi|nous|vous)-m[eê]mes?\b": r"himself|herself|itself|themselves|oneself|myself|ourselves|yourself|yourselves|own|personally|even",
    r"(?<!\bun )(?<!\bà )\bpeu\b(?!\s+à\s+peu)": r"few|little|hardly|barely|scarcely|rarely|seldom|not many|not much|low|small|limited|handful|not very",
    r"\bassez\b(?!\s+de\b)": r"enough|sufficient\w*|adequate\w*|quite|fairly|rather|pretty|too little|too few",  # "pas assez informée"
    # a clause opening on "ce que" names a thing, it asserts nothing: "Ce que nos soldats peuvent faire,
    # tout le monde l'a vu" is no "Our soldiers can do it"
    r"^[\W]*ce\s+qu(?:e\b|')": r"what|whatever|all that|everything|anything|the things?",
    # a duty not to ("n'aurait pas dû en manger") is no absence of duty ("did not have to eat")
    r"\bn(?:e\s+|')(?:[\w-]+\s+)?(?:(?:aurai[st]|auraient)\s+(?:pas|jamais)\s+dû"
    r"|(?:doi[st]|doivent|devai[st]|devaient|devrai[st]|devraient|devra)\s+(?:pas|jamais))\b": r"should(?:n't| not| never)|must(?:n't| not| never)|ought not|not supposed|forbidden|not allowed|may not|cannot|can't|no right",
    # no evidence that it happened is no evidence that it did not ("aucune preuve que… étaient impliqués")
    r"\b(?:aucune?\s+(?:preuve|indice|élément|trace)|pas\s+de\s+(?:preuve|indice)|sans\s+(?:preuve|indice)"
    r"|rien\s+ne\s+(?:prouve|indique|montre|permet|relie|lie|laisse))": r"evidence|proof|proven|prove[sd]?|indicat\w*|signs?|nothing|unproven|traces?|link\w*|connect\w*|suggest\w*|shows?",
    # "il n'était pas question de continuer": continuing was out of the question, not "not a question of"
    # (not about) continuing
    r"\bpas\s+question\s+d(?:e\b|')|\bhors\s+de\s+question\b": r"out of the question|no question|not an option|ruled? out|refus\w*|no way|unthinkable|excluded",
}  # fmt: skip
# A French phrase that a statement misreads when it says what the second pattern says, unless it says
# what the third does: "the first American" for "l'un des premiers Américains" (one of the first);
# "reported on December 30" for "recensés au 30 décembre" (as of); "arrived" for "se sont rendus" with no
# place to go to (surrendered).
_MISREAD = (
    (
        r"\b(?:l')?une?\s+des\s+(?:premi[eè]re?s|derni[eè]re?s|principa(?:ux|les)|meilleure?s|plus\s+[a-zà-ÿ]{3,})\b",
        r"\bthe\s+(?:first|last|main|leading|principal|best|worst|most|least|only|largest|biggest|greatest|oldest"
        r"|youngest|highest|lowest|strongest|richest|longest)\b",
        r"\b(?:one of|among|some of|part of)\b",
    ),
    (
        r"(?<!\d\s)(?<!jusqu')\bau\s+(?:1er|\d{1,2})\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre"
        r"|octobre|novembre|décembre)\b",
        r"\b(?:on|in)\s+(?:the\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?)?(?:january|february|march|april|may|june|july"
        r"|august|september|october|november|december)\b",
        r"\b(?:as of|as at|by|up to|until|till|through|to date|so far)\b",
    ),
    (
        r"\b(?:se|s')\s*(?:(?:sont|est|étaient|était|seraient|serait)\s+)?rendu(?:e|s|es)?"
        r"(?=\s*(?:[,.;!?]|$|le\s+\d|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier)\b"
        r"|(?:à\s+la\s+(?:police|justice|gendarmerie)|aux\s+(?:autorités|forces|troupes|policiers))\b))",
        r"\b(?:arriv\w*|went|go|goes|gone|going|came|come|reach\w*|visit\w*|travel\w*|head\w*)\b",
        r"\b(?:surrender\w*|gave (?:themselves|himself|herself) up|turned (?:themselves|himself|herself) in"
        r"|capitulat\w*)\b",
    ),
)  # fmt: skip
# "notamment à Dijon et Besançon": a list that is not the whole; its first word after the function words.
_AMONG_OTHERS = re.compile(
    r"\bnotamment\s+(?:(?:à|a|en|pour|dans|de|des|du|la|le|les|l'|au|aux|sur|par|avec|été|est|sont|ont|avait"
    r"|avaient|était|étaient)\s+)*([\w-]+)"
)
_AMONG_CARRIERS = (
    r"including|include[sd]?|notably|in particular|particularly|especially|among|such as|mainly|chiefly"
)
# A sentence that opens on a condition ("Dès que j'entends un son fort, je pense que…"): the main clause
# holds only under it, so a statement of the main clause must say it.
_CONDITION_LEAD = re.compile(
    r"^[\W]*(dès\s+qu|chaque\s+fois\s+qu|à\s+chaque\s+fois\s+qu|si|s'ils?|tant\s+qu)"
    r"(?:e\b|'|\b)[^,;:]*,",
    re.I,
)
_CONDITION_CARRIERS = r"when|whenever|as soon as|if|every time|each time|once|as long as|unless|until|while"
# A bare count the sentence opens on ("Dix bases de l'armée de terre…", ten of them): "The bases…" without
# it says all of them ("Les deux anciens époux" are all of them already).
_COUNTS = "deux trois quatre cinq six sept huit neuf dix onze douze quinze vingt trente cent".split()
_COUNT_LEAD = re.compile(
    rf"^[\W]*({'|'.join(_COUNTS)}|\d{{1,3}})\s+(?!(?:ans?|heures?|jours?|mois|semaines?|pour|sur"
    r"|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b)[^\W\d]",
    re.I,
)


def _count(word: str) -> int | None:
    """The value of a count the sentence opens on ("Dix" → 10), or None."""
    folded = word.casefold()
    if not (folded.isdigit() or folded in _COUNTS):
        return None
    return next((int(a.value) for a in parse_amounts(folded, "fr") if a.value is not None), None)


def degree_carrier(french: str) -> str | None:
    """The English word that carries a French degree word ("seulement" → "only")."""
    folded = french.casefold()
    if _COMPARATIVE.search(folded):
        return "less" if folded.startswith("moins") else "more"
    if folded == "notamment":
        return "including"
    if count := _count(folded):
        return str(count)
    return next((en.split("|")[0] for fr, en in _DEGREE.items() if re.search(fr, folded)), None)


# A first-person plural imperative opening a clause ("Soyons sérieux", "Restons unis"): an exhortation,
# which "We are serious" turns into a statement of fact.
_EXHORTATION = re.compile(r"(?:^|[«\"“.!?;:]\s*)([^\W\d_]+ons)\b(?![\s-]+nous\b)")
_EXHORTED = r"let's|let us|must|should|need|have to|ought"


def _exhortation(clause: str) -> str | None:
    for m in _EXHORTATION.finditer(clause):
        verb = lemma(m.group(1), "fr")
        if verb != fold_word(m.group(1)) and re.search(r"(?:er|ir|re|oir)$", verb):
            return m.group(1)
    return None


# A verb in the simple future ("distribuera", "seront"), not after a conjunction that English follows
# with a present ("quand il viendra": when he comes).
_FUTURE = re.compile(r"\b([^\W\d_]+(?:rai|ras|ra|rons|rez|ront))\b")
_AFTER_WHEN = re.compile(r"\b(?:quand|lorsqu|dès qu|tant qu|aussitôt qu|une fois qu)\w*\W+(?:\w+\W+){0,3}$")
_FUTURE_EN = (
    r"will|won't|'ll|shall|would|going to|be to|set to|due to|likely to|about to|bound to|plans? to|planned|expected to|scheduled|"
    r"intends? to|upcoming|future|next|soon|tomorrow"
)


# Irregular future stems (être → ser-, avoir → aur-, aller → ir-…).
_FUTURE_STEMS = ("ser", "aur", "ir", "fer", "pourr", "viendr", "devr", "voudr", "saur", "verr", "faudr",
                 "tiendr", "vaudr", "enverr", "courr", "mourr", "recevr", "obtiendr", "deviendr", "reviendr")  # fmt: skip


def _future(clause: str) -> str | None:
    """The first verb of a French clause in the simple future: the infinitive (less a final e) or an
    irregular stem, then -ai/-as/-a/-ons/-ez/-ont ("distribuera", "mettront", "sera"); not a
    passé simple ("déclara") nor a name ("Jura")."""
    for m in _FUTURE.finditer(clause):
        word = m.group(1)
        if word[0].isupper() or _AFTER_WHEN.search(clause[: m.start()].casefold()):
            continue
        folded, verb = fold_word(word), lemma(word, "fr")
        stem = re.sub(r"(?:ai|as|a|ons|ez|ont)$", "", folded)
        if verb != folded and (stem in (verb, verb.removesuffix("e")) or stem in _FUTURE_STEMS):
            return word
    return None


def check_tense(reading: Reading, ev: Evidence) -> list[CheckResult]:
    """A verb of the clause in the future ("distribuera") is told in the future ("will distribute"),
    not as done."""
    if ev.lang == "en":
        will = re.search(r"\b(?:will|shall|going to|won't)\b|'ll\b", ev.clause.replace("’", "'"), re.I)
        verb = will.group(0) if will else None
    else:
        verb = _future(ev.clause.replace("’", "'"))
    if verb is None:
        return []
    if reading.lang == "fr":
        ok = _future(reading.text) is not None or bool(
            re.search(r"\b(?:va|vont|devrai(?:t|ent))\b", reading.text)
        )
    else:
        ok = bool(re.search(rf"(?:\b|(?<=\w))(?:{_FUTURE_EN})\b", reading.text.replace("’", "'"), re.I))
    detail = f"{verb!r} (future) {'is' if ok else 'is not'} carried by the statement"
    return [result(TENSE, ok, detail, contradicts=True)]


def _comparative(folded: str) -> re.Match[str] | None:
    """The first comparative of a folded clause; a "plus" or "moins" after "ne" a few words back is
    "ne…plus" (no longer), not a comparative."""
    for m in _COMPARATIVE.finditer(folded):
        if not re.search(r"\bn(?:e\s|')(?:\S+\s+){0,3}$", folded[: m.start()]):
            return m
    return None


_UNITS = r"ans|années|mois|semaines|jours|heures|minutes|décennies|siècles|an|année|semaine|jour|heure|décennie|siècle"
# The age of someone named by a role: "ce Marine de 25 ans" is a 25-year-old Marine; "a Marine of 25
# years" reads as 25 years of service ("a woman of 26 years" reads as her age, and is left alone).
_AGE = re.compile(
    r"\b(?:marine|soldat|militaire|policier|policière|victime|suspecte?|mère|père|mari|épouse|retraitée?"
    r"|étudiante?|\w+eur|\w+euse|\w+ienne?)s?\s+de\s+(\d+)\s+ans\b"
)
_AGO = re.compile(rf"\bil y a (?:(?:plus|moins|près) d[e']\s*)?(?:[\w,.]+\s+){{1,2}}?({_UNITS})\b")
_EVERY = re.compile(r"\btou(?:s|tes) les (?:nuits|jours|soirs|matins|semaines|mois|ans|années|week-ends)\b")
_ALL_OF_ONE = re.compile(r"\ball (?:night|day|evening|morning|week|month|year|weekend)\b")
# A verb that continues, begins, stops or tries what its infinitive says (continuer de croître).
_ASPECT = re.compile(
    r"\b((?:continu|commen[cç]|recommen[cç]|cess|tent|essa[yi]|menac|refus)[\w()]*)\s+(?:de\s+|d'|à\s+)"
    r"(?:(?:être|avoir)\s+)?(?!(?:être|avoir)\b)([a-zéèêàâîôûç]+(?:er|ir|re|é|ée|és|ées|i|is|ie|ies|u|us|ue|ues))\b"
)
_WHICH_CAPITAL = re.compile(
    r"\bcapitale\s+(?!de\b|d'|du\b|des\b|et\b|est\b|a\b|où\b|qui\b)([a-zéèêëîïôûç-]{4,})"
)
# "où elle venait accoucher": she had come to give birth there, not "where she gave birth" (not "venait
# d'accoucher": she had just given birth)
_CAME_TO = re.compile(
    r"\b(vien\w*|ven(?:ait|aient|u|ue|us|ues|ir|ons|ez)|vin[rt]\w*)\s+([a-zéèêàâîôûç]+(?:er|ir|re))\b"
)


def _renders(reading: Reading, french: str) -> bool:
    """Whether a word of the statement renders this French word (no synonym or similarity guesses)."""
    found = french_words(french)
    return any(found.rendering(w, e5=False) for w in reading.words)


def _says(reading: Reading, french: str) -> bool:
    """Whether the statement names or renders this French word ("Dijon", "complicité")."""
    return bool(re.search(rf"\b{re.escape(fold_word(french))}\b", fold_word(reading.text))) or _renders(
        reading, french
    )


def check_degree(reading: Reading, ev: Evidence) -> list[CheckResult]:
    """Each degree word of the clause (trop, seulement, presque, ne…plus, peu, lui-même) carried by the statement,
    and an exhortation ("Soyons…") said as one ("let us", "must"); of the sentence, when the statement's
    negation rests on another clause ("ou presque aucun" is not "or none at all")."""
    if ev.lang == "en":
        return _degree_en(reading, ev)
    out = []
    scope = ev.clause
    if (
        reading.negated
        and not markers(ev.clause, ev.lang) & DENIALS
        and markers(ev.sentence, ev.lang) & DENIALS
    ):
        scope = ev.sentence  # the statement's negation rests on another clause: so do its degree words
    folded = scope.casefold().replace("’", "'")
    said = reading.text.casefold().replace("’", "'")
    in_french = reading.lang == "fr"  # a French claim carries the French word itself
    if verb := _exhortation(folded):
        ok = _exhortation(said) is not None if in_french else bool(re.search(rf"\b(?:{_EXHORTED})\b", said))
        detail = f"{verb!r} (let us…) {'is' if ok else 'is not'} carried by the statement"
        out.append(result(DEGREE, ok, detail, contradicts=True))
    for french, english in _DEGREE.items():
        m = re.search(french, folded)
        if m is None:
            continue
        ok = bool(re.search(french, said) if in_french else re.search(rf"\b(?:{english})", said))
        word = m.group(0).lstrip(_OPENING_MARKS)
        detail = f"{word!r} {'is' if ok else 'is not'} carried by the statement"
        out.append(result(DEGREE, ok, detail, contradicts=True))
    for french, misread, carriers in _MISREAD:
        if not in_french and (m := re.search(french, folded)) and re.search(misread, said):
            ok = bool(re.search(carriers, said))
            detail = f"{m.group(0)!r} {'is' if ok else 'is not'} carried by the statement"
            out.append(result(DEGREE, ok, detail, contradicts=True))
    m = _CONDITION_LEAD.match(ev.sentence.replace("’", "'"))
    if m and not in_french and len(ev.lead) + len(ev.span) > m.end():  # the span reaches the main clause
        ok = bool(re.search(rf"\b(?:{_CONDITION_CARRIERS})\b", said))
        word = "si" if m.group(1).casefold().startswith("s'") else m.group(1)
        detail = f"the condition {word!r}… {'is' if ok else 'is not'} carried by the statement"
        out.append(result(DEGREE, ok, detail))
    m = _COUNT_LEAD.match(ev.sentence)
    spanned = m and len(ev.lead) <= m.start(1) < len(ev.lead) + len(ev.span)
    count = _count(m.group(1)) if m and spanned and not in_french else None
    if (
        m
        and count
        and re.match(r"\W*the\b", said)
        and count not in {a.value for a in parse_amounts(said, "en")}
    ):
        detail = f"{m.group(1)!r} is not carried by the statement (how many: 'The…' says all of them)"
        out.append(result(DEGREE, False, detail, contradicts=True))
    # What the statement leaves out of the list ("notamment celles liées aux satellites") needs no "notably".
    if (m := _AMONG_OTHERS.search(folded)) and _says(reading, m.group(1)):
        ok = bool(_AMONG_OTHERS.search(said) if in_french else re.search(rf"\b(?:{_AMONG_CARRIERS})\b", said))
        detail = f"'notamment' {'is' if ok else 'is not'} carried by the statement (among others)"
        out.append(result(DEGREE, ok, detail, contradicts=True))
    # What a verb says is continued, begun, stopped or tried ("la menace continu(ait) de croître") is
    # carried with it: "the threat was continuing" leaves out that it grew.
    for m in _ASPECT.finditer(folded):
        if not in_french and _renders(reading, m.group(1)) and not _renders(reading, m.group(2)):
            detail = f"{m.group(2)!r} ({m.group(1)} {m.group(2)}) is not carried by the statement"
            out.append(result(DEGREE, False, detail))
    # "la capitale bourguignonne" is Dijon: "the capital" alone reads as the country's, as "la capitale
    # libanaise" is
    if (
        not in_french
        and (m := _WHICH_CAPITAL.search(folded))
        and not french_country_adjective(m.group(1))
        and re.search(r"\bthe capital\b(?! of\b)", said)
    ):
        detail = f"{m.group(0)!r} says which capital; the statement's 'the capital' does not"
        out.append(result(DEGREE, False, detail))
    for m in _CAME_TO.finditer(folded):
        if not in_french and _renders(reading, m.group(2)) and not _renders(reading, m.group(1)):
            detail = f"{m.group(1)!r} ({m.group(0)}) is not carried by the statement"
            out.append(result(DEGREE, False, detail))
    # A time before now is no duration ("il y a 50 ans": 50 years ago, not "for 50 years"), and each
    # night is not all night ("toutes les nuits").
    if not in_french and (m := _AGO.search(folded)) and _renders(reading, m.group(1)):
        ok = bool(re.search(r"\b(?:ago|earlier|before|previously|back)\b|\b1[89]\d\d\b|\b20\d\d\b", said))
        detail = f"{m.group(0)!r} (ago) {'is' if ok else 'is not'} carried by the statement"
        out.append(result(DEGREE, ok, detail, contradicts=True))
    if (
        not in_french
        and (m := _AGE.search(folded))
        and re.search(rf"\bof {m.group(1)} years\b(?! old)", said)
    ):
        detail = f"{m.group(0)!r} is an age; 'of {m.group(1)} years' says how long"
        out.append(result(DEGREE, False, detail, contradicts=True))
    if not in_french and (m := _EVERY.search(folded)) and (said_all := _ALL_OF_ONE.search(said)):
        detail = f"{m.group(0)!r} (every one) is said {said_all.group(0)!r} (all of one)"
        out.append(result(DEGREE, False, detail, contradicts=True))
    # A statement that leaves out what is compared ("les pays les plus peuplés") leaves out its degree too.
    m = _comparative(folded)
    compared = m.group(0).split()[-1] if m else ""
    if m and (_says(reading, compared) if in_french else _renders(reading, compared)):
        ok = bool(_COMPARATIVE.search(said) if in_french else re.search(rf"\b(?:{_COMPARED})", said))
        detail = f"{m.group(0)!r} {'is' if ok else 'is not'} carried by the statement"
        out.append(result(DEGREE, ok, detail, contradicts=True))
    return out


# Degree words of an English source, each carried by one of its group ("only" by "just", "merely"…).
# Not "just" (also "just announced": recently) nor "close to" (also a place).
_DEGREE_EN = (
    r"only|merely|solely",
    r"almost|nearly|virtually|practically",
    r"barely|hardly|scarcely",
    r"no longer|any ?more",
)


_COMPARED_EN = re.compile(r"\b(most|least|more|less|fewer)\s+(?!than\b|of\b|and\b|or\b)([a-z]{3,})\b", re.I)


def _degree_en(reading: Reading, ev: Evidence) -> list[CheckResult]:
    if reading.lang == "fr":
        return []  # a French claim against an English article: the words of neither side are read
    out = []
    for words in _DEGREE_EN:
        if m := re.search(rf"\b(?:{words})\b", ev.clause, re.I):
            ok = bool(re.search(rf"\b(?:{words})\b", reading.text, re.I))
            detail = f"{m.group(0)!r} {'is' if ok else 'is not'} carried by the statement"
            out.append(result(DEGREE, ok, detail, contradicts=True))
    # A comparative or superlative, when the statement says the word it bears on ("the least populated"
    # is not "the most populated"; a statement about another part of the sentence needs none).
    said = {lemma(w, "en") for w in re.findall(r"[a-z]+", reading.text.casefold())}
    for m in _COMPARED_EN.finditer(ev.clause):
        if lemma(m.group(2).casefold(), "en") in said:
            ok = bool(re.search(rf"\b{m.group(1)}\s+{m.group(2)}\b", reading.text, re.I))
            detail = f"{m.group(0)!r} {'is' if ok else 'is not'} carried by the statement"
            out.append(result(DEGREE, ok, detail, contradicts=True))
    return out
