"""Nothing a reader sees shows the toolkit's internals: no clause ids, recommendation ids,
parameter names, the word "parameter" in its toolkit sense, the catalogue, or seed file names.

Scanned: the default law (Markdown and the text of the Word file), its concordance annex, its
implementation guide and a comparison with a variant. Clause ids stay where reviewers need
them (the review book, Word custom properties), which are not scanned here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from modellaw.annex import comparison, concordance
from modellaw.api import load
from modellaw.build import build_document
from modellaw.catalogue import load_catalogue
from modellaw.guide import implementation_guide
from modellaw.resources import default_config
from modellaw.writers.annex_markdown import write_annex_markdown
from modellaw.writers.docx import write_docx
from modellaw.writers.markdown import write_markdown
from tests.conftest import document_xml

FORBIDDEN = [
    (re.compile(r"\brec-[a-z]+-[a-z0-9-]+"), "a recommendation id"),
    (re.compile(r"\bparameter\b", re.IGNORECASE), "the word 'parameter'"),
    (re.compile(r"\b(?:are|as|is)\s+parameters\b", re.IGNORECASE), "'parameters' in the toolkit's sense"),
    (re.compile(r"\bcatalogue\b", re.IGNORECASE), "the catalogue"),
    (re.compile(r"\.ya?ml\b|\b\d{3}_[0-9a-f]{16}\b|\.txt\b"), "a file name"),
]


@pytest.fixture(scope="module")
def reader_texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    """Return name -> text of every reader-facing document built from the default config."""
    law = build_document().document
    variant_config = tmp_path_factory.mktemp("variant") / "law.yaml"
    variant_config.write_text(default_config().read_text(encoding="utf-8")
                              + "options: {general.scope: B}\nparameters: {offences.ai-system-interference: {max_imprisonment_years: 12}}\n",
                              encoding="utf-8")
    variant = build_document(variant_config).document
    word = re.sub(r"<[^>]+>", " ", document_xml(write_docx(law)).decode("utf-8"))
    return {
        "law": write_markdown(law),
        "law.docx": word,
        "concordance": write_annex_markdown(concordance(law, load_catalogue())),
        "guide": write_annex_markdown(implementation_guide(law)),
        "comparison": write_annex_markdown(comparison(law, variant)),
    }


def test_the_comparison_has_something_to_show(reader_texts: dict[str, str]):
    assert "Option A → B" in reader_texts["comparison"] and "Value changed: 15 → 12" in reader_texts["comparison"]


@pytest.mark.parametrize("name", ["law", "law.docx", "concordance", "comparison"])
def test_no_ids_parameter_names_or_file_names(name: str, reader_texts: dict[str, str]):
    text = reader_texts[name]
    library = load([])
    found = [f"{what}: {m.group()!r}" for pattern, what in FORBIDDEN for m in pattern.finditer(text)]
    found += [f"clause id {cid!r}" for cid in library.entries if "." in cid and re.search(rf"(?<![\w-]){re.escape(cid)}(?![\w-])", text)]
    names = {p for e in library.entries.values() for p in e.module.parameters if "_" in p}
    found += [f"parameter name {p!r}" for p in sorted(names) if re.search(rf"\b{p}\b", text)]
    assert found == []


def test_recommendations_are_cited_as_a_person_would(reader_texts: dict[str, str]):
    assert "St Petersburg outcome document (2025), section 4" in reader_texts["law"]
    assert "Rome outcome document (2024), recommendations, part 1" in reader_texts["concordance"]


def test_every_recommendation_has_a_citation():
    recommendations = load_catalogue().recommendations.values()
    assert [r.id for r in recommendations if not r.citation] == []
    assert all(re.search(r"\((?:\d+ \w+ )?\d{4}\)", r.citation or "") for r in recommendations)


def test_the_guide_names_no_clause_or_recommendation_ids(reader_texts: dict[str, str]):
    text = reader_texts["guide"]
    assert not re.search(r"\brec-[a-z]+-", text)
    assert not [cid for cid in load([]).entries if "." in cid and re.search(rf"(?<![\w-]){re.escape(cid)}(?![\w-])", text)]


def test_review_book_keeps_clause_ids_for_reviewers(tmp_path: Path, run_cli):
    result = run_cli("library", "book", "-o", tmp_path / "book.docx")
    assert result.exit_code == 0, result.output
    assert b"general.scope" in document_xml((tmp_path / "book.docx").read_bytes())
