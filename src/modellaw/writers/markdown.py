"""The Markdown writer: the same labels and text as the Word draft, as plain Markdown."""

from __future__ import annotations

from modellaw.ir import Alternatives, Article, DefinedTerm, Division, Document, ExplanatoryNote, Inline, Meta, OptionGroup, Paragraph, Point, Ref, Text
from modellaw.vocabulary import Vocabulary
from modellaw.writers.words import (
    article_heading,
    commentary_under_articles,
    division_heading,
    front_matter_blocks,
    model_note,
    paragraph_marker,
    quoted,
    status_marker,
    title_lines,
    words_for,
)


def write_markdown(document: Document) -> str:
    """Return the document as Markdown text (labels escaped so readers keep them literal)."""
    meta = document.meta
    lines: list[str] = []
    if meta.draft_marking:
        lines += [f"**{meta.draft_marking}**", ""]
    lines += [f"# {meta.title}", ""]
    lines += [f"{line}  " for line in title_lines(meta)] + [""]
    if meta.mode == "model" and document.front is None:
        lines += [f"*{model_note(document)}*", ""]
    if document.front is not None:
        lines += [f"## {document.front.title}", ""]
        for section in document.front.sections:
            lines += [f"### {section.heading}", ""] + [line for p in section.paragraphs for line in (_escape_text(p), "")]
    for kind, text in front_matter_blocks(meta):
        lines += [f"*{text}*" if kind == "long-title" else f"**{text}**" if kind == "formula" else text, ""]
    for division in document.divisions:
        lines += [f"## {division_heading(division, meta)}", ""]
        for article in division.articles:
            lines += _article(article, document)
    if document.note is not None:
        lines += explanatory_note_lines(document.note)
    return "\n".join(lines).rstrip() + "\n"


def explanatory_note_lines(note: ExplanatoryNote) -> list[str]:
    """Return the explanatory note as Markdown lines: its title, opening words, then chapter and article headings."""
    lines = ["---", "", f"## {note.title}", ""] + [line for p in note.intro for line in (_escape_text(p), "")]
    for chapter in note.chapters:
        lines += [f"### {chapter.heading}", ""]
        for entry in chapter.entries:
            lines += [f"#### {entry.heading}", ""]
            lines += [line for s in entry.sections for line in (f"**{s.heading}.** {_escape_text(s.text)}", "")]
    return lines


def _article(article: Article, document: Document) -> list[str]:
    meta = document.meta
    words = words_for(meta)
    lines = [f"### {article_heading(article, meta)}", ""]
    if meta.mode == "model" and article.status:
        lines += [f"*{status_marker(article.status, meta)}*", ""]
    for block in article.body:
        if isinstance(block, OptionGroup):
            for variant in block.variants:
                lines += [f"**\\[{words.option} {variant.key}: {variant.label}\\]**", ""]
                for paragraph in variant.paragraphs:
                    lines += _paragraph(paragraph, meta, article.status)
            lines += [f"**\\[{words.end_of_options}\\]**", ""]
        else:
            lines += _paragraph(block, meta, article.status)
    if commentary_under_articles(document):
        lines += _commentary(article, words, meta.clause_ids)
    return lines


def _paragraph(paragraph: Paragraph, meta: Meta, article_status: str = "") -> list[str]:
    label = f"{_escape_label(paragraph.label)} " if paragraph.label else ""
    marker = paragraph_marker(paragraph.status, article_status, meta)
    label += f"*{marker}* " if marker else ""
    lines = [label + _inlines(paragraph.inlines, meta), ""]
    for point in paragraph.points:
        lines += _point(point, 1, meta)
    if paragraph.wrap_up:
        lines += [_inlines(paragraph.wrap_up, meta), ""]
    return lines


def _point(point: Point, depth: int, meta: Meta) -> list[str]:
    indent = "&emsp;" * depth
    lines = [f"{indent}{_escape_label(point.label or '')} {_inlines(point.inlines, meta)}", ""]
    for child in point.children:
        lines += _point(child, depth + 1, meta)
    return lines


def _escape_label(label: str | None) -> str:
    """Return a label that Markdown readers do not turn into a list marker."""
    if not label:
        return ""
    return label.replace(".", "\\.").replace("(", "\\(")


def _inlines(inlines: tuple[Inline, ...], meta: Meta) -> str:
    parts = []
    for node in inlines:
        if isinstance(node, DefinedTerm):
            parts.append(f"**{quoted(node.text, meta)}**")
        elif isinstance(node, Ref):
            parts.append(node.label or "")
        elif isinstance(node, Alternatives):
            option = words_for(meta).option
            parts.append("\\[" + " / ".join(f"*{option} {v.key}:* {_inlines(v.inlines, meta)}" for v in node.variants) + "\\]")
        else:
            parts.append(_escape_text(node.text) if isinstance(node, Text) else node.text)
    return "".join(parts)


def _escape_text(text: str) -> str:
    return text.replace("*", "\\*").replace("_", "\\_")


def _commentary(article: Article, words: Vocabulary, for_reviewers: bool = False) -> list[str]:
    """Return the commentary lines; open questions only ``for_reviewers`` (the review book), not in the law."""
    lines: list[str] = []
    if not (article.commentary or article.sources):
        return lines
    lines += [f"#### {words.commentary}", ""]
    lines += [f"**{s.heading}.** {s.text}" + "\n" for s in article.commentary]
    if article.open_questions and for_reviewers:
        lines += [f"**{words.open_questions}.**", ""] + [f"- {q}" for q in article.open_questions] + [""]
    if article.answers:
        lines += [f"**{words.recommendations}.** {'; '.join(article.answers)}.", ""]
    if article.sources:
        lines += [f"**{words.sources}.**", ""] + [f"- {s.format(words)}" for s in article.sources] + [""]
    return lines


def write_parallel_markdown(left: Document, right: Document, pairs: list[tuple[Division, Division, list[tuple[Article, Article]]]]) -> str:
    """Return a parallel text as Markdown, one language after the other in each place: both titles,
    then each chapter heading and each article in the first language followed by the second.

    Markdown has no columns, so the texts alternate article by article; ``pairs`` holds the chapters
    and articles of both documents, paired (see ``parallel.pair_documents``).
    """
    lines: list[str] = []
    for document in (left, right):
        lines += [f"# {document.meta.title}", ""] + [f"{line}  " for line in title_lines(document.meta)] + [""]
    for left_division, right_division, articles in pairs:
        lines += [f"## {division_heading(left_division, left.meta)} / {division_heading(right_division, right.meta)}", ""]
        for left_article, right_article in articles:
            lines += _article(left_article, left) + ["---", ""] + _article(right_article, right) + ["---", ""]
    return "\n".join(lines).rstrip() + "\n"
