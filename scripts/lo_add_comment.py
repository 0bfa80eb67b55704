"""Review a document in LibreOffice: add a comment at the start of a heading, save as .docx.

Run with the Python that has LibreOffice's ``uno`` module (Debian: /usr/bin/python3 with
python3-uno):  python3 scripts/lo_add_comment.py IN.docx OUT.docx HEADING_PREFIX AUTHOR TEXT
Used by tests/test_review.py to make a fixture reviewed in a real word processor.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lo_insert_article import _find_heading, _prop, office_document  # noqa: E402


def add_comment(source: Path, target: Path, heading: str, author: str, text: str) -> None:
    """Open ``source``, comment on the heading starting with ``heading``, save ``target`` as Word."""
    with office_document(source) as doc:
        paragraph = _find_heading(doc, heading)
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author, note.Content = author, text
        doc.getText().insertTextContent(paragraph.getStart(), note, False)
        doc.storeToURL(target.resolve().as_uri(), (_prop("FilterName", "MS Word 2007 XML"),))


if __name__ == "__main__":
    add_comment(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
