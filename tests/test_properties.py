"""Property tests: numbering is sequential and unique; every reference resolves to its target's label."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from modellaw.ir import Article, Division, Document, Meta, Paragraph, Point, Ref, Text
from modellaw.languages.grammar import letter, roman
from modellaw.numbering import number

Shape = list[list[list[int]]]  # divisions -> articles -> paragraphs -> number of points

shapes = st.lists(
    st.lists(st.lists(st.integers(0, 4), min_size=1, max_size=4), min_size=1, max_size=5), min_size=1, max_size=4
)


def meta(tradition: str) -> Meta:
    return Meta("T", "T", "S", tradition, "en", "1", dt.date(2026, 1, 1), "model", "a", None, "", "0")


def make_document(shape: Shape, tradition: str = "civil-law", refs: list[tuple[int, int]] | None = None) -> Document:
    """Build a document whose every paragraph and point carries a unique anchor."""
    divisions = []
    n = 0
    for d, articles in enumerate(shape):
        built = []
        for paragraphs in articles:
            n += 1
            body = []
            for p, points in enumerate(paragraphs):
                pts = tuple(Point((Text("pt"),), anchor=f"p{p}-{k}") for k in range(points))
                body.append(Paragraph((Text("x"),), points=pts, anchor=f"p{p}"))
            built.append(Article(f"c.a{n}", "1.0.0", f"A{n}", "optional", tuple(body)))
        divisions.append(Division(f"D{d}", tuple(built)))
    if refs:
        citing = tuple(Paragraph((Ref(f"c.a{a}", anchor),)) for a, anchor in refs)  # type: ignore[misc]
        divisions.append(Division("Refs", (Article("c.citing", "1", "R", "optional", citing),)))
    return Document(meta(tradition), tuple(divisions))


@given(shapes)
@settings(max_examples=150, deadline=None)
def test_articles_paragraphs_and_points_are_numbered_in_sequence(shape: Shape):
    out = number(make_document(shape))
    articles = out.articles()
    assert [a.label for a in articles] == [f"Article {i}" for i in range(1, len(articles) + 1)]
    assert [d.label for d in out.divisions] == [f"Chapter {roman(i)}" for i in range(1, len(shape) + 1)]
    for article in articles:
        labels = [p.label for p in article.body]
        expected = [None] if len(labels) == 1 else [f"{i}." for i in range(1, len(labels) + 1)]
        assert labels == expected
        for paragraph in article.body:
            assert [p.label for p in paragraph.points] == [f"({letter(i)})" for i in range(1, len(paragraph.points) + 1)]


@given(shapes)
@settings(max_examples=150, deadline=None)
def test_eids_are_unique(shape: Shape):
    out = number(make_document(shape))
    eids = [d.eid for d in out.divisions]
    for article in out.articles():
        eids.append(article.eid)
        for paragraph in article.body:
            eids.append(paragraph.eid)
            eids.extend(p.eid for p in paragraph.points)
    assert len(eids) == len(set(eids))


@st.composite
def shapes_with_refs(draw):
    shape = draw(shapes)
    flat = [paras for division in shape for paras in division]
    refs = []
    for _ in range(draw(st.integers(1, 6))):
        a = draw(st.integers(1, len(flat)))
        p = draw(st.integers(0, len(flat[a - 1]) - 1))
        points = flat[a - 1][p]
        k = draw(st.integers(-1, points - 1)) if points else -1
        refs.append((a, p, k))
    return shape, flat, refs, draw(st.sampled_from(["civil-law", "common-law"]))


@given(shapes_with_refs())
@settings(max_examples=200, deadline=None)
def test_every_reference_resolves_to_the_label_of_its_target(case):
    shape, flat, refs, tradition = case
    anchors = [(a, f"p{p}" if k < 0 else f"p{p}-{k}") for a, p, k in refs]
    out = number(make_document(shape, tradition, anchors))
    citing = out.articles()[-1]
    word = "section" if tradition == "common-law" else "article"
    for paragraph, (a, p, k) in zip(citing.body, refs, strict=True):
        single = len(flat[a - 1]) == 1
        expected = f"{word} {a}" + ("" if single else f"({p + 1})") + ("" if k < 0 else f"({letter(k + 1)})")
        ref = paragraph.inlines[0]
        assert isinstance(ref, Ref) and ref.label == expected
        assert ref.target_eid and ref.target_eid.startswith(f"art_{a}")


@given(st.integers(1, 3999))
def test_roman_numerals_round_trip(n: int):
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    text = roman(n)
    total = sum(-values[c] if i + 1 < len(text) and values[c] < values[text[i + 1]] else values[c] for i, c in enumerate(text))
    assert total == n


@given(st.integers(1, 500), st.integers(1, 500))
def test_point_letters_are_distinct(a: int, b: int):
    assert (letter(a) == letter(b)) == (a == b)
