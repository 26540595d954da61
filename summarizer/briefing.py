"""Briefing: one Markdown document across a batch of digests, built from verified facts only.

1. load: read each digest, find its source and check it again (stored checks are never trusted; a
   digest whose source is missing keeps its stored checks, and the briefing says so);
2. consolidate (``consolidate``): entities, topics, corroboration, discrepancies, dates;
3. render, without an LLM, so the same digests give byte-identical Markdown: header, executive summary
   (only with ``exec_summary``, and only if every sentence passes the summary check), key points,
   timeline, quantities, who claims what, discrepancies, entities, articles, appendix of partial and
   rejected facts, footnotes (French quote, file, offsets). The layout is documented and versioned in
   ``schemas/briefing.md``.
"""

from __future__ import annotations

from pathlib import Path

from summarizer import __version__
from summarizer.batch import Batch, ExecSummary
from summarizer.consolidate import Cluster, Dated, Entities, Item, clusters_of, dates_of, items_of
from summarizer.discrepancies import (
    Discrepancy,
    denial_discrepancies,
    quantity_discrepancies,
    role_discrepancies,
    value_text,
)
from summarizer.markdown import md, quote
from summarizer.models import ArticleMeta, CheckResult
from summarizer.reviewed import appendix_lines, header_row, sentence_used, stale_notes, tag

BRIEFING_FORMAT = "1.0"
KEY_POINTS = 8
_CERTAINTY_ORDER = ("denied", "alleged", "speculative", "reported", "asserted")


# --- rendering ---------------------------------------------------------------------------------------


class _Doc:
    """Lines of Markdown and the footnotes they cite, in order of first citation."""

    def __init__(self, batch: Batch) -> None:
        self.batch = batch
        self.lines: list[str] = []
        self.cited: dict[str, Item] = {}

    def add(self, *lines: str) -> None:
        self.lines.extend(lines)

    def cite(self, *items: Item) -> str:
        for item in items:
            self.cited.setdefault(item.key, item)
        return "".join(f"[^{item.key}]" for item in items)

    def footnote(self, item: Item) -> str:
        span, meta = item.span, item.digest.article
        where = _where(meta, (span.start, span.end)) if span else md(meta.path)
        sentence = item.fact.check.sentence if item.fact.check else None
        words = quote(span.text) if span else f"quote not found in the source: {quote(item.fact.quote)}"
        mark = item.review
        verdict = item.verdict + (f" ({md(mark.describe())})" if mark is not None and not mark.stale else "")
        return f"[^{item.key}]: A{item.article} {item.fact.id}, {verdict}: {words} — {where}" + (
            f", sentence {sentence}" if sentence else ""
        )


def _where(meta: ArticleMeta, at: tuple[int, int]) -> str:
    return f"{md(meta.path)}, characters {at[0]}–{at[1]}"


def _published(meta: ArticleMeta) -> str:
    return md((meta.published or "undated")[:10])


def _failures(checks: list[CheckResult]) -> str:
    return "; ".join(f"{md(c.name)}: {md(c.detail)}" for c in checks if not c.ok)


def _article_label(batch: Batch, n: int) -> str:
    meta = batch.digests[n - 1].article
    return f"A{n} ({md(meta.outlet or meta.id)})"


def _certainty_tag(item: Item) -> str:
    certainty = "" if item.fact.certainty == "asserted" else f" *({item.fact.certainty})*"
    return certainty + tag(item.review)


def _header(doc: _Doc, items: list[Item]) -> None:
    batch = doc.batch
    metas = [d.article for d in batch.digests]
    dates = sorted(m.published[:10] for m in metas if m.published)
    undated = len(metas) - len(dates)
    outlets = sorted({m.outlet for m in metas if m.outlet})
    no_outlet = sum(not m.outlet for m in metas)
    models = sorted({f"{d.run.backend} / {d.run.model}" for d in batch.digests})
    verdicts = [i.verdict for i in items]
    covered = f"{dates[0]} to {dates[-1]}" if dates else "no publication date found"
    doc.add(
        f"# Briefing: {len(metas)} articles",
        "",
        "| | |",
        "|---|---|",
        f"| Articles | {len(metas)} (A1–A{len(metas)}, see *Articles*) |",
        f"| Outlets | {md(', '.join(outlets)) or 'none named'}"
        + (f"; {no_outlet} without an outlet |" if outlets and no_outlet else " |"),
        f"| Published | {covered}" + (f"; {undated} undated |" if undated else " |"),
        f"| Backend and model | {md('; '.join(models))} |",
        f"| Digests generated at | {md(batch.generated_at or 'not recorded (no run.json)')} |",
        f"| Facts | {len(items)}: {verdicts.count('verified')} verified, {verdicts.count('partial')} partial,"
        f" {verdicts.count('unsupported')} rejected |",
        *header_row(batch.reviews),
        f"| Checked again | {len(batch.sources)} of {len(metas)} digests against their sources |",
        f"| Layout | briefing {BRIEFING_FORMAT}, summarizer {__version__} |",
        "",
        "Only verified facts appear in the body; partial and rejected facts are in the appendix with the"
        " checks they failed. Each footnote gives the French words a fact rests on, the file and the offsets.",
        "",
    )
    if batch.reviews:
        doc.add(
            "An analyst's review overrides the checker: a rejected fact or summary sentence is left out of"
            " the body, an accepted partial one may appear in it, marked *(accepted by …)*.",
            "",
        )
    stale = stale_notes(batch.reviews)
    for note in [*batch.notes, *stale]:
        doc.add(f"- Note: {md(note)}")
    for left in batch.left_out:
        doc.add(f"- Left out: {md(left)}")
    if batch.notes or batch.left_out or stale:
        doc.add("")


def _exec(doc: _Doc, summary: ExecSummary | None) -> None:
    if summary is None:
        return
    doc.add("## Executive summary", "")
    if summary.sentences:
        doc.add(" ".join(f"{md(text)}{doc.cite(*cited)}" for text, cited in summary.sentences), "")
    else:
        doc.add(f"*Left out: {md(summary.note)}.*", "")


def _key_points(doc: _Doc, clusters: list[Cluster], items: list[Item]) -> None:
    doc.add("## Key points", "")
    doc.add("Topics with verified facts, most corroborated first; independent = distinct outlets.", "")
    shown = [c for c in clusters if c.verified][:KEY_POINTS]
    for c in shown:
        arts = sorted({i.article for i in c.verified})
        others = sorted({i.article for i in c.items} - set(arts))
        also = f"; also in {', '.join(f'A{a}' for a in others)}, not verified" if others else ""
        doc.add(
            f"- **{md(c.topic.describe())}**: {c.corroboration} independent"
            f" source{'s' if c.corroboration != 1 else ''} ({', '.join(_article_label(doc.batch, a) for a in arts)}){also}"
        )
        for item in c.verified:
            doc.add(f"  - {md(item.fact.statement)}{_certainty_tag(item)}{doc.cite(item)}")
    if not shown:
        doc.add("No verified fact could be tied to a topic.")
    doc.add("")


def _timeline(doc: _Doc, items: list[Item]) -> None:
    doc.add("## Timeline", "")
    dated: list[Dated] = [d for i in items if i.used for d in dates_of(i)]
    placed = sorted((d for d in dated if d.date), key=lambda d: (d.date.value if d.date else "", d.item.key))
    if placed:
        doc.add("| Date | Precision | Event | Source words |", "|---|---|---|---|")
        for d in placed:
            note = f" ({md(d.date.note)})" if d.date and d.date.note else ""
            value = d.date.value if d.date else ""
            doc.add(
                f"| {value} | {d.precision}{note} | {md(d.item.fact.statement)}{tag(d.item.review)}"
                f"{doc.cite(d.item)} | {quote(d.mention)} |"
            )
    else:
        doc.add("No verified fact carries a date that could be placed.")
    for d in (d for d in dated if d.date is None):
        doc.add(
            "",
            f"- Not placed: {quote(d.mention)}: {md(d.why)}; {md(d.item.fact.statement)}"
            f"{tag(d.item.review)}{doc.cite(d.item)}",
        )
    doc.add("")


def _quantities(doc: _Doc, items: list[Item]) -> None:
    doc.add("## Quantities", "")
    rows = [i for i in items if i.used and i.fact.type == "quantity"]
    if not rows:
        doc.add("No verified quantity.", "")
        return
    doc.add("| Value | Unit | Qualifier | Source words | Statement | Article |", "|---|---|---|---|---|---|")
    for i in rows:
        if i.fact.type != "quantity":
            continue
        q = i.fact.quantity
        doc.add(
            f"| {value_text(q)} | {md(q.unit)} | {q.qualifier.replace('_', ' ')} | {quote(q.mention)} |"
            f" {md(i.fact.statement)}{tag(i.review)}{doc.cite(i)} | {_article_label(doc.batch, i.article)} |"
        )
    doc.add("")


def _who(doc: _Doc, items: list[Item]) -> None:
    doc.add("## Who claims what", "")
    doc.add(
        "Certainty as the source gives it: alleged, denied and speculative are kept apart from asserted.", ""
    )
    doc.add("| Certainty | Who says it | Statement | Article |", "|---|---|---|---|")
    verified = [i for i in items if i.used]
    for i in sorted(verified, key=lambda i: (_CERTAINTY_ORDER.index(i.fact.certainty), i.article)):
        who = i.fact.attributed_to
        if who is not None:
            speaker = f"{md(who.name)} ({quote(who.mention)})"
        else:
            speaker = "the article itself" if i.fact.certainty == "asserted" else "not named in the span"
        doc.add(
            f"| {i.fact.certainty} | {speaker} | {md(i.fact.statement)}{tag(i.review)}{doc.cite(i)} |"
            f" {_article_label(doc.batch, i.article)} |"
        )
    doc.add("")


def _discrepancies(doc: _Doc, found: list[Discrepancy]) -> None:
    doc.add("## Discrepancies", "")
    doc.add("Where the sources disagree they are shown side by side; the briefing does not choose.", "")
    if not found:
        doc.add("No discrepancy found between the articles' checked facts.", "")
    titles = {"quantity": "Quantities that disagree", "role": "Role differs between articles",
              "denial": "Asserted in one article, denied in another"}  # fmt: skip
    for d in found:
        doc.add(f"### {titles[d.kind]}: {md(d.subject)}", "")
        doc.add("| Article | Published | Says | Verdict | Evidence |", "|---|---|---|---|---|")
        for side in d.sides:
            meta = doc.batch.digests[side.article - 1].article
            if side.item is not None:
                says = f"{md(side.says)}: {md(side.item.fact.statement)}"
                evidence, verdict = doc.cite(side.item), side.item.verdict
                if side.item.verdict != "verified":
                    verdict += f" (failed: {md(', '.join(side.item.failed()))})"
                verdict += tag(side.item.review)
            else:
                says, verdict = quote(side.says), "source words"
                evidence = _where(meta, side.at) if side.at else ""
            doc.add(
                f"| {_article_label(doc.batch, side.article)} | {_published(meta)} | {says} |"
                f" {verdict} | {evidence} |"
            )
        doc.add("")


def _entities(doc: _Doc, entities: Entities) -> None:
    doc.add("## Entities", "")
    doc.add("One entry per person, country or body; spellings from checked names and the sources.", "")
    for e in entities.clusters:
        arts = ", ".join(f"A{a}" for a in e.articles)
        doc.add(f"- **{md(e.name)}**: {', '.join(md(s) for s in e.spellings)} ({arts})")
    doc.add("")


def _articles(doc: _Doc, items: list[Item]) -> None:
    doc.add("## Articles", "")
    for n, digest in enumerate(doc.batch.digests, 1):
        meta = digest.article
        own = [i for i in items if i.article == n]
        verdicts = [i.verdict for i in own]
        doc.add(
            f"### A{n}: {md(meta.title or meta.id)}",
            "",
            f"{md(meta.outlet or 'no outlet')} · {_published(meta)} · {md(meta.path)} ·"
            f" {len(own)} facts: {verdicts.count('verified')} verified, {verdicts.count('partial')} partial,"
            f" {verdicts.count('unsupported')} rejected",
            "",
        )
        by_id = {i.fact.id: i for i in own}
        marks = [doc.batch.reviews.get(f"A{n}-S{k}") for k in range(1, len(digest.summary) + 1)]
        rejected = {i.fact.id for i in own if i.rejected}
        lines = [(s, m) for s, m in zip(digest.summary, marks, strict=True) if sentence_used(s, m, rejected)]
        for s, m in lines:
            cited = doc.cite(*(by_id[f] for f in s.fact_ids if f in by_id))
            doc.add(f"- {md(s.text)}{tag(m)}{cited}")
        if not lines:
            doc.add("- No summary sentence passed the summary check.")
        left = len(digest.summary) - len(lines)
        if left:
            doc.add(f"- *{left} summary sentence{'s' if left > 1 else ''} left out: see the appendix.*")
        doc.add("")


def _appendix(doc: _Doc, items: list[Item]) -> None:
    doc.add("## Appendix: partial and rejected facts", "")
    doc.add("Not used in the body. Each with the checks it failed.", "")
    for n, digest in enumerate(doc.batch.digests, 1):
        weak = [i for i in items if i.article == n and not i.used]
        marks = [doc.batch.reviews.get(f"A{n}-S{k}") for k in range(1, len(digest.summary) + 1)]
        rejected = {i.fact.id for i in items if i.article == n and i.rejected}
        lines = [
            (s, m) for s, m in zip(digest.summary, marks, strict=True) if not sentence_used(s, m, rejected)
        ]
        if not weak and not lines:
            continue
        doc.add(f"### A{n}", "")
        for i in weak:
            failed = _failures(i.fact.check.checks if i.fact.check else []) or "not checked"
            cite = doc.cite(i) if i.span else f" (quote not found: {quote(i.fact.quote)})"
            lines_out = [f"- **{i.fact.id}** {i.verdict}: {md(i.fact.statement)}{cite}"]
            if i.verdict != "verified":
                lines_out.append(f"  - failed: {failed}")
            if i.fact.check and i.fact.check.coverage:
                lines_out.append(f"  - confirmed: {md(i.fact.check.coverage)}")
            doc.add(*lines_out, *appendix_lines(i.review, i.verdict))
        for s, m in lines:
            failed = _failures(s.check.checks if s.check else [])
            verdict = s.check.verdict if s.check else "unsupported"
            doc.add(f"- Summary sentence left out: {md(s.text)}")
            if verdict != "verified":
                doc.add(f"  - failed: {failed or 'not checked'}")
            if rejected & set(s.fact_ids):
                doc.add(f"  - cites a rejected fact: {', '.join(sorted(rejected & set(s.fact_ids)))}")
            doc.add(*appendix_lines(m, verdict))
        doc.add("")


def render_briefing(batch: Batch, summary: ExecSummary | None = None) -> str:
    """The briefing as Markdown; the same batch (and summary) always gives the same text."""
    items = items_of(batch.digests, batch.reviews)
    body = [i for i in items if not i.rejected]  # an analyst's rejection keeps a fact out of the body
    entities = Entities(body)
    entities.read_sources(batch.sources)
    clusters, _ = clusters_of(body, entities)
    found = (
        quantity_discrepancies(clusters)
        + role_discrepancies(batch.digests, batch.sources, entities)
        + denial_discrepancies(clusters)
    )
    doc = _Doc(batch)
    _header(doc, items)
    _exec(doc, summary)
    _key_points(doc, clusters, items)
    _timeline(doc, items)
    _quantities(doc, items)
    _who(doc, items)
    _discrepancies(doc, found)
    _entities(doc, entities)
    _articles(doc, items)
    _appendix(doc, items)
    doc.add("## Sources", "")
    doc.add(*(doc.footnote(item) for item in doc.cited.values()))
    return "\n".join(doc.lines) + "\n"


def write_briefing(
    batch: Batch, out: Path, html: Path | None = None, summary: ExecSummary | None = None
) -> str:
    """Write the briefing's Markdown (and, if asked, its HTML page) atomically; return the Markdown."""
    from summarizer.htmlview import render_briefing_html
    from summarizer.render import write_text

    text = render_briefing(batch, summary)
    write_text(out, text)
    if html is not None:
        pages = [(n, batch.paths[n - 1], batch.digests[n - 1], a) for n, a in sorted(batch.sources.items())]
        write_text(html, render_briefing_html(text, pages, batch.reviews))
    return text
