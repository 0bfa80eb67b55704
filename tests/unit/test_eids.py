"""AKN eIds computed from the IR: naming convention per tradition, options, definitions."""

from __future__ import annotations

from pathlib import Path

from modellaw.build import build_document
from modellaw.writers.eids import akn_eids, definition_eids

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def test_civil_law_eids_follow_the_naming_convention():
    document = build_document(None).document
    eids = akn_eids(document)
    assert eids["chp_1"] == "chp_1" and eids["art_3"] == "art_3"
    article = document.articles()[2]
    values = [eids[e] for e in eids if e.startswith("art_3__")]
    assert "art_3__para_1__point_a" in values and "art_3__hcontainer_A__para_4" in values and "art_3__hcontainer_B__para_4__point_b" in values
    assert article.eid == "art_3" and len(set(eids.values())) == len(eids)


def test_common_law_uses_parts_sections_and_subsections():
    document = build_document(EXAMPLES / "common-law-bill.yaml").document
    eids = akn_eids(document)
    assert eids["chp_1"] == "part_1" and eids["art_4"] == "sec_4"
    assert any(v.startswith("sec_4__subsec_1") for v in eids.values())


def test_each_defined_term_points_at_its_entry():
    document = build_document(None).document
    definitions = definition_eids(document, akn_eids(document))
    definitions_article = next(a for a in document.articles() if a.clause_id == "definitions")
    assert definitions and all(v.startswith(f"{definitions_article.eid}__") for v in definitions.values())
