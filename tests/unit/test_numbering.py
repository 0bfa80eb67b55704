"""NUMBER: labels, eIds and reference formats."""

import datetime as dt

import pytest

from modellaw.ir import Article, Division, Document, Meta, OptionGroup, OptionVariant, Paragraph, Point, Ref, Text
from modellaw.languages.grammar import Grammar, letter, roman
from modellaw.numbering import number


def meta(tradition: str = "civil-law") -> Meta:
    return Meta("T", "T", "[State]", tradition, "en", "1", dt.date(2026, 1, 1), "model", "a", None, "", "0")


def para(text: str, anchor: str | None = None, points: tuple = ()) -> Paragraph:
    return Paragraph((Text(text),), points=points, anchor=anchor)


def article(cid: str, *body) -> Article:
    return Article(cid, "1.0.0", cid, "recommended", tuple(body))


@pytest.mark.parametrize(("n", "expected"), [(1, "I"), (4, "IV"), (9, "IX"), (14, "XIV"), (40, "XL"), (1999, "MCMXCIX")])
def test_roman(n, expected):
    assert roman(n) == expected


@pytest.mark.parametrize(("n", "expected"), [(1, "a"), (26, "z"), (27, "aa"), (28, "bb")])
def test_letter(n, expected):
    assert letter(n) == expected


def test_articles_number_through_the_law_and_single_paragraphs_stay_unnumbered():
    doc = Document(meta(), (
        Division("One", (article("a.one", para("x")), article("a.two", para("x"), para("y")))),
        Division("Two", (article("a.three", para("z")),)),
    ))
    out = number(doc)
    labels = [(a.label, [p.label for p in a.body]) for a in out.articles()]
    assert labels == [("Article 1", [None]), ("Article 2", ["1.", "2."]), ("Article 3", [None])]
    assert [d.label for d in out.divisions] == ["Chapter I", "Chapter II"]


def test_references_use_the_scheme():
    points = (Point((Text("p"),), anchor="pt"), Point((Text("q"),)))
    target = article("a.target", para("x"), para("y", anchor="second", points=points))
    citing = article("a.citing", para("see ", None), para("and"))
    citing = Article("a.citing", "1", "c", "optional", (Paragraph((Ref("a.target", "pt"),)), Paragraph((Ref("a.target"),))))
    for tradition, expected in (("civil-law", ["article 1(2)(a)", "article 1"]), ("common-law", ["section 1(2)(a)", "section 1"])):
        out = number(Document(meta(tradition), (Division("D", (target, citing)),)))
        refs = [p.inlines[0].label for p in out.articles()[1].body]
        assert refs == expected


def test_reference_inside_the_same_article():
    art = Article("a.x", "1", "x", "optional", (para("one", anchor="first"), Paragraph((Ref("a.x", "first"),))))
    out = number(Document(meta(), (Division("D", (art,)),)))
    assert out.articles()[0].body[1].inlines[0].label == "paragraph 1 of this article"
    out = number(Document(meta("common-law"), (Division("D", (art,)),)))
    assert out.articles()[0].body[1].inlines[0].label == "subsection (1)"


def test_option_variants_share_paragraph_numbers_and_later_paragraphs_follow_the_longest():
    group = OptionGroup((
        OptionVariant("A", "a", True, (para("a1"), para("a2"))),
        OptionVariant("B", "b", False, (para("b1"),)),
    ))
    out = number(Document(meta(), (Division("D", (article("a.x", para("intro"), group, para("end")),)),)))
    body = out.articles()[0].body
    assert body[0].label == "1."
    assert [p.label for p in body[1].variants[0].paragraphs] == ["2.", "3."]
    assert [p.label for p in body[1].variants[1].paragraphs] == ["2."]
    assert body[2].label == "4."
    eids = [p.eid for v in body[1].variants for p in v.paragraphs]
    assert len(set(eids)) == len(eids)


def test_anchor_with_different_numbers_in_two_options_is_ambiguous():
    from modellaw.errors import CrossReferenceError

    group = OptionGroup((
        OptionVariant("A", "a", True, (para("a1"), para("a2", anchor="x"))),
        OptionVariant("B", "b", False, (para("b1", anchor="x"),)),
    ))
    citing = Article("a.c", "1", "c", "optional", (Paragraph((Ref("a.x", "x"),)),))
    with pytest.raises(CrossReferenceError) as caught:
        number(Document(meta(), (Division("D", (article("a.x", group), citing)),)))
    assert caught.value.diagnostics[0].code == "REF003"


def test_scheme_words():
    assert Grammar(False).article(3) == "Article 3" and Grammar(True).article(3) == "Section 3"
    assert Grammar(False).paragraph(2) == "2." and Grammar(True).paragraph(2) == "(2)"
