"""Safe Markdown: source and model text as inert, one-line data, and the briefing's HTML rendering.

``md`` escapes every character CommonMark or GitHub gives a meaning to (emphasis, links, images, code,
tables, raw HTML, entities, autolinks) and folds line breaks, so nothing in an article can add markup,
a link, an image or a heading to the briefing.
"""

from __future__ import annotations

import re

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


def to_html(markdown: str) -> str:
    """The briefing's Markdown as HTML: CommonMark with tables and footnotes, raw HTML off, unsafe link
    schemes refused by markdown-it."""
    from markdown_it import MarkdownIt
    from mdit_py_plugins.footnote import footnote_plugin

    parser = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
    html: str = parser.use(footnote_plugin).render(markdown)
    return html
