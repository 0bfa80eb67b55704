"""WRITE helpers: check the destination, then write atomically (temporary file, then rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from modellaw.errors import Diagnostics, Location, WriteError, relpath


def check_destination(output: Path, inputs: Iterable[Path]) -> None:
    """Raise WriteError when ``output`` cannot be written or would overwrite an input file."""
    problems = Diagnostics()
    where = Location(relpath(output))
    parent = output.parent if str(output.parent) else Path(".")
    if output.exists() and output.is_dir():
        problems.error("OUT001", "output path is a directory", where)
    elif not parent.is_dir():
        problems.error("OUT002", f"output folder {relpath(parent)} does not exist", where)
    if any(source.resolve() == output.resolve() for source in inputs):
        problems.error("OUT003", "output would overwrite an input file", where)
    problems.raise_if_errors(WriteError)


def write_atomic(output: Path, data: bytes) -> None:
    """Write ``data`` to ``output`` through a temporary file in the same folder and a rename."""
    parent = output.parent if str(output.parent) else Path(".")
    handle, temp_name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp_name, _mode_for(output))
        os.replace(temp_name, output)
    except BaseException:
        Path(temp_name).unlink(missing_ok=True)
        raise


def _mode_for(output: Path) -> int:
    """Return the mode of the file being replaced, or what the umask gives a new file."""
    if output.exists():
        return output.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
