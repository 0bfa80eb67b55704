"""The raw OOXML pieces python-docx lacks: fields, bookmarks, internal links, footnotes,
line numbering, default language and direction, custom properties.

Built with python-docx's own parser and ``qn`` names, so every element gets python-docx's
element class; the writer composes these pieces and never writes XML text itself.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from docx.oxml.ns import nsmap as nsdecls_map
from docx.oxml.ns import qn
from docx.oxml.parser import oxml_parser
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from lxml import etree
from lxml.etree import SubElement

_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _TAB, _VAL = (
    qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:rPr"), qn("w:rStyle"), qn("w:t"), qn("w:tab"), qn("w:val")
)
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_W_NSMAP = {"w": nsdecls_map["w"]}


def element(tag: str, attributes: dict[str, str] | None = None) -> Any:
    """Return a detached element ``tag`` (prefixed, e.g. ``w:fldSimple``) of python-docx's class."""
    made = oxml_parser.makeelement(qn(tag) if ":" in tag else tag, nsmap=_W_NSMAP)
    for name, value in (attributes or {}).items():
        made.set(qn(name), value)
    return made


def new_paragraph(style_id: str) -> CT_P:
    """Return a detached ``w:p`` whose only property is the paragraph style ``style_id``."""
    paragraph: CT_P = oxml_parser.makeelement(_P, nsmap=_W_NSMAP)
    ppr = SubElement(paragraph, _PPR)
    SubElement(ppr, _PSTYLE, {_VAL: style_id})
    return paragraph


def new_run(text: str, style_id: str | None = None) -> CT_R:
    """Return a ``w:r`` holding ``text`` (tabs become ``w:tab``), with an optional character style."""
    run: CT_R = oxml_parser.makeelement(_R, nsmap=_W_NSMAP)
    if style_id:
        SubElement(SubElement(run, _RPR), _RSTYLE, {_VAL: style_id})
    for index, piece in enumerate(text.split("\t")):
        if index:
            SubElement(run, _TAB)
        if piece:
            t = SubElement(run, _T)
            t.text = piece
            if piece[0] == " " or piece[-1] == " ":
                t.set(_SPACE, "preserve")
    return run


# --- bookmarks, links, fields -------------------------------------------------------------


def bookmark_around(first: Any, last: Any, bookmark_id: int, name: str) -> None:
    """Put bookmark ``name`` around the siblings ``first`` .. ``last`` (already in a paragraph)."""
    first.addprevious(element("w:bookmarkStart", {"w:id": str(bookmark_id), "w:name": name}))
    last.addnext(element("w:bookmarkEnd", {"w:id": str(bookmark_id)}))


def internal_link(anchor: str, children: Iterable[Any]) -> Any:
    """Return a ``w:hyperlink`` to bookmark ``anchor`` holding ``children`` (runs or fields)."""
    link = element("w:hyperlink", {"w:anchor": anchor, "w:history": "1"})
    link.extend(children)
    return link


def field(instruction: str, cached: str, style_id: str | None = None) -> list[CT_R]:
    """Return the runs of a complex field (e.g. ``SEQ Article``, ``REF _Ref_art_7 \\h``) showing ``cached``.

    Complex fields (``w:fldChar``) rather than ``w:fldSimple``: Word writes them, and readers
    that do not evaluate fields (pandoc) still print the cached result.
    """
    return [*field_begin(instruction), new_run(cached, style_id), field_end()]


def field_begin(instruction: str) -> list[CT_R]:
    """Return the runs that open a complex field and separate its instruction from its result."""
    begin = oxml_parser.makeelement(_R, nsmap=_W_NSMAP)
    SubElement(begin, qn("w:fldChar"), {qn("w:fldCharType"): "begin"})
    instr = oxml_parser.makeelement(_R, nsmap=_W_NSMAP)
    text = SubElement(instr, qn("w:instrText"), {_SPACE: "preserve"})
    text.text = f" {instruction} "
    separate = oxml_parser.makeelement(_R, nsmap=_W_NSMAP)
    SubElement(separate, qn("w:fldChar"), {qn("w:fldCharType"): "separate"})
    return [begin, instr, separate]


def field_end() -> CT_R:
    """Return the run that closes a complex field."""
    end = oxml_parser.makeelement(_R, nsmap=_W_NSMAP)
    SubElement(end, qn("w:fldChar"), {qn("w:fldCharType"): "end"})
    return end


# --- footnotes ------------------------------------------------------------------------------


def footnote_reference(footnote_id: int, style_id: str) -> CT_R:
    """Return the run that marks footnote ``footnote_id`` in the text."""
    run = new_run("", style_id)
    SubElement(run, qn("w:footnoteReference"), {qn("w:id"): str(footnote_id)})
    return run


def footnotes_part_element() -> Any:
    """Return a ``w:footnotes`` root holding the separator (id 0) and continuation separator (id 1)."""
    root = oxml_parser.makeelement(qn("w:footnotes"), nsmap=_W_NSMAP)
    for footnote_id, kind, mark in ((0, "separator", "w:separator"), (1, "continuationSeparator", "w:continuationSeparator")):
        note = SubElement(root, qn("w:footnote"), {qn("w:type"): kind, qn("w:id"): str(footnote_id)})
        run = SubElement(SubElement(note, _P), _R)
        SubElement(run, qn(mark))
    return root


def footnote(footnote_id: int, lines: list[str], text_style: str, mark_style: str) -> Any:
    """Return a ``w:footnote``: the mark and the first line, then one paragraph per further line."""
    note = element("w:footnote", {"w:id": str(footnote_id)})
    for index, line in enumerate(lines):
        paragraph = new_paragraph(text_style)
        if index == 0:
            mark = new_run("", mark_style)
            SubElement(mark, qn("w:footnoteRef"))
            paragraph.append(mark)
            line = f" {line}"
        paragraph.append(new_run(line))
        note.append(paragraph)
    return note


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
