"""textcheck: which setting a placeholder or doubled word comes from."""

from __future__ import annotations

from modellaw.textcheck import _DOUBLED, PLACEHOLDER, Setting, _setting_at


def _setting(key: str, text: str) -> Setting:
    return Setting(key, text, tuple(key.split(".")))


def test_placeholders_of_any_length_are_found() -> None:
    long = "[" + "x" * 300 + "]"
    assert PLACEHOLDER.findall(f"a {long} b [State]") == [long, "[State]"]
    assert PLACEHOLDER.findall("a [x] b") == []  # a single letter is a point label, not a placeholder


def test_doubled_word_is_traced_to_the_setting_that_prints_it() -> None:
    settings = [_setting("authorities.other", "the Minister"), _setting("authorities.commissioner", "the Online Safety Commissioner")]
    text = "Appeals lie to The the Online Safety Commissioner."
    match = _DOUBLED.search(text)
    assert match is not None and _setting_at(text, match, settings).key == "authorities.commissioner"


def test_doubled_word_in_model_mode_brackets_is_found() -> None:
    text = "made by the [the Minister]"
    match = _DOUBLED.search(text)
    assert match is not None and _setting_at(text, match, [_setting("p.x", "the Minister")]).key == "p.x"


def test_doubled_word_away_from_any_setting_has_none() -> None:
    text = "that that is so, and the Minister decides"
    match = _DOUBLED.search(text)
    assert match is not None and _setting_at(text, match, [_setting("p.x", "the Minister")]) is None
