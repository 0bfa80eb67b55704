"""RESOLVE: parameter typing, defaults, options."""

from pathlib import Path

from modellaw.build import build_document
from modellaw.ir import OptionGroup, plain_text
from modellaw.walk import iter_inlines
from tests.conftest import edit


def article_text(result, clause_id: str) -> str:
    article = next(a for a in result.document.articles() if a.clause_id == clause_id)
    return plain_text(tuple(iter_inlines(article)))


def test_config_values_print_plain_and_defaults_bracketed_in_model_mode(mini: Path):
    result = build_document(mini / "config.yaml")
    assert "not exceeding 12 years" in article_text(result, "offences.ai-tools")
    assert "within [30 days]" in article_text(result, "humanitarian.exemption")


def test_enactment_mode_takes_the_chosen_option_only(mini: Path):
    edit(mini / "config.yaml", "parameters:", "options: {humanitarian.exemption: B}\nparameters:")
    result = build_document(mini / "config.yaml", mode="enactment")
    text = article_text(result, "humanitarian.exemption")
    assert "within 30 days" in text and "Red Cross" not in text
    article = next(a for a in result.document.articles() if a.clause_id == "humanitarian.exemption")
    assert not any(isinstance(b, OptionGroup) for b in article.body)
    assert article.option == "B"


def test_enactment_mode_warns_about_placeholders_left(mini: Path):
    edit(mini / "config.yaml", "parameters:", "options: {humanitarian.exemption: B}\nparameters:")
    result = build_document(mini / "config.yaml", mode="enactment")
    assert any(w.code == "CHK001" and "[competent authority]" in w.message for w in result.warnings)


def test_duration_and_list_values_are_checked_and_used(mini: Path):
    edit(mini / "config.yaml", "{max_years: 12}", '{max_years: 12}\n  humanitarian.exemption: {decision_period: "2 weeks", actors: [the ICRC]}')
    text = article_text(build_document(mini / "config.yaml"), "humanitarian.exemption")
    assert "within 2 weeks" in text and "the ICRC" in text


def test_boolean_parameter_switches_text(mini: Path):
    edit(mini / "config.yaml", "{max_years: 12}", "{max_years: 12, preparatory_acts: false}")
    assert "adaptation" not in article_text(build_document(mini / "config.yaml"), "offences.ai-tools")


def test_capitalised_this_law_for_sentence_starts(mini: Path):
    edit(mini / "library/general/purpose.yaml", "The purpose of {{ this_law }} is", "{{ This_law }} has the purpose")
    assert "This Law has the purpose" in article_text(build_document(mini / "config.yaml"), "general.purpose")
