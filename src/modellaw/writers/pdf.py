"""PDF through LibreOffice: the Word document, with every field and index updated, exported headless.

The conversion runs ``lo_export.py`` under a Python that has LibreOffice's ``uno`` bridge (the
running one, the system's, or the one LibreOffice ships), so the contents page gets its page
numbers and every cross-reference its number. ``find_office`` is called before anything is built,
so a missing LibreOffice stops the command with nothing written.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from modellaw.errors import Diagnostic, Location, WriteError, relpath

CONVERT_SECONDS = 600
INSTALL_HINT = ("install LibreOffice (Debian/Ubuntu: apt install libreoffice-writer python3-uno; Fedora: dnf install libreoffice-writer "
                "libreoffice-pyuno; macOS: brew install --cask libreoffice; Windows: https://www.libreoffice.org) and make sure soffice is on PATH")
_SCRIPT = Path(__file__).with_name("lo_export.py")


@dataclass(frozen=True)
class Office:
    """The LibreOffice program and a Python that can drive it."""

    soffice: str
    python: str


def find_office(output: Path) -> Office:
    """Return the LibreOffice to convert with; raise WriteError (OUT008) saying how to install it when absent."""
    where = Location(relpath(output))
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise WriteError([Diagnostic("OUT008", f"PDF output needs LibreOffice, which is not installed (no soffice on PATH); {INSTALL_HINT}", where)])
    python = _uno_python(soffice)
    if python is None:
        raise WriteError([Diagnostic("OUT008", f"PDF output needs LibreOffice's Python bridge (uno), which was not found; {INSTALL_HINT}", where)])
    return Office(soffice, python)


@cache
def _uno_python(soffice: str) -> str | None:
    """Return the first Python that can ``import uno``: this one, the system's, or LibreOffice's own."""
    program = Path(soffice).resolve().parent
    candidates = [sys.executable, "/usr/bin/python3", str(program / "python"), str(program / "python.exe")]
    for candidate in dict.fromkeys(candidates):
        if Path(candidate).is_file() and subprocess.run([candidate, "-c", "import uno"], capture_output=True, timeout=60).returncode == 0:
            return candidate
    return None


def docx_to_pdf(data: bytes, office: Office, output: Path) -> bytes:
    """Return the PDF bytes of the Word document ``data``; raise WriteError (OUT009) when LibreOffice fails."""
    with tempfile.TemporaryDirectory(prefix="modellaw-pdf-") as folder:
        source, target = Path(folder) / "law.docx", Path(folder) / "law.pdf"
        source.write_bytes(data)
        try:
            done = subprocess.run([office.python, str(_SCRIPT), office.soffice, str(source), str(target)],
                                  capture_output=True, text=True, timeout=CONVERT_SECONDS)
            reason = done.stderr.strip().splitlines()[-1] if done.returncode and done.stderr.strip() else f"exit status {done.returncode}"
        except subprocess.TimeoutExpired:
            done, reason = None, f"no answer within {CONVERT_SECONDS} s"
        if done is None or done.returncode != 0 or not target.is_file():
            raise WriteError([Diagnostic("OUT009", f"LibreOffice could not convert the document to PDF: {reason}", Location(relpath(output)))])
        return target.read_bytes()
