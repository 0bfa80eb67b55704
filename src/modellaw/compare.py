"""COMPARE: align two numbered documents by clause id and diff their texts word by word."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Literal

from modellaw.ir import Article, Document, OptionGroup, Paragraph, Point, plain_text

Status = Literal["unchanged", "changed", "added", "removed", "moved", "renumbered"]
Piece = tuple[Literal["equal", "insert", "delete"], str]

_TOKENS = re.compile(r"\s+|[^\s]+")


@dataclass(frozen=True)
class ArticlePair:
    """One clause as it stands in the old and the new draft (None where it is absent)."""

    clause_id: str
    old: Article | None
    new: Article | None
    status: Status
    text_changed: bool
    parameter_changes: tuple[tuple[str, str | None, str | None], ...]
    option_change: tuple[str | None, str | None] | None


def article_lines(article: Article) -> list[str]:
    """Return the article's text, one line per paragraph or point, with labels, options marked."""
    lines: list[str] = []
    for block in article.body:
        if isinstance(block, OptionGroup):
            for variant in block.variants:
                lines.append(f"[Option {variant.key}: {variant.label}]")
                for paragraph in variant.paragraphs:
                    lines += _paragraph_lines(paragraph)
        else:
            lines += _paragraph_lines(block)
    return lines


def _paragraph_lines(paragraph: Paragraph) -> list[str]:
    lines = [(f"{paragraph.label} " if paragraph.label else "") + plain_text(paragraph.inlines)]
    for point in paragraph.points:
        lines += _point_lines(point)
    if paragraph.wrap_up:
        lines.append(plain_text(paragraph.wrap_up))
    return lines


def _point_lines(point: Point) -> list[str]:
    lines = [f"{point.label} {plain_text(point.inlines)}"]
    for child in point.children:
        lines += _point_lines(child)
    return lines


def word_diff(old: str, new: str) -> list[Piece]:
    """Return the pieces that turn ``old`` into ``new``: equal, inserted and deleted runs of words."""
    a, b = _TOKENS.findall(old), _TOKENS.findall(new)
    pieces: list[Piece] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            pieces.append(("equal", "".join(a[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("delete", "".join(a[i1:i2])))
        if j2 > j1:
            pieces.append(("insert", "".join(b[j1:j2])))
    return pieces


def align(old: Document, new: Document) -> list[ArticlePair]:
    """Return every clause of either draft, in the new draft's order with removed ones where they stood."""
    old_articles = {a.clause_id: a for a in old.articles()}
    new_articles = {a.clause_id: a for a in new.articles()}
    old_ids, new_ids = list(old_articles), list(new_articles)
    in_order = _common_order(old_ids, new_ids)
    pairs: list[ArticlePair] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old_ids, new_ids, autojunk=False).get_opcodes():
        if tag in ("delete", "replace"):
            pairs += [_pair(cid, old_articles.get(cid), new_articles.get(cid), in_order) for cid in old_ids[i1:i2] if cid not in new_articles]
        if tag == "equal":
            pairs += [_pair(cid, old_articles[cid], new_articles[cid], in_order) for cid in new_ids[j1:j2]]
        if tag in ("insert", "replace"):
            pairs += [_pair(cid, old_articles.get(cid), new_articles[cid], in_order) for cid in new_ids[j1:j2]]
    return pairs


def _common_order(old_ids: list[str], new_ids: list[str]) -> set[str]:
    """Return the ids that keep their relative order (the longest common subsequence); others moved."""
    shared = [cid for cid in new_ids if cid in set(old_ids)]
    old_positions = {cid: i for i, cid in enumerate(old_ids)}
    return set(_longest_increasing(shared, old_positions))


def _longest_increasing(ids: list[str], position: dict[str, int]) -> list[str]:
    """Return the longest run of ``ids`` whose old positions increase (patience sorting)."""
    import bisect

    tails: list[int] = []
    tail_ids: list[int] = []
    parent: list[int] = [-1] * len(ids)
    for index, cid in enumerate(ids):
        slot = bisect.bisect_left(tails, position[cid])
        if slot == len(tails):
            tails.append(position[cid])
            tail_ids.append(index)
        else:
            tails[slot], tail_ids[slot] = position[cid], index
        parent[index] = tail_ids[slot - 1] if slot else -1
    out, index = [], tail_ids[-1] if tail_ids else -1
    while index >= 0:
        out.append(ids[index])
        index = parent[index]
    return out[::-1]


def _pair(clause_id: str, old: Article | None, new: Article | None, in_order: set[str]) -> ArticlePair:
    if old is None or new is None:
        return ArticlePair(clause_id, old, new, "added" if old is None else "removed", True, (), None)
    changed = article_lines(old) != article_lines(new) or old.title != new.title
    parameters = _parameter_changes(old, new)
    option = (old.option, new.option) if old.option != new.option else None
    if clause_id not in in_order:
        status: Status = "moved"
    elif changed or parameters or option:
        status = "changed"
    elif old.label != new.label:
        status = "renumbered"
    else:
        status = "unchanged"
    return ArticlePair(clause_id, old, new, status, changed, parameters, option)


def _parameter_changes(old: Article, new: Article) -> tuple[tuple[str, str | None, str | None], ...]:
    before, after = dict(old.parameters), dict(new.parameters)
    names = sorted(set(before) | set(after))
    return tuple((n, before.get(n), after.get(n)) for n in names if before.get(n) != after.get(n))
