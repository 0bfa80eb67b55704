"""Annexes in Markdown: the annex IR as headed sections and pipe tables."""

from __future__ import annotations

from modellaw.annex import Annex, Cell, Span

_MARKS = {"text": ("", ""), "strong": ("**", "**"), "insert": ("<ins>", "</ins>"), "delete": ("<del>", "</del>")}


def write_annex_markdown(annex: Annex, label: str = "Annex") -> str:
    """Return ``annex`` as Markdown (inserted words in ``<ins>``, deleted in ``<del>``)."""
    out = [f"## {label} — {annex.title}", "", annex.subtitle, ""]
    for section in annex.sections:
        out += [f"### {section.heading}", ""]
        if section.note:
            out += [f"*{section.note}*", ""]
        if section.table is not None:
            out.append("| " + " | ".join(section.table.columns) + " |")
            out.append("|" + "---|" * len(section.table.columns))
            out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in section.table.rows]
            out.append("")
        out += [f"- {item}" for item in section.items] + ([""] if section.items else [])
    return "\n".join(out).rstrip() + "\n"


def _cell(cell: Cell) -> str:
    return "<br>".join("".join(_span(s) for s in line) for line in cell)


def _span(span: Span) -> str:
    opening, closing = _MARKS[span.kind]
    text = span.text.replace("|", "\\|").replace("\t", " ")
    return f"{opening}{text}{closing}" if text.strip() else text
