"""Prompt templates and JSON Schemas shipped with the package.

In a wheel they live in ``summarizer/_prompts`` and ``summarizer/_schemas``; in a source checkout
(editable install) they are the top-level ``prompts/`` and ``schemas/`` folders.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _folder(packaged: str, checkout: str) -> Path:
    inside = _PACKAGE / packaged
    return inside if inside.is_dir() else _PACKAGE.parent / checkout


def prompts_dir() -> Path:
    return _folder("_prompts", "prompts")


def schemas_dir() -> Path:
    return _folder("_schemas", "schemas")


@dataclass(frozen=True)
class Prompts:
    extract_system: str
    example_input: str
    example_output: str
    summary_system: str
    judge_system: str
    translate_system: str
    translate_input: str
    translate_output: str
    sha: str  # sha256 over every template, recorded in each output


@cache
def load_prompts() -> Prompts:
    folder = prompts_dir()
    names = (
        "extract_system.md",
        "extract_example_input.txt",
        "extract_example_output.json",
        "summary_system.md",
        "judge_system.md",
        "translate_system.md",
        "translate_example_input.txt",
        "translate_example_output.json",
    )
    texts = [(folder / name).read_text(encoding="utf-8").strip() for name in names]
    digest = hashlib.sha256()
    for name, text in zip(names, texts, strict=True):
        digest.update(f"{name}\0{text}\0".encode())
    system, ex_in, ex_out, summary, judge, tr_system, tr_in, tr_out = texts
    return Prompts(system, ex_in, ex_out, summary, judge, tr_system, tr_in, tr_out, digest.hexdigest())
