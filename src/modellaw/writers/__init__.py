"""Writers: each turns a numbered ir.Document into the bytes of one output format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from modellaw.errors import Diagnostic, Location, WriteError, relpath
from modellaw.ir import Document

Writer = Callable[[Document], bytes]


def writer_for(fmt: str, output: Path) -> Writer:
    """Return the writer for ``fmt`` (``docx`` or ``md``); raise WriteError for any other."""
    if fmt == "docx":
        from modellaw.writers.docx import write_docx

        return write_docx
    if fmt in ("md", "markdown"):
        from modellaw.writers.markdown import write_markdown

        return lambda document: write_markdown(document).encode("utf-8")
    message = f"unknown output format {fmt!r}; use .docx or .md, or --format"
    raise WriteError([Diagnostic("OUT004", message, Location(relpath(output)))])
