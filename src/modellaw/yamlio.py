"""Safe YAML reading that remembers the line of every node, for located error messages."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from modellaw.errors import Diagnostic, Location

KeyPath = tuple[str | int, ...]

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff\ue000-\ue0ff]")
"""Characters XML 1.0 cannot hold, plus the private-use block that the renderer reserves."""


_PLAIN_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}


@dataclass(frozen=True)
class LoadedYaml:
    """A YAML document's data, with the 1-based line of each key path and block-scalar flags."""

    file: str
    data: Any
    lines: dict[KeyPath, int] = field(default_factory=dict)
    block_scalars: frozenset[KeyPath] = frozenset()

    def line_of(self, path: KeyPath) -> int | None:
        """Return the line of ``path``, or of its nearest ancestor that has one (None if none)."""
        for end in range(len(path), -1, -1):
            line = self.lines.get(tuple(path[:end]))
            if line is not None:
                return line
        return None

    def text_start_line(self, path: KeyPath) -> int | None:
        """Return the line where the text of the scalar at ``path`` starts (after ``|`` or ``>``)."""
        line = self.lines.get(("__value__", *path))
        if line is None:
            return self.line_of(path)
        return line + 1 if path in self.block_scalars else line

    def locate(self, path: KeyPath) -> Location:
        """Return the Location of ``path`` in this file."""
        return Location(self.file, self.line_of(path), dotted(path))


def dotted(path: KeyPath) -> str:
    """Return ``a.b.0.c`` for the key path ``('a', 'b', 0, 'c')``."""
    return ".".join(str(p) for p in path)


class _Walker:
    """Builds Python values from a composed node tree, recording lines and duplicate keys."""

    def __init__(self, loader: Any, file: str) -> None:
        self.loader = loader
        self.file = file
        self.lines: dict[KeyPath, int] = {}
        self.blocks: set[KeyPath] = set()
        self.problems: list[Diagnostic] = []

    def build(self, node: yaml.Node, path: KeyPath) -> Any:
        self.lines.setdefault(path, node.start_mark.line + 1)
        self.lines[("__value__", *path)] = node.start_mark.line + 1
        if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)) and node.tag not in _PLAIN_TAGS:
            raise yaml.constructor.ConstructorError(None, None, f"tag {node.tag!r} is not allowed", node.start_mark)
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, (*path, i)) for i, item in enumerate(node.value)]
        if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
            self.blocks.add(path)
        value = self.loader.construct_object(node, deep=True)
        if isinstance(value, str):
            self._check_characters(value, node, path)
        return value

    def _mapping(self, node: yaml.MappingNode, path: KeyPath) -> dict[Any, Any]:
        self.loader.flatten_mapping(node)
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = self.loader.construct_object(key_node, deep=True)
            key_path = (*path, key)
            if key in result:
                self.problems.append(
                    Diagnostic("YAML002", f"duplicate key {key!r}", Location(self.file, key_node.start_mark.line + 1, dotted(key_path)))
                )
            self.lines[key_path] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, key_path)
        return result

    def _check_characters(self, value: str, node: yaml.Node, path: KeyPath) -> None:
        match = _XML_INVALID.search(value)
        if match:
            line = node.start_mark.line + 1 + value.count("\n", 0, match.start())
            self.problems.append(
                Diagnostic(
                    "YAML003",
                    f"character U+{ord(match.group()):04X} cannot appear in a document (XML-invalid or reserved)",
                    Location(self.file, line, dotted(path)),
                )
            )


def load_yaml(path: Path, display: str) -> tuple[LoadedYaml | None, list[Diagnostic]]:
    """Read ``path`` safely; return the loaded document (None when unreadable) and its problems."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Diagnostic("YAML004", f"file is not UTF-8 text ({exc.reason})", Location(display))]
    except OSError as exc:
        return None, [Diagnostic("YAML005", f"cannot read file: {exc.strerror}", Location(display))]
    return parse_yaml(text, display)


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's safe loader when PyYAML was built with it (about ten times faster), else the Python one."""


def parse_yaml(text: str, display: str) -> tuple[LoadedYaml | None, list[Diagnostic]]:
    """Parse YAML ``text`` named ``display``; return the document (None on syntax errors) and problems."""
    loader = None
    try:
        loader = _Loader(text)
        node = loader.get_single_node()
        if node is None:
            return LoadedYaml(display, None), []
        walker = _Walker(loader, display)
        data = walker.build(node, ())
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        message = f"character U+{exc.character:04X} is not allowed in YAML"
        return None, [Diagnostic("YAML003", message, Location(display, line))]
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        message = " ".join(p for p in (exc.context, exc.problem) if p)
        return None, [Diagnostic("YAML001", f"invalid YAML: {message}", Location(display, line))]
    except yaml.YAMLError as exc:
        return None, [Diagnostic("YAML001", f"invalid YAML: {exc}", Location(display))]
    finally:
        if loader is not None:
            loader.dispose()
    return LoadedYaml(display, data, walker.lines, frozenset(walker.blocks)), walker.problems
