"""Safeguard rules: each rule of clauses/rules.yaml fires on a law that breaks it and not on one that keeps it.

The laws are built from a generated stub library that has every clause id the rules name, so
the rules are tested on their own, apart from the built-in clauses' ``requires``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from modellaw.build import build_document
from modellaw.errors import CheckError
from modellaw.resources import builtin_library
from tests.conftest import edit

RULES = yaml.safe_load((builtin_library() / "rules.yaml").read_text(encoding="utf-8"))["rules"]
GOOD_TEXT = (
    "A person who intentionally acts commits an offence, except for research and journalism. "
    "Personal data shall be protected. A decision may be subject to appeal. "
    "The penalty shall not in any case exceed the maximum penalty provided by law. "
    "Interception requires prior authorisation by a court. Rights acquired in good faith are protected. "
    "Assistance is refused where it risks torture or the death penalty."
)
OFFENCES = ["offences.ai-enabled-tools", "offences.ai-generated-content", "offences.unmanned-systems",
            "offences.digital-weapon-files", "offences.ai-system-interference", "offences.financing-virtual-assets"]
STATE_SAFEGUARDS = ["state-use.necessity-proportionality", "state-use.impact-assessment", "state-use.notification-redress",
                    "institutions.oversight-body", "oversight.meaningful-human-control", "oversight.right-to-human-review", "final.review"]


def _named_ids() -> set[str]:
    ids: set[str] = set()
    for rule in RULES:
        ids |= set(rule.get("when", {}).get("any_clause", [])) | set(rule.get("require", {}).get("all_clauses", []))
        ids |= set(rule.get("require", {}).get("any_clause", [])) | _optioned_ids()
    return ids | set(STATE_SAFEGUARDS) | {"state-use.logging", "state-use.data-protection"}


# The library has no options_incompatible rule of its own (the scope/force clash is settled in the
# text of the force article); the rule kind is tested with this fixture rule, added to the stub
# library's rules.yaml.
INCOMPATIBLE_RULE = """
  - id: SAF090
    title: Fixture rule for the options_incompatible kind
    reason: the two fixture provisions contradict each other (legal certainty)
    options_incompatible:
      - {clause: general.scope, options: [A, B]}
      - {clause: oversight.no-automated-force, options: [A]}
"""


def _optioned_ids() -> set[str]:
    """Return the clauses that ``options_incompatible`` rules name: their stubs get options A and B."""
    rules = RULES + yaml.safe_load("rules:" + INCOMPATIBLE_RULE)["rules"]
    return {c["clause"] for rule in rules for c in rule.get("options_incompatible", [])}


def _module(clause_id: str, text: str) -> str:
    if clause_id in _optioned_ids():
        text += "\n  @options\noptions:\n  default: B\n  choices:\n" + "".join(
            f"    {key}: {{label: Option {key} stub, text: The {key} text applies.}}\n" for key in "AB")
    params = "parameters:\n  increase_percent: {type: integer, min: 1, max: 50, default: 25, description: Increase.}\n" \
        if clause_id == "aggravation.use-of-ai" else ""
    use = " Increase {{ increase_percent }}." if params else ""
    return (f"id: {clause_id}\ntitle: Stub {clause_id}\nversion: 1.0.0\nstatus: optional\nsummary: A stub clause for rule tests.\n"
            f"{params}text: |\n  {text}{use}\ncommentary: {{purpose: Stub for the safeguard rule tests.}}\n")


def build(tmp_path: Path, clauses: list[str], texts: dict[str, str] | None = None, params: str = "") -> list[str]:
    """Build a law of ``clauses`` from the stub library; return the codes of the rule diagnostics."""
    library = tmp_path / "lib"
    if library.exists():
        shutil.rmtree(library)
    for clause_id in sorted(_named_ids()):
        family, slug = clause_id.split(".")
        path = library / family / f"{slug}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_module(clause_id, (texts or {}).get(clause_id, GOOD_TEXT)), encoding="utf-8")
    rules = (builtin_library() / "rules.yaml").read_text(encoding="utf-8")
    (library / "rules.yaml").write_text(rules.rstrip("\n") + "\n" + INCOMPATIBLE_RULE, encoding="utf-8")
    config = tmp_path / "law.yaml"
    config.write_text(
        "title: Rule test\ndate: 2026-11-21\nbuiltin_library: false\nlibrary: [lib]\nstructure:\n"
        f"  - chapter: All\n    clauses: [{', '.join(clauses)}]\n{params}",
        encoding="utf-8",
    )
    try:
        return [w.code for w in build_document(config).warnings if w.code.startswith("SAF")]
    except CheckError as exc:
        return [d.code for d in exc.diagnostics if d.code.startswith("SAF")]


# rule: (clauses that break it, clauses that keep it, text overrides, parameter block)
CASES = {
    "SAF001": (["state-use.legal-basis"], ["state-use.legal-basis", *STATE_SAFEGUARDS], {}, ""),
    "SAF002": (["offences.financing-virtual-assets"], ["offences.financing-virtual-assets", "humanitarian.exemption"], {}, ""),
    "SAF003": (["aggravation.use-of-ai"], ["aggravation.use-of-ai"], {"aggravation.use-of-ai": "The court may increase the penalty."}, ""),
    "SAF004": (["aggravation.use-of-ai"], ["aggravation.use-of-ai"], {}, "parameters: {aggravation.use-of-ai: {increase_percent: 40}}\n"),
    "SAF005": (["offences.unmanned-systems"], ["offences.unmanned-systems"], {"offences.unmanned-systems": "Whoever uses a drone commits an offence, except for research and journalism."}, ""),
    "SAF006": (["offences.ai-enabled-tools"], ["offences.ai-enabled-tools"], {"offences.ai-enabled-tools": "A person who intentionally provides a tool commits an offence."}, ""),
    "SAF007": (["state-use.biometric-identification", *STATE_SAFEGUARDS, "state-use.legal-basis"],
               ["state-use.biometric-identification", *STATE_SAFEGUARDS, "state-use.legal-basis", "state-use.logging", "state-use.data-protection"], {}, ""),
    "SAF008": (["state-use.logging", "final.review"], ["state-use.logging", "final.review", "oversight.meaningful-human-control", "oversight.right-to-human-review"], {}, ""),
    "SAF009": (["providers.removal-orders"], ["providers.removal-orders"], {"providers.removal-orders": "The authority may order removal within one hour."}, ""),
    "SAF010": (["cooperation.spontaneous-information"], ["cooperation.spontaneous-information"], {"cooperation.spontaneous-information": "Information may be shared with other States."}, ""),
    "SAF011": (["state-use.logging", "oversight.meaningful-human-control", "oversight.right-to-human-review"],
               ["state-use.logging", "oversight.meaningful-human-control", "oversight.right-to-human-review", "final.sunset"], {}, ""),
    "SAF012": (["offences.legal-persons"], ["offences.legal-persons", "offences.ai-enabled-tools"], {}, ""),
    "SAF013": (["investigation.interception"], ["investigation.interception", "investigation.conditions-safeguards"], {}, ""),
    "SAF014": (["investigation.interception"], ["investigation.interception"], {"investigation.interception": "The police may intercept communications for one month."}, ""),
    "SAF015": (["confiscation.orders"], ["confiscation.orders"], {"confiscation.orders": "All property used in the offence shall be confiscated."}, ""),
    "SAF016": (["virtual-assets.travel-rule"], ["virtual-assets.travel-rule", "virtual-assets.supervision"], {}, ""),
    "SAF017": (["cooperation.mutual-legal-assistance"], ["cooperation.mutual-legal-assistance"], {"cooperation.mutual-legal-assistance": "Assistance shall be given to every State. Personal data shall be protected."}, ""),
}
INCOMPATIBLE_CASE = (["general.scope", "oversight.no-automated-force"], ["general.scope", "oversight.no-automated-force"], {},
                     "options: {general.scope: A, oversight.no-automated-force: A}\n")


def test_every_rule_has_a_case_and_there_are_at_least_ten():
    assert {r["id"] for r in RULES} == set(CASES)
    assert len(RULES) >= 10


@pytest.mark.parametrize("rule_id", [*sorted(CASES), "SAF090"])
def test_rule_fires_when_broken(rule_id: str, tmp_path: Path):
    breaking, _, texts, params = CASES.get(rule_id, INCOMPATIBLE_CASE)
    assert rule_id in build(tmp_path, breaking, texts, params)


@pytest.mark.parametrize("rule_id", [*sorted(CASES), "SAF090"])
def test_rule_holds_when_kept(rule_id: str, tmp_path: Path):
    _, keeping, texts, params = CASES.get(rule_id, INCOMPATIBLE_CASE)
    kept_texts = {} if rule_id in ("SAF003", "SAF005", "SAF006", "SAF009", "SAF010", "SAF014", "SAF015", "SAF017") else texts
    kept_params = "" if rule_id in ("SAF004", "SAF090") else params
    assert rule_id not in build(tmp_path, keeping, kept_texts, kept_params)


def test_rule_messages_give_reason_and_location(tmp_path: Path, run_cli):
    build(tmp_path, ["offences.financing-virtual-assets"])
    result = run_cli("build", tmp_path / "law.yaml", "-o", tmp_path / "law.docx")
    assert result.exit_code == 1
    line = next(ln for ln in result.stderr.splitlines() if "[SAF002]" in ln)
    assert "law.yaml:7" in line and "humanitarian.exemption" in line and "humanitarian activities" in line
    assert not (tmp_path / "law.docx").exists()


def test_warning_rules_do_not_stop_the_build(tmp_path: Path):
    codes = build(tmp_path, ["aggravation.use-of-ai"], {}, "parameters: {aggravation.use-of-ai: {increase_percent: 40}}\n")
    assert codes == ["SAF004"]


def test_incompatible_options_name_both_articles_at_the_config_line(tmp_path: Path, run_cli):
    build(tmp_path, ["general.scope", "oversight.no-automated-force"], {},
          "options: {general.scope: A, oversight.no-automated-force: A}\n")
    result = run_cli("build", tmp_path / "law.yaml", "-o", tmp_path / "law.md")
    assert result.exit_code == 1
    line = next(ln for ln in result.stderr.splitlines() if "[SAF090]" in ln)
    assert "law.yaml:8: options.general.scope" in line
    assert "option A of Article 1 (general.scope) together with option A of Article 2 (oversight.no-automated-force)" in line
    assert not (tmp_path / "law.md").exists()


def test_incompatible_options_hold_when_only_one_clause_is_in(tmp_path: Path):
    assert "SAF090" not in build(tmp_path, ["oversight.no-automated-force"], {}, "options: {oversight.no-automated-force: A}\n")


def test_lint_reports_incompatible_default_options(tmp_path: Path, run_cli):
    build(tmp_path, ["general.scope"])
    edit(tmp_path / "lib" / "oversight" / "no-automated-force.yaml", "default: B", "default: A")
    edit(tmp_path / "lib" / "general" / "scope.yaml", "default: B", "default: A")
    result = run_cli("lint", "--library", tmp_path / "lib")
    line = next(ln for ln in result.stderr.splitlines() + result.stdout.splitlines() if "[SAF090]" in ln)
    assert "scope.yaml" in line and "options.default" in line and "general.scope (its default)" in line


def test_incompatible_rule_naming_an_option_the_clause_lacks_is_refused(tmp_path: Path, run_cli):
    build(tmp_path, ["general.scope"])
    edit(tmp_path / "lib" / "rules.yaml", "{clause: oversight.no-automated-force, options: [A]}",
         "{clause: oversight.no-automated-force, options: [Q]}")
    result = run_cli("lint", "--library", tmp_path / "lib")
    assert result.exit_code == 1 and "[RUL005]" in result.stderr and "has no option 'Q'" in result.stderr


@pytest.mark.parametrize("body, message", [
    ("options_incompatible: [{clause: general.scope, options: [A]}]", "at least two clauses"),
    ("options_incompatible: [{clause: general.scope, options: [A]}, {clause: general.scope, options: [B]}]", "names a clause twice"),
    ("when: {any_clause: [general.scope]}", "needs 'when' and 'require'"),
])
def test_malformed_rules_are_refused(body: str, message: str):
    from modellaw.schema.rules import SafeguardRule
    with pytest.raises(ValueError, match=message):
        SafeguardRule.model_validate({"id": "SAF099", "title": "A test rule", "reason": "for the schema test", **yaml.safe_load(body)})
