"""NUMBER: divisions, articles, paragraphs and points get numbers, labels and eIds; references resolve.

Postconditions: every Division and Article has ``number``, ``label`` and ``eid``; every
Paragraph and Point has ``eid`` and, when it is numbered, a ``label``; every Ref has ``label``
and ``target_eid``. Numbers are computed once here; writers only print labels.
"""

from __future__ import annotations

from dataclasses import replace

from modellaw.errors import CrossReferenceError, Diagnostics
from modellaw.ir import Article, Block, Document, Inline, OptionGroup, Paragraph, Point, Ref
from modellaw.languages.grammar import Grammar, Target, grammar_for, letter, roman
from modellaw.walk import map_inlines


def number(document: Document) -> Document:
    """Return the numbered document; raise CrossReferenceError listing every unresolved reference."""
    scheme = grammar_for(document.meta.language, document.meta.tradition)
    divisions = []
    article_no = 0
    for d_index, division in enumerate(document.divisions, start=1):
        articles = []
        for article in division.articles:
            article_no += 1
            articles.append(number_article(article, article_no, scheme))
        label = scheme.division(d_index)
        divisions.append(replace(division, articles=tuple(articles), number=d_index, label=label, eid=f"chp_{d_index}"))
    numbered = replace(document, divisions=tuple(divisions))
    return resolve_refs(numbered, scheme)


def number_article(article: Article, n: int, scheme: Grammar) -> Article:
    """Return the article numbered ``n``: paragraphs 1, 2... (unnumbered when it has only one)."""
    eid = f"art_{n}"
    single = _paragraph_count(article.body) == 1
    counter = 0
    blocks: list[Block] = []
    for block in article.body:
        if isinstance(block, OptionGroup):
            variants = []
            longest = counter
            for variant in block.variants:
                paragraphs, end = _number_paragraphs(variant.paragraphs, counter, single, scheme, f"{eid}__opt{variant.key}")
                variants.append(replace(variant, paragraphs=paragraphs))
                longest = max(longest, end)
            counter = longest
            blocks.append(replace(block, variants=tuple(variants)))
        else:
            paragraphs, counter = _number_paragraphs((block,), counter, single, scheme, eid)
            blocks.extend(paragraphs)
    return replace(article, body=tuple(blocks), number=n, label=scheme.article(n), eid=eid)


def _paragraph_count(body: tuple[Block, ...]) -> int:
    """Return how many paragraphs the longest reading of the article has."""
    count = 0
    for block in body:
        if isinstance(block, OptionGroup):
            count += max((len(v.paragraphs) for v in block.variants), default=0)
        else:
            count += 1
    return count


def _number_paragraphs(
    paragraphs: tuple[Paragraph, ...], start: int, single: bool, scheme: Grammar, prefix: str
) -> tuple[tuple[Paragraph, ...], int]:
    out = []
    n = start
    for paragraph in paragraphs:
        n += 1
        eid = f"{prefix}__para_{n}"
        points = tuple(_number_point(p, i, eid, 1, scheme) for i, p in enumerate(paragraph.points, start=1))
        label = None if single else scheme.paragraph(n)
        out.append(replace(paragraph, points=points, label=label, eid=eid))
    return tuple(out), n


def _number_point(point: Point, n: int, parent_eid: str, depth: int, scheme: Grammar) -> Point:
    label = scheme.point(n, depth)
    eid = f"{parent_eid}__point_{letter(n) if depth == 1 else roman(n).lower()}"
    children = tuple(_number_point(c, i, eid, depth + 1, scheme) for i, c in enumerate(point.children, start=1))
    return replace(point, children=children, label=label, eid=eid)


def collect_targets(document: Document) -> dict[tuple[str, str | None], list[Target]]:
    """Return (clause id, anchor) -> every place carrying it; anchor None is the article itself."""
    targets: dict[tuple[str, str | None], list[Target]] = {}
    for article in document.articles():
        assert article.number is not None and article.eid is not None
        targets.setdefault((article.clause_id, None), []).append(Target(article.number, None, (), article.eid))
        for paragraph, para_no in _paragraphs_with_numbers(article):
            if paragraph.anchor:
                targets.setdefault((article.clause_id, paragraph.anchor), []).append(Target(article.number, para_no, (), paragraph.eid or ""))
            for point in paragraph.points:
                _collect_points(targets, article, para_no, point, ())
    return targets


def _paragraphs_with_numbers(article: Article) -> list[tuple[Paragraph, int | None]]:
    out = []
    for block in article.body:
        paragraphs = [p for v in block.variants for p in v.paragraphs] if isinstance(block, OptionGroup) else [block]
        for paragraph in paragraphs:
            number_ = int(paragraph.eid.rsplit("_", 1)[1]) if paragraph.label else None
            out.append((paragraph, number_))
    return out


def _collect_points(targets: dict, article: Article, para_no: int | None, point: Point, path: tuple[str, ...]) -> None:
    here = (*path, point.label or "")
    if point.anchor:
        targets.setdefault((article.clause_id, point.anchor), []).append(Target(article.number or 0, para_no, here, point.eid or ""))
    for child in point.children:
        _collect_points(targets, article, para_no, child, here)


def format_ref(target: Target, scheme: Grammar, same_article: bool, case: str = "") -> str:
    """Return the label of a reference in the scheme's language (``article 7(2)(b)``, ``пункт 2 части 1 статьи 7``)."""
    return scheme.format_ref(target, same_article, case)


def resolve_refs(document: Document, scheme: Grammar) -> Document:
    """Return the document with every Ref labelled; raise CrossReferenceError for dangling/ambiguous ones."""
    targets = collect_targets(document)
    problems = Diagnostics()
    divisions = []
    for division in document.divisions:
        articles = []
        for article in division.articles:
            articles.append(map_inlines(article, lambda node, a=article: _resolve(node, a, targets, scheme, problems)))
        divisions.append(replace(division, articles=tuple(articles)))
    problems.raise_if_errors(CrossReferenceError)
    return replace(document, divisions=tuple(divisions))


def _resolve(node: Inline, article: Article, targets: dict, scheme: Grammar, problems: Diagnostics) -> Inline:
    if not isinstance(node, Ref):
        return node
    found = targets.get((node.target, node.anchor))
    what = f"{node.target!r}" + (f" anchor {node.anchor!r}" if node.anchor else "")
    if not found:
        if (node.target, None) in targets:
            problems.error("REF002", f"reference to {what}: the article has no such anchor in this document", node.origin)
        else:
            problems.error("REF001", f"reference to {what}: that clause is not in this document", node.origin)
        return node
    if node.case and node.case not in scheme.cases:
        allowed = ", ".join(scheme.cases) or "none in this language"
        problems.error("REF005", f"reference to {what} asks for the case {node.case!r}; cases: {allowed}", node.origin)
        return node
    labels = {format_ref(t, scheme, node.target == article.clause_id, node.case) for t in found}
    if len(labels) > 1:
        problems.error("REF003", f"reference to {what} is ambiguous: it could mean {', '.join(sorted(labels))}", node.origin)
        return node
    if node.target == article.clause_id and node.anchor is None:
        problems.error("REF004", f"an article cannot refer to itself as a whole ({what})", node.origin)
        return node
    label = labels.pop()
    if node.target == article.clause_id:
        return replace(node, label=label, target_eid=found[0].eid)
    span = scheme.number_span(label, found[0])
    return replace(node, label=label, target_eid=found[0].eid, article_eid=f"art_{found[0].article}", number_span=span)
