"""Headings, markers and title-page lines as the writers print them, in the document's language."""

from __future__ import annotations

from modellaw.ir import Article, Division, Document, Meta
from modellaw.vocabulary import Vocabulary, vocabulary


def words_for(meta: Meta) -> Vocabulary:
    """Return the vocabulary of the document's language."""
    return vocabulary(meta.language)


def commentary_under_articles(document: Document) -> bool:
    """True when each article prints its commentary and sources: model mode, without an explanatory note."""
    return document.meta.mode == "model" and document.note is None


def model_note(document: Document) -> str:
    """Return the note on how to read a model law; with an explanatory note, the one that says where the commentary is."""
    words = words_for(document.meta)
    return words.model_note if document.note is None else words.model_note_explanatory


def status_marker(status: str, meta: Meta) -> str:
    """Return ``[Recommended]`` (or its translation) for a status."""
    return f"[{getattr(words_for(meta), status)}]"


def paragraph_marker(paragraph_status: str | None, article_status: str, meta: Meta) -> str | None:
    """Return the status marker a paragraph shows: in model mode, only where it differs from its article's."""
    if meta.mode != "model" or not paragraph_status or paragraph_status == article_status:
        return None
    return status_marker(paragraph_status, meta)


def division_heading(division: Division, meta: Meta) -> str:
    """Return ``Chapter I. General provisions`` or ``Part 1 — General provisions``."""
    separator = " — " if meta.tradition == "common-law" else ". "
    return f"{division.label}{separator}{division.title}"


def article_heading(article: Article, meta: Meta) -> str:
    """Return ``Article 7. Title`` (civil law) or ``7. Title`` (common law)."""
    if meta.tradition == "common-law":
        return f"{article.number}. {article.title}"
    return f"{article.label}. {article.title}"


def quoted(term: str, meta: Meta) -> str:
    """Return ``term`` in the quotation marks of the document's language."""
    opening, closing = words_for(meta).quotes
    return f"{opening}{term}{closing}"


def date_text(meta: Meta) -> str:
    """Return the draft's date as ``21 November 2026``."""
    return f"{meta.date.day} {words_for(meta).months[meta.date.month - 1]} {meta.date.year}"


def title_lines(meta: Meta) -> list[str]:
    """Return the lines under the title: jurisdiction, version and date, kind of text."""
    words = words_for(meta)
    kind = words.model_kind if meta.mode == "model" else _enactment_kind(meta)
    return [meta.jurisdiction[:1].upper() + meta.jurisdiction[1:], f"{words.version} {meta.version} — {date_text(meta)}", kind]


def _enactment_kind(meta: Meta) -> str:
    """Return the kind line of a draft for enactment: a bill in the common-law form, a draft law otherwise."""
    words = words_for(meta)
    return words.enactment_kind if meta.tradition == "common-law" else words.draft_law_kind


def front_matter_blocks(meta: Meta) -> list[tuple[str, str]]:
    """Return the bill's front matter as (kind, text) pairs in print order: ``long-title``, each
    ``preamble`` recital, then the ``formula``; none in model mode."""
    front = meta.front_matter
    if front is None:
        return []
    blocks = [("long-title", front.long_title)] if front.long_title else []
    return blocks + [("preamble", text) for text in front.preamble] + [("formula", front.enacting_formula)]
