"""Render: write digests and run reports as JSON, atomically (no half-written file is ever visible)."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from pydantic import BaseModel

from summarizer.errors import InputError
from summarizer.models import Digest


def write_json(path: Path, model: BaseModel) -> None:
    """Write ``model`` as indented JSON to ``path`` via a temporary file and an atomic rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(model.model_dump_json(indent=2))
            out.write("\n")
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_digest(out_dir: Path, digest: Digest) -> str:
    """Write ``<out_dir>/<article id>.json``; return the file name. Ids are already file-name safe."""
    name = f"{digest.article.id}.json"
    target = (out_dir / name).resolve()
    if target.parent != out_dir.resolve():
        raise InputError(f"article id {digest.article.id!r} would write outside {out_dir}")
    write_json(target, digest)
    return name
