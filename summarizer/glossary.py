"""What a word-for-word reading of a French sentence would get wrong, said to the model before it
translates: the sentence's fixed expressions ("Premier ministre" is prime minister, not first
minister; "gardes à vue", custody), its false friends ("reportées" is postponed, not reported) and
its French acronyms ("RPDC" is North Korea, which the model expanded as a "Russian Development
Corporation"), from the checker's own tables (``check.table``). The checker rejects the calque either way; told up
front, the model writes the right word the first time instead of on a second call.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from summarizer.check.forms import fold_word
from summarizer.check.lexicon import french_words
from summarizer.check.table import FRENCH_ACRONYMS, IDIOMS

_WORD = re.compile(r"[^\W\d_]+|\d+")
_SPAN = 8  # words: an expression's words lie within this many of each other
# "en tant que" is "as", not "as long as".
_NOT_AFTER = {"tant_que": "en"}
# False friends whose every form news uses means one thing (not "reporter", also a journalist, nor
# "interpelle", also "calls out to"): accented surface word → its English.
_PARTICIPLES = {"reporté": "postponed", "inculpé": "charged", "interpellé": "arrested", "achevé": "completed"}
FALSE_FRIENDS = {
    **{p + end: english for p, english in _PARTICIPLES.items() for end in ("", "e", "s", "es")},
    "interpellation": "arrest",
    "interpellations": "arrests",
    "parquet": "prosecutor's office",
    "actuellement": "currently",
    "prétend": "claims",
    "prétendent": "claim",
    "animateur": "host",
    "animatrice": "host",
}


def glossary(texts: Iterable[str]) -> list[tuple[str, str]]:
    """(French words as the texts write them, their English) for each fixed expression, false friend
    and French acronym of the texts, in order, each once."""
    found: list[tuple[str, str]] = []
    for text in texts:
        tokens = list(_WORD.finditer(text))
        folded = [fold_word(t.group(0)) for t in tokens]
        for key, run in french_words(text).idioms():
            window = _window(folded, run)
            if window and not (window[0] and folded[window[0] - 1] == _NOT_AFTER.get(key)):
                phrase = text[tokens[window[0]].start() : tokens[window[1]].end()]
                found.append((phrase, IDIOMS[key].split(", ")[0]))
        for token in (t.group(0) for t in tokens):
            if english := FALSE_FRIENDS.get(token.lower()) or FRENCH_ACRONYMS.get(token):
                found.append((token, english))
    return list(dict.fromkeys(found))


def _window(folded: list[str], run: frozenset[str]) -> tuple[int, int] | None:
    """The first shortest stretch of words holding every word of an expression."""
    best: tuple[int, int] | None = None
    for i, word in enumerate(folded):
        if word not in run:
            continue
        need = set(run)
        for j in range(i, min(len(folded), i + _SPAN)):
            need.discard(folded[j])
            if not need:
                if best is None or j - i < best[1] - best[0]:
                    best = (i, j)
                break
    return best


def line(entries: list[tuple[str, str]]) -> str:
    """The glossary as the request says it, or "" when there is none."""
    said = "; ".join(f'"{french}" = "{english}"' for french, english in entries)
    return f"Word meanings here: {said}." if said else ""
