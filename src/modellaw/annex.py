"""Annex IR and its builders: the concordance of one draft and the comparison of two.

Annexes are built from numbered IRs, so they cite the same article labels as the drafts; the
Word and Markdown writers both read this IR.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from modellaw.catalogue import Catalogue
from modellaw.compare import ArticlePair, align, article_lines, word_diff
from modellaw.ir import Article, Document

SpanKind = Literal["text", "strong", "insert", "delete"]


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text in an annex cell: plain, strong, inserted (underlined) or deleted (struck)."""

    text: str
    kind: SpanKind = "text"


Cell = tuple[tuple[Span, ...], ...]
"""A table cell: one or more lines, each a sequence of spans."""


@dataclass(frozen=True, slots=True)
class Table:
    """A table with a header row; ``widths`` are relative column widths."""

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    widths: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class AnnexSection:
    """A headed part of an annex: an explanatory note, a table, and/or a list."""

    heading: str
    note: str | None = None
    table: Table | None = None
    items: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Annex:
    """An annex: title, the line under it, and its sections."""

    title: str
    subtitle: str
    sections: tuple[AnnexSection, ...]


def text(value: str, kind: SpanKind = "text") -> Cell:
    """Return a one-line cell holding ``value``."""
    return ((Span(value, kind),),)


def lines(values: list[str]) -> Cell:
    """Return a cell with one line per value."""
    return tuple((Span(v),) for v in values) or ((Span(""),),)


# --- concordance ------------------------------------------------------------------------------


def concordance(document: Document, catalogue: Catalogue) -> Annex:
    """Return the concordance annex: articles to sources and recommendations, and the reverse tables."""
    articles = document.articles()
    sections = (
        AnnexSection("Articles, sources and recommendations", table=_article_table(articles)),
        AnnexSection("Instruments and the articles citing them", table=_instrument_table(articles, catalogue)),
        AnnexSection("Recommendations and the articles answering them", note=_RECOMMENDATION_NOTE, table=_recommendation_table(articles, catalogue)),
        AnnexSection("Gaps: recommendations no article answers", note=_GAP_NOTE, items=_gaps(articles, catalogue)),
    )
    return Annex("Concordance", f"{document.meta.title} — version {document.meta.version}", sections)


_RECOMMENDATION_NOTE = ("Every recommendation of the outcome documents, statements and policy briefs on which the law draws, "
                        "in the words of this annex; L marks those legislation can answer.")
_GAP_NOTE = "Recommendations legislation can answer are marked [legislative]; the others call for capacity building, awareness or diplomacy."


def _article_table(articles: list[Article]) -> Table:
    rows = []
    for a in articles:
        sources = [s.format() for s in a.sources] or ["—"]
        rows.append((text(a.label or ""), text(a.title), text(a.status or "—"), lines(sources), lines(list(a.answers) or ["—"])))
    return Table(("Article", "Title", "Status", "Instruments and pinpoints", "Recommendations"), tuple(rows), (10, 18, 12, 32, 28))


def _instrument_table(articles: list[Article], catalogue: Catalogue) -> Table:
    citing: dict[str, list[str]] = {}
    for a in articles:
        for s in a.sources:
            citing.setdefault(s.instrument_id, [])
            if a.label not in citing[s.instrument_id]:
                citing[s.instrument_id].append(a.label or "")
    rows = []
    for instrument_id in sorted(citing, key=lambda i: catalogue.instruments[i].short if i in catalogue.instruments else i):
        instrument = catalogue.instruments.get(instrument_id)
        name = instrument.short if instrument else instrument_id
        kind = ("binding " if instrument and instrument.binding else "") + (instrument.kind if instrument else "")
        rows.append((text(name), text(kind.strip() or "—"), text(", ".join(citing[instrument_id]))))
    return Table(("Instrument", "Kind", "Articles"), tuple(rows), (40, 20, 40))


def _recommendation_table(articles: list[Article], catalogue: Catalogue) -> Table:
    answering: dict[str, list[str]] = {}
    for a in articles:
        for rec in a.implements:
            answering.setdefault(rec, []).append(a.label or "")
    rows = []
    for rec in catalogue.recommendations.values():
        labels = answering.get(rec.id)
        rows.append((text(rec.cite()), text("L" if rec.legislative else ""), text(rec.paraphrase),
                     text(", ".join(labels)) if labels else text("gap", "strong")))
    return Table(("Recommendation", "L", "What it asks", "Articles"), tuple(rows), (24, 4, 52, 20))


def _gaps(articles: list[Article], catalogue: Catalogue) -> tuple[str, ...]:
    answered = {r for a in articles for r in a.implements}
    gaps = [r for r in catalogue.recommendations.values() if r.id not in answered]
    return tuple(f"{r.cite()}{' [legislative]' if r.legislative else ''}: {r.paraphrase}" for r in sorted(gaps, key=lambda r: (not r.legislative, r.id)))


# --- comparison -------------------------------------------------------------------------------

STATUSES = ("unchanged", "changed", "added", "removed", "moved", "renumbered")


def comparison(old: Document, new: Document) -> Annex:
    """Return the side-by-side annex: a summary of counts, then one row per clause that differs."""
    pairs = align(old, new)
    counts = Counter(p.status for p in pairs)
    summary = Table(("Status", "Articles"), tuple((text(s), text(str(counts.get(s, 0)))) for s in STATUSES), (60, 40))
    differing = [p for p in pairs if p.status != "unchanged"]
    old_title = f"{old.meta.title} — version {old.meta.version}"
    new_title = f"{new.meta.title} — version {new.meta.version}"
    sections = [AnnexSection("Summary", note=f"Old: {old_title}. New: {new_title}.", table=summary)]
    if differing:
        rows = tuple(_comparison_row(p) for p in differing)
        sections.append(AnnexSection("Articles compared", note=_COMPARISON_NOTE, table=Table(("Old text", "New text", "What changed"), rows, (40, 40, 20))))
    else:
        sections.append(AnnexSection("Articles compared", note="No differences: the two drafts have the same articles, text, parameters and options."))
    return Annex("Comparison of drafts", f"{old_title} → {new_title}", tuple(sections))


_COMPARISON_NOTE = (
    "Articles are aligned by clause, not by number. Inside the texts, deleted words are struck through "
    "in the old text and inserted words underlined in the new text."
)


def _comparison_row(pair: ArticlePair) -> tuple[Cell, ...]:
    old_lines = [_heading(pair.old), *article_lines(pair.old)] if pair.old else []
    new_lines = [_heading(pair.new), *article_lines(pair.new)] if pair.new else []
    old_cell, new_cell = _diff_cells(old_lines, new_lines)
    return old_cell, new_cell, lines(_what_changed(pair))


def _heading(article: Article) -> str:
    return f"{article.label}. {article.title}"


def _diff_cells(old_lines: list[str], new_lines: list[str]) -> tuple[Cell, Cell]:
    """Return the old and new cells with deletions marked in the old one and insertions in the new one."""
    if not old_lines:
        return text("—"), tuple((Span(line, "insert"),) for line in new_lines)
    if not new_lines:
        return tuple((Span(line, "delete"),) for line in old_lines), text("—")
    old_cell, new_cell = [], []
    pieces = word_diff("\n".join(old_lines), "\n".join(new_lines))
    old_spans = [Span(t, "delete" if k == "delete" else "text") for k, t in pieces if k != "insert"]
    new_spans = [Span(t, "insert" if k == "insert" else "text") for k, t in pieces if k != "delete"]
    old_cell, new_cell = _split_lines(old_spans), _split_lines(new_spans)
    return old_cell, new_cell


def _split_lines(spans: list[Span]) -> Cell:
    """Return the spans cut into lines at newlines."""
    cell: list[tuple[Span, ...]] = []
    current: list[Span] = []
    for span in spans:
        parts = span.text.split("\n")
        for index, part in enumerate(parts):
            if index:
                cell.append(tuple(current))
                current = []
            if part:
                current.append(Span(part, span.kind))
    cell.append(tuple(current))
    return tuple(cell)


def _what_changed(pair: ArticlePair) -> list[str]:
    old, new = pair.old, pair.new
    if old is None:
        return [f"Added as {new.label}" if new else "Added"]
    if new is None:
        return [f"Removed (was {old.label})"]
    notes = []
    if pair.status == "moved":
        notes.append(f"Moved: {old.label} → {new.label}")
    elif old.label != new.label:
        notes.append(f"Renumbered: {old.label} → {new.label}")
    if pair.text_changed:
        notes.append("Text changed")
    if pair.option_change:
        notes.append(f"Option {pair.option_change[0] or '—'} → {pair.option_change[1] or '—'}")
    notes += [f"Value changed: {before or '—'} → {after or '—'}" for _, before, after in pair.parameter_changes]
    if old.version != new.version:
        notes.append(f"Model text revised (version {old.version} → {new.version})")
    return notes or ["No change"]


# --- review book ------------------------------------------------------------------------------


def status_table(document: Document, modules: list[tuple[str, str, str, str]]) -> Annex:
    """Return the annex listing every module (id, title, status, version) with the article holding it."""
    labels = {a.clause_id: a.label or "" for a in document.articles()}
    definitions = labels.get("definitions", "")
    rows = tuple((text(labels.get(cid, definitions if cid.startswith("definitions.") else "—")), text(cid), text(title), text(status), text(version))
                 for cid, title, status, version in modules)
    table = Table(("Article", "Clause", "Title", "Status", "Version"), rows, (12, 28, 38, 12, 10))
    counts = Counter(status for _, _, status, _ in modules)
    note = ", ".join(f"{counts[s]} {s}" for s in ("mandatory", "recommended", "optional")) + "."
    return Annex("Status of the clauses", "Every clause of the library, its status and version", (AnnexSection("Clauses", note=note, table=table),))


def instrument_index(document: Document, catalogue: Catalogue) -> Annex:
    """Return the index of instruments: for each, the articles citing it with their pinpoints."""
    citing: dict[str, list[str]] = {}
    for a in document.articles():
        for s in a.sources:
            where = f"{a.label} ({a.clause_id})" + (f", {s.pinpoint}" if s.pinpoint else "")
            citing.setdefault(s.instrument_id, []).append(where)
    order = sorted(citing, key=lambda i: catalogue.instruments[i].short if i in catalogue.instruments else i)
    rows = tuple((text(catalogue.instruments[i].short if i in catalogue.instruments else i), lines(citing[i])) for i in order)
    return Annex("Index of instruments", "Instruments cited and where", (AnnexSection("Instruments", table=Table(("Instrument", "Cited in"), rows, (35, 65))),))
