"""Fixed words the writers print, by legal tradition and mode."""

from __future__ import annotations

from modellaw.ir import Article, Division, Meta

STATUS_MARKERS = {"mandatory": "[Mandatory]", "recommended": "[Recommended]", "optional": "[Optional]"}

MODEL_NOTE = (
    "How to read this model law. Each article is marked [Mandatory] where a binding instrument "
    "requires it, [Recommended] where it reflects good practice, or [Optional] where it is a policy "
    "choice. Words in square brackets are placeholders for national choices. Where practice differs, "
    "alternative texts are set out as [Option A], [Option B]; a State adopts one. Each article is "
    "followed by a commentary and the instruments it draws on."
)


def division_heading(division: Division, meta: Meta) -> str:
    """Return ``Chapter I. General provisions`` or ``Part 1 — General provisions``."""
    separator = " — " if meta.tradition == "common-law" else ". "
    return f"{division.label}{separator}{division.title}"


def article_heading(article: Article, meta: Meta) -> str:
    """Return ``Article 7. Title`` (civil law) or ``7. Title`` (common law)."""
    if meta.tradition == "common-law":
        return f"{article.number}. {article.title}"
    return f"{article.label}. {article.title}"


def quoted(term: str, language: str) -> str:
    """Return ``term`` in the quotation marks of ``language``."""
    if language.split("-")[0] in ("fr", "ru", "uk", "kk", "uz", "ky", "tg", "ar", "hy", "az", "be"):
        return f"«{term}»"
    return f"“{term}”"


def date_text(meta: Meta) -> str:
    """Return the draft's date as ``21 November 2026``."""
    return f"{meta.date.day} {_MONTHS[meta.date.month - 1]} {meta.date.year}"


def title_lines(meta: Meta) -> list[str]:
    """Return the lines under the title: jurisdiction, version and date, kind of text."""
    kind = "Model law with commentary" if meta.mode == "model" else "Bill"
    return [meta.jurisdiction, f"Version {meta.version} — {date_text(meta)}", kind]


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December")
