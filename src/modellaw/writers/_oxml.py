"""The raw OOXML pieces python-docx lacks: fields, bookmarks, internal links, footnotes,
line numbering, default language and direction, custom properties.

Built with python-docx's own parser and ``qn`` names, so every element gets python-docx's
element class; the writer composes these pieces and never writes XML text itself.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from docx.oxml.ns import nsmap as nsdecls_map
from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser
from docx.oxml.text.paragraph import CT_P
from lxml import etree
from lxml.etree import SubElement

_P, _R = qn("w:p"), qn("w:r")
_W_NSMAP = {"w": nsdecls_map["w"]}


def element(tag: str, attributes: dict[str, str] | None = None) -> Any:
    """Return a detached element ``tag`` (prefixed, e.g. ``w:fldSimple``) of python-docx's class."""
    made = oxml_parser.makeelement(qn(tag) if ":" in tag else tag, nsmap=_W_NSMAP)
    for name, value in (attributes or {}).items():
        made.set(qn(name), value)
    return made






# --- body paragraphs as markup, parsed once ----------------------------------------------
#
# The body is composed as WordprocessingML text, paragraph by paragraph, and parsed in one go by
# python-docx's own parser (so elements get python-docx's classes). Creating tens of thousands of
# elements one by one was most of the writer's time.

_W = nsdecls_map["w"]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _attribute(text: str) -> str:
    return _escape(text).replace('"', "&quot;")


def run_xml(text: str, style_id: str | None = None) -> str:
    """Return a ``w:r`` holding ``text`` (tabs become ``w:tab``), with an optional character style."""
    pieces = []
    for index, piece in enumerate(text.split("\t")):
        if index:
            pieces.append("<w:tab/>")
        if piece:
            space = ' xml:space="preserve"' if piece[0] == " " or piece[-1] == " " else ""
            pieces.append(f"<w:t{space}>{_escape(piece)}</w:t>")
    style = f'<w:rPr><w:rStyle w:val="{_attribute(style_id)}"/></w:rPr>' if style_id else ""
    return f"<w:r>{style}{''.join(pieces)}</w:r>"


def field_xml(instruction: str, cached: str, style_id: str | None = None) -> str:
    """Return the runs of a complex field (e.g. ``SEQ Article``, ``REF _Ref_art_7 \\h``) showing ``cached``.

    Complex fields (``w:fldChar``) rather than ``w:fldSimple``: Word writes them, and readers
    that do not evaluate fields (pandoc) still print the cached result.
    """
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {_escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
        f"{run_xml(cached, style_id)}"
        '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
    )


def field_begin_xml(instruction: str) -> str:
    """Return the runs that open a complex field and separate its instruction from its result."""
    return (
        '<w:r><w:fldChar w:fldCharType="begin"/></w:r>'
        f'<w:r><w:instrText xml:space="preserve"> {_escape(instruction)} </w:instrText></w:r>'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
    )


FIELD_END_XML = '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
PAGE_BREAK_XML = '<w:r><w:br w:type="page"/></w:r>'


def link_xml(anchor: str, inner: str) -> str:
    """Return a ``w:hyperlink`` to bookmark ``anchor`` around the runs ``inner``."""
    return f'<w:hyperlink w:anchor="{_attribute(anchor)}" w:history="1">{inner}</w:hyperlink>'


def bookmark_xml(bookmark_id: int, name: str, inner: str) -> str:
    """Return ``inner`` wrapped in bookmark ``name``."""
    return f'<w:bookmarkStart w:id="{bookmark_id}" w:name="{_attribute(name)}"/>{inner}<w:bookmarkEnd w:id="{bookmark_id}"/>'


def footnote_reference_xml(footnote_id: int, style_id: str) -> str:
    """Return the run that marks footnote ``footnote_id`` in the text."""
    return f'<w:r><w:rPr><w:rStyle w:val="{_attribute(style_id)}"/></w:rPr><w:footnoteReference w:id="{footnote_id}"/></w:r>'


class ParagraphXml:
    """One paragraph being composed: its style, its content as markup, and the part of the law it
    belongs to (``owner``: an article's clause id, a chapter, the front matter), for redlines."""

    __slots__ = ("bidi", "content", "owner", "style_id")

    def __init__(self, style_id: str, content: str = "", owner: str = "") -> None:
        self.style_id = style_id
        self.content = [content] if content else []
        self.owner = owner
        self.bidi: bool | None = None
        """True: a right-to-left paragraph; False: left-to-right even in a right-to-left document; None: the default."""

    def add(self, markup: str) -> None:
        """Append runs, fields, links or bookmarks."""
        self.content.append(markup)

    def wrap(self, bookmark_id: int, name: str) -> None:
        """Put a bookmark around everything added so far."""
        self.content = [bookmark_xml(bookmark_id, name, "".join(self.content))]

    def xml(self) -> str:
        """Return the ``w:p`` markup."""
        bidi = "" if self.bidi is None else "<w:bidi/>" if self.bidi else '<w:bidi w:val="0"/>'
        return f'<w:p><w:pPr><w:pStyle w:val="{_attribute(self.style_id)}"/>{bidi}</w:pPr>{"".join(self.content)}</w:p>'


class TableXml:
    """A table composed as markup: header row repeated on each page, named table style."""

    __slots__ = ("owner", "rows", "style_id", "widths")

    def __init__(self, style_id: str, widths: list[int], owner: str = "") -> None:
        self.style_id = style_id
        self.widths = widths
        self.rows: list[str] = []
        self.owner = owner

    def add_row(self, cells: list[list[ParagraphXml]], header: bool = False) -> None:
        """Append a row; each cell is a list of paragraphs."""
        properties = "<w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>" if header else ""
        tcs = "".join(
            f'<w:tc><w:tcPr><w:tcW w:w="{w}" w:type="dxa"/></w:tcPr>{"".join(p.xml() for p in cell)}</w:tc>'
            for w, cell in zip(self.widths, cells, strict=True)
        )
        self.rows.append(f"<w:tr>{properties}{tcs}</w:tr>")

    def xml(self) -> str:
        """Return the ``w:tbl`` markup."""
        grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in self.widths)
        properties = (f'<w:tblPr><w:tblStyle w:val="{_attribute(self.style_id)}"/><w:tblW w:w="{sum(self.widths)}" w:type="dxa"/>'
                      '<w:tblLayout w:type="fixed"/></w:tblPr>')
        return f"<w:tbl>{properties}<w:tblGrid>{grid}</w:tblGrid>{''.join(self.rows)}</w:tbl>"


def tracked_run_xml(kind: str, text: str, revision_id: int, author: str, date: str, style_id: str | None = None) -> str:
    """Return ``text`` as an inserted (``ins``) or deleted (``del``) run with author and date."""
    run = run_xml(text, style_id)
    if kind == "del":
        run = run.replace("<w:t>", "<w:delText>").replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
    return f'<w:{kind} w:id="{revision_id}" w:author="{_attribute(author)}" w:date="{date}">{run}</w:{kind}>'


def parse_runs(markup: str) -> list[Any]:
    """Return the elements of run-level ``markup`` (runs, fields), parsed by python-docx's parser."""
    return list(etree.fromstring(f'<w:p xmlns:w="{_W}">{markup}</w:p>'.encode("utf-8"), oxml_parser))


def parse_paragraphs(paragraphs: list[ParagraphXml] | list[ParagraphXml | TableXml]) -> list[CT_P]:
    """Return the ``w:p`` (and ``w:tbl``) elements of ``paragraphs``, parsed in one pass by python-docx's parser."""
    body = f'<w:body xmlns:w="{_W}">{"".join(p.xml() for p in paragraphs)}</w:body>'
    return list(etree.fromstring(body.encode("utf-8"), oxml_parser))


# --- bookmarks, links, fields -------------------------------------------------------------












# --- footnotes ------------------------------------------------------------------------------




def footnotes_part_element() -> Any:
    """Return a ``w:footnotes`` root holding the separator (id 0) and continuation separator (id 1)."""
    root = oxml_parser.makeelement(qn("w:footnotes"), nsmap=_W_NSMAP)
    for footnote_id, kind, mark in ((0, "separator", "w:separator"), (1, "continuationSeparator", "w:continuationSeparator")):
        note = SubElement(root, qn("w:footnote"), {qn("w:type"): kind, qn("w:id"): str(footnote_id)})
        run = SubElement(SubElement(note, _P), _R)
        SubElement(run, qn(mark))
    return root


def footnote_xml(footnote_id: int, lines: list[str], text_style: str, mark_style: str) -> str:
    """Return a ``w:footnote``: the mark and the first line, then one paragraph per further line."""
    mark = f'<w:r><w:rPr><w:rStyle w:val="{_attribute(mark_style)}"/></w:rPr><w:footnoteRef/></w:r>'
    paragraphs = [ParagraphXml(text_style, (mark if i == 0 else "") + run_xml(f" {line}" if i == 0 else line)).xml()
                  for i, line in enumerate(lines)]
    return f'<w:footnote w:id="{footnote_id}">{"".join(paragraphs)}</w:footnote>'


def parse_footnotes(footnotes: list[str]) -> list[Any]:
    """Return the ``w:footnote`` elements of ``footnotes`` markup."""
    return list(etree.fromstring(f'<w:footnotes xmlns:w="{_W}">{"".join(footnotes)}</w:footnotes>'.encode("utf-8"), oxml_parser))


def add_footnote_settings(settings: Any) -> None:
    """Declare the separator footnotes in ``w:settings`` (before ``w:compat``, as the schema orders it)."""
    footnote_pr = element("w:footnotePr")
    for footnote_id in ("0", "1"):
        footnote_pr.append(element("w:footnote", {"w:id": footnote_id}))
    compat = settings.find(qn("w:compat"))
    if compat is not None:
        compat.addprevious(footnote_pr)
    else:
        settings.append(footnote_pr)


_AFTER_UPDATE_FIELDS = ("hdrShapeDefaults", "footnotePr", "endnotePr", "compat", "docVars", "rsids", "mathPr", "attachedSchema",
                        "themeFontLang", "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures", "forceUpgrade",
                        "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary", "shapeDefaults", "doNotEmbedSmartTags",
                        "decimalSymbol", "listSeparator")
"""The ``w:settings`` children that the schema orders after ``w:updateFields``."""


def add_update_fields(settings: Any) -> None:
    """Ask Word to update every field when the document opens (``w:updateFields`` in schema order)."""
    flag = element("w:updateFields", {"w:val": "true"})
    later = next((child for child in settings if etree.QName(child).localname in _AFTER_UPDATE_FIELDS), None)
    if later is not None:
        later.addprevious(flag)
    else:
        settings.append(flag)


# --- section, defaults, properties --------------------------------------------------------


def set_line_numbering(sect_pr: Any) -> None:
    """Number lines in the margin, restarting on each page (``w:lnNumType`` after ``w:pgMar``)."""
    numbering = element("w:lnNumType", {"w:countBy": "1", "w:restart": "newPage", "w:distance": "283"})
    sect_pr.find(qn("w:pgMar")).addnext(numbering)


def set_document_language(styles_element: Any, language: str, right_to_left: bool) -> None:
    """Set the language (and, for right-to-left languages, the direction) of the document defaults."""
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = SubElement(rpr, qn("w:lang"))
    lang.set(qn("w:val"), language)
    if not right_to_left:
        return
    lang.set(qn("w:bidi"), language)
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        fonts.attrib.pop(qn("w:cstheme"), None)
        fonts.set(qn("w:cs"), "Times New Roman")
    lang.addprevious(element("w:rtl"))
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    ppr.insert(0, element("w:bidi"))


def custom_properties_xml(properties: list[tuple[str, str]]) -> bytes:
    """Return ``docProps/custom.xml`` holding ``properties`` as text values."""
    ns = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
    vt = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
    root = etree.Element(f"{{{ns}}}Properties", nsmap={None: ns, "vt": vt})
    for pid, (name, value) in enumerate(properties, start=2):
        prop = etree.SubElement(root, f"{{{ns}}}property", fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}", pid=str(pid), name=name)
        etree.SubElement(prop, f"{{{vt}}}lpwstr").text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def pinned_moment(day: dt.date) -> dt.datetime:
    """Return midnight UTC of ``day``: the one timestamp a document built for that date carries."""
    return dt.datetime.combine(day, dt.time(0, 0), tzinfo=dt.timezone.utc)
