"""docs/api.md: the example runs, and the table names every public function of modellaw.api."""

from __future__ import annotations

import contextlib
import inspect
import io
import re
from pathlib import Path

from modellaw import api

DOC = Path(__file__).resolve().parents[1] / "docs" / "api.md"


def test_api_example_runs() -> None:
    code = re.search(r"```python\n(.*?)```", DOC.read_text(encoding="utf-8"), re.DOTALL).group(1)
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, str(DOC), "exec"), {})  # noqa: S102 - our own documentation
    assert "CHK001" in out.getvalue() and "['national.example']" in out.getvalue()


def test_api_table_names_every_public_function() -> None:
    text = DOC.read_text(encoding="utf-8")
    public = [name for name, f in inspect.getmembers(api, inspect.isfunction) if f.__module__ == api.__name__ and not name.startswith("_")]
    assert [name for name in public if f"`{name}(" not in text and name != "annexes_for"] == []
