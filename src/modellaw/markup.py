"""The clause markup: rendered template text -> IR paragraphs, points and inline nodes.

Rules (one block per line group):

- a line at the left margin starts a paragraph; following margin lines continue it;
- a blank line ends a paragraph;
- ``- text`` is a point (a); ``  - text`` (indented two or more spaces) a sub-point (i);
- an indented line without a dash continues the point above it;
- a margin line right after points is the paragraph's closing words (after the points);
- ``{:name}`` at the start of a paragraph or point gives it an anchor for ``ref(id, "name")``;
- ``@options`` alone on a line marks where the drafting options go.

``term()`` and ``ref()`` in templates emit private-use sentinels that become Term and Ref nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from modellaw.errors import Diagnostic, Location
from modellaw.ir import Inline, Paragraph, Point, Ref, Term, Text

OPTIONS_MARKER = "@options"
_OPEN, _SEP, _CLOSE = "\ue000", "\ue002", "\ue001"
_SENTINEL = re.compile(f"{_OPEN}([TR]){_SEP}([^{_CLOSE}]*){_CLOSE}")
_POINT = re.compile(r"^( *)- +(.*)$")
_ANCHOR = re.compile(r"^\{:([a-z][a-z0-9-]*)\}\s*")
_SPACES = re.compile(r"\s+")


def term_sentinel(term_id: str, form: str) -> str:
    """Return the text a template's ``term()`` call emits."""
    return f"{_OPEN}T{_SEP}{term_id}{_SEP}{form}{_CLOSE}"


def ref_sentinel(target: str, anchor: str, case: str = "") -> str:
    """Return the text a template's ``ref()`` call emits."""
    return f"{_OPEN}R{_SEP}{target}{_SEP}{anchor}{_SEP}{case}{_CLOSE}"


@dataclass
class _Item:
    """A paragraph or point being collected: its text lines and children."""

    lines: list[str]
    anchor: str | None = None
    children: list[_Item] = field(default_factory=list)
    wrap: list[str] = field(default_factory=list)


@dataclass
class ParsedBody:
    """Paragraphs before and after the ``@options`` marker (``after`` is None without a marker)."""

    before: list[Paragraph]
    after: list[Paragraph] | None


@dataclass
class _Parser:
    file: str
    first_line: int
    problems: list[Diagnostic]
    paragraphs: list[_Item] = field(default_factory=list)
    marker_at: int | None = None
    current: _Item | None = None

    def feed(self, number: int, line: str) -> None:
        if not line.strip():
            self.current = None
        elif line.strip() == OPTIONS_MARKER:
            self._marker(number)
        elif (match := _POINT.match(line)) is not None:
            self._point(number, len(match.group(1)), match.group(2))
        elif line[0].isspace() and self.current is not None:
            self._last_open_item().lines.append(line.strip())
        elif self.current is not None and self.current.children:
            self.current.wrap.append(line.strip())
        elif self.current is not None:
            self.current.lines.append(line.strip())
        else:
            self.current = _new_item(line.strip())
            self.paragraphs.append(self.current)

    def _marker(self, number: int) -> None:
        if self.marker_at is not None:
            self._error(number, "MRK002", "'@options' may appear only once")
        self.marker_at = len(self.paragraphs)
        self.current = None

    def _point(self, number: int, indent: int, text: str) -> None:
        if self.current is None:
            self._error(number, "MRK001", "a point ('- ') must follow the opening words of a paragraph")
            return
        if self.current.wrap:
            self._error(number, "MRK003", "a point cannot follow the closing words of a paragraph")
            return
        if indent < 2:
            self.current.children.append(_new_item(text))
        elif self.current.children:
            self.current.children[-1].children.append(_new_item(text))
        else:
            self._error(number, "MRK004", "a sub-point ('  - ') must follow a point")

    def _last_open_item(self) -> _Item:
        assert self.current is not None
        item = self.current
        while item.children:
            item = item.children[-1]
        return item if item is not self.current or not self.current.wrap else self.current

    def _error(self, number: int, code: str, message: str) -> None:
        self.problems.append(Diagnostic(code, message, Location(self.file, self.first_line + number)))


def _new_item(text: str) -> _Item:
    match = _ANCHOR.match(text)
    if match is None:
        return _Item([text])
    return _Item([text[match.end():]], anchor=match.group(1))


def parse_body(text: str, file: str, first_line: int, problems: list[Diagnostic]) -> ParsedBody:
    """Return the paragraphs of rendered ``text``; problems are appended, located from ``first_line``."""
    parser = _Parser(file, first_line, problems)
    for number, line in enumerate(text.splitlines()):
        parser.feed(number, line.rstrip())
    paragraphs = [_paragraph(item) for item in parser.paragraphs]
    if parser.marker_at is None:
        return ParsedBody(paragraphs, None)
    return ParsedBody(paragraphs[: parser.marker_at], paragraphs[parser.marker_at :])


def _paragraph(item: _Item) -> Paragraph:
    return Paragraph(
        inlines=parse_inlines(" ".join(item.lines)),
        points=tuple(_point(child) for child in item.children),
        wrap_up=parse_inlines(" ".join(item.wrap)),
        anchor=item.anchor,
    )


def _point(item: _Item) -> Point:
    return Point(
        inlines=parse_inlines(" ".join(item.lines)),
        children=tuple(_point(child) for child in item.children),
        anchor=item.anchor,
    )


def parse_inlines(text: str) -> tuple[Inline, ...]:
    """Return the inline nodes of one line of rendered text (whitespace runs folded to one space)."""
    nodes: list[Inline] = []
    position = 0
    text = _SPACES.sub(" ", text).strip()
    for match in _SENTINEL.finditer(text):
        if match.start() > position:
            nodes.append(Text(text[position : match.start()]))
        kind, payload = match.group(1), match.group(2).split(_SEP)
        if kind == "T":
            nodes.append(Term(payload[0], payload[1]))
        else:
            nodes.append(Ref(payload[0], payload[1] or None, case=payload[2]))
        position = match.end()
    if position < len(text):
        nodes.append(Text(text[position:]))
    return tuple(nodes)
