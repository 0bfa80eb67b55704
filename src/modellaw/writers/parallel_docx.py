"""The parallel text in Word: the law in two languages side by side, one borderless two-column
table per chapter, a row per heading, per paragraph (or group of options) and per commentary.

Each column is composed by its own ``DocxBuilder`` from its own document, so each keeps its
language's words, labels and live fields; the second column's bookmarks and SEQ counters carry
the language in their names (``SEQ Article_en``, ``_Ref_en_art_3``) so both columns count 1, 2,
3... and their references stay in their column. Footnotes and bookmark ids are shared. A header
row naming the languages repeats on every page; a right-to-left language's column has
right-to-left paragraphs, and a right-to-left first column is set on the right.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from modellaw.annex import Annex
from modellaw.ir import Document
from modellaw.languages import native_name
from modellaw.parallel import ParallelText
from modellaw.vocabulary import is_right_to_left
from modellaw.writers import _oxml
from modellaw.writers.docx import DocxBuilder
from modellaw.writers.words import words_for

_Blocks = list[_oxml.ParagraphXml | _oxml.TableXml]
_NO_BORDERS = "".join(f'<w:{side} w:val="nil"/>' for side in ("top", "left", "bottom", "right", "insideH", "insideV"))


def write_parallel_docx(text: ParallelText, annexes: Sequence[Annex] = (), template: Path | None = None,
                        add_missing_styles: bool = False) -> bytes:
    """Return the .docx bytes of a parallel text, with ``annexes`` (in the first language) after it."""
    left = _FirstColumn(text.left, text.right, template, add_missing_styles)
    right = DocxBuilder(text.right, template, add_missing_styles, column=text.right.meta.language.replace("-", "_"))
    right.footnotes = left.footnotes
    right.bookmark_ids = left.bookmark_ids
    ParallelLayout(text, left, right).compose()
    left.compose(annexes, law=False)
    left.headings = []  # review comments anchor on single-language articles only
    return left.finish()


class _FirstColumn(DocxBuilder):
    """The builder of the first column, which owns the file: its header and footer name both languages."""

    def __init__(self, document: Document, second: Document, template: Path | None, add_missing_styles: bool) -> None:
        super().__init__(document, template, add_missing_styles)
        self.second_meta = second.meta
        self.second_words = words_for(second.meta)

    def _furniture(self) -> None:
        """Header and footer in both languages: ``Закон — версия 1.0 / Law — version 1.0``, ``Страница 1 из 3 / Page 1 of 3``."""
        section = self.doc.sections[0]
        section.different_first_page_header_footer = True
        header = section.header.paragraphs[0]
        header.style = self.doc.styles["Header"]
        pairs = ((self.meta, self.words), (self.second_meta, self.second_words))
        text = " / ".join(f"{m.short_title} — {w.version.lower()} {m.version}" for m, w in pairs)
        header._p.extend(_oxml.parse_runs(_oxml.run_xml(text)))
        footer = section.footer.paragraphs[0]
        footer.style = self.doc.styles["Footer"]
        runs = []
        for words in (self.words, self.second_words):
            runs.append(_oxml.run_xml(f"{words.page} ") + _oxml.field_xml("PAGE", "1") + _oxml.run_xml(f" {words.of} ")
                        + _oxml.field_xml("NUMPAGES", "1"))
        footer._p.extend(_oxml.parse_runs(_oxml.run_xml(" / ").join(runs)))
        if self.meta.line_numbers:
            _oxml.set_line_numbering(section._sectPr)


class ParallelLayout:
    """Lays the two columns out into the first builder's body, table by table."""

    def __init__(self, text: ParallelText, left: DocxBuilder, right: DocxBuilder) -> None:
        self.text = text
        self.left = left
        self.right = right
        section = left.doc.sections[0]
        width = (section.page_width - section.left_margin - section.right_margin) // 635  # EMU to twentieths of a point
        self.widths = [width // 2, width - width // 2]
        self.directions = _directions(text.left.meta.language, text.right.meta.language)

    def compose(self) -> None:
        """Title page, contents (first language), introduction, then one table per chapter."""
        title = self._table()
        self._row(title, self.left._title_page, self.right._title_page)
        self._add(title)
        self.left._p("ML Body").add(_oxml.PAGE_BREAK_XML)
        if self.left.meta.toc:
            self.left._table_of_contents()
        if self.text.left.front is not None and self.text.right.front is not None:
            front = self._table()
            self._row(front, lambda: self.left._introduction(self.text.left.front), lambda: self.right._introduction(self.text.right.front))
            self._add(front)
            self.left._p("ML Body").add(_oxml.PAGE_BREAK_XML)
        for division in self.text.divisions:
            table = self._table(header=True)
            self._row(table, lambda d=division.left: self.left._division_heading(d), lambda d=division.right: self.right._division_heading(d))
            for pair in division.articles:
                self._row(table, lambda a=pair.left: self.left._article_heading(a), lambda a=pair.right: self.right._article_heading(a))
                for left_block, right_block in pair.blocks:
                    self._row(table, lambda b=left_block: self.left._block(b), lambda b=right_block: self.right._block(b))
                if self.left.model:
                    self._row(table, lambda a=pair.left: self.left._commentary(a), lambda a=pair.right: self.right._commentary(a))
            self._add(table)

    def _table(self, header: bool = False) -> _oxml.TableXml:
        """Return a new borderless two-column table; with ``header``, a first row naming the languages, repeated on each page."""
        table = _ParallelTable(self.left.style_ids["ML Table"], self.widths, bidi_visual=is_right_to_left(self.text.left.meta.language))
        if header:
            names = []
            for builder, direction in zip((self.left, self.right), self.directions):
                p = _oxml.ParagraphXml(self.left.style_ids["ML Status"], _oxml.run_xml(native_name(builder.meta.language)))
                p.bidi = direction
                names.append([p])
            table.add_row(names, header=True)
        return table

    def _row(self, table: _oxml.TableXml, left: Callable[[], None], right: Callable[[], None]) -> None:
        """Add a row holding what ``left`` and ``right`` lay out in their builders; nothing when both are empty."""
        cells = [_captured(self.left, left), _captured(self.right, right)]
        if not any(cells):
            return
        for cell, direction in zip(cells, self.directions):
            for p in cell:
                p.bidi = direction
        table.add_row([cell or [_oxml.ParagraphXml(self.left.style_ids["ML Body"])] for cell in cells])

    def _add(self, table: _oxml.TableXml) -> None:
        """Put a table into the first builder's body; Word needs a paragraph between two tables."""
        if self.left.blocks and isinstance(self.left.blocks[-1], _oxml.TableXml):
            self.left._p("ML Body")
        self.left.blocks.append(table)


class _ParallelTable(_oxml.TableXml):
    """A two-column table without borders; rows may break across pages."""

    __slots__ = ("bidi_visual",)

    def __init__(self, style_id: str, widths: list[int], bidi_visual: bool = False) -> None:
        super().__init__(style_id, widths)
        self.bidi_visual = bidi_visual

    def xml(self) -> str:
        """Return the ``w:tbl`` markup: table style, right-to-left order when asked, full width, no borders."""
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in self.widths)
        bidi = "<w:bidiVisual/>" if self.bidi_visual else ""
        properties = (f'<w:tblPr><w:tblStyle w:val="{_oxml._attribute(self.style_id)}"/>{bidi}<w:tblW w:w="{sum(self.widths)}" w:type="dxa"/>'
                      f'<w:tblBorders>{_NO_BORDERS}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>')
        return f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{''.join(self.rows)}</w:tbl>"


def _captured(builder: DocxBuilder, lay_out: Callable[[], None]) -> list[_oxml.ParagraphXml]:
    """Return the paragraphs ``lay_out`` adds to ``builder`` (taken out of its body), page breaks dropped."""
    start = len(builder.blocks)
    lay_out()
    added = builder.blocks[start:]
    del builder.blocks[start:]
    return [p for p in added if isinstance(p, _oxml.ParagraphXml) and p.content != [_oxml.PAGE_BREAK_XML]]


def _directions(first: str, second: str) -> tuple[bool | None, bool | None]:
    """Return the paragraph direction of each column: True right-to-left, False left-to-right in a
    right-to-left document, None the document's default."""
    document_rtl = is_right_to_left(first)
    return tuple(True if is_right_to_left(lang) and not document_rtl else False if document_rtl and not is_right_to_left(lang) else None
                 for lang in (first, second))  # type: ignore[return-value]
