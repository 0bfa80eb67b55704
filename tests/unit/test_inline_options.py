"""Inline options: phrases inside a sentence, bracketed in model mode, the chosen phrase in enactment."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from modellaw.build import build_document
from modellaw.ir import Alternatives, plain_text
from modellaw.schema.clause import ClauseModule
from modellaw.walk import iter_inlines
from modellaw.writers.docx import write_docx
from modellaw.writers.markdown import write_markdown
from tests.conftest import document_xml, edit

INLINE = '''options:
  default: B
  inline: true
  choices:
    A: {label: Any system, text: 'any {{ term("ai-system") }}'}
    B: {label: Systems of critical infrastructure, text: 'an {{ term("ai-system") }} used by critical infrastructure'}
'''


def _module(**changes: object) -> dict:
    data = {"id": "general.thing", "title": "Thing", "version": "1.0.0", "status": "optional", "summary": "A test clause.",
            "text": "This applies to {{ options }} only.", "commentary": {"purpose": "For the inline option tests."},
            "options": {"default": "A", "inline": True, "choices": {"A": {"label": "One", "text": "one"}, "B": {"label": "Two", "text": "two"}}}}
    data.update(changes)
    return data


def test_a_valid_inline_module_loads():
    assert ClauseModule.model_validate(_module()).options.inline


@pytest.mark.parametrize("changes, message", [
    ({"text": "This applies to all."}, "exactly once"),
    ({"text": "This applies to {{ options }}.\n@options\n"}, "not '@options'"),
    ({"options": {"default": "A", "inline": True, "choices": {"A": {"label": "One", "text": "one\n\ntwo"}, "B": {"label": "Two", "text": "x"}}}}, "one line"),
])
def test_malformed_inline_modules_are_refused(changes: dict, message: str):
    with pytest.raises(ValidationError, match=message):
        ClauseModule.model_validate(_module(**changes))


@pytest.fixture
def inline_mini(mini: Path) -> Path:
    purpose = mini / "library" / "general" / "purpose.yaml"
    edit(purpose, "text: |\n  The purpose of {{ this_law }} is to prevent the use of {{ term(\"ai-system\", \"plural\") }}",
         INLINE + "text: |\n  The purpose of {{ this_law }} is to prevent the use of {{ options }}")
    edit(purpose, "commentary:\n  purpose: Sets out", "commentary:\n  options: Choose the narrower phrase where needed.\n  purpose: Sets out")
    return mini


def test_model_mode_brackets_every_phrase_in_the_sentence(inline_mini: Path):
    document = build_document(inline_mini / "config.yaml").document
    purpose = document.articles()[0]
    [paragraph] = purpose.body
    node = next(n for n in paragraph.inlines if isinstance(n, Alternatives))
    assert [(v.key, v.chosen) for v in node.variants] == [("A", False), ("B", True)]
    assert "prevent the use of [Option A: any AI system / Option B: an AI system used by critical infrastructure] for a" in plain_text(paragraph.inlines)
    assert any(n.__class__.__name__ == "Term" and n.term_id == "ai-system" for n in iter_inlines(purpose))
    markdown = write_markdown(document)
    assert "prevent the use of \\[*Option A:* any AI system / *Option B:* an AI system used by critical infrastructure\\] for a" in markdown
    xml = write_docx(document)
    assert b"Option B: " in document_xml(xml)


def test_enactment_prints_the_chosen_phrase_only(inline_mini: Path):
    edit(inline_mini / "config.yaml", "title:", "mode: enactment\ntitle:")
    document = build_document(inline_mini / "config.yaml").document
    text = plain_text(document.articles()[0].body[0].inlines)
    assert "prevent the use of an AI system used by critical infrastructure for a" in text
    assert "Option" not in text and not any(isinstance(n, Alternatives) for n in iter_inlines(document.articles()[0]))

