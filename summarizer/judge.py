"""The semantic judge: one constrained LLM call per article asking, for each fact, whether its French
evidence supports the English statement. It can only downgrade a verdict, never upgrade one:
"contradicts" makes a fact unsupported, "not_enough_info" makes a verified fact partial.
"""

from __future__ import annotations

from collections.abc import Sequence

from summarizer.backends.base import Backend, Request
from summarizer.check import verdict_of
from summarizer.errors import SummarizerError
from summarizer.ingest import Article
from summarizer.models import CheckResult, Digest, JudgeItem, JudgeOut
from summarizer.resources import Prompts, load_prompts


def judge_messages(prompts: Prompts, items: Sequence[tuple[str, str, str]]) -> list[dict[str, str]]:
    """Chat messages asking for one label per (id, French evidence, English statement)."""
    listed = "\n\n".join(
        f"[{i}]\nFrench evidence: {evidence}\nEnglish statement: {statement}"
        for i, evidence, statement in items
    )
    return [
        {"role": "system", "content": prompts.judge_system},
        {"role": "user", "content": f"{listed}\n\nLabel every item: {', '.join(i for i, _, _ in items)}."},
    ]


def judge(backend: Backend, items: Sequence[tuple[str, str, str]]) -> dict[str, JudgeItem]:
    """Labels by id; an id the model left out is absent (the caller says so)."""
    if not items:
        return {}
    request = Request(judge_messages(load_prompts(), items), max_tokens=80 + 70 * len(items))
    reply = backend.generate(request, JudgeOut)
    wanted = {i for i, _, _ in items}
    return {v.id: v for v in reply.value.verdicts if v.id in wanted}


def judge_checks(backend: Backend, items: Sequence[tuple[str, str, str]]) -> dict[str, CheckResult]:
    """A ``judge`` check per item id: ok for "supports", contradicting for "contradicts", failed (not
    contradicting) for "not_enough_info", for an item left without a label, or when the call fails."""
    try:
        labels = judge(backend, items)
    except SummarizerError as exc:
        labels, failure = {}, f"judge call failed: {exc}"
    else:
        failure = "the judge gave no label for it"
    out = {}
    for i, _, _ in items:
        item = labels.get(i)
        if item is None:
            out[i] = CheckResult(name="judge", ok=False, detail=failure)
        else:
            out[i] = CheckResult(
                name="judge",
                ok=item.label == "supports",
                detail=f"{item.label}: {item.reason}",
                contradicts=item.label == "contradicts",
            )
    return out


def judge_digest(backend: Backend, article: Article, digest: Digest) -> Digest:
    """Add a ``judge`` check to every located fact, downgrading verdicts it does not support."""
    located = [(f, f.check) for f in digest.facts if f.check is not None and f.check.sentence is not None]
    items = [(f.id, article.sentences[c.sentence - 1].text, f.statement) for f, c in located if c.sentence]
    results = judge_checks(backend, items)
    for fact, check in located:
        check.checks.append(results[fact.id])
        check.verdict = verdict_of(check.checks)
    return digest
