"""Library lint: render every clause and definition with defaults and report every problem found."""

from __future__ import annotations

from pathlib import Path

from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment

from modellaw.catalogue import Catalogue, load_catalogue
from modellaw.errors import Diagnostic, Diagnostics, DraftingError
from modellaw.incompatible import incompatible_diagnostics
from modellaw.ir import Document
from modellaw.library import Entry, Library, load_library, template_sources
from modellaw.languages import base_language
from modellaw.libview import everything
from modellaw.localize import localize
from modellaw.numbering import number
from modellaw.render import render
from modellaw.schema.clause import TEMPLATE_HELPERS, ClauseModule, DefinitionModule
from modellaw.templating import make_env
from modellaw.terms import collect_terms
from modellaw.translations import check_translation, missing_translation


def lint_library(folders: list[Path], strict: bool = False, languages: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Return every problem in the library at ``folders``; raise LibraryError when it does not load.

    Every translation is checked against its source; for each of ``languages`` a module without a
    translation is an error and the whole library is rendered in that language as well.
    """
    catalogue = load_catalogue()
    return lint_loaded(load_library(folders, catalogue), catalogue, strict, languages)


def lint_loaded(library: Library, catalogue: Catalogue, strict: bool = False, languages: tuple[str, ...] = ()) -> list[Diagnostic]:
    """Return every problem in a loaded library (templates, names, content, translations, the whole rendered
    at defaults, and in each of ``languages``)."""
    problems = Diagnostics()
    env = make_env(True)
    for entry in library.entries.values():
        _lint_variables(entry, env, problems)
        _lint_content(entry, problems)
    _lint_default_options(library, problems)
    if problems.has_errors:
        return problems.items
    document, diagnostics = _render_everything(library, catalogue)
    problems.extend(diagnostics)
    if document is not None:
        _lint_unused_definitions(library, document, problems)
    _lint_translations(library, env, languages, problems)
    for language in languages:
        if not problems.has_errors:
            problems.extend(_render_everything(localize(library, language).library, catalogue, language)[1])
    return problems.items


def _lint_translations(library: Library, env: SandboxedEnvironment, languages: tuple[str, ...], problems: Diagnostics) -> None:
    """Check every translation against its source, and report modules lacking one for ``languages``."""
    for (module_id, _), entry in sorted(library.translations.items()):
        problems.extend(check_translation(library.entries[module_id].module, entry, env))
    for language in languages:
        for module_id, entry in sorted(library.entries.items()):
            written_in = base_language(entry.module.language)
            if written_in != base_language(language) and library.translation(module_id, language) is None:
                problems.add(missing_translation(module_id, entry.source.file, language))


def _lint_variables(entry: Entry, env: SandboxedEnvironment, problems: Diagnostics) -> None:
    """Compare the names each template reads with the parameters the module declares."""
    module = entry.module
    read: set[str] = set()
    for key, source in template_sources(module):
        try:
            names = meta.find_undeclared_variables(env.parse(source))
        except Exception:  # noqa: BLE001 - syntax errors are reported by the rendering pass
            continue
        read |= names
        for name in sorted(names - set(module.parameters) - TEMPLATE_HELPERS):
            problems.error("LNT001", f"template uses {name!r}, which is not a declared parameter", entry.locate(key))
    for name in sorted(set(module.parameters) - read):
        problems.warning("LNT002", f"parameter {name!r} is declared but no template uses it", entry.locate(("parameters", name)))


def _lint_content(entry: Entry, problems: Diagnostics) -> None:
    """Report missing sources, and missing recommendations (built-in modules only: a national clause need not
    answer one of the catalogue's recommendations)."""
    module = entry.module
    if not module.sources:
        problems.warning("LNT003", f"{module.id} cites no source", entry.locate(("id",)))
    if isinstance(module, ClauseModule) and not module.implements and not entry.own:
        problems.warning("LNT004", f"{module.id} implements no recommendation of the catalogue", entry.locate(("id",)))


def _lint_default_options(library: Library, problems: Diagnostics) -> None:
    """Report ``options_incompatible`` rules that the library's default options break."""
    chosen = {cid: e.module.options.default for cid, e in library.entries.items() if e.module.options is not None}
    for rule_entry in library.rules:
        if rule_entry.rule.options_incompatible:
            problems.extend(incompatible_diagnostics(
                rule_entry.rule, chosen, lambda c: f"{c} (its default)",
                lambda cs: library.entries[cs[0]].locate(("options", "default"))))


def _lint_unused_definitions(library: Library, document: Document, problems: Diagnostics) -> None:
    """Warn about definition modules that no clause or other definition uses."""
    used = collect_terms(document.articles())
    for entry in library.definitions():
        module = entry.module
        assert isinstance(module, DefinitionModule)
        if module.slug not in used:
            problems.warning("LNT005", f"term {module.term!r} is defined but no module uses it", entry.locate(("term",)))


def _render_everything(library: Library, catalogue: Catalogue, language: str = "en") -> tuple[Document | None, list[Diagnostic]]:
    """Render and number a document holding every clause, so templates, terms and refs are checked once."""
    try:
        document, warnings = render(everything(library, language=language), catalogue)
        return number(document), warnings
    except DraftingError as exc:
        return None, exc.diagnostics


_REVIEW_PARTS = ("status_basis", "human_rights", "implementation")


def review_notes(folders: list[Path]) -> dict[str, list[str]]:
    """Return, per module id, what a legal reviewer would ask for (empty modules are left out).

    Missing commentary parts, sources without pinpoints, unverified pinpoints, options without
    guidance on choosing, parameters with thin descriptions, no recommendation implemented.
    These are notes for review, not lint failures: ``--strict`` does not count them.
    """
    library = load_library(folders, load_catalogue())
    notes: dict[str, list[str]] = {}
    for clause_id, entry in sorted(library.entries.items()):
        found = _review_module(entry.module)
        if found:
            notes[clause_id] = found
    return notes


def _review_module(module: ClauseModule | DefinitionModule) -> list[str]:
    found = []
    commentary = module.commentary
    parts = _REVIEW_PARTS if isinstance(module, ClauseModule) else ("status_basis",)
    missing = [p.replace("_", " ") for p in parts if not getattr(commentary, p)]
    if missing:
        found.append(f"commentary lacks: {', '.join(missing)}")
    no_pinpoint = [s.instrument for s in module.sources if not s.pinpoint]
    if no_pinpoint:
        found.append(f"sources without pinpoint: {', '.join(no_pinpoint)}")
    unverified = [f"{s.instrument} {s.pinpoint or '(no pinpoint)'}" for s in module.sources if s.verification == "unverified"]
    if unverified:
        found.append(f"unverified pinpoints: {'; '.join(unverified)}")
    if module.options is not None and not commentary.options:
        found.append("options without guidance on choosing (commentary.options)")
    thin = [n for n, p in module.parameters.items() if len(p.description.split()) < 4]
    if thin:
        found.append(f"parameters with thin descriptions: {', '.join(thin)}")
    if not module.implements:
        found.append("implements no recommendation of the catalogue")
    return found
