"""Golden files: the numbered IR and the canonical document.xml of the mini law and the default law."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from modellaw.build import build_document
from modellaw.ir import to_json
from modellaw.writers.docx import write_docx
from modellaw.writers.markdown import write_markdown
from tests.conftest import FIXTURES, assert_golden


def canonical_document_xml(data: bytes) -> str:
    """Return word/document.xml canonicalised (C14N) and pretty-printed, one element per line."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    canonical = etree.tostring(root, method="c14n")
    parser = etree.XMLParser(remove_blank_text=True)
    return etree.tostring(etree.fromstring(canonical, parser), pretty_print=True, encoding="unicode")


CASES = {
    "mini-model": (FIXTURES / "mini" / "config.yaml", "model"),
    "mini-enactment": (FIXTURES / "mini" / "config.yaml", "enactment"),
    "default-model": (None, "model"),
}


@pytest.fixture(scope="module")
def built() -> dict:
    return {name: build_document(path, mode=mode).document for name, (path, mode) in CASES.items()}


@pytest.mark.parametrize("name", sorted(CASES))
def test_ir_json(name: str, built: dict) -> None:
    assert_golden(f"{name}.ir.json", to_json(built[name]))


@pytest.mark.parametrize("name", sorted(CASES))
def test_document_xml(name: str, built: dict) -> None:
    assert_golden(f"{name}.document.xml", canonical_document_xml(write_docx(built[name])))


@pytest.mark.parametrize("name", ["mini-model", "mini-enactment"])
def test_markdown(name: str, built: dict) -> None:
    assert_golden(f"{name}.md", write_markdown(built[name]))


CIS_EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ipa-cis.yaml"
"""The CIS model-law form in English (enactment mode, with its explanatory note)."""


@pytest.fixture(scope="module")
def cis() -> object:
    return build_document(CIS_EXAMPLE, strict=True).document


def test_cis_ir_json(cis) -> None:
    assert_golden("ipa-cis.ir.json", to_json(cis))


def test_cis_markdown(cis) -> None:
    assert_golden("ipa-cis.md", write_markdown(cis))


def test_goldens_do_not_embed_machine_paths() -> None:
    for path in Path(__file__).parent.joinpath("golden").glob("*"):
        assert "/tmp/" not in path.read_text(encoding="utf-8") and "/work/" not in path.read_text(encoding="utf-8"), path
