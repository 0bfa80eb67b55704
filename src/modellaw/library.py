"""LOAD + VALIDATE the clause library: discover module files, read them safely, check them all."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from modellaw.catalogue import Catalogue, load_catalogue, with_own
from modellaw.configfile import LoadedConfig
from modellaw.errors import Diagnostic, Diagnostics, LibraryError, Location, relpath
from modellaw.resources import builtin_library
from modellaw.schema.clause import ClauseModule, DefinitionModule
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
class Library:
    """Every clause and definition module by id, and the safeguard rules of the library folders."""

    entries: dict[str, Entry]
    rules: tuple[RuleEntry, ...] = ()
    replaced: tuple[Entry, ...] = ()
    """Own modules that replace a built-in module of the same id (``replaces:``)."""

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
        p for p in folder.rglob("*.yaml") if not p.name.startswith("_") and p.parent != folder
    )


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
    for folder in folders:
        if not folder.is_dir():
            problems.error("LIB002", "clause library folder does not exist", Location(relpath(folder)))
            continue
        rules.extend(_load_rules(folder / "rules.yaml", problems))
        own = _is_own(folder)
        for path in module_files(folder):
            entry = _load_module(path, problems, own)
            if entry is None or not _check_replaces(entry, entries, problems):
                continue
            if entry.module.id in entries:
                replaced.append(entry)
            entries[entry.module.id] = entry
    library = Library(entries, tuple(rules), tuple(replaced))
    problems.extend(check_links(library, catalogue))
    problems.extend(check_rule_links(library, catalogue))
    problems.raise_if_errors(LibraryError)
    return library


def _check_replaces(entry: Entry, entries: dict[str, Entry], problems: Diagnostics) -> bool:
    """Return True when ``entry`` may be added: a new id, or an own module that says it replaces a built-in one."""
    module, other = entry.module, entries.get(entry.module.id)
    if module.replaces is not None and module.replaces != module.id:
        problems.error("LIB010", f"replaces {module.replaces!r}, but a replacement must have the id of the module it replaces "
                       f"(write id: {module.replaces})", entry.locate(("replaces",)))
        return False
    if module.replaces is not None and (other is None or other.own):
        problems.error("LIB011", f"replaces {module.id!r}, but the built-in library has no such module", entry.locate(("replaces",)))
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


def check_rule_links(library: Library, catalogue: Catalogue) -> list[Diagnostic]:
    """Return problems with rules: duplicate codes, unknown clause ids, unknown instruments."""
    problems = Diagnostics()
    seen: set[str] = set()
    for entry in library.rules:
        where = entry.source.locate(("rules", entry.index, "id"))
        if entry.rule.id in seen:
            problems.error("RUL002", f"duplicate rule {entry.rule.id}", where)
        seen.add(entry.rule.id)
        named = [*entry.rule.when.any_clause, *entry.rule.require.all_clauses, *entry.rule.require.any_clause]
        for clause_id in named:
            if clause_id not in library.entries:
                problems.error("RUL003", f"rule {entry.rule.id} names unknown clause {clause_id!r}{library.suggest(clause_id)}", where)
        for index, source in enumerate(entry.rule.sources):
            if catalogue.instruments and source.instrument not in catalogue.instruments:
                location = entry.source.locate(("rules", entry.index, "sources", index, "instrument"))
                problems.error("RUL004", f"unknown instrument {source.instrument!r}", location)
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
