"""modellaw init and the published JSON Schemas (issue 13)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from modellaw.api import json_schema
from modellaw.resources import builtin_library

ROOT = Path(__file__).resolve().parents[1]


def _plain(value: Any) -> Any:
    """Return YAML data as JSON data (dates as ISO strings), as an editor's schema check sees it."""
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value.isoformat() if isinstance(value, dt.date) else value


def _errors(kind: str, path: Path) -> list[str]:
    validator = jsonschema.Draft202012Validator(json_schema(kind))
    return [f"{path.name}: {e.message[:120]}" for e in validator.iter_errors(_plain(yaml.safe_load(path.read_text(encoding="utf-8"))))]


def test_schemas_declare_their_dialect_and_id() -> None:
    for kind in ("clause", "definition", "config"):
        schema = json_schema(kind)
        assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
        assert schema["$id"] == f"urn:modellaw:schema:{kind}"
        jsonschema.Draft202012Validator.check_schema(schema)


def test_schemas_accept_every_builtin_module_and_config() -> None:
    problems = []
    for path in sorted(builtin_library().rglob("*.yaml")):
        if path.parent == builtin_library() or path.name.count(".") > 1:  # catalogues, translations
            continue
        kind = "definition" if path.parent.name == "definitions" else "clause"
        problems += _errors(kind, path)
    for config in [builtin_library() / "default.yaml", *sorted((ROOT / "examples").glob("*.yaml"))]:
        problems += _errors("config", config)
    assert problems == []


def test_duration_is_a_string_in_the_schema() -> None:
    schema = json.dumps(json_schema("clause"))
    assert '"amount"' not in schema and "(hour|day|week|month|year)" in schema


def test_init_writes_a_project_that_builds_and_editors_can_check(tmp_path: Path, run_cli) -> None:
    folder = tmp_path / "northland"
    result = run_cli("init", folder, "--tradition", "common-law", "--language", "en")
    assert result.exit_code == 0, result.output
    config = folder / "bill.yaml"
    assert config.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=./schemas/config.schema.json\n")
    example = folder / "library" / "national" / "example.yaml"
    assert example.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schemas/clause.schema.json\n")
    for kind, path in (("config", config), ("clause", example)):
        schema = json.loads((folder / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        assert list(jsonschema.Draft202012Validator(schema).iter_errors(_plain(yaml.safe_load(path.read_text(encoding="utf-8"))))) == []
    built = run_cli("build", config, "-o", folder / "bill.md")
    assert built.exit_code == 0, built.output
    assert "set jurisdiction.name in the config" in built.stderr  # the starter tells the drafter what to set
    linted = run_cli("lint", "--config", config)
    assert linted.exit_code == 0, linted.output
    shown = run_cli("clauses", "show", "national.example", "--config", config)
    assert shown.exit_code == 0 and "Criminal Code" in shown.stdout


def test_starter_config_explains_every_key_and_lists_settings(tmp_path: Path, run_cli) -> None:
    run_cli("init", tmp_path / "p", "--tradition", "cis", "--language", "ru")
    text = (tmp_path / "p" / "bill.yaml").read_text(encoding="utf-8")
    keys = [line.split(":")[0] for line in text.splitlines() if line and not line.startswith((" ", "#", "-"))]
    lines = text.splitlines()
    for key in keys:
        index = next(i for i, line in enumerate(lines) if line.startswith(f"{key}:"))
        assert lines[index - 1].startswith("#"), key
    assert "tradition: cis" in text and "language: ru" in text
    assert "# max_fine: 10000000" in text and "offences.legal-persons: A" in text
    assert "# national_law:" in text  # definitions' parameters too


@pytest.mark.parametrize("existing", ["file.txt", None])
def test_init_never_overwrites(tmp_path: Path, run_cli, existing: str | None) -> None:
    folder = tmp_path / "p"
    folder.mkdir()
    if existing:
        (folder / existing).write_text("mine", encoding="utf-8")
        result = run_cli("init", folder)
        assert result.exit_code == 1 and "[INI001]" in result.stderr
        assert (folder / existing).read_text(encoding="utf-8") == "mine" and len(list(folder.iterdir())) == 1
    else:
        assert run_cli("init", folder).exit_code == 0  # an empty folder is fine
