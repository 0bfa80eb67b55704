"""Annexes in Word: the annex IR as headed sections, notes, lists and tables of named styles."""

from __future__ import annotations

from modellaw.annex import Annex, Cell, Table
from modellaw.writers._oxml import ParagraphXml, TableXml, run_xml

TEXT_WIDTH = 9072
"""Width of the text block in twips: A4 less 2.5 cm margins."""

SPAN_STYLES = {"text": None, "strong": "ML Strong", "insert": "ML Inserted", "delete": "ML Deleted"}
USED_STYLES = frozenset({"Heading 1", "Heading 2", "ML Title Info", "ML Annex Note", "ML Annex Item", "ML Table Header", "ML Table Text",
                         "ML Table", "ML Strong", "ML Inserted", "ML Deleted"})


def annex_blocks(annex: Annex, style_ids: dict[str, str], label: str = "Annex") -> list[ParagraphXml | TableXml]:
    """Return the blocks of ``annex``: a heading, the subtitle, then each section."""
    owner = f"annex:{annex.title}"
    blocks: list[ParagraphXml | TableXml] = [
        ParagraphXml(style_ids["Heading 1"], run_xml(f"{label} — {annex.title}"), owner),
        ParagraphXml(style_ids["ML Title Info"], run_xml(annex.subtitle), owner),
    ]
    for section in annex.sections:
        blocks.append(ParagraphXml(style_ids["Heading 2"], run_xml(section.heading), owner))
        if section.note:
            blocks.append(ParagraphXml(style_ids["ML Annex Note"], run_xml(section.note), owner))
        if section.table is not None:
            blocks.append(_table(section.table, style_ids, owner))
        blocks += [ParagraphXml(style_ids["ML Annex Item"], run_xml(f"–\t{item}"), owner) for item in section.items]
    return blocks


def _table(table: Table, style_ids: dict[str, str], owner: str) -> TableXml:
    total = sum(table.widths)
    widths = [TEXT_WIDTH * w // total for w in table.widths]
    built = TableXml(style_ids["ML Table"], widths, owner)
    built.add_row([[ParagraphXml(style_ids["ML Table Header"], run_xml(name))] for name in table.columns], header=True)
    for row in table.rows:
        built.add_row([_cell(cell, style_ids) for cell in row])
    return built


def _cell(cell: Cell, style_ids: dict[str, str]) -> list[ParagraphXml]:
    paragraphs = []
    for line in cell:
        runs = "".join(run_xml(span.text, style_ids[SPAN_STYLES[span.kind]] if SPAN_STYLES[span.kind] else None) for span in line)
        paragraphs.append(ParagraphXml(style_ids["ML Table Text"], runs))
    return paragraphs or [ParagraphXml(style_ids["ML Table Text"])]
