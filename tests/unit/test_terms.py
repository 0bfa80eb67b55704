"""RENDER: the assembled definitions article holds exactly the terms used."""

from pathlib import Path

import pytest

from modellaw.build import build_document
from modellaw.errors import CheckError
from modellaw.ir import DefinedTerm, Paragraph
from modellaw.terms import sort_key
from tests.conftest import edit


def defined_terms(result) -> list[str]:
    article = next(a for a in result.document.articles() if a.clause_id == "definitions")
    paragraph = article.body[0]
    assert isinstance(paragraph, Paragraph)
    return [p.inlines[0].text for p in paragraph.points if isinstance(p.inlines[0], DefinedTerm)]


def test_used_terms_and_the_terms_their_definitions_use_sorted(mini: Path):
    result = build_document(mini / "config.yaml")
    # "terrorist offence" is used only inside the definition of "terrorist purpose".
    assert defined_terms(result) == ["AI system", "terrorist offence", "terrorist purpose"]


def test_a_term_no_longer_used_leaves_the_article(mini: Path):
    edit(mini / "library/general/purpose.yaml", '{{ term("ai-system", "plural") }}', "new technologies")
    edit(mini / "library/offences/ai-tools.yaml", '{{ term("ai-system") }}', "tool")
    assert "AI system" not in defined_terms(build_document(mini / "config.yaml"))


def test_forced_unused_term_warns_and_fails_under_strict(mini: Path):
    edit(mini / "library/general/purpose.yaml", '{{ term("ai-system", "plural") }}', "new technologies")
    edit(mini / "library/offences/ai-tools.yaml", '{{ term("ai-system") }}', "tool")
    edit(mini / "config.yaml", "structure:", "terms: [ai-system]\nstructure:")
    result = build_document(mini / "config.yaml")
    assert [w.code for w in result.warnings] == ["DEF002"]
    assert "AI system" in defined_terms(result)
    with pytest.raises(CheckError):
        build_document(mini / "config.yaml", strict=True)


def test_last_definition_ends_with_a_full_stop_the_others_with_semicolons(mini: Path):
    article = next(a for a in build_document(mini / "config.yaml").document.articles() if a.clause_id == "definitions")
    endings = [p.inlines[-1].text[-1] for p in article.body[0].points]
    assert endings == [";", ";", "."]


def test_sort_key_ignores_case_and_accents():
    assert sorted(["Zeta", "état", "Alpha", "ebb"], key=sort_key) == ["Alpha", "ebb", "état", "Zeta"]


def test_terms_link_to_the_definition_text(mini: Path):
    from modellaw.ir import Term
    from modellaw.walk import iter_inlines

    doc = build_document(mini / "config.yaml").document
    terms = {n.text for a in doc.articles() for n in iter_inlines(a) if isinstance(n, Term)}
    assert terms == {"AI systems", "AI system", "terrorist purpose", "terrorist offence"}
