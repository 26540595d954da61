"""The evidence a fact is checked against: its span, the span's clause, its sentence, and the context
an attribution or a short name may rely on.

Scopes, narrowest first: ``span`` (the located quote), ``clause`` (the span widened to the nearest
clause punctuation: certainty markers count only here), ``sentence``, ``context`` (the preceding
sentences of the same paragraph: "selon X" or "a déclaré X" said once for several sentences; for an
attribution, also the next sentence when it closes the quotation with its speaker), and
``earlier`` (the article up to the sentence: a person named in full earlier may be named short here)
and ``previous`` (the six sentences before, nearest first: where a person the sentence calls "elle"
was named).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summarizer.check.alignment import Located, joined
from summarizer.check.forms import fold_word, lemma
from summarizer.ingest import Article
from summarizer.metadata import stopword_hits

CONTEXT_SENTENCES = 2
REFERENT_SENTENCES = 6  # how far back a person a pronoun stands for may have been named
# A subject pronoun among the first words ("Mardi, à la barre, elle a…").
_OPENS_ON_PRONOUN = re.compile(
    r"^\W*(?:\w+\W+){0,5}?(?:il|elle|ils|elles|celui-ci|celle-ci|ce dernier|cette dernière)\b", re.I
)
# A clitic "en" standing for what the sentence before named ("L'institutrice lui en a pourtant donné
# deux", "Washington en impute la responsabilité"): after a clitic or before an auxiliary, or before a
# word whose lemma is a verb ("impute" → imputer; the preposition takes a noun: "en guerre").
_CLITIC_EN = re.compile(
    r"\b(?:(?:lui|leur|y|n'|s'|l'|m'|il|elle|ils|elles|on)\s*en\s+\w+"
    r"|en\s+(?:a|ont|avait|avaient|aura|auront|est|sont|était)\b"
    r"|(?<![\w'])en\s+(?P<verb>[a-zé]+))",
    re.I,
)
# A sentence that closes a quotation opened before it and names the speaker: `…", a déclaré X.`
_CLOSES_QUOTE = re.compile(r'^[^"«»“”]*["»”]\s*,\s*\S+')
_CLAUSE_EDGE = re.compile(r"[,;:()«»\"“”]|\s(?:--|[-–—])\s|\b(?:mais|tandis que|alors que|car)\b")


@dataclass(frozen=True)
class Evidence:
    span: str
    lead: str  # the sentence before the span
    clause: str
    sentence: str
    sentence_n: int
    context: str
    earlier: str
    closing: str = ""  # the next sentence, when it ends the quotation with its speaker ("…", a déclaré X)
    previous: tuple[str, ...] = ()  # the sentences before, nearest first (a pronoun's referent)
    lang: str = "fr"  # "en": an English source, read in English (``certainty``, ``words``, ``numbers``)

    @property
    def tail(self) -> str:
        """The sentence after the span."""
        return self.sentence[len(self.lead) + len(self.span) :]

    @property
    def attribution_scope(self) -> str:
        return f"{self.context} {self.sentence} {self.closing}".strip()

    @property
    def content_scope(self) -> str:
        """Where the statement's own names and words are confirmed: the sentence, and the sentences
        just before when it opens on a pronoun ("Il était…", "Elles accusent…") that stands for them."""
        return f"{self.context} {self.sentence}".strip() if self.pronoun else self.sentence

    @property
    def pronoun(self) -> bool:
        """Whether the sentence stands for someone or something named before it ("elle a…", "en a")."""
        return bool(_OPENS_ON_PRONOUN.match(self.sentence)) or any(
            not m.group("verb") or finite_verb(m.group("verb")) for m in _CLITIC_EN.finditer(self.sentence)
        )


def finite_verb(word: str) -> bool:
    """Whether a French word is a verb form, not a noun or a gerund ("impute", not "guerre", "disant")."""
    root = lemma(word, "fr")
    return root != fold_word(word) and root.endswith(("er", "ir", "re", "oir")) and not word.endswith("ant")


def _clause(sentence: str, start: int, end: int) -> str:
    before = [m.end() for m in _CLAUSE_EDGE.finditer(sentence, 0, start)]
    after = [m.start() for m in _CLAUSE_EDGE.finditer(sentence, end)]
    return sentence[(before[-1] if before else 0) : (after[0] if after else len(sentence))]


def sentence_evidence(article: Article, n: int) -> Evidence:
    """A whole sentence as the evidence (a claim has no quote)."""
    sentence = article.sentences[n - 1]
    return gather(article, Located("exact", 100.0, sentence.start, sentence.end, n, text=sentence.text))


def gather(article: Article, hit: Located) -> Evidence:
    """The scopes around a located span (``hit`` must have a sentence)."""
    n = hit.sentence or 1
    sentence = joined(article, n, hit.last) if hit.last else article.sentences[n - 1]
    pos = sentence.text.find(hit.text)
    start, end = (pos, pos + len(hit.text)) if pos >= 0 else (0, len(sentence.text))
    context: list[str] = []
    for prev in reversed(article.sentences[max(0, n - 1 - CONTEXT_SENTENCES) : n - 1]):
        gap = article.raw[prev.end : article.sentences[prev.n].start]
        if "\n" in gap:
            break
        context.insert(0, prev.text)
    earlier = " ".join(s.text for s in article.sentences[: n - 1])
    closing = ""
    if (
        n < len(article.sentences)
        and "\n" not in article.raw[sentence.end : article.sentences[n].start]
        and _CLOSES_QUOTE.match(article.sentences[n].text)
    ):
        closing = article.sentences[n].text
    return Evidence(
        span=hit.text,
        lead=sentence.text[:start],
        clause=_clause(sentence.text, start, end),
        sentence=sentence.text,
        sentence_n=n,
        context=" ".join(context),
        earlier=earlier,
        closing=closing,
        previous=tuple(
            s.text for s in reversed(article.sentences[max(0, n - 1 - REFERENT_SENTENCES) : n - 1])
        ),
        lang=source_language(article),
    )


def source_language(article: Article) -> str:
    """The language the checker reads an article in: "en" for English, else "fr"; a text too short
    for the detector (one sentence of a claims file) by its English and French function words."""
    if article.language in ("en", "fr"):
        return article.language
    hits = stopword_hits(" ".join(s.text for s in article.sentences))
    return "en" if hits["en"] > hits["fr"] else "fr"
