from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest

from summarizer.backends.base import Reply, Request, T
from summarizer.errors import OutputError
from summarizer.extract import ATTEMPTS, extract_article, find_loop, make_chunks, salvage
from summarizer.ingest import Article
from summarizer.resources import load_prompts
from tests.conftest import RecordedProgress, load_seed


class Scripted:
    """Answers each call with the next scripted text (or raises it), recording requests."""

    name, model = "scripted", "scripted"

    def __init__(self, answers: list[str | OutputError]) -> None:
        self.answers = answers
        self.history: list[Request] = []

    def generate(self, request: Request, output: type[T]) -> Reply[T]:
        self.history.append(request)
        answer = self.answers.pop(0)
        if isinstance(answer, OutputError):
            raise answer
        return Reply(output.model_validate_json(answer), answer, 10, 10, 0.1)


def _fact(sentence: int, quote: str, statement: str) -> dict[str, object]:
    return {
        "type": "claim",
        "sentence": sentence,
        "quote": quote,
        "statement": statement,
        "certainty": "reported",
        "claim": {"speaker": "x", "stance": "y"},
    }


@pytest.fixture(scope="module")
def seed000() -> Article:
    return load_seed("000")


def test_chunks_are_about_1000_chars_and_cover_every_sentence(seed000: Article) -> None:
    chunks = make_chunks(seed000.sentences)
    assert [s.n for c in chunks for s in c] == [s.n for s in seed000.sentences]
    assert len(chunks) >= 2
    for chunk in chunks:
        assert sum(len(s.text) for s in chunk) <= 1000 or len(chunk) == 1


def test_find_loop() -> None:
    assert find_loop('{"facts": [{"quote": "abc"}') is None
    looped = '{"facts": [' + '{"quote": "des obus", "statement": "shells"}, ' * 3
    assert find_loop(looped) is not None and "repetition loop" in str(find_loop(looped))


def test_salvage_keeps_complete_facts_before_a_loop() -> None:
    good = json.dumps(_fact(1, "plus d'un million", "More than a million."))
    text = '{"facts": [' + good + ", " + good[:40]
    facts = salvage(text)
    assert len(facts) == 1 and facts[0].quote == "plus d'un million"
    assert salvage("no json here") == []


def test_retry_changes_temperature_and_salvages(seed000: Article) -> None:
    chunks = make_chunks(seed000.sentences)
    first = json.dumps(_fact(1, "la Corée du Nord a transféré plus d'un million d'obus", "NK sent shells."))
    loop = OutputError("generation cut: repetition loop", raw='{"facts": [' + first + ", " + first[:30])
    answers: list[str | OutputError] = [loop, OutputError("bad"), OutputError("bad")]
    answers += [json.dumps({"facts": []})] * (len(chunks) - 1)
    backend = Scripted(answers)
    result = asyncio.run(extract_article(backend, load_prompts(), seed000, mode="chunks"))
    temps = [(r.temperature, r.seed) for r in backend.history[:3]]
    assert temps == list(ATTEMPTS)
    assert "Keep each quote short" in backend.history[1].messages[-1]["content"]
    assert [f.quote for f in result.facts] == ["la Corée du Nord a transféré plus d'un million d'obus"]


def test_example_leak_and_duplicates_are_dropped_with_reasons(seed000: Article) -> None:
    chunks = make_chunks(seed000.sentences)
    real = _fact(2, "Selon un rapport de Bloomberg", "Bloomberg reported the deliveries.")
    leak = _fact(
        1,
        "le Chili a exporté plus de 2,5 millions de tonnes de cuivre",
        "Chile exported more than 2.5 million tonnes of copper to Japan in March 2021.",
    )
    answers: list[str | OutputError] = [json.dumps({"facts": [real, leak, real]})]
    answers += [json.dumps({"facts": []})] * (len(chunks) - 1)
    result = asyncio.run(extract_article(Scripted(answers), load_prompts(), seed000, mode="chunks"))
    assert [f.quote for f in result.facts] == ["Selon un rapport de Bloomberg"]
    reasons = sorted(d.reason for d in result.dropped)
    assert reasons == [
        "copied from the prompt's example, not from the article",
        "duplicate of an earlier fact",
    ]


def test_a_failed_chunk_does_not_sink_the_article(seed000: Article) -> None:
    chunks = make_chunks(seed000.sentences)
    real = _fact(2, "Selon un rapport de Bloomberg", "Bloomberg reported the deliveries.")
    answers: list[str | OutputError] = [OutputError("broken")] * 3 + [json.dumps({"facts": [real]})]
    answers += [json.dumps({"facts": []})] * (len(chunks) - 2)
    result = asyncio.run(extract_article(Scripted(answers), load_prompts(), seed000, mode="chunks"))
    assert len(result.facts) == 1
    assert len(result.failed_chunks) == 1 and "broken" in result.failed_chunks[0]


def test_prompt_files_and_hash() -> None:
    prompts = load_prompts()
    assert len(prompts.sha) == 64
    assert "[1] Selon le ministère des Mines" in prompts.example_input
    assert Path(__file__).resolve().parent.parent.joinpath("prompts", "extract_system.md").is_file()


def test_progress_steps_once_per_chunk_and_summary_even_with_retries(seed000: Article) -> None:
    from summarizer.pipeline import digest_article

    chunks = make_chunks(seed000.sentences)
    real = _fact(2, "Selon un rapport de Bloomberg", "Bloomberg reported the deliveries.")
    answers: list[str | OutputError] = [OutputError("broken"), json.dumps({"facts": [real]})]
    answers += [json.dumps({"facts": []})] * (len(chunks) - 1)
    answers.append(json.dumps({"summary": [{"text": "Bloomberg reported deliveries.", "fact_ids": ["F1"]}]}))
    steps = RecordedProgress()
    digest = digest_article(seed000, Scripted(answers), load_prompts(), steps, "chunks")
    assert steps.labels == [seed000.id] * (len(chunks) + 1)
    assert [s.fact_ids for s in digest.summary] == [["F1"]]
