"""RENDER: resolved clauses -> unnumbered IR, with terms linked and the definitions article assembled."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any

from modellaw import __version__
from modellaw.catalogue import Catalogue
from modellaw.errors import Diagnostic, Diagnostics, Location, TemplateRenderError
from modellaw.frontmatter import front_matter
from modellaw.ir import (
    Alternatives,
    Article,
    Block,
    CommentarySection,
    Division,
    Document,
    Meta,
    OptionGroup,
    OptionVariant,
    Paragraph,
    PhraseVariant,
    SourceNote,
)
from modellaw.library import Entry
from modellaw.languages import base_language
from modellaw.markup import invalid_characters, options_sentinel, parse_body, ref_sentinel, term_sentinel
from modellaw.resolve import DefinitionsSlot, Designation, ParamValue, ResolvedClause, ResolvedDocument
from modellaw.schema.clause import ClauseModule, Commentary, Source
from modellaw.templating import compile_template, make_env, mark_default, run_template
from modellaw.languages.grammar import Grammar, grammar_for
from modellaw.languages.russian import decline
from modellaw.languages.russian import duration as russian_duration
from modellaw.schema.types import DurationValue
from modellaw.vocabulary import ENGLISH, Vocabulary, vocabulary
from modellaw.liability import by_reference, liability_of, liability_sentence, mark_penalties, penalty_parameters, unprinted_penalties
from modellaw.traditions import Tradition, tradition
from modellaw.walk import map_inlines
from modellaw.terms import assemble_definitions, collect_terms, link_terms

@dataclass
class RenderContext:
    """What every clause render needs: the environment, mode, scheme words and the catalogue."""

    env: Any
    model_mode: bool
    common_law: bool
    state: str
    catalogue: Catalogue
    problems: Diagnostics
    words: Vocabulary = ENGLISH
    authorities: dict[str, Designation] = field(default_factory=dict)
    authorities_used: tuple[str, ...] = ()
    grammar: Grammar = field(default_factory=Grammar)
    language: str = "en"
    included: frozenset[str] = frozenset()
    """Ids of the clauses placed in the document (for the ``includes`` helper)."""
    form: Tradition = field(default_factory=lambda: tradition("civil-law"))
    """The legal tradition's choices (definitions heading and place, liability)."""
    liability: str = "fixed"
    """``fixed`` or ``by-reference``: whether penalty parameters print or their sentences are replaced."""
    state_forms: dict[str, str] = field(default_factory=dict)
    """The State's name by case (``jurisdiction.forms``), for ``state_in``."""

    def includes(self, *names: str) -> bool:
        """Template helper ``includes("family" or "family.clause", ...)``: True when the document holds any of them."""
        families = {clause_id.split(".")[0] for clause_id in self.included}
        return any(str(name) in self.included or str(name) in families for name in names)

    def variables(self, params: dict[str, ParamValue], clause_id: str) -> dict[str, Any]:
        """Return the template context: parameters plus the helpers and scheme words."""
        values = {k: (mark_default(self._localized(v.value)) if v.is_default else self._localized(v.value)) for k, v in params.items()}
        return {
            **values,
            "term": _term_helper,
            "ref": _ref_helper,
            "this_law": self.words.this_act if self.common_law else self.words.this_law,
            "This_law": _capitalised(self.words.this_act if self.common_law else self.words.this_law),
            "article": self.words.section_ref if self.common_law else self.words.article_ref,
            "state": self.state,
            "mode": "model" if self.model_mode else "enactment",
            "includes": self.includes,
            "this_law_in": self._this_law_in,
            "state_in": self._state_in,
            "authority": self._authority_name,
            "Authority": lambda authority_id: _capitalised(self._authority_name(authority_id)),
            "designated_authorities": [
                {"id": a, "name": self.authorities[a].name, "function": self.authorities[a].function}
                for a in self.authorities_used
                if a in self.authorities
            ],
        }

    def _localized(self, value: Any) -> Any:
        """Return a parameter value as the document's language writes it (durations decline in Russian)."""
        if isinstance(value, DurationValue) and self.grammar.cases:
            return russian_duration(value.amount, value.unit)
        return value

    def _this_law_in(self, case: str) -> str:
        """Template helper ``this_law_in(case)``: "this Law" declined where the language declines it."""
        if self.grammar.cases:
            return decline(self.words.this_law, str(case))
        return self.words.this_act if self.common_law else self.words.this_law

    def _state_in(self, case: str) -> str:
        """Template helper ``state_in(case)``: the State's name in ``case`` where the language declines it
        (the config's ``jurisdiction.forms``; the placeholder declines by itself); elsewhere the name."""
        if not self.grammar.cases or str(case) == "nom":
            return self.state
        if str(case) in self.state_forms:
            return self.state_forms[str(case)]
        if self.state == self.words.state_placeholder:
            return decline(self.state, str(case))
        return self.state

    def _authority_name(self, authority_id: str) -> str:
        """Template helper ``authority(id)``: the designated name, as it reads inside a sentence."""
        designation = self.authorities.get(str(authority_id))
        if designation is None:
            raise ValueError(f"unknown authority {authority_id!r}")
        return designation.name


def _capitalised(text: str) -> str:
    """Return ``text`` with its first letter in upper case (for the start of a sentence)."""
    return text[:1].upper() + text[1:]


def _term_helper(term_id: str, form: str = "") -> str:
    """Template helper ``term(id[, "plural"])``: a use of a defined term."""
    return term_sentinel(str(term_id).removeprefix("definitions."), str(form))


def _ref_helper(target: str, anchor: str = "", case: str = "") -> str:
    """Template helper ``ref(clause_id[, anchor[, case]])``: a cross-reference placeholder, declined in ``case``."""
    return ref_sentinel(str(target), str(anchor), str(case))


def render(resolved: ResolvedDocument, catalogue: Catalogue) -> tuple[Document, list[Diagnostic]]:
    """Return the unnumbered document and its warnings; raise TemplateRenderError on any error.

    After this pass every Term carries its display text, every Ref its origin, and the
    definitions article holds exactly the terms the text uses (plus any the config forces).
    """
    config = resolved.loaded.config
    ctx = RenderContext(
        make_env(config.mode == "model", config.language),
        config.mode == "model",
        config.jurisdiction.tradition == "common-law",
        state_name(config),
        catalogue,
        Diagnostics(),
        vocabulary(config.language),
        resolved.authorities,
        resolved.authorities_used,
        grammar_for(config.language, config.jurisdiction.tradition),
        config.language,
        frozenset(resolved.clause_ids()),
        tradition(config.jurisdiction.tradition),
        liability_of(config),
        dict(config.jurisdiction.forms),
    )
    if ctx.liability == "by-reference":
        unprinted_penalties(resolved, ctx.problems)
    divisions = [_render_division(ctx, d.title, d.items) for d in resolved.divisions]
    ctx.problems.raise_if_errors(TemplateRenderError)
    used = collect_terms([a for d in divisions for a in d.articles if a is not None])
    definitions = assemble_definitions(ctx, resolved, used)
    ctx.problems.raise_if_errors(TemplateRenderError)
    front = resolved.library.introductions.get(base_language(config.language)) if ctx.model_mode else None
    filled = [_fill_slot(d, definitions) for d in divisions]
    if ctx.form.definitions_first:
        filled = definitions_first(filled)
    document = Document(_meta(resolved), tuple(filled), front)
    document = link_terms(document, resolved.library, ctx.problems)
    ctx.problems.raise_if_errors(TemplateRenderError)
    return with_citations(document, catalogue), ctx.problems.items


def with_citations(document: Document, catalogue: Catalogue) -> Document:
    """Return the document with each article's ``answers``: its recommendations as readers cite them."""
    divisions = tuple(replace(d, articles=tuple(replace(a, answers=recommendation_citations(catalogue, a.implements)) for a in d.articles))
                      for d in document.divisions)
    return replace(document, divisions=divisions)


def recommendation_citations(catalogue: Catalogue, ids: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Return the citations of the recommendations ``ids``, each once, in order (unknown ids are left out)."""
    cited = [catalogue.recommendations[i].cite() for i in ids if i in catalogue.recommendations]
    return tuple(dict.fromkeys(cited))


def _fill_slot(division: Division, definitions: Article | None) -> Division:
    """Return the division with its definitions slot (None) replaced, or dropped when there is none."""
    articles = [definitions if a is None else a for a in division.articles]
    return replace(division, articles=tuple(a for a in articles if a is not None))


def state_name(config: Any) -> str:
    """Return the State's name as the document prints it: the config's, or the placeholder in the document's language."""
    name = config.jurisdiction.name
    return vocabulary(config.language).state_placeholder if name == ENGLISH.state_placeholder else name


def definitions_first(divisions: list[Division]) -> list[Division]:
    """Return the divisions with the definitions article moved to the head of the first one (article 1);
    a chapter that held nothing but the definitions goes with them."""
    found = [a for d in divisions for a in d.articles if a.clause_id == "definitions"]
    if not found or not divisions:
        return divisions
    rest = [replace(d, articles=tuple(a for a in d.articles if a.clause_id != "definitions")) for d in divisions]
    rest[0] = replace(rest[0], articles=(found[0], *rest[0].articles))
    return [d for d in rest if d.articles]


def _render_division(ctx: RenderContext, title: str, items: tuple[ResolvedClause | DefinitionsSlot, ...]) -> Division:
    articles = [None if isinstance(i, DefinitionsSlot) else render_clause(ctx, i) for i in items]
    return Division(title, tuple(articles))  # type: ignore[arg-type]


def render_clause(ctx: RenderContext, item: ResolvedClause) -> Article:
    """Return the article of one clause; template and markup problems go to ``ctx.problems``."""
    entry = item.entry
    module = entry.module
    assert isinstance(module, ClauseModule)
    context = ctx.variables(item.params, module.id)
    by_ref = ctx.liability == "by-reference" and bool(penalty_parameters(module))
    if by_ref:
        context = mark_penalties(context, module)
    inline = module.options is not None and module.options.inline
    phrases = _option_phrases(ctx, entry, item, context) if inline else {}
    if inline:
        context["options"] = options_sentinel() if ctx.model_mode else phrases.get(item.option or "", "")
    body: list[Block] = []
    parsed = render_text(ctx, entry, ("text",), module.text, context)
    if parsed is not None:
        before, after = parsed
        body.extend(before)
        if module.options is not None and not inline:
            body.extend(_option_blocks(ctx, entry, item, context))
        body.extend(after or [])
    if inline and ctx.model_mode:
        body = [map_inlines(b, lambda node: _fill_alternatives(node, ctx, entry, item, phrases)) for b in body]
    fixed = set(penalty_parameters(module)) if by_ref else set()
    if by_ref:
        unit = ctx.words.section_ref if ctx.common_law else ctx.words.article_ref
        body = by_reference(body, liability_sentence(ctx.words, unit, ctx._state_in("gen")))
    return Article(
        clause_id=module.id,
        version=module.version,
        title=module.title,
        status=module.status,
        body=tuple(body),
        commentary=commentary_sections(module.commentary, ctx.words, implementation=False),
        implementation=implementation_sections(module.commentary, ctx.words),
        open_questions=tuple(module.commentary.open_questions),
        sources=source_notes(ctx.catalogue, module.sources),
        implements=tuple(module.implements),
        option=item.option,
        parameters=tuple((name, _value_text(value.value)) for name, value in sorted(item.params.items()) if name not in fixed),
    )


def _value_text(value: Any) -> str:
    """Return a parameter value as the text a comparison table shows."""
    if isinstance(value, list):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _option_blocks(ctx: RenderContext, entry: Entry, item: ResolvedClause, context: dict[str, Any]) -> list[Block]:
    """Return the chosen option's paragraphs (enactment) or an OptionGroup of every option (model)."""
    options = entry.module.options
    assert options is not None
    variants = []
    for key, choice in sorted(options.choices.items()):
        if not ctx.model_mode and key != item.option:
            continue
        parsed = render_text(ctx, entry, ("options", "choices", key, "text"), choice.text, context)
        paragraphs = parsed[0] + (parsed[1] or []) if parsed else []
        variants.append(OptionVariant(key, choice.label, key == item.option, tuple(paragraphs)))
    if not ctx.model_mode:
        return list(variants[0].paragraphs) if variants else []
    return [OptionGroup(tuple(variants))]


def _option_phrases(ctx: RenderContext, entry: Entry, item: ResolvedClause, context: dict[str, Any]) -> dict[str, str]:
    """Return each inline option's rendered phrase (every option in model mode, the chosen one otherwise)."""
    options = entry.module.options
    assert options is not None
    phrases = {}
    for key, choice in sorted(options.choices.items()):
        if ctx.model_mode or key == item.option:
            text = _render_string(ctx, entry, ("options", "choices", key, "text"), choice.text, context)
            phrases[key] = " ".join((text or "").split())
    return phrases


def _fill_alternatives(node: Any, ctx: RenderContext, entry: Entry, item: ResolvedClause, phrases: dict[str, str]) -> Any:
    """Return the place of inline options (an empty Alternatives) filled with every option's phrase."""
    if not isinstance(node, Alternatives) or node.variants:
        return node
    options = entry.module.options
    assert options is not None
    variants = []
    for key, phrase in phrases.items():
        key_path = ("options", "choices", key, "text")
        where = Location(entry.source.file, entry.source.text_start_line(key_path), ".".join(key_path))
        parsed = parse_body(phrase, entry.source.file, where.line or 1, [])
        located = _SourceLocator(options.choices[key].text, where).paragraphs(parsed.before)
        inlines = located[0].inlines if located else ()
        variants.append(PhraseVariant(key, options.choices[key].label, key == item.option, inlines))
    return Alternatives(tuple(variants))


def _render_string(ctx: RenderContext, entry: Entry, key: tuple[str, ...], source: str, context: dict[str, Any]) -> str | None:
    """Return one template field of a module rendered to text; None when it failed (problems in ``ctx``)."""
    if "{" not in source:
        return source
    where = Location(entry.source.file, entry.source.text_start_line(key), ".".join(key))
    template, problems = compile_template(ctx.env, source, where, entry.module.id)
    ctx.problems.extend(problems)
    if template is None:
        return None
    text, problems = run_template(template, context, where, entry.module.id)
    bad = invalid_characters(text, where, entry.module.id) if text is not None else []
    ctx.problems.extend(problems + bad)
    return None if bad else text


def render_text(
    ctx: RenderContext, entry: Entry, key: tuple[str, ...], source: str, context: dict[str, Any]
) -> tuple[list[Paragraph], list[Paragraph] | None] | None:
    """Render one template field of a module and parse its markup; None when it failed."""
    start = entry.source.text_start_line(key)
    where = Location(entry.source.file, start, ".".join(key))
    text = _render_string(ctx, entry, key, source, context)
    if text is None:
        return None
    problems_list: list[Diagnostic] = []
    parsed = parse_body(text, entry.source.file, start or 1, problems_list)
    ctx.problems.extend(problems_list)
    locate = _SourceLocator(source, where)
    return locate.paragraphs(parsed.before), (locate.paragraphs(parsed.after) if parsed.after is not None else None)


class _SourceLocator:
    """Gives Term and Ref nodes the line of the template call that made them."""

    def __init__(self, source: str, where: Location) -> None:
        self.lines = source.splitlines()
        self.where = where

    def find(self, helper: str, name: str) -> Location:
        """Return the location of the line calling ``helper("name"``, or the text start when not found."""
        needles = (f'{helper}("{name}"', f"{helper}('{name}'")
        for index, line in enumerate(self.lines):
            if needles[0] in line or needles[1] in line:
                return Location(self.where.file, (self.where.line or 1) + index, self.where.key_path)
        return self.where

    def paragraphs(self, paragraphs: list[Paragraph]) -> list[Paragraph]:
        """Return the paragraphs with each Term and Ref given the location of its template call."""
        def locate(node: Any) -> Any:
            kind = type(node).__name__
            if kind == "Term":
                return replace(node, origin=self.find("term", node.term_id))
            if kind == "Ref":
                return replace(node, origin=self.find("ref", node.target))
            return node

        return [map_inlines(p, locate) for p in paragraphs]


_COMMENTARY_FIELDS = ("purpose", "status_basis", "human_rights", "ihl", "options")
_IMPLEMENTATION_FIELDS = ("general", "civil_law", "common_law")


def commentary_sections(commentary: Commentary, words: Vocabulary = ENGLISH, implementation: bool = True) -> tuple[CommentarySection, ...]:
    """Return the commentary as headed sections, in a fixed order, skipping empty parts.

    With ``implementation`` False the implementation notes are left out (the law prints them in
    its implementation guide, not under each article).
    """
    headings = words.commentary_headings
    sections = [CommentarySection(h, getattr(commentary, k)) for k, h in zip(_COMMENTARY_FIELDS, headings, strict=False) if getattr(commentary, k)]
    tidy = tuple(CommentarySection(s.heading, " ".join(s.text.split())) for s in sections)
    return tidy + (implementation_sections(commentary, words) if implementation else ())


def implementation_sections(commentary: Commentary, words: Vocabulary = ENGLISH) -> tuple[CommentarySection, ...]:
    """Return the implementation notes (general, civil law, common law) as headed sections, empty parts skipped."""
    impl = commentary.implementation
    if impl is None:
        return ()
    headings = words.commentary_headings[len(_COMMENTARY_FIELDS):]
    return tuple(CommentarySection(heading, " ".join(getattr(impl, key).split()))
                 for key, heading in zip(_IMPLEMENTATION_FIELDS, headings, strict=True) if getattr(impl, key))


def source_notes(catalogue: Catalogue, sources: list[Source]) -> tuple[SourceNote, ...]:
    """Return the sources with the instruments' citation forms from the catalogue."""
    notes = []
    for source in sources:
        instrument = catalogue.instruments.get(source.instrument)
        citation = instrument.short if instrument else source.instrument
        notes.append(SourceNote(source.instrument, citation, source.pinpoint, source.relation, source.verification, source.note))
    return tuple(notes)


def _meta(resolved: ResolvedDocument) -> Meta:
    config = resolved.loaded.config
    return Meta(
        title=config.title,
        short_title=config.short_title or config.title,
        jurisdiction=state_name(config),
        tradition=config.jurisdiction.tradition,
        language=config.language,
        version=config.version,
        date=config.date,
        mode=config.mode,
        author=config.author,
        draft_marking=config.draft_marking,
        config_hash=resolved.loaded.sha256,
        library_version=__version__,
        sources=config.sources,
        toc=config.mode == "model" if config.toc is None else config.toc,
        line_numbers=config.line_numbers,
        review_comments=config.review_comments,
        frbr_country=config.jurisdiction.frbr_country,
        front_matter=front_matter(config),
    )

