"""The output formats and the file name endings each writes (no imports: the CLI reads it at start-up)."""

from __future__ import annotations

FORMATS: dict[str, tuple[str, ...]] = {
    "docx": (".docx",),
    "md": (".md", ".markdown"),
    "html": (".html", ".htm"),
    "akn": (".xml", ".akn"),
    "pdf": (".pdf",),
}
"""Every output format and the file name endings it writes (the first is the usual one)."""
ANNEX_FORMATS = ("docx", "md", "html", "pdf")
"""The formats an annex (concordance, comparison) can be written in."""
