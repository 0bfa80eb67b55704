"""Word-native features in the XML: fields, bookmarks, TOC, footnotes, furniture, comments, properties, RTL."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from modellaw.build import build_document
from modellaw.ir import Ref
from modellaw.walk import iter_inlines
from modellaw.writers.docx import write_docx
from tests.conftest import edit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {name: z.read(name) for name in z.namelist()}


def fields(root: etree._Element) -> list[tuple[str, str]]:
    """Return (instruction, cached result) of every complex field, in document order."""
    out, instruction, result, state = [], "", "", None
    for el in root.iter(f"{W}fldChar", f"{W}instrText", f"{W}t"):
        if el.tag == f"{W}fldChar":
            kind = el.get(f"{W}fldCharType")
            if kind == "begin":
                instruction, result, state = "", "", "instr"
            elif kind == "separate":
                state = "result"
            elif kind == "end" and state:
                out.append((instruction.strip(), result))
                state = None
        elif el.tag == f"{W}instrText" and state == "instr":
            instruction += el.text or ""
        elif el.tag == f"{W}t" and state == "result":
            result += el.text or ""
    return out


@pytest.fixture(scope="module")
def default_build():
    result = build_document(None)
    data = write_docx(result.document)
    return result.document, parts(data), data


def test_article_numbers_are_seq_fields_caching_the_computed_number(default_build):
    document, files, _ = default_build
    root = etree.fromstring(files["word/document.xml"])
    seq = [r for i, r in fields(root) if i.startswith("SEQ Article")]
    assert seq == [str(a.number) for a in document.articles()]
    chapters = [r for i, r in fields(root) if i.startswith("SEQ Chapter")]
    assert chapters == [d.label.split()[-1] for d in document.divisions]


def test_references_are_ref_fields_to_bookmarked_numbers_caching_the_label(default_build):
    document, files, _ = default_build
    root = etree.fromstring(files["word/document.xml"])
    refs = [r for a in document.articles() for r in iter_inlines(a) if isinstance(r, Ref) and r.number_span]
    cached = [(i, r) for i, r in fields(root) if i.startswith("REF ")]
    assert len(cached) == len(refs) > 20
    for (instruction, result), ref in zip(cached, refs, strict=True):
        start, end = ref.number_span
        assert instruction == f"REF _Ref_{ref.article_eid} \\h" and result == ref.label[start:end]
    bookmarks = {b.get(f"{W}name") for b in root.iter(f"{W}bookmarkStart")}
    assert {f"_Ref_{r.article_eid}" for r in refs} <= bookmarks


def test_table_of_contents_field_has_an_entry_per_heading(default_build):
    document, files, _ = default_build
    root = etree.fromstring(files["word/document.xml"])
    toc = [r for i, r in fields(root) if i.startswith("TOC")]
    assert len(toc) == 1
    assert toc[0].startswith("Chapter I. General provisions") and "Article 52." in toc[0]
    assert toc[0].count("Article ") == len(document.articles())


def test_footnotes_part_holds_the_sources_of_each_article(default_build):
    document, files, _ = default_build
    notes = etree.fromstring(files["word/footnotes.xml"])
    texts = ["".join(t.text or "" for t in n.iter(f"{W}t")) for n in notes.iter(f"{W}footnote") if n.get(f"{W}type") is None]
    with_sources = [a for a in document.articles() if a.sources]
    assert len(texts) == len(with_sources)
    assert all(t.strip().startswith("Sources:") for t in texts)
    assert "(pinpoint unverified)" in "".join(texts)
    refs = etree.fromstring(files["word/document.xml"]).findall(f".//{W}footnoteReference")
    assert len(refs) == len(texts)
    assert b"footnotePr" in files["word/settings.xml"]


def test_header_and_page_x_of_y_footer(default_build):
    _, files, _ = default_build
    footer = next(v for k, v in files.items() if k.startswith("word/footer"))
    assert [i for i, _ in fields(etree.fromstring(footer))] == ["PAGE", "NUMPAGES"]
    header = next(v for k, v in files.items() if k.startswith("word/header"))
    assert "version 0.1".encode() in header


def test_provenance_in_core_and_custom_properties(default_build):
    document, files, _ = default_build
    custom = files["docProps/custom.xml"].decode()
    assert "modellaw.config_sha256" in custom and document.meta.config_hash in custom
    for article in document.articles():
        if article.version:
            assert f'name="modellaw.clause.{article.clause_id}"' in custom
    assert document.meta.config_hash.encode() in files["docProps/core.xml"]


def test_document_language_is_set_on_the_styles(default_build):
    _, files, _ = default_build
    assert b'w:lang w:val="en"' in files["word/styles.xml"]


def test_line_numbers_and_review_comments_on_demand(mini: Path):
    edit(mini / "config.yaml", "structure:", "line_numbers: true\nreview_comments: true\nstructure:")
    document = build_document(mini / "config.yaml").document
    files = parts(write_docx(document))
    numbering = etree.fromstring(files["word/document.xml"]).find(f".//{W}sectPr/{W}lnNumType")
    assert numbering is not None and numbering.get(f"{W}restart") == "newPage"
    comments = files["word/comments.xml"].decode()
    assert comments.count("<w:comment ") == len(document.articles())
    assert "offences.ai-tools v1.2.0 [recommended]" in comments and "Open question: Should possession be covered?" in comments
    assert set(re.findall(r'w:date="([^"]+)"', comments)) == {"2026-11-21T00:00:00Z"}


def test_every_feature_on_is_still_byte_identical(mini: Path):
    edit(mini / "config.yaml", "structure:", "line_numbers: true\nreview_comments: true\nsources: both\ntoc: true\nstructure:")
    assert write_docx(build_document(mini / "config.yaml").document) == write_docx(build_document(mini / "config.yaml").document)


def test_enactment_mode_has_no_footnotes_toc_or_status(mini: Path):
    files = parts(write_docx(build_document(mini / "config.yaml", mode="enactment").document))
    assert "word/footnotes.xml" not in files
    assert not [i for i, _ in fields(etree.fromstring(files["word/document.xml"])) if i.startswith("TOC")]


def test_arabic_sample_is_right_to_left():
    document = build_document(EXAMPLES / "arabic" / "config.yaml").document
    files = parts(write_docx(document))
    defaults = etree.fromstring(files["word/styles.xml"]).find(f"{W}docDefaults")
    assert defaults.find(f"{W}pPrDefault/{W}pPr/{W}bidi") is not None
    assert defaults.find(f"{W}rPrDefault/{W}rPr/{W}rtl") is not None
    assert defaults.find(f"{W}rPrDefault/{W}rPr/{W}lang").get(f"{W}bidi") == "ar"
    assert [a.label for a in document.articles()] == ["المادة 1", "المادة 2"]
