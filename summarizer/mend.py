"""Second tries for the statements the checker did not verify, each kept only when the checker verifies
it; the first statement goes to ``run.dropped`` with the reason:

1. ``substitute_unconfirmed``: no model call, what the sentence says put in where a word was calqued
   or a name misspelt (``substituted``);
2. ``revise_unconfirmed`` (sentence-first extraction): the model asked again, told what to leave out
   and what to say (``rewritten``), each rewrite mended like the first statement;
3. ``mend_unconfirmed``: no model call, the statement or one of its rewrites shortened (a clause, a
   title or a made-up date left out), its speaker said, or its first-person quotation put in quotation
   marks (``shortened``, ``undated``, ``sourced``, ``quoted``).
"""

from __future__ import annotations

import asyncio
import logging

from summarizer import sentences
from summarizer.backends.base import Backend
from summarizer.check import check_fact
from summarizer.check.repair import Repair, proper_words, repair, substituted
from summarizer.check.shorten import quoted, shortened, sourced, undated
from summarizer.check.statement import persons, read
from summarizer.errors import OutputError
from summarizer.extract import FACT, Extraction, Usage
from summarizer.fields import fact_for, quote_for
from summarizer.gate import Gate
from summarizer.ingest import Article, SentenceSpan
from summarizer.models import Dropped, Fact, FactCheck
from summarizer.resources import Prompts

log = logging.getLogger(__name__)
# A rejected statement is asked for again at most this many times, each ask naming every fault so far.
REVISIONS = 2


def _checked(article: Article, fact: Fact, statement: str, requote: bool = False) -> Fact:
    """The fact with a new statement, checked; with ``requote``, when that fails, checked again on the
    quote of the part of the sentence the new statement renders (a shorter statement may leave out a
    clause of the old quote: "…from Europe" without the quotation after it that says "n'ai pas")."""
    new = fact.model_copy(update={"statement": statement})
    new.check = check_fact(article, new)
    here = article.sentence(fact.sentence)
    if not requote or new.check.verdict == "verified" or here is None:
        return new
    quote = quote_for(sentences.part_with(here, fact.quote).text, read(statement))
    if quote == fact.quote:
        return new
    other = new.model_copy(update={"quote": quote})
    other.check = check_fact(article, other)
    return other if other.check.verdict == "verified" else new


def _substituted(article: Article, fact: Fact) -> Fact | None:
    """The fact with ``substituted``'s statement, checked; None when there is nothing to put in."""
    if fact.check is None or fact.check.verdict == "verified":
        return None
    here = article.sentence(fact.check.sentence or fact.sentence)
    failed = [c for c in fact.check.checks if not c.ok]
    if here is None or (text := substituted(fact.statement, failed, here.text)) is None:
        return None
    return _checked(article, fact, text)


def _substitute(article: Article, fact: Fact) -> Fact | None:
    """The fact with ``substituted``'s statement, when the checker verifies it."""
    new = _substituted(article, fact)
    return new if new is not None and new.check and new.check.verdict == "verified" else None


def substitute_unconfirmed(article: Article, facts: list[Fact], dropped: list[Dropped]) -> None:
    """Replace each statement not verified by ``substituted``'s when the checker verifies that one ("the
    first minister" → "the prime minister" where the French says "Premier ministre")."""
    for at, fact in enumerate(facts):
        if (new := _substitute(article, fact)) is not None:
            facts[at] = new
            reason = "substituted: the sentence's own words put in where words were read word for word"
            dropped.append(Dropped(reason=reason, statement=fact.statement, quote=fact.quote))


def revise(
    backend: Backend, prompts: Prompts, sentence: SentenceSpan, fix: Repair, usage: Usage
) -> str | None:
    """One new statement for a sentence, asked to leave out the words the checker could not confirm
    and to say what the statement dropped; None when the call fails."""
    request = sentences.request(prompts, [sentence], 0.0, 0, fix.without, fix.says())
    try:
        reply = backend.generate(request, sentences.schema_for([sentence]))
    except OutputError as exc:
        log.info("sentence %d, revision failed: %s", sentence.n, exc)
        return None
    usage.add(reply.prompt_tokens, reply.completion_tokens, reply.seconds, reply.engine_seconds)
    return reply.value.statements().get(1)


async def revise_unconfirmed(
    article: Article,
    facts: list[Fact],
    backend: Backend,
    prompts: Prompts,
    calls: Gate,
    extraction: Extraction,
) -> dict[int, list[Fact]]:
    """Ask again for each statement whose faults a rewrite can mend (``check.repair``: words without a
    French counterpart, a dropped degree word, qualifier, hedge or future), naming what to leave out and
    what to say (for a calqued word, what its expression says); a rewrite that fails too is asked for
    once more with its own faults added (up to ``REVISIONS`` calls). Keep a new statement only when the
    checker verifies it and its pronouns stand for the persons the old one's did (the old one is listed
    in ``dropped`` with the reason, in the facts' order whatever order the calls end in). A rewrite
    that fails is tried with ``substituted`` too. Returns the rewrites that failed, by fact, for
    ``mend_unconfirmed``."""
    rewritten: dict[int, Dropped] = {}
    tried: dict[int, list[Fact]] = {}

    async def one(at: int, fact: Fact) -> None:
        sentence = sentences.part_with(article.sentences[fact.sentence - 1], fact.quote)

        def asked(check: FactCheck) -> Repair | None:
            """The rewrite to ask for, with the expression a word was calqued from ("prime minister"
            where "first" came from "Premier ministre")."""
            fix = repair([c for c in check.checks if not c.ok])
            return fix and fix | Repair(hints=proper_words(fix.without, sentence.text))

        fix = asked(fact.check) if fact.check else None
        if fix is None:
            return
        for _ in range(REVISIONS):
            text = await calls.call(revise, backend, prompts, sentence, fix, extraction.usage)
            if not text or text == fact.statement:
                return
            if sorted(persons(text)) != sorted(persons(fact.statement)):
                return  # asked for words, it changed who is spoken of ("His death" → "Her death")
            new = FACT.validate_python({**fact_for(sentence, text).model_dump(), "id": fact.id})
            new.check = check = check_fact(article, new)
            if check.verdict != "verified" and (put := _substitute(article, new)) is not None:
                new, check = put, put.check or check
            if check.verdict == "verified":
                facts[at] = new
                reason = fix.reason(sentence.n)
                rewritten[at] = Dropped(reason=reason, statement=fact.statement, quote=fact.quote)
                return
            tried.setdefault(at, []).append(new)
            again = asked(check)
            if again is None or (merged := fix | again) == fix:
                return  # nothing new to ask: the same request would get the same answer
            fix = merged

    await asyncio.gather(*(one(at, fact) for at, fact in enumerate(facts)))
    extraction.dropped += [rewritten[at] for at in sorted(rewritten)]
    return tried


def mend_unconfirmed(
    article: Article, facts: list[Fact], dropped: list[Dropped], tried: dict[int, list[Fact]] | None = None
) -> None:
    """Replace each statement still not verified by the longest shorter form that the checker verifies
    (``check.shorten``: the main clause without an appended one, without a date the sentence lacks), or
    by itself with the speaker an incise gives (``sourced``: "…, he said.") or with the quotation it
    reports in quotation marks (``quoted``), no model call: of the statement, of one of its failed
    rewrites (``tried``), or of either with ``substituted``'s words. The old statement is listed in
    ``dropped`` with what was left out or added, and from what."""
    for at, fact in enumerate(facts):
        if fact.check is None or fact.check.verdict == "verified":
            continue
        bases = [(fact, ""), *((r, " (of a rewrite)") for r in (tried or {}).get(at, []))]
        bases += [(put, f"{of} (words substituted)") for b, of in bases if (put := _substituted(article, b))]
        candidates = []
        for base, of in bases:
            if base.check is None:
                continue
            failed = [c for c in base.check.checks if not c.ok]
            candidates += [
                (base, text, f"shortened: {left!r} was not confirmed{of}")
                for text, left in shortened(base.statement) + undated(base.statement, failed)
            ]
            n = base.check.sentence or base.sentence
            here, before = article.sentence(n), article.sentence(n - 1)
            if here:
                candidates += [
                    (base, said, f"sourced: the sentence's speaker added{of}")
                    for said in sourced(base.statement, failed, here.text, before.text if before else "")
                ]
            candidates += [
                (base, said, f"quoted: the quotation put in quotation marks{of}")
                for said in quoted(base.statement, failed)
            ]
        for base, text, reason in sorted(candidates, key=lambda c: -len(c[1])):
            new = _checked(article, base, text, requote=True)
            if new.check and new.check.verdict == "verified":
                facts[at] = new
                dropped.append(Dropped(reason=reason, statement=fact.statement, quote=fact.quote))
                break
