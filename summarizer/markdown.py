"""Safe Markdown: source and model text as inert, one-line data, and the briefing's HTML rendering.

``md`` escapes every character CommonMark or GitHub gives a meaning to (emphasis, links, images, code,
tables, raw HTML, entities, autolinks) and folds line breaks, so nothing in an article can add markup,
a link, an image or a heading to the briefing.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it.token import Token

_SAFE_LABEL = re.compile(r"^[A-Za-z0-9_-]+$")
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#!|~&^$])")
_LINE_START = re.compile(r"^([-+=>])|^(\d+)([.)])")
_AUTOLINK = re.compile(r"(?i)\b(www)\.|([a-z][a-z0-9+.-]*):(?=//)|@")


def md(text: str) -> str:
    """``text`` as literal Markdown inline text on one line."""
    flat = " ".join(text.split())
    escaped = _SPECIAL.sub(r"\\\1", flat)
    escaped = _AUTOLINK.sub(
        lambda m: f"{m.group(1)}\\." if m.group(1) else (f"{m.group(2)}\\:" if m.group(2) else "\\@"), escaped
    )
    # a list marker or block quote only counts at the start of a line
    return _LINE_START.sub(
        lambda m: f"\\{m.group(1)}" if m.group(1) else f"{m.group(2)}\\{m.group(3)}", escaped
    )


def quote(text: str) -> str:
    """Source words shown as a quotation: «…», escaped."""
    return f"«{md(text)}»"


def to_html(markdown: str, spans: Collection[str] = ()) -> str:
    """The briefing's Markdown as HTML: CommonMark with tables and footnotes, raw HTML off, unsafe link
    schemes refused by markdown-it. A footnote marker shows its label (``A1-F1``, not ``[1]``) and links
    to ``#fn-A1-F1``; a footnote whose label is in ``spans`` also links to its span, ``#span-A1-F1``."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    parser.use(footnote_plugin)
    parser.add_render_rule("footnote_anchor_name", _anchor_name)
    parser.add_render_rule("footnote_caption", _caption)
    parser.add_render_rule("footnote_anchor", _backlinks)
    html: str = parser.render(markdown, {"spans": set(spans)})
    return html


def _label(token: Token) -> str | None:
    """The footnote's label when it is safe in an id and a URL fragment (``A1-F1``), else None."""
    label = token.meta.get("label")
    return label if isinstance(label, str) and _SAFE_LABEL.match(label) else None


def _anchor_name(self: object, tokens: Sequence[Token], idx: int, options: object, env: Any) -> str:
    label = _label(tokens[idx])
    return f"-{label}" if label else str(tokens[idx].meta["id"] + 1)


def _caption(self: object, tokens: Sequence[Token], idx: int, options: object, env: Any) -> str:
    label = _label(tokens[idx])
    if label:
        return label
    n, sub = tokens[idx].meta["id"] + 1, tokens[idx].meta.get("subId", -1)
    return f"[{n}:{sub}]" if sub > 0 else f"[{n}]"


def _backlinks(self: object, tokens: Sequence[Token], idx: int, options: object, env: Any) -> str:
    """The footnote's link back to each marker, after a link to its span on the page (if there)."""
    from mdit_py_plugins.footnote.index import render_footnote_anchor

    token, label = tokens[idx], _label(tokens[idx])
    back: str = render_footnote_anchor(self, tokens, idx, options, env)  # type: ignore[arg-type]
    if label and token.meta.get("subId", 0) == 0 and label in env.get("spans", ()):
        back = f' <a href="#span-{label}" class="to-span">span in the source</a>' + back
    return back
