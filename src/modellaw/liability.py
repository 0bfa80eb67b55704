"""Liability by reference to the legislation of the State, instead of the penalties a clause fixes.

A CIS model law does not fix sanctions: each State's criminal and administrative codes do. A clause
marks the parameters that state a sanction (``penalty: true`` on the declaration, such as a maximum
term of imprisonment or a maximum fine). Where the document's liability is ``by-reference`` (the
``cis`` tradition's default, or ``liability:`` in the config), render gives those parameters a
marker instead of their value, and each sentence of the rendered text that prints the marker is
replaced by the vocabulary's sentence "Persons who commit the acts referred to in this article
shall incur liability in accordance with the legislation of [State]." A sentence that introduces
points (a list of sanctions) takes its points with it. Nothing in the clause text changes.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from modellaw.ir import Alternatives, Block, Inline, OptionGroup, Paragraph, PhraseVariant, Point, Text
from modellaw.schema.clause import ClauseModule
from modellaw.traditions import Liability, tradition
from modellaw.vocabulary import Vocabulary

PENALTY_MARK = "\u2063penalty\u2063"
"""What a penalty parameter prints while its sentence is being found (an invisible separator, never left in a document)."""

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def liability_of(config: Any) -> Liability:
    """Return the config's liability (``fixed`` or ``by-reference``): its own setting, else its tradition's."""
    return config.liability or tradition(config.jurisdiction.tradition).liability


def penalty_parameters(module: ClauseModule) -> list[str]:
    """Return the names of the parameters that ``module`` declares as fixing a sanction."""
    return [name for name, declaration in module.parameters.items() if getattr(declaration, "penalty", False)]


def mark_penalties(context: dict[str, Any], module: ClauseModule) -> dict[str, Any]:
    """Return the template context with every penalty parameter printing the marker."""
    return {**context, **{name: PENALTY_MARK for name in penalty_parameters(module)}}


def unprinted_penalties(resolved: Any, problems: Any) -> None:
    """Warn (RES040) for each penalty the config sets that liability by reference will not print."""
    for division in resolved.divisions:
        for item in division.items:
            module = getattr(getattr(item, "entry", None), "module", None)
            if not isinstance(module, ClauseModule):
                continue
            for name in penalty_parameters(module):
                if name in item.params and not item.params[name].is_default:
                    problems.warning("RES040", f"{module.id}: {name} fixes a penalty, but liability is by reference to the legislation of the State, "
                                     "so the value is not printed; remove it, or set liability: fixed", resolved.loaded.locate(("parameters", module.id, name)))


def liability_sentence(words: Vocabulary, unit: str, state: str) -> str:
    """Return the sentence that replaces a fixed penalty, for an article called ``unit`` in a law of ``state``."""
    return words.liability_by_reference.format(unit=unit, state=state)


def by_reference(blocks: list[Block], sentence: str) -> list[Block]:
    """Return ``blocks`` with every sentence that prints a penalty replaced by ``sentence``."""
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, OptionGroup):
            variants = tuple(replace(v, paragraphs=tuple(_paragraph(p, sentence) for p in v.paragraphs)) for v in block.variants)
            out.append(OptionGroup(variants))
        else:
            out.append(_paragraph(block, sentence))
    return out


def _paragraph(paragraph: Paragraph, sentence: str) -> Paragraph:
    """Return the paragraph with its penalty sentences replaced; a replaced last sentence drops the points it introduced."""
    inlines, last_replaced = _replace_sentences(paragraph.inlines, sentence)
    changed = inlines != paragraph.inlines
    if changed and last_replaced and paragraph.points:
        return replace(paragraph, inlines=inlines, points=(), wrap_up=())
    wrap_up, _ = _replace_sentences(paragraph.wrap_up, sentence)
    return replace(paragraph, inlines=inlines, points=tuple(_point(p, sentence) for p in paragraph.points), wrap_up=wrap_up)


def _point(point: Point, sentence: str) -> Point:
    """Return the point (and its sub-points) with penalty sentences replaced."""
    inlines, _ = _replace_sentences(point.inlines, sentence)
    return replace(point, inlines=inlines, children=tuple(_point(c, sentence) for c in point.children))


def _replace_sentences(inlines: tuple[Inline, ...], sentence: str) -> tuple[tuple[Inline, ...], bool]:
    """Return the inlines with each sentence holding the marker replaced (consecutive ones once), and
    whether the last sentence was replaced."""
    if not _holds_mark(inlines):
        return inlines, False
    inlines = tuple(_in_alternatives(node, sentence) for node in inlines)
    sentences = _sentences(inlines)
    out: list[Inline] = []
    replaced_last = False
    for index, part in enumerate(sentences):
        marked = any(isinstance(n, Text) and PENALTY_MARK in n.text for n in part)
        if marked and not replaced_last:
            out.append(Text(("" if index == 0 else " ") + sentence))
        elif not marked:
            out.extend(([Text(" ")] if index and out else []) + part)
        replaced_last = marked
    return _merge_text(out), replaced_last


def _holds_mark(inlines: tuple[Inline, ...]) -> bool:
    """True when a Text among ``inlines``, or in an inline option's phrases, holds the marker."""
    for node in inlines:
        if isinstance(node, Text) and PENALTY_MARK in node.text:
            return True
        if isinstance(node, Alternatives) and any(_holds_mark(v.inlines) for v in node.variants):
            return True
    return False


def _in_alternatives(node: Inline, sentence: str) -> Inline:
    """Return an inline option with its phrases' penalty sentences replaced."""
    if not isinstance(node, Alternatives):
        return node
    variants = tuple(PhraseVariant(v.key, v.label, v.chosen, _replace_sentences(v.inlines, sentence)[0]) for v in node.variants)
    return Alternatives(variants)


def _sentences(inlines: tuple[Inline, ...]) -> list[list[Inline]]:
    """Return the inlines cut into sentences at a full stop followed by a space (inside Text nodes only)."""
    sentences: list[list[Inline]] = [[]]
    for node in inlines:
        if not isinstance(node, Text):
            sentences[-1].append(node)
            continue
        pieces = _SENTENCE_END.split(node.text)
        for number, piece in enumerate(pieces):
            if number:
                sentences.append([])
            if piece:
                sentences[-1].append(Text(piece))
    return [s for s in sentences if s]


def _merge_text(inlines: list[Inline]) -> tuple[Inline, ...]:
    """Return the inlines with neighbouring Text nodes joined."""
    merged: list[Inline] = []
    for node in inlines:
        if isinstance(node, Text) and merged and isinstance(merged[-1], Text):
            merged[-1] = Text(merged[-1].text + node.text)
        else:
            merged.append(node)
    return tuple(merged)


def unreplaced(blocks: list[Block]) -> bool:
    """True when a penalty marker is left anywhere in ``blocks`` (a template printed one outside a sentence)."""
    from modellaw.walk import iter_inlines

    return any(isinstance(n, Text) and PENALTY_MARK in n.text for b in blocks for n in iter_inlines(b))


__all__ = ["PENALTY_MARK", "by_reference", "liability_of", "liability_sentence", "mark_penalties", "penalty_parameters"]
