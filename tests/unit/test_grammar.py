"""Reference grammar per language: labels and references, English and Russian."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from modellaw.languages import check_language
from modellaw.languages.grammar import Grammar, RussianGrammar, Target, grammar_for
from modellaw.languages.russian import CASES, FORMS, decline, duration, letter, plural_form
from modellaw.vocabulary import RUSSIAN

RU = RussianGrammar(False, RUSSIAN)

TABLE = [
    # (article, paragraph, points, same article, case) -> label
    ((5, None, ()), False, "", "статья 5"),
    ((7, None, ()), False, "ins", "статьей 7"),
    ((5, 1, ()), False, "nom", "часть 1 статьи 5"),
    ((5, 1, ("3)",)), False, "nom", "пункт 3 части 1 статьи 5"),
    ((5, 1, ("3)",)), False, "gen", "пункта 3 части 1 статьи 5"),
    ((5, 1, ("3)",)), False, "prep", "пункте 3 части 1 статьи 5"),
    ((5, 1, ("3)", "б)")), False, "acc", "подпункт «б» пункта 3 части 1 статьи 5"),
    ((5, None, ("2)",)), False, "ins", "пунктом 2 статьи 5"),
    ((5, 2, ()), True, "gen", "части 2 настоящей статьи"),
    ((5, 2, ("1)",)), True, "ins", "пунктом 1 части 2 настоящей статьи"),
]


@pytest.mark.parametrize(("where", "same", "case", "expected"), TABLE)
def test_russian_references_read_from_the_smallest_unit_up_in_the_case_asked(where, same, case, expected) -> None:
    article, paragraph, points = where
    assert RU.format_ref(Target(article, paragraph, points, "x"), same, case) == expected


@given(
    article=st.integers(1, 500),
    paragraph=st.none() | st.integers(1, 30),
    points=st.lists(st.integers(1, 40), max_size=2),
    case=st.sampled_from(CASES),
    same=st.booleans(),
)
def test_russian_reference_grammar_holds_for_any_target(article, paragraph, points, case, same) -> None:
    labels = tuple(f"{n})" if depth == 0 else f"{letter(n)})" for depth, n in enumerate(points))
    target = Target(article, paragraph, labels, "x")
    if same and paragraph is None and not points:
        return  # an article does not refer to itself as a whole
    words = RU.format_ref(target, same, case).split(" ")
    units = (["подпункт"] if len(points) > 1 else []) + (["пункт"] if points else []) + (["часть"] if paragraph else [])
    units += [] if same else ["статья"]
    # the first unit is in the case asked, every following one in the genitive
    assert words[0] == decline(units[0], case) if units[0] in FORMS else True
    for unit in units[1:]:
        assert FORMS[unit][1] in words
    assert words[-2:] == ["настоящей", "статьи"] if same else words[-2:] == [FORMS["статья"][1] if len(units) > 1 else decline("статья", case), str(article)]
    span = RU.number_span(" ".join(words), target)
    assert (span is None) == same


def test_english_grammar_is_unchanged_by_a_case() -> None:
    grammar = Grammar(False)
    assert grammar.format_ref(Target(7, 2, ("(b)",), "x"), False, "") == "article 7(2)(b)"
    assert grammar.format_ref(Target(7, 2, ("(b)",), "x"), True, "") == "paragraph 2(b) of this article"


def test_russian_labels_and_numbering_words() -> None:
    assert (RU.division(4), RU.article(12), RU.paragraph(2), RU.point(3, 1), RU.point(2, 2)) == ("Глава 4", "Статья 12", "2.", "3)", "б)")
    assert RU.division_format == "ARABIC" and Grammar(False).division_format == "ROMAN"
    assert isinstance(grammar_for("ru-KZ", "civil-law"), RussianGrammar)


@pytest.mark.parametrize(("amount", "expected"), [(1, "1 месяц"), (2, "2 месяца"), (5, "5 месяцев"), (11, "11 месяцев"), (21, "21 месяц"), (24, "24 месяца")])
def test_russian_durations_agree_with_the_number(amount, expected) -> None:
    assert duration(amount, "month") == expected


@given(st.integers(0, 10_000))
def test_plural_form_follows_the_russian_rule(amount) -> None:
    form = plural_form(amount, "one", "few", "many")
    if amount % 100 in (11, 12, 13, 14):
        assert form == "many"
    elif amount % 10 == 1:
        assert form == "one"
    elif amount % 10 in (2, 3, 4):
        assert form == "few"
    else:
        assert form == "many"


def test_this_law_declines() -> None:
    assert [decline("настоящий Закон", c) for c in CASES] == list(FORMS["настоящий Закон"])


def test_an_unsupported_language_names_the_supported_ones() -> None:
    with pytest.raises(ValueError, match=r"supported languages: ar \(Arabic\), en \(English\), ru \(Russian\)"):
        check_language("xx")
    assert check_language("ru-KZ") == "ru-KZ"
