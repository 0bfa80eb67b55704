"""LOAD + VALIDATE a document config; library paths resolve against the config's own folder."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path

from modellaw.errors import ConfigError, Diagnostics, Location, relpath
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
    if not path.is_file():
        problems.error("CFG002", "config file does not exist", Location(display))
        problems.raise_if_errors(ConfigError)
    loaded, diags = load_yaml(path, display)
    problems.extend(diags)
    problems.raise_if_errors(ConfigError)
    assert loaded is not None
    loaded = replace(loaded, data=merged_data(loaded, path, problems))
    problems.raise_if_errors(ConfigError)
    config, diags = validate_model(DocumentConfig, loaded, "CFG")
    problems.extend(diags)
    problems.raise_if_errors(ConfigError)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    result = LoadedConfig(config, path.resolve(), loaded, digest)
    for index, folder in enumerate(result.library_folders()):
        if not folder.is_dir():
            problems.error("CFG003", f"library folder {config.library[index]!r} does not exist (relative to the config's folder)",
                           loaded.locate(("library", index)))
    problems.raise_if_errors(ConfigError)
    return result
