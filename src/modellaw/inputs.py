"""LOAD helpers for untrusted files: read only regular files, bounded in size, and remember every
file read so that no output can overwrite one (see ``output.guard_output``).

Every input the tool opens (configs, clause modules, rules files, catalogues, the reference
template, reviewed Word files) goes through ``read_input``; the resolved paths it records are
the inputs the writers refuse to overwrite.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from modellaw.errors import Diagnostic, Location

MAX_TEXT_BYTES = 4 * 1024 * 1024
"""Largest YAML file (config, module, rules file, catalogue) read: 4 MiB."""

MAX_WORD_BYTES = 64 * 1024 * 1024
"""Largest Word file (reviewed document, reference template) read: 64 MiB compressed."""

MAX_UNPACKED_BYTES = 256 * 1024 * 1024
"""Largest total uncompressed size of the parts of a Word file read (reviewed file, house template): a zip bomb is refused."""

_READ: set[Path] = set()


def inputs_read() -> frozenset[Path]:
    """Return the resolved path of every file read so far in this process."""
    return frozenset(_READ)


def record_input(path: Path) -> None:
    """Remember ``path`` (resolved) as an input that no output may overwrite."""
    _READ.add(path.resolve())


def read_input(path: Path, display: str, limit: int = MAX_TEXT_BYTES) -> tuple[bytes | None, list[Diagnostic]]:
    """Return the bytes of the regular file ``path`` (None when refused) and the problem, if any.

    Special files (FIFOs, devices, sockets, directories, symlinks to them) are refused before
    they are opened, so a FIFO cannot block the build; at most ``limit`` bytes are read, so an
    endless or huge file cannot exhaust memory (rules IN001 special file, IN002 too large,
    IN003 unreadable).
    """
    where = Location(display)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None, [Diagnostic("IN001", "not a regular file (a folder, FIFO, device or socket); only files are read", where)]
        record_input(path)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as stream:
            if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
                return None, [Diagnostic("IN001", "not a regular file; only files are read", where)]
            data = stream.read(limit + 1)
    except OSError as exc:
        return None, [Diagnostic("IN003", f"cannot read file: {exc.strerror or exc}", where)]
    if len(data) > limit:
        return None, [Diagnostic("IN002", f"file is larger than the limit of {limit // (1024 * 1024)} MiB", where)]
    return data, []
