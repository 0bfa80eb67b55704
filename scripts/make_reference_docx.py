"""Generate templates/docx/reference.docx: every style the docx writer uses, and nothing else.

Formatting lives here, once, as style definitions; the writer only names styles. Run again after
changing a style: ``python scripts/make_reference_docx.py``. The output is committed.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT, WD_TAB_LEADER
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

OUT = Path(__file__).resolve().parent.parent / "templates" / "docx" / "reference.docx"
SERIF = "Times New Roman"
GREY = RGBColor(0x40, 0x40, 0x40)

# name: (base, size pt, bold, italic, align, left cm, first-line cm, space before, space after, keep with next)
PARAGRAPH_STYLES = {
    "ML Draft Marking": ("Normal", 14, True, False, "center", 0, 0, 120, 36, False),
    "ML Title Info": ("Normal", 12, False, False, "center", 0, 0, 6, 6, False),
    "ML Note": ("Normal", 10, False, True, "justify", 0, 0, 6, 6, False),
    "ML Status": ("Normal", 10, False, True, "left", 0, 0, 0, 6, True),
    "ML Body": ("Normal", 12, False, False, "justify", 0, 0, 0, 6, False),
    "ML Paragraph": ("Normal", 12, False, False, "justify", 1.0, -1.0, 0, 6, False),
    "ML Paragraph Continued": ("Normal", 12, False, False, "justify", 1.0, 0, 0, 6, False),
    "ML Point": ("Normal", 12, False, False, "justify", 2.0, -1.0, 0, 4, False),
    "ML Subpoint": ("Normal", 12, False, False, "justify", 3.0, -1.0, 0, 4, False),
    "ML Option Heading": ("Normal", 11, True, False, "left", 0, 0, 6, 4, True),
    "ML Commentary Heading": ("Normal", 10, True, False, "left", 0.5, 0, 8, 2, True),
    "ML Commentary": ("Normal", 10, False, False, "justify", 0.5, 0, 0, 3, False),
    "ML Commentary List": ("Normal", 10, False, False, "left", 1.0, -0.5, 0, 2, False),
    "ML Source": ("Normal", 10, False, False, "left", 1.0, -0.5, 0, 2, False),
    "ML Contents Heading": ("Normal", 14, True, False, "center", 0, 0, 0, 12, True),
    "toc 1": ("Normal", 11, True, False, "left", 0, 0, 6, 2, False),
    "toc 2": ("Normal", 11, False, False, "left", 0.5, 0, 0, 1, False),
    "footnote text": ("Normal", 9, False, False, "left", 0, 0, 0, 2, False),
    "annotation text": ("Normal", 10, False, False, "left", 0, 0, 0, 0, False),
    "ML Table Header": ("Normal", 9, True, False, "left", 0, 0, 0, 0, False),
    "ML Table Text": ("Normal", 9, False, False, "left", 0, 0, 0, 0, False),
    "ML Annex Note": ("Normal", 10, False, True, "justify", 0, 0, 0, 6, False),
    "ML Annex Item": ("Normal", 10, False, False, "left", 0.5, -0.5, 0, 2, False),
}
CHARACTER_STYLES = {
    "ML Defined Term": (True, False),
    "ML Commentary Label": (True, False),
    "ML Status Marker": (False, True),
    "ML Term Use": (False, False),
    "ML Cross Reference": (False, False),
    "footnote reference": (False, False),
    "annotation reference": (False, False),
    "ML Strong": (True, False),
    "ML Inserted": (False, False),
    "ML Deleted": (False, False),
}
STYLE_IDS = {"annotation text": "CommentText", "annotation reference": "CommentReference"}
"""Style ids python-docx's comments part refers to."""
ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


def main() -> None:
    """Write the reference document."""
    doc = Document()
    section = doc.sections[0]
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    section.left_margin = section.right_margin = Cm(2.5)
    section.top_margin = section.bottom_margin = Cm(2.5)
    styles = doc.styles
    normal = styles["Normal"]
    _plain_fonts(normal)
    normal.font.name, normal.font.size = SERIF, Pt(12)
    _heading(styles["Title"], 20, "center", 12, 12)
    _heading(styles["Heading 1"], 14, "center", 24, 12)
    _heading(styles["Heading 2"], 12, "left", 12, 6)
    for name, spec in PARAGRAPH_STYLES.items():
        _paragraph_style(styles, name, *spec)
    for name, (bold, italic) in CHARACTER_STYLES.items():
        style = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.font.bold, style.font.italic = bold or None, italic or None
    styles["footnote reference"].font.superscript = True
    for name, style_id in STYLE_IDS.items():
        styles[name].style_id = style_id
    styles["ML Inserted"].font.underline = True
    styles["ML Inserted"].font.color.rgb = RGBColor(0x00, 0x4C, 0x99)
    styles["ML Deleted"].font.strike = True
    styles["ML Deleted"].font.color.rgb = RGBColor(0x99, 0x00, 0x00)
    table = styles.add_style("ML Table", WD_STYLE_TYPE.TABLE)
    table.base_style = styles["Table Grid"]
    for name in ("toc 1", "toc 2"):
        styles[name].paragraph_format.tab_stops.add_tab_stop(Cm(16), WD_TAB_ALIGNMENT.RIGHT, WD_TAB_LEADER.DOTS)
    footer = styles["Footer"]
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
    footer.font.size = Pt(9)
    header = styles["Header"]
    header.font.size, header.font.color.rgb = Pt(9), GREY
    _word_2010_parts_removed(doc)
    buffer = io.BytesIO()
    doc.save(buffer)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(_pinned(buffer.getvalue()))
    print(f"wrote {OUT}")


def _word_2010_parts_removed(doc) -> None:
    """Drop python-docx's stale ``stylesWithEffects.xml`` (a Word 2010 copy of the styles that
    would not match ours) and give ``w:zoom`` the ``w:percent`` the Transitional schema requires."""
    part = doc.part
    for rel_id, rel in list(part.rels.items()):
        if rel.reltype.endswith("/stylesWithEffects"):
            part.drop_rel(rel_id)
    zoom = doc.settings.element.find(qn("w:zoom"))
    if zoom is not None:
        zoom.set(qn("w:percent"), "100")


def _heading(style, size: int, align: str, before: int, after: int) -> None:
    _plain_fonts(style)
    style.font.name, style.font.size, style.font.bold = SERIF, Pt(size), True
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    fmt = style.paragraph_format
    fmt.alignment, fmt.space_before, fmt.space_after = ALIGN[align], Pt(before), Pt(after)
    fmt.keep_with_next = True


def _plain_fonts(style) -> None:
    """Drop theme fonts and borders the default template gives a style, so SERIF applies."""
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is not None:
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
    ppr = style.element.get_or_add_pPr()
    border = ppr.find(qn("w:pBdr"))
    if border is not None:
        ppr.remove(border)
    spacing = rpr.find(qn("w:spacing"))
    if spacing is not None:
        rpr.remove(spacing)


def _paragraph_style(styles, name, base, size, bold, italic, align, left, first, before, after, keep) -> None:
    style = styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    style.base_style = styles[base]
    style.font.size, style.font.bold, style.font.italic = Pt(size), bold or None, italic or None
    fmt = style.paragraph_format
    fmt.alignment = ALIGN[align]
    fmt.left_indent, fmt.first_line_indent = Cm(left), Cm(first)
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.keep_with_next = keep or None
    if first < 0:
        fmt.tab_stops.add_tab_stop(Cm(left))


def _pinned(data: bytes) -> bytes:
    """Return the zip with fixed member timestamps, so the file is byte-identical on every run."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            dst.writestr(zipfile.ZipInfo(info.filename, (1980, 1, 1, 0, 0, 0)), src.read(info.filename), zipfile.ZIP_DEFLATED)
    return out.getvalue()


if __name__ == "__main__":
    main()
