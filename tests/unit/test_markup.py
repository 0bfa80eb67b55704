"""The clause markup parser."""

from modellaw.ir import Ref, Term, Text
from modellaw.markup import parse_body, parse_inlines, ref_sentinel, term_sentinel


def parse(text: str):
    problems: list = []
    body = parse_body(text, "f.yaml", 10, problems)
    return body, problems


def test_paragraphs_points_subpoints_and_wrap_up():
    body, problems = parse("Opening words:\n- first;\n  - sub one;\n  - sub two;\n- second,\nclosing words.\n\nSecond paragraph\ncontinued.\n")
    assert problems == []
    first, second = body.before
    assert [p.inlines[0].text for p in first.points] == ["first;", "second,"]
    assert [c.inlines[0].text for c in first.points[0].children] == ["sub one;", "sub two;"]
    assert first.wrap_up == (Text("closing words."),)
    assert second.inlines == (Text("Second paragraph continued."),)
    assert body.after is None


def test_indented_line_continues_the_point():
    body, _ = parse("Words:\n- a point\n  that goes on.\n")
    assert body.before[0].points[0].inlines == (Text("a point that goes on."),)


def test_anchors_on_paragraphs_and_points():
    body, _ = parse("{:main} Words:\n- {:item} point\n")
    assert body.before[0].anchor == "main"
    assert body.before[0].points[0].anchor == "item"
    assert body.before[0].inlines == (Text("Words:"),)


def test_options_marker_splits_the_body():
    body, _ = parse("Before.\n@options\nAfter.\n")
    assert [p.inlines[0].text for p in body.before] == ["Before."]
    assert [p.inlines[0].text for p in body.after] == ["After."]


def test_errors_are_located_from_the_first_line():
    _, problems = parse("- orphan point\n")
    assert problems[0].code == "MRK001" and problems[0].location.line == 10
    _, problems = parse("Words:\n  - sub without point\n")
    assert problems[0].code == "MRK004" and problems[0].location.line == 11
    _, problems = parse("Words:\n- point\nclosing.\n- late point\n")
    assert problems[0].code == "MRK003"


def test_sentinels_become_term_and_ref_nodes():
    text = f"use {term_sentinel('ai-system', 'plural')} under {ref_sentinel('offences.x', 'intent')}."
    assert parse_inlines(text) == (
        Text("use "),
        Term("ai-system", "plural"),
        Text(" under "),
        Ref("offences.x", "intent"),
        Text("."),
    )


def test_whitespace_is_folded():
    assert parse_inlines("a   b\tc ") == (Text("a b c"),)


def test_paragraph_status_marks_before_or_after_the_anchor():
    body, problems = parse("{:core} Core.\n\n{:extra} {!recommended} Extra.\n\n{!optional} {:more} More.\n")
    assert problems == []
    assert [(p.anchor, p.status, p.inlines) for p in body.before] == [
        ("core", None, (Text("Core."),)), ("extra", "recommended", (Text("Extra."),)), ("more", "optional", (Text("More."),))]


def test_status_marks_on_points_and_unknown_statuses_are_errors():
    _, problems = parse("Words:\n- {!optional} point\n")
    assert [p.code for p in problems] == ["MRK006"] and problems[0].location.line == 11
    body, problems = parse("{!advisable} Words.\n")
    assert [p.code for p in problems] == ["MRK007"] and body.before[0].status is None
