"""LOAD + VALIDATE the clause library: discover module files, read them safely, check them all."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from modellaw.catalogue import Catalogue, load_catalogue, with_own
from modellaw.configfile import LoadedConfig
from modellaw.errors import Diagnostic, Diagnostics, LibraryError, Location, relpath
from modellaw.front import load_introductions
from modellaw.ir import Front
from modellaw.schema.authorities import AUTHORITY_CALL, AUTHORITY_ID, Authority, AuthorityFile
from modellaw.languages import base_language
from modellaw.resources import builtin_library
from modellaw.schema.authorities import AUTHORITY_CALL, AUTHORITY_ID, Authority, AuthorityFile
from modellaw.schema.clause import ClauseModule, DefinitionModule
from modellaw.schema.translation import AuthoritiesTranslation
from modellaw.translations import TranslationEntry, is_translation_file, load_authority_translation, load_translation
from modellaw.schema.rules import RuleFile, SafeguardRule
from modellaw.validation import validate_model
from modellaw.yamlio import KeyPath, LoadedYaml, load_yaml

AnyModule = ClauseModule | DefinitionModule


@dataclass(frozen=True)
class Entry:
    """A validated module and the YAML it came from (for locating later problems)."""

    module: AnyModule
    source: LoadedYaml
    own: bool = False
    """True for a module of an own library (not the built-in one)."""

    def locate(self, path: KeyPath) -> Location:
        """Return the Location of a key path in the module's file."""
        return self.source.locate(path)


@dataclass(frozen=True)
class RuleEntry:
    """A validated safeguard rule and the file it came from."""

    rule: SafeguardRule
    source: LoadedYaml
    index: int


@dataclass(frozen=True)
class AuthorityEntry:
    """A declared authority and the file it came from."""

    authority: Authority
    source: LoadedYaml
    id: str

    def locate(self) -> Location:
        """Return the location of the declaration."""
        return self.source.locate(("authorities", self.id))


@dataclass(frozen=True)
class Library:
    """Every clause and definition module by id, the safeguard rules and the authority registry."""

    entries: dict[str, Entry]
    rules: tuple[RuleEntry, ...] = ()
    authorities: dict[str, AuthorityEntry] = field(default_factory=dict)
    translations: dict[tuple[str, str], TranslationEntry] = field(default_factory=dict)
    """Translations by (module id, language)."""
    authority_translations: dict[str, AuthoritiesTranslation] = field(default_factory=dict)
    """The registry's names and functions by language."""

    replaced: tuple[Entry, ...] = ()
    """Own modules that replace a built-in module of the same id (``replaces:``)."""
    introductions: dict[str, Front] = field(default_factory=dict)
    """The introduction by language, from the last library folder that has one in that language."""

    @property
    def introduction(self) -> Front | None:
        """Return the English introduction (front matter for model mode), None when there is none."""
        return self.introductions.get("en")

    def translation(self, module_id: str, language: str) -> TranslationEntry | None:
        """Return the translation of ``module_id`` into ``language`` (its base language), or None."""
        return self.translations.get((module_id, base_language(language)))

    def get(self, clause_id: str) -> Entry | None:
        """Return the entry for ``clause_id`` (None when the library has none)."""
        return self.entries.get(clause_id)

    def definition(self, term_id: str) -> Entry | None:
        """Return the definition entry for ``term_id`` (slug or full id), None when undefined."""
        return self.entries.get(term_id if term_id.startswith("definitions.") else f"definitions.{term_id}")

    def clauses(self) -> list[Entry]:
        """Return the clause (non-definition) entries sorted by id."""
        return [e for _, e in sorted(self.entries.items()) if isinstance(e.module, ClauseModule)]

    def definitions(self) -> list[Entry]:
        """Return the definition entries sorted by id."""
        return [e for _, e in sorted(self.entries.items()) if isinstance(e.module, DefinitionModule)]

    def suggest(self, clause_id: str) -> str:
        """Return ``" (did you mean 'x'?)"`` for the closest id, or an empty string."""
        close = difflib.get_close_matches(clause_id, list(self.entries), n=1)
        return f" (did you mean {close[0]!r}?)" if close else ""


def module_files(folder: Path) -> list[Path]:
    """Return the module files below ``folder`` in sorted order; files starting with ``_`` are skipped."""
    return sorted(
        p for p in folder.rglob("*.yaml") if not p.name.startswith("_") and p.parent != folder and not is_translation_file(p)
    )


def translation_files(folder: Path) -> list[Path]:
    """Return the translation files (``<slug>.<lang>.yaml``) below ``folder`` in sorted order."""
    return sorted(p for p in folder.rglob("*.*.yaml") if not p.name.startswith("_") and p.parent != folder)


def template_sources(module: AnyModule) -> list[tuple[tuple[str | int, ...], str]]:
    """Return (key path, template source) for every template field of a module."""
    sources: list[tuple[tuple[str | int, ...], str]] = []
    for key in ("text", "definition"):
        value = getattr(module, key, None)
        if value:
            sources.append(((key,), value))
    if module.options is not None:
        sources += [(("options", "choices", k, "text"), c.text) for k, c in sorted(module.options.choices.items())]
    return sources


def library_for(config: Path | None = None, folders: Sequence[Path] = ()) -> tuple[Library, Catalogue]:
    """Return the library and catalogue that a build of ``config`` sees (see ``library_of``)."""
    from modellaw.configfile import load_config

    return library_of(load_config(config) if config is not None else None, folders)


def library_of(loaded: LoadedConfig | None, folders: Sequence[Path] = ()) -> tuple[Library, Catalogue]:
    """Return the library and catalogue of a loaded config: the one loading function every command uses.

    Without a config: the ``folders`` given (the built-in library when none). With one: the built-in
    library (unless ``builtin_library: false``), then the config's own library folders, whose modules,
    safeguard rules and catalogue entries (``instruments.yaml``, ``recommendations.yaml``) stand beside
    the built-in ones. Raise LibraryError listing every problem.
    """
    own: list[Path] = list(folders)
    builtin = not folders
    if loaded is not None:
        own, builtin = own + loaded.library_folders(), loaded.config.builtin_library
    all_folders = ([builtin_library()] if builtin else []) + own
    catalogue = with_own(load_catalogue(), [f for f in all_folders if _is_own(f)])
    return load_library(all_folders, catalogue), catalogue


def _is_own(folder: Path) -> bool:
    """True when ``folder`` is not the built-in library."""
    return folder.resolve() != builtin_library().resolve()


def load_library(folders: Iterable[Path], catalogue: Catalogue) -> Library:
    """Load and validate every module in ``folders``; raise LibraryError listing every problem.

    A module of an own folder with the id of a built-in one replaces it only when it says
    ``replaces: <id>``; the replacements are listed in ``Library.replaced``.
    """
    problems = Diagnostics()
    entries: dict[str, Entry] = {}
    rules: list[RuleEntry] = []
    replaced: list[Entry] = []
    authorities: dict[str, AuthorityEntry] = {}
    translations: dict[tuple[str, str], TranslationEntry] = {}
    authority_translations: dict[str, AuthoritiesTranslation] = {}
    introductions: dict[str, Front] = {}
    for folder in folders:
        if not folder.is_dir():
            problems.error("LIB002", "clause library folder does not exist", Location(relpath(folder)))
            continue
        rules.extend(_load_rules(folder / "rules.yaml", problems))
        top = folder.resolve()
        own = _is_own(folder)
        _add_authorities(folder / "authorities.yaml", authorities, problems)
        _add_authority_translations(folder, authority_translations, problems)
        for path in translation_files(folder):
            entry = load_translation(path, problems)
            if entry is not None:
                header = entry.translation.translation
                translations[(header.of, base_language(header.language))] = entry
        introductions.update(load_introductions(folder, problems))
        for path in module_files(folder):
            if top not in path.resolve().parents:
                problems.error("LIB030", "module file links to a file outside its library folder", Location(relpath(path)))
                continue
            entry = _load_module(path, problems, own)
            if entry is None or not _check_replaces(entry, entries, problems):
                continue
            if entry.module.id in entries:
                replaced.append(entry)
            entries[entry.module.id] = entry
    library = Library(entries, tuple(rules), authorities, translations, authority_translations, tuple(replaced), introductions=introductions)
    problems.extend(check_links(library, catalogue))
    problems.extend(check_translation_links(library))
    problems.extend(check_authority_calls(library))
    problems.extend(check_rule_links(library, catalogue))
    problems.raise_if_errors(LibraryError)
    return library


def _check_replaces(entry: Entry, entries: dict[str, Entry], problems: Diagnostics) -> bool:
    """Return True when ``entry`` may be added: a new id, or an own module that says it replaces a built-in one."""
    module, other = entry.module, entries.get(entry.module.id)
    if module.replaces is not None and module.replaces != module.id:
        problems.error("LIB031", f"replaces {module.replaces!r}, but a replacement must have the id of the module it replaces "
                       f"(write id: {module.replaces})", entry.locate(("replaces",)))
        return False
    if module.replaces is not None and (other is None or other.own):
        problems.error("LIB032", f"replaces {module.id!r}, but the built-in library has no such module", entry.locate(("replaces",)))
        return False
    if other is not None and (module.replaces is None or not entry.own):
        hint = f"; to replace the built-in one, add 'replaces: {module.id}'" if entry.own and not other.own else ""
        problems.error("LIB003", f"duplicate clause id {module.id!r} (also in {other.source.file}){hint}", entry.locate(("id",)))
        return False
    return True


def _load_rules(path: Path, problems: Diagnostics) -> list[RuleEntry]:
    """Return the safeguard rules in ``path`` (none when the file is absent)."""
    if not path.exists():
        return []
    loaded, diags = load_yaml(path, relpath(path))
    problems.extend(diags)
    if loaded is None or diags:
        return []
    rule_file, diags = validate_model(RuleFile, loaded, "RUL")
    problems.extend(diags)
    return [RuleEntry(rule, loaded, i) for i, rule in enumerate(rule_file.rules)] if rule_file else []


def _add_authorities(path: Path, registry: dict[str, AuthorityEntry], problems: Diagnostics) -> None:
    """Add the authorities declared in ``path`` (none when the file is absent) to ``registry``."""
    if not path.exists():
        return
    loaded, diags = load_yaml(path, relpath(path))
    problems.extend(diags)
    if loaded is None or diags:
        return
    declared, diags = validate_model(AuthorityFile, loaded, "AUT")
    problems.extend(diags)
    if declared is None:
        return
    for authority_id, authority in declared.authorities.items():
        entry = AuthorityEntry(authority, loaded, authority_id)
        if not re.match(AUTHORITY_ID, authority_id):
            problems.error("AUT002", f"authority id {authority_id!r} must be lower-case words joined by hyphens", entry.locate())
        elif authority_id in registry:
            other = registry[authority_id].source.file
            problems.error("AUT003", f"authority {authority_id!r} is declared twice (also in {other})", entry.locate())
        else:
            registry[authority_id] = entry


def _add_authority_translations(folder: Path, registry: dict[str, AuthoritiesTranslation], problems: Diagnostics) -> None:
    """Add the registry translations ``authorities.<lang>.yaml`` of ``folder``, merged per language."""
    for path in sorted(folder.glob("authorities.*.yaml")):
        translated = load_authority_translation(path, problems)
        if translated is None:
            continue
        language = base_language(translated.language)
        known = registry.get(language)
        merged = {**known.authorities, **translated.authorities} if known else translated.authorities
        registry[language] = translated.model_copy(update={"authorities": merged})


def check_translation_links(library: Library) -> list[Diagnostic]:
    """Return a problem for each translation of a module the library lacks, or of an unknown authority."""
    problems = Diagnostics()
    for (module_id, _), entry in sorted(library.translations.items()):
        if module_id not in library.entries:
            problems.error("TRN008", f"translation of unknown module {module_id!r}{library.suggest(module_id)}", entry.locate("translation", "of"))
    for language, translated in sorted(library.authority_translations.items()):
        for authority_id in sorted(set(translated.authorities) - set(library.authorities)):
            problems.error("TRN008", f"the {language} registry translates unknown authority {authority_id!r}", Location(f"authorities.{language}.yaml"))
    return problems.items


def check_authority_calls(library: Library) -> list[Diagnostic]:
    """Return a problem for every ``authority("id")`` in a template whose id the registry lacks."""
    problems = Diagnostics()
    known = list(library.authorities)
    for _, entry in sorted(library.entries.items()):
        for key, source in template_sources(entry.module):
            for authority_id in AUTHORITY_CALL.findall(source):
                if authority_id not in library.authorities:
                    close = difflib.get_close_matches(authority_id, known, n=1)
                    hint = f" (did you mean {close[0]!r}?)" if close else "; declare it in authorities.yaml"
                    problems.error("AUT004", f"{entry.module.id} names unknown authority {authority_id!r}{hint}", entry.locate(key))
    return problems.items


def check_rule_links(library: Library, catalogue: Catalogue) -> list[Diagnostic]:
    """Return problems with rules: duplicate codes, unknown clause ids, unknown instruments."""
    problems = Diagnostics()
    seen: set[str] = set()
    for entry in library.rules:
        where = entry.source.locate(("rules", entry.index, "id"))
        if entry.rule.id in seen:
            problems.error("RUL002", f"duplicate rule {entry.rule.id}", where)
        seen.add(entry.rule.id)
        for clause_id in entry.rule.named_clauses():
            if clause_id not in library.entries:
                problems.error("RUL003", f"rule {entry.rule.id} names unknown clause {clause_id!r}{library.suggest(clause_id)}", where)
        problems.extend(_unknown_options(entry, library))
        for index, source in enumerate(entry.rule.sources):
            if catalogue.instruments and source.instrument not in catalogue.instruments:
                location = entry.source.locate(("rules", entry.index, "sources", index, "instrument"))
                problems.error("RUL004", f"unknown instrument {source.instrument!r}", location)
    return problems.items


def _unknown_options(entry: RuleEntry, library: Library) -> list[Diagnostic]:
    """Return an RUL005 error for each option an ``options_incompatible`` rule names that its clause lacks."""
    problems = Diagnostics()
    for index, choice in enumerate(entry.rule.options_incompatible):
        module = library.entries[choice.clause].module if choice.clause in library.entries else None
        known = set(module.options.choices) if module is not None and module.options is not None else set()
        for key in choice.options:
            if module is not None and key not in known:
                where = entry.source.locate(("rules", entry.index, "options_incompatible", index, "options"))
                problems.error("RUL005", f"rule {entry.rule.id}: {choice.clause} has no option {key!r}"
                               + (f" (it has {', '.join(sorted(known))})" if known else " (it has no options)"), where)
    return problems.items


def _load_module(path: Path, problems: Diagnostics, own: bool = False) -> Entry | None:
    loaded, diags = load_yaml(path, relpath(path))
    problems.extend(diags)
    if loaded is None or diags:
        return None
    kind = loaded.data.get("kind", "clause") if isinstance(loaded.data, dict) else "clause"
    model = DefinitionModule if kind == "definition" else ClauseModule
    module, diags = validate_model(model, loaded, "LIB")
    problems.extend(diags)
    if module is None:
        return None
    entry = Entry(module, loaded, own)
    family = path.parent.name
    if module.family != family:
        problems.error("LIB004", f"id {module.id!r} must start with its folder name '{family}.'", entry.locate(("id",)))
    return entry


def check_links(library: Library, catalogue: Catalogue) -> list[Diagnostic]:
    """Return problems with links between modules and to the catalogues."""
    problems = Diagnostics()
    for clause_id, entry in sorted(library.entries.items()):
        module = entry.module
        for key in ("requires", "conflicts"):
            for index, target in enumerate(getattr(module, key, [])):
                if target not in library.entries:
                    message = f"{key} unknown clause {target!r}{library.suggest(target)}"
                    problems.error("LIB005", message, entry.locate((key, index)))
                elif target == clause_id:
                    problems.error("LIB006", f"a clause cannot list itself in {key}", entry.locate((key, index)))
        if catalogue.instruments:
            for index, source in enumerate(module.sources):
                if source.instrument not in catalogue.instruments:
                    message = f"unknown instrument {source.instrument!r}; add it to seeds/instruments.yaml"
                    problems.error("LIB007", message, entry.locate(("sources", index, "instrument")))
        if catalogue.recommendations:
            for index, rec in enumerate(module.implements):
                if rec not in catalogue.recommendations:
                    message = f"unknown recommendation {rec!r}; see seeds/recommendations.yaml"
                    problems.error("LIB008", message, entry.locate(("implements", index)))
    return problems.items
