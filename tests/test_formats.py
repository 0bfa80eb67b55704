"""Every output format from the command line: bad input refused, the page in a real browser, the PDF through pdftotext."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from modellaw.build import build_document
from modellaw.formats import FORMATS
from modellaw.ir import Ref
from modellaw.walk import iter_inlines
from tests.conftest import require_tool
from tests.test_review import _chromium
from tests.unit.test_writers_akn import assert_valid_akn

ROOT = Path(__file__).resolve().parents[1]
OOXML_VALIDATOR = Path("/work/shared/ooxml/validate.py")


# --- bad input ------------------------------------------------------------------------------


@pytest.mark.parametrize("command", [("build",), ("annex", "concordance"), ("compare", "OLD", "NEW")])
def test_unknown_format_exits_2_listing_the_formats(command: tuple[str, ...], mini: Path, run_cli):
    args = [mini / "config.yaml" if a in ("OLD", "NEW") else a for a in command]
    result = run_cli(*args, "--format", "odt", "-o", mini / "out.odt")
    assert result.exit_code == 2 and "'docx', 'md', 'html'" in result.output and "'pdf'" in result.output
    assert not (mini / "out.odt").exists()


@pytest.mark.parametrize("fmt, name", [("html", "law.pdf"), ("akn", "law.html"), ("pdf", "law.docx"), ("md", "law.xml")])
def test_output_ending_that_does_not_match_the_format_is_refused(fmt: str, name: str, mini: Path, run_cli):
    result = run_cli("build", mini / "config.yaml", "--format", fmt, "-o", mini / name)
    assert result.exit_code == 1 and "[OUT007]" in result.stderr and f"--format {fmt}" in result.stderr
    assert FORMATS[fmt][0] in result.stderr and not (mini / name).exists()


def test_format_and_destination_problems_are_listed_together(mini: Path, run_cli):
    result = run_cli("build", mini / "config.yaml", "--format", "html", "-o", mini / "missing" / "law.pdf")
    assert result.exit_code == 1 and "[OUT007]" in result.stderr and "[OUT002]" in result.stderr


def test_annex_is_not_written_as_akoma_ntoso(mini: Path, run_cli):
    result = run_cli("annex", "concordance", mini / "config.yaml", "-o", mini / "annex.xml")
    assert result.exit_code == 1 and "[OUT004]" in result.stderr and "Akoma Ntoso" in result.stderr


@pytest.mark.parametrize("command", [("build",), ("annex", "concordance")])
def test_pdf_without_libreoffice_says_how_to_install_it_and_writes_nothing(command, mini: Path, run_cli, monkeypatch, tmp_path: Path):
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))
    result = run_cli(*command, mini / "config.yaml", "-o", mini / "law.pdf")
    assert result.exit_code == 1 and "[OUT008]" in result.stderr
    assert "LibreOffice" in result.stderr and "not installed" in result.stderr and "apt install libreoffice" in result.stderr
    assert not (mini / "law.pdf").exists() and not list(mini.glob(".law.pdf*"))


def test_libreoffice_failing_is_reported_and_nothing_written(mini: Path, run_cli, monkeypatch, tmp_path: Path):
    if subprocess.run(["/usr/bin/python3", "-c", "import uno"], capture_output=True).returncode != 0:
        pytest.skip("no system Python with LibreOffice's uno bridge")
    broken = tmp_path / "bin"
    broken.mkdir()
    (broken / "soffice").write_text("#!/bin/sh\nexit 3\n", encoding="utf-8")
    (broken / "soffice").chmod(0o755)
    monkeypatch.setenv("PATH", str(broken))
    result = run_cli("build", mini / "config.yaml", "-o", mini / "law.pdf")
    assert result.exit_code == 1 and "[OUT009]" in result.stderr and "LibreOffice could not convert" in result.stderr
    assert not (mini / "law.pdf").exists()


def test_html_and_akn_from_the_command_line(mini: Path, run_cli):
    for name in ("law.html", "law.xml"):
        result = run_cli("build", mini / "config.yaml", "-o", mini / name)
        assert result.exit_code == 0, result.output
    assert_valid_akn((mini / "law.xml").read_bytes())
    assert (mini / "law.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    result = run_cli("compare", mini / "config.yaml", mini / "config.yaml", "-o", mini / "cmp.html")
    assert result.exit_code == 0 and "<table>" in (mini / "cmp.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("command", [("build",), ("annex", "concordance"), ("library", "book")])
def test_word_documents_ask_word_to_update_fields_and_stay_valid(command, mini: Path, run_cli):
    args = [*command] if command == ("library", "book") else [*command, mini / "config.yaml"]
    out = mini / "out.docx"
    assert run_cli(*args, "-o", out).exit_code == 0
    with zipfile.ZipFile(out) as package:
        assert '<w:updateFields w:val="true"/>' in package.read("word/settings.xml").decode("utf-8")
    if OOXML_VALIDATOR.is_file():
        checked = subprocess.run([sys.executable, str(OOXML_VALIDATOR), str(out)], capture_output=True, text=True, timeout=300)
        assert checked.returncode == 0 and " 0 error(s)" in checked.stdout, checked.stdout[-2000:]


# --- the web page in a real browser ----------------------------------------------------------


@pytest.fixture(scope="module")
def law_html(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("html") / "law.html"
    done = subprocess.run([sys.executable, "-m", "modellaw", "build", "-o", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return out


@pytest.mark.client
def test_law_page_in_a_real_browser(law_html: Path, tmp_path: Path):
    sync_api = pytest.importorskip("playwright.sync_api") if os.environ.get("MODELLAW_REQUIRE_CLIENTS") != "1" else __import__("playwright.sync_api").sync_api
    document = build_document(None).document
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=_chromium(), args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1100, "height": 900})
        requests: list[str] = []
        page.on("request", lambda request: requests.append(request.url))
        page.goto(law_html.as_uri())
        assert page.locator("main h2").all_inner_texts() == [f"{d.label}. {d.title}" for d in document.divisions]
        assert page.locator("main article > h3").count() == len(document.articles())
        for article, text in zip(document.articles(), page.locator("main article > h3").all_inner_texts(), strict=True):
            assert text.startswith(f"{article.label}. {article.title}")
        dangling = page.evaluate("""() => [...document.querySelectorAll('a[href^="#"]')]
            .map(a => a.getAttribute('href').slice(1)).filter(id => !document.getElementById(id))""")
        assert dangling == []
        page.screenshot(path=str(tmp_path / "top.png"))
        page.locator("nav.toc a[href='#art_18']").click()
        assert page.url.endswith("#art_18")
        assert abs(page.evaluate("document.getElementById('art_18').getBoundingClientRect().top")) < 5
        page.screenshot(path=str(tmp_path / "article.png"))
        page.locator("#art_3 a.ref").first.click()
        target = page.evaluate("location.hash.slice(1)")
        assert target.startswith("art_3__") and page.evaluate(f"document.getElementById('{target}').getBoundingClientRect().top") < 900
        page.locator("#art_3 details.commentary > summary").click()
        assert page.locator("#art_3 details.commentary").get_attribute("open") is None
        browser.close()
    assert requests == [law_html.as_uri()], "the page loaded something besides itself"
    assert (tmp_path / "top.png").stat().st_size > 10_000 and (tmp_path / "article.png").stat().st_size > 10_000


# --- PDF through LibreOffice ------------------------------------------------------------------


@pytest.fixture(scope="module")
def law_pdf_text(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """Return the pages of the default law's PDF as pdftotext reads them."""
    require_tool("soffice")
    pdftotext = require_tool("pdftotext")
    out = tmp_path_factory.mktemp("pdf") / "law.pdf"
    done = subprocess.run([sys.executable, "-m", "modellaw", "build", "-o", str(out)], capture_output=True, text=True, timeout=900)
    if "[OUT008]" in done.stderr and os.environ.get("MODELLAW_REQUIRE_CLIENTS") != "1":
        pytest.skip("LibreOffice's Python bridge is not installed")
    assert done.returncode == 0, done.stderr
    text = subprocess.run([pdftotext, "-layout", str(out), "-"], capture_output=True, text=True, check=True).stdout
    return text.split("\f")


@pytest.mark.client
def test_pdf_contents_lines_carry_the_right_page_numbers(law_pdf_text: list[str]):
    document = build_document(None).document
    contents = "\n".join(law_pdf_text[:4])
    # an entry may wrap onto a second line, and a title that nearly fills the line leaves one or two dots
    entries = {int(m[1]): int(m[2]) for m in re.finditer(r"^\s*Article (\d+)\. [^\n]*?(?:\n[^\n]*?)?[ .]\.+\s*(\d+)\s*$", contents, re.MULTILINE)}
    assert sorted(entries) == [a.number for a in document.articles()]
    for number, page in entries.items():
        assert re.search(rf"^\s*Article {number}\. ", law_pdf_text[page - 1], re.MULTILINE), f"Article {number} is not on page {page}"


@pytest.mark.client
def test_pdf_footer_says_page_x_of_y_and_references_show_their_numbers(law_pdf_text: list[str]):
    pages = [p for p in law_pdf_text if p.strip()]
    total = len(pages)
    for index, page in enumerate(pages[1:], start=2):
        assert f"Page {index} of {total}" in page
    flat = re.sub(r"\s+", " ", " ".join(pages))
    labels = {n.label for a in build_document(None).document.articles() for n in iter_inlines(a) if isinstance(n, Ref) and n.article_eid}
    assert labels and all(label in flat for label in labels), sorted(label for label in labels if label not in flat)
