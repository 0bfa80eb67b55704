"""Run under a Python that has LibreOffice's ``uno`` module: update every index, export PDF.

Usage: python3 lo_export.py SOFFICE IN.docx OUT.pdf

Starts a private headless LibreOffice (its own temporary profile, a named pipe), opens IN.docx,
updates every index until it reads the same twice (the table of contents gets its page numbers),
and stores OUT.pdf. Fields are not refreshed through the API: their cached results are already the
computed numbers, LibreOffice evaluates page fields as it lays out, and a refresh (of the fields
or of the document) makes the export lay out differently from the layout the index saw, which put
the contents a page out after the first article that moved. Standalone on purpose: it imports nothing
from modellaw, because the Python running it is the one LibreOffice ships with or the system's.
Exit status 0 on success; otherwise a one-line reason on stderr.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import uno  # type: ignore[import-not-found]
from com.sun.star.beans import PropertyValue  # type: ignore[import-not-found]

START_SECONDS = 60


def _prop(name: str, value: object) -> PropertyValue:
    prop = PropertyValue()
    prop.Name, prop.Value = name, value
    return prop


def _connect(pipe: str, office: subprocess.Popen):
    """Return the office's component context once it answers on ``pipe``."""
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if office.poll() is not None:
            raise RuntimeError("LibreOffice stopped while starting")
        try:
            return resolver.resolve(f"uno:pipe,name={pipe};urp;StarOffice.ComponentContext")
        except Exception:  # noqa: BLE001 - office still starting
            time.sleep(0.2)
    raise RuntimeError("LibreOffice did not start")


MAX_PASSES = 4
"""Most rounds of field refresh and index update before the PDF is written."""


def _update_until_stable(doc) -> None:
    """Update every index, again until the indexes read the same twice (entries that gain page
    numbers can wrap, which moves later pages)."""
    indexes = doc.getDocumentIndexes()
    seen = None
    for _ in range(MAX_PASSES):
        for i in range(indexes.getCount()):
            indexes.getByIndex(i).update()
        now = [indexes.getByIndex(i).getAnchor().getString() for i in range(indexes.getCount())]
        if now == seen:
            return
        seen = now


def update_and_export(desktop, source: Path, target: Path) -> None:
    """Open ``source``, update fields and indexes, and store it as PDF at ``target``."""
    doc = desktop.loadComponentFromURL(source.resolve().as_uri(), "_blank", 0, (_prop("Hidden", True),))
    try:
        _update_until_stable(doc)
        doc.storeToURL(target.resolve().as_uri(), (_prop("FilterName", "writer_pdf_Export"),))
    finally:
        doc.close(True)


def main(soffice: str, source: Path, target: Path) -> None:
    """Run one private office for one conversion, then stop it and remove its profile."""
    pipe = f"modellaw_pdf_{os.getpid()}"
    profile = Path(tempfile.mkdtemp(prefix="modellaw-lo-"))
    office = subprocess.Popen([soffice, "--headless", "--invisible", "--norestore", "--nologo", f"-env:UserInstallation={profile.as_uri()}",
                               f"--accept=pipe,name={pipe};urp;"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        context = _connect(pipe, office)
        desktop = context.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", context)
        update_and_export(desktop, source, target)
        try:
            desktop.terminate()
        except Exception:  # noqa: BLE001 - the bridge closes as the office quits
            pass
        office.wait(timeout=30)
    finally:
        if office.poll() is None:
            office.terminate()
            office.wait(timeout=30)
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    try:
        main(sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]))
    except Exception as exc:  # noqa: BLE001 - reported to the caller as one line
        print(f"{type(exc).__name__}: {exc}", file=sys.stderr)
        sys.exit(1)
