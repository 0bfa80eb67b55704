"""The Word writer: named styles from templates/docx/reference.docx, labels from the IR, live fields.

No direct formatting: every paragraph and run names a style the reference document defines.
Article and chapter numbers are SEQ fields and references to other articles are REF fields, each
with the number the numbering stage computed as its cached result, so the text is right when
opened and follows when a drafter inserts an article and updates fields. Output is
byte-identical for the same IR (dates come from the config; zip timestamps are pinned).
"""

from __future__ import annotations

import hashlib
import io
import itertools
import zipfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from docx.document import Document as WordDocument
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part, XmlPart
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph as WordParagraph

from modellaw.annex import Annex
from modellaw.ir import Alternatives, Article, Block, DefinedTerm, Division, Document, ExplanatoryNote, Front, Inline, OptionGroup, Paragraph, Point, Ref, Term, Text
from modellaw.languages.grammar import grammar_for
from modellaw.vocabulary import is_right_to_left
from modellaw.walk import iter_inlines
from modellaw.writers import _oxml
from modellaw.writers.annex_docx import USED_STYLES as ANNEX_STYLES
from modellaw.writers.annex_docx import annex_blocks
from modellaw.writers.house import open_template
from modellaw.writers.words import (
    article_heading,
    commentary_under_articles,
    division_heading,
    front_matter_blocks,
    model_note,
    paragraph_marker,
    quoted,
    status_marker,
    title_lines,
    words_for,
)

POINT_STYLES = ("ML Point", "ML Subpoint", "ML Subpoint")
USED_STYLES = frozenset(
    {"Title", "Heading 1", "Heading 2", "Footer", "Header", "ML Draft Marking", "ML Title Info", "ML Note", "ML Status",
     "ML Body", "ML Paragraph", "ML Paragraph Continued", "ML Point", "ML Subpoint", "ML Option Heading",
     "ML Commentary Heading", "ML Commentary", "ML Commentary List", "ML Source", "ML Defined Term",
     "ML Commentary Label", "ML Status Marker", "ML Term Use", "ML Cross Reference", "ML Contents Heading",
     "toc 1", "toc 2", "footnote text", "footnote reference", "annotation text", "annotation reference"}
) | ANNEX_STYLES
"""Every style name the writer uses; a test checks that the reference document defines each."""
FRONT_MATTER_STYLES = {"long-title": "ML Title Info", "preamble": "ML Body", "formula": "ML Body"}
"""Styles of the bill's front matter (enactment mode)."""
TOC_INSTRUCTION = 'TOC \\o "1-2" \\h \\z \\u'


def write_docx(document: Document, annexes: Sequence[Annex] = (), template: Path | None = None, add_missing_styles: bool = False) -> bytes:
    """Return the .docx bytes of a numbered document, with ``annexes`` appended after the law.

    ``template`` is a house template to take the styles and page setup from (see ``writers.house``).
    """
    builder = DocxBuilder(document, template, add_missing_styles)
    builder.compose(annexes)
    return builder.finish()


def write_annex_docx(annex: Annex, document: Document) -> bytes:
    """Return a .docx holding only ``annex``; furniture and properties come from ``document``."""
    builder = DocxBuilder(document)
    builder.compose([annex], law=False)
    return builder.finish()


class DocxBuilder:
    """Builds one Word document from the IR: ``compose()`` lays out the blocks, ``finish()`` writes the file."""

    def __init__(self, document: Document, template: Path | None = None, add_missing_styles: bool = False, column: str = "") -> None:
        self.column = column
        """Empty for a document of its own; for the second column of a parallel text, a name (the
        language) that keeps its bookmarks and SEQ counters apart from the first column's."""
        self.ir = document
        self.meta = document.meta
        self.words = words_for(document.meta)
        self.model = document.meta.mode == "model"
        self.commentary = commentary_under_articles(document)
        """Whether each article prints its commentary and sources (not when an explanatory note gathers them)."""
        self.common_law = document.meta.tradition == "common-law"
        self.doc: WordDocument = open_template(template, USED_STYLES, add_missing_styles)
        self.style_ids = {s.name: s.style_id for s in self.doc.styles}
        self.term_anchors = _term_anchors(document)
        self.targets = {ref.target_eid for ref in _iter_refs(document) if ref.target_eid} | set(self.term_anchors.values())
        self.number_targets = {ref.article_eid for ref in _iter_refs(document) if ref.article_eid}
        self.blocks: list[_oxml.ParagraphXml | _oxml.TableXml] = []
        self.headings: list[tuple[int, Article]] = []
        self.owner = "front"
        self.article_status = ""
        self.footnotes: list[str] = []
        self.bookmark_ids = itertools.count(1)

    def compose(self, annexes: Sequence[Annex] = (), law: bool = True) -> None:
        """Lay out the blocks: title page, contents, chapters and articles (when ``law``), annexes."""
        if law:
            self._title_page()
            if self.meta.toc:
                self._table_of_contents()
            if self.ir.front is not None:
                self._introduction(self.ir.front)
            for division in self.ir.divisions:
                self._division(division)
            if self.ir.note is not None:
                self._explanatory_note(self.ir.note)
        for index, annex in enumerate(annexes):
            if self.blocks:
                self._p("ML Body").add(_oxml.PAGE_BREAK_XML)
            label = f"{annex.label} {index + 1}" if len(annexes) > 1 or law else annex.label
            self.blocks += annex_blocks(annex, self.style_ids, label)

    def finish(self) -> bytes:
        """Write the composed blocks and every other part; return the pinned zip bytes."""
        _oxml.set_document_language(self.doc.styles.element, self.meta.language, is_right_to_left(self.meta.language))
        elements = _oxml.parse_paragraphs(self.blocks)
        section_properties = self.doc.element.body.sectPr
        for element in elements:
            section_properties.addprevious(element)
        self._footnotes_part()
        _oxml.add_update_fields(self.doc.settings.element)
        self._furniture()
        self._properties()
        if self.meta.review_comments:
            self._review_comments([(elements[i], article) for i, article in self.headings])
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _pin_zip(buffer.getvalue())

    # --- paragraphs -------------------------------------------------------------------------

    def _p(self, style: str, text: str = "") -> _oxml.ParagraphXml:
        p = _oxml.ParagraphXml(self.style_ids[style], _oxml.run_xml(text) if text else "", self.owner)
        self.blocks.append(p)
        return p

    def _bookmark_id(self) -> int:
        return next(self.bookmark_ids)

    def _mark(self, eid: str | None) -> str:
        """Return the bookmark name of an eId in this builder's column."""
        return _bookmark_name(f"{self.column}_{eid}" if self.column and eid else eid)

    def _seq(self, name: str) -> str:
        """Return the SEQ identifier of a counter (``Article``, ``Chapter``) in this builder's column."""
        return f"{name}_{self.column}" if self.column else name

    def _title_page(self) -> None:
        if self.meta.draft_marking:
            self._p("ML Draft Marking", self.meta.draft_marking)
        self._p("Title", self.meta.title)
        for line in title_lines(self.meta):
            self._p("ML Title Info", line)
        if self.model and self.ir.front is None:
            self._p("ML Note", model_note(self.ir))
        self._p("ML Body").add(_oxml.PAGE_BREAK_XML)
        for kind, text in front_matter_blocks(self.meta):
            self._p(FRONT_MATTER_STYLES[kind], text)

    def _introduction(self, front: Front) -> None:
        """The introduction (model mode): its title, headed parts and paragraphs, then a page break."""
        self.owner = "introduction"
        self._p("ML Contents Heading", front.title)
        for section in front.sections:
            self._p("ML Commentary Heading", section.heading)
            for paragraph in section.paragraphs:
                self._p("ML Body", paragraph)
        self._p("ML Body").add(_oxml.PAGE_BREAK_XML)

    def _table_of_contents(self) -> None:
        """A TOC field whose cached result lists every chapter and article heading (no page numbers)."""
        self.owner = "contents"
        self._p("ML Contents Heading", self.words.contents)
        entries: list[tuple[str, str, str | None]] = []
        for division in self.ir.divisions:
            entries.append(("toc 1", division_heading(division, self.meta), division.eid))
            entries += [("toc 2", article_heading(a, self.meta), a.eid) for a in division.articles]
        for index, (style, text, eid) in enumerate(entries):
            p = self._p(style)
            if index == 0:
                p.add(_oxml.field_begin_xml(TOC_INSTRUCTION))
            p.add(_oxml.link_xml(self._mark(eid), _oxml.run_xml(text)))
            if index == len(entries) - 1:
                p.add(_oxml.FIELD_END_XML)
        self._p("ML Body").add(_oxml.PAGE_BREAK_XML)

    def _division(self, division: Division) -> None:
        self._division_heading(division)
        for article in division.articles:
            self._article(article)

    def _division_heading(self, division: Division) -> None:
        """The chapter's (or Part's) heading, numbered by a SEQ field and bookmarked."""
        self.owner = f"chapter:{division.title}"
        p = self._p("Heading 1")
        number = (division.label or "").rsplit(" ", 1)[-1]
        if self.common_law:
            p.add(_oxml.run_xml(f"{self.words.part} ") + _oxml.field_xml(f"SEQ {self._seq('Part')} \\* ARABIC", number) + _oxml.run_xml(f" — {division.title}"))
        else:
            seq = f"SEQ {self._seq('Chapter')} \\* {grammar_for(self.meta.language, self.meta.tradition).division_format}"
            p.add(_oxml.run_xml(f"{self.words.chapter} ") + _oxml.field_xml(seq, number) + _oxml.run_xml(f". {division.title}"))
        self._heading_bookmark(p, division.eid)

    def _article(self, article: Article) -> None:
        self._article_heading(article)
        for block in article.body:
            self._block(block)
        if self.commentary:
            self._commentary(article)

    def _block(self, block: Block) -> None:
        """A body block: a paragraph, or a group of drafting options."""
        if isinstance(block, OptionGroup):
            self._options(block)
        else:
            self._paragraph(block)

    def _article_heading(self, article: Article) -> None:
        """The article's heading (numbered by a SEQ field, bookmarked) and, in model mode, its status marker."""
        self.owner = f"article:{article.clause_id}"
        p = self._p("Heading 2")
        number = _oxml.field_xml(f"SEQ {self._seq('Section' if self.common_law else 'Article')} \\* ARABIC", str(article.number))
        if article.eid in self.number_targets:
            number = _oxml.bookmark_xml(self._bookmark_id(), self._ref_bookmark(article.eid), number)
        if not self.common_law:
            p.add(_oxml.run_xml(f"{self.words.article} "))
        p.add(number + _oxml.run_xml(f". {article.title}"))
        self._heading_bookmark(p, article.eid)
        if self.commentary and article.sources and self.meta.sources in ("footnotes", "both"):
            p.add(self._footnote(article))
        self.headings.append((len(self.blocks) - 1, article))
        if self.model and article.status:
            status = _oxml.run_xml(status_marker(article.status, self.meta), self.style_ids["ML Status Marker"])
            if self.meta.clause_ids:
                status += _oxml.run_xml(f" {article.clause_id} v{article.version}")
            self._p("ML Status").add(status)
        self.article_status = article.status

    def _ref_bookmark(self, eid: str | None) -> str:
        """Return the name of the bookmark around an article's number, which REF fields point to."""
        return f"_Ref_{self.column}_{eid}" if self.column else f"_Ref_{eid}"

    def _explanatory_note(self, note: ExplanatoryNote) -> None:
        """The explanatory note after the law: a new page, its title and opening words, then chapter by chapter."""
        self.owner = "explanatory-note"
        self._p("ML Body").add(_oxml.PAGE_BREAK_XML)
        self._p("Heading 1", note.title)
        for paragraph in note.intro:
            self._p("ML Body", paragraph)
        label_style = self.style_ids["ML Commentary Label"]
        for chapter in note.chapters:
            self._p("Heading 2", chapter.heading)
            for entry in chapter.entries:
                self._p("ML Commentary Heading", entry.heading)
                for section in entry.sections:
                    self._p("ML Commentary").add(_oxml.run_xml(f"{section.heading}. ", label_style) + _oxml.run_xml(section.text))

    def _heading_bookmark(self, p: _oxml.ParagraphXml, eid: str | None) -> None:
        """Bookmark the whole heading: the TOC and references link to it, review import finds articles by it."""
        if eid:
            p.wrap(self._bookmark_id(), self._mark(eid))

    def _options(self, group: OptionGroup) -> None:
        for variant in group.variants:
            self._p("ML Option Heading", f"[{self.words.option} {variant.key}: {variant.label}]")
            for paragraph in variant.paragraphs:
                self._paragraph(paragraph)
        self._p("ML Option Heading", f"[{self.words.end_of_options}]")

    def _paragraph(self, paragraph: Paragraph) -> None:
        style = "ML Paragraph" if paragraph.label else "ML Body"
        p = self._p(style, f"{paragraph.label}\t" if paragraph.label else "")
        marker = paragraph_marker(paragraph.status, self.article_status, self.meta)
        if marker:
            p.add(_oxml.run_xml(marker, self.style_ids["ML Status Marker"]) + _oxml.run_xml(" "))
        p.add(self._inlines(paragraph.inlines))
        self._bookmark_if_target(p, paragraph.eid)
        for point in paragraph.points:
            self._point(point, 0)
        if paragraph.wrap_up:
            self._p("ML Paragraph Continued" if paragraph.label else "ML Body").add(self._inlines(paragraph.wrap_up))

    def _point(self, point: Point, depth: int) -> None:
        p = self._p(POINT_STYLES[depth], f"{point.label}\t")
        p.add(self._inlines(point.inlines))
        self._bookmark_if_target(p, point.eid)
        for child in point.children:
            self._point(child, depth + 1)

    def _bookmark_if_target(self, p: _oxml.ParagraphXml, eid: str | None) -> None:
        if eid and eid in self.targets:
            p.wrap(self._bookmark_id(), self._mark(eid))

    # --- inline content ---------------------------------------------------------------------

    def _inlines(self, inlines: tuple[Inline, ...]) -> str:
        return "".join(self._inline(node) for node in inlines)

    def _inline(self, node: Inline) -> str:
        if isinstance(node, Text):
            return _oxml.run_xml(node.text)
        if isinstance(node, DefinedTerm):
            return _oxml.run_xml(quoted(node.text, self.meta), self.style_ids["ML Defined Term"])
        if isinstance(node, Term):
            run = _oxml.run_xml(node.text, self.style_ids["ML Term Use"])
            anchor = self.term_anchors.get(node.term_id)
            return _oxml.link_xml(self._mark(anchor), run) if anchor else run
        if isinstance(node, Ref):
            return self._reference(node)
        if isinstance(node, Alternatives):
            return self._alternatives(node)
        raise TypeError(f"no writer for inline {type(node).__name__}")

    def _alternatives(self, node: Alternatives) -> str:
        """Inline options: ``[Option A: phrase / Option B: phrase]``, the bracket words in the marker style."""
        style = self.style_ids["ML Status Marker"]
        out = []
        for index, variant in enumerate(node.variants):
            opening = "[" if index == 0 else " / "
            out.append(_oxml.run_xml(f"{opening}{self.words.option} {variant.key}: ", style) + self._inlines(variant.inlines))
        return "".join(out) + _oxml.run_xml("]", style)

    def _reference(self, ref: Ref) -> str:
        """A reference. To another article, its number is a ``REF`` field (``\\h``: a link in Word) to
        that article's number; to the same article, the label is a link to the paragraph or point."""
        style = self.style_ids["ML Cross Reference"]
        label = ref.label or ""
        if ref.number_span and ref.article_eid:
            start, end = ref.number_span
            return (_oxml.run_xml(label[:start], style) + _oxml.field_xml(f"REF {self._ref_bookmark(ref.article_eid)} \\h", label[start:end], style)
                    + _oxml.run_xml(label[end:], style))
        run = _oxml.run_xml(label, style)
        return _oxml.link_xml(self._mark(ref.target_eid), run) if ref.target_eid else run

    # --- commentary and footnotes -----------------------------------------------------------

    def _footnote(self, article: Article) -> str:
        footnote_id = len(self.footnotes) + 2
        lines = [f"{self.words.sources}:", *(f"– {s.format(self.words)}" for s in article.sources)]
        self.footnotes.append(_oxml.footnote_xml(footnote_id, lines, self.style_ids["footnote text"], self.style_ids["footnote reference"]))
        return _oxml.footnote_reference_xml(footnote_id, self.style_ids["footnote reference"])

    def _footnotes_part(self) -> None:
        if not self.footnotes:
            return
        root = _oxml.footnotes_part_element()
        root.extend(_oxml.parse_footnotes(self.footnotes))
        part = XmlPart(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, root, self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        _oxml.add_footnote_settings(self.doc.settings.element)

    def _commentary(self, article: Article) -> None:
        listed = article.sources and self.meta.sources in ("list", "both")
        if not (article.commentary or listed or article.open_questions):
            return
        words = self.words
        self._p("ML Commentary Heading", words.commentary)
        label_style = self.style_ids["ML Commentary Label"]
        for section in article.commentary:
            self._p("ML Commentary").add(_oxml.run_xml(f"{section.heading}. ", label_style) + _oxml.run_xml(section.text))
        if article.open_questions and self.meta.clause_ids:  # for reviewers: the review book, not the law
            self._p("ML Commentary").add(_oxml.run_xml(f"{words.open_questions}.", label_style))
            for question in article.open_questions:
                self._p("ML Commentary List", f"–\t{question}")
        if article.answers:
            self._p("ML Commentary").add(_oxml.run_xml(f"{words.recommendations}. ", label_style) + _oxml.run_xml("; ".join(article.answers) + "."))
        if listed:
            self._p("ML Commentary").add(_oxml.run_xml(f"{words.sources}.", label_style))
            for source in article.sources:
                self._p("ML Source", f"–\t{source.format(self.words)}")

    # --- furniture, properties, comments ----------------------------------------------------

    def _furniture(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.style = self.doc.styles["Header"]
        header._p.extend(_oxml.parse_runs(_oxml.run_xml(f"{self.meta.short_title} — {self.words.version.lower()} {self.meta.version}")))
        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Footer"]
        footer._p.extend(_oxml.parse_runs(
            _oxml.run_xml(f"{self.words.page} ") + _oxml.field_xml("PAGE", "1") + _oxml.run_xml(f" {self.words.of} ") + _oxml.field_xml("NUMPAGES", "1")
        ))
        if self.meta.line_numbers:
            _oxml.set_line_numbering(section._sectPr)

    def _properties(self) -> None:
        props = self.doc.core_properties
        moment = _oxml.pinned_moment(self.meta.date).replace(tzinfo=None)
        props.title = self.meta.title
        props.subject = f"{self.meta.jurisdiction} — {self.meta.mode} text"
        props.version = self.meta.version
        props.author = props.last_modified_by = self.meta.author
        props.created = props.modified = props.last_printed = moment
        props.revision = 1
        props.identifier = f"config-sha256:{self.meta.config_hash}"
        props.keywords = "model law; counter-terrorism; artificial intelligence"
        props.comments = f"Built by modellaw {self.meta.library_version}"
        props.language = self.meta.language
        custom = [("modellaw.config_sha256", self.meta.config_hash), ("modellaw.library_version", self.meta.library_version),
                  ("modellaw.mode", self.meta.mode)]
        custom += [(f"modellaw.clause.{a.clause_id}", a.version) for a in self.ir.articles() if a.version]
        articles = [f"{a.eid}={a.clause_id}" for a in self.ir.articles()]
        articles += [f"{eid}=definitions.{term}" for term, eid in sorted(self.term_anchors.items())]
        custom.append(("modellaw.articles", ";".join(articles)))
        package = self.doc.part.package
        part = Part(PackURI("/docProps/custom.xml"), CT.OFC_CUSTOM_PROPERTIES, _oxml.custom_properties_xml(custom), package)
        package.relate_to(part, RT.CUSTOM_PROPERTIES)

    def _review_comments(self, headings: list[tuple[CT_P, Article]]) -> None:
        """Anchor a comment on each article heading: clause id, version, status, open questions."""
        moment = _oxml.pinned_moment(self.meta.date)
        initials = "".join(w[0] for w in self.meta.author.split() if w[:1].isalpha())[:3] or "ML"
        for p, article in headings:
            runs = WordParagraph(p, self.doc._body).runs
            about = f"{article.clause_id}" + (f" v{article.version}" if article.version else "")
            text = f"Clause {about}" + (f" [{article.status}]" if article.status else "")
            comment = self.doc.add_comment(runs, text=text, author=self.meta.author, initials=initials)
            for question in article.open_questions:
                comment.add_paragraph(f"Open question: {question}")
            comment._comment_elm.date = moment


def _bookmark_name(eid: str | None) -> str:
    """Return the Word bookmark name for an eId (Word allows 40 characters)."""
    name = f"ml_{eid}"
    return name if len(name) <= 40 else "ml_" + hashlib.sha1(str(eid).encode()).hexdigest()[:20]


def _iter_refs(document: Document) -> Iterator[Ref]:
    for article in document.articles():
        for node in iter_inlines(article):
            if isinstance(node, Ref):
                yield node


def _term_anchors(document: Document) -> dict[str, str]:
    """Return term id -> eId of its entry in the definitions article."""
    anchors = {}
    for article in document.articles():
        if article.clause_id != "definitions":
            continue
        for block in article.body:
            if isinstance(block, Paragraph):
                anchors.update({p.anchor: p.eid for p in block.points if p.anchor and p.eid})
    return anchors


def _pin_zip(data: bytes) -> bytes:
    """Return the zip with every member dated 1980-01-01, so rebuilds are byte-identical."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            member = zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0))
            dst.writestr(member, src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()
