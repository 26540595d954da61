"""Alignment, the checker's first layer: a fact's quote → a span of the raw source.

Order of attempts, first in the cited sentence, then in every sentence:
1. ``exact``: the quote is a substring of the sentence (``str.find``; the quote is never a regex);
2. ``normalized``: equal after `normalize` (case, accents, ’/', «»/"", NBSP, œ/oe, dashes,
   whitespace, leading/trailing punctuation), with offsets mapped back character by character;
3. ``fuzzy``: rapidfuzz partial-ratio alignment, accepted at score ≥ ``FUZZY_MIN`` for quotes of at
   least ``FUZZY_MIN_CHARS`` normalised characters whose aligned span is 0.75-1.33 times as long.
Otherwise ``none``: the fact is never reported as verified.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz

from summarizer.ingest import Article, SentenceSpan
from summarizer.models import Alignment

FUZZY_MIN = 90.0
FUZZY_MIN_CHARS = 12

_FOLD = {
    "’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'",
    "«": " ", "»": " ", "“": " ", "”": " ", "„": " ", '"': " ",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\t": " ", "\n": " ", "\r": " ",
    "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-",
    "œ": "oe", "æ": "ae", "…": "...",
}  # fmt: skip
_EDGE = " .,;:!?'-()[]"


@cache
def _fold_char(ch: str) -> str:
    lower = ch.casefold()
    folded = _FOLD.get(lower)
    if folded is None:
        base = unicodedata.normalize("NFKD", lower)
        folded = "".join(c for c in base if not unicodedata.combining(c))
    return folded


def normalize_map(text: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index of the source character."""
    out: list[str] = []
    index: list[int] = []
    for i, ch in enumerate(text):
        for c in _fold_char(ch):
            if c == " " and (not out or out[-1] == " "):
                continue
            out.append(c)
            index.append(i)
    while out and out[-1] == " ":
        out.pop()
        index.pop()
    return "".join(out), index


def normalize(text: str) -> str:
    """Normalised text with leading and trailing punctuation removed."""
    return normalize_map(text)[0].strip(_EDGE)


@dataclass(frozen=True)
class Located:
    status: Alignment
    score: float
    start: int | None = None  # raw offsets
    end: int | None = None
    sentence: int | None = None
    detail: str = ""
    text: str = ""  # the span's visible text (raw minus markup, for HTML)
    last: int | None = None  # the sentence it ends in, when it runs on past ``sentence``


def _in_sentence(article: Article, sentence: SentenceSpan, quote: str) -> Located | None:
    """Exact, then normalised match of ``quote`` inside one sentence."""
    text = sentence.text
    pos = text.find(quote)
    if pos != -1 and quote:
        return _located(article, sentence, "exact", 100.0, pos, pos + len(quote))
    norm_text, index = normalize_map(text)
    norm_quote = normalize(quote)
    if norm_quote:
        pos = norm_text.find(norm_quote)
        if pos != -1:
            end = index[pos + len(norm_quote) - 1] + 1
            return _located(article, sentence, "normalized", 100.0, index[pos], end)
    return None


def _fuzzy(article: Article, sentence: SentenceSpan, quote: str) -> Located | None:
    norm_text, index = normalize_map(sentence.text)
    norm_quote = normalize(quote)
    if len(norm_quote) < FUZZY_MIN_CHARS or not norm_text:
        return None
    found = fuzz.partial_ratio_alignment(norm_quote, norm_text)
    if found is None:
        return None
    length = found.dest_end - found.dest_start
    if not 0.75 <= length / len(norm_quote) <= 1.33:
        return None
    start, end = index[found.dest_start], index[found.dest_end - 1] + 1
    return _located(article, sentence, "fuzzy", round(found.score, 1), start, end)


def _located(
    article: Article, sentence: SentenceSpan, status: Alignment, score: float, s: int, e: int
) -> Located:
    raw_start, raw_end = article.view.raw_span(sentence.vstart + s, sentence.vstart + e)
    last = None  # the span runs on past its first sentence only when a quote spans two (``_across``)
    if raw_end > article.sentences[sentence.n - 1].end:
        last = max(t.n for t in article.sentences[sentence.n :] if t.start < raw_end)
    return Located(status, score, raw_start, raw_end, sentence.n, text=sentence.text[s:e], last=last)


def joined(article: Article, n: int, last: int) -> SentenceSpan:
    """Sentences ``n`` to ``last`` as one span of the text view."""
    first, end = article.sentences[n - 1], article.sentences[last - 1]
    text = article.view.text[first.vstart : end.vstart + len(end.text)]
    return SentenceSpan(n, first.start, end.end, text, first.vstart)


def _across(article: Article, quote: str) -> Located | None:
    """A quote that runs over two consecutive sentences ("…à la maternité. Maintenant, on met…")."""
    for n in range(1, len(article.sentences)):
        if hit := _in_sentence(article, joined(article, n, n + 1), quote):
            return hit
    return None


def locate(article: Article, quote: str, cited: int | None) -> Located:
    """Find ``quote`` in the article: cited sentence first, then anywhere; exact → normalised → fuzzy."""
    first = article.sentence(cited) if cited is not None else None
    order = ([first] if first else []) + [s for s in article.sentences if s is not first]
    for sentence in order:
        if hit := _in_sentence(article, sentence, quote):
            return hit
    if hit := _across(article, quote):
        return hit
    candidates = [hit for s in order if (hit := _fuzzy(article, s, quote))]
    accepted = [hit for hit in candidates if hit.score >= FUZZY_MIN]
    if accepted:
        # Prefer the cited sentence on ties: `max` keeps the first of equal scores.
        return max(accepted, key=lambda hit: hit.score)
    best = max((hit.score for hit in candidates), default=0.0)
    if first is not None:
        where = f"sentence {cited}"
    else:
        where = "any sentence" if cited is None else f"any sentence (sentence {cited} does not exist)"
    return Located(
        "none",
        best,
        detail=f"quote not found in {where} nor elsewhere; best fuzzy score {best:.0f} < {FUZZY_MIN:.0f}",
    )
