"""The pipeline, in order: load -> validate -> resolve -> render -> number -> check -> write."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from modellaw.catalogue import Catalogue
from modellaw.checks import run_checks
from modellaw.configfile import LoadedConfig, load_config
from modellaw.explanatory import wants_note, with_explanatory_note
from modellaw.errors import CheckError, ConfigError, Diagnostic, Diagnostics, Location, Severity
from modellaw.languages import base_language, check_language
from modellaw.ir import Document
from modellaw.library import Entry, Library, library_of
from modellaw.localize import localize, translation_problems
from modellaw.numbering import number
from modellaw.render import render
from modellaw.resolve import resolve
from modellaw.resources import default_config


@dataclass(frozen=True)
class BuildResult:
    """The numbered, checked document and the warnings gathered on the way."""

    document: Document
    warnings: list[Diagnostic]
    config: LoadedConfig
    catalogue: Catalogue | None = None
    """The catalogue the build saw (built-in plus the config's own entries)."""
    replaced: tuple[Entry, ...] = ()
    """Own modules that replaced built-in ones."""


def load_for(loaded: LoadedConfig) -> Library:
    """Return the library a config asks for: built-in and/or its own folders."""
    return library_of(loaded)[0]


def _check_language_override(language: str) -> None:
    """Raise ConfigError when a language given outside the config is not supported."""
    try:
        check_language(language)
    except ValueError as exc:
        raise ConfigError([Diagnostic("CFG014", str(exc), Location("--language"))]) from None


def config_in_language(loaded: LoadedConfig, language: str) -> LoadedConfig:
    """Return the config with its title, short title, jurisdiction and chapter headings in ``language``
    where its ``translations`` give them; raise ConfigError (CFG035) for a translated heading of no chapter."""
    translated = loaded.config.translations.get(language) or loaded.config.translations.get(base_language(language))
    if translated is None:
        return loaded
    key = language if language in loaded.config.translations else base_language(language)
    headings = {d.chapter for d in loaded.config.structure}
    problems = Diagnostics()
    for heading in sorted(set(translated.chapters) - headings):
        problems.error("CFG035", f"the {key} heading given for chapter {heading!r}, which is not in the structure",
                       loaded.locate(("translations", key, "chapters", heading)))
    problems.raise_if_errors(ConfigError)
    config = loaded.config
    structure = [d.model_copy(update={"chapter": translated.chapters.get(d.chapter, d.chapter)}) for d in config.structure]
    update: dict[str, object] = {"structure": structure}
    update |= {k: getattr(translated, k) for k in ("title", "short_title", "draft_marking") if getattr(translated, k) is not None}
    if translated.jurisdiction is not None:
        update["jurisdiction"] = config.jurisdiction.model_copy(update={"name": translated.jurisdiction})
    return replace(loaded, config=config.model_copy(update=update))


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
    loaded = config_in_language(loaded, loaded.config.language)
    library, catalogue = library_of(loaded)
    localized = localize(library, loaded.config.language)
    resolved = resolve(loaded, localized.library)
    document, warnings = render(resolved, catalogue)
    document = number(document)
    if wants_note(loaded.config):
        document = with_explanatory_note(document)
    translation = Diagnostics(translation_problems(document, library, localized, resolved.authorities_used))
    translation.raise_if_errors(CheckError)
    warnings = [*loaded.notes, *warnings, *translation.items, *run_checks(document, resolved)]
    if strict and any(w.severity is not Severity.NOTE for w in warnings):
        raise CheckError(warnings)
    problems = Diagnostics(list(warnings))
    problems.raise_if_errors(CheckError)
    replaced = tuple(e for e in library.replaced if e.module.id in resolved.clause_ids() or e.module.id in _defined(document))
    return BuildResult(document, warnings, loaded, catalogue, replaced)


def _defined(document: Document) -> set[str]:
    """Return the ids (``definitions.<slug>``) of the terms the document defines."""
    from modellaw.ir import DefinedTerm
    from modellaw.walk import iter_inlines

    return {f"definitions.{n.term_id}" for a in document.articles() if a.clause_id == "definitions"
            for n in iter_inlines(a) if isinstance(n, DefinedTerm)}
