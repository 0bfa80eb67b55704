"""The few raw OOXML pieces python-docx lacks: bookmarks, internal hyperlinks, simple fields, language.

Built with python-docx's own ``OxmlElement`` and ``qn`` so every element is namespaced as
python-docx expects; domain code never writes XML strings.
"""

from __future__ import annotations

from typing import Any

from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap as nsdecls_map
from docx.oxml.parser import oxml_parser
from lxml.etree import SubElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R


_P, _PPR, _PSTYLE, _R, _RPR, _RSTYLE, _T, _TAB, _VAL = (
    qn("w:p"), qn("w:pPr"), qn("w:pStyle"), qn("w:r"), qn("w:rPr"), qn("w:rStyle"), qn("w:t"), qn("w:tab"), qn("w:val")
)
_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


_W_NSMAP = {"w": nsdecls_map["w"]}


def _element(tag: str) -> Any:
    """Return a detached element of python-docx's element class for ``tag`` (a Clark name)."""
    return oxml_parser.makeelement(tag, nsmap=_W_NSMAP)


def new_paragraph(style_id: str) -> CT_P:
    """Return a detached ``w:p`` whose only property is the paragraph style ``style_id``."""
    paragraph: CT_P = _element(_P)
    ppr = SubElement(paragraph, _PPR)
    SubElement(ppr, _PSTYLE, {_VAL: style_id})
    return paragraph


def new_run(text: str, style_id: str | None = None) -> CT_R:
    """Return a ``w:r`` holding ``text`` (tabs become ``w:tab``), with an optional character style."""
    run: CT_R = _element(_R)
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


def add_bookmark(paragraph: CT_P, bookmark_id: int, name: str, first: int = 0) -> None:
    """Wrap the paragraph's content from child index ``first`` in bookmark ``name``."""
    start = OxmlElement("w:bookmarkStart", {qn("w:id"): str(bookmark_id), qn("w:name"): name})
    end = OxmlElement("w:bookmarkEnd", {qn("w:id"): str(bookmark_id)})
    children = [c for c in paragraph if c.tag != qn("w:pPr")]
    if len(children) > first:
        children[first].addprevious(start)
    else:
        paragraph.append(start)
    paragraph.append(end)


def internal_link(anchor: str, run: CT_R) -> OxmlElement:
    """Return a ``w:hyperlink`` to bookmark ``anchor`` holding ``run``."""
    link = OxmlElement("w:hyperlink", {qn("w:anchor"): anchor, qn("w:history"): "1"})
    link.append(run)
    return link


def simple_field(instruction: str, cached: str) -> OxmlElement:
    """Return a ``w:fldSimple`` field (e.g. ``PAGE``) whose cached result is ``cached``."""
    field = OxmlElement("w:fldSimple", {qn("w:instr"): f" {instruction} "})
    field.append(new_run(cached))
    return field


def set_default_language(styles_element: OxmlElement, language: str) -> None:
    """Set the language of the document defaults (``w:docDefaults``), so spelling checks use it."""
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles_element.insert(0, defaults)
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)
    lang.set(qn("w:bidi"), language)
