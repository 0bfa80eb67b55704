"""Real readers: LibreOffice converts the draft to PDF, pdftotext and pandoc read the text back."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from modellaw.build import build_document
from modellaw.ir import DefinedTerm, Paragraph, Point, plain_text
from tests.conftest import FIXTURES, require_tool

pytestmark = pytest.mark.client


@pytest.fixture(scope="module")
def default_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("default") / "model-law.docx"
    subprocess.run([sys.executable, "-m", "modellaw", "build", "-o", str(out)], check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def default_pdf(default_docx: Path) -> Path:
    soffice = require_tool("soffice")
    env = {**os.environ, "HOME": str(default_docx.parent)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(default_docx.parent), str(default_docx)],
                   check=True, capture_output=True, timeout=300, env=env)
    pdf = default_docx.with_suffix(".pdf")
    assert pdf.exists() and pdf.stat().st_size > 10_000
    return pdf


def _expected_lines(path: Path | None) -> tuple[list[str], list[str]]:
    """Return (headings, paragraph and point texts) of a build, as the writers print them."""
    document = build_document(path).document
    headings, texts = [], []
    for article in document.articles():
        headings.append(f"{article.label}. {article.title}")
        for block in article.body:
            paragraphs = [p for v in block.variants for p in v.paragraphs] if hasattr(block, "variants") else [block]
            for paragraph in paragraphs:
                assert isinstance(paragraph, Paragraph)
                texts.append(plain_text(paragraph.inlines))
                texts.extend(_point_texts(paragraph.points))
    return headings, texts


def _point_texts(points: tuple[Point, ...]) -> list[str]:
    out = []
    for point in points:
        inlines = tuple(n for n in point.inlines if not isinstance(n, DefinedTerm))
        out.append(plain_text(inlines))
        out.extend(_point_texts(point.children))
    return out


def _squash(text: str) -> str:
    return " ".join(text.replace("\u00ad", "").split())


def test_libreoffice_renders_every_article_heading(default_pdf: Path) -> None:
    pdftotext = require_tool("pdftotext")
    text = subprocess.run([pdftotext, "-layout", str(default_pdf), "-"], check=True, capture_output=True, text=True).stdout
    flat = _squash(text)
    headings, _ = _expected_lines(None)
    missing = [h for h in headings if _squash(h) not in flat]
    assert not missing, missing[:5]
    assert "Commentary" in flat and "Sources." in flat


def test_pandoc_reads_back_every_heading_and_paragraph(default_docx: Path) -> None:
    pandoc = require_tool("pandoc")
    text = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(default_docx)], check=True, capture_output=True, text=True).stdout
    flat = _squash(text)
    headings, texts = _expected_lines(None)
    missing = [t for t in headings + texts if _squash(t) not in flat]
    assert not missing, missing[:5]


def test_rebuild_is_byte_identical_across_processes_and_hash_seeds(tmp_path: Path) -> None:
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"law-{seed}.docx"
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-m", "modellaw", "build", str(FIXTURES / "mini" / "config.yaml"), "-o", str(out)],
                       check=True, capture_output=True, env=env)
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1]
