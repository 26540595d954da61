"""Benchmark: summarizer in-process, summarizer through a real llama.cpp HTTP server, and google's
langextract through that same server: same embedded model (Qwen2.5-Coder-1.5B), same articles.

    pip install langextract                  # benchmark only, never a dependency
    python bench/peer.py                     # the five seeds, every run
    python bench/peer.py --corpus dev        # 10 articles of ../shared/eval/fr_news_dev.jsonl
    python bench/peer.py --runs server1 server2 --corpus seeds

The server is llama.cpp's own (``summarizer serve``'s, through xllamacpp) with ``--parallel`` slots
(default 2) of 4,096 tokens, on loopback. Runs: ``local`` (in-process backend), ``server1`` /
``server2`` (``--backend openai``, ``--openai-mode auto`` — the probe picks ``json_schema`` — at
concurrency 1 / 2), ``langextract`` (its default 1,000-character chunks, the same one-shot example as
our prompt, one worker, no schema constraint). Per run: wall seconds, extractions, extractions
grounded to a span, verified facts (summarizer's checker; langextract has none), key-fact recall (a
key fact is covered when an extraction's span overlaps its quote: for summarizer only verified facts
count; keys: ``bench/seed_keyfacts.jsonl`` or the true rows of ``facts_dev.jsonl``), covered key
facts per minute, and for the server runs how many articles have exactly the in-process facts.
"""

from __future__ import annotations

import argparse
import importlib
import json
import tempfile
import time
from pathlib import Path
from typing import Any

from recall import EVAL, covered, dev_inputs, seed_inputs, verified_spans

from summarizer.backends.base import Backend
from summarizer.backends.local import LocalBackend
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.backends.serve import free_port, start_server
from summarizer.ingest import load_articles
from summarizer.pipeline import summarize_batch
from summarizer.resources import load_prompts

ROOT = Path(__file__).resolve().parent.parent
RUNS = ("local", "server1", "server2", "langextract")
Keys = dict[str, list[dict[str, Any]]]


def run_summarizer(inputs: Path, backend: Backend, out: Path, concurrency: int, keys: Keys) -> dict[str, Any]:
    started = time.perf_counter()
    report = summarize_batch([inputs], backend, out, concurrency=concurrency)
    wall = time.perf_counter() - started
    hits, facts_by_article = 0, {}
    for run in report.articles:
        if run.status != "ok" or run.digest is None:
            print(f"  {run.path}: FAILED: {run.error}")
            continue
        digest = json.loads((out / run.digest).read_text(encoding="utf-8"))
        raw = (inputs / Path(run.path).name).read_text(encoding="utf-8")
        spans = verified_spans(digest)
        hits += sum(covered(raw, k["quote"], spans) for k in keys.get(Path(run.path).stem, []))
        facts_by_article[Path(run.path).stem] = [(f["statement"], f["quote"]) for f in digest["facts"]]
    t = report.totals
    return {
        "wall": wall, "extractions": t.facts, "grounded": t.located, "verified": t.verified,
        "covered": hits, "facts": facts_by_article,
    }  # fmt: skip


def run_langextract(inputs: Path, url: str, keys: Keys) -> dict[str, Any]:
    lx: Any = importlib.import_module("langextract")
    openai_provider: Any = importlib.import_module("langextract.providers.openai")
    prompts = load_prompts()
    example_text = "\n".join(
        line.split("] ", 1)[1] for line in prompts.example_input.splitlines() if line.startswith("[")
    )
    example = lx.data.ExampleData(
        text=example_text,
        extractions=[
            lx.data.Extraction(
                extraction_class=fact["type"],
                extraction_text=fact["quote"],
                attributes={"statement": fact["statement"]},
            )
            for fact in json.loads(prompts.example_output)["facts"]
        ],
    )
    model = openai_provider.OpenAILanguageModel(
        model_id="qwen2.5-coder-1.5b", api_key="none", base_url=url, temperature=0.0, max_workers=1
    )
    extractions = grounded = hits = 0
    started = time.perf_counter()
    articles, _ = load_articles([inputs])
    for article in articles:
        try:
            result = lx.extract(
                text_or_documents=article.raw,
                prompt_description=(
                    "Extract the facts this French news article reports: quantities, events, relations and "
                    "claims. Copy each fact's words exactly from the text and give an English statement "
                    "as an attribute."
                ),
                examples=[example],
                model=model,
                use_schema_constraints=False,
                fence_output=False,
                max_workers=1,
                show_progress=False,
                prompt_validation_level=lx.prompt_validation.PromptValidationLevel.OFF,
            )
        except Exception as exc:  # langextract raises for the whole document when one chunk fails
            print(f"  {article.path}: langextract FAILED: {str(exc)[:200]}")
            continue
        spans = []
        for extraction in result.extractions or []:
            extractions += 1
            interval = extraction.char_interval
            if interval is not None and interval.start_pos is not None:
                grounded += 1
                spans.append((interval.start_pos, interval.end_pos))
        hits += sum(covered(article.raw, k["quote"], spans) for k in keys.get(Path(article.path).stem, []))
    wall = time.perf_counter() - started
    return {"wall": wall, "extractions": extractions, "grounded": grounded, "verified": None, "covered": hits}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["seeds", "dev"], default="seeds")
    parser.add_argument("--runs", nargs="+", choices=RUNS, default=list(RUNS))
    parser.add_argument("--parallel", type=int, default=2, help="the server's slots")
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "bench-peer")
    args = parser.parse_args()
    if args.corpus == "dev" and not (EVAL / "facts_dev.jsonl").is_file():
        print(f"skipped: {EVAL / 'facts_dev.jsonl'} not found")
        return
    inputs = Path(tempfile.mkdtemp(prefix="bench-peer-in-"))
    keys = seed_inputs(inputs) if args.corpus == "seeds" else dev_inputs(inputs, everything=False)
    server, url = start_server(port=free_port(), parallel=args.parallel)
    results: dict[str, dict[str, Any]] = {}
    for name in args.runs:
        print(f"{name} …", flush=True)
        if name == "langextract":
            results[name] = run_langextract(inputs, url, keys)
            continue
        concurrency = 2 if name == "server2" else 1
        backend: Backend = (
            LocalBackend() if name == "local" else OpenAIBackend(model="m", base_url=url, timeout=600)
        )
        results[name] = run_summarizer(inputs, backend, args.out / name, concurrency, keys)
    del server
    total_keys = sum(len(v) for v in keys.values())
    print(
        f"\n{len(keys)} articles ({args.corpus}), {total_keys} key facts; server: llama.cpp, {args.parallel} slots"
    )
    print(
        f"{'run':<13}{'wall s':>8}{'extr.':>7}{'grounded':>9}{'verified':>9}{'recall':>9}{'keys/min':>9}  same facts"
    )
    local = results.get("local", {}).get("facts")
    for name, r in results.items():
        same = ""
        if local is not None and "facts" in r and name != "local":
            same = f"{sum(r['facts'].get(a) == f for a, f in local.items())}/{len(local)} articles"
        verified = "-" if r["verified"] is None else str(r["verified"])
        print(
            f"{name:<13}{r['wall']:>8.0f}{r['extractions']:>7}{r['grounded']:>9}{verified:>9}"
            f"{r['covered']:>4}/{total_keys:<4}{60 * r['covered'] / r['wall']:>9.2f}  {same}"
        )


if __name__ == "__main__":
    main()
