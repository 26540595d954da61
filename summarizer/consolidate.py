"""Consolidate: what several digests say, merged into one picture without an LLM.

1. items: every fact of every digest, keyed ``A<n>-F<m>`` (articles numbered in the order given);
2. entities: one cluster per person, country or body across spellings (Kim Jong Un / Kim Jong-un / Kim;
   Sergei Shoigu / Sergueï Choïgou / Choïgou; North Korea / RPDC / Pyongyang), from the names whose
   checks passed;
3. topics: what a fact is about, read from its English statement: a verb class (supply, cooperate,
   meet, ...), an object class (arms, technology, ...) and who: actor → recipient (a flipped direction
   is another topic) or, for symmetric verbs, the pair. A denial of "these allegations" takes the topic
   of the fact just before it in the same article;
4. clusters: located facts of one topic; verified members from independent outlets corroborate it;
5. dates of verified facts for the timeline. Discrepancies are found in ``discrepancies``.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from summarizer.check.names import NAME_MIN, canonicals, english_names, fold, name_tokens
from summarizer.check.statement import statement_names
from summarizer.check.values import DateValue, parse_date, published_date
from summarizer.ingest import Article
from summarizer.models import Digest, Fact, Span
from summarizer.review_models import ReviewMark


@dataclass(frozen=True)
class Item:
    """One fact of one digest in the batch, with the analyst's review if any."""

    article: int  # 1-based, in the order the digests were given
    digest: Digest
    fact: Fact
    review: ReviewMark | None = None

    @property
    def key(self) -> str:
        return f"A{self.article}-{self.fact.id}"

    @property
    def verdict(self) -> str:
        return self.fact.check.verdict if self.fact.check else "unsupported"

    @property
    def rejected(self) -> bool:
        """An analyst rejected it (a stale review is not applied)."""
        return self.review is not None and not self.review.stale and self.review.decision == "reject"

    @property
    def used(self) -> bool:
        """Whether it may reach the briefing's body: verified and not rejected, or partial and accepted."""
        accepted = self.review is not None and not self.review.stale and self.review.decision == "accept"
        return (self.verdict == "verified" and not self.rejected) or (self.verdict == "partial" and accepted)

    @property
    def span(self) -> Span | None:
        return self.fact.check.span if self.fact.check else None

    def passed(self, *names: str) -> bool:
        """Whether every named check ran and passed."""
        checks = self.fact.check.checks if self.fact.check else []
        return all(any(c.name == n and c.ok for c in checks) for n in names)

    def failed(self) -> list[str]:
        return [c.name for c in self.fact.check.checks if not c.ok] if self.fact.check else ["not checked"]

    @property
    def source(self) -> str:
        """What makes two articles independent: the outlet, else the article itself."""
        return self.digest.article.outlet or self.digest.article.id


def items_of(digests: list[Digest], reviews: Mapping[str, ReviewMark] | None = None) -> list[Item]:
    """Every fact of every digest, with its review (``reviews`` is keyed ``A<n>-F<m>``)."""
    reviews = reviews or {}
    return [Item(n, d, f, reviews.get(f"A{n}-{f.id}")) for n, d in enumerate(digests, 1) for f in d.facts]


# --- 2. entities ----------------------------------------------------------------------------------


@dataclass
class Entity:
    name: str
    spellings: list[str]
    articles: list[int]

    @property
    def tokens(self) -> list[str]:
        """The folded name tokens of every spelling, for finding the entity in a French text."""
        return sorted({t for n in self.spellings for t in name_tokens(n)})


_NAMED_KINDS = frozenset({"person", "country", "organization", "place"})


def _checked_names(item: Item) -> list[tuple[str, str | None]]:
    """(English name, French mention or None) of a fact, where its name checks passed."""
    f = item.fact
    names: list[tuple[str, str | None]] = []
    for i, e in enumerate(f.entities):
        named = e.kind in _NAMED_KINDS and bool(english_names(e.name))
        if named and item.passed(f"mention:entities[{i}]") and f"name:entities[{i}]" not in item.failed():
            names.append((e.name, e.mention))
    if f.attributed_to is not None and item.passed("mention:attributed_to"):
        names.append((f.attributed_to.name, f.attributed_to.mention))
    if item.verdict == "verified":
        names += [(n, None) for n in statement_names(f.statement) if not canonicals(n)]
    return names


def _spelling_order(name: str) -> tuple[str, str]:
    return name.casefold(), name


def _covers(long: list[str], short: list[str]) -> bool:
    return all(any(fuzz.ratio(s, t) >= NAME_MIN for t in long) for s in short)


class Entities:
    """Name clusters: a table name (North Korea) or a person/body matched by folded tokens; a short name
    that fits two clusters (Kim: Kim Jong Un or Kim Yo Jong) stays on its own."""

    def __init__(self, items: list[Item]) -> None:
        seen: dict[str, set[int]] = defaultdict(set)
        english: Counter[str] = Counter()
        for item in items:
            if item.span is not None:
                for name, mention in _checked_names(item):
                    english[name] += 1
                    for n in (name, mention):
                        if n and n.strip():
                            seen[n.strip()].add(item.article)
        self._of: dict[str, str] = {}
        groups: dict[str, list[str]] = {}
        reps: list[tuple[str, list[str]]] = []
        for name in sorted(seen, key=lambda n: (-len(name_tokens(n)), n)):
            table = canonicals(name)
            if len(table) == 1:
                key = next(iter(table))
            elif table or not name_tokens(name):
                continue
            else:
                tokens = name_tokens(name)
                fits = [k for k, toks in reps if _covers(toks, tokens)]
                key = fits[0] if len(fits) == 1 else name
                if key == name:
                    reps.append((name, tokens))
            self._of[name] = key
            groups.setdefault(key, []).append(name)
        self.clusters: list[Entity] = []
        for key, names in groups.items():
            counts = {n: english[n] for n in names if english[n]}
            display = key if canonicals(key) else max(sorted(counts), key=lambda n: counts[n], default=key)
            self._of.update({n: display for n in names})
            arts = sorted({a for n in names for a in seen[n]})
            self.clusters.append(Entity(display, sorted(set(names), key=_spelling_order), arts))
        self.clusters.sort(key=lambda e: (-len(e.articles), e.name))

    def of(self, name: str) -> str | None:
        """The cluster name for a name, or None when it is not one of the batch's entities."""
        if name in self._of:
            return self._of[name]
        table = canonicals(name)
        if len(table) == 1:
            return next(iter(table))
        tokens = name_tokens(name)
        fits = {
            self._of[n] for n in self._of if not canonicals(n) and tokens and _covers(name_tokens(n), tokens)
        }
        return fits.pop() if len(fits) == 1 else None

    def persons(self) -> list[Entity]:
        return [e for e in self.clusters if not canonicals(e.name)]

    def read_sources(self, sources: dict[int, Article]) -> None:
        """Add each person's spellings as found in the source texts (Sergueï Choïgou, Choïgou)."""
        for person in self.persons():
            tokens = person.tokens
            for n, article in sorted(sources.items()):
                found = {article.raw[s:e] for s, e in name_runs(article.raw, tokens)}
                if found:
                    person.spellings = sorted(set(person.spellings) | found, key=_spelling_order)
                    person.articles = sorted({*person.articles, n})


# --- 3. topics ------------------------------------------------------------------------------------

_VERBS = {
    "supply": r"provid\w*|suppl\w*|deliver\w*|transfer\w*|ship\w*|sen[dt]\w*|export\w*|sold|sell\w*|furnish\w*|expedit\w*|gave|give\w*",
    "cooperate": r"cooperat\w*|co-operat\w*|alliance|allied|allies|partnership|pact|agreement|treaty|engagement",
    "meet": r"visit\w*|met|meet\w*|summit|talks|discuss\w*",
    "use": r"used|uses|using|use|fired|launch\w*",
}  # fmt: skip
_SYMMETRIC = {"cooperate", "meet"}
_OBJECTS = {
    "arms": r"weapon\w*|arms|munition\w*|ammunition|shells?|missiles?|rockets?|artillery|armament\w*|drones?|air defen[cs]e",
    "technology": r"technolog\w*|technical|satellite\w*|nuclear|uranium|intelligence",
    "troops": r"troops|soldiers|workers|personnel",
    "money": r"dollars?|revenue\w*|payment\w*|billions?|millions? of dollars",
}  # fmt: skip
_VERB_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _VERBS.items()) + r")\b")
_OBJECT_RE = re.compile(r"\b(?:" + "|".join(f"(?P<{k}>{v})" for k, v in _OBJECTS.items()) + r")\b")
_TO = re.compile(r"\b(?:to|into|toward|towards|for|with)\s+(?:the\s+)?$")
# "accused by the United States and South Korea of ...": the accusers are not the actor.
_AGENTS = re.compile(r"\b(?:accus|alleg|claim|report|suspect)\w*\s+by\s+[^,;]*?\s+of\b")
_ANAPHORA = re.compile(
    r"\b(?:these|those|the|such)\s+(?:allegations?|accusations?|claims?|reports?|charges?)\b"
)


@dataclass(frozen=True)
class Topic:
    verb: str
    obj: str
    actor: str
    recipient: str | None = None

    def describe(self) -> str:
        what = f"{self.verb} of {self.obj}" if self.obj else self.verb
        if self.verb in _SYMMETRIC:
            return f"{self.actor}: {what}"
        return f"{self.actor} → {self.recipient or '?'}: {what}"


def _mentions(statement: str, entities: Entities) -> list[tuple[int, str]]:
    """(position, entity) of each entity named in an English statement, in order."""
    out = []
    for name in dict.fromkeys(statement_names(statement) + re.findall(r"\b[A-Z][\w-]+\b", statement)):
        entity = entities.of(name)
        if entity is not None:
            out += [(m.start(), entity) for m in re.finditer(rf"\b{re.escape(name)}\b", statement)]
    return sorted(set(out))


def topic_of(fact: Fact, entities: Entities) -> Topic | None:
    """The fact's topic read from its statement, or None when it names no verb class or no one."""
    text = fact.statement
    verb = _VERB_RE.search(text.casefold())
    if verb is None or verb.lastgroup is None:
        return None
    kind = verb.lastgroup
    objects = [m.lastgroup for m in _OBJECT_RE.finditer(text.casefold(), verb.start()) if m.lastgroup]
    obj = objects[0] if objects else ""
    found = _mentions(text, entities)
    if kind in _SYMMETRIC:
        pair = sorted({e for _, e in found})
        return Topic(kind, "", ", ".join(pair[:-1]) + " and " + pair[-1]) if len(pair) >= 2 else None
    agents = [m.span() for m in _AGENTS.finditer(text)]
    before = [(p, e) for p, e in found if p < verb.start() and not any(s <= p < e for s, e in agents)]
    after = [e for p, e in found if p > verb.end() and _TO.search(text[verb.end() : p])]
    if not before:
        return None
    actor = before[-1][1]
    recipient = next((e for e in after if e != actor), None)
    return Topic(kind, obj, actor, recipient)


# --- 4. clusters ----------------------------------------------------------------------------------


@dataclass
class Cluster:
    topic: Topic
    items: list[Item] = field(default_factory=list)

    @property
    def verified(self) -> list[Item]:
        """The facts shown under the topic: verified (or accepted partial) facts that are not denials."""
        return [i for i in self.items if i.used and i.fact.certainty != "denied"]

    @property
    def corroboration(self) -> int:
        """How many independent outlets give a verified fact of this topic."""
        return len({i.source for i in self.verified})


def _sentence(item: Item) -> int:
    return item.fact.check.sentence or 0 if item.fact.check else 0


def clusters_of(items: list[Item], entities: Entities) -> tuple[list[Cluster], dict[str, Topic]]:
    """Clusters of located facts by topic (most corroborated first), and each fact's topic."""
    topics: dict[str, Topic] = {}
    last: dict[int, tuple[int, Topic]] = {}
    for item in sorted(items, key=lambda i: (i.article, _sentence(i))):
        if item.span is None:
            continue
        topic = topic_of(item.fact, entities)
        n = _sentence(item)
        if (
            topic is None
            and item.fact.certainty == "denied"
            and _ANAPHORA.search(item.fact.statement.lower())
        ):
            previous = last.get(item.article)
            topic = previous[1] if previous and n - previous[0] <= 2 else None
        if topic is not None:
            topics[item.key] = topic
            last[item.article] = (n, topic)
    # "North Korea shipped 10,000 containers of weapons": no recipient; it joins the one topic that
    # differs only by naming one.
    for key, topic in list(topics.items()):
        if topic.recipient is None and topic.verb not in _SYMMETRIC:
            fuller = {t for t in topics.values() if t.recipient and t.actor == topic.actor and t.verb == topic.verb
                      and t.obj == topic.obj}  # fmt: skip
            if len(fuller) == 1:
                topics[key] = fuller.pop()
    groups: dict[Topic, Cluster] = {}
    for item in items:
        if item.key in topics:
            groups.setdefault(topics[item.key], Cluster(topics[item.key])).items.append(item)
    ranked = sorted(groups.values(), key=lambda c: (-c.corroboration, -len(c.items), c.items[0].key))
    return ranked, topics


def name_runs(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """Runs of consecutive words in a French text that render a person's name tokens."""
    runs: list[tuple[int, int]] = []
    for m in re.finditer(r"[\w'’-]+", text):
        word = m.group(0)
        pieces = fold(word).split()
        adjoining = bool(runs) and re.fullmatch(r"[ \u00a0]", text[runs[-1][1] : m.start()]) is not None
        name = word[:1].isupper() and any(
            p[:1] == t[:1] and fuzz.ratio(t, p) >= NAME_MIN for t in tokens for p in pieces
        )
        if name or (adjoining and word[:1].isupper() and len(word) <= 2):
            if adjoining:
                runs[-1] = (runs[-1][0], m.end())
            else:
                runs.append((m.start(), m.end()))
    return runs


# --- dates for the timeline ------------------------------------------------------------------------

_MONTHS_FR = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre"
_DATE_RE = re.compile(
    rf"\b(?:(?:début|fin|mi-)\s*)?(?:\d{{1,2}}(?:er)?\s+)?(?:{_MONTHS_FR})(?:\s+\d{{4}})?\b"
    r"|\b(?:en|depuis|dès|des)\s+(?:19|20)\d{2}\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Dated:
    item: Item
    mention: str
    date: DateValue | None  # None: the mention could not be placed
    why: str = ""

    @property
    def precision(self) -> str:
        if self.date is None:
            return "unplaced"
        return {4: "year", 7: "month"}.get(len(self.date.value), "day")


def dates_of(item: Item) -> list[Dated]:
    """The fact's own date when its date check passed, else the date words in its span, each resolved
    against the article's publication date."""
    published = published_date(item.digest.article.published)
    if item.fact.when is not None and item.passed("date"):
        parsed = parse_date(item.fact.when.mention, published)
        if isinstance(parsed, DateValue):
            return [Dated(item, item.fact.when.mention, DateValue(item.fact.when.date, parsed.note))]
    span = item.span.text if item.span else ""
    out = []
    for m in _DATE_RE.finditer(span):
        parsed = parse_date(m.group(0), published)
        if isinstance(parsed, DateValue):
            out.append(Dated(item, m.group(0), parsed))
        else:
            out.append(Dated(item, m.group(0), None, parsed))
    return out
