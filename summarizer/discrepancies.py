"""Discrepancies between sources, kept side by side rather than resolved: quantities of one topic that
disagree (more than a million shells vs 10,000-12,000 containers), a person's role that differs between
articles (defence minister in 2023, former minister in 2024), a topic one article asserts while another
reports a denial of it."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Literal

from summarizer.check.alignment import normalize
from summarizer.check.verdict import CERTAINTY, MENTION_QUANTITY, QUANTITY_VALUE
from summarizer.consolidate import Cluster, Entities, Item, name_runs
from summarizer.ingest import Article
from summarizer.models import Digest, QuantityValue

# --- 5. discrepancies -----------------------------------------------------------------------------

Kind = Literal["quantity", "role", "denial"]


@dataclass(frozen=True)
class Side:
    """One source's side: what it says (in its own words where it can), from a fact or, for a role,
    from the source text at raw offsets ``at``."""

    article: int
    says: str
    item: Item | None = None
    at: tuple[int, int] | None = None


@dataclass
class Discrepancy:
    kind: Kind
    subject: str
    sides: list[Side]


_DURATIONS = frozenset({"second", "minute", "hour", "day", "week", "month", "year"})


def _interval(item: Item) -> tuple[float, float]:
    if item.fact.type != "quantity":
        return (math.nan, math.nan)
    q = item.fact.quantity
    high = q.value_max if q.value_max is not None else q.value
    return {
        "more_than": (q.value, math.inf),
        "less_than": (0.0, q.value),
        "about": (q.value * 0.8, q.value * 1.2),
    }.get(q.qualifier, (q.value, high))


def _unit_words(item: Item) -> set[str]:
    unit = item.fact.quantity.unit if item.fact.type == "quantity" else ""
    return {w.rstrip("s") for w in re.findall(r"[a-z]+", unit.lower()) if w not in {"of", "the", "a"}}


def _quantities_disagree(a: Item, b: Item) -> bool:
    (lo_a, hi_a), (lo_b, hi_b) = _interval(a), _interval(b)
    return not (_unit_words(a) & _unit_words(b)) or hi_a < lo_b or hi_b < lo_a


def value_text(q: QuantityValue) -> str:
    """A quantity's value or range as a reader writes it: 1,000,000 or 10,000–12,000."""
    return f"{q.value:,.0f}" + (f"–{q.value_max:,.0f}" if q.value_max is not None else "")


def _quantity_label(item: Item) -> str:
    if item.fact.type != "quantity":
        return ""
    q = item.fact.quantity
    qualifier = {"exact": "", "between": ""}.get(q.qualifier, q.qualifier.replace("_", " ") + " ")
    return f"{qualifier}{value_text(q)} {q.unit} («{q.mention}»)"


def quantity_discrepancies(clusters: list[Cluster]) -> list[Discrepancy]:
    """Checked quantities of one topic, from different articles, whose units or values disagree."""
    out = []
    for cluster in clusters:
        sides = [
            i
            for i in cluster.items
            if i.fact.type == "quantity"
            and i.passed(MENTION_QUANTITY, QUANTITY_VALUE)
            and not _unit_words(i) & _DURATIONS  # "for six weeks" is how long, not how much
        ]
        clash = any(
            a.article != b.article and _quantities_disagree(a, b) for a in sides for b in sides if a is not b
        )
        if clash:
            out.append(
                Discrepancy(
                    "quantity",
                    cluster.topic.describe(),
                    [Side(i.article, _quantity_label(i), i) for i in sides],
                )
            )
    return out


def denial_discrepancies(clusters: list[Cluster]) -> list[Discrepancy]:
    """A topic that one article asserts or reports while another reports a denial of it."""
    out = []
    for cluster in clusters:
        denied = [i for i in cluster.items if i.fact.certainty == "denied" and i.passed(CERTAINTY)]
        claimed = [i for i in cluster.verified if not any(d.article == i.article for d in denied)]
        if denied and claimed:
            sides = [Side(i.article, i.fact.certainty, i) for i in claimed + denied]
            out.append(Discrepancy("denial", cluster.topic.describe(), sides))
    return out


_ROLE_RE = re.compile(
    r"(?:(?:l'|le |la )?(?P<former>ancien(?:ne)? |ex-)?(?:actuel(?:le)? |nouveau |nouvelle )?"
    r"(?:premier ministre|ministre|président\w*|secrétaire|dirigeant\w*|chef|porte-parole|ambassadeur|général|commandant)"
    r"(?:\s+(?:russe|nord-coréen\w*|américain\w*|ukrainien\w*|sud-coréen\w*|chinois\w*|de la [\w-]+|de l'[\w-]+|des [\w-]+|du [\w-]+|d'[\w-]+)){0,3})",
    re.IGNORECASE,
)


def roles_in(text: str, tokens: list[str]) -> list[tuple[int, int]]:
    """(start, end) of the role phrases set beside a person's name with the name itself: "le ministre
    russe de la défense Sergei Shoigu", "Sergueï Choïgou, ancien ministre russe de la Défense"."""
    runs = name_runs(text, tokens)
    out = []
    for m in _ROLE_RE.finditer(text):
        role_start, role_end = m.start() + len(m.group(0)) - len(m.group(0).lstrip()), m.end()
        for s, e in runs:
            if s >= role_end and re.fullmatch(r"[\s,]*", text[role_end:s]):
                out.append((role_start, e))
            elif e <= role_start and re.fullmatch(r"\s*,\s*", text[e:role_start]):
                out.append((s, role_end))
    return out


def _role_key(role: str) -> tuple[bool, str]:
    m = _ROLE_RE.search(role)
    text = normalize(m.group(0) if m else role)
    former = bool(m and m.group("former"))
    core = re.sub(r"^(?:l'|le |la )?(?:ancienne? |ex-)?(?:actuelle? |nouveau |nouvelle )?", "", text)
    return former, core


def role_discrepancies(
    digests: list[Digest], sources: dict[int, Article], entities: Entities
) -> list[Discrepancy]:
    """A person whose role, in the source's own words beside the name, differs between articles
    (minister in 2023, former minister in 2024). Reads every sentence of each source found."""
    out = []
    for person in entities.persons():
        tokens = person.tokens
        sides: list[Side] = []
        for n, article in sorted(sources.items()):
            for sentence in article.sentences:
                raw = article.raw[sentence.start : sentence.end]
                found = roles_in(raw, tokens)
                if found:
                    s, e = found[0]
                    sides.append(Side(n, raw[s:e], at=(sentence.start + s, sentence.start + e)))
                    break
        if len({_role_key(side.says) for side in sides}) > 1:
            sides.sort(key=lambda side: (digests[side.article - 1].article.published or "9", side.article))
            out.append(Discrepancy("role", person.name, sides))
    return out
