"""The mutation suite: true facts about the seeds (real quotes, written by hand in
``fixtures/true_facts.json``) and, for each, the lexical mutations a checker must reject, with the
check that must name the rejection. Used by ``test_mutations.py`` and ``bench/mutations.py``."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from summarizer.check.statement import hedges, split_attribution
from summarizer.models import Fact

FACT = TypeAdapter[Fact](Fact)
TRUE_FACTS = Path(__file__).parent / "fixtures" / "true_facts.json"
FABRICATED = "La Corée du Nord a livré deux millions d'obus à la Chine en mars 2022."
# A name of the same kind that the mention does not render.
OTHER_NAME = {"country": "China", "person": "Volodymyr Zelensky"}


@dataclass(frozen=True)
class Case:
    seed: str
    kind: str  # "true" or the mutation's name
    fact: Fact
    expect: str | None  # the check that must fail (None for true facts)


def true_facts() -> list[tuple[str, dict[str, Any]]]:
    rows = json.loads(TRUE_FACTS.read_text(encoding="utf-8"))
    return [(row["seed"], {"id": f"F{i}", **row["fact"]}) for i, row in enumerate(rows, 1)]


def _mutations(fact: dict[str, Any], other_quote: str) -> Iterator[tuple[str, dict[str, Any], str]]:
    def changed(**fields: Any) -> dict[str, Any]:
        return {**json.loads(json.dumps(fact)), **fields}

    if fact["type"] == "quantity":
        q = fact["quantity"]
        yield "number", changed(quantity={**q, "value": q["value"] * 10 + 1}), "quantity:value"
    if fact.get("when"):
        year = int(fact["when"]["date"][:4])
        when = {**fact["when"], "date": str(year - 1) + fact["when"]["date"][4:]}
        yield "date", changed(when=when), "date"
    if fact.get("entities"):
        first = fact["entities"][0]
        wrong = {**first, "name": OTHER_NAME[first["kind"]]}
        yield "entity", changed(entities=[wrong, *fact["entities"][1:]]), "name:entities[0]"
    if fact.get("attributed_to"):
        yield (
            "attribution",
            changed(attributed_to={**fact["attributed_to"], "name": "Volodymyr Zelensky"}),
            "attribution",
        )
    yield "quote_fabricated", changed(quote=FABRICATED), "evidence_located"
    yield "quote_other_article", changed(quote=other_quote), "evidence_located"
    flipped = "asserted" if fact["certainty"] != "asserted" else "denied"
    attribution, core = split_attribution(fact["statement"])
    if flipped == "asserted" and (attribution or hedges(fact["statement"])):
        # "Reports say X" typed asserted is true of the statement as written: the allegation turned
        # into a fact is the statement without its hedge, typed asserted.
        bare = core.strip()[:1].upper() + core.strip()[1:]
        yield "certainty", changed(certainty=flipped, statement=bare), "certainty"
    else:
        yield "certainty", changed(certainty=flipped), "certainty"
    if fact["type"] == "event" and fact["event"].get("target"):
        e = fact["event"]
        a, t = e["actor"], e["target"]
        statement = fact["statement"].replace(a, "\0").replace(t, a).replace("\0", t)
        yield "direction", changed(event={**e, "actor": t, "target": a}, statement=statement), "frame"


def cases() -> list[Case]:
    """Every true fact, then every mutation of it."""
    facts = true_facts()
    out = []
    for seed, fact in facts:
        other = next(f["quote"] for s, f in facts if s != seed)
        out.append(Case(seed, "true", FACT.validate_python(fact), None))
        for kind, mutated, expect in _mutations(fact, other):
            out.append(Case(seed, kind, FACT.validate_python(mutated), expect))
    return out
