"""The explanatory note: the commentary gathered after the law, chapter by chapter (CIS form).

A CIS model law prints no commentary under its articles; the reasons for each provision go in an
explanatory note (пояснительная записка) that accompanies the draft. Built from the numbered IR,
the note cites articles by the law's own headings and holds, for each article, the commentary's
parts (purpose, basis for status, human rights, international humanitarian law, drafting options),
the recommendations it answers and its sources. The articles keep their sources for the annexes,
but their commentary moves to the note, and the writers print none under the articles.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from modellaw.ir import Article, CommentarySection, Document, ExplanatoryNote, NoteChapter, NoteEntry
from modellaw.traditions import tradition
from modellaw.writers.words import article_heading, division_heading, words_for


def wants_note(config: Any) -> bool:
    """Return whether a draft built from ``config`` has an explanatory note: the config's own
    ``explanatory_note`` when set, else its tradition's choice in model mode."""
    if config.explanatory_note is not None:
        return bool(config.explanatory_note)
    return config.mode == "model" and tradition(config.jurisdiction.tradition).explanatory_note


def explanatory_note(document: Document) -> ExplanatoryNote:
    """Return the note on ``document``: one part per chapter, one entry per article that has commentary or sources."""
    meta = document.meta
    words = words_for(meta)
    chapters = []
    for division in document.divisions:
        entries = tuple(
            NoteEntry(article_heading(article, meta), sections, article.eid)
            for article in division.articles
            if (sections := note_sections(article, document))
        )
        if entries:
            chapters.append(NoteChapter(division_heading(division, meta), entries))
    intro = (words.explanatory_note_intro.format(title=meta.title),)
    return ExplanatoryNote(words.explanatory_note, intro, tuple(chapters))


def note_sections(article: Article, document: Document) -> tuple[CommentarySection, ...]:
    """Return what the note says on one article: its commentary, the recommendations it answers, its sources."""
    words = words_for(document.meta)
    sections = list(article.commentary)
    if article.answers:
        sections.append(CommentarySection(words.recommendations, "; ".join(article.answers) + "."))
    if article.sources:
        sections.append(CommentarySection(words.sources, "; ".join(s.format(words) for s in article.sources) + "."))
    return tuple(sections)


def with_explanatory_note(document: Document) -> Document:
    """Return the document with its explanatory note, the articles' commentary moved into it."""
    note = explanatory_note(document)
    divisions = tuple(replace(d, articles=tuple(replace(a, commentary=()) for a in d.articles)) for d in document.divisions)
    return replace(document, divisions=divisions, note=note)
