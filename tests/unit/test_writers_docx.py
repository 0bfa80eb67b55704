"""WRITE: the Word writer uses named styles only, pins its properties and is deterministic."""

import io
import zipfile
from pathlib import Path

import docx
from lxml import etree

from modellaw.build import build_document
from modellaw.resources import templates_dir
from modellaw.writers.docx import USED_STYLES, write_docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def document_xml(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml"))


def test_reference_document_defines_every_style_the_writer_uses():
    names = {s.name for s in docx.Document(str(templates_dir() / "docx" / "reference.docx")).styles}
    assert USED_STYLES <= names, USED_STYLES - names


def test_no_direct_formatting_in_the_body(mini: Path):
    root = document_xml(write_docx(build_document(mini / "config.yaml").document))
    for ppr in root.iter(f"{W}pPr"):
        assert {c.tag for c in ppr} <= {f"{W}pStyle", f"{W}sectPr"}, etree.tostring(ppr)
    for rpr in root.iter(f"{W}rPr"):
        assert {c.tag for c in rpr} <= {f"{W}rStyle"}, etree.tostring(rpr)


def test_every_style_id_used_exists(mini: Path):
    data = write_docx(build_document(mini / "config.yaml").document)
    defined = {s.style_id for s in docx.Document(io.BytesIO(data)).styles}
    root = document_xml(data)
    used = {e.get(f"{W}val") for e in root.iter(f"{W}pStyle", f"{W}rStyle")}
    assert used <= defined, used - defined


def test_same_input_gives_identical_bytes(mini: Path):
    document = build_document(mini / "config.yaml").document
    assert write_docx(document) == write_docx(document)
    with zipfile.ZipFile(io.BytesIO(write_docx(document))) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_core_properties_come_from_the_config(mini: Path):
    props = docx.Document(io.BytesIO(write_docx(build_document(mini / "config.yaml").document))).core_properties
    assert props.title == "Mini Law on Artificial Intelligence"
    assert props.version == "1.0"
    assert props.created.year == 2026 and props.modified == props.created
    assert props.identifier.startswith("config-sha256:")


def test_references_and_terms_link_to_bookmarks(mini: Path):
    root = document_xml(write_docx(build_document(mini / "config.yaml").document))
    anchors = {h.get(f"{W}anchor") for h in root.iter(f"{W}hyperlink")}
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    assert anchors and anchors <= bookmarks
    assert "ml_art_4" in anchors  # "subject to article 4"


def test_paragraph_labels_and_text_in_order(mini: Path):
    word = docx.Document(io.BytesIO(write_docx(build_document(mini / "config.yaml").document)))
    paragraphs = [p.text for p in word.paragraphs]
    headings = [i for i, p in enumerate(word.paragraphs) if p.style.name == "Heading 2"]
    start = next(i for i in headings if paragraphs[i] == "Article 3. Providing AI systems for a terrorist purpose")
    assert paragraphs[start + 1] == "[Recommended]"
    assert paragraphs[start + 2].startswith("1.\tA person who intentionally provides an AI system")
    assert paragraphs[start + 4] == "(a)\tresearch and authorised security testing;"
