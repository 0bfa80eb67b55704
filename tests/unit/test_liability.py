"""Liability by reference: each sentence that prints a penalty is replaced by the reference to national legislation."""

from __future__ import annotations

from modellaw.ir import Alternatives, OptionGroup, OptionVariant, Paragraph, PhraseVariant, Point, Ref, Text
from modellaw.liability import PENALTY_MARK, by_reference, liability_sentence, unreplaced
from modellaw.vocabulary import ENGLISH, RUSSIAN

SENTENCE = liability_sentence(ENGLISH, "article", "[State]")


def text(paragraph: Paragraph) -> str:
    return "".join(n.text if isinstance(n, Text) else f"<{type(n).__name__}>" for n in paragraph.inlines)


def test_the_sentence_reads_as_the_form_asks():
    assert SENTENCE == "Persons who commit the acts referred to in this article shall incur liability in accordance with the legislation of [State]."
    assert "законодательством" in liability_sentence(RUSSIAN, "статья", "[государства]")


def test_only_the_penalty_sentence_is_replaced():
    p = Paragraph((Text(f"Where X applies, the person is prosecuted elsewhere. In any other case, a person shall be liable to imprisonment for {PENALTY_MARK} years."),))
    [out] = by_reference([p], SENTENCE)
    assert text(out) == f"Where X applies, the person is prosecuted elsewhere. {SENTENCE}"


def test_a_sentence_that_introduces_points_takes_them_with_it():
    p = Paragraph((Text(f"A legal person shall be subject to a fine of {PENALTY_MARK} and to the following measures:"),),
                  points=(Point((Text("exclusion;"),)), Point((Text("winding-up."),))), anchor="sanctions")
    [out] = by_reference([p], SENTENCE)
    assert text(out) == SENTENCE and out.points == () and out.anchor == "sanctions"


def test_a_paragraph_without_a_penalty_is_left_exactly_as_it_was():
    p = Paragraph((Text("A person commits an offence who "), Ref("offences.x", "conduct"), Text(". Another sentence.")))
    assert by_reference([p], SENTENCE) == [p]


def test_a_sentence_with_a_reference_in_it_is_replaced_whole_and_neighbours_keep_their_references():
    p = Paragraph((Text("First sentence cites "), Ref("a"), Text(f". Liable to {PENALTY_MARK} years where "), Ref("b"),
                   Text(f" applies, or {PENALTY_MARK} years. Last.")))
    [out] = by_reference([p], SENTENCE)
    assert text(out) == f"First sentence cites <Ref>. {SENTENCE} Last."


def test_options_and_inline_alternatives_are_replaced_too():
    option = OptionGroup((OptionVariant("A", "a", True, (Paragraph((Text(f"Liable to {PENALTY_MARK} years."),)),)),))
    phrase = Paragraph((Alternatives((PhraseVariant("A", "a", True, (Text(f"Liable to {PENALTY_MARK} years."),)),)),))
    out = by_reference([option, phrase], SENTENCE)
    assert not unreplaced(out)
    assert out[0].variants[0].paragraphs[0].inlines == (Text(SENTENCE),)


def test_a_marker_left_in_a_point_is_replaced():
    p = Paragraph((Text("The court may order:"),), points=(Point((Text(f"a fine of {PENALTY_MARK}."),)),))
    [out] = by_reference([p], SENTENCE)
    assert not unreplaced([out]) and out.points[0].inlines == (Text(SENTENCE),)
