"""Akoma Ntoso identifiers of the numbered IR, shared by the AKN and HTML writers.

eIds follow the AKN naming convention: element abbreviation and number joined by ``_``, levels
joined by ``__``, articles not prefixed by their chapter. They are computed here, from the IR's
structure, so an HTML anchor and the AKN element of the same provision carry the same name.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from modellaw.ir import Article, DefinedTerm, Document, OptionGroup, Paragraph, Point


@dataclass(frozen=True)
class Names:
    """AKN element names of one numbering tradition (civil law: chapter/article/paragraph)."""

    division: str
    division_id: str
    article: str
    article_id: str
    paragraph: str
    paragraph_id: str


CIVIL = Names("chapter", "chp", "article", "art", "paragraph", "para")
COMMON = Names("part", "part", "section", "sec", "subsection", "subsec")


def names_for(document: Document) -> Names:
    """Return the element names of the document's tradition."""
    return COMMON if document.meta.tradition == "common-law" else CIVIL


def akn_eids(document: Document) -> dict[str, str]:
    """Return IR eId -> AKN eId for every division, article, option, paragraph and point."""
    names = names_for(document)
    out: dict[str, str] = {}
    for d_no, division in enumerate(document.divisions, start=1):
        out[division.eid or ""] = f"{names.division_id}_{d_no}"
        for article in division.articles:
            out.update(_article_eids(article, names))
    return out


def option_eid(article_eid: str, key: str) -> str:
    """Return the AKN eId of option ``key`` of the article with AKN eId ``article_eid``."""
    return f"{article_eid}__hcontainer_{key}"


def _article_eids(article: Article, names: Names) -> dict[str, str]:
    base = f"{names.article_id}_{article.number}"
    out = {article.eid or "": base}
    for prefix, paragraph, position in _paragraphs(article, base):
        number = paragraph.label.strip("().") if paragraph.label else str(position)
        eid = f"{prefix}__{names.paragraph_id}_{number}"
        out[paragraph.eid or ""] = eid
        for point in paragraph.points:
            out.update(_point_eids(point, eid))
    return out


def _paragraphs(article: Article, base: str) -> Iterator[tuple[str, Paragraph, int]]:
    """Yield (AKN prefix, paragraph, position among its siblings) for every paragraph of the article."""
    position = 0
    for block in article.body:
        if isinstance(block, OptionGroup):
            for variant in block.variants:
                for index, paragraph in enumerate(variant.paragraphs, start=1):
                    yield option_eid(base, variant.key), paragraph, index
        else:
            position += 1
            yield base, block, position


def _point_eids(point: Point, parent: str) -> dict[str, str]:
    eid = f"{parent}__point_{(point.label or '').strip('()')}"
    out = {point.eid or "": eid}
    for child in point.children:
        out.update(_point_eids(child, eid))
    return out


def definition_eids(document: Document, eids: dict[str, str]) -> dict[str, str]:
    """Return term id -> AKN eId of the paragraph or point where the term is defined."""
    out: dict[str, str] = {}
    for article in document.articles():
        for block in article.body:
            for paragraph in block.variants[0].paragraphs if isinstance(block, OptionGroup) else (block,):
                _find_definitions(paragraph.inlines, paragraph.eid, eids, out)
                for point in paragraph.points:
                    _point_definitions(point, eids, out)
    return out


def _point_definitions(point: Point, eids: dict[str, str], out: dict[str, str]) -> None:
    _find_definitions(point.inlines, point.eid, eids, out)
    for child in point.children:
        _point_definitions(child, eids, out)


def _find_definitions(inlines: tuple, ir_eid: str | None, eids: dict[str, str], out: dict[str, str]) -> None:
    for node in inlines:
        if isinstance(node, DefinedTerm) and ir_eid in eids:
            out.setdefault(node.term_id, eids[ir_eid])
