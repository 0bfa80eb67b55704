"""The redline: the new draft as a Word document with real tracked changes against the old one.

Both drafts are laid out by the ordinary Word writer; their paragraphs are grouped by the part
of the law they belong to (front matter, chapter, article by clause id) and aligned group by
group, so an article that only moved or was renumbered is matched to itself. Unchanged
paragraphs are kept as the new draft writes them (fields, links, footnotes); changed
paragraphs become words with ``w:ins``/``w:del`` and keep the new draft's bookmarks;
added and removed paragraphs are inserted or deleted whole. Footnotes are tracked too: the old
draft's notes are copied in as deleted references, so accepting every change gives the new
draft's text and footnotes, rejecting every change the old draft's; a link whose bookmark is
gone in the merged document becomes plain text. Author and date come from the new config,
never the clock.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from itertools import groupby

from docx.oxml.ns import qn

from modellaw.compare import word_diff
from modellaw.ir import Document
from modellaw.writers import _oxml
from modellaw.writers.docx import DocxBuilder

Block = _oxml.ParagraphXml | _oxml.TableXml
_RUN = re.compile(r"<w:r>.*?</w:r>", re.S)
_BOOKMARK = re.compile(r'<w:bookmark(?:Start|End) [^>]*/>')
_FOOTNOTE_RUN = re.compile(r"<w:r><w:rPr><w:rStyle [^>]*/></w:rPr><w:footnoteReference [^>]*/></w:r>")
_BOOKMARK_START = re.compile(r"<w:bookmarkStart [^>]*/>")
_BOOKMARK_END = re.compile(r"<w:bookmarkEnd [^>]*/>")
_BOOKMARK_NAME = re.compile(r'<w:bookmarkStart [^>]*w:name="([^"]*)"')
_NOTE_ID = re.compile(r'w:id="(\d+)"')
_REF_FIELD = re.compile(
    r'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:(?:del)?[iI]nstrText[^>]*> REF (\S+) [^<]*</w:(?:del)?[iI]nstrText></w:r>'
    r'<w:r><w:fldChar w:fldCharType="separate"/></w:r>(<w:r>.*?</w:r>)<w:r><w:fldChar w:fldCharType="end"/></w:r>',
    re.S,
)
_LINK = re.compile(r'<w:hyperlink w:anchor="([^"]*)"[^>]*>(.*?)</w:hyperlink>', re.S)


def write_redline(old: Document, new: Document) -> bytes:
    """Return the .docx bytes of ``new`` with every difference from ``old`` as a tracked change."""
    old_builder, new_builder = DocxBuilder(old), DocxBuilder(new)
    old_builder.compose()
    new_builder.compose()
    date = _oxml.pinned_moment(new.meta.date).isoformat().replace("+00:00", "Z")
    tracker = _Tracker(new.meta.author, date, old_builder.footnotes, new_builder.footnotes)
    new_builder.blocks = _links_resolved(list(tracker.merge(old_builder.blocks, new_builder.blocks)))
    new_builder.headings = []  # review comments are not anchored in a redline
    return new_builder.finish()


CONTENTS = "contents"
"""Owner of the table of contents' blocks: a field Word rebuilds, so the redline takes the new one as it is
(tracking its entries would split the field between deleted and kept paragraphs)."""


class _Tracker:
    """Turns two block lists into one with revision marks; revision ids count up from 100000.

    ``old_notes`` are the old draft's footnotes; ``notes`` the new draft's, to which the old
    notes that deleted references need are appended (with new ids).
    """

    def __init__(self, author: str, date: str, old_notes: list[str], notes: list[str]) -> None:
        self.author = author
        self.date = date
        self.next_id = 100_000
        self.old_notes = old_notes
        self.notes = notes

    def merge(self, old: list[Block], new: list[Block]) -> Iterator[Block]:
        """Yield the merged blocks, group by group in the new draft's order."""
        old_groups = [(key, list(items)) for key, items in groupby(old, key=lambda b: b.owner)]
        new_groups = [(key, list(items)) for key, items in groupby(new, key=lambda b: b.owner)]
        matcher = difflib.SequenceMatcher(None, [k for k, _ in old_groups], [k for k, _ in new_groups], autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                for (key, old_blocks), (_, new_blocks) in zip(old_groups[i1:i2], new_groups[j1:j2], strict=True):
                    yield from (new_blocks if key == CONTENTS else self._merge_blocks(old_blocks, new_blocks))
                continue
            for _, blocks in old_groups[i1:i2]:
                yield from (self._deleted(b) for b in blocks if isinstance(b, _oxml.ParagraphXml))
            for _, blocks in new_groups[j1:j2]:
                yield from (self._inserted(b) for b in blocks)

    def _merge_blocks(self, old: list[Block], new: list[Block]) -> Iterator[Block]:
        old_texts, new_texts = _texts(old), _texts(new)
        matcher = difflib.SequenceMatcher(None, old_texts, new_texts, autojunk=False)
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                yield from (self._same_text(o, n) for o, n in zip(old[i1:i2], new[j1:j2], strict=True))
                continue
            paired = min(i2 - i1, j2 - j1) if tag == "replace" else 0
            for k in range(paired):
                yield self._changed(old[i1 + k], old_texts[i1 + k], new[j1 + k], new_texts[j1 + k])
            yield from (self._deleted(b) for b in old[i1 + paired : i2] if isinstance(b, _oxml.ParagraphXml))
            yield from (self._inserted(b) for b in new[j1 + paired : j2])

    def _revision(self) -> tuple[int, str, str]:
        self.next_id += 1
        return self.next_id, self.author, self.date

    def _mark(self, kind: str) -> str:
        rid, author, date = self._revision()
        return f'<w:{kind} w:id="{rid}" w:author="{_oxml._attribute(author)}" w:date="{date}"/>'

    def _same_text(self, old_block: Block, new_block: Block) -> Block:
        """Return the new paragraph, its footnotes tracked when they differ from the old one's."""
        if not isinstance(new_block, _oxml.ParagraphXml) or not isinstance(old_block, _oxml.ParagraphXml):
            return new_block
        old_content, new_content = "".join(old_block.content), "".join(new_block.content)
        old_runs, new_runs = _FOOTNOTE_RUN.findall(old_content), _FOOTNOTE_RUN.findall(new_content)
        if self._note_texts(old_runs, self.old_notes) == self._note_texts(new_runs, self.notes):
            return new_block
        content = _FOOTNOTE_RUN.sub("", new_content) + self._tracked_notes(old_runs, new_runs)
        return _oxml.ParagraphXml(new_block.style_id, content, new_block.owner)

    def _changed(self, old_block: Block, old_text: str, new_block: Block, new_text: str) -> Block:
        if isinstance(new_block, _oxml.TableXml):
            return new_block
        content = "".join(new_block.content)
        opening, closing = _open_field_parts(content)
        pieces = [opening, *_BOOKMARK_START.findall(content)]
        for kind, piece in word_diff(old_text, new_text):
            if kind == "equal":
                pieces.append(_oxml.run_xml(piece))
            else:
                pieces.append(_oxml.tracked_run_xml("ins" if kind == "insert" else "del", piece, *self._revision()))
        old_runs = _FOOTNOTE_RUN.findall("".join(old_block.content)) if isinstance(old_block, _oxml.ParagraphXml) else []
        new_runs = _FOOTNOTE_RUN.findall(content)
        if self._note_texts(old_runs, self.old_notes) == self._note_texts(new_runs, self.notes):
            pieces.extend(new_runs)
        else:
            pieces.append(self._tracked_notes(old_runs, new_runs))
        pieces += [*_BOOKMARK_END.findall(content), closing]
        return _oxml.ParagraphXml(new_block.style_id, "".join(pieces), new_block.owner)

    @staticmethod
    def _note_texts(runs: list[str], notes: list[str]) -> list[str]:
        """Return the markup of the footnotes that ``runs`` reference, ids left out (to compare)."""
        return [_NOTE_ID.sub("", notes[int(_NOTE_ID.search(run).group(1)) - 2]) for run in runs]

    def _tracked_notes(self, old_runs: list[str], new_runs: list[str]) -> str:
        """Return the old references deleted (their notes copied in) and the new ones inserted."""
        return "".join(self._wrap("del", self._copied_note(run)) for run in old_runs) + "".join(self._wrap("ins", run) for run in new_runs)

    def _copied_note(self, run: str) -> str:
        """Copy the old footnote that ``run`` references into the new notes; return the run pointing at the copy."""
        old_id = int(_NOTE_ID.search(run).group(1))
        new_id = len(self.notes) + 2
        self.notes.append(_NOTE_ID.sub(f'w:id="{new_id}"', self.old_notes[old_id - 2], count=1))
        return _NOTE_ID.sub(f'w:id="{new_id}"', run)

    def _inserted(self, block: Block) -> Block:
        if isinstance(block, _oxml.TableXml):
            return block
        content = _RUN.sub(lambda m: self._wrap("ins", m.group()), "".join(block.content))
        return _MarkedParagraph(block.style_id, content, block.owner, self._mark("ins"))

    def _deleted(self, block: _oxml.ParagraphXml) -> Block:
        content = _FOOTNOTE_RUN.sub(lambda m: self._copied_note(m.group()), _BOOKMARK.sub("", "".join(block.content)))
        content = _REF_FIELD.sub(lambda m: m.group(2), content)  # its bookmarks may go with it: keep the number as words
        content = _RUN.sub(lambda m: self._wrap("del", _to_deleted(m.group())), content)
        return _MarkedParagraph(block.style_id, content, block.owner, self._mark("del"))

    def _wrap(self, kind: str, run: str) -> str:
        rid, author, date = self._revision()
        return f'<w:{kind} w:id="{rid}" w:author="{_oxml._attribute(author)}" w:date="{date}">{run}</w:{kind}>'


class _MarkedParagraph(_oxml.ParagraphXml):
    """A paragraph whose paragraph mark is itself inserted or deleted (a whole paragraph added or removed)."""

    __slots__ = ("mark",)

    def __init__(self, style_id: str, content: str, owner: str, mark: str) -> None:
        super().__init__(style_id, content, owner)
        self.mark = mark

    def xml(self) -> str:
        """Return the ``w:p`` markup with the revision on its paragraph mark."""
        style = _oxml._attribute(self.style_id)
        return f'<w:p><w:pPr><w:pStyle w:val="{style}"/><w:rPr>{self.mark}</w:rPr></w:pPr>{"".join(self.content)}</w:p>'


_FIELD_OPENING = re.compile(
    r'<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText[^>]*>[^<]*</w:instrText></w:r>'
    r'<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
)


def _open_field_parts(content: str) -> tuple[str, str]:
    """Return the opening and closing runs of fields that span paragraphs (the table of contents).

    A changed paragraph is rewritten as words; it must keep the start of a field it opens
    and the end of a field it closes, or every later field would fall inside that one.
    """
    begins, ends = content.count('w:fldCharType="begin"'), content.count('w:fldCharType="end"')
    if begins > ends:
        match = _FIELD_OPENING.search(content)
        return (match.group() if match else ""), ""
    if ends > begins:
        return "", _oxml.FIELD_END_XML
    return "", ""


def _links_resolved(blocks: list[Block]) -> list[Block]:
    """Return the blocks with every internal link and REF field whose bookmark is not in them turned into plain runs.

    A bookmark in an inserted paragraph is gone once the changes are rejected, so only a link
    that is itself inserted may point at it; every other link needs a bookmark in a paragraph
    that stays whichever way the changes go.
    """

    def inserted(block: Block) -> bool:
        return isinstance(block, _MarkedParagraph) and block.mark.startswith("<w:ins ")

    names: set[str] = set()
    stable: set[str] = set()
    for block in blocks:
        found = _BOOKMARK_NAME.findall(block.xml() if isinstance(block, _oxml.TableXml) else "".join(block.content))
        names.update(found)
        if not inserted(block):
            stable.update(found)

    for block in blocks:
        if isinstance(block, _oxml.ParagraphXml):
            allowed = names if inserted(block) else stable
            content = _LINK.sub(lambda m, allowed=allowed: m.group() if m.group(1) in allowed else m.group(2), "".join(block.content))
            block.content = [_REF_FIELD.sub(lambda m, allowed=allowed: m.group() if m.group(1) in allowed else m.group(2), content)]
    return blocks


def _to_deleted(run: str) -> str:
    """Return a run's markup with its text as deleted text (``w:delText``, ``w:delInstrText``)."""
    run = run.replace("<w:t>", "<w:delText>").replace("<w:t ", "<w:delText ").replace("</w:t>", "</w:delText>")
    return run.replace("<w:instrText", "<w:delInstrText").replace("</w:instrText>", "</w:delInstrText>")


def _texts(blocks: list[Block]) -> list[str]:
    """Return the visible text of each block (tabs as tabs), parsed in one pass."""
    texts = []
    for element in _oxml.parse_paragraphs(blocks):
        parts = []
        for node in element.iter(qn("w:t"), qn("w:tab")):
            parts.append("\t" if node.tag == qn("w:tab") else node.text or "")
        texts.append("".join(parts))
    return texts
