"""Hostile and broken inputs (docs/security.md): never an overwritten input, never a traceback or a hang.

One section per failure class; each test exits 1 with a located, coded message and writes nothing.
Special files are made in the test's temporary folder (never under /dev).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from modellaw.resources import seeds_dir, templates_dir
from tests.conftest import edit

OFFENCE = "library/offences/ai-tools.yaml"
HUMANITARIAN = "library/humanitarian/exemption.yaml"
RULES = """rules:
  - id: SAF900
    title: Offences keep the humanitarian exemption
    reason: Impartial humanitarian action must stay lawful.
    when: {any_clause: [offences.ai-tools]}
    require: {all_clauses: [humanitarian.exemption]}
"""


def _fails(result, code: str, fragment: str = "") -> None:
    """Assert a clean failure: exit 1, the rule code and ``fragment`` in stderr, no traceback."""
    assert result.exit_code == 1, (result.output, result.exception)
    assert isinstance(result.exception, SystemExit), result.exception
    assert f"[{code}]" in result.stderr, result.stderr
    assert fragment in result.stderr, result.stderr
    assert "Traceback" not in result.output


def _cli(*args: str | Path, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run modellaw in a fresh process (for inputs that could hang the test process)."""
    return subprocess.run([sys.executable, "-m", "modellaw", *map(str, args)], capture_output=True, text=True, timeout=timeout)


def _text(mini: Path, rel: str, old: str, new: str) -> None:
    edit(mini / rel, old, new)


# 1. Inputs overwritten ----------------------------------------------------------------------


@pytest.mark.parametrize("rel", [OFFENCE, HUMANITARIAN, "library/rules.yaml"])
def test_output_equal_to_a_library_file_is_refused_and_kept(mini: Path, run_cli, rel: str) -> None:
    (mini / "library" / "rules.yaml").write_text(RULES, encoding="utf-8")
    target = mini / rel
    before = target.read_bytes()
    named_as_itself = run_cli("build", mini / "config.yaml", "-o", target, "--format", "md")
    assert named_as_itself.exit_code == 1 and "Traceback" not in named_as_itself.stderr
    hard_link = mini / "out.md"
    os.link(target, hard_link)
    _fails(run_cli("build", mini / "config.yaml", "-o", hard_link), "OUT003")
    assert target.read_bytes() == before


def test_emit_ir_onto_a_clause_module_is_refused(mini: Path, run_cli) -> None:
    before = (mini / OFFENCE).read_bytes()
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.md", "--emit-ir", mini / OFFENCE), "OUT003")
    assert (mini / OFFENCE).read_bytes() == before and not (mini / "out.md").exists()


def test_output_through_a_symlink_to_an_input_is_refused(mini: Path, run_cli) -> None:
    link = mini / "out.docx"
    link.symlink_to(mini / OFFENCE)
    before = (mini / OFFENCE).read_bytes()
    _fails(run_cli("build", mini / "config.yaml", "-o", link), "OUT003")
    assert (mini / OFFENCE).read_bytes() == before and link.is_symlink()


def test_output_equal_to_a_catalogue_is_refused(mini: Path, run_cli, monkeypatch) -> None:
    seeds = mini / "seeds"
    shutil.copytree(seeds_dir(), seeds)
    monkeypatch.setattr("modellaw.catalogue.seeds_dir", lambda: seeds)
    target = seeds / "instruments.yaml"
    before = target.read_bytes()
    os.link(target, mini / "out.md")
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.md"), "OUT003")
    assert target.read_bytes() == before


def test_output_equal_to_the_reference_template_is_refused(mini: Path, run_cli, monkeypatch) -> None:
    templates = mini / "templates"
    shutil.copytree(templates_dir() / "docx", templates / "docx")
    monkeypatch.setattr("modellaw.writers.house.templates_dir", lambda: templates)
    target = templates / "docx" / "reference.docx"
    before = target.read_bytes()
    _fails(run_cli("build", mini / "config.yaml", "-o", target), "OUT003")
    assert target.read_bytes() == before


@pytest.mark.parametrize("kind", ["fifo", "symlink-to-fifo", "folder"])
def test_output_that_is_not_a_regular_file_is_refused(mini: Path, run_cli, kind: str) -> None:
    fifo = mini / "pipe"
    os.mkfifo(fifo)
    target = {"fifo": fifo, "symlink-to-fifo": mini / "link.docx", "folder": mini / "library"}[kind]
    if kind == "symlink-to-fifo":
        target.symlink_to(fifo)
    _fails(run_cli("build", mini / "config.yaml", "-o", target, "--format", "docx"), "OUT001")
    assert fifo.is_fifo() and (kind != "symlink-to-fifo" or target.is_symlink())


def test_review_report_onto_the_reviewed_file_is_refused(mini: Path, run_cli) -> None:
    reviewed = mini / "draft.docx"
    assert run_cli("build", mini / "config.yaml", "-o", reviewed).exit_code == 0
    twin = mini / "draft.md"
    reviewed.rename(mini / "draft.json")
    _fails(run_cli("review", "import", mini / "draft.json", "-o", twin), "OUT003")


# 2. Special files and unbounded reads --------------------------------------------------------


def test_fifo_module_in_a_library_is_refused_without_blocking(mini: Path) -> None:
    os.mkfifo(mini / "library" / "offences" / "stuck.yaml")
    result = _cli("build", mini / "config.yaml", "-o", mini / "out.docx")
    assert result.returncode == 1 and "[IN001]" in result.stderr and "stuck.yaml" in result.stderr
    assert not (mini / "out.docx").exists()


def test_module_that_is_a_symlink_to_a_fifo_is_refused(mini: Path) -> None:
    os.mkfifo(mini / "library" / "general" / "endless.fifo")
    (mini / "library" / "general" / "endless.yaml").symlink_to(mini / "library" / "general" / "endless.fifo")
    result = _cli("lint", "--library", mini / "library")
    assert result.returncode == 1 and "[IN001]" in result.stderr and "endless.yaml" in result.stderr


def test_config_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "config.yaml")
    result = _cli("build", tmp_path / "config.yaml", "-o", tmp_path / "out.docx")
    assert result.returncode in (1, 2) and "config.yaml" in result.stderr and "Traceback" not in result.stderr


def test_oversized_module_is_refused_by_name(mini: Path, run_cli) -> None:
    path = mini / OFFENCE
    path.write_text(path.read_text(encoding="utf-8") + "#" * (5 * 1024 * 1024) + "\n", encoding="utf-8")
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "IN002", "ai-tools.yaml")


# 3. Library paths confined to the config's folder --------------------------------------------


@pytest.mark.parametrize("folder", ["../../../..", "..", "/"])
def test_library_outside_the_config_folder_is_refused(mini: Path, run_cli, folder: str) -> None:
    _text(mini, "config.yaml", "library: [library]", f"library: [library, {folder!r}]")
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "CFG004", "config.yaml:6")


def test_library_outside_is_allowed_by_the_config_and_reported(tmp_path: Path, mini: Path, run_cli) -> None:
    shutil.move(mini / "library", tmp_path / "shared-library")
    _text(mini, "config.yaml", "library: [library]", "library: [../shared-library]\nallow_outside_paths: true")
    result = run_cli("build", mini / "config.yaml", "-o", mini / "out.docx", "--strict")
    assert result.exit_code == 0, result.output
    assert "[CFG005]" in result.stderr and "shared-library" in result.stderr


def test_module_linking_outside_its_library_is_refused(tmp_path: Path, mini: Path, run_cli) -> None:
    outside = tmp_path / "elsewhere.yaml"
    shutil.move(mini / HUMANITARIAN, outside)
    (mini / HUMANITARIAN).symlink_to(outside)
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "LIB030", "exemption.yaml")


# 4. Values Python or python-docx reject ------------------------------------------------------


@pytest.mark.parametrize(
    ("old", "new", "code", "line"),
    [
        ("max_years: 12}", "max_years: " + "9" * 5000 + "}", "YAML006", 13),
        ("date: 2026-11-21", "date: 2026-02-30", "YAML006", 3),
        ("title: Mini Law on Artificial Intelligence", "title: " + "Law " * 80, "CFG016", 1),
        ("short_title: Mini Law", "short_title: Mini Law\njurisdiction: {name: " + "State" * 60 + "}", "CFG016", 3),
        ("short_title: Mini Law", "short_title: !!binary TWluaQdMYXc=", "YAML001", 2),
        ("short_title: Mini Law", 'short_title: "Mini\\u0007Law"', "YAML003", 2),
    ],
)
def test_values_python_rejects_are_located_errors(mini: Path, run_cli, old: str, new: str, code: str, line: int) -> None:
    _text(mini, "config.yaml", old, new)
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), code, f"config.yaml:{line}")
    assert not (mini / "out.docx").exists()


@pytest.mark.parametrize("printed", ["\\x07", "\\ud800", "\\uf000", "\\U000F0001", "\\x7f"])
def test_characters_a_template_prints_that_no_document_can_hold(mini: Path, run_cli, printed: str) -> None:
    _text(mini, OFFENCE, "commits an offence.", f'commits an offence{{{{ "{printed}" }}}}.')
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "TPL006", "ai-tools.yaml:11")


def test_huge_integer_in_a_module_is_located(mini: Path, run_cli) -> None:
    _text(mini, OFFENCE, "default: 10,", "default: " + "1" * 4400 + ",")
    _fails(run_cli("lint", "--library", mini / "library"), "YAML006", "ai-tools.yaml:8")


# 5. Untrusted regular expressions and runaway templates -------------------------------------


def test_invalid_rule_regex_is_a_located_error(mini: Path, run_cli) -> None:
    rules = RULES.replace("require: {all_clauses: [humanitarian.exemption]}", "require: {text_matches: '(unclosed'}")
    (mini / "library" / "rules.yaml").write_text(rules, encoding="utf-8")
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "RUL014", "rules.yaml:6")


def test_backtracking_rule_regex_is_stopped(mini: Path, run_cli, monkeypatch) -> None:
    monkeypatch.setattr("modellaw.schema.rules.MATCH_TIME_LIMIT", 0.2)
    rules = RULES.replace("require: {all_clauses: [humanitarian.exemption]}", "require: {text_matches: '(x+x+)+y'}")
    (mini / "library" / "rules.yaml").write_text(rules, encoding="utf-8")
    _text(mini, OFFENCE, "commits an offence.", "commits an offence " + "x" * 3000 + "!")
    started = time.monotonic()
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "RUL006", "rules.yaml:6")
    assert time.monotonic() - started < 30


@pytest.mark.parametrize(
    ("expression", "code"),
    [
        ("'a' * 10**10", "TPL003"),
        ("[0] * 10**9", "TPL003"),
        ("2 ** 100000", "TPL003"),
        ("'x'.ljust(1000000000)", "TPL003"),
        ("'%0999999999d' % 1", "TPL003"),
        ("'x'|center(1000000000)", "TPL001"),
        ("'x'|replace('x', 'y' * 200000)|replace('y', 'zz')", "TPL003"),
        ("(" * 3000 + "1" + ")" * 3000, "TPL001"),
    ],
)
def test_templates_cannot_exhaust_memory(mini: Path, expression: str, code: str) -> None:
    _text(mini, OFFENCE, "commits an offence.", f"commits an offence{{{{ {expression} }}}}.")
    result = _cli("build", mini / "config.yaml", "-o", mini / "out.docx", timeout=60)
    assert result.returncode == 1 and f"[{code}]" in result.stderr and "ai-tools.yaml:11" in result.stderr, result.stderr


@pytest.mark.parametrize("name", ["range(3)", "lipsum()", "namespace()", "cycler(1, 2)", "joiner()", "dict(a=1)"])
def test_jinja_default_globals_are_not_reachable(mini: Path, run_cli, name: str) -> None:
    _text(mini, OFFENCE, "commits an offence.", f"commits an offence {{{{ {name} }}}}.")
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "TPL002", "ai-tools.yaml:11")


def test_template_output_is_bounded(mini: Path, run_cli) -> None:
    loop = "{% for i in [1] * 100000 %}{% for j in [1] * 1000 %}word {% endfor %}{% endfor %}"
    _text(mini, OFFENCE, "commits an offence.", f"commits an offence {loop}.")
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "TPL005", "ai-tools.yaml:11")


# 6. Reviewed Word files -----------------------------------------------------------------------


def _reviewed(mini: Path, run_cli) -> Path:
    """Return a built draft with one reviewer comment (written by python-docx)."""
    import docx

    path = mini / "draft.docx"
    assert run_cli("build", mini / "config.yaml", "-o", path).exit_code == 0
    document = docx.Document(str(path))
    paragraph = next(p for p in document.paragraphs if "commits an offence" in p.text)
    document.add_comment(paragraph.runs, text="Too broad?", author="Reviewer")
    document.save(str(path))
    return path


def _rewrite_part(path: Path, part: str, change) -> None:
    import zipfile

    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info.filename) for info in source.infolist()}
    parts[part] = change(parts[part])
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


@pytest.mark.parametrize(
    ("part", "change", "code"),
    [
        ("word/comments.xml", lambda x: x.replace(b'w:id="0"', b'w:id="zero"'), "REV002"),
        ("word/document.xml", lambda x: x.replace(b'w:id="0"/>', b'w:id="zero"/>'), "REV002"),
        ("docProps/custom.xml", lambda x: x[: len(x) // 2], "REV002"),
        ("word/document.xml", lambda x: x[: len(x) // 2], "REV001"),
    ],
)
def test_malformed_parts_of_a_reviewed_file_are_located(mini: Path, run_cli, part: str, change, code: str) -> None:
    path = _reviewed(mini, run_cli)
    _rewrite_part(path, part, change)
    _fails(run_cli("review", "import", path, "-o", mini / "report.md"), code, "draft.docx")
    assert not (mini / "report.md").exists()


def test_zip_bomb_is_refused_before_unpacking(mini: Path, run_cli) -> None:
    import zipfile

    path = _reviewed(mini, run_cli)
    with zipfile.ZipFile(path, "a", zipfile.ZIP_DEFLATED) as package:
        with package.open("word/media/bomb.bin", "w") as stream:
            chunk = bytes(16 * 1024 * 1024)
            for _ in range(17):
                stream.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    _fails(run_cli("review", "import", path, "-o", mini / "report.md"), "REV003", "draft.docx")


def test_reviewed_file_that_is_a_fifo_is_refused(mini: Path) -> None:
    os.mkfifo(mini / "reviewed.docx")
    result = _cli("review", "import", mini / "reviewed.docx", "-o", mini / "report.md")
    assert result.returncode in (1, 2) and "reviewed.docx" in result.stderr and "Traceback" not in result.stderr


# 7. Write failures ----------------------------------------------------------------------------


def _temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".tmp")]


def test_file_size_limit_is_an_error_naming_the_path(mini: Path) -> None:
    import resource

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, 20_000))

    result = subprocess.run([sys.executable, "-m", "modellaw", "build", str(mini / "config.yaml"), "-o", str(mini / "out.docx")],
                            capture_output=True, text=True, timeout=60, preexec_fn=limit)
    assert result.returncode == 1 and "[OUT010]" in result.stderr and "out.docx" in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
    assert not (mini / "out.docx").exists() and _temporaries(mini) == []


def test_failed_rename_leaves_no_temporary(mini: Path, run_cli, monkeypatch) -> None:
    import errno

    def read_only(*args: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr("modellaw.output.os.replace", read_only)
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.md"), "OUT010", "out.md")
    assert _temporaries(mini) == []


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_read_only_folder_is_an_error_naming_the_path(mini: Path, run_cli) -> None:
    folder = mini / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    try:
        _fails(run_cli("build", mini / "config.yaml", "-o", folder / "out.docx"), "OUT010", "out.docx")
    finally:
        folder.chmod(0o755)


def test_stale_temporaries_of_killed_builds_are_removed(mini: Path, run_cli) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = mini / f".out.docx.ml{dead.pid}.abc123.tmp"
    stale.write_bytes(b"half a file")
    live = mini / f".other.docx.ml{os.getpid()}.def456.tmp"
    live.write_bytes(b"a concurrent build's file")
    assert run_cli("build", mini / "config.yaml", "-o", mini / "out.docx").exit_code == 0
    assert not stale.exists() and live.exists()


# 8. Declarations that break themselves ----------------------------------------------------


@pytest.mark.parametrize(
    ("declaration", "fragment"),
    [
        ("min_items: 3, default: [a]", "at least 3"),
        ("max_items: 1, default: [a, b]", "at most 1"),
        ("type: choice, choices: [x, y], default: z", "not one of"),
    ],
)
def test_defaults_are_checked_against_their_declaration(mini: Path, run_cli, declaration: str, fragment: str) -> None:
    old = 'actors: {type: list, default: ["the International Committee of the Red Cross", "United Nations agencies"], min_items: 1,'
    new = f"actors: {{type: list, {declaration},"
    if declaration.startswith("type: choice"):
        new = f"actors: {{{declaration},"
    _text(mini, HUMANITARIAN, old, new)
    _fails(run_cli("lint", "--library", mini / "library"), "LIB014", "exemption.yaml:9")


def test_config_list_longer_than_max_items(mini: Path, run_cli) -> None:
    _text(mini, HUMANITARIAN, "min_items: 1,", "min_items: 1, max_items: 2,")
    _text(mini, "config.yaml", "max_years: 12}", "max_years: 12}\n  humanitarian.exemption: {actors: [a, b, c]}")
    _fails(run_cli("build", mini / "config.yaml", "-o", mini / "out.docx"), "RES015", "at most 2")


# 9. Invalid UTF-8 ---------------------------------------------------------------------------


@pytest.mark.parametrize(("prefix", "line", "column"), [(b"", 1, 1), (b"title: caf\xc3\xa9 ", 1, 13), (b"a: 1\nb: xyz", 2, 7)])
def test_invalid_utf8_gives_line_and_column(mini: Path, run_cli, prefix: bytes, line: int, column: int) -> None:
    (mini / "config.yaml").write_bytes(prefix + b"\xff\xfe bad\n" + (mini / "config.yaml").read_bytes())
    result = run_cli("build", mini / "config.yaml", "-o", mini / "out.docx")
    _fails(result, "YAML004", f"config.yaml:{line}")
    assert f"column {column}" in result.stderr
