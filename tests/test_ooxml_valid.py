"""Word validity as a test: every kind of document modellaw writes passes the offline OOXML
validator (../shared/ooxml/validate.py, ECMA-376 Transitional schemas plus what they miss) with
no error and no warning. Skipped where ../shared is absent (CI has it);
MODELLAW_OOXML_VALIDATOR may name the script elsewhere.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from modellaw.resources import builtin_library, default_config
from tests.conftest import edit

REPO = Path(__file__).resolve().parents[1]
VALIDATOR = Path(os.environ.get("MODELLAW_OOXML_VALIDATOR") or REPO.parent / "shared" / "ooxml" / "validate.py")
EXAMPLES = REPO / "examples"


def _variants(mini: Path) -> dict[str, Path]:
    """Write configs for the options a build can switch on; return name -> config."""
    configs = {"mini": mini / "config.yaml"}
    for name, extra in {
        "footnotes": "sources: footnotes\nline_numbers: true\nreview_comments: true\nannexes: [concordance]",
        "both": "sources: both\ntoc: false\nmode: enactment",
    }.items():
        path = mini / f"{name}.yaml"
        path.write_text((mini / "config.yaml").read_text(encoding="utf-8") + extra + "\n", encoding="utf-8")
        configs[name] = path
    return configs


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """Build one document of every kind the tool writes and return their paths."""
    import shutil

    from click.testing import CliRunner

    from modellaw.cli import main
    from tests.conftest import FIXTURES

    if not VALIDATOR.is_file():
        pytest.skip(f"OOXML validator not found at {VALIDATOR}")
    out = tmp_path_factory.mktemp("ooxml")
    mini = out / "mini"
    shutil.copytree(FIXTURES / "mini", mini)
    shutil.copytree(FIXTURES / "mini-ru", mini, dirs_exist_ok=True)
    footnoted = mini / "parallel-footnotes.yaml"
    footnoted.write_text((mini / "config-ru.yaml").read_text(encoding="utf-8") + "sources: footnotes\ntoc: true\nannexes: [concordance]\n", encoding="utf-8")
    edit(mini / "config.yaml", "max_years: 12}", "max_years: 12}\noptions:\n  humanitarian.exemption: B")
    runner = CliRunner()
    runs = {
        "default-model": ["build", default_config(), "--mode", "model"],
        "default-enactment": ["build", default_config(), "--mode", "enactment"],
        "default-review": ["build", default_config(), "--review-comments"],
        "common-law": ["build", EXAMPLES / "common-law-bill.yaml"],
        "v02": ["build", EXAMPLES / "model-law-v0.2.yaml"],
        "cis": ["build", EXAMPLES / "ipa-cis.yaml"],
        "cis-model": ["build", EXAMPLES / "ipa-cis.yaml", "--mode", "model"],
        "concordance": ["annex", "concordance", default_config()],
        "compare": ["compare", default_config(), EXAMPLES / "model-law-v0.2.yaml"],
        "redline": ["compare", default_config(), EXAMPLES / "model-law-v0.2.yaml", "--redline"],
        "redline-reverse": ["compare", EXAMPLES / "model-law-v0.2.yaml", default_config(), "--redline"],
        "book": ["library", "book", "--review-comments", "--library", builtin_library()],
    }
    runs |= {"parallel-ru-en": ["build", mini / "config-ru.yaml", "--parallel", "en"],
             "parallel-en-ru": ["build", mini / "config.yaml", "--parallel", "ru", "--mode", "enactment"],
             "parallel-footnotes": ["build", footnoted, "--parallel", "en"]}
    runs |= {f"mini-{name}": ["build", path] for name, path in _variants(mini).items()}
    written = []
    for name, args in runs.items():
        target = out / f"{name}.docx"
        result = runner.invoke(main, [*map(str, args), "-o", str(target)])
        assert result.exit_code == 0, (name, result.output)
        written.append(target)
    return written


def test_every_kind_of_document_passes_the_ooxml_validator(documents: list[Path], tmp_path: Path) -> None:
    report = tmp_path / "report.json"
    result = subprocess.run([sys.executable, str(VALIDATOR), "--json", str(report), *map(str, documents)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-4000:]
    data = json.loads(report.read_text(encoding="utf-8"))
    summary = result.stdout.splitlines()[-1]
    assert "0 error(s), 0 warning(s)" in summary, result.stdout[-4000:] + json.dumps(data)[:2000]
