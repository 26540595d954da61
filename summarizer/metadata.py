"""Metadata and boilerplate rules for ingest: title, outlet, publication date, language, and the
named rules that decide which lines are not article text."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from summarizer.ingest import Line

_MONTHS = {
    month: i
    for i, month in enumerate(
        "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split(), 1
    )
}

# Lines from which everything to the end is comments or site footer.
_TAIL = re.compile(
    r"^(leave a comment|laisser un commentaire|réagir à cet article|\d+\s+commentaires?|les plus lus"
    r"|à propos de|a propos de|copyright\b|©|to top$|advertisement$|publicité$|this site uses akismet"
    r"|votre adresse e-mail ne sera pas publiée|articles similaires|sur le même sujet)",
    re.IGNORECASE,
)
# One-line rules, applied to every line before the tail.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("read_also", re.compile(r"^(à |a )?(lire|voir) (aussi|également)\b", re.IGNORECASE)),
    (
        "share",
        re.compile(
            r"^(facebook|twitter|linkedin|pinterest|whatsapp|telegram|reddit|email|e-mail|partager"
            r"|partagez|tweet|imprimer|print|x)$",
            re.IGNORECASE,
        ),
    ),
    ("hashtags", re.compile(r"^(#\w[\w-]*\s*){2,}$")),
    ("timestamp", re.compile(r"^\d{9,11}$")),
    (
        "byline",
        re.compile(r"^(article écrit par\b|par [A-ZÀ-Ý][\w’'-]+( [A-ZÀ-Ý][\w’'-]+)?$)", re.IGNORECASE),
    ),
    ("site_blurb", re.compile(r"est un site d.information|^la plateforme \S+ permet", re.IGNORECASE)),
    ("breadcrumb", re.compile(r"^>")),
    (
        "dateline",
        re.compile(r"^(publié le\s+)?\d{2,4}[-/]\d{2}[-/]\d{2,4}([ T]\d{2}:\d{2}(:\d{2})?)?$", re.I),
    ),
)
_DOMAIN = re.compile(r"^(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6})$", re.IGNORECASE)
_TITLE_SUFFIX = re.compile(r"^(.{10,}?)\s+[-–|]\s+([^-–|]{2,40})$")
_PUBLISHED_FR = re.compile(
    r"publié le\s+(\d{1,2})/(\d{1,2})/(\d{4})(?:\s+(?:à\s+)?(\d{1,2})[:h](\d{2})(?::(\d{2}))?)?",
    re.IGNORECASE,
)
_ISO = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[ T](\d{2}:\d{2}(?::\d{2})?))?$")
_WORDY_DATE = re.compile(r"\b(\d{1,2})(?:er)? (" + "|".join(_MONTHS) + r") (\d{4})\b", re.IGNORECASE)


@dataclass
class Meta:
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    tail: int | None = None  # index of the first comment/footer line


def _words(text: str) -> int:
    return len(text.split())


def _key(text: str) -> str:
    return re.sub(r"\W+", " ", text.casefold()).strip()


def _find_tail(lines: Sequence[Line]) -> int | None:
    for i, line in enumerate(lines):
        if i > 0 and len(line.text) < 120 and _TAIL.search(line.text):
            return i
    return None


def _published(lines: Sequence[Line]) -> str | None:
    for line in lines:
        if m := _PUBLISHED_FR.search(line.text):
            day, month, year, hh, mm, ss = m.groups()
            date = f"{year}-{int(month):02d}-{int(day):02d}"
            return f"{date}T{int(hh):02d}:{mm}:{ss or '00'}" if hh else date
        if m := _ISO.match(line.text):
            return f"{m.group(1)}T{m.group(2)}" if m.group(2) else m.group(1)
    for line in lines[:6]:
        if len(line.text) < 80 and (m := _WORDY_DATE.search(line.text)):
            return f"{m.group(3)}-{_MONTHS[m.group(2).lower()]:02d}-{int(m.group(1)):02d}"
    return None


def extract(lines: Sequence[Line], html: str | None = None) -> Meta:
    """Find title, outlet and publication date among the lines (and HTML metadata when given)."""
    meta = Meta(tail=_find_tail(lines))
    head = list(lines[: meta.tail])
    if html is not None:
        import trafilatura

        doc = trafilatura.extract_metadata(html)
        if doc is not None:
            meta.title, meta.outlet, meta.published = doc.title, doc.sitename, doc.date
    if head and meta.title is None:
        first = head[0].text
        if m := _TITLE_SUFFIX.match(first):
            meta.title, meta.outlet = m.group(1), m.group(2).strip()
        else:
            for i in range(min(2, len(head) - 1)):
                if _key(head[i].text) == _key(head[i + 1].text):
                    meta.title = head[i].text
                    if i == 1 and _words(first) <= 5 and not first.endswith((".", "!", "?")):
                        meta.outlet = first
                    break
            else:
                if len(head) > 2 and _words(first) <= 20 and not first.endswith((".", "!", "?", "…", ":")):
                    meta.title = first
    if meta.outlet is None:
        for line in lines:
            if m := _DOMAIN.match(line.text):
                meta.outlet = m.group(1)
                break
            if m := re.match(r"^(\S+) est un site d.information", line.text, re.IGNORECASE):
                meta.outlet = m.group(1)
                break
    meta.published = meta.published or _published(head)
    return meta


def classify(lines: Sequence[Line], meta: Meta) -> list[str | None]:
    """For each line, the name of the rule that removes it, or None when it is article text."""
    title_key = _key(meta.title) if meta.title else None
    out: list[str | None] = []
    seen: set[str] = set()
    for i, line in enumerate(lines):
        text, key = line.text, _key(line.text)
        rule: str | None = None
        if meta.tail is not None and i >= meta.tail:
            rule = "comments_or_footer"
        elif title_key and (key == title_key or (i == 0 and title_key in key)):
            rule = "title"
        elif (meta.outlet and key == _key(meta.outlet)) or _DOMAIN.match(text):
            rule = "outlet"
        else:
            rule = next((name for name, pattern in _LINE_RULES if pattern.search(text)), None)
        if rule is None and key in seen:
            rule = "repeated"
        seen.add(key)
        out.append(rule)
    return out


# Kept as one string per language (ruff's SIM905 would explode them into long lists).
STOPWORDS = {
    lang: frozenset(words.split())
    for lang, words in {
        # the most frequent words of each, those it shares included ("de", "en", "la"): the words of
        # one language only decide ("l'", "d'", "qu'" and "est" against "el", "los", "y")
        "fr": "le la les des du une est et dans pour que qui sur par avec ont été pas au aux cette de en un"
        " il elle se sa son ses ne plus mais ou où à l d qu n s a",
        "en": "the of and to in is that for on with was are by this have from has were a an it he",
        "es": "el la los las de del que y en un una por con para es se su al lo como más pero sus a",
        "de": "der die das und ist nicht mit den von zu ein eine auf für sich dem des im",
        "it": "il la di che e un una per con non del della sono gli le in è da l a",
        "pt": "o a os as de do da que e em um uma para com não por se no na",
    }.items()
}


def stopword_hits(text: str) -> dict[str, int]:
    """How many of a text's words are each language's stopwords."""
    words = re.findall(r"[a-zà-ÿ]+", text.casefold())
    return {lang: sum(1 for w in words if w in stops) for lang, stops in STOPWORDS.items()}


def detect_language(text: str) -> str:
    """ISO 639-1 code of the language with the most stopword hits ('unknown' below 5 hits)."""
    lang, hits = max(stopword_hits(text).items(), key=lambda kv: kv[1])
    return lang if hits >= 5 else "unknown"
