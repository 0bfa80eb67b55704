"""Defined terms: which are used, the assembled definitions article, and linking uses to definitions."""

from __future__ import annotations

import unicodedata
from dataclasses import replace
from collections.abc import Callable
from functools import cache
from typing import TYPE_CHECKING, Any

from modellaw.errors import Diagnostics, Location
from modellaw.ir import Article, CommentarySection, DefinedTerm, Document, Inline, Paragraph, Point, Term, Text, plain_text
from modellaw.languages import base_language
from modellaw.library import Entry, Library
from modellaw.resolve import DefinitionsSlot, ParamValue, check_value
from modellaw.schema.clause import DefinitionModule
from modellaw.walk import iter_inlines, map_inlines

if TYPE_CHECKING:
    from modellaw.render import RenderContext
    from modellaw.resolve import ResolvedDocument

UsedTerms = dict[str, Location | None]


def collect_terms(articles: list[Article]) -> UsedTerms:
    """Return each term id used in ``articles`` with the location of its first use."""
    used: UsedTerms = {}
    for article in articles:
        for node in iter_inlines(article):
            if isinstance(node, Term) and node.term_id not in used:
                used[node.term_id] = node.origin
    return used


def sort_key(term: str) -> str:
    """Return the key that sorts terms alphabetically, ignoring case and accents."""
    decomposed = unicodedata.normalize("NFKD", term)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def collation_key(language: str) -> Callable[[str], Any]:
    """Return the sort key of terms in ``language``: the Unicode collation algorithm (pyuca) outside
    English, where the accent- and case-blind key below already gives dictionary order."""
    if base_language(language) == "en":
        return sort_key
    return _uca_collator().sort_key


@cache
def _uca_collator() -> Any:
    import pyuca

    return pyuca.Collator()


def assemble_definitions(ctx: RenderContext, resolved: ResolvedDocument, used: UsedTerms) -> Article | None:
    """Return the definitions article for the used terms and their own terms (None when none are used)."""
    library = resolved.library
    config = resolved.loaded.config
    wanted: UsedTerms = dict(used)
    for index, forced in enumerate(config.terms):
        where = resolved.loaded.locate(("terms", index))
        if library.definition(forced) is None:
            ctx.problems.error("DEF001", f"term {forced!r} is not defined{library.suggest('definitions.' + forced)}", where)
        wanted.setdefault(forced, where)
    option_texts: dict[str, dict[str, str]] = {}
    rendered = _render_closure(ctx, resolved, wanted, option_texts)
    _report_cycles(ctx, library, rendered)
    for index, forced in enumerate(config.terms):
        if forced not in used and not _used_by_definitions(forced, rendered) and forced in rendered:
            ctx.problems.warning("DEF002", f"term {forced!r} is defined but no article uses it", resolved.loaded.locate(("terms", index)))
    if not rendered:
        return None
    if not any(isinstance(i, DefinitionsSlot) for d in resolved.divisions for i in d.items):
        names = ", ".join(sorted(rendered))
        ctx.problems.error("DEF004", f"the text uses defined terms ({names}) but the structure has no 'definitions' entry", resolved.loaded.locate(("structure",)))
        return None
    return _definitions_article(ctx, library, rendered, option_texts)


def _render_closure(
    ctx: RenderContext, resolved: ResolvedDocument, wanted: UsedTerms, option_texts: dict[str, dict[str, str]]
) -> dict[str, Point]:
    """Render every wanted definition and the definitions they use in turn.

    ``option_texts`` receives, in model mode, every option of a definition that has options,
    rendered as plain text for the commentary.
    """
    rendered: dict[str, Point] = {}
    queue = list(wanted.items())
    while queue:
        term_id, origin = queue.pop(0)
        if term_id in rendered:
            continue
        entry = resolved.library.definition(term_id)
        if entry is None:
            continue  # reported where it is used, by link_terms
        point = _render_definition(ctx, resolved, entry, option_texts)
        if point is None:
            continue
        rendered[term_id] = point
        queue.extend((t.term_id, t.origin) for t in iter_inlines(point) if isinstance(t, Term))
    return rendered


def _render_definition(
    ctx: RenderContext, resolved: ResolvedDocument, entry: Entry, option_texts: dict[str, dict[str, str]] | None = None
) -> Point | None:
    from modellaw.render import render_text

    module = entry.module
    assert isinstance(module, DefinitionModule)
    params = _definition_params(ctx, resolved, entry)
    context = ctx.variables(params, module.id)
    if module.options is not None:
        key = resolved.loaded.config.options.get(module.id, module.options.default)
        parsed = render_text(ctx, entry, ("options", "choices", key, "text"), module.options.choices[key].text, context)
        if option_texts is not None and ctx.model_mode:
            option_texts[module.slug] = {}
            for other, choice in module.options.choices.items():
                shown = parsed if other == key else render_text(ctx, entry, ("options", "choices", other, "text"), choice.text, context)
                if shown is not None:
                    option_texts[module.slug][other] = " ".join(_plain_paragraph(resolved.library, p) for p in shown[0])
    else:
        parsed = render_text(ctx, entry, ("definition",), module.definition, context)
    if parsed is None:
        return None
    paragraphs = parsed[0]
    if len(paragraphs) != 1 or paragraphs[0].wrap_up:
        ctx.problems.error("MRK005", f"definition {module.id!r} must be one paragraph (sub-points allowed)", entry.locate(("definition",)))
        return None
    body = paragraphs[0]
    lead: tuple[Inline, ...] = (DefinedTerm(module.slug, module.term), Text(ctx.words.means))
    return Point(inlines=lead + body.inlines, children=body.points, anchor=module.slug)


def _definition_params(ctx: RenderContext, resolved: ResolvedDocument, entry: Entry) -> dict[str, ParamValue]:
    module = entry.module
    given: dict[str, Any] = resolved.loaded.config.parameters.get(module.id, {})
    params = {}
    for name, declaration in module.parameters.items():
        if name in given:
            where = resolved.loaded.locate(("parameters", module.id, name))
            params[name] = ParamValue(check_value(declaration, given[name], ctx.problems, where), False)
        else:
            params[name] = ParamValue(declaration.default, True)
    return params


def _used_by_definitions(term_id: str, rendered: dict[str, Point]) -> bool:
    return any(isinstance(n, Term) and n.term_id == term_id for p in rendered.values() for n in iter_inlines(p))


def _report_cycles(ctx: RenderContext, library: Library, rendered: dict[str, Point]) -> None:
    """Report definitions that define a term through itself, directly or in a circle."""
    graph = {t: {n.term_id for n in iter_inlines(p) if isinstance(n, Term)} for t, p in rendered.items()}
    reported: set[frozenset[str]] = set()
    for start in sorted(graph):
        path = _find_cycle(graph, start)
        if path and frozenset(path) not in reported:
            reported.add(frozenset(path))
            entry = library.definition(start)
            where = entry.locate(("definition",)) if entry else None
            ctx.problems.error("DEF003", "circular definition: " + " -> ".join([*path, path[0]]), where)


def _find_cycle(graph: dict[str, set[str]], start: str) -> list[str] | None:
    stack: list[tuple[str, list[str]]] = [(start, [start])]
    while stack:
        node, path = stack.pop()
        for nxt in sorted(graph.get(node, ())):
            if nxt == start:
                return path
            if nxt not in path:
                stack.append((nxt, [*path, nxt]))
    return None


def _plain_paragraph(library: Library, paragraph: Paragraph) -> str:
    """Return a rendered paragraph as one line of plain text, its points after its opening words."""

    def named(node: Inline) -> Inline:
        if not isinstance(node, Term):
            return node
        entry = library.definition(node.term_id)
        if entry is None or not isinstance(entry.module, DefinitionModule):
            return replace(node, text=node.term_id)
        module = entry.module
        if node.text == "plural":
            return replace(node, text=module.plural or module.term)
        return replace(node, text=module.forms.get(node.text, module.term) if node.text else module.term)

    def line(inlines: tuple[Inline, ...]) -> str:
        return plain_text(tuple(named(n) for n in inlines)).strip()

    def point_text(point: Point) -> str:
        return " ".join([line(point.inlines), *(point_text(c) for c in point.children)])

    return " ".join([line(paragraph.inlines), *(point_text(p) for p in paragraph.points)]).strip()


def _definitions_article(
    ctx: RenderContext, library: Library, rendered: dict[str, Point], option_texts: dict[str, dict[str, str]] | None = None
) -> Article:
    collate = collation_key(ctx.language)
    order = sorted(rendered, key=lambda t: collate(definition_of(library, t).term))
    points = [_punctuate(rendered[t], last=(i == len(order) - 1)) for i, t in enumerate(order)]
    intro = ctx.form.definitions_opening(ctx.words)
    commentary = [CommentarySection(ctx.words.commentary_headings[0], ctx.words.definitions_purpose)]
    sources = []
    for term_id in order:
        module = definition_of(library, term_id)
        opening, closing = ctx.words.quotes
        commentary.append(CommentarySection(f"{opening}{module.term}{closing}", " ".join(module.commentary.purpose.split())))
        commentary.extend(_option_notes(ctx, library, module, (option_texts or {}).get(module.slug, {})))
        from modellaw.render import source_notes

        sources.extend(replace(s, subject=f"{opening}{module.term}{closing}") for s in source_notes(ctx.catalogue, module.sources))
    return Article(
        clause_id="definitions",
        version="",
        title=ctx.form.definitions_title(ctx.words),
        status="",
        body=(Paragraph(inlines=(Text(intro),), points=tuple(points)),),
        commentary=tuple(commentary),
        sources=tuple(sources),
        implements=tuple(sorted({r for t in order for r in definition_of(library, t).implements})),
    )




def _option_notes(ctx: RenderContext, library: Library, module: DefinitionModule, texts: dict[str, str]) -> list[CommentarySection]:
    """Return one commentary note per option of a definition, its text as rendered (plain)."""
    if module.options is None or not ctx.model_mode:
        return []
    notes = []
    for key, choice in sorted(module.options.choices.items()):
        text = texts.get(key) or " ".join(choice.text.split())
        notes.append(CommentarySection(f"Option {key} for “{module.term}” ({choice.label})", text))
    return notes


def definition_of(library: Library, term_id: str) -> DefinitionModule:
    """Return the definition module of ``term_id`` (which must exist)."""
    entry = library.definition(term_id)
    assert entry is not None and isinstance(entry.module, DefinitionModule)
    return entry.module


def _punctuate(point: Point, last: bool) -> Point:
    """Return the definition point ending in ';' (or '.' when last), on its deepest last item."""
    mark = "." if last else ";"
    if point.children:
        children = point.children[:-1] + (_punctuate(point.children[-1], last),)
        return replace(point, children=children)
    inlines = list(point.inlines)
    if inlines and isinstance(inlines[-1], Text):
        inlines[-1] = Text(inlines[-1].text.rstrip(" .;,") + mark)
    else:
        inlines.append(Text(mark))
    return replace(point, inlines=tuple(inlines))


def link_terms(document: Document, library: Library, problems: Diagnostics) -> Document:
    """Return the document with each Term's display text set; undefined terms are errors."""

    def link(node: Inline) -> Inline:
        if not isinstance(node, Term):
            return node
        entry = library.definition(node.term_id)
        if entry is None:
            problems.error("DEF001", f"term {node.term_id!r} is used but not defined{library.suggest('definitions.' + node.term_id)}", node.origin)
            return node
        module = entry.module
        assert isinstance(module, DefinitionModule)
        if node.text == "plural":
            if module.plural is None:
                problems.error("DEF005", f"term {node.term_id!r} has no plural form; add 'plural' to its module", node.origin)
            return replace(node, text=module.plural or module.term)
        if node.text in module.forms:
            return replace(node, text=module.forms[node.text])
        if node.text:
            known = ", ".join(repr(f) for f in ["plural", *sorted(module.forms)])
            problems.error("DEF006", f"unknown form {node.text!r} of term {node.term_id!r}; it has: {known}", node.origin)
        return replace(node, text=module.term)

    return map_inlines(document, link)


__all__ = ["assemble_definitions", "collect_terms", "link_terms", "plain_text", "sort_key"]
