"""Fuzzing the default config and every built-in module: each mutation (a key deleted, a value of
another type, random Unicode, the file cut short) either builds or fails with a located
DraftingError, never another exception. Fixed seed (derandomized), a few thousand cases.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from modellaw.build import load_for
from modellaw.catalogue import load_catalogue
from modellaw.checks import run_checks
from modellaw.configfile import load_config
from modellaw.errors import DraftingError
from modellaw.library import Entry, Library, module_files
from modellaw.numbering import number
from modellaw.render import render
from modellaw.resolve import resolve
from modellaw.resources import builtin_library, default_config
from modellaw.schema.clause import ClauseModule, DefinitionModule
from modellaw.validation import validate_model
from modellaw.writers.docx import write_docx
from modellaw.yamlio import parse_yaml

def fuzz(examples: int) -> settings:
    """Settings for a reproducible run of ``examples`` cases (no example database, no deadline)."""
    return settings(derandomize=True, database=None, deadline=None, max_examples=examples, suppress_health_check=list(HealthCheck))

Path_ = tuple[str | int, ...]


@cache
def _library() -> Library:
    return load_for(load_config(default_config()))


@cache
def _default_data() -> Any:
    return yaml.safe_load(default_config().read_text(encoding="utf-8"))


@cache
def _modules() -> tuple[tuple[str, Any], ...]:
    return tuple((p.name, yaml.safe_load(p.read_text(encoding="utf-8"))) for p in module_files(builtin_library()))


def _paths(data: Any, prefix: Path_ = ()) -> list[Path_]:
    """Return every key path in ``data`` (maps and lists), the root excluded."""
    found: list[Path_] = []
    items = data.items() if isinstance(data, dict) else enumerate(data) if isinstance(data, list) else ()
    for key, value in items:
        found.append((*prefix, key))
        found.extend(_paths(value, (*prefix, key)))
    return found


_VALUES = st.one_of(
    st.text(max_size=40),
    st.text(st.characters(codec=None), max_size=20),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True),
    st.none(),
    st.booleans(),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.lists(st.text(max_size=10), max_size=3),
    st.dictionaries(st.text(max_size=8), st.integers(), max_size=2),
    st.just("x" * 300),
    st.just("{{ 'a' * 10**10 }}"),
    st.just("{{ range(10**9)|list }}"),
)


@st.composite
def _mutated(draw: st.DrawFn, data: Any) -> str:
    """Return the YAML text of ``data`` with one to three mutations applied."""
    import copy

    data = copy.deepcopy(data)
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent = data
        for part in path[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["delete", "replace", "replace", "unicode"]))
        if action == "delete":
            del parent[path[-1]]
        elif action == "unicode" and isinstance(parent[path[-1]], str):
            text = parent[path[-1]]
            at = draw(st.integers(0, len(text)))
            parent[path[-1]] = text[:at] + draw(st.text(st.characters(codec=None), min_size=1, max_size=5)) + text[at:]
        else:
            parent[path[-1]] = draw(_VALUES)
    try:
        text = yaml.dump(data, Dumper=getattr(yaml, "CSafeDumper", yaml.SafeDumper), allow_unicode=True, sort_keys=False)
    except UnicodeEncodeError:  # libyaml cannot write lone surrogates; the Python emitter escapes them
        text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    if draw(st.integers(0, 9)) == 0:
        text = text[: draw(st.integers(0, len(text)))]
    return text


def _located(error: DraftingError) -> None:
    assert error.diagnostics, "a DraftingError without diagnostics"
    for diagnostic in error.diagnostics:
        assert diagnostic.location is not None and diagnostic.location.file, diagnostic.format()


def _build(config: Path, write: bool) -> None:
    loaded = load_config(config)
    simple = loaded.config.builtin_library and not loaded.config.library
    library = _library() if simple else load_for(loaded)
    resolved = resolve(loaded, library)
    document, _ = render(resolved, load_catalogue())
    document = number(document)
    run_checks(document, resolved)
    if write:
        write_docx(document)


@fuzz(500)
@given(st.data())
def test_mutated_default_config_builds_or_fails_located(tmp_path_factory: pytest.TempPathFactory, data: st.DataObject) -> None:
    text = data.draw(_mutated(_default_data()))
    config = tmp_path_factory.mktemp("fuzz") / "config.yaml"
    config.write_text(text, encoding="utf-8", errors="surrogatepass")
    try:
        _build(config, write=data.draw(st.integers(0, 19)) == 0)
    except DraftingError as error:
        _located(error)


@fuzz(2000)
@given(st.data())
def test_mutated_builtin_modules_load_or_fail_located(data: st.DataObject) -> None:
    name, module = data.draw(st.sampled_from(_modules()))
    text = data.draw(_mutated(module))
    loaded, problems = parse_yaml(text, name)
    if loaded is None or problems:
        assert all(p.location is not None for p in problems)
        return
    kind = loaded.data.get("kind", "clause") if isinstance(loaded.data, dict) else "clause"
    model, diags = validate_model(DefinitionModule if kind == "definition" else ClauseModule, loaded, "LIB")
    assert all(d.location is not None for d in diags)
    if model is None or data.draw(st.integers(0, 9)) != 0:
        return
    library = _library()
    if model.id not in library.entries:
        return
    entries = {**library.entries, model.id: Entry(model, loaded)}
    try:
        loaded_config = load_config(default_config())
        resolved = resolve(loaded_config, replace(library, entries=entries))
        document, _ = render(resolved, load_catalogue())
        run_checks(number(document), resolved)
    except DraftingError as error:
        _located(error)
