"""LOAD: safe YAML with lines for every key."""

from modellaw.yamlio import parse_yaml


def test_lines_of_keys_and_block_text_start():
    doc, problems = parse_yaml("a: 1\nb:\n  c: |\n    first\n    second\n", "f.yaml")
    assert problems == []
    assert doc.line_of(("b", "c")) == 3
    assert doc.text_start_line(("b", "c")) == 4
    assert doc.line_of(("b", "c", "missing")) == 3


def test_duplicate_keys_are_reported_not_silently_merged():
    _, problems = parse_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert [p.format() for p in problems] == ["f.yaml:3: a: duplicate key 'a' [YAML002]"]


def test_python_tags_are_refused():
    doc, problems = parse_yaml("x: !!python/object/apply:os.system ['true']\n", "f.yaml")
    assert doc is None and problems[0].code == "YAML001"


def test_xml_invalid_escape_is_located():
    _, problems = parse_yaml('a: ok\nb: "bad\\x07char"\n', "f.yaml")
    assert problems[0].code == "YAML003" and problems[0].location.line == 2


def test_reserved_private_use_character_is_refused():
    _, problems = parse_yaml('a: "x\\ue000y"\n', "f.yaml")
    assert problems[0].code == "YAML003"


def test_syntax_error_has_line():
    doc, problems = parse_yaml("a: 1\nb: [1, 2\nc: 3\n", "f.yaml")
    assert doc is None and problems[0].location.line == 3
