"""Shared fixtures: the mini library copied to a temp folder, a CLI runner, golden-file checks."""

from __future__ import annotations

import difflib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from modellaw.cli import main

FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
REGEN_HINT = "MODELLAW_REGEN=1 pytest tests/test_golden.py"


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """Return a fresh copy of tests/fixtures/mini (config.yaml + library/) in a temp folder."""
    target = tmp_path / "mini"
    shutil.copytree(FIXTURES / "mini", target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace ``old`` (which must be present) by ``new`` in the file at ``path``."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def build_file_tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (relative path -> text) below ``root`` and return ``root``."""
    for rel, text in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def mini_ru(mini: Path) -> Path:
    """Return the mini library with its Russian translations and a Russian config (config-ru.yaml) beside it."""
    shutil.copytree(FIXTURES / "mini-ru", mini, dirs_exist_ok=True)
    return mini


@pytest.fixture
def run_cli() -> Callable[..., Result]:
    """Return a function that runs the CLI in-process with the given arguments."""
    runner = CliRunner()

    def run(*args: str | Path) -> Result:
        return runner.invoke(main, [str(a) for a in args], catch_exceptions=True)

    return run


def assert_golden(name: str, actual: str) -> None:
    """Compare ``actual`` with tests/golden/<name>; on mismatch show a diff and how to regenerate."""
    path = GOLDEN / name
    if os.environ.get("MODELLAW_REGEN") == "1":
        path.write_text(actual, encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"golden file {path} is missing; create it with: {REGEN_HINT}")
    expected = path.read_text(encoding="utf-8")
    if expected != actual:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), str(path), "actual", n=2))
        pytest.fail(f"{name} differs from the golden file (regenerate with: {REGEN_HINT}):\n{diff[:6000]}")


def require_tool(name: str) -> str:
    """Return the path of tool ``name``; skip the test when absent, unless CI demands real clients."""
    found = shutil.which(name)
    if found:
        return found
    if os.environ.get("MODELLAW_REQUIRE_CLIENTS") == "1":
        pytest.fail(f"{name} is required (MODELLAW_REQUIRE_CLIENTS=1) but not installed")
    pytest.skip(f"{name} not installed")
