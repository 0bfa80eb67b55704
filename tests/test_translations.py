"""Translations: tied to their source (missing, stale, mismatched), and a whole law built in Russian."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from modellaw.api import build_document
from modellaw.compare import article_lines
from modellaw.errors import DraftingError
from modellaw.writers.markdown import write_markdown
from tests.conftest import build_file_tree, edit

LIB = "library"
RU_TOOLS = "library/offences/ai-tools.ru.yaml"


def _codes(result) -> list[str]:
    return re.findall(r"\[(\w+)\]", result.output + (result.stderr or ""))


def _lint(run_cli, mini: Path, *extra: str):
    return run_cli("lint", "--library", mini / LIB, *extra)


def test_the_russian_mini_law_lints_clean_and_builds(mini_ru: Path, run_cli) -> None:
    assert "0 error(s)" in _lint(run_cli, mini_ru, "--language", "ru").output
    document = build_document(mini_ru / "config-ru.yaml").document
    text = "\n".join(line for a in document.articles() for line in article_lines(a))
    assert "Целью настоящего Закона является предупреждение использования систем искусственного интеллекта" in text
    assert "предусмотренное частью 1 настоящей статьи" in text  # a reference in the instrumental case
    assert "с учетом статьи 4" in text  # a cross-article reference in the genitive
    assert "в течение [30 дней]" in text  # a duration in Russian, bracketed as a default
    assert [d.label for d in document.divisions] == ["Глава 1", "Глава 2"]
    assert document.articles()[1].title == "Основные понятия, используемые в настоящем Законе"


def test_definitions_are_sorted_by_russian_collation(mini_ru: Path) -> None:
    definitions = build_document(mini_ru / "config-ru.yaml").document.articles()[1]
    terms = [p.inlines[0].text for p in definitions.body[0].points]
    assert terms == ["преступление террористического характера", "система искусственного интеллекта", "террористическая цель"]


def test_a_missing_translation_is_an_error_for_a_language_asked_for(mini_ru: Path, run_cli) -> None:
    (mini_ru / RU_TOOLS).unlink()
    result = _lint(run_cli, mini_ru, "--language", "ru")
    line = next(ln for ln in result.output.splitlines() if "[TRN001]" in ln)
    assert "ai-tools.yaml:1" in line and "offences/ai-tools.ru.yaml" in line
    assert "[TRN001]" not in _lint(run_cli, mini_ru).output  # no language asked for: nothing missing
    built = run_cli("build", mini_ru / "config-ru.yaml", "-o", mini_ru / "ru.docx")
    assert built.exit_code == 1 and "[TRN001]" in built.stderr and not (mini_ru / "ru.docx").exists()


def test_a_stale_translation_is_reported_and_fails_a_strict_build(mini_ru: Path, run_cli) -> None:
    edit(mini_ru / LIB / "offences/ai-tools.yaml", "journalism; or", "journalism or teaching; or")
    result = _lint(run_cli, mini_ru, "--language", "ru")
    line = next(ln for ln in result.output.splitlines() if "[TRN002]" in ln)
    assert "ai-tools.ru.yaml:1" in line and "stale" in line and "source_hash:" in line
    assert run_cli("build", mini_ru / "config-ru.yaml", "-o", mini_ru / "ru.docx").exit_code == 0
    strict = run_cli("build", mini_ru / "config-ru.yaml", "-o", mini_ru / "strict.docx", "--strict")
    assert strict.exit_code == 1 and "[TRN002]" in strict.stderr and not (mini_ru / "strict.docx").exists()


@pytest.mark.parametrize(("old", "new", "code"), [
    ("{{ max_years }} лет", "{{ max_years }} лет и {{ fine }}", "TRN003"),
    ('{{ ref("humanitarian.exemption", "", "gen") }}', "статьи 4", "TRN004"),
    ('{{ term("ai-system", "gen") }}', "системы ИИ", "TRN004"),
    ("{:exclusions} ", "", "TRN005"),
])
def test_a_translation_whose_templates_differ_from_the_source_is_an_error(mini_ru: Path, run_cli, old, new, code) -> None:
    edit(mini_ru / RU_TOOLS, old, new)
    result = _lint(run_cli, mini_ru)
    assert result.exit_code == 1 and f"[{code}]" in result.output, result.output
    assert "ai-tools.ru.yaml:" in next(ln for ln in result.output.splitlines() if f"[{code}]" in ln)


def test_a_translation_with_an_extra_parameter_or_other_options_is_an_error(mini_ru: Path, run_cli) -> None:
    edit(mini_ru / "library/humanitarian/exemption.ru.yaml", "parameters:\n", "parameters:\n  fee: {default: нет}\n")
    edit(mini_ru / "library/humanitarian/exemption.ru.yaml", "    B:\n", "    C: {label: Третий, text: Текст.}\n    B:\n")
    codes = _codes(_lint(run_cli, mini_ru))
    assert "TRN003" in codes and "TRN006" in codes


def test_a_misnamed_translation_and_one_of_an_unknown_module(mini_ru: Path, run_cli) -> None:
    text = (mini_ru / RU_TOOLS).read_text(encoding="utf-8")
    build_file_tree(mini_ru / LIB, {"offences/other.ru.yaml": text, "offences/ghost.ru.yaml": text.replace("of: offences.ai-tools", "of: offences.ghost")})
    codes = _codes(_lint(run_cli, mini_ru))
    assert "TRN007" in codes and "TRN008" in codes


def test_a_translation_that_is_not_valid_yaml_is_located(mini_ru: Path, run_cli) -> None:
    edit(mini_ru / RU_TOOLS, "title: ", "title: [")
    result = run_cli("build", mini_ru / "config-ru.yaml", "-o", mini_ru / "ru.docx")
    assert result.exit_code == 1 and "[YAML001]" in result.stderr and "ai-tools.ru.yaml:" in result.stderr


def test_an_unknown_term_form_lists_the_forms_there_are(mini_ru: Path) -> None:
    edit(mini_ru / "library/general/purpose.ru.yaml", '"pl.gen"', '"pl.dat"')
    with pytest.raises(DraftingError) as caught:
        build_document(mini_ru / "config-ru.yaml")
    [problem] = [d for d in caught.value.diagnostics if d.code == "DEF006"]
    assert "'pl.gen'" in problem.message and "purpose.ru.yaml" in problem.location.file


def test_a_reference_in_an_unknown_case_is_located(mini_ru: Path) -> None:
    edit(mini_ru / RU_TOOLS, '"offence", "ins"', '"offence", "loc"')
    with pytest.raises(DraftingError) as caught:
        build_document(mini_ru / "config-ru.yaml")
    [problem] = [d for d in caught.value.diagnostics if d.code == "REF005"]
    assert "'loc'" in problem.message and "ai-tools.ru.yaml" in problem.location.file


def test_an_unknown_language_is_an_error_listing_the_supported_ones(mini_ru: Path, run_cli) -> None:
    edit(mini_ru / "config.yaml", "short_title: Mini Law", "short_title: Mini Law\nlanguage: xx")
    result = run_cli("build", mini_ru / "config.yaml", "-o", mini_ru / "out.docx")
    assert result.exit_code == 1 and "[CFG014]" in result.stderr and "en (English), ru (Russian)" in result.stderr
    flag = run_cli("build", mini_ru / "config.yaml", "-o", mini_ru / "out.docx", "--language", "klingon")
    assert flag.exit_code == 2 and "supported languages" in flag.output


def test_a_stub_carries_the_current_hash_and_the_source_words(mini_ru: Path, run_cli) -> None:
    (mini_ru / RU_TOOLS).unlink()
    result = run_cli("translation", "stub", "offences.ai-tools", "--language", "ru", "--library", mini_ru / LIB)
    assert result.exit_code == 0 and "source_hash:" in result.output and "{:offence}" in result.output
    (mini_ru / RU_TOOLS).write_text(result.output, encoding="utf-8")
    linted = _lint(run_cli, mini_ru, "--language", "ru")
    assert "[TRN002]" not in linted.output and "[TRN001]" not in linted.output and "0 error(s)" in linted.output


def test_state_in_declines_the_placeholder_and_uses_the_configs_forms(mini_ru: Path):
    from modellaw.render import RenderContext
    from modellaw.languages.grammar import grammar_for
    from modellaw.vocabulary import vocabulary

    def context(state: str, forms: dict[str, str]) -> RenderContext:
        return RenderContext(None, False, False, state, None, None, vocabulary("ru"), grammar=grammar_for("ru", "cis"), state_forms=forms)

    assert context("[государство]", {})._state_in("gen") == "[государства]"
    assert context("Республика Истландия", {"gen": "Республики Истландия"})._state_in("gen") == "Республики Истландия"
    assert context("Республика Истландия", {"gen": "Республики Истландия"})._state_in("nom") == "Республика Истландия"
    english = RenderContext(None, False, False, "Northland", None, None)
    assert english._state_in("gen") == "Northland"


def test_the_state_placeholder_prints_in_the_documents_language(mini_ru: Path):
    text = write_markdown(build_document(mini_ru / "config-ru.yaml").document)
    assert "[State]" not in text
