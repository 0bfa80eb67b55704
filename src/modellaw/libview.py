"""The library as reviewers see it: every module rendered with its defaults, with links both ways.

One pass renders and numbers a document holding every clause (model mode, every option, default
parameters); each view then carries its rendered article, parameters, commentary, sources and the
clauses it requires, is required by, refers to and is referred to by. The terminal listing, the HTML
catalogue and the Word review book all read these views.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from modellaw.catalogue import Catalogue
from modellaw.compare import article_lines
from modellaw.configfile import LoadedConfig
from modellaw.ir import Article, CommentarySection, Document, Point, Ref, SourceNote, Term
from modellaw.library import Entry, Library
from modellaw.numbering import number
from modellaw.vocabulary import ENGLISH, Vocabulary, vocabulary
from modellaw.render import commentary_sections, render, source_notes
from modellaw.errors import Diagnostics
from modellaw.resolve import (
    DefinitionsSlot,
    ParamValue,
    ResolvedClause,
    ResolvedDivision,
    ResolvedDocument,
    authorities_used_in,
    designations,
)
from modellaw.schema.clause import ClauseModule, DefinitionModule
from modellaw.schema.config import Division, DocumentConfig
from modellaw.walk import iter_inlines, map_inlines
from modellaw.templating import format_boolean, format_number
from modellaw.yamlio import LoadedYaml


@dataclass(frozen=True)
class ParameterView:
    """A parameter as a catalogue shows it."""

    name: str
    type: str
    default: str
    description: str
    bounds: str


@dataclass(frozen=True)
class ClauseView:
    """Everything a reviewer reads about one module."""

    id: str
    kind: str
    title: str
    family: str
    status: str
    version: str
    summary: str
    file: str
    options: tuple[tuple[str, str, bool], ...]
    parameters: tuple[ParameterView, ...]
    lines: tuple[str, ...]
    option_lines: tuple[tuple[str, str, tuple[str, ...]], ...]
    commentary: tuple[CommentarySection, ...]
    open_questions: tuple[str, ...]
    sources: tuple[SourceNote, ...]
    implements: tuple[str, ...]
    requires: tuple[str, ...] = ()
    required_by: tuple[str, ...] = ()
    refers_to: tuple[str, ...] = ()
    referred_by: tuple[str, ...] = ()
    search_text: str = field(default="", repr=False)
    language: str = "en"
    """The language the view's title, text and commentary are in."""

    def to_data(self) -> dict[str, Any]:
        """Return the view as JSON-ready data."""
        data = {k: v for k, v in self.__dict__.items() if k != "search_text"}
        data["parameters"] = [p.__dict__ for p in self.parameters]
        data["commentary"] = [{"heading": c.heading, "text": c.text} for c in self.commentary]
        data["sources"] = [{"instrument": s.instrument_id, "citation": s.format(), "verification": s.verification} for s in self.sources]
        data["options"] = [{"key": k, "label": label, "default": d} for k, label, d in self.options]
        data["option_lines"] = [{"key": k, "label": label, "lines": list(lines)} for k, label, lines in self.option_lines]
        return data


def library_document(library: Library, catalogue: Catalogue, title: str = "Clause library", review: bool = False,
                     order: list[Division] | None = None, language: str = "en") -> Document:
    """Return the numbered document holding every clause at its defaults, one chapter per family.

    With ``review`` it is the review book: clause ids beside each status marker, sources both
    as footnotes and as lists, and a comment anchored on every article. With ``order`` (a config's
    structure) its chapters and articles come in the law's order, so they carry the law's numbers;
    clauses the law does not place follow, one chapter per family.
    """
    document, _ = render(everything(library, title, review, language=language, order=order), catalogue)
    document = number(document)
    return replace(document, meta=replace(document.meta, clause_ids=True)) if review else document


def everything(library: Library, title: str = "Clause library", review: bool = False, language: str = "en",
               order: list[Division] | None = None) -> ResolvedDocument:
    """Return a model-mode document holding every clause at its defaults, one chapter per family
    (after the chapters of ``order``, when given, which keep the law's order).

    Parameters without a default get a bracketed placeholder ``[name]``; each clause takes its
    default option. Lint renders it to check the whole library at once.
    """
    resolved = {e.module.id: _at_defaults(e) for e in library.clauses()}
    divisions = _ordered_divisions(resolved, order) if order else [ResolvedDivision("Definitions", (DefinitionsSlot(),))]
    placed = {i.entry.module.id for d in divisions for i in d.items if isinstance(i, ResolvedClause)}
    families: dict[str, list[ResolvedClause | DefinitionsSlot]] = {}
    for clause_id, item in resolved.items():
        if clause_id not in placed:
            families.setdefault(item.entry.module.family, []).append(item)
    divisions += [ResolvedDivision(f.replace("-", " ").capitalize(), tuple(items)) for f, items in sorted(families.items())]
    config = DocumentConfig(title=title, date=dt.date(2026, 1, 1), structure=[Division(chapter="x", clauses=["definitions"])],
                            sources="both" if review else "list", review_comments=review, draft_marking="Review copy" if review else "Draft",
                            language=language)
    loaded = LoadedConfig(config, Path("library.yaml"), LoadedYaml("<library>", {}), "")
    authorities = designations(loaded, library, Diagnostics())
    return ResolvedDocument(loaded, library, tuple(divisions), authorities, authorities_used_in(divisions))


def _at_defaults(entry: Entry) -> ResolvedClause:
    """Return the clause resolved at its defaults (``[name]`` for a parameter without one) and default option."""
    module = entry.module
    assert isinstance(module, ClauseModule)
    params = {n: ParamValue(p.default if p.default is not None else f"[{n}]", p.default is not None) for n, p in module.parameters.items()}
    return ResolvedClause(entry, params, module.options.default if module.options else None)


def _ordered_divisions(resolved: dict[str, ResolvedClause], order: list[Division]) -> list[ResolvedDivision]:
    """Return the chapters of ``order`` holding the library's clauses in that order (unknown ids skipped)."""
    divisions = []
    for division in order:
        items = tuple(DefinitionsSlot() if c == "definitions" else resolved[c] for c in division.clauses if c == "definitions" or c in resolved)
        if items:
            divisions.append(ResolvedDivision(division.chapter, items))
    if not any(isinstance(i, DefinitionsSlot) for d in divisions for i in d.items):
        divisions.insert(0, ResolvedDivision("Definitions", (DefinitionsSlot(),)))
    return divisions


def clause_views(library: Library, catalogue: Catalogue, language: str = "en") -> list[ClauseView]:
    """Return a view of every module (clauses and definitions), sorted by id, rendered in ``language``
    (``library`` is then the library localized into it: see ``localize.localize``)."""
    document = library_document(library, catalogue, language=language)
    articles = {a.clause_id: _relabel(a) for a in document.articles()}
    refers = {cid: sorted({n.target for n in iter_inlines(a) if isinstance(n, Ref) and n.target != cid}) for cid, a in articles.items()}
    referred: dict[str, list[str]] = {}
    for source, targets in refers.items():
        for target in targets:
            referred.setdefault(target, []).append(source)
    for source, article in articles.items():
        for term in sorted({n.term_id for n in iter_inlines(article) if isinstance(n, Term)}):
            referred.setdefault(f"definitions.{term}", []).append(source)
    definitions = _definition_points(articles.get("definitions"))
    views = []
    for clause_id, entry in sorted(library.entries.items()):
        article = articles.get(clause_id)
        views.append(_view(entry, library, catalogue, article, definitions.get(clause_id), refers.get(clause_id, []), referred.get(clause_id, []),
                           vocabulary(language)))
    return [replace(v, language=language) for v in views]


def _relabel(article: Article) -> Article:
    """Show references by target clause (numbers in the library document mean nothing to reviewers)."""

    def label(node: Any) -> Any:
        if isinstance(node, Ref) and node.target != article.clause_id:
            return replace(node, label=f"[{node.target}{' ' + node.anchor if node.anchor else ''}]")
        return node

    return map_inlines(article, label)


def _definition_points(article: Article | None) -> dict[str, Point]:
    if article is None:
        return {}
    paragraph = article.body[0]
    return {f"definitions.{p.anchor}": p for p in paragraph.points}  # type: ignore[union-attr]


def _view(entry: Entry, library: Library, catalogue: Catalogue, article: Article | None, point: Point | None,
          refers: list[str], referred: list[str], words: Vocabulary = ENGLISH) -> ClauseView:
    module = entry.module
    options = tuple((k, c.label, k == module.options.default) for k, c in sorted(module.options.choices.items())) if module.options else ()
    lines, option_lines = _text_lines(article, point)
    requires = tuple(getattr(module, "requires", ()))
    required_by = tuple(sorted(e.module.id for e in library.clauses() if module.id in e.module.requires))
    commentary = commentary_sections(module.commentary, words)
    title = module.title
    sources = source_notes(catalogue, module.sources)
    search = " ".join([module.id, title, module.summary, *lines, *(line for _, _, ls in option_lines for line in ls),
                       *(c.text for c in commentary), *(s.format() for s in sources), *(s.instrument_id for s in sources)])
    return ClauseView(
        id=module.id, kind=module.kind, title=title, family=module.family, status=module.status, version=module.version,
        summary=module.summary, file=entry.source.file, options=options, parameters=tuple(_parameters(module)),
        lines=tuple(lines), option_lines=option_lines, commentary=commentary, open_questions=tuple(module.commentary.open_questions),
        sources=sources, implements=tuple(module.implements), requires=requires,
        required_by=required_by, refers_to=tuple(refers), referred_by=tuple(sorted(set(referred))), search_text=search.casefold(),
    )


def _text_lines(article: Article | None, point: Point | None) -> tuple[list[str], tuple[tuple[str, str, tuple[str, ...]], ...]]:
    """Return the common text lines and, per option, its own lines."""
    from modellaw.compare import _paragraph_lines, _point_lines
    from modellaw.ir import OptionGroup

    if point is not None:
        return [line.strip() for line in _point_lines(replace(point, label=""))], ()
    if article is None:
        return [], ()
    common: list[str] = []
    options: list[tuple[str, str, tuple[str, ...]]] = []
    for block in article.body:
        if isinstance(block, OptionGroup):
            common.append("@options")
            for variant in block.variants:
                options.append((variant.key, variant.label, tuple(line for p in variant.paragraphs for line in _paragraph_lines(p))))
        else:
            common += _paragraph_lines(block)
    return common, tuple(options)


def _default_text(value: object) -> str:
    """Return a parameter default as a reader sees it: lists joined, booleans as words, numbers grouped."""
    if isinstance(value, list):
        return "; ".join(value)
    if isinstance(value, bool):
        return format_boolean(value)
    return format_number(value) if isinstance(value, int) else str(value)


def _parameters(module: ClauseModule | DefinitionModule) -> list[ParameterView]:
    views = []
    for name, p in module.parameters.items():
        default = "—" if p.default is None else _default_text(p.default)
        bounds = ""
        if getattr(p, "min", None) is not None or getattr(p, "max", None) is not None:
            bounds = f"{getattr(p, 'min', None) if getattr(p, 'min', None) is not None else ''}–{getattr(p, 'max', None) if getattr(p, 'max', None) is not None else ''}"
        if getattr(p, "choices", None):
            bounds = " | ".join(p.choices)
        views.append(ParameterView(name, p.type + (f" ({p.unit})" if getattr(p, "unit", None) else ""), default, p.description, bounds))
    return views


def matches(view: ClauseView, family: str | None = None, status: str | None = None, instrument: str | None = None,
            recommendation: str | None = None, search: str | None = None) -> bool:
    """True when the view passes every filter given (search: every word, anywhere, ignoring case)."""
    if family and view.family != family:
        return False
    if status and view.status != status:
        return False
    if instrument and instrument not in {s.instrument_id for s in view.sources}:
        return False
    if recommendation and recommendation not in view.implements:
        return False
    return not search or all(word in view.search_text for word in search.casefold().split())


__all__ = ["ClauseView", "article_lines", "clause_views", "library_document", "matches"]
