"""Reviewing the library: terminal listing, HTML catalogue in a real browser, Word review book, review import."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import pytest

from modellaw.api import list_views, load
from modellaw.catalogue import load_catalogue
from modellaw.library import load_library
from modellaw.resources import builtin_library
from tests.conftest import require_tool

ROOT = Path(__file__).resolve().parents[1]


# --- terminal -------------------------------------------------------------------------------


def test_list_filters_by_instrument_recommendation_family_status_and_search(run_cli):
    by_instrument = run_cli("clauses", "list", "--instrument", "unscr-2462", "--json")
    ids = [v["id"] for v in json.loads(by_instrument.stdout)]
    assert "offences.financing-virtual-assets" in ids and "humanitarian.exemption" in ids
    assert all(any(s["instrument"] == "unscr-2462" for s in v["sources"]) for v in json.loads(by_instrument.stdout))
    by_rec = json.loads(run_cli("clauses", "list", "--implements", "rec-spb-ai-aggravating-factor", "--json").stdout)
    assert [v["id"] for v in by_rec] == ["aggravation.use-of-ai"]
    mandatory = run_cli("clauses", "list", "--status", "mandatory", "--family", "humanitarian").stdout
    assert "humanitarian.medical-activities" in mandatory and "humanitarian.exemption" not in mandatory
    searched = json.loads(run_cli("clauses", "list", "--search", "automation bias", "--json").stdout)
    assert "oversight.automation-bias" in [v["id"] for v in searched]
    table = run_cli("clauses", "list").stdout
    modules = len(load_library([builtin_library()], load_catalogue()).entries)
    assert table.splitlines()[0].startswith("id") and table.rstrip().endswith(f"{modules} module(s)")


def test_show_renders_defaults_options_commentary_sources_and_links(run_cli):
    shown = run_cli("clauses", "show", "humanitarian.exemption").stdout
    for fragment in ("Option A: Standing exclusion (default)", "Option B: Authorisation scheme", "[competent court]",
                     "Commentary:", "Sources:", "UNSCR 2462 (2019), op. 24", "Required by: humanitarian.no-diversion, offences.financing-virtual-assets"):
        assert fragment in shown, fragment
    data = json.loads(run_cli("clauses", "show", "definitions.ai-system", "--json").stdout)
    assert data["kind"] == "definition" and "offences.ai-enabled-tools" in data["referred_by"]
    assert [o["key"] for o in data["options"]] == ["A", "B", "C"]


# --- HTML catalogue -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("catalogue") / "site"
    result = subprocess.run([sys.executable, "-m", "modellaw", "catalogue", "-o", str(out)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def test_catalogue_has_a_page_per_clause_recommendation_and_instrument(site: Path):
    catalogue = load_catalogue()
    assert len(list((site / "clauses").glob("*.html"))) == len(load([]).entries)
    assert len(list((site / "recommendations").glob("*.html"))) == len(catalogue.recommendations)
    assert len(list((site / "instruments").glob("*.html"))) == len(catalogue.instruments)
    page = (site / "clauses" / "offences.financing-virtual-assets.html").read_text()
    assert 'href="humanitarian.exemption.html"' in page and 'href="../instruments/unscr-2462.html"' in page
    assert 'href="../recommendations/rec-rome-criminalize-misuse.html"' in page
    assert "http://" not in page and "https://" not in page  # nothing from the network
    back = (site / "clauses" / "humanitarian.exemption.html").read_text()
    assert 'href="../clauses/offences.financing-virtual-assets.html"' in back  # referred to by: links both ways
    rec = (site / "recommendations" / "rec-spb-regulate-state-use.html").read_text()
    assert catalogue.recommendations["rec-spb-regulate-state-use"].cite() in rec and ".txt" not in rec  # cited, no seed file name


def test_catalogue_escapes_clause_data(tmp_path: Path, mini: Path, run_cli):
    lib = mini / "library"
    text = (lib / "general/purpose.yaml").read_text().replace("title: Purpose", 'title: "<script>alert(1)</script>"')
    (lib / "general/purpose.yaml").write_text(text)
    assert run_cli("catalogue", "-o", tmp_path / "site", "--library", lib).exit_code == 0
    page = (tmp_path / "site" / "clauses" / "general.purpose.html").read_text()
    assert "<script>alert" not in page and "&lt;script&gt;" in page


def test_catalogue_refuses_a_folder_that_is_not_a_catalogue(tmp_path: Path, run_cli):
    (tmp_path / "mine").mkdir()
    (tmp_path / "mine" / "notes.txt").write_text("keep me")
    result = run_cli("catalogue", "-o", tmp_path / "mine")
    assert result.exit_code == 1 and "[OUT006]" in result.stderr
    assert (tmp_path / "mine" / "notes.txt").read_text() == "keep me"


def _chromium() -> str:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return require_tool("chromium")


def test_catalogue_in_a_real_browser(site: Path, tmp_path: Path):
    sync_api = pytest.importorskip("playwright.sync_api") if os.environ.get("MODELLAW_REQUIRE_CLIENTS") != "1" else __import__("playwright.sync_api").sync_api
    browser_path = _chromium()
    expected = sorted(v.id for v in list_views([], search="2462"))
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path, args=[
            "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"])
        page = browser.new_page(viewport={"width": 1200, "height": 900})
        page.goto((site / "index.html").as_uri())
        page.keyboard.type("2462")  # the search box has focus on load
        visible = page.locator("table.clauses tbody tr:not([hidden]) td:first-child a").all_inner_texts()
        assert sorted(visible) == expected and "offences.financing-virtual-assets" in visible
        assert page.locator("#count").inner_text() == f"{len(expected)} shown"
        page.screenshot(path=str(tmp_path / "search.png"))
        page.select_option("#status", "mandatory")
        assert "humanitarian.exemption" not in page.locator("table.clauses tbody tr:not([hidden]) td:first-child a").all_inner_texts()
        page.locator("table.clauses tbody tr:not([hidden]) a", has_text="offences.financing-virtual-assets").click()
        assert page.locator("h1").inner_text() == "Financing of terrorism, including by means of virtual assets"
        page.screenshot(path=str(tmp_path / "clause.png"), full_page=True)
        page.locator("a.ref", has_text="humanitarian.exemption").first.click()
        assert page.locator("h1").inner_text() == "Exemption for humanitarian activities"
        assert page.locator(".options .option").count() == 3
        page.go_back()
        page.go_back()
        assert page.url.endswith("index.html") and page.locator("#search").count() == 1
        browser.close()
    assert (tmp_path / "search.png").stat().st_size > 10_000 and (tmp_path / "clause.png").stat().st_size > 10_000


# --- Word review book and review import -----------------------------------------------------


@pytest.fixture(scope="module")
def book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("book") / "library.docx"
    result = subprocess.run([sys.executable, "-m", "modellaw", "library", "book", "-o", str(out), "--review-comments"], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return out


def test_review_book_renders_and_pandoc_reads_every_clause_id(book: Path, tmp_path: Path):
    pandoc = require_tool("pandoc")
    text = subprocess.run([pandoc, "-f", "docx", "-t", "plain", "--wrap=none", str(book)], check=True, capture_output=True, text=True).stdout
    assert [cid for cid in load([]).entries if cid not in text] == []
    assert "Option C: Standing exclusion combined with authorisations for other actors" in text
    assert "Annex 1 — Status of the clauses" in text and "Annex 2 — Index of instruments" in text
    soffice = require_tool("soffice")
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(book)], check=True, capture_output=True, timeout=300, env=env)
    assert (tmp_path / "library.pdf").stat().st_size > 100_000


def test_review_import_maps_reviewer_comments_to_clause_ids(book: Path, tmp_path: Path, run_cli):
    reviewed = tmp_path / "reviewed.docx"
    document = docx.Document(str(book))
    headings = [p for p in document.paragraphs if p.style.name == "Heading 2"]
    financing = next(p for p in headings if "Financing of terrorism" in p.text)
    body = next(p for p in document.paragraphs if "\tThe offence is committed whether or not" in p.text)
    document.add_comment(financing.runs, text="Name stablecoins?", author="B. Legal", initials="BL")
    document.add_comment(body.runs, text="Mixers as aggravation instead?", author="A. Reviewer", initials="AR")
    document.save(str(reviewed))
    result = run_cli("review", "import", reviewed, "-o", tmp_path / "report.md")
    assert result.exit_code == 0 and "(2 comment(s))" in result.stdout
    data = json.loads((tmp_path / "report.json").read_text())
    assert list(data["clauses"]) == ["offences.financing-virtual-assets"]
    assert {c["author"] for c in data["clauses"]["offences.financing-virtual-assets"]} == {"B. Legal", "A. Reviewer"}
    markdown = (tmp_path / "report.md").read_text()
    assert "## offences.financing-virtual-assets — Article" in markdown and "Mixers as aggravation instead?" in markdown


@pytest.mark.parametrize("route", ["direct", "via-odf"])
def test_review_import_of_a_document_reviewed_in_libreoffice(tmp_path: Path, run_cli, route: str):
    from tests.test_clients import _uno_python

    python = _uno_python()
    draft = tmp_path / "draft.docx"
    assert run_cli("build", ROOT / "tests/fixtures/mini/config.yaml", "-o", draft, "--review-comments").exit_code == 0
    reviewed = tmp_path / "reviewed.docx"
    environment = {**os.environ, "MODELLAW_LO_VIA_ODF": "1" if route == "via-odf" else "0"}
    subprocess.run([python, str(ROOT / "scripts/lo_add_comment.py"), str(draft), str(reviewed), "Article 3.", "C. Committee", "Please add possession."],
                   check=True, capture_output=True, timeout=600, env=environment)
    assert run_cli("review", "import", reviewed, "-o", tmp_path / "report.md").exit_code == 0
    data = json.loads((tmp_path / "report.json").read_text())
    assert data["comments"] == 1 and data["clauses"]["offences.ai-tools"][0]["text"] == "Please add possession."


def test_a_document_without_comments_gives_an_empty_report(tmp_path: Path, run_cli):
    draft = tmp_path / "draft.docx"
    assert run_cli("build", ROOT / "tests/fixtures/mini/config.yaml", "-o", draft).exit_code == 0
    result = run_cli("review", "import", draft, "-o", tmp_path / "report.md")
    assert result.exit_code == 0 and "(0 comment(s))" in result.stdout
    assert "No reviewer comments." in (tmp_path / "report.md").read_text()
    assert json.loads((tmp_path / "report.json").read_text())["comments"] == 0


def test_review_import_of_something_that_is_not_word(tmp_path: Path, run_cli):
    bogus = tmp_path / "notes.docx"
    bogus.write_text("not a zip")
    result = run_cli("review", "import", bogus, "-o", tmp_path / "report.md")
    assert result.exit_code == 1 and "[REV001]" in result.stderr and not (tmp_path / "report.md").exists()


# --- lint in review terms -------------------------------------------------------------------


def test_lint_review_lists_notes_per_clause_without_failing(run_cli, mini: Path):
    (mini / "library/general/purpose.yaml").write_text(
        (mini / "library/general/purpose.yaml").read_text().replace('pinpoint: "op. 2(e)", ', "").replace("implements: [rec-spb-model-framework]\n", ""))
    result = run_cli("lint", "--library", mini / "library", "--review", "--strict")
    assert "general.purpose" in result.stdout
    for note in ("commentary lacks: status basis, human rights, implementation", "sources without pinpoint: unscr-1373",
                 "implements no recommendation"):
        assert note in result.stdout, note
    assert "unverified pinpoints: uncc-2024 Art. 11" in result.stdout  # offences.ai-tools


def test_review_book_numbers_articles_as_the_law_does(book: Path) -> None:
    from modellaw.build import build_document

    by_title = {a.title: a.number for a in build_document().document.articles()}
    headings = [p.text for p in docx.Document(str(book)).paragraphs if p.style.name == "Heading 2"]
    numbered = {h.split(". ", 1)[1]: int(h.split(".")[0].split()[-1]) for h in headings if ". " in h}
    mismatched = {t: (numbered.get(t), n) for t, n in by_title.items() if numbered.get(t) != n}
    assert mismatched == {}


def test_comment_on_one_definition_is_reported_under_its_term(book: Path, tmp_path: Path, run_cli) -> None:
    reviewed = tmp_path / "reviewed.docx"
    document = docx.Document(str(book))
    entry = next(p for p in document.paragraphs if "AI system\u201d means" in p.text or "“AI system” means" in p.text)
    document.add_comment(entry.runs, text="Align with the OECD definition?", author="C. Reviewer", initials="CR")
    document.save(str(reviewed))
    assert run_cli("review", "import", reviewed, "-o", tmp_path / "report.md").exit_code == 0
    data = json.loads((tmp_path / "report.json").read_text())
    assert list(data["clauses"]) == ["definitions.ai-system"]
