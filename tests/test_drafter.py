"""A national drafter's bill (issue 13): no silent text errors, names for settings, help everywhere."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import pytest

from modellaw.cli import main
from modellaw.resources import builtin_library
from modellaw.templating import format_boolean, format_number
from tests.conftest import edit

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "common-law-bill.yaml"


@pytest.fixture
def bill(tmp_path: Path) -> Path:
    """Return a copy of the shipped common-law example bill."""
    target = tmp_path / "bill.yaml"
    shutil.copy(EXAMPLE, target)
    return target


def test_shipped_common_law_example_is_clean_under_strict(bill: Path, run_cli) -> None:
    result = run_cli("build", bill, "-o", bill.with_name("bill.md"), "--strict")
    assert result.exit_code == 0, result.output
    assert "CHK" not in result.stderr


def test_long_placeholder_is_reported_with_the_parameter_to_set(bill: Path, run_cli) -> None:
    edit(bill, "  offences.ai-generated-content: {content_offences_law: sections 5 to 7 of the Terrorism Act 2004}\n", "")
    result = run_cli("build", bill, "-o", bill.with_name("bill.md"))
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if "[CHK001]" in line]
    assert len(lines) == 1, result.stderr
    assert "set parameters.offences.ai-generated-content.content_offences_law in the config" in lines[0]
    assert "[the provisions of national law on public provocation" in lines[0]
    strict = run_cli("build", bill, "-o", bill.with_name("strict.md"), "--strict")
    assert strict.exit_code == 1 and not bill.with_name("strict.md").exists()


def test_placeholder_in_the_state_name_names_jurisdiction_name(bill: Path, run_cli) -> None:
    edit(bill, "name: Northland", 'name: "[State]"')
    result = run_cli("build", bill, "-o", bill.with_name("bill.md"))
    assert "placeholder [State] in enactment mode; set jurisdiction.name" in result.stderr


def test_doubled_article_across_a_parameter_is_reported_with_the_parameter(bill: Path, run_cli) -> None:
    edit(bill, "{short_title: Artificial", "{short_title: the Artificial")
    result = run_cli("build", bill, "-o", bill.with_name("bill.md"))
    lines = [line for line in result.stderr.splitlines() if "[CHK002]" in line]
    assert len(lines) == 1, result.stderr
    assert "'the the'" in lines[0] and "parameters.general.short-title.short_title" in lines[0]
    assert "bill.yaml:" in lines[0]


def test_text_parameter_descriptions_say_whether_the_value_includes_an_article() -> None:
    import yaml

    missing = []
    for path in sorted(builtin_library().rglob("*.yaml")):
        if len(path.suffixes) > 1:  # a translation (<slug>.<lang>.yaml): its descriptions are in its own language
            continue
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for name, declaration in ((data or {}).get("parameters") or {}).items() if isinstance(data, dict) else ():
            if declaration.get("type") in ("text", "list") and "article" not in declaration["description"]:
                missing.append(f"{path.name}:{name}")
    assert not missing


def test_numbers_are_grouped_by_language_and_booleans_print_as_words() -> None:
    assert format_number(10000000) == "10,000,000"
    assert format_number(10000000, "fr").replace("\u202f", " ") == "10 000 000"
    assert format_number(14) == "14"
    assert format_number(5000, "xx-unknown") == "5,000"
    assert (format_boolean(True), format_boolean(False)) == ("yes", "no")


def test_fines_print_grouped_in_the_bill(bill: Path, run_cli) -> None:
    run_cli("build", bill, "-o", bill.with_name("bill.md"))
    text = bill.with_name("bill.md").read_text(encoding="utf-8")
    assert "10,000,000 Northland dollars" in text and "10000000" not in text


def test_boolean_defaults_print_as_words(run_cli) -> None:
    result = run_cli("clauses", "show", "state-use.necessity-proportionality")
    assert result.exit_code == 0
    assert "True" not in result.stdout and "yes" in result.stdout


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = [prefix]
    for name, command in group.commands.items():
        found += _commands(command, (*prefix, name)) if isinstance(command, click.Group) else [(*prefix, name)]
    return found


@pytest.mark.parametrize("command", _commands(main), ids=lambda c: " ".join(c) or "modellaw")
def test_dash_h_works_everywhere(command: tuple[str, ...], run_cli) -> None:
    result = run_cli(*command, "-h")
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("Usage:")


def test_compare_knows_the_builtin_default_by_name(bill: Path, run_cli) -> None:
    out = bill.with_name("comparison.md")
    result = run_cli("compare", "default", bill, "-o", out)
    assert result.exit_code == 0, result.output
    assert out.exists() and "wrote" in result.stdout


def _closure(library, ids: list[str]) -> list[str]:
    """Return ``ids`` with every clause they declare in ``requires``, transitively, in a stable order."""
    seen: list[str] = []
    todo = list(ids)
    while todo:
        clause_id = todo.pop(0)
        if clause_id not in seen:
            seen.append(clause_id)
            todo += [r for r in library.entries[clause_id].module.requires if not r.startswith("definitions.")]
    return seen


def _with_alternatives(library, ids: list[str]) -> list[str]:
    """Add, for each safeguard rule that asks for "one of" several clauses and gets none, the first it names.

    ``requires`` cannot say "one of", so the test supplies that choice; rules asking for all of a list
    must be met by the declared requirements themselves.
    """
    while True:
        families = {i.split(".")[0] for i in ids}
        missing = [rule.rule.require.any_clause[0] for rule in library.rules
                   if rule.rule.require is not None and rule.rule.when is not None and rule.rule.require.any_clause and not set(rule.rule.require.any_clause) & set(ids)
                   and (set(rule.rule.when.any_clause) & set(ids) or set(rule.rule.when.any_family) & families)]
        if not missing:
            return ids
        ids = _closure(library, ids + missing[:1])


def _build_alone(library, clause_id: str, folder: Path) -> list[str]:
    """Build (model mode, strict) the clause with its declared requirements; return the problems found."""
    import yaml

    from modellaw.catalogue import load_catalogue
    from modellaw.checks import run_checks
    from modellaw.configfile import load_config
    from modellaw.errors import DraftingError
    from modellaw.numbering import number
    from modellaw.render import render
    from modellaw.resolve import resolve

    ids = _with_alternatives(library, _closure(library, [clause_id]))
    config = {"title": "Test law", "date": "2026-01-01", "structure": [{"chapter": "Provisions", "clauses": ["definitions", *ids]}]}
    path = folder / f"{clause_id}.yaml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    try:
        resolved = resolve(load_config(path), library)
        document, warnings = render(resolved, load_catalogue())
        return [w.format() for w in warnings + run_checks(number(document), resolved)]
    except DraftingError as exc:
        return [d.format() for d in exc.diagnostics]


def test_each_library_clause_builds_alone_with_its_declared_requirements(tmp_path: Path) -> None:
    from modellaw.api import load

    library = load([])
    failures = {e.module.id: _build_alone(library, e.module.id, tmp_path) for e in library.clauses()}
    assert {k: v for k, v in failures.items() if v} == {}


def test_general_clauses_require_nothing_and_build_alone(tmp_path: Path) -> None:
    from modellaw.api import load

    library = load([])
    for entry in library.clauses():
        if entry.module.family == "general":
            assert entry.module.requires == [], entry.module.id
            assert _build_alone(library, entry.module.id, tmp_path) == []


def test_purpose_and_scope_state_only_what_the_bill_contains(bill: Path, run_cli) -> None:
    run_cli("build", bill, "-o", bill.with_name("bill.md"), "--strict")
    text = bill.with_name("bill.md").read_text(encoding="utf-8")
    assert "public authorities use new technologies to counter terrorism" not in text  # no State-use chapter
    assert "international cooperation against the use" not in text  # no cooperation chapter
    assert "to prevent, detect and suppress the use of" in text  # offences are in
    assert "This Act applies to the development" in text and "The duties referred to in" not in text
    full = run_cli("build", "-o", bill.with_name("full.md"))
    assert full.exit_code == 0
    text = bill.with_name("full.md").read_text(encoding="utf-8")
    assert "public authorities use new technologies to counter terrorism" in text and "The duties referred to in" in text


def test_enactment_mode_prints_the_bill_front_matter(bill: Path, run_cli) -> None:
    edit(bill, "draft_marking:", 'preamble: ["WHEREAS terrorists use new technologies;"]\ndraft_marking:')
    result = run_cli("build", bill, "-o", bill.with_name("bill.docx"), "--strict")
    assert result.exit_code == 0, result.output
    import docx

    texts = [p.text for p in docx.Document(str(bill.with_name("bill.docx"))).paragraphs]
    long_title = next(i for i, t in enumerate(texts) if t.startswith("An Act to create offences"))
    preamble = texts.index("WHEREAS terrorists use new technologies;")
    formula = texts.index("BE IT ENACTED by the Parliament of Northland as follows:")
    first = next(i for i, t in enumerate(texts) if "Short title" in t)
    assert long_title < preamble < formula < first


@pytest.mark.parametrize(("tradition", "formula"), [
    ("civil-law", "The Parliament of Northland adopts the following Law:"),
    ("cis", "Adopted by the Parliament of Northland."),
])
def test_enacting_formula_follows_the_tradition(bill: Path, run_cli, tradition: str, formula: str) -> None:
    edit(bill, "tradition: common-law", f"tradition: {tradition}")
    run_cli("build", bill, "-o", bill.with_name("bill.md"))
    assert formula in bill.with_name("bill.md").read_text(encoding="utf-8")


def test_model_mode_keeps_the_model_title_page(bill: Path, run_cli) -> None:
    run_cli("build", bill, "-o", bill.with_name("model.md"), "--mode", "model")
    text = bill.with_name("model.md").read_text(encoding="utf-8")
    assert "BE IT ENACTED" not in text and "An Act to create offences" not in text


def test_placeholder_in_the_front_matter_names_the_key(bill: Path, run_cli) -> None:
    edit(bill, "legislature: Parliament", 'legislature: "[Parliament]"')
    result = run_cli("build", bill, "-o", bill.with_name("bill.md"))
    assert "front matter still has the placeholder [Parliament] in enactment mode; set jurisdiction.legislature" in result.stderr


def _house_template(tmp_path: Path, drop: tuple[str, ...] = ("ML Body", "ML Point")) -> Path:
    """Return a 'house' template: the built-in one with some styles removed, another font and sample text."""
    import docx

    from modellaw.writers.house import builtin_template

    document = docx.Document(str(builtin_template()))
    for name in drop:
        element = document.styles[name].element
        element.getparent().remove(element)
    document.styles["Normal"].font.name = "Courier New"
    document.add_paragraph("HOUSE SAMPLE TEXT")
    path = tmp_path / "house.docx"
    document.save(str(path))
    return path


def test_house_template_lacking_styles_is_refused_with_their_names(bill: Path, run_cli) -> None:
    house = _house_template(bill.parent)
    result = run_cli("build", bill, "-o", bill.with_name("bill.docx"), "--reference-docx", house)
    assert result.exit_code == 1 and not bill.with_name("bill.docx").exists()
    assert "lacks 2 style(s) the writer needs: ML Body, ML Point" in result.stderr and "[DOC002]" in result.stderr


def test_house_template_styles_are_used_and_missing_ones_added(bill: Path, run_cli) -> None:
    import docx

    house = _house_template(bill.parent)
    before = house.read_bytes()
    result = run_cli("build", bill, "-o", bill.with_name("bill.docx"), "--reference-docx", house, "--add-missing-styles")
    assert result.exit_code == 0, result.output
    built = docx.Document(str(bill.with_name("bill.docx")))
    assert built.styles["Normal"].font.name == "Courier New"
    assert {"ML Body", "ML Point"} <= {s.name for s in built.styles}
    assert "HOUSE SAMPLE TEXT" not in [p.text for p in built.paragraphs]
    assert house.read_bytes() == before


def test_house_template_from_the_config(bill: Path, run_cli) -> None:
    _house_template(bill.parent, drop=())
    edit(bill, "draft_marking:", "reference_docx: house.docx\ndraft_marking:")
    result = run_cli("build", bill, "-o", bill.with_name("bill.docx"))
    assert result.exit_code == 0, result.output
    import docx

    assert docx.Document(str(bill.with_name("bill.docx"))).styles["Normal"].font.name == "Courier New"


def test_a_house_template_that_is_not_a_word_file_is_refused(bill: Path, run_cli) -> None:
    fake = bill.with_name("house.docx")
    fake.write_text("not a zip", encoding="utf-8")
    result = run_cli("build", bill, "-o", bill.with_name("bill.docx"), "--reference-docx", fake)
    assert result.exit_code == 1 and "[DOC001]" in result.stderr


def test_word_docs_list_every_style_the_writer_needs() -> None:
    from modellaw.writers.docx import USED_STYLES

    text = (Path(__file__).resolve().parents[1] / "docs" / "word.md").read_text(encoding="utf-8")
    table = text[text.index("| kind | styles the writer needs |"):]
    assert [s for s in sorted(USED_STYLES) if f"`{s}`" not in table] == []


def test_placeholder_in_an_authority_name_names_the_authority_to_set(bill: Path, run_cli) -> None:
    edit(bill, "  humanitarian-authority: the Minister of Justice\n", "")
    result = run_cli("build", bill, "-o", bill.with_name("bill.md"))
    assert "set authorities.humanitarian-authority in the config" in result.stderr, result.stderr


def test_doubled_article_from_an_authority_name_is_reported(bill: Path, run_cli) -> None:
    edit(bill, "humanitarian-authority: the Minister of Justice", "humanitarian-authority: the the Minister of Justice")
    result = run_cli("build", bill, "-o", bill.with_name("bill.md"))
    assert "'the the'" in result.stderr and "authorities.humanitarian-authority" in result.stderr, result.stderr
