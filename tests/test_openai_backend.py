from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from summarizer.backends.base import Request
from summarizer.backends.openai_backend import OpenAIBackend
from summarizer.errors import BackendError, OutputError
from summarizer.models import ChunkOut
from summarizer.pipeline import digest_article
from summarizer.sentences import pinned
from tests.conftest import RECORDED, load_seed, needs_dicts
from tests.loopback import recorded_answers, serve

pytestmark = pytest.mark.skipif(not RECORDED.is_file(), reason="no recorded model answers")


@needs_dicts  # which statements are asked for again depends on the checker
def test_seed_digest_over_real_http_from_recorded_answers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-secret")
    article = load_seed("002")  # verified facts, so a summary (made of them)
    with serve(recorded_answers(RECORDED)) as server:
        backend = OpenAIBackend(model="qwen-test", base_url=server.url, mode="json_schema")
        digest = digest_article(article, backend)
    assert digest.run.backend == "openai" and digest.run.model == "qwen-test"
    assert digest.facts, "recorded answers must yield facts"
    assert digest.summary and all(s.fact_ids for s in digest.summary)
    located = [f for f in digest.facts if f.check and f.check.span]
    assert located
    for fact in located:
        assert fact.check is not None and fact.check.span is not None
        assert article.raw[fact.check.span.start : fact.check.span.end] == fact.check.span.text
    assert all(r["model"] == "qwen-test" for r in server.requests)
    assert server.headers[0]["authorization"] == "Bearer sk-test-secret"
    assert digest.run.prompt_tokens == 100 * len(server.requests)
    assert "sk-test-secret" not in digest.model_dump_json()
    # Schema mode: the messages as the in-process backend sends them, the schema in response_format,
    # the answer streamed (the recorded real answers, in pieces).
    first = server.requests[0]
    assert first["stream"] is True and first["response_format"]["type"] == "json_schema"
    assert first["response_format"]["json_schema"]["schema"]["title"] == "Translations"
    assert "json_schema" not in json.dumps(first["messages"]) and '"properties"' not in json.dumps(
        first["messages"]
    )


def test_validation_error_is_fed_back_and_retried() -> None:
    good = json.dumps(
        {
            "facts": [
                {
                    "type": "claim",
                    "sentence": 1,
                    "quote": "aurait livré des obus",
                    "statement": "North Korea allegedly delivered shells.",
                    "certainty": "alleged",
                    "claim": {"speaker": "Kyiv", "stance": "accuses"},
                }
            ]
        }
    )
    answers = iter([(200, '{"facts": [{"type": "rumour"}]}'), (200, good)])

    def answer(body: dict[str, Any]) -> tuple[int, str]:
        return next(answers)

    with serve(answer) as server:
        backend = OpenAIBackend(model="m", base_url=server.url, api_key="k", mode="json")
        reply = backend.generate(
            Request([{"role": "user", "content": "[1] Pyongyang aurait livré des obus."}]), ChunkOut
        )
    assert reply.value.facts[0].certainty == "alleged"
    assert len(server.requests) == 2
    retry = json.dumps(server.requests[1]["messages"])
    assert "rumour" in retry, "instructor must send the invalid answer and its error back"


def test_connection_refused_names_the_url() -> None:
    backend = OpenAIBackend(model="m", base_url="http://127.0.0.1:9/v1", api_key="k", timeout=2)
    with pytest.raises(BackendError, match=r"cannot reach the model server at http://127.0.0.1:9/v1"):
        backend.generate(Request([{"role": "user", "content": "hi"}]), ChunkOut)


def test_missing_key_for_openai_says_how_to_fix(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("OPENAI_BASE_URL", raising=False)
    with pytest.raises(BackendError, match="OPENAI_API_KEY"):
        OpenAIBackend(model="gpt-4o-mini")


def test_recording_has_the_seed(tmp_path: Path) -> None:
    lines = [json.loads(line) for line in RECORDED.read_text().splitlines()]
    assert {r["output"] for r in lines} == {"Translations"}  # sentence-first: no summary call


def _server_that_constrains(form: str | None) -> Any:
    """A server that constrains its answer to the schema only in ``form`` (``json_schema``: a
    ``json_schema`` response format; ``llamacpp``: ``json_object`` with a ``schema``), refuses
    ``json_schema`` with 400 when it reads only the other form (as llama-cpp-python's server does),
    and otherwise answers freely, as a model does unconstrained."""

    def answer(body: dict[str, Any]) -> tuple[int, str]:
        fmt = body.get("response_format") or {}
        schema = fmt.get("schema") or fmt.get("json_schema", {}).get("schema")
        asked = "llamacpp" if fmt.get("type") == "json_object" and "schema" in fmt else fmt.get("type")
        if asked == "json_schema" and form == "llamacpp":
            return 400, "response_format type json_schema is not supported"
        if asked == form and schema is not None:
            word = schema["properties"]["word"]["enum"][0]
            return 200, json.dumps({"word": word})
        return 200, "Hello! How can I help you today?"

    return answer


@pytest.mark.parametrize(
    ("form", "mode"), [("json_schema", "json_schema"), ("llamacpp", "llamacpp"), (None, "json")]
)
def test_auto_mode_probes_once_per_server_for_the_form_it_constrains(form: str | None, mode: str) -> None:
    with serve(_server_that_constrains(form)) as server:
        backend = OpenAIBackend(model="m", base_url=server.url, api_key="k")
        assert backend.mode == mode
        probes = len(server.requests)
        assert probes == {"json_schema": 1, "llamacpp": 2, "json": 2}[mode]
        again = OpenAIBackend(model="m", base_url=server.url, api_key="k")
        assert again.mode == mode and len(server.requests) == probes, "one probe per base URL"
    assert OpenAIBackend(model="m", base_url=server.url, api_key="k", mode="tools").mode == "tools"


def test_llamacpp_mode_sends_the_schema_in_json_object() -> None:
    one = pinned((1,))
    with serve(lambda body: (200, '{"s1": "Hello."}')) as server:
        backend = OpenAIBackend(model="m", base_url=server.url, api_key="k", mode="llamacpp")
        reply = backend.generate(Request([{"role": "user", "content": "[1] Bonjour."}]), one)
    assert reply.value.statements() == {1: "Hello."}
    fmt = server.requests[0]["response_format"]
    assert fmt["type"] == "json_object" and fmt["schema"] == one.model_json_schema()


def test_a_looping_answer_is_cut_while_it_streams() -> None:
    looping = '{"s1": "' + "The same. " * 40
    request = Request(
        [{"role": "user", "content": "[1] Bonjour."}],
        should_stop=lambda text: "repeats itself" if text.count("The same.") > 3 else None,
    )
    with serve(lambda body: (200, looping)) as server:
        backend = OpenAIBackend(model="m", base_url=server.url, api_key="k", mode="json_schema")
        with pytest.raises(OutputError, match="generation cut: repeats itself") as caught:
            backend.generate(request, pinned((1,)))
    assert caught.value.raw.count("The same.") < 40
