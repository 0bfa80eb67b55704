"""The authority registry: authority() names a designated body; the designation article lists those used."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.api import build_document
from modellaw.errors import DraftingError
from modellaw.compare import article_lines
from tests.conftest import build_file_tree, edit

REGISTRY = """authorities:
  ai-supervisor: {name: "the [AI supervisory authority]", function: supervising AI systems}
  review-court: {name: "the [competent court]", function: hearing appeals}
  unused-body: {name: "the [unused body]", function: nothing here}
"""

DESIGNATION = """id: general.designation
title: Designation
version: 1.0.0
status: recommended
summary: Lists the designated authorities.
text: |
  The following are designated:
  {% for d in designated_authorities %}- {{ d.name }}, for {{ d.function }};
  {% endfor %}
commentary: {purpose: Lists them.}
sources: [{instrument: unscr-1373, pinpoint: "op. 1", relation: see-also, verification: known}]
implements: [rec-spb-model-framework]
"""


@pytest.fixture
def registry(mini: Path) -> Path:
    """The mini library with a registry, a designation clause and two authority() calls."""
    build_file_tree(mini / "library", {"authorities.yaml": REGISTRY, "general/designation.yaml": DESIGNATION})
    edit(mini / "library/humanitarian/exemption.yaml", "The {{ granting_authority }} shall decide",
         '{{ Authority("ai-supervisor") }} shall decide')
    edit(mini / "library/humanitarian/exemption.yaml", "may be appealed.", 'may be appealed to {{ authority("review-court") }}.')
    edit(mini / "config.yaml", "clauses: [general.purpose, definitions]", "clauses: [general.purpose, general.designation, definitions]")
    edit(mini / "config.yaml", "parameters:", "options: {humanitarian.exemption: B}\nparameters:")
    return mini


def _text(config: Path) -> str:
    document = build_document(config).document
    return "\n".join(line for article in document.articles() for line in article_lines(article))


def test_authority_prints_the_default_name_capitalised_at_sentence_start(registry: Path) -> None:
    text = _text(registry / "config.yaml")
    assert "The [AI supervisory authority] shall decide" in text
    assert "may be appealed to the [competent court]." in text


def test_designated_name_replaces_the_default_everywhere(registry: Path) -> None:
    edit(registry / "config.yaml", "parameters:", 'authorities: {ai-supervisor: "the Online Safety Commissioner"}\nparameters:')
    text = _text(registry / "config.yaml")
    assert "The Online Safety Commissioner shall decide" in text
    assert "the Online Safety Commissioner, for supervising AI systems;" in text


def test_designation_lists_only_authorities_used_in_order_of_first_mention(registry: Path) -> None:
    text = _text(registry / "config.yaml")
    first, second = text.index("the [AI supervisory authority], for"), text.index("the [competent court], for")
    assert first < second
    assert "[unused body]" not in text


def test_unknown_authority_in_a_template_is_located(registry: Path) -> None:
    edit(registry / "library/humanitarian/exemption.yaml", 'authority("review-court")', 'authority("review-cuort")')
    with pytest.raises(DraftingError) as caught:
        build_document(registry / "config.yaml")
    [problem] = [p for p in caught.value.diagnostics if p.code == "AUT004"]
    assert "review-court" in problem.message and problem.location.file.endswith("exemption.yaml")


def test_unknown_authority_in_the_config_is_located(registry: Path) -> None:
    edit(registry / "config.yaml", "parameters:", "authorities: {ai-supervsor: Ofcom}\nparameters:")
    with pytest.raises(DraftingError) as caught:
        build_document(registry / "config.yaml")
    [problem] = [p for p in caught.value.diagnostics if p.code == "RES030"]
    assert "ai-supervisor" in problem.message and problem.location.line


def test_authority_declared_twice_is_an_error(registry: Path) -> None:
    build_file_tree(registry, {"extra/authorities.yaml": REGISTRY, "extra/general/x.yaml": DESIGNATION.replace("general.designation", "general.x")})
    edit(registry / "config.yaml", "library: [library]", "library: [library, extra]")
    with pytest.raises(DraftingError) as caught:
        build_document(registry / "config.yaml")
    assert "AUT003" in {p.code for p in caught.value.diagnostics}


def test_a_parameter_may_not_take_a_helper_name(registry: Path) -> None:
    edit(registry / "library/humanitarian/exemption.yaml", "granting_authority: {type", "authority: {type")
    with pytest.raises(DraftingError) as caught:
        build_document(registry / "config.yaml")
    assert any("template helper" in p.message for p in caught.value.diagnostics)
