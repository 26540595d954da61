from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from summarizer.backends import model_store
from summarizer.errors import ModelStoreError


def _parts(tmp_path: Path) -> tuple[list[Path], bytes]:
    chunks = [b"GGUF" + bytes(range(256)) * 40, b"second part" * 1000, b"end"]
    paths = []
    for i, chunk in enumerate(chunks):
        path = tmp_path / f"part{i}.bin"
        path.write_bytes(chunk)
        paths.append(path)
    return paths, b"".join(chunks)


def test_assemble_verifies_and_reports_progress(tmp_path: Path) -> None:
    parts, whole = _parts(tmp_path)
    seen: list[tuple[int, int]] = []
    target = tmp_path / "cache" / "m.gguf"
    out = model_store.assemble(
        parts, target, len(whole), hashlib.sha256(whole).hexdigest(), lambda d, t: seen.append((d, t))
    )
    assert out.read_bytes() == whole
    assert seen[-1] == (len(whole), len(whole))
    assert (tmp_path / "cache" / "m.gguf.sha256").read_text() == hashlib.sha256(whole).hexdigest()


def test_corrupt_parts_leave_nothing_behind(tmp_path: Path) -> None:
    parts, whole = _parts(tmp_path)
    target = tmp_path / "cache" / "m.gguf"
    with pytest.raises(ModelStoreError, match="corrupt"):
        model_store.assemble(parts, target, len(whole), "0" * 64)
    assert list((tmp_path / "cache").iterdir()) == []


def test_default_model_parts_are_installed() -> None:
    parts = model_store.part_paths()
    assert len(parts) == model_store.PARTS
    assert sum(p.stat().st_size for p in parts) == model_store.SIZE


def test_cache_dir_honours_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SUMMARIZER_CACHE", str(tmp_path))
    assert model_store.cache_dir() == tmp_path
