"""The pipeline, in order: load -> validate -> resolve -> render -> number -> check -> write."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from modellaw.catalogue import load_catalogue
from modellaw.checks import run_checks
from modellaw.configfile import LoadedConfig, load_config
from modellaw.errors import CheckError, Diagnostic, Diagnostics, Severity
from modellaw.ir import Document
from modellaw.library import Library, load_library
from modellaw.numbering import number
from modellaw.render import render
from modellaw.resolve import resolve
from modellaw.resources import builtin_library, default_config


@dataclass(frozen=True)
class BuildResult:
    """The numbered, checked document and the warnings gathered on the way."""

    document: Document
    warnings: list[Diagnostic]
    config: LoadedConfig


def load_for(loaded: LoadedConfig) -> Library:
    """Return the library a config asks for: built-in and/or its own folders."""
    folders = ([builtin_library()] if loaded.config.builtin_library else []) + loaded.library_folders()
    return load_library(folders, load_catalogue())


def build_document(
    config_path: Path | None = None, mode: str | None = None, strict: bool = False, review_comments: bool = False
) -> BuildResult:
    """Run every stage up to CHECK and return the result; raise a DraftingError on bad input.

    ``mode`` overrides the config's mode and ``review_comments`` switches review comments on;
    ``strict`` turns warnings into a CheckError.
    """
    loaded = load_config(config_path or default_config())
    overrides = {k: v for k, v in (("mode", mode), ("review_comments", review_comments or None)) if v is not None}
    if overrides:
        loaded = replace(loaded, config=loaded.config.model_copy(update=overrides))
    library = load_for(loaded)
    resolved = resolve(loaded, library)
    document, warnings = render(resolved, load_catalogue())
    document = number(document)
    warnings = [*loaded.notes, *warnings, *run_checks(document, resolved)]
    if strict and any(w.severity is not Severity.NOTE for w in warnings):
        raise CheckError(warnings)
    problems = Diagnostics(list(warnings))
    problems.raise_if_errors(CheckError)
    return BuildResult(document, warnings, loaded)
