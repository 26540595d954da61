from __future__ import annotations

import json

import jsonschema
import pytest

from summarizer.schemas import SCHEMAS, render_schema
from tests.conftest import ROOT


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_models(name: str) -> None:
    model, version = SCHEMAS[name]
    committed = (ROOT / "schemas" / name).read_text(encoding="utf-8")
    assert committed == render_schema(model, version), f"schemas/{name} is stale: run `summarizer schema`"


def test_example_digests_are_valid() -> None:
    schema = json.loads((ROOT / "schemas" / "digest.schema.json").read_text())
    digests = [p for p in (ROOT / "examples" / "digests").glob("*.json") if p.name != "run.json"]
    assert len(digests) == 5
    for path in digests:
        jsonschema.validate(json.loads(path.read_text()), schema)
    run_schema = json.loads((ROOT / "schemas" / "run.schema.json").read_text())
    jsonschema.validate(json.loads((ROOT / "examples" / "digests" / "run.json").read_text()), run_schema)


def test_example_spans_round_trip_to_the_seeds() -> None:
    for path in (ROOT / "examples" / "digests").glob("0*.json"):
        digest = json.loads(path.read_text())
        raw = (ROOT / digest["article"]["path"]).read_text(encoding="utf-8")
        for fact in digest["facts"]:
            span = fact["check"]["span"]
            if span is not None:
                assert raw[span["start"] : span["end"]] == span["text"]
