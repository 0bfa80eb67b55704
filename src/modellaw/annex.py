"""Annex IR and its builders: the concordance of one draft and the comparison of two.

Annexes are built from numbered IRs, so they cite the same article labels as the drafts; the
Word and Markdown writers both read this IR.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Literal

from modellaw.annex_words import AnnexWords, annex_words
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
    label: str = "Annex"
    """The word that heads the annex ("Annex", "Приложение"), numbered by the writers when there are several."""


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
    words = annex_words(document.meta.language)
    arts, instruments, recommendations, gaps = words.concordance_sections
    sections = (
        AnnexSection(arts, table=_article_table(articles, words, document.meta.language)),
        AnnexSection(instruments, table=_instrument_table(articles, catalogue, words)),
        AnnexSection(recommendations, note=words.recommendation_note, table=_recommendation_table(articles, catalogue, words)),
        AnnexSection(gaps, note=words.gap_note, items=_gaps(articles, catalogue, words)),
    )
    return Annex(words.concordance, _version_line(document, words), sections, words.annex)


def _version_line(document: Document, words: AnnexWords) -> str:
    """Return "<title> — version <version>" in the annex's language."""
    return words.version_line.format(title=document.meta.title, version=document.meta.version)


def _article_table(articles: list[Article], words: AnnexWords, language: str) -> Table:
    from modellaw.vocabulary import vocabulary

    law_words = vocabulary(language)
    rows = []
    for a in articles:
        sources = [s.format(law_words) for s in a.sources] or ["—"]
        rows.append((text(a.label or ""), text(a.title), text(words.status(a.status)), lines(sources), lines(list(a.answers) or ["—"])))
    return Table(words.article_columns, tuple(rows), (10, 18, 12, 32, 28))


def _instrument_table(articles: list[Article], catalogue: Catalogue, words: AnnexWords) -> Table:
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
        kind = (f"{words.binding} " if instrument and instrument.binding else "") + (instrument.kind if instrument else "")
        rows.append((text(name), text(kind.strip() or "—"), text(", ".join(citing[instrument_id]))))
    return Table(words.instrument_columns, tuple(rows), (40, 20, 40))


def _recommendation_table(articles: list[Article], catalogue: Catalogue, words: AnnexWords) -> Table:
    answering: dict[str, list[str]] = {}
    for a in articles:
        for rec in a.implements:
            answering.setdefault(rec, []).append(a.label or "")
    rows = []
    for rec in catalogue.recommendations.values():
        labels = answering.get(rec.id)
        rows.append((text(rec.cite()), text(words.legislative_mark if rec.legislative else ""), text(rec.paraphrase),
                     text(", ".join(labels)) if labels else text(words.gap, "strong")))
    return Table(words.recommendation_columns, tuple(rows), (24, 4, 52, 20))


def _gaps(articles: list[Article], catalogue: Catalogue, words: AnnexWords) -> tuple[str, ...]:
    answered = {r for a in articles for r in a.implements}
    gaps = [r for r in catalogue.recommendations.values() if r.id not in answered]
    tag = f" [{words.legislative_tag}]"
    return tuple(f"{r.cite()}{tag if r.legislative else ''}: {r.paraphrase}" for r in sorted(gaps, key=lambda r: (not r.legislative, r.id)))


# --- comparison -------------------------------------------------------------------------------

STATUSES = ("unchanged", "changed", "added", "removed", "moved", "renumbered")


def comparison(old: Document, new: Document) -> Annex:
    """Return the side-by-side annex: a summary of counts, then one row per clause that differs."""
    pairs = align(old, new)
    words = annex_words(new.meta.language)
    counts = Counter(p.status for p in pairs)
    summary = Table(words.summary_columns, tuple((text(words.pair_statuses.get(s, s)), text(str(counts.get(s, 0)))) for s in STATUSES), (60, 40))
    differing = [p for p in pairs if p.status != "unchanged"]
    old_title, new_title = _version_line(old, words), _version_line(new, words)
    sections = [AnnexSection(words.summary, note=words.old_new.format(old=old_title, new=new_title), table=summary)]
    if differing:
        rows = tuple(_comparison_row(p, words) for p in differing)
        sections.append(AnnexSection(words.articles_compared, note=words.comparison_note, table=Table(words.comparison_columns, rows, (40, 40, 20))))
    else:
        sections.append(AnnexSection(words.articles_compared, note=words.no_differences))
    return Annex(words.comparison, f"{old_title} → {new_title}", tuple(sections), words.annex)


def _comparison_row(pair: ArticlePair, words: AnnexWords) -> tuple[Cell, ...]:
    old_lines = [_heading(pair.old), *article_lines(pair.old)] if pair.old else []
    new_lines = [_heading(pair.new), *article_lines(pair.new)] if pair.new else []
    old_cell, new_cell = _diff_cells(old_lines, new_lines)
    return old_cell, new_cell, lines(_what_changed(pair, words))


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


def _what_changed(pair: ArticlePair, words: AnnexWords) -> list[str]:
    """Return one line per change between the old and the new article, in the annex's language."""
    old, new = pair.old, pair.new
    if old is None:
        return [words.change("added_as", label=new.label or "") if new else words.change("added")]
    if new is None:
        return [words.change("removed", label=old.label or "")]
    notes = []
    if pair.status == "moved":
        notes.append(words.change("moved", old=old.label or "", new=new.label or ""))
    elif old.label != new.label:
        notes.append(words.change("renumbered", old=old.label or "", new=new.label or ""))
    if pair.text_changed:
        notes.append(words.change("text"))
    if pair.option_change:
        notes.append(words.change("option", old=pair.option_change[0] or "—", new=pair.option_change[1] or "—"))
    notes += [words.change("value", before=before or "—", after=after or "—") for _, before, after in pair.parameter_changes]
    if old.version != new.version:
        notes.append(words.change("revised", old=old.version, new=new.version))
    return notes or [words.change("none")]


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
