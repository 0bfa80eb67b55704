"""Diagnostics and the exception tree: every problem knows its file, line, key path and rule code."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path


class Severity(str, Enum):
    """How bad a diagnostic is; warnings become failures under ``--strict``."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"
    """Information for the reader (e.g. an allowed outside path); never a failure, even under --strict."""


@dataclass(frozen=True, slots=True)
class Location:
    """Where a problem sits: a file, a 1-based line (None when unknown) and a dotted key path."""

    file: str
    line: int | None = None
    key_path: str = ""

    def __str__(self) -> str:
        """Return ``file:line`` (or just ``file`` when the line is unknown)."""
        return f"{self.file}:{self.line}" if self.line else self.file


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in the inputs, with a rule code such as ``CFG010``."""

    code: str
    message: str
    location: Location | None = None
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        """Return the one-line form ``file:line: key.path: message [CODE]``."""
        prefix = ""
        if self.location is not None:
            prefix = f"{self.location}: "
            if self.location.key_path:
                prefix += f"{self.location.key_path}: "
        kind = "" if self.severity is Severity.ERROR else f"{self.severity.value}: "
        return f"{prefix}{kind}{self.message} [{self.code}]"

    @property
    def is_error(self) -> bool:
        """True when the diagnostic is an error (not a warning)."""
        return self.severity is Severity.ERROR


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, str, str]:
    """Return the key that orders diagnostics by file, line, code and message."""
    loc = diagnostic.location
    return (loc.file if loc else "", (loc.line or 0) if loc else 0, diagnostic.code, diagnostic.message)


@dataclass
class Diagnostics:
    """An ordered collection of diagnostics gathered across a stage."""

    items: list[Diagnostic] = field(default_factory=list)

    def add(self, diagnostic: Diagnostic) -> None:
        """Append one diagnostic."""
        self.items.append(diagnostic)

    def error(self, code: str, message: str, location: Location | None = None) -> None:
        """Record an error."""
        self.items.append(Diagnostic(code, message, location, Severity.ERROR))

    def warning(self, code: str, message: str, location: Location | None = None) -> None:
        """Record a warning."""
        self.items.append(Diagnostic(code, message, location, Severity.WARNING))

    def extend(self, others: list[Diagnostic] | Diagnostics) -> None:
        """Append every diagnostic of another collection."""
        self.items.extend(others.items if isinstance(others, Diagnostics) else others)

    @property
    def has_errors(self) -> bool:
        """True when at least one diagnostic is an error."""
        return any(d.is_error for d in self.items)

    def raise_if_errors(self, exc_type: type[DraftingError]) -> None:
        """Raise ``exc_type`` carrying every diagnostic when any of them is an error."""
        if self.has_errors:
            raise exc_type(self.items)


class DraftingError(Exception):
    """Base of every error caused by bad input; carries all diagnostics gathered so far."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        super().__init__("\n".join(d.format() for d in diagnostics))
        self.diagnostics = sorted(diagnostics, key=sort_key)


class LibraryError(DraftingError):
    """The clause library or a catalogue is malformed."""


class ConfigError(DraftingError):
    """The document config is malformed."""


class ResolutionError(DraftingError):
    """The config selects clauses, parameters or options that do not fit together."""


class TemplateRenderError(DraftingError):
    """A clause template failed to compile or render."""


class CrossReferenceError(DraftingError):
    """A reference or defined term cannot be resolved."""


class CheckError(DraftingError):
    """A document check (safeguard rule, placeholder, unused term under strict) failed."""


class WriteError(DraftingError):
    """The output cannot be written where asked."""


def relpath(path: Path) -> str:
    """Return ``path`` relative to the working directory when below it, else as given."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
