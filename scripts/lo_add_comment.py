"""Review a document in LibreOffice: add a comment at the start of a heading, save as .docx.

Run with the Python that has LibreOffice's ``uno`` module (Debian: /usr/bin/python3 with
python3-uno):  python3 scripts/lo_add_comment.py IN.docx OUT.docx HEADING_PREFIX AUTHOR TEXT
Used by tests/test_review.py to make a fixture reviewed in a real word processor.

LibreOffice 7.4 can crash saving a comment inserted through UNO straight to .docx on a fresh
machine. Each attempt runs its own office with its own fresh profile; when the direct save
fails, the second attempt saves the commented document as ODF and has a separate LibreOffice
convert that to .docx, which is still a file LibreOffice wrote.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from lo_insert_article import _find_heading, _prop, fresh_profile, office_document  # noqa: E402


def add_comment(source: Path, target: Path, heading: str, author: str, text: str) -> None:
    """Open ``source``, comment on the heading starting with ``heading``, save ``target`` as Word.

    ``MODELLAW_LO_VIA_ODF=1`` skips the direct save (so tests cover the second way too).
    """
    if os.environ.get("MODELLAW_LO_VIA_ODF") != "1":
        try:
            _commented(source, target, heading, author, text, "MS Word 2007 XML")
            if _has_comments(target):
                return
            print("LibreOffice saved no comment; trying again through ODF", file=sys.stderr)
        except Exception as exc:  # noqa: BLE001 - a crashed office surfaces as any UNO exception
            print(f"LibreOffice failed saving to .docx ({type(exc).__name__}: {exc}); trying again through ODF", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="lo-comment-") as work:
        odt = Path(work) / "reviewed.odt"
        _commented(source, odt, heading, author, text, "writer8")
        _convert(odt, target)
    if not _has_comments(target):
        raise SystemExit("LibreOffice wrote no comment")


def _commented(source: Path, target: Path, heading: str, author: str, text: str, filter_name: str) -> None:
    """Comment on the heading in a fresh office of its own and store the document with ``filter_name``."""
    with office_document(source) as doc:
        paragraph = _find_heading(doc, heading)
        note = doc.createInstance("com.sun.star.text.textfield.Annotation")
        note.Author, note.Content = author, text
        doc.getText().insertTextContent(paragraph.getStart(), note, False)
        doc.storeToURL(target.resolve().as_uri(), (_prop("FilterName", filter_name),))


def _convert(odt: Path, target: Path) -> None:
    """Have a separate LibreOffice (own fresh profile) convert ``odt`` to ``target`` (.docx)."""
    profile = fresh_profile()
    try:
        subprocess.run(["soffice", "--headless", "--norestore", f"-env:UserInstallation={profile.as_uri()}", "--convert-to",
                        "docx:MS Word 2007 XML", "--outdir", str(odt.parent), str(odt)], check=True, capture_output=True, timeout=300)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    shutil.move(odt.with_suffix(".docx"), target)


def _has_comments(path: Path) -> bool:
    """True when ``path`` is a .docx holding a comments part."""
    try:
        with zipfile.ZipFile(path) as package:
            return "word/comments.xml" in package.namelist()
    except (OSError, zipfile.BadZipFile):
        return False


if __name__ == "__main__":
    add_comment(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5])
