"""Legal traditions as data: definitions placement and heading, enacting words, liability, explanatory note."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from modellaw.explanatory import wants_note
from modellaw.frontmatter import ENACTING_FORMULAS
from modellaw.languages.grammar import grammar_for
from modellaw.liability import liability_of
from modellaw.traditions import TRADITIONS, tradition
from modellaw.vocabulary import ARABIC, ENGLISH, RUSSIAN


def config(tradition_key: str = "cis", mode: str = "model", liability: str | None = None, note: bool | None = None) -> SimpleNamespace:
    """Return the parts of a config the tradition helpers read."""
    return SimpleNamespace(jurisdiction=SimpleNamespace(tradition=tradition_key), mode=mode, liability=liability, explanatory_note=note)


def test_every_tradition_the_config_schema_allows_has_data():
    from typing import get_args

    from modellaw.schema.config import Jurisdiction

    allowed = set(get_args(Jurisdiction.model_fields["tradition"].annotation))
    assert allowed == set(TRADITIONS)


def test_cis_puts_basic_concepts_first_and_names_them_in_each_language():
    cis = tradition("cis")
    assert cis.definitions_first
    assert cis.definitions_title(ENGLISH) == "Basic concepts used in this Law"
    assert cis.definitions_title(RUSSIAN) == "Основные понятия, используемые в настоящем Законе"
    assert cis.definitions_opening(ENGLISH) == "The following basic concepts are used in this Law:"
    assert cis.definitions_title(ARABIC) != cis.definitions_title(ENGLISH)


@pytest.mark.parametrize(("key", "heading", "opening"), [
    ("civil-law", "Definitions", "For the purposes of this Law:"),
    ("common-law", "Interpretation", "In this Act:"),
])
def test_other_traditions_keep_their_definitions_heading_where_the_structure_puts_it(key: str, heading: str, opening: str):
    form = tradition(key)
    assert not form.definitions_first
    assert (form.definitions_title(ENGLISH), form.definitions_opening(ENGLISH)) == (heading, opening)


def test_enacting_formulas_come_from_the_traditions():
    assert ENACTING_FORMULAS == {key: form.enacting_formula for key, form in TRADITIONS.items()}
    assert ENACTING_FORMULAS["cis"].startswith("Adopted by")


def test_cis_chapters_are_numbered_in_arabic_figures_in_english_too():
    assert grammar_for("en", "cis").division(4) == "Chapter 4"
    assert grammar_for("en", "cis").division_format == "ARABIC"
    assert grammar_for("en", "civil-law").division(4) == "Chapter IV"
    assert grammar_for("en", "common-law").division(4) == "Part 4"


@pytest.mark.parametrize(("key", "given", "expected"), [
    ("cis", None, "by-reference"), ("civil-law", None, "fixed"), ("common-law", None, "fixed"),
    ("cis", "fixed", "fixed"), ("civil-law", "by-reference", "by-reference"),
])
def test_liability_follows_the_tradition_unless_the_config_sets_it(key: str, given: str | None, expected: str):
    assert liability_of(config(key, liability=given)) == expected


@pytest.mark.parametrize(("key", "mode", "given", "expected"), [
    ("cis", "model", None, True), ("cis", "enactment", None, False), ("civil-law", "model", None, False),
    ("cis", "model", False, False), ("civil-law", "enactment", True, True), ("common-law", "model", True, True),
])
def test_explanatory_note_follows_the_tradition_in_model_mode_unless_the_config_sets_it(key: str, mode: str, given: bool | None, expected: bool):
    assert wants_note(config(key, mode, note=given)) is expected


def test_unknown_tradition_key_falls_back_to_civil_law():
    assert tradition("nonsense") is TRADITIONS["civil-law"]


def _enactment(language: str, name: str = "[State]", legislature: str = "Parliament", forms: dict | None = None, key: str = "cis"):
    from modellaw.schema.config import DocumentConfig

    return DocumentConfig.model_validate({
        "title": "Test law", "language": language, "mode": "enactment", "version": "1.0", "date": "2026-12-01",
        "jurisdiction": {"name": name, "tradition": key, "legislature": legislature, "forms": forms or {}},
        "structure": [{"chapter": "General", "clauses": ["general.purpose"]}],
    })


def test_enacting_formulas_speak_the_documents_language():
    from modellaw.frontmatter import enacting_formula

    assert enacting_formula(_enactment("en")) == "Adopted by the Parliament of [State]."
    assert enacting_formula(_enactment("ru")) == "[Парламент] [государства] принимает настоящий Закон."
    named = _enactment("ru", "Республика Истландия", "Верховный Совет", {"gen": "Республики Истландия"})
    assert enacting_formula(named) == "Верховный Совет Республики Истландия принимает настоящий Закон."
    assert "[البرلمان]" in enacting_formula(_enactment("ar", key="civil-law"))
