"""The implementation guide: notes leave the article commentary and are gathered by chapter and article."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.build import build_document
from modellaw.guide import implementation_guide
from modellaw.writers.markdown import write_markdown
from tests.conftest import edit

NOTES = ("  implementation:\n    general: Designate the prosecutor's unit.\n"
         "    civil_law: Place the offence in the special part of the criminal code.\n"
         "    common_law: Add the offence to the schedule of terrorism offences.\n")


@pytest.fixture
def noted(mini: Path) -> Path:
    edit(mini / "library" / "offences" / "ai-tools.yaml", "  status_basis: Good practice;", NOTES + "  status_basis: Good practice;")
    return mini


def test_notes_leave_the_article_and_enter_the_guide(noted: Path):
    document = build_document(noted / "config.yaml").document
    law = write_markdown(document)
    assert "special part of the criminal code" not in law and "Implementation" not in law
    guide = implementation_guide(document)
    [section] = guide.sections
    assert section.heading.startswith("Article 3. ")
    assert section.note == "Chapter II. Offences"
    assert section.items == (
        "Implementation. Designate the prosecutor's unit.",
        "Implementation in civil-law systems. Place the offence in the special part of the criminal code.",
        "Implementation in common-law systems. Add the offence to the schedule of terrorism offences.",
    )


def test_guide_command_writes_markdown_and_word(noted: Path, run_cli):
    for name in ("guide.md", "guide.docx"):
        result = run_cli("library", "guide", noted / "config.yaml", "-o", noted / name)
        assert result.exit_code == 0, result.output
    text = (noted / "guide.md").read_text(encoding="utf-8")
    assert "Implementation guide" in text and "schedule of terrorism offences" in text
    assert (noted / "guide.docx").stat().st_size > 1000


def test_config_can_append_the_guide_as_an_annex(noted: Path, run_cli):
    edit(noted / "config.yaml", "structure:", "annexes: [concordance, implementation-guide]\nstructure:")
    result = run_cli("build", noted / "config.yaml", "-o", noted / "law.md")
    assert result.exit_code == 0, result.output
    text = (noted / "law.md").read_text(encoding="utf-8")
    assert text.index("Annex 1 — Concordance") < text.index("Annex 2 — Implementation guide") < text.index("schedule of terrorism offences")


def test_a_law_without_notes_gets_a_guide_that_says_so(mini: Path):
    guide = implementation_guide(build_document(mini / "config.yaml").document)
    assert [s.heading for s in guide.sections] == ["No implementation notes"]
