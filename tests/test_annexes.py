"""Comparison annexes: concordance, side-by-side comparison, redline with tracked changes."""

from __future__ import annotations

import copy
import io
import os
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from modellaw.annex import comparison, concordance
from modellaw.build import build_document
from modellaw.catalogue import load_catalogue
from modellaw.writers.docx import write_docx
from modellaw.writers.redline import write_redline
from tests.conftest import build_file_tree, edit, require_tool

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
EXTRA = """id: general.{slug}
title: {title}
version: 1.0.0
status: optional
summary: A clause used by the comparison tests.
text: |
  {text}
commentary: {{purpose: Used by the comparison tests.}}
sources:
  - {{instrument: iccpr, pinpoint: "Art. 2", relation: consistent-with, verification: known}}
implements: [rec-rome-human-rights-compliance]
"""


def _cells(section) -> list[str]:
    return [" ".join(span.text for line in cell for span in line) for row in section.table.rows for cell in row]


@pytest.fixture
def pair(mini: Path) -> tuple[Path, Path]:
    """OLD: the mini law plus a review clause. NEW: one parameter and one option changed, review removed, extra added."""
    build_file_tree(mini / "library", {
        "general/review.yaml": EXTRA.format(slug="review", title="Review", text="This Law shall be reviewed every five years."),
        "general/extra.yaml": EXTRA.format(slug="extra", title="Reporting", text="The government shall report to Parliament each year."),
    })
    old, new = mini / "old.yaml", mini / "new.yaml"
    text = (mini / "config.yaml").read_text()
    old.write_text(text.replace("humanitarian.exemption]", "humanitarian.exemption, general.review]"))
    new.write_text(text.replace("humanitarian.exemption]", "humanitarian.exemption, general.extra]")
                   .replace("max_years: 12", "max_years: 14").replace("parameters:", "options: {humanitarian.exemption: B}\nparameters:")
                   .replace('version: "1.0"', 'version: "1.1"'))
    return old, new


# --- concordance --------------------------------------------------------------------------


def test_concordance_lists_every_article_and_every_recommendation():
    document = build_document(None).document
    catalogue = load_catalogue()
    annex = concordance(document, catalogue)
    by_article = annex.sections[0]
    assert [row[0][0][0].text for row in by_article.table.rows] == [a.label for a in document.articles()]
    reverse = annex.sections[2]
    assert [row[0][0][0].text for row in reverse.table.rows] == [r.cite() for r in catalogue.recommendations.values()]
    gaps = annex.sections[3].items
    assert not any("[legislative]" in g for g in gaps)  # the default law answers every legislative recommendation
    assert len(gaps) == sum(not r.legislative for r in catalogue.recommendations.values()) - 17


def test_dropping_a_clause_shows_its_recommendations_as_gaps(tmp_path: Path):
    from modellaw.resources import default_config

    config = tmp_path / "without-aggravation.yaml"
    config.write_text(default_config().read_text().replace("      - aggravation.use-of-ai\n", ""))
    catalogue = load_catalogue()
    annex = concordance(build_document(config).document, catalogue)
    rec = catalogue.recommendations["rec-spb-ai-aggravating-factor"]
    assert f"{rec.cite()} [legislative]: {rec.paraphrase}" in annex.sections[3].items
    row = next(r for r in annex.sections[2].table.rows if r[2][0][0].text == rec.paraphrase)
    assert row[3][0][0].text == "gap"


def test_concordance_cli_docx_and_markdown(tmp_path: Path, run_cli):
    for name in ("annex.docx", "annex.md"):
        result = run_cli("annex", "concordance", "-o", tmp_path / name)
        assert result.exit_code == 0, result.output
    markdown = (tmp_path / "annex.md").read_text()
    assert "## Annex — Concordance" in markdown and "| Article 11 | Financing of terrorism" in markdown


def test_config_annexes_append_the_concordance(mini: Path, run_cli):
    edit(mini / "config.yaml", "structure:", "annexes: [concordance]\nstructure:")
    result = run_cli("build", mini / "config.yaml", "-o", mini / "law.md")
    assert result.exit_code == 0
    text = (mini / "law.md").read_text()
    assert text.index("### Article 4.") < text.index("## Annex 1 — Concordance")


# --- side-by-side comparison ---------------------------------------------------------------


def test_comparison_finds_exactly_the_differences(pair):
    old, new = (build_document(p).document for p in pair)
    annex = comparison(old, new)
    counts = {row[0][0][0].text: int(row[1][0][0].text) for row in annex.sections[0].table.rows}
    assert counts == {"unchanged": 2, "changed": 2, "added": 1, "removed": 1, "moved": 0, "renumbered": 0}
    notes = [row[2] for row in annex.sections[1].table.rows]
    flat = [" | ".join(span.text for line in cell for span in line) for cell in notes]
    assert flat == [
        "Text changed | Value changed: 12 → 14",
        # model mode prints every option; the choice also renumbers the longer option (2a -> 3)
        "Text changed | Option A → B",
        "Removed (was Article 5)",
        "Added as Article 5",
    ]


def test_word_level_changes_are_marked_inside_the_texts(pair):
    old, new = (build_document(p).document for p in pair)
    row = comparison(old, new).sections[1].table.rows[0]
    deleted = [s.text for line in row[0] for s in line if s.kind == "delete"]
    inserted = [s.text for line in row[1] for s in line if s.kind == "insert"]
    assert deleted == ["12"] and inserted == ["14"]


def test_identical_configs_give_no_differences(mini: Path):
    document = build_document(mini / "config.yaml").document
    annex = comparison(document, document)
    assert annex.sections[1].table is None and annex.sections[1].note.startswith("No differences")


def _structure_ids(config: Path) -> set[str]:
    """Return the clause ids that a config's structure lists (the default law grows; v0.2 does not)."""
    import yaml

    data = yaml.safe_load(Path(config).read_text(encoding="utf-8"))
    return {c for chapter in data["structure"] for c in chapter["clauses"]}


def test_moved_and_renumbered_articles(tmp_path: Path):
    from modellaw.resources import default_config

    new = Path(__file__).resolve().parents[1] / "examples" / "model-law-v0.2.yaml"
    before, after = build_document(default_config()).document, build_document(new).document
    annex = comparison(before, after)
    counts = {row[0][0][0].text: int(row[1][0][0].text) for row in annex.sections[0].table.rows}
    missing = _structure_ids(default_config()) - _structure_ids(new)
    assert "prevention.digital-literacy" in missing
    assert counts["moved"] == 1 and counts["removed"] == len(missing) and counts["renumbered"] >= 1
    notes = _cells(annex.sections[1])
    old_no, new_no = (next(a.number for a in d.articles() if a.clause_id == "aggravation.use-of-ai") for d in (before, after))
    assert any(f"Moved: Article {old_no} → Article {new_no}" in n for n in notes)


def test_compare_cli_writes_docx_and_markdown(pair, run_cli):
    old, new = pair
    for name in ("cmp.docx", "cmp.md"):
        result = run_cli("compare", old, new, "-o", old.parent / name)
        assert result.exit_code == 0, result.output
        assert "changed 2, added 1, removed 1" in result.stdout
    assert "<del>12</del>" in (old.parent / "cmp.md").read_text() and "<ins>14</ins>" in (old.parent / "cmp.md").read_text()


# --- redline -------------------------------------------------------------------------------


def _body(data: bytes) -> etree._Element:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return etree.fromstring(z.read("word/document.xml")).find(f"{W}body")


def _paragraph_texts(body: etree._Element, contents: bool = True) -> list[str]:
    """Return each paragraph's text; without the table of contents' entries when ``contents`` is False."""
    return [_text(p) for p in body.iter(f"{W}p") if contents or not _style(p).lower().startswith("toc")]


def _text(p: etree._Element) -> str:
    return "".join("\t" if n.tag == f"{W}tab" else (n.text or "") for n in p.iter(f"{W}t", f"{W}tab"))


def _style(p: etree._Element) -> str:
    style = p.find(f"{W}pPr/{W}pStyle")
    return "" if style is None else style.get(f"{W}val")


def _resolve(body: etree._Element, keep: str) -> etree._Element:
    """Accept (keep='ins') or reject (keep='del') every tracked change."""
    body = copy.deepcopy(body)
    drop = "del" if keep == "ins" else "ins"
    for p in list(body.iter(f"{W}p")):
        if p.find(f"{W}pPr/{W}rPr/{W}{drop}") is not None:
            p.getparent().remove(p)
    for mark in list(body.iter(f"{W}{drop}")):
        mark.getparent().remove(mark)
    for wrapper in list(body.iter(f"{W}{keep}")):
        parent = wrapper.getparent()
        if parent.tag == f"{W}rPr":
            parent.remove(wrapper)
            continue
        index = parent.index(wrapper)
        for child in reversed(list(wrapper)):
            parent.insert(index, child)
        parent.remove(wrapper)
    for text in body.iter(f"{W}delText"):
        text.tag = f"{W}t"
    return body


@pytest.mark.parametrize("which", ["mini", "default"])
def test_accepting_gives_new_and_rejecting_gives_old(which: str, pair):
    if which == "mini":
        old_path, new_path = pair
    else:
        from modellaw.resources import default_config

        old_path, new_path = default_config(), Path(__file__).resolve().parents[1] / "examples" / "model-law-v0.2.yaml"
    old, new = (build_document(p).document for p in (old_path, new_path))
    redline = _body(write_redline(old, new))
    assert redline.find(f".//{W}ins") is not None and redline.find(f".//{W}del") is not None
    assert _paragraph_texts(_resolve(redline, "ins")) == _paragraph_texts(_body(write_docx(new)))
    # the table of contents is a field Word rebuilds: the redline carries the new one untracked
    assert _paragraph_texts(_resolve(redline, "del"), contents=False) == _paragraph_texts(_body(write_docx(old)), contents=False)


def test_redline_carries_the_new_table_of_contents_untracked(pair):
    old, new = (build_document(p).document for p in pair)
    redline = _body(write_redline(old, new))
    contents = [p for p in redline.iter(f"{W}p") if _style(p).lower().startswith("toc")]
    assert contents and all(p.find(f".//{W}ins") is None and p.find(f".//{W}del") is None for p in contents)
    assert [_text(p) for p in contents] == [_text(p) for p in _body(write_docx(new)).iter(f"{W}p") if _style(p).lower().startswith("toc")]


def _notes(data: bytes, body: etree._Element) -> list[str]:
    """Return the text of each footnote ``body`` references, in order (footnotes read from ``data``)."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        notes = etree.fromstring(z.read("word/footnotes.xml")) if "word/footnotes.xml" in z.namelist() else None
    texts = {n.get(f"{W}id"): "".join(t.text or "" for t in n.iter(f"{W}t", f"{W}delText")) for n in ([] if notes is None else notes)}
    return [texts[r.get(f"{W}id")] for r in body.iter(f"{W}footnoteReference")]


@pytest.mark.parametrize("reverse", [False, True])
def test_redline_keeps_every_footnote_and_every_link_resolves(reverse: bool):
    """Renumbered headings carry their sources' footnotes: accepting keeps the new draft's notes,
    rejecting the old draft's, and no internal link points at a bookmark the redline dropped."""
    from modellaw.resources import default_config

    paths = [default_config(), Path(__file__).resolve().parents[1] / "examples" / "model-law-v0.2.yaml"]
    old, new = (build_document(p).document for p in (paths[::-1] if reverse else paths))
    data = write_redline(old, new)
    body = _body(data)
    old_data, new_data = write_docx(old), write_docx(new)
    assert _notes(data, _resolve(body, "ins")) == _notes(new_data, _body(new_data))
    assert _notes(data, _resolve(body, "del")) == _notes(old_data, _body(old_data))
    for view in (body, _resolve(body, "ins"), _resolve(body, "del")):
        names = {b.get(f"{W}name") for b in view.iter(f"{W}bookmarkStart")}
        assert {link.get(f"{W}anchor") for link in view.iter(f"{W}hyperlink")} <= names


def test_revisions_carry_author_and_the_config_date(pair):
    old, new = (build_document(p).document for p in pair)
    body = _body(write_redline(old, new))
    marks = list(body.iter(f"{W}ins", f"{W}del"))
    assert {m.get(f"{W}date") for m in marks} == {"2026-11-21T00:00:00Z"}
    assert {m.get(f"{W}author") for m in marks} == {"modellaw"}
    ids = [m.get(f"{W}id") for m in marks]
    assert len(ids) == len(set(ids))


def test_numbering_changes_are_tracked():
    from modellaw.resources import default_config

    new_path = Path(__file__).resolve().parents[1] / "examples" / "model-law-v0.2.yaml"
    old, new = build_document(default_config()).document, build_document(new_path).document
    body = _body(write_redline(old, new))
    texts = [("".join(t.text or "" for t in d.iter(f"{W}delText")), "") for d in body.iter(f"{W}del")]
    moved = next(a.number for a in old.articles() if a.clause_id == "humanitarian.exemption")
    assert (f"{moved}.", "") in texts  # "subject to article N." changed number after the move


def test_redline_is_byte_identical_and_converts_in_libreoffice(pair, tmp_path: Path, run_cli):
    old, new = pair
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    for out in (first, second):
        assert run_cli("compare", old, new, "-o", out, "--redline").exit_code == 0
    assert first.read_bytes() == second.read_bytes()
    soffice = require_tool("soffice")
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run([soffice, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(first)], check=True, capture_output=True, timeout=300, env=env)
    assert (tmp_path / "a.pdf").stat().st_size > 5000


# --- bad input -----------------------------------------------------------------------------


def test_missing_file_is_a_usage_error(mini: Path, run_cli):
    result = run_cli("compare", mini / "config.yaml", mini / "nope.yaml", "-o", mini / "cmp.docx")
    assert result.exit_code == 2 and "nope.yaml" in result.stderr
    assert not (mini / "cmp.docx").exists()


def test_a_file_that_is_not_a_config(mini: Path, run_cli):
    (mini / "notes.yaml").write_text("- a list\n- not a config\n")
    result = run_cli("compare", mini / "config.yaml", mini / "notes.yaml", "-o", mini / "cmp.docx")
    assert result.exit_code == 1 and "notes.yaml:1" in result.stderr and "[CFG001]" in result.stderr
    assert not (mini / "cmp.docx").exists()


def test_problems_of_both_configs_are_listed_each_with_its_file(pair, run_cli):
    old, new = pair
    edit(old, "max_years: 12", "max_years: 99")
    edit(new, "max_years: 14", "max_years: many")
    result = run_cli("compare", old, new, "-o", old.parent / "cmp.docx", "--redline")
    assert result.exit_code == 1
    assert "old.yaml:" in result.stderr and "[RES013]" in result.stderr
    assert "new.yaml:" in result.stderr and "[RES012]" in result.stderr
    assert not (old.parent / "cmp.docx").exists()


def test_redline_must_be_word(pair, run_cli):
    old, new = pair
    result = run_cli("compare", old, new, "-o", old.parent / "cmp.md", "--redline")
    assert result.exit_code == 1 and "[OUT005]" in result.stderr and not (old.parent / "cmp.md").exists()


def test_output_may_not_overwrite_an_input(pair, run_cli):
    old, new = pair
    before = new.read_bytes()
    result = run_cli("compare", old, new, "-o", new, "--format", "docx")
    assert result.exit_code == 1 and "[OUT003]" in result.stderr and new.read_bytes() == before


def test_the_annexes_of_a_russian_draft_speak_russian(mini_ru: Path, run_cli) -> None:
    """The concordance and the comparison take their headings, columns and change notes from the draft's language."""
    concordance_md = mini_ru / "concordance.md"
    assert run_cli("annex", "concordance", mini_ru / "config-ru.yaml", "-o", concordance_md).exit_code == 0
    text = concordance_md.read_text(encoding="utf-8")
    assert "## Приложение — Таблица соответствия" in text and "| Статья | Наименование | Статус |" in text
    assert "рекомендуемая" in text and "Annex" not in text and "Articles, sources" not in text
    compared = mini_ru / "compare.md"
    result = run_cli("compare", mini_ru / "config-ru.yaml", mini_ru / "config-ru.yaml", "-o", compared)
    assert result.exit_code == 0 and "unchanged 4" in result.output  # the command speaks English
    text = compared.read_text(encoding="utf-8")
    assert "## Приложение — Сравнение редакций" in text and "| без изменений | 4 |" in text and "Old text" not in text


def test_every_language_has_every_change_phrase() -> None:
    """A language's annex words fill the same phrases as English, with the same blanks."""
    from string import Formatter

    from modellaw.annex_words import ANNEX_WORDS, ENGLISH_ANNEX

    def blanks(phrase: str) -> set[str]:
        return {name for _, name, _, _ in Formatter().parse(phrase) if name}

    for language, words in ANNEX_WORDS.items():
        assert words.changes.keys() == ENGLISH_ANNEX.changes.keys(), language
        assert all(blanks(words.changes[k]) == blanks(ENGLISH_ANNEX.changes[k]) for k in words.changes), language
        assert blanks(words.version_line) == {"title", "version"} and blanks(words.old_new) == {"old", "new"}, language
