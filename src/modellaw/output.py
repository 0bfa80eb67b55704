"""WRITE helpers: check the destination, then write atomically (temporary file, then rename).

``guard_output`` is the one check every written file passes, twice: before the build starts (so
a bad ``-o`` fails fast) and again inside ``write_atomic``, when every input has been read.
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from modellaw.errors import Diagnostics, Location, WriteError, relpath
from modellaw.inputs import inputs_read

_TEMP = re.compile(r"^\..+\.ml(\d+)\.[^.]+\.tmp$")
"""Temporary files of ``write_atomic``: ``.<name>.ml<pid>.<random>.tmp``."""


def guard_output(output: Path, inputs: Iterable[Path] = ()) -> None:
    """Raise WriteError unless ``output`` is a new path or an existing regular file that is no input.

    Inputs are ``inputs`` plus every file read so far (``inputs.inputs_read``), so no command
    can overwrite its config, a clause module, a rules file, a catalogue or the reference
    template. A folder, FIFO, device or socket (or a symlink to one) is refused (OUT001),
    an input (also through a symlink, a hard link or another spelling) too (OUT003).
    """
    problems = Diagnostics()
    where = Location(relpath(output))
    parent = output.parent if str(output.parent) else Path(".")
    try:
        mode = os.stat(output).st_mode if os.path.lexists(output) else None
    except OSError:  # a dangling symlink: the rename replaces the link itself
        mode = None
    if mode is not None and stat.S_ISDIR(mode):
        problems.error("OUT001", "output path is a directory", where)
    elif mode is not None and not stat.S_ISREG(mode):
        problems.error("OUT001", "output path is a special file (FIFO, device or socket), not a regular file", where)
    elif not parent.is_dir():
        problems.error("OUT002", f"output folder {relpath(parent)} does not exist", where)
    if _is_an_input(output, {p.resolve() for p in inputs} | inputs_read()):
        problems.error("OUT003", "output would overwrite an input file", where)
    problems.raise_if_errors(WriteError)


def _is_an_input(output: Path, inputs: set[Path]) -> bool:
    """Return True when ``output`` names one of ``inputs``: the same path once resolved, or the same
    file reached by another name (a hard link)."""
    if output.resolve() in inputs:
        return True
    try:
        target = os.stat(output)
    except OSError:
        return False
    for path in inputs:
        try:
            found = os.stat(path)
        except OSError:
            continue
        if (found.st_dev, found.st_ino) == (target.st_dev, target.st_ino):
            return True
    return False


def check_destination(output: Path, inputs: Iterable[Path]) -> None:
    """Raise WriteError when ``output`` cannot be written or would overwrite an input file."""
    guard_output(output, inputs)


def write_atomic(output: Path, data: bytes) -> None:
    """Write ``data`` to ``output`` through a temporary file in the same folder and a rename.

    The destination is guarded first (``guard_output``); a failed write (full disk, file-size
    limit, read-only folder) raises WriteError naming the path (OUT010) and leaves no
    temporary file; temporary files of killed builds in the folder are removed first.
    """
    guard_output(output)
    parent = output.parent if str(output.parent) else Path(".")
    remove_stale_temporaries(parent)
    temp_name = None
    try:
        handle, temp_name = tempfile.mkstemp(prefix=f".{output.name}.ml{os.getpid()}.", suffix=".tmp", dir=parent)
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temp_name, _mode_for(output))
        os.replace(temp_name, output)
    except OSError as exc:
        _discard(temp_name)
        problems = Diagnostics()
        problems.error("OUT010", f"cannot write the file: {exc.strerror or exc}", Location(relpath(output)))
        raise WriteError(problems.items) from exc
    except BaseException:
        _discard(temp_name)
        raise


def _discard(temp_name: str | None) -> None:
    if temp_name is not None:
        Path(temp_name).unlink(missing_ok=True)


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files that a killed build left in ``folder``; return those removed.

    A temporary file is stale when the process that made it (its pid is in the name) is gone,
    so concurrent builds into the same folder never lose each other's files.
    """
    removed = []
    try:
        names = [entry.name for entry in os.scandir(folder) if entry.name.endswith(".tmp")]
    except OSError:
        return removed
    for name in names:
        match = _TEMP.match(name)
        if match and not _alive(int(match.group(1))):
            try:
                (folder / name).unlink()
                removed.append(folder / name)
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    """True when a process ``pid`` exists (ours included)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _mode_for(output: Path) -> int:
    """Return the mode of the file being replaced, or what the umask gives a new file."""
    if output.exists():
        return output.stat().st_mode & 0o7777
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
