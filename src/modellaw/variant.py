"""Variants of a model: a config that ``extends:`` another and states only its differences.

The base is the built-in default config (``extends: default``) or another config file, relative to
the variant's folder. The variant may drop chapters and clauses, add clauses to a chapter (an
unknown chapter is added at the end, or before the one named in ``before``), merge parameters and
options clause by clause, and set any other key (language, tradition, mode...) outright. A
``structure`` given in full replaces the base's.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from modellaw.errors import Diagnostic, Diagnostics, Location, relpath
from modellaw.yamlio import LoadedYaml, load_yaml

VARIANT_KEYS = ("extends", "drop_chapters", "drop_clauses", "add_clauses")
"""Keys that describe how a variant differs from its base; the merged config keeps them for the record."""

MAX_DEPTH = 8
"""Longest chain of configs extending each other."""


def base_path(name: str, folder: Path) -> Path:
    """Return the file ``extends: name`` points at: the built-in default for ``default``."""
    from modellaw.resources import default_config

    return default_config() if name == "default" else (folder / name).resolve()


def merged_data(loaded: LoadedYaml, path: Path, problems: Diagnostics, seen: tuple[Path, ...] = (),
                checked: set[Path] | None = None) -> Any:
    """Return the config data of ``loaded`` with its base merged in (unchanged when it extends nothing).

    Problems (a missing base, a cycle, a chapter or clause to drop that the base lacks, a base or a
    base's library folder outside the folder of the config naming it) are recorded. The base's library
    folders, confined to the base's own folder, are added to ``checked``.
    """
    checked = set() if checked is None else checked
    data = loaded.data
    if not isinstance(data, dict) or "extends" not in data:
        return data
    name = data["extends"]
    where = loaded.locate(("extends",))
    if not isinstance(name, str) or not name:
        problems.error("CFG030", "extends: takes 'default' or the path of another config", where)
        return data
    base_file = base_path(name, path.parent)
    if name != "default":
        problems.extend(_confined(base_file, path.parent, data, where, "config to extend"))
    if base_file in seen or len(seen) >= MAX_DEPTH:
        problems.error("CFG031", f"configs extend each other in a loop (or more than {MAX_DEPTH} deep): {name}", where)
        return data
    if not base_file.is_file():
        problems.error("CFG032", f"the config to extend, {name!r}, does not exist (relative to this config's folder)", where)
        return data
    base_loaded, diagnostics = load_yaml(base_file, relpath(base_file))
    problems.extend(diagnostics)
    if base_loaded is None or not isinstance(base_loaded.data, dict):
        return data
    base = merged_data(base_loaded, base_file, problems, (*seen, path.resolve()), checked)
    return apply_differences(_rebased(base, base_file, base_loaded, problems, checked), data, loaded, problems)


def _confined(target: Path, folder: Path, data: dict[str, Any], where: Location, what: str) -> list[Diagnostic]:
    """Return the problem when ``target`` lies outside ``folder`` (see ``configfile.confine``)."""
    from modellaw.configfile import confine

    return confine(target, folder, data.get("allow_outside_paths") is True, where, what)


def _rebased(base: dict[str, Any], base_file: Path, base_loaded: LoadedYaml, problems: Diagnostics, checked: set[Path]) -> dict[str, Any]:
    """Return ``base`` with its own library folders made absolute, each confined to the base's folder."""
    base = copy.deepcopy(base)
    folders = base.get("library")
    if isinstance(folders, list):
        rebased: list[Any] = []
        for index, folder in enumerate(folders):
            if not isinstance(folder, str):
                rebased.append(folder)
                continue
            resolved = (base_file.parent / folder).resolve()
            if resolved not in checked and resolved.is_dir():
                problems.extend(_confined(resolved, base_file.parent, base, base_loaded.locate(("library", index)), "library folder"))
                checked.add(resolved)
            rebased.append(str(resolved))
        base["library"] = rebased
    base.pop("extends", None)
    return base


def apply_differences(base: dict[str, Any], variant: dict[str, Any], loaded: LoadedYaml, problems: Diagnostics) -> dict[str, Any]:
    """Return ``base`` changed as ``variant`` says (see the module docstring)."""
    merged = copy.deepcopy(base)
    for key, value in variant.items():
        if key in ("parameters", "options") and isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge_settings(merged[key], value)
        elif key == "library" and isinstance(value, list) and isinstance(merged.get(key), list):
            merged[key] = [*merged[key], *value]
        elif key not in ("drop_chapters", "drop_clauses", "add_clauses"):
            merged[key] = copy.deepcopy(value)
    structure = merged.get("structure")
    if "structure" not in variant and isinstance(structure, list):
        merged["structure"] = _changed_structure(structure, variant, loaded, problems)
        _forget_dropped(merged, variant)
    return merged


def _merge_settings(base: dict[str, Any], own: dict[str, Any]) -> dict[str, Any]:
    """Return parameters or options merged clause by clause (the variant's values win)."""
    merged = copy.deepcopy(base)
    for clause_id, value in own.items():
        if isinstance(value, dict) and isinstance(merged.get(clause_id), dict):
            merged[clause_id] = {**merged[clause_id], **value}
        else:
            merged[clause_id] = copy.deepcopy(value)
    return merged


def _changed_structure(structure: list[Any], variant: dict[str, Any], loaded: LoadedYaml, problems: Diagnostics) -> list[Any]:
    """Return the base structure with the variant's chapters and clauses dropped and added."""
    chapters = [dict(d, clauses=list(d.get("clauses", []))) for d in structure if isinstance(d, dict)]
    headings = [d.get("chapter") for d in chapters]
    for index, heading in enumerate(_list(variant, "drop_chapters")):
        if heading not in headings:
            problems.error("CFG033", f"no chapter {heading!r} to drop (the base has: {', '.join(map(str, headings))})",
                           loaded.locate(("drop_chapters", index)))
    chapters = [d for d in chapters if d.get("chapter") not in _list(variant, "drop_chapters")]
    placed = {c for d in chapters for c in d["clauses"]}
    for index, clause_id in enumerate(_list(variant, "drop_clauses")):
        if clause_id not in placed:
            problems.error("CFG034", f"clause {clause_id!r} is not in the base's structure, so it cannot be dropped",
                           loaded.locate(("drop_clauses", index)))
    for chapter in chapters:
        chapter["clauses"] = [c for c in chapter["clauses"] if c not in _list(variant, "drop_clauses")]
    for addition in _list(variant, "add_clauses"):
        if isinstance(addition, dict):
            _add(chapters, addition)
    return [d for d in chapters if d["clauses"]]


def _add(chapters: list[dict[str, Any]], addition: dict[str, Any]) -> None:
    """Add ``addition["clauses"]`` to its chapter (appended), or add the chapter (at the end or before another)."""
    heading, clauses = addition.get("chapter"), list(addition.get("clauses") or [])
    for chapter in chapters:
        if chapter.get("chapter") == heading:
            chapter["clauses"] += clauses
            return
    before = addition.get("before")
    position = next((i for i, d in enumerate(chapters) if d.get("chapter") == before), len(chapters))
    chapters.insert(position, {"chapter": heading, "clauses": clauses})


def _forget_dropped(merged: dict[str, Any], variant: dict[str, Any]) -> None:
    """Remove the base's parameters and options of clauses that are no longer placed (unless the variant sets them)."""
    placed = {c for d in merged.get("structure", []) for c in d.get("clauses", [])}
    for key in ("parameters", "options"):
        own = variant.get(key) or {}
        settings = merged.get(key)
        if isinstance(settings, dict):
            merged[key] = {k: v for k, v in settings.items() if k in placed or k.startswith("definitions.") or k in own}


def _list(variant: dict[str, Any], key: str) -> list[Any]:
    value = variant.get(key)
    return value if isinstance(value, list) else []

