"""Debian's FreeDict dictionaries (``dict-freedict-*``, read from /usr/share/dictd).

French–English and English–French are small (~8.5k headwords each) and read whole. A second route
pivots through German: French–German (~41k headwords) then German–English (~380k), whose index is
read once and whose entries are parsed only when looked up ("rassemblement" → Kundgebung → rally).
"""

from __future__ import annotations

import gzip
import os
import re
from functools import cache
from pathlib import Path

from summarizer.check import wordnet
from summarizer.check.alignment import normalize

DICTD = Path("/usr/share/dictd")
_B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_SKIP = ("Note", "see", "Synonym", '"')


def _b64(text: str) -> int:
    n = 0
    for ch in text:
        n = n * 64 + _B64.index(ch)
    return n


def _glosses(body: list[str]) -> list[str]:
    """The translations in an entry's lines: labels, tags, notes, examples and cross-references left out;
    long items (a definition in the source language) too."""
    out = []
    for row in body:
        row = re.sub(r"\(.*?\)|\[.*?\]|<.*?>|^\s*\d+\.\s*|\b(?:sth|sb|jdm|jdn|etw)\.", "", row).strip()
        if row and not row.startswith(_SKIP):
            out += [g.strip() for g in re.split(r"[,;]", row) if g.strip() and len(g.split()) <= 3]
    return out


def _key(name: str, head: str) -> str:
    """French headwords are looked up without accents (as the checker folds French words); German ones
    keep their umlauts (and casefold is ~7 times faster over 380k headwords)."""
    return normalize(head) if name.startswith("fra") else head.casefold()


@cache
def _files(name: str) -> tuple[dict[str, list[tuple[str, str]]], bytes] | None:
    """Headword (folded) → (offset, length) of its entries, and the decompressed data."""
    index, data = DICTD / f"freedict-{name}.index", DICTD / f"freedict-{name}.dict.dz"
    if not index.is_file() or not data.is_file() or os.environ.get("SUMMARIZER_NO_SYSTEM_DICTS"):
        return None
    heads: dict[str, list[tuple[str, str]]] = {}  # offsets decoded when looked up
    for line in index.read_text(encoding="utf-8").splitlines():
        head, offset, length = line.split("\t")
        if not head.startswith("00database"):
            heads.setdefault(_key(name, head), []).append((offset, length))
    return heads, gzip.decompress(data.read_bytes())


def available(name: str) -> bool:
    return _files(name) is not None


@cache
def lookup(name: str, head: str) -> tuple[str, ...]:
    """The glosses of a headword (any case and accents) in one dictionary."""
    files = _files(name)
    if files is None:
        return ()
    heads, raw = files
    out: list[str] = []
    for offset, length in heads.get(_key(name, head), ()):
        start = _b64(offset)
        out += _glosses(raw[start : start + _b64(length)].decode("utf-8", "replace").split("\n")[1:])
    return tuple(dict.fromkeys(out))


@cache
def entries(name: str) -> list[tuple[str, list[str]]]:
    """Every (headword, glosses) of a small dictionary."""
    files = _files(name)
    return [(head, list(lookup(name, head))) for head in files[0]] if files else []


@cache
def through_german(french: str) -> frozenset[str]:
    """English words for a French headword, through French–German then German–English."""
    out: set[str] = set()
    for german in lookup("fra-deu", french):
        for english in lookup("deu-eng", german):
            out.add(normalize(english))
            out.update(normalize(w) for w in wordnet.alone(english) if len(w) > 2)
    return frozenset(out)
