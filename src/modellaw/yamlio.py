"""Safe YAML reading that can say the line of every key path, for located error messages.

The data is built by PyYAML's safe constructor (libyaml parses when available); the node tree
is kept so that lines are looked up only when a message or a text origin needs one.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml

from modellaw.errors import Diagnostic, Location
from modellaw.inputs import read_input

KeyPath = tuple[str | int, ...]

XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff\ue000-\uf8ff\U000f0000-\U0010ffff]")
"""Characters XML 1.0 cannot hold (control characters, lone surrogates), DEL, and the private-use
areas (the renderer reserves U+E000-U+E0FF; the rest prints as empty boxes)."""
_XML_INVALID = XML_INVALID

_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_SCALAR_TAGS = {f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "timestamp")}
"""Scalars the schemas can hold: no ``!!binary`` (bytes), ``!!set`` or other typed values."""
_CHECKED_TAGS = _SCALAR_TAGS - {"tag:yaml.org,2002:str"}

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about ten times faster), else the Python one."""


@dataclass(frozen=True)
class LoadedYaml:
    """A YAML document's data and its node tree (for lines); ``root`` is None for an empty file."""

    file: str
    data: Any
    root: yaml.Node | None = None
    sha256: str = ""
    """Hash of the file's bytes, as read (empty for parsed text)."""

    def _walk(self, path: KeyPath) -> list[tuple[yaml.Node, yaml.Node | None]]:
        """Return (node, key node) for each step of ``path`` that exists, from the root down."""
        steps: list[tuple[yaml.Node, yaml.Node | None]] = []
        node = self.root
        if node is None:
            return steps
        steps.append((node, None))
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            steps.append(child)
            node = child[0]
        return steps

    def has(self, path: KeyPath) -> bool:
        """True when every key of ``path`` is present in the file."""
        return len(self._walk(path)) == len(path) + 1

    def line_of(self, path: KeyPath) -> int | None:
        """Return the 1-based line of ``path`` (its key), or of its nearest ancestor; None if empty."""
        steps = self._walk(path)
        if not steps:
            return None
        node, key = steps[-1]
        return (key or node).start_mark.line + 1

    def text_start_line(self, path: KeyPath) -> int | None:
        """Return the line where the text of the scalar at ``path`` starts (after ``|`` or ``>``)."""
        steps = self._walk(path)
        if len(steps) != len(path) + 1:
            return self.line_of(path)
        node = steps[-1][0]
        block = isinstance(node, yaml.ScalarNode) and node.style in ("|", ">")
        return node.start_mark.line + 1 + (1 if block else 0)

    def locate(self, path: KeyPath) -> Location:
        """Return the Location of ``path`` in this file."""
        return Location(self.file, self.line_of(path), dotted(path))


def _child(node: yaml.Node, part: str | int) -> tuple[yaml.Node, yaml.Node | None] | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in reversed(node.value):
            if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                return value, key
    elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
        return node.value[part], None
    return None


def dotted(path: KeyPath) -> str:
    """Return ``a.b.0.c`` for the key path ``('a', 'b', 0, 'c')``."""
    return ".".join(str(p) for p in path)


def _check_nodes(
    node: yaml.Node, path: KeyPath, file: str, problems: list[Diagnostic], seen: set[int] | None = None, loader: Any = None
) -> None:
    """Report duplicate keys, forbidden characters and values Python cannot hold (YAML006);
    raise on tags other than plain maps, lists and scalars.

    Each node is checked once: aliases share nodes, and walking them again would take
    exponential time on hostile input ("billion laughs").
    """
    seen = set() if seen is None else seen
    if id(node) in seen:
        return
    seen.add(id(node))
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
        raise yaml.constructor.ConstructorError(None, None, f"tag {node.tag!r} is not allowed", node.start_mark)
    if isinstance(node, yaml.ScalarNode) and node.tag not in _SCALAR_TAGS:
        raise yaml.constructor.ConstructorError(None, None, f"tag {node.tag!r} is not allowed", node.start_mark)
    if isinstance(node, yaml.MappingNode):
        names: set[str] = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else str(key.start_mark)
            if name in names and name != "<<":
                problems.append(Diagnostic("YAML002", f"duplicate key {name!r}", Location(file, key.start_mark.line + 1, dotted((*path, name)))))
            names.add(name)
            _check_nodes(value, (*path, name), file, problems, seen, loader)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _check_nodes(item, (*path, index), file, problems, seen, loader)
    elif node.tag in _CHECKED_TAGS and loader is not None:
        _check_scalar_value(node, path, file, problems, loader)
    elif isinstance(node.value, str) and (match := _XML_INVALID.search(node.value)):
        line = node.start_mark.line + 1 + node.value.count("\n", 0, match.start())
        message = f"character U+{ord(match.group()):04X} cannot appear in a document (XML-invalid or reserved)"
        problems.append(Diagnostic("YAML003", message, Location(file, line, dotted(path))))


def _check_scalar_value(node: yaml.ScalarNode, path: KeyPath, file: str, problems: list[Diagnostic], loader: Any) -> None:
    """Report a number or date that Python refuses (beyond the integer digit limit, 30 February)."""
    try:
        loader.construct_object(node)
    except (ValueError, OverflowError) as exc:
        shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        message = f"value {shown!r} cannot be read as a {node.tag.rsplit(':', 1)[-1]}: {str(exc)[:120]}"
        problems.append(Diagnostic("YAML006", message, Location(file, node.start_mark.line + 1, dotted(path))))


def load_yaml(path: Path, display: str) -> tuple[LoadedYaml | None, list[Diagnostic]]:
    """Read ``path`` safely (a regular file, bounded in size); return the document (None when
    unreadable) and its problems."""
    data, problems = read_input(path, display)
    if data is None:
        return None, problems
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = len(data[data.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")) + 1
        message = f"file is not UTF-8 text ({exc.reason} at column {column})"
        return None, [Diagnostic("YAML004", message, Location(display, line))]
    loaded, problems = parse_yaml(text, display)
    return (replace(loaded, sha256=hashlib.sha256(data).hexdigest()) if loaded else None), problems


def parse_yaml(text: str, display: str) -> tuple[LoadedYaml | None, list[Diagnostic]]:
    """Parse YAML ``text`` named ``display``; return the document (None on syntax errors) and problems."""
    loader = None
    problems: list[Diagnostic] = []
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return LoadedYaml(display, None), []
        _check_nodes(node, (), display, problems, loader=loader)
        if problems:
            return None, problems
        data = loader.construct_document(node)
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        return None, [Diagnostic("YAML003", f"character U+{exc.character:04X} is not allowed in YAML", Location(display, line))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        return None, [Diagnostic("YAML001", f"invalid YAML: {message}", Location(display, mark.line + 1 if mark else None))]
    except yaml.YAMLError as exc:
        return None, [Diagnostic("YAML001", f"invalid YAML: {exc}", Location(display))]
    finally:
        if loader is not None:
            loader.dispose()
    return LoadedYaml(display, data, node), problems
