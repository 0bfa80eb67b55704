"""Bad input: every case exits 1 or 2 with a located message, no traceback and no output file."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import build_file_tree, edit

Mutation = Callable[[Path], None]
LIB = "library"


def _clause(mini: Path, rel: str, old: str, new: str) -> None:
    edit(mini / LIB / rel, old, new)


def _config(mini: Path, old: str, new: str) -> None:
    edit(mini / "config.yaml", old, new)


OFFENCE = "offences/ai-tools.yaml"
HUMANITARIAN = "humanitarian/exemption.yaml"
PURPOSE = "general/purpose.yaml"

CASES: dict[str, tuple[Mutation, str, str]] = {
    # name: (mutation, rule code expected, file:line fragment expected)
    "broken YAML in config": (lambda m: _config(m, "structure:", "structure: [\n"), "YAML001", "config.yaml:"),
    "broken YAML in clause": (lambda m: _clause(m, PURPOSE, "title: Purpose", "title: [Purpose"), "YAML001", "purpose.yaml:"),
    "duplicate key": (lambda m: _clause(m, PURPOSE, "title: Purpose", "title: Purpose\ntitle: Again"), "YAML002", "purpose.yaml:3"),
    "duplicate clause id": (
        lambda m: build_file_tree(m / LIB, {"general/copy.yaml": (m / LIB / PURPOSE).read_text()}),
        "LIB003", "purpose.yaml:1"),
    "id not matching folder": (lambda m: _clause(m, PURPOSE, "id: general.purpose", "id: offences.purpose"), "LIB004", "purpose.yaml:1"),
    "unknown key in clause": (lambda m: _clause(m, PURPOSE, "version: 1.0.0", "version: 1.0.0\ncolour: red"), "LIB011", "purpose.yaml:4"),
    "missing required key in clause": (lambda m: _clause(m, PURPOSE, "summary: States the purpose of the law.\n", ""), "LIB010", "purpose.yaml"),
    "bad status value": (lambda m: _clause(m, PURPOSE, "status: recommended", "status: maybe"), "LIB012", "purpose.yaml:4"),
    "unknown instrument": (lambda m: _clause(m, PURPOSE, "instrument: unscr-1373", "instrument: unscr-9999"), "LIB007", "purpose.yaml:"),
    "unknown recommendation": (lambda m: _clause(m, PURPOSE, "rec-spb-model-framework", "rec-nowhere-at-all"), "LIB008", "purpose.yaml:"),
    "requires unknown clause": (lambda m: _clause(m, OFFENCE, "requires: [humanitarian.exemption]", "requires: [humanitarian.exemptoin]"), "LIB005", "ai-tools.yaml:6"),
    "unknown clause in structure": (lambda m: _config(m, "[offences.ai-tools,", "[offences.ai-toolz,"), "RES001", "config.yaml:11"),
    "clause placed twice": (lambda m: _config(m, "clauses: [general.purpose,", "clauses: [offences.ai-tools, general.purpose,"), "RES003", "config.yaml:11"),
    "definition placed in structure": (lambda m: _config(m, "[general.purpose,", "[general.purpose, definitions.ai-system,"), "RES002", "config.yaml:9"),
    "required clause missing": (lambda m: _config(m, "[offences.ai-tools, humanitarian.exemption]", "[offences.ai-tools]"), "RES005", "config.yaml:11"),
    "conflicting clauses": (lambda m: _clause(m, PURPOSE, "version: 1.0.0", "version: 1.0.0\nconflicts: [offences.ai-tools]"), "RES006", "config.yaml:9"),
    "missing required parameter": (
        lambda m: (_clause(m, OFFENCE, "default: 10, unit: years", "unit: years"), _config(m, "{max_years: 12}", "{preparatory_acts: false}")),
        "RES011", "config.yaml:13"),
    "wrong parameter type": (lambda m: _config(m, "max_years: 12", "max_years: twelve"), "RES012", "config.yaml:13"),
    "value out of range": (lambda m: _config(m, "max_years: 12", "max_years: 99"), "RES013", "config.yaml:13"),
    "unknown parameter": (lambda m: _config(m, "max_years: 12", "max_years: 12, min_years: 2"), "RES010", "config.yaml:13"),
    "bad duration": (lambda m: _config(m, "max_years: 12}", "max_years: 12}\n  humanitarian.exemption: {decision_period: soon}"), "RES012", "config.yaml:14"),
    "unknown option": (lambda m: _config(m, "parameters:", "options: {humanitarian.exemption: C}\nparameters:"), "RES021", "config.yaml:12"),
    "option for a clause without options": (lambda m: _config(m, "parameters:", "options: {offences.ai-tools: A}\nparameters:"), "RES020", "config.yaml:12"),
    "dangling reference": (lambda m: _clause(m, OFFENCE, 'ref("humanitarian.exemption")', 'ref("humanitarian.nowhere")'), "REF001", "ai-tools.yaml:18"),
    "unknown anchor": (lambda m: _clause(m, OFFENCE, 'ref("offences.ai-tools", "offence")', 'ref("offences.ai-tools", "nope")'), "REF002", "ai-tools.yaml:18"),
    "self reference": (lambda m: _clause(m, OFFENCE, 'ref("offences.ai-tools", "offence")', 'ref("offences.ai-tools")'), "REF004", "ai-tools.yaml:18"),
    "circular definition": (
        lambda m: _clause(m, "definitions/terrorist-offence.yaml", "in {{ national_law }}", 'in {{ national_law }} committed for a {{ term("terrorist-purpose") }}'),
        "DEF003", "terrorist-"),
    "undefined term": (lambda m: _clause(m, PURPOSE, 'term("terrorist-purpose")', 'term("terror-purpose")'), "DEF001", "purpose.yaml:7"),
    "missing plural": (lambda m: _clause(m, PURPOSE, 'term("terrorist-purpose")', 'term("terrorist-purpose", "plural")'), "DEF005", "purpose.yaml:7"),
    "jinja syntax error": (lambda m: _clause(m, OFFENCE, "{% if preparatory_acts %}", "{% if preparatory_acts"), "TPL001", "ai-tools.yaml:16"),
    "undefined template variable": (lambda m: _clause(m, OFFENCE, "{{ max_years }}", "{{ max_yeras }}"), "TPL002", "ai-tools.yaml:18"),
    "sandbox escape": (lambda m: _clause(m, PURPOSE, "{{ this_law }}", "{{ this_law.__class__.__mro__ }}"), "TPL003", "purpose.yaml:7"),
    "template runtime error": (lambda m: _clause(m, PURPOSE, "{{ this_law }}", "{{ 1 // 0 }}"), "TPL009", "purpose.yaml:7"),
    "XML-invalid control character": (lambda m: _clause(m, PURPOSE, "title: Purpose", 'title: "Pur\\x01pose"'), "YAML003", "purpose.yaml:2"),
    "point without paragraph": (lambda m: _clause(m, PURPOSE, "text: |\n  The purpose", "text: |\n  - dangling point\n\n  The purpose"), "MRK001", "purpose.yaml:7"),
    "config is not a mapping": (lambda m: (m / "config.yaml").write_text("- just\n- a list\n"), "CFG001", "config.yaml:1"),
    "unknown key in config": (lambda m: _config(m, "version:", "colour: red\nversion:"), "CFG011", "config.yaml:4"),
    "wrong mode in config": (lambda m: _config(m, "version:", "mode: draft\nversion:"), "CFG012", "config.yaml:4"),
    "forced term not defined": (lambda m: _config(m, "structure:", "terms: [nope-term]\nstructure:"), "DEF001", "config.yaml:7"),
    "library folder missing": (lambda m: _config(m, "library: [library]", "library: [library, extras]"), "CFG003", "config.yaml:6"),
    "definitions slot missing": (lambda m: _config(m, "[general.purpose, definitions]", "[general.purpose]"), "DEF004", "config.yaml:7"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_bad_input_is_reported_with_location(name: str, mini: Path, run_cli) -> None:
    mutate, code, where = CASES[name]
    mutate(mini)
    out = mini / "out.docx"
    result = run_cli("build", mini / "config.yaml", "-o", out)
    assert result.exit_code == 1, result.output
    assert f"[{code}]" in result.stderr, result.stderr
    line = next(ln for ln in result.stderr.splitlines() if f"[{code}]" in ln)
    assert where in line, line
    assert re.search(r"\S+:\d+: ", line) or ":" in line.split(" ")[0]
    assert "Traceback" not in result.output
    assert not out.exists()
    assert not list(mini.glob(".out.docx.*")), "temporary file left behind"


def test_every_problem_is_listed_at_once(mini: Path, run_cli) -> None:
    _config(mini, "max_years: 12", "max_years: 99, colour: 3")
    _config(mini, "parameters:", "options: {humanitarian.exemption: Z}\nparameters:")
    result = run_cli("build", mini / "config.yaml", "-o", mini / "out.docx")
    codes = re.findall(r"\[(\w+)\]", result.stderr)
    assert {"RES010", "RES013", "RES021"} <= set(codes), result.stderr


def test_library_errors_across_files_are_listed_together(mini: Path, run_cli) -> None:
    _clause(mini, PURPOSE, "status: recommended", "status: maybe")
    _clause(mini, OFFENCE, "version: 1.2.0", "version: one")
    result = run_cli("build", mini / "config.yaml", "-o", mini / "out.docx")
    assert "purpose.yaml:4" in result.stderr and "ai-tools.yaml:3" in result.stderr, result.stderr


def test_config_that_does_not_exist_is_a_usage_error(tmp_path: Path, run_cli) -> None:
    result = run_cli("build", tmp_path / "missing.yaml", "-o", tmp_path / "out.docx")
    assert result.exit_code == 2
    assert "missing.yaml" in result.stderr and "does not exist" in result.stderr
    assert not (tmp_path / "out.docx").exists()


def test_output_folder_that_does_not_exist(mini: Path, run_cli) -> None:
    result = run_cli("build", mini / "config.yaml", "-o", mini / "nowhere" / "out.docx")
    assert result.exit_code == 1
    assert "[OUT002]" in result.stderr and "nowhere" in result.stderr


def test_output_equal_to_config_is_refused_and_config_kept(mini: Path, run_cli) -> None:
    config = mini / "config.yaml"
    before = config.read_bytes()
    result = run_cli("build", config, "-o", config, "--format", "docx")
    assert result.exit_code == 1
    assert "[OUT003]" in result.stderr
    assert config.read_bytes() == before


def test_unknown_output_format(mini: Path, run_cli) -> None:
    result = run_cli("build", mini / "config.yaml", "-o", mini / "out.odt")
    assert result.exit_code == 1 and "[OUT004]" in result.stderr
    assert not (mini / "out.odt").exists()


def test_emit_ir_not_written_when_build_fails(mini: Path, run_cli) -> None:
    _config(mini, "max_years: 12", "max_years: 99")
    result = run_cli("build", mini / "config.yaml", "-o", mini / "out.docx", "--emit-ir", mini / "ir.json")
    assert result.exit_code == 1
    assert not (mini / "ir.json").exists() and not (mini / "out.docx").exists()


def test_unknown_mode_is_a_usage_error(mini: Path, run_cli) -> None:
    result = run_cli("build", mini / "config.yaml", "-o", mini / "out.docx", "--mode", "final")
    assert result.exit_code == 2


def test_billion_laughs_is_refused_quickly(mini: Path) -> None:
    """Nested aliases expand to 9**9 items; loading and reporting must not walk them all."""
    import subprocess
    import sys

    nested = '&a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'
    for level in range(1, 9):
        nested = f"&a{level} [{nested}, {', '.join([f'*a{level - 1}'] * 8)}]"
    config = mini / "config.yaml"
    config.write_text(config.read_text().replace("max_years: 12}", "max_years: 12}\n  humanitarian.exemption: {actors: " + nested + "}"))
    result = subprocess.run([sys.executable, "-m", "modellaw", "build", str(config), "-o", str(mini / "out.docx")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "[RES012]" in result.stderr and len(result.stderr) < 5000
    assert not (mini / "out.docx").exists()
