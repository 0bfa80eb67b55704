"""The Word writer: named styles from templates/docx/reference.docx, literal labels from the IR.

No direct formatting: every paragraph and run names a style the reference document defines.
Output is byte-identical for the same IR (core properties and zip timestamps are pinned).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import zipfile
from collections.abc import Iterator

import docx
from docx.document import Document as WordDocument
from docx.enum.text import WD_BREAK
from docx.oxml.text.paragraph import CT_P
from docx.text.paragraph import Paragraph as WordParagraph

from modellaw.ir import Article, DefinedTerm, Division, Document, Inline, OptionGroup, Paragraph, Point, Ref, Term, Text
from modellaw.resources import templates_dir
from modellaw.writers import _oxml
from modellaw.writers.words import MODEL_NOTE, STATUS_MARKERS, article_heading, division_heading, quoted, title_lines

POINT_STYLES = ("ML Point", "ML Subpoint", "ML Subpoint")
USED_STYLES = frozenset(
    {"Title", "Heading 1", "Heading 2", "Footer", "Header", "ML Draft Marking", "ML Title Info", "ML Note", "ML Status",
     "ML Body", "ML Paragraph", "ML Paragraph Continued", "ML Point", "ML Subpoint", "ML Option Heading",
     "ML Commentary Heading", "ML Commentary", "ML Commentary List", "ML Source", "ML Defined Term",
     "ML Commentary Label", "ML Status Marker", "ML Term Use", "ML Cross Reference"}
)
"""Every style name the writer uses; a test checks that the reference document defines each."""


def write_docx(document: Document) -> bytes:
    """Return the .docx bytes of a numbered document."""
    return _DocxBuilder(document).build()


class _DocxBuilder:
    """Builds one Word document from the IR, top to bottom."""

    def __init__(self, document: Document) -> None:
        self.ir = document
        self.meta = document.meta
        self.doc: WordDocument = docx.Document(str(templates_dir() / "docx" / "reference.docx"))
        self.body = self.doc.element.body
        self.style_ids = {s.name: s.style_id for s in self.doc.styles}
        self.targets = _referenced_eids(document)
        self.term_anchors = _term_anchors(document)
        self.next_bookmark = 0
        self.blocks: list[CT_P] = []

    def build(self) -> bytes:
        """Write every part and return the pinned zip bytes."""
        _oxml.set_default_language(self.doc.styles.element, self.meta.language)
        self._title_page()
        for division in self.ir.divisions:
            self._division(division)
        section_properties = self.body.sectPr
        for block in self.blocks:
            section_properties.addprevious(block)
        self._furniture()
        self._properties()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _pin_zip(buffer.getvalue())

    # --- paragraphs -------------------------------------------------------------------------

    def _p(self, style: str, text: str = "") -> CT_P:
        p = _oxml.new_paragraph(self.style_ids[style])
        self.blocks.append(p)
        if text:
            p.append(_oxml.new_run(text))
        return p

    def _title_page(self) -> None:
        if self.meta.draft_marking:
            self._p("ML Draft Marking", self.meta.draft_marking)
        self._p("Title", self.meta.title)
        for line in title_lines(self.meta):
            self._p("ML Title Info", line)
        if self.meta.mode == "model":
            self._p("ML Note", MODEL_NOTE)
        WordParagraph(self._p("ML Body"), self.doc).add_run().add_break(WD_BREAK.PAGE)

    def _division(self, division: Division) -> None:
        heading = self._p("Heading 1", division_heading(division, self.meta))
        self._bookmark_if_target(heading, division.eid)
        for article in division.articles:
            self._article(article)

    def _article(self, article: Article) -> None:
        heading = self._p("Heading 2", article_heading(article, self.meta))
        self._bookmark_if_target(heading, article.eid)
        model = self.meta.mode == "model"
        if model and article.status:
            self._p("ML Status").append(_oxml.new_run(STATUS_MARKERS[article.status], self.style_ids["ML Status Marker"]))
        for block in article.body:
            if isinstance(block, OptionGroup):
                self._options(block)
            else:
                self._paragraph(block)
        if model:
            self._commentary(article)

    def _options(self, group: OptionGroup) -> None:
        for variant in group.variants:
            self._p("ML Option Heading", f"[Option {variant.key}: {variant.label}]")
            for paragraph in variant.paragraphs:
                self._paragraph(paragraph)
        self._p("ML Option Heading", "[End of options]")

    def _paragraph(self, paragraph: Paragraph) -> None:
        style = "ML Paragraph" if paragraph.label else "ML Body"
        p = self._p(style, f"{paragraph.label}\t" if paragraph.label else "")
        self._inlines(p, paragraph.inlines)
        self._bookmark_if_target(p, paragraph.eid)
        for point in paragraph.points:
            self._point(point, 0)
        if paragraph.wrap_up:
            self._inlines(self._p("ML Paragraph Continued" if paragraph.label else "ML Body"), paragraph.wrap_up)

    def _point(self, point: Point, depth: int) -> None:
        p = self._p(POINT_STYLES[depth], f"{point.label}\t")
        self._inlines(p, point.inlines)
        self._bookmark_if_target(p, point.eid)
        for child in point.children:
            self._point(child, depth + 1)

    # --- inline content ---------------------------------------------------------------------

    def _inlines(self, p: CT_P, inlines: tuple[Inline, ...]) -> None:
        for node in inlines:
            p.append(self._inline(node))

    def _inline(self, node: Inline):  # noqa: ANN202 - returns an lxml element
        if isinstance(node, Text):
            return _oxml.new_run(node.text)
        if isinstance(node, DefinedTerm):
            return _oxml.new_run(quoted(node.text, self.meta.language), self.style_ids["ML Defined Term"])
        if isinstance(node, Term):
            run = _oxml.new_run(node.text, self.style_ids["ML Term Use"])
            anchor = self.term_anchors.get(node.term_id)
            return _oxml.internal_link(_bookmark_name(anchor), run) if anchor else run
        assert isinstance(node, Ref)
        run = _oxml.new_run(node.label or "", self.style_ids["ML Cross Reference"])
        return _oxml.internal_link(_bookmark_name(node.target_eid), run) if node.target_eid else run

    def _bookmark_if_target(self, p: CT_P, eid: str | None) -> None:
        if eid and eid in self.targets:
            self.next_bookmark += 1
            _oxml.add_bookmark(p, self.next_bookmark, _bookmark_name(eid))

    # --- commentary -------------------------------------------------------------------------

    def _commentary(self, article: Article) -> None:
        if not (article.commentary or article.sources or article.open_questions):
            return
        self._p("ML Commentary Heading", "Commentary")
        label_style = self.style_ids["ML Commentary Label"]
        for section in article.commentary:
            p = self._p("ML Commentary")
            p.append(_oxml.new_run(f"{section.heading}. ", label_style))
            p.append(_oxml.new_run(section.text))
        if article.open_questions:
            self._p("ML Commentary").append(_oxml.new_run("Open questions.", label_style))
            for question in article.open_questions:
                self._p("ML Commentary List", f"–\t{question}")
        if article.implements:
            p = self._p("ML Commentary")
            p.append(_oxml.new_run("Recommendations answered. ", label_style))
            p.append(_oxml.new_run(", ".join(article.implements) + "."))
        if article.sources:
            self._p("ML Commentary").append(_oxml.new_run("Sources.", label_style))
            for source in article.sources:
                self._p("ML Source", f"–\t{source.format()}")

    # --- furniture and properties -----------------------------------------------------------

    def _furniture(self) -> None:
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.style = self.doc.styles["Header"]
        header._p.append(_oxml.new_run(f"{self.meta.short_title} — version {self.meta.version}"))
        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Footer"]
        footer._p.append(_oxml.simple_field("PAGE", "1"))

    def _properties(self) -> None:
        props = self.doc.core_properties
        moment = dt.datetime.combine(self.meta.date, dt.time(0, 0))
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


def _bookmark_name(eid: str | None) -> str:
    """Return the Word bookmark name for an eId (Word allows 40 characters)."""
    name = f"ml_{eid}"
    return name if len(name) <= 40 else "ml_" + hashlib.sha1(str(eid).encode()).hexdigest()[:20]


def _iter_refs(document: Document) -> Iterator[Ref]:
    from modellaw.walk import iter_inlines

    for article in document.articles():
        for node in iter_inlines(article):
            if isinstance(node, Ref):
                yield node


def _referenced_eids(document: Document) -> set[str]:
    """Return the eIds that references or term uses point at (they get bookmarks)."""
    eids = {ref.target_eid for ref in _iter_refs(document) if ref.target_eid}
    return eids | set(_term_anchors(document).values())


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
