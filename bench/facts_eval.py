"""The checker on ../shared/eval/facts_dev.jsonl: hand-written true key facts and their mutations.

    python bench/facts_eval.py [--show false-rejects|misses|all] [--facts FILE --docs FILE]

Every row becomes a digest fact through the project's own models, with nothing invented: the row's
type, quote, statement, certainty, numbers (a quantity's value, unit and mention), entities (name and
mention) and the English name of its source (``attributed_to``, mention left empty); event and relation
roles, a claim's speaker and stance stay empty, and the cited sentence is the one that holds the quote.
Then ``check_fact`` runs (no judge). Prints the share of true facts not verified, and per mutation kind
the share caught (verdict other than ``verified``). Skips cleanly when the evaluation data is absent.
``--facts``/``--docs`` measure another set in the same layout (documents: id, article, optional title and
date).
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from summarizer.check import check_fact
from summarizer.check.alignment import locate
from summarizer.ingest import Article, prepare
from summarizer.models import Fact

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
_FACT: TypeAdapter[Fact] = TypeAdapter(Fact)


def to_fact(row: dict[str, Any], article: Article, n: int) -> Fact:
    """One facts_dev row as a digest fact: typed fields only where the row has them."""
    hit = locate(article, row["quote"], None)
    fact: dict[str, Any] = {
        "id": f"F{n}",
        "type": row["kind"],
        "sentence": hit.sentence or 1,
        "quote": "...",  # set below: the model-facing limit of 160 characters does not bind a person
        "statement": row["statement"],
        "certainty": row["certainty"],
        "entities": [
            {"name": e["name"], "kind": "other", "mention": e["mention"]} for e in row["entities"][:4]
        ],
    }
    if row["attributed_to"]:
        fact["attributed_to"] = {"name": row["attributed_to"], "mention": ""}
    if row["kind"] == "quantity":
        number = row["numbers"][0] if row["numbers"] else {"value": 0, "unit": "", "mention": ""}
        fact["quantity"] = {
            "value": number["value"],
            "qualifier": "exact",
            "unit": number["unit"],
            "mention": number["mention"],
        }
    elif row["kind"] == "event":
        fact["event"] = {"actor": "", "action": ""}
    elif row["kind"] == "relation":
        fact["relation"] = {"subject": "", "predicate": "", "object": ""}
    else:
        fact["claim"] = {"speaker": "", "stance": ""}
    out = _FACT.validate_python(fact)
    out.quote = row["quote"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", choices=["false-rejects", "misses", "all"], help="print these rows")
    parser.add_argument("--only", help="comma-separated row ids to check (e.g. d003,d095)")
    parser.add_argument("--facts", type=Path, default=EVAL / "facts_dev.jsonl", help="rows to check")
    parser.add_argument("--docs", type=Path, default=EVAL / "fr_news_dev.jsonl", help="their documents")
    args = parser.parse_args()
    facts_path, docs_path = args.facts, args.docs
    if not facts_path.is_file() or not docs_path.is_file():
        print(f"skipped: {facts_path} not found")
        return
    docs = {d["id"]: d for d in map(json.loads, docs_path.read_text(encoding="utf-8").splitlines())}
    rows = [json.loads(line) for line in facts_path.read_text(encoding="utf-8").splitlines()]
    if args.only:
        rows = [r for r in rows if r["id"] in args.only.split(",")]
    articles: dict[str, Article] = {}
    caught: dict[str, list[bool]] = defaultdict(list)
    kinds: dict[str, str] = {}
    reasons: Counter[str] = Counter()
    started = time.perf_counter()
    for n, row in enumerate(rows, 1):
        doc = docs[row["doc"]]
        if row["doc"] not in articles:
            text = f"{doc['title']}\n\n{doc['article']}" if doc.get("title") else doc["article"]
            articles[row["doc"]] = prepare(row["doc"], docs_path.name, text, "utf-8", "txt", False)
            articles[row["doc"]].published = doc.get("date")
        check = check_fact(articles[row["doc"]], to_fact(row, articles[row["doc"]], n))
        verified = check.verdict == "verified"
        caught[row["mutation"]].append(not verified)
        kinds[row["mutation"]] = row["catchable"]
        failed = [c.name for c in check.checks if not c.ok]
        if row["mutation"] == "none":
            reasons.update(failed)
        wrong = verified == (row["label"] != "supported")
        if args.show == "all" or (
            wrong and args.show == ("false-rejects" if row["label"] == "supported" else "misses")
        ):
            print(f"{row['id']} {row['mutation']} {check.verdict}: {row['statement']}")
            for c in check.checks:
                if not c.ok:
                    print(f"    {c.name}: {c.detail}")
    seconds = time.perf_counter() - started
    true = caught.pop("none", [])
    print(f"{facts_path.name}: {len(rows)} rows, {seconds:.1f} s, judge: none")
    print(f"true facts not verified: {sum(true)}/{len(true)} ({100 * sum(true) / max(1, len(true)):.1f}%)")
    print("| mutation | kind | n | caught |")
    print("|---|---|---|---|")
    for group in ("lexical", "semantic"):
        total = [c for m, cs in caught.items() if kinds[m] == group for c in cs]
        for mutation in sorted(m for m in caught if kinds[m] == group):
            cs = caught[mutation]
            print(f"| {mutation} | {group} | {len(cs)} | {sum(cs)} ({100 * sum(cs) / len(cs):.0f}%) |")
        print(
            f"| **all {group}** | | {len(total)} | {sum(total)} ({100 * sum(total) / max(1, len(total)):.0f}%) |"
        )
    print("reasons true facts were not verified:", ", ".join(f"{k} {v}" for k, v in reasons.most_common()))


if __name__ == "__main__":
    main()
