"""LOAD + VALIDATE the clause library: discover module files, read them safely, check them all."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from modellaw.catalogue import Catalogue
from modellaw.errors import Diagnostic, Diagnostics, LibraryError, Location, relpath
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


def load_library(folders: Iterable[Path], catalogue: Catalogue) -> Library:
    """Load and validate every module in ``folders``; raise LibraryError listing every problem."""
    problems = Diagnostics()
    entries: dict[str, Entry] = {}
    rules: list[RuleEntry] = []
    for folder in folders:
        if not folder.is_dir():
            problems.error("LIB002", "clause library folder does not exist", Location(relpath(folder)))
            continue
        rules.extend(_load_rules(folder / "rules.yaml", problems))
        top = folder.resolve()
        for path in module_files(folder):
            if top not in path.resolve().parents:
                problems.error("LIB010", "module file links to a file outside its library folder", Location(relpath(path)))
                continue
            entry = _load_module(path, problems)
            if entry is None:
                continue
            if entry.module.id in entries:
                other = entries[entry.module.id].source.file
                problems.error("LIB003", f"duplicate clause id {entry.module.id!r} (also in {other})", entry.locate(("id",)))
                continue
            entries[entry.module.id] = entry
    library = Library(entries, tuple(rules))
    problems.extend(check_links(library, catalogue))
    problems.extend(check_rule_links(library, catalogue))
    problems.raise_if_errors(LibraryError)
    return library


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


def _load_module(path: Path, problems: Diagnostics) -> Entry | None:
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
    entry = Entry(module, loaded)
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
