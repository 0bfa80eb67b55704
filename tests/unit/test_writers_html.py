"""The HTML writer: valid HTML5 (html5lib, strict), anchors equal to the AKN eIds, every internal link resolving."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from lxml import etree

from modellaw.annex import comparison, concordance
from modellaw.build import build_document
from modellaw.catalogue import load_catalogue
from modellaw.ir import Document
from modellaw.writers.akn import AKN_NS, write_akn
from modellaw.writers.html import write_annex_html, write_html
from tests.conftest import edit
from tests.unit.test_writers_akn import CONFIGS, documents

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def parse_strict(data: bytes) -> None:
    """Parse ``data`` with html5lib in strict mode: any parse error raises."""
    html5lib = pytest.importorskip("html5lib")
    html5lib.HTMLParser(strict=True).parse(data)


def ids_and_links(page: str) -> tuple[list[str], set[str]]:
    """Return every id on the page and every in-page link target."""
    return re.findall(r'\sid="([^"]+)"', page), set(re.findall(r'href="#([^"]+)"', page))


def assert_page_ok(data: bytes) -> str:
    """Check validity, unique ids, resolving links and no network assets; return the page text."""
    parse_strict(data)
    page = data.decode("utf-8")
    ids, links = ids_and_links(page)
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})
    assert links <= set(ids), sorted(links - set(ids))
    assert not re.search(r'(src|href)="(https?:)?//', page), "the page must not load anything from the network"
    return page


@pytest.mark.parametrize("name", sorted(CONFIGS))
def test_every_example_is_a_valid_page_with_akn_anchors(name: str):
    config, mode = CONFIGS[name]
    document = build_document(config, mode=mode).document
    page = assert_page_ok(write_html(document))
    root = etree.fromstring(write_akn(document))
    body_eids = set(root.xpath("//a:body//@eId[not(contains(., '__term_'))]", namespaces={"a": AKN_NS}))
    ids, _ = ids_and_links(page)
    assert body_eids <= set(ids), sorted(body_eids - set(ids))[:5]
    for article in document.articles():
        assert article.title in page
    direction = "rtl" if document.meta.language == "ar" else "ltr"
    assert f'<html lang="{document.meta.language}" dir="{direction}">' in page


def test_model_page_links_terms_and_references_and_collapses_commentary():
    document = build_document(None).document
    page = assert_page_ok(write_html(document))
    assert page.count('class="term"') > 50 and page.count('class="ref"') > 10
    assert '<details class="commentary" open>' in page and 'details class="option chosen"' in page
    assert page.count('<sup class="fnref">') == sum(bool(a.sources) for a in document.articles())
    assert "@media print" in page and "<nav class=\"toc\"" in page


def test_text_is_escaped(mini: Path):
    edit(mini / "config.yaml", "title: Mini Law on Artificial Intelligence", "title: Mini Law <script>alert(1)</script> & more")
    page = assert_page_ok(write_html(build_document(mini / "config.yaml").document))
    assert "<script>" not in page and "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in page


def test_annexes_as_pages():
    document = build_document(None).document
    page = assert_page_ok(write_annex_html(concordance(document, load_catalogue()), document))
    assert "<table>" in page and "<h2 id=\"annex_1-h\">Annex — " in page
    old = build_document(EXAMPLES / "model-law-v0.2.yaml").document
    page = assert_page_ok(write_annex_html(comparison(old, document), document))
    assert "<ins>" in page and "<del>" in page


@given(documents())
@settings(max_examples=40, deadline=None)
def test_any_structure_gives_a_valid_page_with_resolving_links(document: Document):
    assert_page_ok(write_html(document))
