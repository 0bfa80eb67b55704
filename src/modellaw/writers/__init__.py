"""Writers: each turns a numbered ir.Document into the bytes of one output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from modellaw.annex import Annex
from modellaw.errors import Diagnostic, Location, WriteError, relpath
from modellaw.ir import Document

Writer = Callable[[Document, Sequence[Annex]], bytes]
AnnexWriter = Callable[[Annex, Document], bytes]


def format_of(fmt: str | None, output: Path) -> str:
    """Return ``docx`` or ``md`` from ``--format`` or the file name; raise WriteError for any other."""
    chosen = (fmt or output.suffix.lstrip(".") or "docx").lower()
    chosen = "md" if chosen == "markdown" else chosen
    if chosen not in ("docx", "md"):
        message = f"unknown output format {chosen!r}; use .docx or .md, or --format"
        raise WriteError([Diagnostic("OUT004", message, Location(relpath(output)))])
    return chosen


def writer_for(fmt: str | None, output: Path) -> Writer:
    """Return the draft writer (law plus appended annexes) for the format."""
    if format_of(fmt, output) == "docx":
        from modellaw.writers.docx import write_docx

        return write_docx
    from modellaw.writers.annex_markdown import write_annex_markdown
    from modellaw.writers.markdown import write_markdown

    def markdown(document: Document, annexes: Sequence[Annex]) -> bytes:
        parts = [write_markdown(document)] + [write_annex_markdown(a, f"Annex {i + 1}") for i, a in enumerate(annexes)]
        return "\n".join(parts).encode("utf-8")

    return markdown


def annex_writer_for(fmt: str | None, output: Path) -> AnnexWriter:
    """Return the writer of a stand-alone annex for the format."""
    if format_of(fmt, output) == "docx":
        from modellaw.writers.docx import write_annex_docx

        return write_annex_docx
    from modellaw.writers.annex_markdown import write_annex_markdown

    return lambda annex, document: (f"# {document.meta.title}\n\n" + write_annex_markdown(annex)).encode("utf-8")
