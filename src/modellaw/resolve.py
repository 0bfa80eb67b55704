"""RESOLVE: the config's selection against the library: order, requires/conflicts, options, typed parameters."""

from __future__ import annotations

import difflib
import reprlib
from dataclasses import dataclass, field
from typing import Any

from pydantic import TypeAdapter, ValidationError

from modellaw.configfile import LoadedConfig
from modellaw.errors import Diagnostics, ResolutionError
from modellaw.library import Entry, Library, template_sources
from modellaw.schema.authorities import AUTHORITY_CALL
from modellaw.schema.clause import (
    BooleanParameter,
    ChoiceParameter,
    ClauseModule,
    DefinitionModule,
    DurationParameter,
    IntegerParameter,
    ListParameter,
    Parameter,
    TextParameter,
)
from modellaw.schema.config import DEFINITIONS_SLOT
from modellaw.schema.types import Duration

_SHORT = reprlib.Repr()
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxdict, _SHORT.maxstring, _SHORT.maxother = 2, 4, 4, 60, 60
"""A short repr for values quoted in messages (a hostile value can be huge)."""

_ADAPTERS: dict[type, TypeAdapter[Any]] = {
    TextParameter: TypeAdapter(str),
    IntegerParameter: TypeAdapter(int),
    ChoiceParameter: TypeAdapter(str),
    ListParameter: TypeAdapter(list[str]),
    BooleanParameter: TypeAdapter(bool),
    DurationParameter: TypeAdapter(Duration),
}


@dataclass(frozen=True)
class ParamValue:
    """A checked parameter value, and whether it came from the clause's default."""

    value: Any
    is_default: bool


@dataclass(frozen=True)
class ResolvedClause:
    """A clause placed in the document, with its option and typed parameter values."""

    entry: Entry
    params: dict[str, ParamValue]
    option: str | None


@dataclass(frozen=True)
class DefinitionsSlot:
    """Where the assembled definitions article goes."""


@dataclass(frozen=True)
class ResolvedDivision:
    """A chapter with its resolved items in order."""

    title: str
    items: tuple[ResolvedClause | DefinitionsSlot, ...]


@dataclass(frozen=True)
class Designation:
    """An authority as the law names it: the config's name or the registry's default."""

    id: str
    name: str
    function: str
    is_default: bool


@dataclass(frozen=True)
class ResolvedDocument:
    """The config resolved against the library: everything the renderer needs."""

    loaded: LoadedConfig
    library: Library
    divisions: tuple[ResolvedDivision, ...]
    authorities: dict[str, Designation] = field(default_factory=dict)
    """Every authority of the registry by id, named as this document names it."""
    authorities_used: tuple[str, ...] = ()
    """The ids of the authorities the included clauses name, in order of first mention."""

    def clause_ids(self) -> set[str]:
        """Return the ids of every clause placed in the document."""
        return {i.entry.module.id for d in self.divisions for i in d.items if isinstance(i, ResolvedClause)}


def resolve(loaded: LoadedConfig, library: Library) -> ResolvedDocument:
    """Return the resolved document; raise ResolutionError listing every problem."""
    problems = Diagnostics()
    placed = _placed_clauses(loaded, library, problems)
    _check_requires_conflicts(loaded, library, placed, problems)
    _check_unplaced_settings(loaded, library, placed, problems)
    divisions = []
    for d_index, division in enumerate(loaded.config.structure):
        items: list[ResolvedClause | DefinitionsSlot] = []
        for c_index, clause_id in enumerate(division.clauses):
            if clause_id == DEFINITIONS_SLOT:
                items.append(DefinitionsSlot())
            elif clause_id in placed and placed[clause_id] == (d_index, c_index):
                items.append(_resolve_clause(loaded, library.entries[clause_id], problems))
        divisions.append(ResolvedDivision(division.chapter, tuple(items)))
    authorities = designations(loaded, library, problems)
    problems.raise_if_errors(ResolutionError)
    return ResolvedDocument(loaded, library, tuple(divisions), authorities, authorities_used_in(divisions))


def designations(loaded: LoadedConfig, library: Library, problems: Diagnostics) -> dict[str, Designation]:
    """Return every registry authority named as the config designates it; report unknown ids."""
    given = loaded.config.authorities
    for authority_id in sorted(set(given) - set(library.authorities)):
        close = difflib.get_close_matches(authority_id, list(library.authorities), n=1)
        hint = f" (did you mean {close[0]!r}?)" if close else ""
        problems.error("RES030", f"unknown authority {authority_id!r}{hint}", loaded.locate(("authorities", authority_id)))
    designations = {}
    for authority_id, entry in library.authorities.items():
        name = given.get(authority_id)
        if name is not None and not name.strip():
            problems.error("RES031", f"the name of authority {authority_id!r} is empty", loaded.locate(("authorities", authority_id)))
        declared = entry.authority
        designations[authority_id] = Designation(authority_id, name or declared.name, declared.function, name is None)
    return designations


def authorities_used_in(divisions: list[ResolvedDivision]) -> tuple[str, ...]:
    """Return the authority ids the included clauses name (text and options), in order of first mention."""
    used: dict[str, None] = {}
    for division in divisions:
        for item in division.items:
            if isinstance(item, ResolvedClause):
                for _, source in template_sources(item.entry.module):
                    used.update(dict.fromkeys(AUTHORITY_CALL.findall(source)))
    return tuple(used)


def _placed_clauses(loaded: LoadedConfig, library: Library, problems: Diagnostics) -> dict[str, tuple[int, int]]:
    """Return clause id -> (division, position) for every known clause, reporting unknown and repeated ones."""
    placed: dict[str, tuple[int, int]] = {}
    for d_index, division in enumerate(loaded.config.structure):
        for c_index, clause_id in enumerate(division.clauses):
            where = loaded.locate(("structure", d_index, "clauses", c_index))
            if clause_id == DEFINITIONS_SLOT:
                continue
            entry = library.get(clause_id)
            if entry is None:
                problems.error("RES001", f"unknown clause {clause_id!r}{library.suggest(clause_id)}", where)
            elif isinstance(entry.module, DefinitionModule):
                problems.error("RES002", f"{clause_id!r} is a definition; it goes into the definitions article, not the structure", where)
            elif clause_id in placed:
                problems.error("RES003", f"clause {clause_id!r} is placed twice", where)
            else:
                placed[clause_id] = (d_index, c_index)
    return placed


def _check_requires_conflicts(
    loaded: LoadedConfig, library: Library, placed: dict[str, tuple[int, int]], problems: Diagnostics
) -> None:
    """Report placed clauses whose required clauses are missing or whose conflicting clauses are present."""
    reported: set[frozenset[str]] = set()
    for clause_id, (d_index, c_index) in sorted(placed.items()):
        module = library.entries[clause_id].module
        assert isinstance(module, ClauseModule)
        where = loaded.locate(("structure", d_index, "clauses", c_index))
        for needed in module.requires:
            if needed not in placed and not needed.startswith("definitions."):
                problems.error("RES005", f"clause {clause_id!r} requires {needed!r}, which is not in the structure", where)
        for other in module.conflicts:
            if other in placed and frozenset((clause_id, other)) not in reported:
                reported.add(frozenset((clause_id, other)))
                problems.error("RES006", f"clause {clause_id!r} conflicts with {other!r}; keep only one", where)


def _check_unplaced_settings(
    loaded: LoadedConfig, library: Library, placed: dict[str, tuple[int, int]], problems: Diagnostics
) -> None:
    """Report parameters and options given for clauses that are not placed (definitions excepted)."""
    for key in ("parameters", "options"):
        for clause_id in getattr(loaded.config, key):
            entry = library.get(clause_id)
            if entry is not None and isinstance(entry.module, DefinitionModule):
                _check_definition_settings(loaded, entry, key, problems)
            elif clause_id not in placed:
                message = f"{key} given for clause {clause_id!r}, which is not in the structure"
                problems.error("RES004", message, loaded.locate((key, clause_id)))


def _check_definition_settings(loaded: LoadedConfig, entry: Entry, key: str, problems: Diagnostics) -> None:
    """Report unknown parameter names and options given for a definition module."""
    module = entry.module
    if key == "options":
        chosen = loaded.config.options[module.id]
        if module.options is None or chosen not in module.options.choices:
            problems.error("RES021", f"definition {module.id!r} has no option {chosen!r}", loaded.locate(("options", module.id)))
        return
    for name in sorted(set(loaded.config.parameters[module.id]) - set(module.parameters)):
        problems.error("RES010", f"definition {module.id!r} has no parameter {name!r}", loaded.locate(("parameters", module.id, name)))


def _resolve_clause(loaded: LoadedConfig, entry: Entry, problems: Diagnostics) -> ResolvedClause:
    module = entry.module
    assert isinstance(module, ClauseModule)
    given = loaded.config.parameters.get(module.id, {})
    params: dict[str, ParamValue] = {}
    for name in sorted(set(given) - set(module.parameters)):
        known = ", ".join(sorted(module.parameters)) or "none"
        message = f"clause {module.id!r} has no parameter {name!r} (it has: {known})"
        problems.error("RES010", message, loaded.locate(("parameters", module.id, name)))
    for name, declaration in module.parameters.items():
        where = loaded.locate(("parameters", module.id, name))
        if name in given:
            value = check_value(declaration, given[name], problems, where)
            params[name] = ParamValue(value, is_default=False)
        elif declaration.default is not None:
            params[name] = ParamValue(declaration.default, is_default=True)
        else:
            problems.error("RES011", f"clause {module.id!r} needs a value for parameter {name!r}", where)
    option = _resolve_option(loaded, entry, problems)
    return ResolvedClause(entry, params, option)


def check_value(declaration: Parameter, value: Any, problems: Diagnostics, where: Any) -> Any:
    """Return ``value`` converted to the declared type, recording a problem when it does not fit."""
    try:
        checked = _ADAPTERS[type(declaration)].validate_python(value, strict=not isinstance(declaration, DurationParameter))
    except ValidationError as exc:
        message = exc.errors(include_url=False)[0]["msg"].removeprefix("Value error, ")
        problems.error("RES012", f"{message} (the parameter is of type {declaration.type}; got {_SHORT.repr(value)})", where)
        return None
    if isinstance(declaration, IntegerParameter):
        if declaration.min is not None and checked < declaration.min:
            problems.error("RES013", f"{checked} is below the minimum {declaration.min}", where)
        if declaration.max is not None and checked > declaration.max:
            problems.error("RES013", f"{checked} is above the maximum {declaration.max}", where)
    if isinstance(declaration, ChoiceParameter) and checked not in declaration.choices:
        problems.error("RES014", f"{checked!r} is not one of {declaration.choices}", where)
    if isinstance(declaration, ListParameter) and len(checked) < declaration.min_items:
        problems.error("RES015", f"at least {declaration.min_items} item(s) needed, got {len(checked)}", where)
    return checked


def _resolve_option(loaded: LoadedConfig, entry: Entry, problems: Diagnostics) -> str | None:
    module = entry.module
    chosen = loaded.config.options.get(module.id)
    where = loaded.locate(("options", module.id))
    if module.options is None:
        if chosen is not None:
            problems.error("RES020", f"clause {module.id!r} has no drafting options", where)
        return None
    if chosen is None:
        return module.options.default
    if chosen not in module.options.choices:
        known = ", ".join(sorted(module.options.choices))
        problems.error("RES021", f"clause {module.id!r} has no option {chosen!r} (it has: {known})", where)
        return module.options.default
    return chosen
