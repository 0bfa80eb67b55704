"""Own libraries layered on the built-in one (issue 13): own clauses, definitions, rules and catalogue
entries; replacements by id; every command sees what a build sees through --config."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import build_file_tree, edit

CONFIG = """\
title: Computer Misuse (Terrorism) Bill 2026
mode: enactment
jurisdiction: {name: Northland, tradition: common-law}
date: 2026-11-21
library: [own]
structure:
  - chapter: Preliminary
    clauses: [general.short-title, definitions]
  - chapter: Offences
    clauses: [national.computer-misuse]
parameters:
  general.short-title: {short_title: Computer Misuse (Terrorism) Act 2026}
  definitions.terrorist-offence: {national_law: the Terrorism Act 2004}
options:
  definitions.terrorist-offence: B
"""

CLAUSE = """\
id: national.computer-misuse
title: Misuse of computer systems for a terrorist purpose
version: 1.0.0
status: optional
summary: Makes it an offence to misuse a computer system for a terrorist purpose.
text: |
  A person who intentionally accesses a computer system without right, for a {{ term("terrorist-purpose") }}, commits an offence and is liable to imprisonment for a term not exceeding 10 years.
commentary:
  purpose: Closes a gap in the Computer Misuse Act 2001.
sources:
  - {instrument: northland-computer-misuse-act-2001, pinpoint: "s. 3", relation: adapted-from, verification: verified}
"""

INSTRUMENTS = """\
instruments:
  - id: northland-computer-misuse-act-2001
    title: Computer Misuse Act 2001 of Northland
    short: Computer Misuse Act 2001
    kind: national-law
    binding: true
    year: 2001
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Return a drafting project: a config, an own clause citing a national statute, the own catalogue."""
    return build_file_tree(tmp_path / "bill", {
        "bill.yaml": CONFIG, "own/national/computer-misuse.yaml": CLAUSE, "own/instruments.yaml": INSTRUMENTS,
    })


def test_own_clause_cites_an_own_national_statute_and_builds(project: Path, run_cli) -> None:
    result = run_cli("build", project / "bill.yaml", "-o", project / "bill.md", "--strict")
    assert result.exit_code == 0, result.output
    text = (project / "bill.md").read_text(encoding="utf-8")
    assert "Misuse of computer systems for a terrorist purpose" in text


@pytest.mark.parametrize("command", [
    ("clauses", "show", "national.computer-misuse"),
    ("clauses", "list", "--instrument", "northland-computer-misuse-act-2001"),
    ("lint",),
])
def test_commands_see_what_the_build_sees_with_config(project: Path, run_cli, command: tuple[str, ...]) -> None:
    result = run_cli(*command, "--config", project / "bill.yaml")
    assert result.exit_code == 0, result.output
    if command[0] == "clauses":
        assert "national.computer-misuse" in result.stdout
        assert "Computer Misuse Act 2001" in result.stdout or command[1] == "list"
    without = run_cli(*command)
    assert command[0] == "lint" or without.exit_code == 1 or "national.computer-misuse" not in without.stdout


def test_catalogue_book_and_concordance_take_the_config(project: Path, run_cli) -> None:
    site = run_cli("catalogue", "-o", project / "site", "--config", project / "bill.yaml")
    assert site.exit_code == 0, site.output
    assert "Computer Misuse Act 2001" in "".join(p.read_text(encoding="utf-8") for p in (project / "site").rglob("*.html"))
    book = run_cli("library", "book", "-o", project / "book.docx", "--config", project / "bill.yaml")
    assert book.exit_code == 0, book.output
    annex = run_cli("annex", "concordance", project / "bill.yaml", "-o", project / "concordance.md")
    assert annex.exit_code == 0, annex.output
    assert "Computer Misuse Act 2001" in (project / "concordance.md").read_text(encoding="utf-8")


def test_unknown_own_instrument_is_an_error(project: Path, run_cli) -> None:
    (project / "own" / "instruments.yaml").unlink()
    result = run_cli("build", project / "bill.yaml", "-o", project / "bill.md")
    assert result.exit_code == 1 and "[LIB007]" in result.stderr


def test_own_catalogue_entry_may_not_reuse_a_builtin_id(project: Path, run_cli) -> None:
    edit(project / "own" / "instruments.yaml", "id: northland-computer-misuse-act-2001", "id: unscr-1373")
    result = run_cli("build", project / "bill.yaml", "-o", project / "bill.md")
    assert result.exit_code == 1 and "[CAT003]" in result.stderr


def _own_short_title(project: Path, replaces: bool) -> None:
    text = (Path(__file__).resolve().parents[1] / "clauses" / "general" / "short-title.yaml").read_text(encoding="utf-8")
    text = text.replace("id: general.short-title\n", "id: general.short-title\n" + ("replaces: general.short-title\n" if replaces else ""))
    build_file_tree(project, {"own/general/short-title.yaml": text.replace("may be cited as the", "may be cited for all purposes as the")})


def test_own_module_replaces_a_builtin_one_only_when_it_says_so(project: Path, run_cli) -> None:
    _own_short_title(project, replaces=False)
    refused = run_cli("build", project / "bill.yaml", "-o", project / "bill.md")
    assert refused.exit_code == 1 and "[LIB003]" in refused.stderr and "replaces: general.short-title" in refused.stderr
    _own_short_title(project, replaces=True)
    result = run_cli("build", project / "bill.yaml", "-o", project / "bill.md")
    assert result.exit_code == 0, result.output
    assert "general.short-title is the own module in" in result.stderr and "replacing the built-in one" in result.stderr
    assert "may be cited for all purposes as" in (project / "bill.md").read_text(encoding="utf-8")


def test_replacing_a_module_that_does_not_exist_is_an_error(project: Path, run_cli) -> None:
    edit(project / "own" / "national" / "computer-misuse.yaml", "version:", "replaces: national.computer-misuse\nversion:")
    result = run_cli("build", project / "bill.yaml", "-o", project / "bill.md")
    assert result.exit_code == 1 and "[LIB032]" in result.stderr


def test_safeguard_rules_apply_to_own_clauses_of_the_same_family(project: Path, run_cli) -> None:
    variant = CLAUSE.replace("national.computer-misuse", "state-use.national-facial-search").replace(
        "Misuse of computer systems for a terrorist purpose", "Facial search by the police")
    build_file_tree(project, {"own/state-use/national-facial-search.yaml": variant})
    edit(project / "bill.yaml", "[national.computer-misuse]", "[national.computer-misuse, state-use.national-facial-search]")
    result = run_cli("build", project / "bill.yaml", "-o", project / "bill.md")
    assert result.exit_code == 1
    assert "[SAF001]" in result.stderr and "state-use.national-facial-search" in result.stderr


def test_own_definition_replaces_the_builtin_one(project: Path, run_cli) -> None:
    source = Path(__file__).resolve().parents[1] / "clauses" / "definitions" / "terrorist-offence.yaml"
    text = source.read_text(encoding="utf-8").replace("id: definitions.terrorist-offence\n",
                                                      "id: definitions.terrorist-offence\nreplaces: definitions.terrorist-offence\n")
    text = text.replace("an offence that {{ national_law }} defines", "an offence that section 2 of {{ national_law }} defines")
    build_file_tree(project, {"own/definitions/terrorist-offence.yaml": text})
    result = run_cli("build", project / "bill.yaml", "-o", project / "bill.md", "--strict")
    assert result.exit_code == 0, result.output
    assert "definitions.terrorist-offence is the own module in" in result.stderr
    assert "an offence that section 2 of the Terrorism Act 2004 defines" in (project / "bill.md").read_text(encoding="utf-8")
