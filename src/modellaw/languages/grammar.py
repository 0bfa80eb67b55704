"""Numbering labels and reference grammar per language and legal tradition.

A Grammar says how divisions, articles, paragraphs and points are labelled and how a reference
to one of them reads. English (and the languages that borrow its pattern, such as the Arabic
sample) follows the civil-law "article 7(2)(b)" or common-law "section 7(2)(b)" scheme; Russian
follows the CIS and Russian pattern "пункт 2 части 1 статьи 7", declined as the template asks.
"""

from __future__ import annotations

from dataclasses import dataclass

from modellaw import traditions
from modellaw.languages import base_language, russian
from modellaw.vocabulary import ENGLISH, Vocabulary, vocabulary


def roman(number: int) -> str:
    """Return ``number`` (1-3999) in upper-case Roman numerals."""
    table = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = []
    for value, letters in table:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


def letter(number: int) -> str:
    """Return the point letter for ``number``: a..z, then aa, bb... (drafting convention)."""
    base = chr(ord("a") + (number - 1) % 26)
    return base * ((number - 1) // 26 + 1)


@dataclass(frozen=True)
class Target:
    """Where an anchor points: the article number and the path of paragraph/point labels."""

    article: int
    paragraph: str | None
    """The paragraph's number as printed (``3``, or ``3a`` for an option's inserted paragraph)."""
    points: tuple[str, ...]
    eid: str


@dataclass(frozen=True)
class Grammar:
    """Labels and references in the English pattern (civil-law or common-law scheme)."""

    common_law: bool = False
    words: Vocabulary = ENGLISH
    arabic_chapters: bool = False
    """Chapters numbered 1, 2, 3 (CIS form) instead of I, II, III."""
    cases: tuple[str, ...] = ()
    """The grammatical cases a reference may be asked for (none: references do not decline)."""

    @property
    def division_format(self) -> str:
        """Return how Word's SEQ field formats the division number: ``ROMAN`` or ``ARABIC``."""
        return "ARABIC" if self.common_law or self.arabic_chapters else "ROMAN"

    def division(self, n: int) -> str:
        """Return ``Chapter IV`` (civil) or ``Part 4`` (common)."""
        if self.common_law:
            return f"{self.words.part} {n}"
        return f"{self.words.chapter} {n if self.arabic_chapters else roman(n)}"

    def article(self, n: int) -> str:
        """Return ``Article 7`` (civil) or ``Section 7`` (common)."""
        return f"{self.words.section if self.common_law else self.words.article} {n}"

    def paragraph(self, n: int | str) -> str:
        """Return ``1.`` (civil) or ``(1)`` (common)."""
        return f"({n})" if self.common_law else f"{n}."

    def point(self, n: int, depth: int) -> str:
        """Return ``(b)`` for a point and ``(ii)`` for a sub-point."""
        return f"({letter(n)})" if depth == 1 else f"({roman(n).lower()})"

    def ref_word(self) -> str:
        """Return ``section`` or ``article``."""
        return self.words.section_ref if self.common_law else self.words.article_ref

    def format_ref(self, target: Target, same_article: bool, case: str = "") -> str:
        """Return the label of a reference: ``article 7(2)(b)`` or ``paragraph 2(b) of this article``."""
        inner = (f"({target.paragraph})" if target.paragraph is not None else "") + "".join(target.points)
        words = self.words
        if same_article and inner:
            tail = "".join(target.points)
            if target.paragraph is None:
                return f"{words.paragraph_ref} {tail}"
            if self.common_law:
                return f"{words.subsection_ref} ({target.paragraph}){tail}"
            return f"{words.paragraph_ref} {target.paragraph}{tail} {words.of_this_article}"
        return f"{self.ref_word()} {target.article}{inner}"

    def number_span(self, label: str, target: Target) -> tuple[int, int] | None:
        """Return where the article number sits in a cross-article ``label`` (None for same-article labels)."""
        prefix = f"{self.ref_word()} "
        if not label.startswith(prefix):
            return None
        return len(prefix), len(prefix) + len(str(target.article))


@dataclass(frozen=True)
class RussianGrammar(Grammar):
    """Глава 1, Статья 1, части 1., пункты 1), подпункты а); references from the smallest unit up."""

    cases: tuple[str, ...] = russian.CASES

    @property
    def division_format(self) -> str:
        """Return ``ARABIC``: chapters are numbered in Arabic figures."""
        return "ARABIC"

    def division(self, n: int) -> str:
        """Return ``Глава 4``."""
        return f"{self.words.chapter} {n}"

    def article(self, n: int) -> str:
        """Return ``Статья 7``."""
        return f"{self.words.article} {n}"

    def paragraph(self, n: int | str) -> str:
        """Return ``1.`` (a часть)."""
        return f"{n}."

    def point(self, n: int, depth: int) -> str:
        """Return ``3)`` for a пункт and ``б)`` for a подпункт."""
        return f"{n})" if depth == 1 else f"{russian.letter(n)})"

    def format_ref(self, target: Target, same_article: bool, case: str = "") -> str:
        """Return "пункт 3 части 1 статьи 5" with the first word in ``case`` (nominative by default)."""
        units = []
        for depth, label in reversed(list(enumerate(target.points, start=1))):
            mark = label.rstrip(")")
            units.append(("подпункт", f"«{mark}»") if depth > 1 else ("пункт", mark))
        if target.paragraph is not None:
            units.append(("часть", str(target.paragraph)))
        if not same_article:
            units.append(("статья", str(target.article)))
        first = case or "nom"
        words = [f"{russian.form(word, first if i == 0 else 'gen')} {number}" for i, (word, number) in enumerate(units)]
        if same_article:
            words.append(russian.form("настоящая статья", "gen"))
        return " ".join(words)

    def number_span(self, label: str, target: Target) -> tuple[int, int] | None:
        """Return where the article number sits: the end of the label, after ``статьи ``/``статья ``."""
        number = str(target.article)
        words = label.rsplit(" ", 2)[-2:]
        if len(words) != 2 or words[0] not in russian.FORMS["статья"] or words[1] != number:
            return None
        return len(label) - len(number), len(label)


def grammar_for(language: str, tradition: str) -> Grammar:
    """Return the grammar of ``language`` under ``tradition`` (civil-law, common-law or cis)."""
    words = vocabulary(language)
    form = traditions.tradition(tradition)
    if base_language(language) == "ru":
        return RussianGrammar(False, words)
    return Grammar(form.common_law, words, form.arabic_chapters)
