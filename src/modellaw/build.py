"""The pipeline, in order: load -> validate -> resolve -> render -> number -> check -> write."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from modellaw.catalogue import load_catalogue
from modellaw.checks import run_checks
from modellaw.configfile import LoadedConfig, load_config
from modellaw.errors import CheckError, ConfigError, Diagnostic, Diagnostics, Location, Severity
from modellaw.languages import check_language
from modellaw.ir import Document
from modellaw.library import Library, load_library
from modellaw.localize import localize, translation_problems
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


def _check_language_override(language: str) -> None:
    """Raise ConfigError when a language given outside the config is not supported."""
    try:
        check_language(language)
    except ValueError as exc:
        raise ConfigError([Diagnostic("CFG014", str(exc), Location("--language"))]) from None


def build_document(
    config_path: Path | None = None,
    mode: str | None = None,
    strict: bool = False,
    review_comments: bool = False,
    language: str | None = None,
) -> BuildResult:
    """Run every stage up to CHECK and return the result; raise a DraftingError on bad input.

    ``mode`` and ``language`` override the config's and ``review_comments`` switches review
    comments on; ``strict`` turns warnings into a CheckError.
    """
    loaded = load_config(config_path or default_config())
    if language is not None:
        _check_language_override(language)
    overrides = {k: v for k, v in (("mode", mode), ("review_comments", review_comments or None), ("language", language)) if v is not None}
    if overrides:
        loaded = replace(loaded, config=loaded.config.model_copy(update=overrides))
    library = load_for(loaded)
    localized = localize(library, loaded.config.language)
    resolved = resolve(loaded, localized.library)
    document, warnings = render(resolved, load_catalogue())
    document = number(document)
    translation = Diagnostics(translation_problems(document, library, localized, resolved.authorities_used))
    translation.raise_if_errors(CheckError)
    warnings = [*loaded.notes, *warnings, *translation.items, *run_checks(document, resolved)]
    if strict and any(w.severity is not Severity.NOTE for w in warnings):
        raise CheckError(warnings)
    problems = Diagnostics(list(warnings))
    problems.raise_if_errors(CheckError)
    return BuildResult(document, warnings, loaded)
