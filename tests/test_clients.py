"""Real readers: LibreOffice converts the draft to PDF, pdftotext and pandoc read the text back."""

from __future__ import annotations

import os
import re
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
    assert "Commentary" in flat and "Sources:" in flat


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


@pytest.fixture(scope="module")
def default_pdf_text(default_pdf: Path) -> str:
    pdftotext = require_tool("pdftotext")
    return subprocess.run([pdftotext, "-layout", str(default_pdf), "-"], check=True, capture_output=True, text=True).stdout


def test_pdf_shows_footnotes_toc_references_and_page_footers(default_pdf_text: str) -> None:
    text = default_pdf_text
    pages = text.split("\f")
    assert "Contents" in pages[1] and "Chapter I. General provisions" in pages[1] and "Article 4. General principles" in pages[1]
    assert text.count("Sources:") == len([a for a in build_document(None).document.articles() if a.sources])
    assert f"This article is subject to article {_exemption_number()}." in _squash(text)
    assert re.search(r"Page 2 of \d+", pages[1]) and re.search(rf"Page {len(pages) - 1} of {len(pages) - 1}", pages[-2])


def _exemption_number() -> int:
    """Return the number of the humanitarian exemption article in the default law."""
    return next(a.number for a in build_document(None).document.articles() if a.clause_id == "humanitarian.exemption")


def test_pandoc_reads_the_footnotes(default_docx: Path) -> None:
    pandoc = require_tool("pandoc")
    markdown = subprocess.run([pandoc, "-f", "docx", "-t", "markdown", str(default_docx)], check=True, capture_output=True, text=True).stdout
    notes = re.findall(r"^\[\^\d+\]:", markdown, re.M)
    assert len(notes) == len([a for a in build_document(None).document.articles() if a.sources])
    assert "Sources:" in markdown and "pinpoint unverified" in markdown


def test_arabic_sample_renders(tmp_path: Path) -> None:
    soffice, pdftotext = require_tool("soffice"), require_tool("pdftotext")
    out = tmp_path / "arabic.docx"
    example = Path(__file__).resolve().parents[1] / "examples" / "arabic" / "config.yaml"
    subprocess.run([sys.executable, "-m", "modellaw", "build", str(example), "-o", str(out)], check=True, capture_output=True)
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)], check=True, capture_output=True, timeout=300, env=env)
    text = subprocess.run([pdftotext, str(tmp_path / "arabic.pdf"), "-"], check=True, capture_output=True, text=True).stdout
    assert "المادة" in text and "التعليق" in text


def _uno_python() -> str:
    python = "/usr/bin/python3"
    if Path(python).exists() and subprocess.run([python, "-c", "import uno"], capture_output=True).returncode == 0:
        return python
    if os.environ.get("MODELLAW_REQUIRE_CLIENTS") == "1":
        pytest.fail("python3-uno is required (MODELLAW_REQUIRE_CLIENTS=1)")
    pytest.skip("LibreOffice's Python bridge (python3-uno) not installed")


def test_inserting_an_article_in_libreoffice_renumbers_references_and_toc(default_docx: Path, tmp_path: Path) -> None:
    require_tool("soffice")
    python = _uno_python()
    script = Path(__file__).resolve().parents[1] / "scripts" / "lo_insert_article.py"
    out = tmp_path / "after.txt"
    subprocess.run([python, str(script), str(default_docx), "Article 6.", str(out)], check=True, capture_output=True, timeout=600)
    text = out.read_text(encoding="utf-8")
    headings = re.findall(r"^Article (\d+)\. ([^\t\n]+)$", text, re.M)
    numbers = [int(n) for n, _ in headings]
    articles = len(build_document(None).document.articles()) + 1
    assert numbers == list(range(1, len(numbers) + 1)) and len(numbers) == articles
    exemption = _exemption_number()
    assert f"This article is subject to article {exemption + 1 if exemption >= 6 else exemption}." in text
    toc = re.findall(r"^Article (\d+)\. [^\t\n]+\t\d+$", text, re.M)
    assert len(toc) == articles  # the table of contents was regenerated, with page numbers


@pytest.fixture(scope="module")
def parallel_docx(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the Russian mini law side by side with English (footnotes and contents on) and return the .docx."""
    import shutil

    folder = tmp_path_factory.mktemp("parallel") / "mini"
    shutil.copytree(FIXTURES / "mini", folder)
    shutil.copytree(FIXTURES / "mini-ru", folder, dirs_exist_ok=True)
    config = folder / "parallel.yaml"
    config.write_text((folder / "config-ru.yaml").read_text(encoding="utf-8") + "sources: both\ntoc: true\n", encoding="utf-8")
    out = folder / "ru-en.docx"
    subprocess.run([sys.executable, "-m", "modellaw", "build", str(config), "--parallel", "en", "-o", str(out)], check=True, capture_output=True)
    return out


def test_the_parallel_text_converts_to_pdf_with_both_languages_headings(parallel_docx: Path) -> None:
    soffice, pdftotext = require_tool("soffice"), require_tool("pdftotext")
    env = {**os.environ, "HOME": str(parallel_docx.parent)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(parallel_docx.parent), str(parallel_docx)],
                   check=True, capture_output=True, timeout=300, env=env)
    text = subprocess.run([pdftotext, "-layout", str(parallel_docx.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True).stdout
    for heading in ("Глава 1. Общие положения", "Chapter I. General provisions", "Глава 2. Преступления", "Chapter II. Offences",
                    "Статья 3. Предоставление систем", "Article 3. Providing AI systems", "Статья 4. Гуманитарная деятельность",
                    "Article 4. Humanitarian activities"):
        assert heading in text, heading
    assert "Страница 3 из" in text and "Page 3 of" in text  # both footers, live PAGE and NUMPAGES fields
    flowing = " ".join(subprocess.run([pdftotext, str(parallel_docx.with_suffix(".pdf")), "-"], check=True, capture_output=True, text=True).stdout.split())
    assert "с учетом статьи 4" in flowing and "subject to article 4" in flowing  # REF fields in each column


def test_pandoc_reads_back_every_article_of_the_parallel_text(parallel_docx: Path) -> None:
    pandoc = require_tool("pandoc")
    text = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(parallel_docx)], check=True, capture_output=True, text=True).stdout
    config = parallel_docx.parent / "parallel.yaml"
    for language in ("ru", "en"):
        document = build_document(config, language=language).document
        for article in document.articles():
            assert f"{article.label}. {article.title}" in text, (language, article.label)
        for paragraph in (b for a in document.articles() for b in a.body if isinstance(b, Paragraph)):
            assert plain_text(paragraph.inlines)[:40] in text
