"""docs/tutorial.md, run from an empty folder: every command in it, every file it writes (issue 13)."""

from __future__ import annotations

import re
import shlex
import subprocess
import sys
from pathlib import Path

import docx
import pytest

TUTORIAL = Path(__file__).resolve().parents[1] / "docs" / "tutorial.md"
_STEP = re.compile(r"(?:<!-- (file|delete): (\S+) -->\n)?```(\w+)\n(.*?)```", re.DOTALL)


def tutorial_steps(text: str) -> list[tuple[str, str, str]]:
    """Return the tutorial's steps in order: ("file", path, content), ("delete", path, "") or ("run", command, "")."""
    steps: list[tuple[str, str, str]] = []
    for match in re.finditer(r"<!-- delete: (\S+) -->\n|" + _STEP.pattern, text, re.DOTALL):
        if match.group(1):
            steps.append(("delete", match.group(1), ""))
        elif match.group(2) == "file":
            steps.append(("file", match.group(3), match.group(5)))
        elif match.group(4) == "console":
            steps += [("run", line[2:], "") for line in match.group(5).splitlines() if line.startswith("$ ")]
    return steps


@pytest.fixture(scope="module")
def tutorial(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[tuple[str, int, str, str]]]:
    """Run the tutorial in an empty folder; return the folder and (command, exit code, stdout, stderr) of each command."""
    folder = tmp_path_factory.mktemp("tutorial")
    assert not any(folder.iterdir())
    results = []
    for kind, target, content in tutorial_steps(TUTORIAL.read_text(encoding="utf-8")):
        if kind == "file":
            (folder / target).parent.mkdir(parents=True, exist_ok=True)
            (folder / target).write_text(content, encoding="utf-8")
        elif kind == "delete":
            (folder / target).unlink()
        else:
            program, *arguments = shlex.split(target)
            argv = {"modellaw": [sys.executable, "-m", "modellaw"], "python": [sys.executable]}[program] + arguments
            done = subprocess.run(argv, cwd=folder, capture_output=True, text=True, timeout=300, check=False)
            results.append((target, done.returncode, done.stdout, done.stderr))
    return folder, results


def test_every_tutorial_command_succeeds(tutorial) -> None:
    _, results = tutorial
    assert len(results) >= 10
    assert [(command, code, err) for command, code, _, err in results if code != 0] == []


def test_first_build_names_the_settings_to_make(tutorial) -> None:
    _, results = tutorial
    first = next(r for r in results if r[0].startswith("modellaw build"))
    assert "set jurisdiction.name in the config" in first[3]


def test_final_bill_is_clean_with_front_matter_own_clause_and_house_template(tutorial) -> None:
    folder, results = tutorial
    final = [r for r in results if r[0].startswith("modellaw build")][-1]
    assert "--strict" in final[0] and "CHK" not in final[3]
    document = docx.Document(str(folder / "northland" / "bill.docx"))
    texts = [p.text for p in document.paragraphs]
    assert "BE IT ENACTED by the Parliament of Northland as follows:" in texts
    assert any(t.startswith("An Act to create offences") for t in texts)
    assert any("section 3 or 4 of the Computer Misuse Act 2001" in t for t in texts)
    assert document.styles["Normal"].font.name == "Times New Roman"


def test_comparison_with_the_model_law_and_concordance(tutorial) -> None:
    folder, results = tutorial
    compare = next(r for r in results if r[0].startswith("modellaw compare default northland/bill.yaml"))
    assert "added 1" in compare[2]
    assert (folder / "northland" / "comparison.docx").exists()
    assert "Computer Misuse Act 2001" in (folder / "northland" / "concordance.md").read_text(encoding="utf-8")
    assert (folder / "northland" / "variant-comparison.md").exists()
