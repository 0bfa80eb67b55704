"""Russian grammar the structure needs: case forms of the structural words, plural agreement.

Cases are named ``nom``, ``gen``, ``dat``, ``acc``, ``ins``, ``prep``. References are built from
the smallest unit up, the first word in the case the template asks for and the rest in the
genitive: "пункта 3 части 1 статьи 5", "в соответствии со статьей 7".
"""

from __future__ import annotations

CASES = ("nom", "gen", "dat", "acc", "ins", "prep")
"""The six cases, in the order of the form tables."""

FORMS: dict[str, tuple[str, ...]] = {
    "статья": ("статья", "статьи", "статье", "статью", "статьей", "статье"),
    "часть": ("часть", "части", "части", "часть", "частью", "части"),
    "пункт": ("пункт", "пункта", "пункту", "пункт", "пунктом", "пункте"),
    "подпункт": ("подпункт", "подпункта", "подпункту", "подпункт", "подпунктом", "подпункте"),
    "глава": ("глава", "главы", "главе", "главу", "главой", "главе"),
    "настоящая статья": ("настоящая статья", "настоящей статьи", "настоящей статье", "настоящую статью", "настоящей статьей", "настоящей статье"),
    "[государство]": ("[государство]", "[государства]", "[государству]", "[государство]", "[государством]", "[государстве]"),
    "настоящий Закон": ("настоящий Закон", "настоящего Закона", "настоящему Закону", "настоящий Закон", "настоящим Законом", "настоящем Законе"),
}
"""Case forms of the structural words, in the order of CASES."""

LETTERS = "абвгдежзиклмнопрстуфхцчшщэюя"
"""Letters for sub-points, as Russian legislation uses them (no ё, й, ъ, ы, ь)."""


def form(word: str, case: str) -> str:
    """Return ``word`` (a key of FORMS) in ``case``; raise ValueError for an unknown case."""
    if case not in CASES:
        raise ValueError(f"unknown case {case!r}; use one of {', '.join(CASES)}")
    return FORMS[word][CASES.index(case)]


def decline(phrase: str, case: str) -> str:
    """Return ``phrase`` (a key of FORMS, such as "настоящий Закон") in ``case``; raise ValueError otherwise."""
    if phrase not in FORMS:
        raise ValueError(f"no case forms for {phrase!r}")
    return form(phrase, case)


def letter(number: int) -> str:
    """Return the sub-point letter for ``number``: а, б, в ... я, then аа, бб ..."""
    base = LETTERS[(number - 1) % len(LETTERS)]
    return base * ((number - 1) // len(LETTERS) + 1)


def plural_form(amount: int, one: str, few: str, many: str) -> str:
    """Return the noun agreeing with ``amount``: 1 месяц, 2 месяца, 5 месяцев, 21 месяц, 11 месяцев."""
    if amount % 10 == 1 and amount % 100 != 11:
        return one
    if 2 <= amount % 10 <= 4 and not 12 <= amount % 100 <= 14:
        return few
    return many


UNITS: dict[str, tuple[str, str, str]] = {
    "hour": ("час", "часа", "часов"),
    "day": ("день", "дня", "дней"),
    "week": ("неделя", "недели", "недель"),
    "month": ("месяц", "месяца", "месяцев"),
    "year": ("год", "года", "лет"),
}
"""Duration units: the forms for one, few and many."""


def duration(amount: int, unit: str) -> str:
    """Return a period in Russian: ``12 месяцев``, ``1 год``, ``3 дня``."""
    return f"{amount} {plural_form(amount, *UNITS[unit])}"
