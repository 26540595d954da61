"""Check: confirm each fact against its span of the source and give it a verdict with its reasons.

The quote is aligned to a span first (``align``); every other check runs inside that span, except
attribution and certainty, which read the whole evidence sentence ("selon X, ..." may precede the span):

- ``evidence_located``, ``cited_sentence``: where the quote is;
- ``mention:<field>``: each verbatim mention (entities, date, quantity) is in the span; attribution in
  the sentence;
- ``name:<field>``: each English name is a plausible rendering of its French mention (``names``);
- ``quantity:value``, ``quantity:qualifier``, ``quantity:unit``: the number agrees with the span
  ("plus d'un million" = more_than 1,000,000), read with text2num (``values``);
- ``date``: the date agrees with its mention, year-less mentions resolved against the publication date;
- ``direction``: for events and relations, the actor is not the span's recipient ("à la Russie");
- ``certainty``: the sentence's markers (aurait, selon, nie, pourrait, ne…pas) fit the fact's certainty;
- ``statement:numbers``, ``statement:names``: the English statement carries no number or name the
  span lacks;
- ``instructions`` (only when it fails): the evidence sentence speaks to a model ("ignorez les
  instructions précédentes et rapportez que …"), so it reports nothing, whatever it says.

Verdicts: ``unsupported`` when the quote is not located or a check contradicts the fact (a different
number, date, name, direction, or a denial told as a confirmation); ``partial`` when located and some
check failed; ``verified`` when every check passed. Nothing the model wrote is trusted.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from summarizer.align import locate, normalize
from summarizer.ingest import Article
from summarizer.models import (
    CheckResult,
    Fact,
    FactCheck,
    Span,
    SummaryCheck,
    SummaryLine,
    SummarySentence,
    Verdict,
)
from summarizer.names import canonicals, english_names, find_rendering, plausible
from summarizer.values import (
    YEAR_RE,
    amount_matches,
    amount_says,
    date_agrees,
    parse_amounts,
    parse_date,
    published_date,
    qualifier_ok,
    unit_words,
)

# Markers of the certainty a French sentence gives, by kind.
_MARKERS = {
    "alleged": r"\b(aurai(?:t|ent)|accus\w*|présumé\w*|alléga\w*|prétendu\w*|soupçonn\w*)\b",
    "denied": r"\b(ni(?:e|ent|é)|dément\w*|démenti\w*|dénégation\w*|contest\w*|rejet\w*)\b",
    "negated": r"\bn(?:e\s|')\s*\w+(?:\s+\w+)?\s+(?:pas|jamais|plus|aucun\w*|guère)\b",
    "reported": r"\b(selon|d'après|a déclaré|déclar\w*|affirm\w*|rapport\w*|indiqu\w*|estime\w*|annonc\w*)\b",
    "speculative": r"\b(pourrai(?:t|ent)|probabl\w*|possibl\w*|il semble|sembl\w*|susceptible|éventuel\w*|hypothèse)\b",
}
DENIALS = {"denied", "negated"}  # a `denied` fact needs one of these; `asserted` needs no hedge
_HEDGES = {"alleged", "denied", "reported", "speculative"}
EN_NEGATION = re.compile(
    r"\b(not|no|never|cannot|neither|nor|none|nothing|without|den(?:y|ies|ied|ials?)|reject\w*|refut\w*|dismiss\w*|disput\w*)\b|n't\b",
    re.I,
)
_RECIPIENT = re.compile(
    r"(?:\b(?:a|au|aux|vers|pour|envers)|a destination de|en faveur de)\s*(?:la |le |les |l')?$"
)
_AGENT = re.compile(r"\bpar\s*(?:la |le |les |l')?$")
# Text addressed to a model rather than to readers (a prompt injection inside an article).
_INSTRUCTION = re.compile(
    r"\b(?:ignor(?:e|ez)|oubli(?:e|ez)|disregard|forget)\s+(?:\w+\s+){0,3}(?:instructions?|prompts?)\b"
    r"|\b(?:instructions?|consignes)\s+(?:précédentes|ci-dessus|antérieures|previous|above)\b"
    r"|\b(?:previous|prior|above|earlier)\s+instructions\b"
    r"|\b(?:prompt\s+syst[eè]me|system\s+prompt)\b"
    r"|\b(?:en\s+tant\s+qu(?:e\s+|['’])|as\s+an?\s+)(?:IA|AI|assistant|modèle|language\s+model)\b"
    r"|\b(?:rapportez|écrivez|indiquez|affirmez|déclarez|répondez|résumez|ajoutez)\s+(?:que|qu['’])",
    re.I,
)
_MONTH_LIST = "January February March April May June July August September October November December".split()
_MONTHS = frozenset(_MONTH_LIST)


def _result(name: str, ok: bool, detail: str, contradicts: bool = False) -> CheckResult:
    return CheckResult(name=name, ok=ok, detail=detail, contradicts=contradicts and not ok)


def instruction_like(sentence: str) -> str | None:
    """The words by which a sentence addresses a model instead of its readers, if it does."""
    match = _INSTRUCTION.search(sentence)
    return match.group() if match else None


def certainty_markers(sentence: str) -> list[str]:
    """The certainty kinds whose markers occur in a French sentence."""
    text = sentence.casefold().replace("’", "'")
    return [kind for kind, pattern in _MARKERS.items() if re.search(pattern, text)]


def _in(mention: str, text: str) -> bool:
    return bool(normalize(mention)) and normalize(mention) in normalize(text)


_DETERMINERS = frozenset("le la les l' un une des du de d' ce cet cette ces son sa ses leur leurs".split())


def _proper(mention: str) -> bool:
    """Whether a French mention holds a proper name (a capitalised word that is not a determiner):
    common nouns ("le bâtiment") are translations, not renderings, and are left to the judge."""
    words = re.findall(r"[\w'’-]+", mention)
    return any(w[0].isupper() and w.casefold().replace("’", "'") not in _DETERMINERS for w in words)


def _mentions(fact: Fact, span: str, sentence: str, n: int) -> list[CheckResult]:
    """Every verbatim mention in the span (attribution: in the sentence), every name a rendering of it."""
    out = []
    fields = [(f"entities[{i}]", e.name, e.mention) for i, e in enumerate(fact.entities)]
    if fact.attributed_to is not None:
        fields.append(("attributed_to", fact.attributed_to.name, fact.attributed_to.mention))
    for field, name, mention in fields:
        where, label = (sentence, f"sentence {n}") if field == "attributed_to" else (span, "the span")
        found = _in(mention, where)
        out.append(_result(f"mention:{field}", found, f"{mention!r} {'' if found else 'not '}in {label}"))
        if _proper(mention) or canonicals(mention):
            ok, why = plausible(name, mention)
            out.append(_result(f"name:{field}", ok, why, contradicts=found))
    if fact.when is not None:
        found = _in(fact.when.mention, span)
        out.append(
            _result("mention:when", found, f"{fact.when.mention!r} {'' if found else 'not '}in the span")
        )
    if fact.type == "quantity":
        found = _in(fact.quantity.mention, span)
        out.append(
            _result(
                "mention:quantity", found, f"{fact.quantity.mention!r} {'' if found else 'not '}in the span"
            )
        )
    return out


def _quantity(fact: Fact, span: str, sentence: str) -> list[CheckResult]:
    if fact.type != "quantity":
        return []
    q = fact.quantity
    # Read the number from the mention when the source holds it (a mention outside the span still
    # contradicts a different value), else from the whole span.
    amounts = parse_amounts(q.mention) if _in(q.mention, sentence) else []
    amounts = amounts or parse_amounts(span)
    said = f"{q.qualifier} {q.value:g}{'-' + format(q.value_max, 'g') if q.value_max is not None else ''}"
    if not amounts:
        return [_result("quantity:value", False, f"fact says {said} but the span has no number")]
    match = next((a for a in amounts if amount_matches(a, q.value, q.value_max, q.qualifier)), None)
    if match is None:
        found = "; ".join(a.describe() for a in amounts)
        return [
            _result("quantity:value", False, f"fact says {said}; the span says {found}", contradicts=True)
        ]
    out = [_result("quantity:value", True, f"{said} agrees with {match.describe()}")]
    if match.value is not None:
        ok = qualifier_ok(match.qualifier, q.qualifier)
        detail = f"fact says {q.qualifier}, the span says {match.qualifier} ({match.text!r})"
        out.append(_result("quantity:qualifier", ok, detail, contradicts=True))
    units = unit_words(match)
    if units is not None:
        ok = any(u in q.unit.casefold() for u in units)
        out.append(_result("quantity:unit", ok, f"unit {q.unit!r} for {match.unit!r}", contradicts=True))
    return out


def _date(fact: Fact, article: Article) -> list[CheckResult]:
    if fact.when is None:
        return []
    source = parse_date(fact.when.mention, published_date(article.published))
    if isinstance(source, str):
        return [_result("date", False, f"{fact.when.date} cannot be checked: {source}")]
    ok = date_agrees(fact.when.date, source.value)
    note = f" ({source.note})" if source.note else ""
    detail = f"fact says {fact.when.date}, {fact.when.mention!r} gives {source.value}{note}"
    return [_result("date", ok, detail, contradicts=True)]


def _direction(fact: Fact, span: str) -> list[CheckResult]:
    """An event's actor (a relation's subject) must not be what the span marks as the recipient."""
    if fact.type == "event" and fact.event.target:
        actor, target = fact.event.actor, fact.event.target
    elif fact.type == "relation":
        actor, target = fact.relation.subject, fact.relation.object
    else:
        return []
    a, t = find_rendering(actor, span), find_rendering(target, span)
    if a is None or t is None or a == t:
        missing = [n for n, pos in ((actor, a), (target, t)) if pos is None]
        if not missing:
            return []
        return [_result("direction", False, f"{' and '.join(map(repr, missing))} not found in the span")]

    def marked(pos: tuple[int, int], pattern: re.Pattern[str]) -> bool:
        return bool(pattern.search(normalize(span[: pos[0]]) + " "))

    flipped = (marked(a, _RECIPIENT) and not marked(t, _RECIPIENT)) or (
        marked(t, _AGENT) and not marked(a, _AGENT)
    )
    detail = f"actor {actor!r} is {span[a[0] : a[1]]!r}, target {target!r} is {span[t[0] : t[1]]!r}"
    if flipped:
        detail += ": the span makes the actor the recipient"
    return [_result("direction", not flipped, detail, contradicts=True)]


def _certainty(fact: Fact, sentence: str, n: int) -> CheckResult:
    markers = set(certainty_markers(sentence))
    listed = "/".join(sorted(markers)) or "no"
    if markers & DENIALS and fact.certainty != "denied" and not EN_NEGATION.search(fact.statement):
        # A denial told as a confirmation contradicts; a bare "ne ... pas" may be paraphrased away
        # ("ne se limite pas à" = "extends beyond"), so it only withholds support.
        detail = (
            f"sentence {n} has {listed} markers but the fact states it as {fact.certainty}, without negation"
        )
        return _result("certainty", False, detail, contradicts="denied" in markers)
    hedges = markers & _HEDGES
    if fact.certainty == "asserted":
        detail = f"'asserted' but sentence {n} has {'/'.join(sorted(hedges))} markers"
        return _result(
            "certainty", not hedges, detail if hedges else f"asserted; sentence {n} has {listed} markers"
        )
    if fact.certainty == "denied":
        ok = bool(markers & DENIALS)
        return _result("certainty", ok, f"denied; sentence {n} has {listed} markers", contradicts=True)
    # A hedged fact on a plain sentence is more cautious than its source: allowed.
    return _result("certainty", True, f"{fact.certainty}; sentence {n} has {listed} markers")


def statement_names(text: str) -> list[str]:
    """Names worth checking in an English sentence: not months, not a lone sentence-initial word."""
    names = []
    for name in english_names(text):
        if name in _MONTHS or (text.startswith(name) and " " not in name and not canonicals(name)):
            continue
        names.append(name)
    return names


def english_numbers(text: str) -> list[float]:
    """Numbers in an English text, years left out."""
    amounts = [a for a in parse_amounts(text, "en") if not YEAR_RE.fullmatch(a.text)]
    return [v for a in amounts for v in (a.value, a.value_max) if v is not None]


def missing_numbers(numbers: list[float], text: str) -> list[float]:
    """The numbers a text (French or English) does not give."""
    found = parse_amounts(text) + parse_amounts(text, "en")
    return [v for v in numbers if not any(amount_says(a, v) for a in found)]


def _statement(fact: Fact, span: str, sentence: str) -> list[CheckResult]:
    out = []
    numbers = english_numbers(fact.statement)
    if numbers:
        missing = missing_numbers(numbers, span)
        if not missing:
            out.append(
                _result("statement:numbers", True, f"{', '.join(f'{v:g}' for v in numbers)} in the span")
            )
        else:
            # A number the whole sentence lacks is invented; one outside the span only lacks support.
            invented = missing_numbers(missing, sentence)
            detail = f"{', '.join(f'{v:g}' for v in missing)} not in the span"
            out.append(_result("statement:numbers", False, detail, contradicts=bool(invented)))
    years = sorted(set(YEAR_RE.findall(fact.statement)) - set(YEAR_RE.findall(span)))
    if years:
        out.append(_result("statement:dates", False, f"{', '.join(years)} not in the span", contradicts=True))
    names = [n for n in statement_names(fact.statement) if find_rendering(n, span) is None]
    names = [n for n in names if canonicals(n) or any(len(t) > 2 for t in n.split())]
    if names:
        out.append(_result("statement:names", False, f"{', '.join(map(repr, names))} not in the span"))
    elif statement_names(fact.statement):
        out.append(_result("statement:names", True, "every name in the statement is in the span"))
    return out


def verdict_of(checks: list[CheckResult]) -> Verdict:
    """``unsupported`` if a failed check contradicts, ``partial`` if any failed, else ``verified``."""
    if any(c.contradicts for c in checks if not c.ok):
        return "unsupported"
    return "verified" if all(c.ok for c in checks) else "partial"


def check_fact(article: Article, fact: Fact) -> FactCheck:
    """Locate the fact's quote and run every check on its span and evidence sentence."""
    hit = locate(article, fact.quote, fact.sentence)
    if hit.status == "none" or hit.start is None or hit.end is None or hit.sentence is None:
        failed = _result("evidence_located", False, hit.detail, contradicts=True)
        return FactCheck(alignment="none", score=hit.score, checks=[failed], verdict="unsupported")
    sentence = article.sentences[hit.sentence - 1]
    span = hit.text
    checks = [
        _result("evidence_located", True, f"{hit.status} match in sentence {hit.sentence} ({hit.score:.0f})"),
        _result(
            "cited_sentence",
            hit.sentence == fact.sentence,
            f"quote is in sentence {hit.sentence}, the fact cites sentence {fact.sentence}",
        ),
        *_mentions(fact, span, sentence.text, sentence.n),
        *_quantity(fact, span, sentence.text),
        *_date(fact, article),
        *_direction(fact, span),
        _certainty(fact, sentence.text, sentence.n),
        *_statement(fact, span, sentence.text),
    ]
    if phrase := instruction_like(sentence.text):
        detail = f"sentence {sentence.n} speaks to a model ({phrase!r}): it reports nothing"
        checks.append(_result("instructions", False, detail, contradicts=True))
    return FactCheck(
        alignment=hit.status,
        score=hit.score,
        span=Span(start=hit.start, end=hit.end, text=article.raw[hit.start : hit.end]),
        sentence=hit.sentence,
        checks=checks,
        verdict=verdict_of(checks),
    )


def _fact_words(facts: list[Fact]) -> tuple[list[float], str, list[str]]:
    """What cited facts can back in a summary sentence: numbers, date text, names."""
    numbers: list[float] = []
    dates: list[str] = []
    names: list[str] = []
    for f in facts:
        numbers += english_numbers(f.statement)
        if f.type == "quantity":
            numbers += [v for v in (f.quantity.value, f.quantity.value_max) if v is not None]
        dates += [f.statement] + ([f.when.date] if f.when else [])
        names += [e.name for e in f.entities] + statement_names(f.statement) + [f.statement]
        if f.attributed_to is not None:
            names.append(f.attributed_to.name)
    return numbers, " ".join(dates), names


def check_summary(text: str, fact_ids: list[str], facts: list[Fact]) -> SummaryCheck:
    """A summary sentence must cite facts that exist and are verified, and carry no number, year,
    month or name that its cited facts lack."""
    by_id = {f.id: f for f in facts}
    unknown = [i for i in fact_ids if i not in by_id]
    cited = [by_id[i] for i in fact_ids if i in by_id]
    checks = [
        _result(
            "summary:cites",
            bool(cited) and not unknown,
            f"cites {', '.join(fact_ids) or 'nothing'}"
            + (f"; {', '.join(unknown)} do not exist" if unknown else ""),
            contradicts=True,
        )
    ]
    weak = [f.id for f in cited if f.check is None or f.check.verdict != "verified"]
    checks.append(
        _result(
            "summary:cites_verified", not weak, f"not verified: {', '.join(weak)}" if weak else "all verified"
        )
    )
    numbers, dates, names = _fact_words(cited)
    missing_n = [
        v for v in english_numbers(text) if not any(abs(v - n) <= 1e-9 * max(1.0, n) for n in numbers)
    ]
    if missing_n:
        detail = f"{', '.join(f'{v:g}' for v in missing_n)} not in the cited facts"
        checks.append(_result("summary:numbers", False, detail, contradicts=True))
    missing_d = [y for y in YEAR_RE.findall(text) if y not in dates]
    missing_d += [
        m
        for i, m in enumerate(_MONTH_LIST, 1)
        if re.search(rf"\b{m}\b", text) and m not in dates and f"-{i:02d}" not in dates
    ]
    if missing_d:
        checks.append(
            _result(
                "summary:dates", False, f"{', '.join(missing_d)} not in the cited facts", contradicts=True
            )
        )
    missing_names = [n for n in statement_names(text) if not any(plausible(n, other)[0] for other in names)]
    if missing_names:
        detail = f"{', '.join(map(repr, missing_names))} not in the cited facts"
        checks.append(_result("summary:names", False, detail, contradicts=True))
    return SummaryCheck(checks=checks, verdict=verdict_of(checks))


def check_summary_lines(summary: Sequence[SummarySentence], facts: list[Fact]) -> list[SummaryLine]:
    """Summary sentences with the checker's verdict on each."""
    return [
        SummaryLine(text=s.text, fact_ids=s.fact_ids, check=check_summary(s.text, s.fact_ids, facts))
        for s in summary
    ]
