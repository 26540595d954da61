"""JSON Schemas of the output formats, generated from the Pydantic models (``schemas/`` holds them)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from summarizer.models import (
    DIGEST_SCHEMA_VERSION,
    RUN_SCHEMA_VERSION,
    VERIFY_SCHEMA_VERSION,
    ChunkOut,
    ClaimReport,
    Digest,
    RunReport,
    SummaryOut,
    VerifyReport,
)
from summarizer.review_models import REVIEWS_SCHEMA_VERSION, ReviewFile

SCHEMAS: dict[str, tuple[type[BaseModel], str]] = {
    "digest.schema.json": (Digest, DIGEST_SCHEMA_VERSION),
    "run.schema.json": (RunReport, RUN_SCHEMA_VERSION),
    "verify.schema.json": (VerifyReport, VERIFY_SCHEMA_VERSION),
    "claims.schema.json": (ClaimReport, VERIFY_SCHEMA_VERSION),
    "model-chunk.schema.json": (ChunkOut, DIGEST_SCHEMA_VERSION),
    "model-summary.schema.json": (SummaryOut, DIGEST_SCHEMA_VERSION),
    "reviews.schema.json": (ReviewFile, REVIEWS_SCHEMA_VERSION),
}


def render_schema(model: type[BaseModel], version: str) -> str:
    schema = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": f"summarizer format version {version}; generated from summarizer.models",
        **model.model_json_schema(mode="serialization"),
    }
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_schemas(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, (model, version) in SCHEMAS.items():
        path = folder / name
        path.write_text(render_schema(model, version), encoding="utf-8")
        paths.append(path)
    return paths
