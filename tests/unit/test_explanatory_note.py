"""The CIS form end to end: article 1, the competence chapter, liability by reference, and the explanatory
note that every writer prints instead of commentary under each article."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from lxml import etree

from modellaw.build import build_document
from modellaw.ir import Document, plain_text
from modellaw.writers.akn import AKN_NS, write_akn
from modellaw.writers.docx import write_docx
from modellaw.writers.html import write_html
from modellaw.writers.markdown import write_markdown

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "ipa-cis.yaml"


@pytest.fixture(scope="module")
def model() -> Document:
    """The CIS example in model mode, where the tradition alone asks for the note."""
    return build_document(EXAMPLE, mode="model").document


@pytest.fixture(scope="module")
def enactment() -> Document:
    return build_document(EXAMPLE, strict=True).document


def test_article_1_is_basic_concepts_at_the_head_of_the_first_chapter(enactment: Document):
    first = enactment.divisions[0].articles[0]
    assert (first.clause_id, first.label, first.title) == ("definitions", "Article 1", "Basic concepts used in this Law")
    assert enactment.divisions[0].label == "Chapter 1"


def test_the_competence_chapter_lists_only_the_authorized_bodies(enactment: Document):
    chapter = next(d for d in enactment.divisions if d.title == "Competence of State bodies")
    assert [a.clause_id for a in chapter.articles][:3] == ["competence.government", "competence.authorized-bodies", "competence.coordination"]
    listed = plain_text(chapter.articles[1].body[0].inlines) + " ".join(plain_text(p.inlines) for p in chapter.articles[1].body[0].points)
    assert "Ministry of Digital Development" in listed
    assert "Cabinet of Ministers" not in listed and "court" not in listed and "Supreme Council" not in listed


def test_no_article_fixes_a_penalty_and_each_offence_refers_to_the_legislation(enactment: Document):
    text = write_markdown(enactment)
    law = text.split("## Explanatory note")[0]
    assert "imprisonment for a term not exceeding" not in law
    assert "per cent of its total worldwide annual turnover" not in law
    offences = [a for a in enactment.articles() if a.clause_id.startswith("offences.") and a.clause_id not in ("offences.ancillary", "offences.exclusions-burden")]
    sentence = "shall incur liability in accordance with the legislation of the Republic of Eastland."
    assert all(any(sentence in plain_text(p.inlines) for p in a.body if hasattr(p, "inlines")) for a in offences)
    assert all("max_imprisonment_years" not in dict(a.parameters) for a in offences)


def test_fixed_penalties_come_back_when_the_config_asks(tmp_path: Path):
    config = tmp_path / "cis-fixed.yaml"
    config.write_text(EXAMPLE.read_text(encoding="utf-8").replace("explanatory_note: true", "explanatory_note: true\nliability: fixed"), encoding="utf-8")
    text = write_markdown(build_document(config).document)
    assert "imprisonment for a term not exceeding 10 years" in text


def test_model_mode_moves_commentary_into_the_note_chapter_by_chapter(model: Document):
    assert model.note is not None
    assert all(not a.commentary for a in model.articles())
    assert any(a.sources for a in model.articles())  # kept for the concordance
    headings = [c.heading for c in model.note.chapters]
    assert headings == [f"{d.label}. {d.title}" for d in model.divisions if any(a.sources or a.answers for a in d.articles)]
    first = model.note.chapters[0].entries[0]
    assert first.heading == "Article 1. Basic concepts used in this Law" and first.article_eid == model.articles()[0].eid
    assert any(s.heading == "Purpose" for s in first.sections)


def test_markdown_prints_the_note_and_no_commentary_under_articles(model: Document):
    text = write_markdown(model)
    law, note = text.split("## Explanatory note")
    assert "#### Commentary" not in law and "**Sources.**" not in law
    government = next(a for a in model.articles() if a.clause_id == "competence.government")
    assert "### Chapter 2. Competence of State bodies" in note and f"#### {government.label}. Competence of the Government" in note


def test_html_prints_the_note_linked_to_the_articles(model: Document):
    page = write_html(model).decode("utf-8")
    assert 'id="explanatory-note"' in page and 'href="#explanatory-note"' in page
    assert 'class="commentary"' not in page
    root = etree.fromstring(page.encode("utf-8"), etree.HTMLParser())
    links = root.xpath("//section[@id='explanatory-note']//h4/a/@href")
    ids = set(root.xpath("//@id"))
    assert links and all(link[1:] in ids for link in links)


def test_word_prints_the_note_after_the_law_with_headings(model: Document):
    document = docx.Document(io.BytesIO(write_docx(model)))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    start = paragraphs.index(("Heading 1", "Explanatory note"))
    first_article = next(i for i, (style, _) in enumerate(paragraphs) if style == "Heading 2")
    assert all(not style.startswith("ML Commentary") for style, _ in paragraphs[first_article:start])
    assert ("Heading 2", "Chapter 2. Competence of State bodies") in paragraphs[start:]
    government = next(a for a in model.articles() if a.clause_id == "competence.government")
    assert ("ML Commentary Heading", f"{government.label}. Competence of the Government") in paragraphs[start:]


def test_word_has_no_source_footnotes_when_the_note_holds_the_sources(model: Document):
    import zipfile

    names = zipfile.ZipFile(io.BytesIO(write_docx(model))).namelist()
    assert "word/footnotes.xml" not in names


def test_akoma_ntoso_attaches_the_note_as_a_doc(model: Document):
    root = etree.fromstring(write_akn(model))
    ns = {"a": AKN_NS}
    assert root.xpath("//a:attachment/a:doc/@name", namespaces=ns) == ["explanatoryNote"]
    assert root.xpath("//a:body//a:noteRef", namespaces=ns) == []
    assert len(root.xpath("//a:doc//a:hcontainer[@name='articleNote']", namespaces=ns)) == sum(len(c.entries) for c in model.note.chapters)


def test_a_penalty_set_in_the_config_under_liability_by_reference_is_warned_about(tmp_path: Path, run_cli):
    config = tmp_path / "cis-penalty.yaml"
    text = EXAMPLE.read_text(encoding="utf-8").replace("  final.entry-into-force:", "  offences.ai-enabled-tools: {max_imprisonment_years: 14}\n  final.entry-into-force:")
    config.write_text(text, encoding="utf-8")
    result = run_cli("build", config, "-o", tmp_path / "law.md", "--strict")
    assert result.exit_code == 1 and "[RES040]" in result.output
    line = text.splitlines().index("  offences.ai-enabled-tools: {max_imprisonment_years: 14}") + 1
    assert f"cis-penalty.yaml:{line}:" in result.output
    assert not (tmp_path / "law.md").exists()


def test_the_note_on_how_to_read_the_model_says_where_the_commentary_is(tmp_path: Path):
    from modellaw.writers.words import model_note

    config = tmp_path / "cis.yaml"
    config.write_text("title: CIS form without introduction\ndate: 2026-12-01\njurisdiction: {tradition: cis}\nstructure:\n"
                      "  - chapter: Competence\n    clauses: [definitions, competence.government, competence.authorized-bodies]\n", encoding="utf-8")
    document = build_document(config).document
    assert document.note is not None and "explanatory note after the law" in model_note(document)
    assert "explanatory note after the law" in write_html(document).decode("utf-8")
