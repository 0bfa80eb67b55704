"""Generic walks over the IR: visit or rewrite every inline node of a block, article or document."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from typing import TypeVar

from modellaw.ir import Article, Block, Document, Inline, OptionGroup, Paragraph, Point

InlineMap = Callable[[Inline], Inline]
T = TypeVar("T", Paragraph, Point, OptionGroup, Article, Document)


def map_inlines(node: T, fn: InlineMap) -> T:
    """Return ``node`` with ``fn`` applied to every inline below it (other fields unchanged)."""
    if isinstance(node, Point):
        return replace(node, inlines=_map(node.inlines, fn), children=tuple(map_inlines(c, fn) for c in node.children))
    if isinstance(node, Paragraph):
        return replace(
            node,
            inlines=_map(node.inlines, fn),
            points=tuple(map_inlines(p, fn) for p in node.points),
            wrap_up=_map(node.wrap_up, fn),
        )
    if isinstance(node, OptionGroup):
        variants = tuple(replace(v, paragraphs=tuple(map_inlines(p, fn) for p in v.paragraphs)) for v in node.variants)
        return replace(node, variants=variants)
    if isinstance(node, Article):
        return replace(node, body=tuple(map_inlines(b, fn) for b in node.body))
    articles = lambda d: tuple(map_inlines(a, fn) for a in d.articles)  # noqa: E731
    return replace(node, divisions=tuple(replace(d, articles=articles(d)) for d in node.divisions))


def _map(inlines: tuple[Inline, ...], fn: InlineMap) -> tuple[Inline, ...]:
    return tuple(fn(i) for i in inlines)


def iter_inlines(node: Block | Point | Article) -> Iterator[Inline]:
    """Yield every inline below ``node`` in document order."""
    if isinstance(node, Article):
        for block in node.body:
            yield from iter_inlines(block)
    elif isinstance(node, OptionGroup):
        for variant in node.variants:
            for paragraph in variant.paragraphs:
                yield from iter_inlines(paragraph)
    elif isinstance(node, Paragraph):
        yield from node.inlines
        for point in node.points:
            yield from iter_inlines(point)
        yield from node.wrap_up
    else:
        yield from node.inlines
        for child in node.children:
            yield from iter_inlines(child)
