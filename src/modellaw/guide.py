"""The implementation guide: the implementation notes of a built law, by chapter and article.

The notes (general, civil-law, common-law) no longer print under each article; this guide
collects them from the same numbered IR, so it cites the articles by the law's own numbers.
It is an annex in the annex IR: `modellaw library guide` writes it alone, and a config's
``annexes: [implementation-guide]`` appends it to the law.
"""

from __future__ import annotations

from modellaw.annex import Annex, AnnexSection
from modellaw.ir import Document
from modellaw.writers.words import division_heading, words_for

TITLE = "Implementation guide"


def implementation_guide(document: Document) -> Annex:
    """Return the guide: one section per article that has implementation notes, in the law's order."""
    meta = document.meta
    sections = []
    for division in document.divisions:
        chapter = division_heading(division, meta)
        for article in division.articles:
            if article.implementation:
                items = tuple(f"{note.heading}. {note.text}" for note in article.implementation)
                sections.append(AnnexSection(f"{article.label}. {article.title}", note=chapter, items=items))
    if not sections:
        sections.append(AnnexSection("No implementation notes", note="No article of this law carries implementation notes."))
    unit = words_for(meta).section_ref if meta.tradition == "common-law" else words_for(meta).article_ref
    subtitle = (f"How to implement the {meta.short_title} in national law, {unit} by {unit}: notes for every "
                "legal system, then for civil-law and for common-law systems.")
    return Annex(TITLE, subtitle, tuple(sections))
