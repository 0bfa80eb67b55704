"""Status by paragraph: a marker in model mode only where it differs from the article's, none in enactment."""

from __future__ import annotations

from pathlib import Path

from modellaw.build import build_document
from modellaw.writers.docx import write_docx
from modellaw.writers.markdown import write_markdown
from tests.conftest import document_xml, edit


def _mini_with_status(mini: Path) -> Path:
    """The mini law whose offence article (recommended) has an optional and a recommended paragraph."""
    tools = mini / "library" / "offences" / "ai-tools.yaml"
    text = tools.read_text(encoding="utf-8")
    text = text.replace("text: |\n", "text: |\n  {!optional} A court may also order the forfeiture of the system.\n\n  {!recommended} The court shall give reasons.\n\n", 1)
    tools.write_text(text, encoding="utf-8")
    return mini


def test_model_mode_marks_only_the_paragraph_whose_status_differs(mini: Path):
    document = build_document(_mini_with_status(mini) / "config.yaml").document
    article = next(a for a in document.articles() if a.clause_id == "offences.ai-tools")
    assert [p.status for p in article.body[:2]] == ["optional", "recommended"]
    markdown = write_markdown(document)
    assert "1\\. *[Optional]* A court may also order the forfeiture" in markdown
    assert "2\\. The court shall give reasons." in markdown
    assert b"<w:t>[Optional]</w:t>" in document_xml(write_docx(document))


def test_enactment_mode_prints_no_paragraph_markers(mini: Path):
    config = _mini_with_status(mini) / "config.yaml"
    edit(config, "title:", "mode: enactment\ntitle:")
    document = build_document(config).document
    assert "[Optional]" not in write_markdown(document)
    assert b"[Optional]" not in write_docx(document)
