"""English words for a French text from Apertium's dictionaries (Debian: ``apertium-fr-es``,
``apertium-eng-spa``, ``lttoolbox``), pivoting through Spanish: French analyser → French–Spanish
bilingual dictionary → Spanish–English bilingual dictionary, three ``lt-proc`` calls per text; and,
when ``apertium-fra-cat`` and ``apertium-eng-cat`` are installed, through Catalan as well.

"perdu" → perdre → perder → lose; "preuves" → preuve → prueba → evidence/proof/test. Every reading
of an ambiguous word is kept: the checker only asks whether an English word *could* render one of the
French words. Absent packages give no words (the checker is then stricter, never looser).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import threading
from functools import cache, lru_cache
from pathlib import Path

from summarizer.check import wordnet

APERTIUM = Path("/usr/share/apertium")
_FR_MORPH = APERTIUM / "apertium-fr-es" / "fr-es.automorf.bin"
_FR_ES = APERTIUM / "apertium-fr-es" / "fr-es.autobil.bin"
_ES_EN = APERTIUM / "apertium-eng-spa" / "spa-eng.autobil.bin"
# More pivots when installed: through Catalan (apertium-fra-cat, apertium-eng-cat: more verbs) and
# Esperanto (apertium-eo-fr, apertium-eo-en).
_MORE_PIVOTS = (
    (
        APERTIUM / "apertium-fra-cat" / "fra-cat.automorf.bin",
        APERTIUM / "apertium-fra-cat" / "fra-cat.autobil.bin",
        APERTIUM / "apertium-eng-cat" / "cat-eng.autobil.bin",
    ),
    (
        APERTIUM / "apertium-eo-fr" / "fr-eo.automorf.bin",
        APERTIUM / "apertium-eo-fr" / "fr-eo.autobil.bin",
        APERTIUM / "apertium-eo-en" / "eo-en.autobil.bin",
    ),
)
_UNIT = re.compile(r"\^(.*?)\$")
_LEMMA = re.compile(r"^([^<]+)((?:<[^>]+>)*)")


@cache
def available() -> bool:
    """Whether lt-proc and the three dictionaries are installed (and not switched off with
    ``SUMMARIZER_NO_SYSTEM_DICTS=1``, to measure without them)."""
    if os.environ.get("SUMMARIZER_NO_SYSTEM_DICTS"):
        return False
    return shutil.which("lt-proc") is not None and all(p.is_file() for p in (_FR_MORPH, _FR_ES, _ES_EN))


class _Process:
    """One long-lived ``lt-proc -z`` (a null character ends each request and its answer): starting
    lt-proc costs ~45 ms, a lookup well under a millisecond."""

    def __init__(self, args: list[str]) -> None:
        self.args = args
        self.proc: subprocess.Popen[bytes] | None = None
        self.lock = threading.Lock()

    def ask(self, text: str) -> str:
        with self.lock:
            if self.proc is None or self.proc.poll() is not None:
                lt_proc = shutil.which("lt-proc") or "lt-proc"
                self.proc = subprocess.Popen(
                    [lt_proc, "-z", *self.args], stdin=subprocess.PIPE, stdout=subprocess.PIPE
                )
            stdin, stdout = self.proc.stdin, self.proc.stdout
            if stdin is None or stdout is None:
                return ""
            # A trailing space: lt-proc -b waits for a character after the last unit before it answers.
            stdin.write(text.replace("\0", " ").encode("utf-8") + b" \0")
            stdin.flush()
            answer = bytearray()
            while (byte := stdout.read(1)) not in (b"\0", b""):
                answer += byte
            return answer.decode("utf-8", "replace")


@cache
def _process(*args: str) -> _Process:
    return _Process(list(args))


def _run(args: list[str], text: str) -> str:
    return _process(*args).ask(text)


def _readings(output: str, keep_source: bool) -> list[str]:
    """The analyses (``lemma<tags>``) of lt-proc's output units; ``keep_source`` drops the first
    field (the surface form or the dictionary's input)."""
    out = []
    for unit in _UNIT.findall(output):
        fields = unit.split("/")
        for reading in fields[1:] if keep_source else fields:
            for part in reading.split("+"):
                if part and not part.startswith(("*", "@", "#")):
                    out.append(part)
    return out


def _translate(readings: list[str], dictionary: Path) -> list[list[str]]:
    """The target readings of each input reading, in order (one output unit per input unit)."""
    if not readings:
        return []
    text = " ".join(f"^{r}$" for r in readings)
    units = _UNIT.findall(_run(["-b", str(dictionary)], text))
    if len(units) != len(readings):
        return [[] for _ in readings]
    return [
        [p for t in u.split("/")[1:] for p in t.split("+") if p and not p.startswith(("*", "@", "#"))]
        for u in units
    ]


def _lemma(reading: str) -> str:
    m = _LEMMA.match(reading)
    return m.group(1).casefold().replace("#", " ").strip() if m else ""


@lru_cache(maxsize=4096)
def english_by_word(french: str) -> tuple[tuple[str, frozenset[str]], ...]:
    """(surface form, English lemmas that can render it) for each word of a French text, in order."""
    if not available() or not french.strip():
        return ()
    # lt-proc reads its input as a stream of units: escape its reserved characters.
    safe = re.sub(r"([\^$@/<>{}\[\]\\*])", r"\\\1", french)
    out = _pivot(safe, (_FR_MORPH, _FR_ES, _ES_EN))
    for files in _MORE_PIVOTS:
        if all(p.is_file() for p in files):
            more: dict[str, frozenset[str]] = {}
            for surface, lemmas in _pivot(safe, files):
                more[surface] = more.get(surface, frozenset()) | lemmas
            out = [(surface, lemmas | more.get(surface, frozenset())) for surface, lemmas in out]
    return tuple(out)


def _pivot(safe: str, files: tuple[Path, Path, Path]) -> list[tuple[str, frozenset[str]]]:
    """French analyser → French–pivot → pivot–English: English lemmas for each French word."""
    morph, to_pivot, to_english = files
    units = _UNIT.findall(_run([str(morph)], safe))
    words = [(u.split("/")[0], _readings(f"^{u}$", keep_source=True)) for u in units]
    flat = sorted({r for _, rs in words for r in rs})
    pivot = dict(zip(flat, _translate(flat, to_pivot), strict=True))
    pivot_flat = sorted({t for ts in pivot.values() for t in ts})
    english = dict(zip(pivot_flat, _translate(pivot_flat, to_english), strict=True))
    out = []
    for surface, readings in words:
        lemmas = {_lemma(e) for r in readings for t in pivot.get(r, []) for e in english.get(t, [])}
        lemmas |= {w for lemma in lemmas for w in wordnet.alone(lemma)}
        out.append((surface, frozenset(lemma for lemma in lemmas if lemma)))
    return out


@lru_cache(maxsize=4096)
def english_lemmas(french: str) -> frozenset[str]:
    """Lower-case English lemmas that can render the words of a French text."""
    return frozenset(lemma for _, lemmas in english_by_word(french) for lemma in lemmas)
