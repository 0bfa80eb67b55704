"""Turn pydantic validation errors into located diagnostics in the user's words."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ValidationError

from modellaw.errors import Diagnostic, Location
from modellaw.yamlio import KeyPath, LoadedYaml, dotted

_CODES = {
    "missing": "010",
    "extra_forbidden": "011",
    "literal_error": "012",
    "string_pattern_mismatch": "013",
    "value_error": "014",
    "union_tag_invalid": "015",
    "string_too_long": "016",
}


def validate_model(model: type[BaseModel], loaded: LoadedYaml, prefix: str) -> tuple[Any, list[Diagnostic]]:
    """Validate ``loaded.data`` against ``model``; return the instance (None on errors) and problems.

    Rule codes are ``<prefix><nnn>``: 010 missing key, 011 unknown key, 012 value not allowed,
    013 bad id/pattern, 014 failed check, 015 unknown kind/type, 016 text too long, 020 any other type error.
    """
    if not isinstance(loaded.data, dict):
        message = f"expected a mapping at the top level, found {_kind(loaded.data)}"
        return None, [Diagnostic(f"{prefix}001", message, Location(loaded.file, loaded.line_of(()) or 1))]
    try:
        return model.model_validate(loaded.data), []
    except ValidationError as exc:
        return None, [_diagnostic(err, loaded, prefix) for err in exc.errors(include_url=False)]


def _diagnostic(err: Any, loaded: LoadedYaml, prefix: str) -> Diagnostic:
    path = _data_path(tuple(err["loc"]), loaded.data)
    code = prefix + _CODES.get(err["type"], "020")
    message = err["msg"]
    if err["type"] == "extra_forbidden":
        message = f"unknown key {path[-1]!r}" if path else "unknown key"
    elif err["type"] == "missing":
        message = f"required key {path[-1]!r} is missing" if path else message
    elif err["type"].startswith("value_error"):
        message = message.removeprefix("Value error, ")
    elif "input" in err and not isinstance(err["input"], (dict, list)):
        message = f"{message} (got {err['input']!r})"
    return Diagnostic(code, message, Location(loaded.file, loaded.line_of(path), dotted(path)))


def _data_path(loc: KeyPath, data: Any) -> KeyPath:
    """Drop the union-variant names pydantic inserts into ``loc`` (e.g. ``'text'``, ``'function-after[...]'``)."""
    path: list[str | int] = []
    node = data
    for part in loc:
        if isinstance(node, dict) and part in node:
            path.append(part)
            node = node[part]
        elif isinstance(node, list) and isinstance(part, int) and part < len(node):
            path.append(part)
            node = node[part]
        elif isinstance(part, str) and not _is_variant_tag(part, node):
            path.append(part)
            node = None
    return tuple(path)


def _is_variant_tag(part: str, node: Any) -> bool:
    """True when ``part`` names a union variant rather than a key of the data."""
    if "[" in part:
        return True
    return isinstance(node, dict) and part in (node.get("type"), node.get("kind"))


def _kind(value: Any) -> str:
    return {type(None): "nothing", str: "text", list: "a list", int: "a number"}.get(type(value), type(value).__name__)
