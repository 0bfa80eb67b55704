"""Parallel texts: one config built in two languages, paired by eId, written side by side."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from modellaw.api import parallel_to_file
from modellaw.build import build_document
from modellaw.errors import ConfigError, DraftingError
from modellaw.ir import Paragraph
from modellaw.parallel import block_key, build_parallel, check_parallel_language, pair_documents
from modellaw.writers.parallel_docx import write_parallel_docx
from tests.conftest import document_xml, edit

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _codes(result) -> list[str]:
    return re.findall(r"\[(\w+)\]", result.stderr or result.output)


@pytest.fixture
def texts(mini_ru: Path):
    """Return the Russian mini law and the same config built in English."""
    config = mini_ru / "config-ru.yaml"
    return build_document(config).document, build_document(config, language="en").document


# --- pairing ----------------------------------------------------------------------------------


def test_the_two_builds_pair_article_by_article_and_paragraph_by_paragraph(texts) -> None:
    russian, english = texts
    text = pair_documents(russian, english)
    assert [(d.left.label, d.right.label) for d in text.divisions] == [("Глава 1", "Chapter I"), ("Глава 2", "Chapter II")]
    pairs = [p for d in text.divisions for p in d.articles]
    assert [(p.left.label, p.right.label) for p in pairs][2] == ("Статья 3", "Article 3")
    assert all(p.left.eid == p.right.eid and p.left.clause_id == p.right.clause_id for p in pairs)
    for pair in pairs:
        assert [block_key(a) for a, _ in pair.blocks] == [block_key(b) for _, b in pair.blocks]
        assert len(pair.blocks) == len(pair.left.body) == len(pair.right.body)
    offences = pairs[2]
    assert [a.eid for a, _ in offences.blocks] == ["art_3__para_1", "art_3__para_2", "art_3__para_3"]


def test_the_config_words_are_taken_in_the_second_language(texts) -> None:
    russian, english = texts
    assert english.meta.title == "Mini Law on Artificial Intelligence" and russian.meta.title.startswith("Мини-закон")
    assert [d.title for d in english.divisions] == ["General provisions", "Offences"]
    assert [d.title for d in russian.divisions] == ["Общие положения", "Преступления"]


def test_a_paragraph_more_in_one_text_is_a_structure_error(texts) -> None:
    russian, english = texts
    article = english.divisions[1].articles[0]
    extra = Paragraph(article.body[0].inlines, eid="art_3__para_9", label="9.")  # type: ignore[union-attr]
    longer = replace(article, body=(*article.body, extra))
    changed = replace(english, divisions=(english.divisions[0], replace(english.divisions[1], articles=(longer, *english.divisions[1].articles[1:]))))
    with pytest.raises(DraftingError) as caught:
        pair_documents(russian, changed)
    [problem] = caught.value.diagnostics
    assert problem.code == "PAR001" and "art_3" in problem.message and "art_3__para_9" in problem.message


def test_other_articles_in_a_chapter_are_a_structure_error(texts) -> None:
    russian, english = texts
    shorter = replace(english, divisions=(english.divisions[0], replace(english.divisions[1], articles=english.divisions[1].articles[:1])))
    with pytest.raises(DraftingError) as caught:
        pair_documents(russian, shorter)
    assert [d.code for d in caught.value.diagnostics] == ["PAR001"]
    assert "chapter 2" in caught.value.diagnostics[0].message


def test_the_second_language_must_be_supported_and_another_one() -> None:
    with pytest.raises(ConfigError) as unknown:
        check_parallel_language("ru", "klingon")
    assert unknown.value.diagnostics[0].code == "CFG014" and "en (English)" in unknown.value.diagnostics[0].message
    with pytest.raises(ConfigError) as same:
        check_parallel_language("ru-KZ", "ru")
    assert same.value.diagnostics[0].code == "PAR002"
    check_parallel_language("ru", "en")


def test_a_module_without_a_translation_into_the_second_language_is_listed(mini: Path) -> None:
    with pytest.raises(DraftingError) as caught:
        build_parallel(mini / "config.yaml", "ru")
    missing = [d for d in caught.value.diagnostics if d.code == "TRN001"]
    assert len(missing) == 6 and any("offences.ai-tools" in d.message for d in missing)


# --- the Word parallel text -------------------------------------------------------------------


def _body(mini_ru: Path, second: str = "en", config: str = "config-ru.yaml") -> tuple[bytes, str]:
    _, _, text = build_parallel(mini_ru / config, second)
    data = write_parallel_docx(text)
    return data, document_xml(data).decode("utf-8")


def test_the_word_text_has_both_numberings_as_separate_live_counters(mini_ru: Path) -> None:
    _, xml = _body(mini_ru)
    assert xml.count(" SEQ Article \\* ARABIC ") == 4 and xml.count(" SEQ Article_en \\* ARABIC ") == 4
    assert xml.count(" SEQ Chapter \\* ARABIC ") == 2 and xml.count(" SEQ Chapter_en \\* ROMAN ") == 2
    assert "REF _Ref_art_4 \\h" in xml and "REF _Ref_en_art_4 \\h" in xml  # each column refers within itself
    assert 'w:name="_Ref_art_4"' in xml and 'w:name="_Ref_en_art_4"' in xml
    assert "Статья " in xml and "Article " in xml and "Русский" in xml and "English" in xml
    names = re.findall(r'w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"', xml)
    assert len({i for i, _ in names}) == len(names) and len({n for _, n in names}) == len(names)
    assert '<w:tblBorders><w:top w:val="nil"/>' in xml and "<w:tblHeader/>" in xml


def test_footnotes_of_both_columns_have_their_own_ids(mini_ru: Path) -> None:
    edit(mini_ru / "config-ru.yaml", "version: \"1.0\"", "version: \"1.0\"\nsources: footnotes")
    data, xml = _body(mini_ru)
    ids = re.findall(r'w:footnoteReference w:id="(\d+)"', xml)
    assert len(ids) == 8 and len(set(ids)) == 8  # four articles with sources, in two languages
    import io
    import zipfile

    notes = zipfile.ZipFile(io.BytesIO(data)).read("word/footnotes.xml").decode("utf-8")
    assert "Источники:" in notes and "Sources:" in notes


def test_an_arabic_column_is_right_to_left(texts) -> None:
    russian, english = texts
    arabic = replace(english, meta=replace(english.meta, language="ar"))
    xml = document_xml(write_parallel_docx(pair_documents(russian, arabic))).decode("utf-8")
    assert "<w:bidi/>" in xml and "العربية" in xml and "<w:bidiVisual/>" not in xml
    first_arabic = document_xml(write_parallel_docx(pair_documents(arabic, russian))).decode("utf-8")
    assert "<w:bidiVisual/>" in first_arabic and '<w:bidi w:val="0"/>' in first_arabic


# --- the command ------------------------------------------------------------------------------


def test_the_command_writes_word_and_markdown(mini_ru: Path, run_cli) -> None:
    out = mini_ru / "ru-en.docx"
    result = run_cli("build", mini_ru / "config-ru.yaml", "--parallel", "en", "-o", out)
    assert result.exit_code == 0 and out.stat().st_size > 10_000
    md = mini_ru / "ru-en.md"
    assert run_cli("build", mini_ru / "config-ru.yaml", "--parallel", "en", "-o", md).exit_code == 0
    text = md.read_text(encoding="utf-8")
    assert text.index("### Статья 3.") < text.index("### Article 3.") < text.index("### Статья 4.")
    assert "## Глава 2. Преступления / Chapter II. Offences" in text


def test_the_language_option_chooses_the_first_column(mini_ru: Path) -> None:
    out = mini_ru / "en-ru.md"
    parallel_to_file(mini_ru / "config-ru.yaml", out, "ru", language="en")
    text = out.read_text(encoding="utf-8")
    assert text.index("### Article 1.") < text.index("### Статья 1.")


def test_bad_parallel_requests_are_refused_with_codes(mini_ru: Path, run_cli) -> None:
    config = mini_ru / "config-ru.yaml"
    same = run_cli("build", config, "--parallel", "ru", "-o", mini_ru / "x.docx")
    assert same.exit_code == 1 and _codes(same) == ["PAR002"]
    unknown = run_cli("build", config, "--parallel", "xx", "-o", mini_ru / "x.docx")
    assert unknown.exit_code == 1 and _codes(unknown) == ["CFG014"] and "supported languages" in unknown.stderr
    html = run_cli("build", config, "--parallel", "en", "-o", mini_ru / "x.html")
    assert html.exit_code == 1 and _codes(html) == ["OUT011"]
    akn = run_cli("build", config, "--parallel", "en", "-o", mini_ru / "x.xml")
    assert akn.exit_code == 1 and _codes(akn) == ["OUT011"]
    untranslated = run_cli("build", config, "--parallel", "ar", "-o", mini_ru / "x.docx")
    assert untranslated.exit_code == 1 and set(_codes(untranslated)) == {"TRN001"}
    assert not list(mini_ru.glob("x.*"))


def test_the_api_reports_an_unknown_language_as_cfg014(mini_ru: Path) -> None:
    with pytest.raises(ConfigError) as caught:
        parallel_to_file(mini_ru / "config-ru.yaml", mini_ru / "x.docx", "xx")
    assert caught.value.diagnostics[0].code == "CFG014"
    with pytest.raises(ConfigError) as first:
        parallel_to_file(mini_ru / "config-ru.yaml", mini_ru / "x.docx", "en", language="xx")
    assert first.value.diagnostics[0].code == "CFG014"


def test_a_translated_heading_of_no_chapter_is_an_error(mini_ru: Path) -> None:
    edit(mini_ru / "config-ru.yaml", "Преступления: Offences", "Преступления: Offences, Нет такой: None")
    with pytest.raises(ConfigError) as caught:
        build_document(mini_ru / "config-ru.yaml", language="en")
    [problem] = caught.value.diagnostics
    assert problem.code == "CFG035" and "Нет такой" in problem.message and problem.location.line


# --- --language on the other commands, and the catalogue in two languages ---------------------


def test_other_commands_take_a_language(mini_ru: Path, run_cli) -> None:
    config = mini_ru / "config-ru.yaml"
    concordance = mini_ru / "concordance.md"
    assert run_cli("annex", "concordance", config, "--language", "en", "-o", concordance).exit_code == 0
    assert "Mini Law on Artificial Intelligence" in concordance.read_text(encoding="utf-8")
    compared = mini_ru / "compare.md"
    assert run_cli("compare", mini_ru / "config.yaml", config, "--language", "ru", "-o", compared).exit_code == 0
    assert "unchanged 4" in run_cli("compare", mini_ru / "config.yaml", config, "--language", "ru", "-o", compared).output
    shown = run_cli("clauses", "show", "offences.ai-tools", "--library", mini_ru / "library", "--language", "ru")
    assert shown.exit_code == 0 and "Предоставление систем искусственного интеллекта" in shown.output
    assert "предусмотренное частью 1 настоящей статьи" in shown.output and "Составлен по образцу" in shown.output
    book = mini_ru / "book.docx"
    assert run_cli("library", "book", "--library", mini_ru / "library", "--language", "ru", "-o", book).exit_code == 0
    assert "Статья 1" in document_xml(book.read_bytes()).decode("utf-8")


@pytest.mark.parametrize("command", [
    ["annex", "concordance", "CONFIG", "-o", "OUT.md"],
    ["compare", "CONFIG", "CONFIG", "-o", "OUT.md"],
    ["clauses", "show", "offences.ai-tools", "--library", "LIB"],
    ["library", "book", "--library", "LIB", "-o", "OUT.docx"],
    ["library", "guide", "CONFIG", "-o", "OUT.md"],
])
def test_an_unknown_language_is_cfg014_everywhere(mini_ru: Path, run_cli, command: list[str]) -> None:
    names = {"CONFIG": str(mini_ru / "config-ru.yaml"), "OUT.md": str(mini_ru / "out.md"), "OUT.docx": str(mini_ru / "out.docx"),
             "LIB": str(mini_ru / "library")}
    result = run_cli(*[names.get(a, a) for a in command], "--language", "klingon")
    assert result.exit_code == 1 and _codes(result) == ["CFG014"] and "ru (Russian)" in result.stderr
    assert not list(mini_ru.glob("out.*"))


def test_a_clause_or_book_without_a_translation_is_trn001(mini_ru: Path, run_cli) -> None:
    (mini_ru / "library/offences/ai-tools.ru.yaml").unlink()
    shown = run_cli("clauses", "show", "offences.ai-tools", "--library", mini_ru / "library", "--language", "ru")
    assert shown.exit_code == 1 and _codes(shown) == ["TRN001"]
    book = run_cli("library", "book", "--library", mini_ru / "library", "--language", "ru", "-o", mini_ru / "book.docx")
    assert book.exit_code == 1 and _codes(book) == ["TRN001"] and "offences.ai-tools" in book.stderr
    assert not (mini_ru / "book.docx").exists()


def test_the_catalogue_offers_each_translation_and_searches_cyrillic(mini_ru: Path, run_cli) -> None:
    import html as html_module

    site = mini_ru / "site"
    assert run_cli("catalogue", "--library", mini_ru / "library", "-o", site).exit_code == 0
    english = (site / "clauses/offences.ai-tools.html").read_text(encoding="utf-8")
    russian = (site / "clauses/offences.ai-tools.ru.html").read_text(encoding="utf-8")
    assert 'href="../clauses/offences.ai-tools.ru.html">Русский</a>' in english
    assert 'href="../clauses/offences.ai-tools.html">English</a>' in russian and '<div lang="ru">' in russian
    assert "Предоставление систем искусственного интеллекта в террористических целях" in russian
    assert "лишением свободы на срок до" in russian and "Составлен по образцу состава" in russian
    rows = re.findall(r'<tr data-family="[^"]*" data-status="[^"]*" data-search="([^"]*)">\s*<td><a href="clauses/([^"]+)\.html"', 
                      (site / "index.html").read_text(encoding="utf-8"))
    query = "Лишением Свободы".casefold().split()  # what search.js does: lower case, every word
    found = [clause for text, clause in rows if all(word in html_module.unescape(text) for word in query)]
    assert found == ["offences.ai-tools"]


def test_clauses_list_searches_the_translation(mini_ru: Path, run_cli) -> None:
    result = run_cli("clauses", "list", "--library", mini_ru / "library", "--language", "ru", "--search", "гуманитарную")
    assert result.exit_code == 0 and "humanitarian.exemption" in result.output and "1 module(s)" in result.output
    plain = run_cli("clauses", "list", "--library", mini_ru / "library", "--search", "гуманитарную")
    assert "0 module(s)" in plain.output
