"""LOAD + VALIDATE a document config; library paths resolve against the config's own folder."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from modellaw.errors import ConfigError, Diagnostic, Diagnostics, Location, Severity, relpath
from modellaw.schema.config import DocumentConfig
from modellaw.validation import validate_model
from modellaw.variant import merged_data
from modellaw.yamlio import KeyPath, LoadedYaml, load_yaml


@dataclass(frozen=True)
class LoadedConfig:
    """A validated config, where it came from, and the hash of its bytes (for provenance)."""

    config: DocumentConfig
    path: Path
    source: LoadedYaml
    sha256: str
    notes: tuple[Diagnostic, ...] = ()
    """Notes for the build output (e.g. library folders allowed outside the config's folder)."""

    def locate(self, path: KeyPath) -> Location:
        """Return the Location of a key path in the config file."""
        return self.source.locate(path)

    def reference_docx(self) -> Path | None:
        """Return the house Word template the config names, resolved against the config's folder."""
        return (self.path.parent / self.config.reference_docx).resolve() if self.config.reference_docx else None

    def library_folders(self) -> list[Path]:
        """Return the extra library folders, resolved against the config's folder."""
        return [(self.path.parent / folder).resolve() for folder in self.config.library]


def load_config(path: Path) -> LoadedConfig:
    """Load and validate the config at ``path``; raise ConfigError listing every problem."""
    display = relpath(path)
    problems = Diagnostics()
    if not path.exists():
        problems.error("CFG002", "config file does not exist", Location(display))
        problems.raise_if_errors(ConfigError)
    loaded, diags = load_yaml(path, display)
    problems.extend(diags)
    problems.raise_if_errors(ConfigError)
    assert loaded is not None
    checked: set[Path] = set()
    loaded = replace(loaded, data=merged_data(loaded, path, problems, checked=checked))
    problems.raise_if_errors(ConfigError)
    config, diags = validate_model(DocumentConfig, loaded, "CFG")
    problems.extend(diags)
    problems.raise_if_errors(ConfigError)
    result = LoadedConfig(config, path.resolve(), loaded, loaded.sha256)
    for index, folder in enumerate(result.library_folders()):
        where = loaded.locate(("library", index))
        if not folder.is_dir():
            problems.error("CFG003", f"library folder {config.library[index]!r} does not exist (relative to the config's folder)", where)
        elif folder not in checked:
            problems.extend(confine(folder, result.path.parent, config.allow_outside_paths, where, "library folder"))
    problems.raise_if_errors(ConfigError)
    return replace(result, notes=tuple(problems.items))


def confine(path: Path, root: Path, allowed: bool, where: Location, what: str) -> list[Diagnostic]:
    """Return the problem when ``path`` (resolved) lies outside the folder tree of ``root``.

    Outside paths are refused (CFG004) unless ``allowed`` (the config's ``allow_outside_paths``),
    in which case a note (CFG005) reports them in the build output.
    """
    resolved, top = path.resolve(), root.resolve()
    if resolved == top or top in resolved.parents:
        return []
    if allowed:
        return [Diagnostic("CFG005", f"{what} {resolved} is outside the config's folder (allowed by allow_outside_paths)",
                           where, Severity.NOTE)]
    return [Diagnostic("CFG004", f"{what} is outside the config's folder; set allow_outside_paths: true to allow it", where)]
