"""The introduction: library data carried in the IR as front matter, printed in model mode only."""

from __future__ import annotations

from pathlib import Path

from modellaw.build import build_document
from modellaw.writers.markdown import write_markdown
from tests.conftest import document_xml, edit

INTRO = """title: Introduction
sections:
  - heading: How to use the model
    paragraphs:
      - >-
        Each article is followed by its commentary.
      - A second paragraph.
"""


def test_the_built_in_law_opens_with_its_introduction_in_model_mode_only():
    model = build_document().document
    assert model.front is not None
    headings = [s.heading for s in model.front.sections]
    for expected in ("How to use the model", "Status of the provisions", "Sources and how the text relates to them",
                     "Values in brackets and drafting options", "A separate law or amendments to existing laws", "Legal traditions"):
        assert expected in headings
    markdown = write_markdown(model)
    assert markdown.index("## Introduction") < markdown.index("## Chapter I.")
    assert build_document(mode="enactment").document.front is None


def test_a_library_introduction_is_printed_after_the_title_page_and_contents(mini: Path):
    (mini / "library" / "introduction.yaml").write_text(INTRO, encoding="utf-8")
    from modellaw.writers.docx import write_docx

    document = build_document(mini / "config.yaml").document
    markdown = write_markdown(document)
    assert "### How to use the model\n\nEach article is followed by its commentary.\n\nA second paragraph." in markdown
    assert "How to read this model law" not in markdown  # the introduction replaces the short note
    xml = document_xml(write_docx(document)).decode()
    assert xml.index(">Contents<") < xml.index(">Introduction<") < xml.index("Each article is followed") < xml.rindex("General provisions")


def test_a_malformed_introduction_is_reported_with_its_location(mini: Path, run_cli):
    (mini / "library" / "introduction.yaml").write_text(INTRO.replace("paragraphs:", "paragrafs:"), encoding="utf-8")
    result = run_cli("build", mini / "config.yaml", "-o", mini / "law.md")
    assert result.exit_code == 1
    assert "introduction.yaml:" in result.stderr and "[INT011]" in result.stderr
    assert not (mini / "law.md").exists()


def test_without_an_introduction_the_short_note_stays(mini: Path):
    assert "How to read this model law" in write_markdown(build_document(mini / "config.yaml").document)


def test_a_law_in_another_language_prints_no_english_introduction(mini_ru: Path):
    (mini_ru / "library" / "introduction.yaml").write_text(INTRO, encoding="utf-8")
    assert build_document(mini_ru / "config.yaml").document.front is not None
    assert build_document(mini_ru / "config-ru.yaml").document.front is None


INTRO_RU = """language: ru
title: Введение
sections:
  - heading: Как пользоваться моделью
    paragraphs:
      - За каждой статьей следует комментарий.
"""


def test_a_law_in_russian_prints_the_russian_introduction(mini_ru: Path):
    (mini_ru / "library" / "introduction.yaml").write_text(INTRO, encoding="utf-8")
    (mini_ru / "library" / "introduction.ru.yaml").write_text(INTRO_RU, encoding="utf-8")
    front = build_document(mini_ru / "config-ru.yaml").document.front
    assert front is not None and front.title == "Введение" and front.sections[0].heading == "Как пользоваться моделью"
    assert build_document(mini_ru / "config.yaml").document.front.title == "Introduction"


def test_a_translated_introduction_in_the_wrong_language_is_located(mini_ru: Path, run_cli):
    (mini_ru / "library" / "introduction.ru.yaml").write_text(INTRO_RU.replace("language: ru", "language: fr"), encoding="utf-8")
    result = run_cli("build", mini_ru / "config-ru.yaml", "-o", mini_ru / "law.md")
    assert result.exit_code == 1 and "introduction.ru.yaml" in result.stderr and "[INT002]" in result.stderr
    assert not (mini_ru / "law.md").exists()
