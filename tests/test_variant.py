"""Variants (issue 13): a config that extends the built-in default, or another config, states only differences."""

from __future__ import annotations

from pathlib import Path

import pytest

from modellaw.configfile import load_config
from modellaw.errors import ConfigError
from tests.conftest import build_file_tree

VARIANT = """\
extends: default
title: Counter-Terrorism (Artificial Intelligence) Bill 2026
jurisdiction: {name: Northland, tradition: common-law}
drop_chapters: [Prevention, Export and transfer controls]
drop_clauses: [evidence.synthetic-media-challenges]
add_clauses:
  - {chapter: Offences, clauses: [general.principles]}
parameters:
  offences.legal-persons: {currency: Northland dollars}
options:
  general.scope: B
"""


def test_variant_of_default_states_only_its_differences(tmp_path: Path) -> None:
    path = build_file_tree(tmp_path, {"bill.yaml": VARIANT.replace("[general.principles]", "[aggravation.use-of-ai]")}) / "bill.yaml"
    config = load_config(path).config
    chapters = [d.chapter for d in config.structure]
    assert "Prevention" not in chapters and "Export and transfer controls" not in chapters and "Offences" in chapters
    placed = [c for d in config.structure for c in d.clauses]
    assert "evidence.synthetic-media-challenges" not in placed and "evidence.electronic-evidence" in placed
    assert config.jurisdiction.tradition == "common-law" and config.mode == "model"  # mode kept from the base
    assert config.parameters["offences.legal-persons"] == {"currency": "Northland dollars"}
    assert config.options["general.scope"] == "B" and config.sources == "footnotes"


def test_added_chapter_goes_before_the_one_named(tmp_path: Path) -> None:
    text = VARIANT.replace("  - {chapter: Offences, clauses: [general.principles]}",
                           "  - {chapter: National provisions, before: Jurisdiction, clauses: [evidence.synthetic-media-challenges]}")
    text = text.replace("drop_clauses: [evidence.synthetic-media-challenges]\n", "")
    text = text.replace("drop_chapters: [Prevention, Export and transfer controls]", "drop_chapters: [Prevention]")
    config = load_config(build_file_tree(tmp_path, {"bill.yaml": text}) / "bill.yaml").config
    chapters = [d.chapter for d in config.structure]
    assert chapters.index("National provisions") == chapters.index("Jurisdiction") - 1


def test_variant_builds_and_compares_with_its_model(tmp_path: Path, run_cli) -> None:
    build_file_tree(tmp_path, {"bill.yaml": VARIANT.replace("[general.principles]", "[aggravation.use-of-ai]")})
    build_file_tree(tmp_path, {"bill.yaml": (tmp_path / "bill.yaml").read_text().replace(
        "  - {chapter: Offences, clauses: [aggravation.use-of-ai]}\n", "")})
    built = run_cli("build", tmp_path / "bill.yaml", "-o", tmp_path / "bill.md")
    assert built.exit_code == 0, built.output
    compared = run_cli("compare", "default", tmp_path / "bill.yaml", "-o", tmp_path / "comparison.md")
    assert compared.exit_code == 0, compared.output
    assert "removed 8" in compared.stdout


def test_variant_of_a_variant_resolves_library_folders_from_each_file(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {
        "model/base.yaml": "extends: default\nlibrary: [own]\n", "model/own/.keep": "",
        "bill/bill.yaml": "extends: ../model/base.yaml\nallow_outside_paths: true\ntitle: A bill of Northland\n",
    })
    loaded = load_config(tmp_path / "bill" / "bill.yaml")
    assert loaded.library_folders() == [(tmp_path / "model" / "own").resolve()]
    assert loaded.config.title == "A bill of Northland"
    assert [n.code for n in loaded.notes] == ["CFG005"]


def test_base_outside_the_variants_folder_needs_allow_outside_paths(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"model/base.yaml": "extends: default\n", "bill/bill.yaml": "extends: ../model/base.yaml\n"})
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "bill" / "bill.yaml")
    assert [(d.code, d.location.line) for d in caught.value.diagnostics] == [("CFG004", 1)]


def test_base_library_folder_is_confined_to_the_base_folder(tmp_path: Path) -> None:
    build_file_tree(tmp_path, {"elsewhere/lib/.keep": "", "model/base.yaml": "extends: default\nlibrary: [../elsewhere/lib]\n",
                               "model/bill.yaml": "extends: base.yaml\n"})
    with pytest.raises(ConfigError) as caught:
        load_config(tmp_path / "model" / "bill.yaml")
    assert [(d.code, d.location.file.endswith("base.yaml"), d.location.line) for d in caught.value.diagnostics] == [("CFG004", True, 2)]


def test_variant_problems_are_located(tmp_path: Path, run_cli) -> None:
    build_file_tree(tmp_path, {
        "a.yaml": "extends: missing.yaml\n", "b.yaml": "extends: c.yaml\n", "c.yaml": "extends: b.yaml\n",
        "d.yaml": "extends: default\ndrop_chapters: [Nonsense]\ndrop_clauses: [general.nothing]\n",
    })
    for name, code in (("a", "CFG032"), ("b", "CFG031"), ("d", "CFG033"), ("d", "CFG034")):
        result = run_cli("build", tmp_path / f"{name}.yaml", "-o", tmp_path / f"{name}.md")
        assert result.exit_code == 1 and f"[{code}]" in result.stderr and ".yaml:1: extends" in result.stderr or code in ("CFG033", "CFG034"), result.output
