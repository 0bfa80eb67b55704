"""Drive LibreOffice like a drafter: insert an article before another, update fields, export text.

Run with the Python that has LibreOffice's ``uno`` module (Debian: /usr/bin/python3 with
python3-uno):  python3 scripts/lo_insert_article.py IN.docx BEFORE_HEADING OUT.txt

It copies the heading paragraph of the article titled BEFORE_HEADING (with its SEQ field) and
pastes it in front as a new article, refreshes every field, updates the table of contents, and
writes the document's text to OUT.txt (and OUT.pdf beside it). Used by tests/test_clients.py.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    for _ in range(120):
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - office still starting
            time.sleep(0.5)
    raise RuntimeError("LibreOffice did not start")


def fresh_profile() -> Path:
    """Return a new, initialised LibreOffice user profile of its own (removed by the caller).

    LibreOffice writes a new profile on its first start; doing that in a separate start that
    exits at once keeps the first-start work out of the run that edits and saves documents.
    """
    profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
    subprocess.run(["soffice", "--headless", "--norestore", "--terminate_after_init", f"-env:UserInstallation={profile.as_uri()}"],
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=180, check=False)
    return profile


@contextmanager
def office_document(source: Path, hidden: bool = True):
    """Start a private headless LibreOffice (its own fresh profile), yield ``source`` opened in it, stop it afterwards."""
    pipe = f"modellaw{os.getpid()}{time.monotonic_ns()}"
    profile = fresh_profile()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", f"-env:UserInstallation={profile.as_uri()}",
                               f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = _connect(pipe)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        doc = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (_prop("Hidden", hidden),))
        try:
            yield doc
        finally:
            try:
                doc.close(True)
            except Exception:  # noqa: BLE001 - the office may already be gone (a crash is reported by the caller)
                pass
    finally:
        office.terminate()
        try:
            office.wait(timeout=30)
        except subprocess.TimeoutExpired:
            office.kill()
        shutil.rmtree(profile, ignore_errors=True)


def insert_article(source: Path, before: str, out_text: Path) -> None:
    """Insert a copy of the heading starting with ``before`` in front of it, update, and export."""
    with office_document(source) as doc:
        target = _find_heading(doc, before)
        controller = doc.getCurrentController()
        controller.select(target)
        copied = controller.getTransferable()
        text = doc.getText()
        cursor = text.createTextCursorByRange(target.getStart())
        text.insertControlCharacter(cursor, 0, False)  # PARAGRAPH_BREAK before the heading
        cursor.gotoPreviousParagraph(False)
        controller.select(cursor)
        controller.insertTransferable(copied)
        doc.getTextFields().refresh()
        indexes = doc.getDocumentIndexes()
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        doc.getTextFields().refresh()
        out_text.write_text(doc.getText().getString(), encoding="utf-8")
        doc.storeToURL(out_text.with_suffix(".pdf").resolve().as_uri(), (_prop("FilterName", "writer_pdf_Export"),))


def _find_heading(doc, before: str):
    enum = doc.getText().createEnumeration()
    while enum.hasMoreElements():
        paragraph = enum.nextElement()
        if paragraph.supportsService("com.sun.star.text.Paragraph") and paragraph.ParaStyleName.startswith("Heading"):
            if paragraph.getString().startswith(before):
                return paragraph
    raise SystemExit(f"no heading starting with {before!r}")


if __name__ == "__main__":
    insert_article(Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3]))
