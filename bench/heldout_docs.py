"""Documents for held-out checker sets: texts of ../shared/eval that facts_dev does not cover, written
outside the repository (the data's licences keep it there), for annotators to write facts about.

    python bench/heldout_docs.py OUT_DIR

Writes ``docs_A.jsonl`` (claims_dev's French documents, first half), ``docs_B.jsonl`` (second half),
``docs_C.jsonl`` (claims_dev's French claims, each a one-sentence article) and ``docs_D.jsonl`` (the dev
articles with the quotes facts_dev already uses, to avoid), plus ``prompt.md``: the annotators'
instructions (``bench/annotator_prompt.md``) with the paths filled in per set. An annotator (a person,
or a helper that sees only these files) writes ``facts_X.jsonl``; then
``python bench/facts_eval.py --facts OUT_DIR/facts_X.jsonl --docs OUT_DIR/docs_X.jsonl``.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path
from typing import Any

EVAL = Path(__file__).resolve().parents[2] / "shared" / "eval"
PROMPT = Path(__file__).resolve().parent / "annotator_prompt.md"


def _id(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"


def _rows(name: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in (EVAL / name).read_text(encoding="utf-8").splitlines()]


def _write(path: Path, rows: list[dict[str, Any]]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def main() -> None:
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    if not (EVAL / "claims_dev.jsonl").is_file():
        print(f"skipped: {EVAL} not found")
        return
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    claims = _rows("claims_dev.jsonl")
    docs: dict[str, dict[str, Any]] = {}
    sentences: dict[str, dict[str, Any]] = {}
    for row in claims:
        if row["lang_doc"] == "fr":
            docs.setdefault(
                row["doc"], {"id": _id("ho", row["doc"]), "source": row["dataset"], "article": row["doc"]}
            )
        if row["lang_claim"] == "fr":
            sentences.setdefault(
                row["claim"],
                {"id": _id("hc", row["claim"]), "source": row["dataset"], "article": row["claim"]},
            )
    documents = list(docs.values())
    half = len(documents) // 2
    facts, articles = _rows("facts_dev.jsonl"), _rows("fr_news_dev.jsonl")
    sets = {
        "A": documents[:half],
        "B": documents[half:],
        "C": list(sentences.values()),
        "D": [
            {
                "id": a["id"],
                "title": a["title"],
                "article": a["article"],
                "avoid_quotes": sorted({f["quote"] for f in facts if f["doc"] == a["id"]}),
            }
            for a in articles
        ],
    }
    template = PROMPT.read_text(encoding="utf-8")
    for name, rows in sets.items():
        _write(out / f"docs_{name}.jsonl", rows)
        prompt = template.replace("DOCS_FILE", str(out / f"docs_{name}.jsonl"))
        prompt = prompt.replace("OUT_FILE", str(out / f"facts_{name}.jsonl")).replace("PREFIX", f"h{name}")
        (out / f"prompt_{name}.md").write_text(prompt, encoding="utf-8")
        print(f"{name}: {len(rows)} documents → {out / f'docs_{name}.jsonl'}")


if __name__ == "__main__":
    main()
