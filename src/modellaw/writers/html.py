"""The HTML writer: the law as one self-contained, accessible web page (templates/html/law.html).

Anchors are the Akoma Ntoso eIds of ``writers.eids``, so ``law.html#art_7__para_2`` and the AKN
element ``art_7__para_2`` name the same provision. Defined terms link to their definition,
cross-references to their target; in model mode options and commentary are collapsible and
sources are footnotes or lists as the config says. No network assets: the stylesheet is inlined.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from jinja2 import Environment, FileSystemLoader
from markupsafe import Markup, escape

from modellaw.annex import Annex, Span
from modellaw.ir import Alternatives, Article, DefinedTerm, Division, Document, Inline, OptionGroup, Paragraph, Point, Ref, Term
from modellaw.resources import templates_dir
from modellaw.vocabulary import is_right_to_left
from modellaw.writers.eids import akn_eids, definition_eids, option_eid
from modellaw.writers.words import article_heading, commentary_under_articles, division_heading, model_note, quoted, status_marker, title_lines, words_for

_SPAN_TAGS = {"strong": "strong", "insert": "ins", "delete": "del"}


@cache
def _environment() -> Environment:
    folder = templates_dir() / "html"
    env = Environment(loader=FileSystemLoader(str(folder)), autoescape=True, keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True)
    env.globals["css"] = Markup((folder / "law.css").read_text(encoding="utf-8"))
    env.filters["cell"] = _cell
    return env


def write_html(document: Document, annexes: Sequence[Annex] = ()) -> bytes:
    """Return the law (with ``annexes`` after it) as a UTF-8 HTML page."""
    page = LawPage(document)
    return _environment().get_template("law.html").render(page=page, law=True, annexes=_labelled(annexes, True)).encode("utf-8")


def write_annex_html(annex: Annex, document: Document) -> bytes:
    """Return a page holding only ``annex``; title and language come from ``document``."""
    page = LawPage(document)
    return _environment().get_template("law.html").render(page=page, law=False, annexes=_labelled([annex], False)).encode("utf-8")


def _labelled(annexes: Sequence[Annex], law: bool) -> list[tuple[str, str, Annex]]:
    """Return (anchor, label, annex) for each annex: ``Annex 1``... beside a law, plain ``Annex`` alone."""
    several = law or len(annexes) > 1
    return [(f"annex_{i}", f"{a.label} {i}" if several else a.label, a) for i, a in enumerate(annexes, start=1)]


def _cell(cell: tuple[tuple[Span, ...], ...]) -> Markup:
    """Return an annex table cell: lines joined by line breaks, spans in strong/ins/del."""
    lines = []
    for line in cell:
        parts = [f"<{_SPAN_TAGS[s.kind]}>{escape(s.text)}</{_SPAN_TAGS[s.kind]}>" if s.kind in _SPAN_TAGS else str(escape(s.text)) for s in line]
        lines.append("".join(parts))
    return Markup("<br>".join(lines))


@dataclass
class Footnote:
    """A source footnote: its number, its lines, the heading it returns to, and the anchors of the note and of the mark."""

    number: int
    lines: list[str]
    back: str
    note_id: str = field(init=False)
    mark_id: str = field(init=False)

    def __post_init__(self) -> None:
        self.note_id, self.mark_id = f"fn_{self.number}", f"fnref_{self.number}"


class LawPage:
    """What the template reads: headings, anchors and inline HTML computed from the IR."""

    def __init__(self, document: Document) -> None:
        self.ir = document
        self.meta = document.meta
        self.words = words_for(document.meta)
        self.model = document.meta.mode == "model"
        self.direction = "rtl" if is_right_to_left(document.meta.language) else "ltr"
        self.eids = akn_eids(document)
        self.definitions = definition_eids(document, self.eids)
        self.footnotes: list[Footnote] = []
        self.footnote_of: dict[str, Footnote] = {}
        self.commentary = commentary_under_articles(document)
        if self.commentary and self.meta.sources in ("footnotes", "both"):
            for article in document.articles():
                if article.sources:
                    note = Footnote(len(self.footnotes) + 1, [s.format() for s in article.sources], self.article_heading(article))
                    self.footnotes.append(note)
                    self.footnote_of[article.clause_id] = note

    def model_note(self) -> str:
        """Return the note on how to read the model law."""
        return model_note(self.ir)

    def title_lines(self) -> list[str]:
        """Return the lines under the title."""
        return title_lines(self.meta)

    def eid(self, node: object) -> str:
        """Return the anchor (AKN eId) of a division, article, paragraph or point."""
        return self.eids[getattr(node, "eid", None) or ""]

    def division_heading(self, division: Division) -> str:
        """Return ``Chapter I. General provisions`` (or ``Part 1 — ...``)."""
        return division_heading(division, self.meta)

    def article_heading(self, article: Article) -> str:
        """Return ``Article 7. Title`` (or ``7. Title``)."""
        return article_heading(article, self.meta)

    def status(self, article: Article) -> str:
        """Return the status marker shown under the heading in model mode, or an empty string."""
        return status_marker(article.status, self.meta) if self.model and article.status else ""

    def footnote(self, article: Article) -> Footnote | None:
        """Return the article's source footnote, when sources are footnotes."""
        return self.footnote_of.get(article.clause_id)

    def listed_sources(self, article: Article) -> bool:
        """Return whether the article's sources are listed in its commentary."""
        return bool(article.sources) and self.meta.sources in ("list", "both")

    def has_commentary(self, article: Article) -> bool:
        """Return whether model mode shows a commentary for the article."""
        return self.commentary and bool(article.commentary or article.open_questions or article.implements or self.listed_sources(article))

    def is_options(self, block: object) -> bool:
        """Return whether a body block is a group of drafting options."""
        return isinstance(block, OptionGroup)

    def option_id(self, article: Article, key: str) -> str:
        """Return the anchor of option ``key`` (the AKN hcontainer eId)."""
        return option_eid(self.eid(article), key)

    def inline(self, inlines: tuple[Inline, ...]) -> Markup:
        """Return inlines as HTML: defined terms as ``dfn``, uses of terms and references as links."""
        out = []
        for node in inlines:
            if isinstance(node, DefinedTerm):
                out.append(f'<dfn id="term-{escape(node.term_id)}">{escape(quoted(node.text, self.meta))}</dfn>')
            elif isinstance(node, Term) and node.term_id in self.definitions:
                out.append(f'<a class="term" href="#{escape(self.definitions[node.term_id])}">{escape(node.text)}</a>')
            elif isinstance(node, Ref) and node.target_eid in self.eids:
                out.append(f'<a class="ref" href="#{escape(self.eids[node.target_eid or ""])}">{escape(node.label or "")}</a>')
            elif isinstance(node, Ref):
                out.append(str(escape(node.label or "")))
            elif isinstance(node, Alternatives):
                option = self.words.option
                phrases = " / ".join(f"<em>{escape(option)} {escape(v.key)}:</em> {self.inline(v.inlines)}" for v in node.variants)
                out.append(f'<span class="alternatives">[{phrases}]</span>')
            else:
                out.append(str(escape(node.text)))
        return Markup("".join(out))

    def points(self, node: Paragraph | Point) -> tuple[Point, ...]:
        """Return the points (or sub-points) below a paragraph or point."""
        return node.points if isinstance(node, Paragraph) else node.children
