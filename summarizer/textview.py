"""A text view of a raw source, with a map from view offsets back to raw offsets.

Plain text and JSONL articles are their own view (identity map). For HTML the view is the visible
text (tags dropped, entities decoded, block tags turned into newlines), and every view character
remembers where it came from in the raw HTML, so spans are always reported against the raw file.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from html.parser import HTMLParser

_BLOCK_TAGS = frozenset(
    "p div br h1 h2 h3 h4 h5 h6 li ul ol tr td th table article section header footer nav aside "
    "main title blockquote figure figcaption pre hr dd dt dl form".split()
)
_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head"})


@dataclass(frozen=True)
class TextView:
    """``text`` with ``to_raw[i]`` = raw offset of ``text[i]`` (``None`` means identity)."""

    raw: str
    text: str
    to_raw: tuple[int, ...] | None = None

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open view range to the half-open raw range that covers it."""
        if self.to_raw is None:
            return start, end
        if end <= start:
            pos = self.to_raw[start] if start < len(self.to_raw) else len(self.raw)
            return pos, pos
        last = self.to_raw[end - 1]
        # The last view char may come from an entity ("&eacute;"): cover the whole entity.
        raw_end = last + 1
        if self.raw.startswith("&", last):
            semi = self.raw.find(";", last, last + 12)
            raw_end = semi + 1 if semi != -1 else raw_end
        return self.to_raw[start], raw_end


def plain_view(raw: str) -> TextView:
    return TextView(raw=raw, text=raw)


class _Visible(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self._skip = 0
        self._line_starts = [0]
        for i, ch in enumerate(raw):
            if ch == "\n":
                self._line_starts.append(i + 1)

    def _pos(self) -> int:
        line, col = self.getpos()
        return self._line_starts[line - 1] + col

    def _emit(self, text: str, raw_pos: int, width: int | None = None) -> None:
        for i, ch in enumerate(text):
            self.chars.append(ch)
            self.offsets.append(raw_pos if width is not None else raw_pos + i)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._emit("\n", self._pos(), width=0)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._emit("\n", self._pos(), width=0)

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._emit(data, self._pos())

    def handle_entityref(self, name: str) -> None:
        if not self._skip:
            self._emit(html.unescape(f"&{name};"), self._pos(), width=1)

    def handle_charref(self, name: str) -> None:
        if not self._skip:
            self._emit(html.unescape(f"&#{name};"), self._pos(), width=1)


def html_view(raw: str) -> TextView:
    """Visible text of an HTML document, each character mapped to its raw offset."""
    parser = _Visible(raw)
    parser.feed(raw)
    parser.close()
    return TextView(raw=raw, text="".join(parser.chars), to_raw=tuple(parser.offsets))
