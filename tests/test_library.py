"""The built-in clause library and default law: complete, clean, sourced, original."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from modellaw.api import lint, load
from modellaw.build import build_document
from modellaw.catalogue import load_catalogue
from modellaw.schema.clause import ClauseModule

FAMILIES = {"general", "definitions", "offences", "aggravation", "humanitarian", "oversight", "state-use", "providers",
            "evidence", "cooperation", "jurisdiction", "institutions", "prevention", "final", "export-controls", "victims",
            "justice", "investigation", "confiscation", "virtual-assets", "competence"}
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture(scope="module")
def library():
    return load([])


@pytest.fixture(scope="module")
def default_law():
    return build_document(None)


def test_library_is_lint_clean_under_strict():
    assert [d.format() for d in lint([], strict=True)] == []


def test_at_least_45_modules_in_every_family(library):
    families = Counter(e.module.family for e in library.entries.values())
    assert sum(families.values()) >= 45
    assert set(families) == FAMILIES


def test_every_legislative_recommendation_is_answered_by_the_default_law(default_law):
    implemented = {r for a in default_law.document.articles() for r in a.implements}
    legislative = {r.id for r in load_catalogue().recommendations.values() if r.legislative}
    assert legislative - implemented == set()


def test_default_law_passes_every_safeguard_rule_without_warnings(default_law, library):
    assert len(library.rules) >= 10
    assert default_law.warnings == []


def test_every_clause_has_commentary_sources_and_status_basis(library):
    for entry in library.clauses():
        module = entry.module
        assert isinstance(module, ClauseModule)
        assert module.sources, module.id
        assert module.commentary.status_basis, module.id
        if module.options:
            assert module.commentary.options, module.id


def test_mandatory_clauses_cite_a_binding_instrument(library):
    instruments = load_catalogue().instruments
    for entry in library.clauses():
        if entry.module.status == "mandatory":
            assert any(instruments[s.instrument].binding for s in entry.module.sources), entry.module.id


def test_offence_penalties_are_bounded_parameters(library):
    for entry in library.clauses():
        module = entry.module
        for name, parameter in module.parameters.items():
            if "imprisonment" in name:
                assert parameter.type == "integer" and parameter.max is not None and parameter.max <= 30, (module.id, name)


def _title_runs() -> set[str]:
    """Return the ten-word runs of every catalogue instrument's full title."""
    return {run for instrument in load_catalogue().instruments.values() for run in _shingles(instrument.title)}


def _shingles(text: str, size: int = 10) -> set[str]:
    words = re.findall(r"[a-z0-9]+", text.lower())
    return {" ".join(words[i : i + size]) for i in range(len(words) - size + 1)}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="../shared/seeds not beside the checkout")
def test_clause_text_copies_no_ten_word_run_from_the_seed_documents(library):
    seed_runs: set[str] = set()
    for path in SEEDS.glob("*.txt"):
        seed_runs |= _shingles(path.read_text(encoding="utf-8"))
    titles = _title_runs()  # an instrument cited by its full title is a citation, not a copy
    for entry in library.entries.values():
        module = entry.module
        texts = [getattr(module, "text", ""), getattr(module, "definition", "")]
        texts += [c.text for c in module.options.choices.values()] if module.options else []
        copied = _shingles(" ".join(texts)) & seed_runs - titles
        assert not copied, (module.id, sorted(copied)[:3])
    introduction = load([]).introduction
    assert introduction is not None
    copied = _shingles(" ".join(p for s in introduction.sections for p in s.paragraphs)) & seed_runs
    assert not copied, ("introduction", sorted(copied)[:3])


def test_seed_catalogue_paraphrases_copy_no_ten_word_run():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds not beside the checkout")
    seed_runs: set[str] = set()
    for path in SEEDS.glob("*.txt"):
        seed_runs |= _shingles(path.read_text(encoding="utf-8"))
    for rec in load_catalogue().recommendations.values():
        assert not _shingles(rec.paraphrase) & seed_runs, rec.id


def test_common_law_example_builds_strict_in_enactment_mode():
    example = Path(__file__).resolve().parents[1] / "examples" / "common-law-bill.yaml"
    result = build_document(example, strict=True)
    document = result.document
    assert document.meta.mode == "enactment" and document.meta.tradition == "common-law"
    assert [d.label for d in document.divisions][:2] == ["Part 1", "Part 2"]
    assert all(a.label.startswith("Section ") for a in document.articles())
    from modellaw.ir import OptionGroup

    assert not any(isinstance(b, OptionGroup) for a in document.articles() for b in a.body)
