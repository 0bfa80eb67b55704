"""Writers: each turns a numbered ir.Document into the bytes of one output format."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from modellaw.annex import Annex
from modellaw.errors import Diagnostic, Location, WriteError, relpath
from modellaw.formats import ANNEX_FORMATS, FORMATS
from modellaw.ir import Document

Writer = Callable[[Document, Sequence[Annex]], bytes]
AnnexWriter = Callable[[Annex, Document], bytes]


def _problem(code: str, message: str, output: Path) -> WriteError:
    return WriteError([Diagnostic(code, message, Location(relpath(output)))])


def format_of(fmt: str | None, output: Path) -> str:
    """Return the format named by ``--format`` or, without it, by the file name (no ending: docx).

    Raise WriteError for an ending no format writes (OUT004) or one that does not match ``--format`` (OUT007).
    """
    suffix = output.suffix.lower()
    if fmt is None:
        found = next((name for name, suffixes in FORMATS.items() if suffix in suffixes), None if suffix else "docx")
        if found is None:
            endings = ", ".join(s[0] for s in FORMATS.values())
            raise _problem("OUT004", f"unknown output format {suffix!r}; use an output ending in {endings}, or --format", output)
        return found
    chosen = "md" if fmt.lower() == "markdown" else fmt.lower()
    if chosen not in FORMATS:
        raise _problem("OUT004", f"unknown output format {fmt!r}; formats: {', '.join(FORMATS)}", output)
    if suffix and suffix not in FORMATS[chosen]:
        endings = " or ".join(FORMATS[chosen])
        raise _problem("OUT007", f"output ends in {suffix} but --format {chosen} writes {endings} files; rename the output or change --format", output)
    return chosen


def writer_for(fmt: str | None, output: Path) -> Writer:
    """Return the draft writer (law plus appended annexes) for the format.

    For PDF, LibreOffice is looked for now, so a missing office stops the command before anything is built.
    """
    chosen = format_of(fmt, output)
    if chosen == "docx":
        from modellaw.writers.docx import write_docx

        return write_docx
    if chosen == "html":
        from modellaw.writers.html import write_html

        return write_html
    if chosen == "akn":
        from modellaw.writers.akn import write_akn

        return write_akn
    if chosen == "pdf":
        from modellaw.writers.docx import write_docx

        return _as_pdf(write_docx, output)
    from modellaw.writers.annex_markdown import write_annex_markdown
    from modellaw.writers.markdown import write_markdown

    def markdown(document: Document, annexes: Sequence[Annex]) -> bytes:
        parts = [write_markdown(document)] + [write_annex_markdown(a, f"{a.label} {i + 1}") for i, a in enumerate(annexes)]
        return "\n".join(parts).encode("utf-8")

    return markdown


def annex_writer_for(fmt: str | None, output: Path) -> AnnexWriter:
    """Return the writer of a stand-alone annex for the format (OUT004 for Akoma Ntoso, which holds laws only)."""
    chosen = format_of(fmt, output)
    if chosen not in ANNEX_FORMATS:
        raise _problem("OUT004", f"an annex is not written as {'Akoma Ntoso' if chosen == 'akn' else chosen}; use an output ending in .docx, .md, .html or .pdf", output)
    if chosen in ("docx", "pdf"):
        from modellaw.writers.docx import write_annex_docx

        return write_annex_docx if chosen == "docx" else _as_pdf(write_annex_docx, output)
    if chosen == "html":
        from modellaw.writers.html import write_annex_html

        return write_annex_html
    from modellaw.writers.annex_markdown import write_annex_markdown

    return lambda annex, document: (f"# {document.meta.title}\n\n" + write_annex_markdown(annex, annex.label)).encode("utf-8")


def _as_pdf(word_writer: Callable[..., bytes], output: Path) -> Callable[..., bytes]:
    """Return ``word_writer`` followed by the LibreOffice conversion; raise WriteError now when LibreOffice is missing."""
    from modellaw.writers.pdf import docx_to_pdf, find_office

    office = find_office(output)
    return lambda *args: docx_to_pdf(word_writer(*args), office, output)
