"""Generic walks over the IR: visit or rewrite every inline node of a block, article or document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import Any, TypeVar

from modellaw.ir import Alternatives, Article, Block, Document, Inline, OptionGroup, Paragraph, Point

InlineMap = Callable[[Inline], Inline]
T = TypeVar("T", Paragraph, Point, OptionGroup, Article, Document)


def map_inlines(node: T, fn: InlineMap) -> T:
    """Return ``node`` with ``fn`` applied to every inline below it; unchanged parts are reused."""
    if isinstance(node, Point):
        return _rebuilt(node, inlines=_map(node.inlines, fn), children=_each(node.children, fn))
    if isinstance(node, Paragraph):
        return _rebuilt(node, inlines=_map(node.inlines, fn), points=_each(node.points, fn), wrap_up=_map(node.wrap_up, fn))
    if isinstance(node, OptionGroup):
        variants = tuple(_rebuilt(v, paragraphs=_each(v.paragraphs, fn)) for v in node.variants)
        return _rebuilt(node, variants=variants)
    if isinstance(node, Article):
        return _rebuilt(node, body=_each(node.body, fn))
    divisions = tuple(_rebuilt(d, articles=_each(d.articles, fn)) for d in node.divisions)
    return _rebuilt(node, divisions=divisions)


def _rebuilt(node: Any, **fields: tuple[Any, ...]) -> Any:
    """Return ``node`` itself when every field is the same object, else a copy with the new fields."""
    if all(getattr(node, name) is value for name, value in fields.items()):
        return node
    return replace(node, **fields)


def _each(items: tuple[Any, ...], fn: InlineMap) -> tuple[Any, ...]:
    mapped = tuple(map_inlines(item, fn) for item in items)
    return items if all(a is b for a, b in zip(mapped, items, strict=True)) else mapped


def _map(inlines: tuple[Inline, ...], fn: InlineMap) -> tuple[Inline, ...]:
    mapped = tuple(_map_alternatives(i, fn) if isinstance(i, Alternatives) else fn(i) for i in inlines)
    return inlines if all(a is b for a, b in zip(mapped, inlines, strict=True)) else mapped


def _map_alternatives(node: Alternatives, fn: InlineMap) -> Inline:
    """Return the inline options with ``fn`` applied to the inlines of each phrase, then to the node itself."""
    variants = tuple(_rebuilt(v, inlines=_map(v.inlines, fn)) for v in node.variants)
    same = all(a is b for a, b in zip(variants, node.variants, strict=True))
    return fn(node if same else replace(node, variants=variants))


def flat_inlines(inlines: tuple[Inline, ...]) -> Iterator[Inline]:
    """Yield ``inlines`` with each inline option replaced by the inlines of its phrases."""
    for node in inlines:
        if isinstance(node, Alternatives):
            for variant in node.variants:
                yield from flat_inlines(variant.inlines)
        else:
            yield node


def iter_inlines(node: Block | Point | Article) -> Iterator[Inline]:
    """Yield every inline below ``node`` in document order (the phrases of inline options, not their container)."""
    if isinstance(node, Article):
        for block in node.body:
            yield from iter_inlines(block)
    elif isinstance(node, OptionGroup):
        for variant in node.variants:
            for paragraph in variant.paragraphs:
                yield from iter_inlines(paragraph)
    elif isinstance(node, Paragraph):
        yield from flat_inlines(node.inlines)
        for point in node.points:
            yield from iter_inlines(point)
        yield from flat_inlines(node.wrap_up)
    else:
        yield from flat_inlines(node.inlines)
        for child in node.children:
            yield from iter_inlines(child)
