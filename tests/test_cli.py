"""The command line: build, clauses list/show, lint, schema; exit codes 0/1/2."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import docx

from tests.conftest import edit


def test_build_mini_to_docx_markdown_and_ir(mini: Path, run_cli) -> None:
    result = run_cli("build", mini / "config.yaml", "-o", mini / "law.docx", "--emit-ir", mini / "ir.json")
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stdout and "4 articles" in result.stdout
    assert docx.Document(str(mini / "law.docx")).core_properties.title == "Mini Law on Artificial Intelligence"
    ir = json.loads((mini / "ir.json").read_text())
    assert ir["type"] == "Document" and ir["divisions"][1]["articles"][0]["label"] == "Article 3"
    result = run_cli("build", mini / "config.yaml", "-o", mini / "law.md", "--mode", "enactment")
    assert result.exit_code == 0
    text = (mini / "law.md").read_text()
    assert "[Recommended]" not in text and "Commentary" not in text


def test_strict_turns_warnings_into_errors(mini: Path, run_cli) -> None:
    edit(mini / "config.yaml", "parameters:", "options: {humanitarian.exemption: B}\nparameters:")
    ok = run_cli("build", mini / "config.yaml", "-o", mini / "law.md", "--mode", "enactment")
    assert ok.exit_code == 0 and "[CHK001]" in ok.stderr
    strict = run_cli("build", mini / "config.yaml", "-o", mini / "strict.md", "--mode", "enactment", "--strict")
    assert strict.exit_code == 1 and not (mini / "strict.md").exists()


def test_clauses_list_and_show(mini: Path, run_cli) -> None:
    library = mini / "library"
    listing = run_cli("clauses", "list", "--library", library)
    assert listing.exit_code == 0
    ids = [line.split()[0] for line in listing.stdout.splitlines()[2:-1]]
    assert ids == sorted(ids) and "offences.ai-tools" in ids and "definitions.ai-system" in ids
    assert listing.stdout.splitlines()[-1] == "6 module(s)"
    only = run_cli("clauses", "list", "--library", library, "--family", "offences")
    assert [line.split()[0] for line in only.stdout.splitlines()[2:-1]] == ["offences.ai-tools"]
    shown = run_cli("clauses", "show", "offences.ai-tools", "--library", library)
    assert shown.exit_code == 0
    for fragment in ("max_years (integer (years), default 10, 1–30)", "Sources:", "Budapest Convention", "(pinpoint unverified)",
                     "Requires: humanitarian.exemption", "1. A person who intentionally provides an AI system"):
        assert fragment in shown.stdout, fragment
    assert "Referred to by: offences.ai-tools" in run_cli("clauses", "show", "humanitarian.exemption", "--library", library).stdout
    missing = run_cli("clauses", "show", "offences.ai-toolz", "--library", library)
    assert missing.exit_code == 1 and "did you mean 'offences.ai-tools'" in missing.stderr


def test_lint_reports_and_strict(mini: Path, run_cli) -> None:
    clean = run_cli("lint", "--library", mini / "library")
    assert clean.exit_code == 0, clean.stderr
    edit(mini / "library/general/purpose.yaml", "{{ this_law }}", "{{ this_law }} {{ undeclared }}")
    broken = run_cli("lint", "--library", mini / "library")
    assert broken.exit_code == 1 and "[LNT001]" in broken.stderr and "purpose.yaml:" in broken.stderr


def test_lint_warns_about_unused_parameters_and_terms(mini: Path, run_cli) -> None:
    edit(mini / "library/general/purpose.yaml", "text: |", "parameters:\n  spare: {type: text, default: x, description: Not used.}\ntext: |")
    edit(mini / "library/general/purpose.yaml", '{{ term("ai-system", "plural") }}', "tools")
    edit(mini / "library/offences/ai-tools.yaml", '{{ term("ai-system") }}', "tool")
    result = run_cli("lint", "--library", mini / "library")
    assert result.exit_code == 0
    assert "[LNT002]" in result.stderr and "[LNT005]" in result.stderr
    assert run_cli("lint", "--library", mini / "library", "--strict").exit_code == 1


def test_schema_command_prints_json_schema(run_cli) -> None:
    for kind, key in (("clause", "parameters"), ("config", "structure"), ("definition", "term")):
        result = run_cli("schema", kind)
        assert result.exit_code == 0 and key in json.loads(result.stdout)["properties"]
    assert run_cli("schema", "nothing").exit_code == 2


def test_default_build_from_an_unrelated_directory(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-m", "modellaw", "build", "-o", "law.docx"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "law.docx").stat().st_size > 20_000


def test_version_and_help(run_cli) -> None:
    assert run_cli("--version").exit_code == 0
    assert "build" in run_cli("--help").stdout
