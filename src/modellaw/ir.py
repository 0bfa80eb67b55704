"""The document IR: frozen dataclasses from Document down to inline Text, Term and Ref nodes.

Rendering produces it without numbers; numbering fills ``label``/``eid`` fields and resolves
references; every writer and annex reads it. ``to_json`` dumps it for ``--emit-ir`` and goldens.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Union

from modellaw.errors import Location
from modellaw.vocabulary import ENGLISH, Vocabulary

_HIDDEN = {"json": False}
_OMIT_EMPTY = {"json": "unless-empty"}


@dataclass(frozen=True, slots=True)
class Text:
    """Plain text."""

    text: str


@dataclass(frozen=True, slots=True)
class Term:
    """A use of a defined term; ``text`` is the form shown (term or plural)."""

    term_id: str
    text: str
    origin: Location | None = field(default=None, compare=False, metadata=_HIDDEN)


@dataclass(frozen=True, slots=True)
class DefinedTerm:
    """The term being defined, at the start of an entry of the definitions article."""

    term_id: str
    text: str


@dataclass(frozen=True, slots=True)
class Ref:
    """A cross-reference to a clause (and optionally a paragraph or point anchor in it).

    ``label`` is None until numbering resolves it to text such as ``article 7(2)(b)``;
    ``target_eid`` then names the element referred to. For a reference to another article,
    ``article_eid`` names that article and ``number_span`` gives the slice of ``label`` holding
    its number, which Word writers print as a live field.
    """

    target: str
    anchor: str | None = None
    label: str | None = None
    target_eid: str | None = None
    article_eid: str | None = None
    number_span: tuple[int, int] | None = None
    case: str = field(default="", metadata=_OMIT_EMPTY)
    """The grammatical case the reference is written in (Russian: ``gen``, ``ins``...); empty: the default."""
    origin: Location | None = field(default=None, compare=False, metadata=_HIDDEN)


@dataclass(frozen=True, slots=True)
class PhraseVariant:
    """One alternative phrase of an inline option: its key, label and inline content."""

    key: str
    label: str
    chosen: bool
    inlines: tuple[Inline, ...]


@dataclass(frozen=True, slots=True)
class Alternatives:
    """Drafting options that are phrases inside a sentence (model mode only).

    Printed ``[Option A: ... / Option B: ...]`` in place; enactment text holds the chosen
    phrase instead, as ordinary inlines. Empty ``variants`` only while rendering.
    """

    variants: tuple[PhraseVariant, ...] = ()


Inline = Union[Text, Term, DefinedTerm, Ref, Alternatives]


@dataclass(frozen=True, slots=True)
class Point:
    """A point (a) or sub-point (i), with optional sub-points of its own."""

    inlines: tuple[Inline, ...]
    children: tuple[Point, ...] = ()
    anchor: str | None = None
    label: str | None = None
    eid: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A numbered paragraph: opening words, points, and closing words after the points.

    ``status`` is the paragraph's own status (mandatory, recommended, optional) where the
    markup gives one; model mode marks it where it differs from the article's.
    """

    inlines: tuple[Inline, ...]
    points: tuple[Point, ...] = ()
    wrap_up: tuple[Inline, ...] = ()
    anchor: str | None = None
    label: str | None = None
    eid: str | None = None
    status: str | None = None


@dataclass(frozen=True, slots=True)
class OptionVariant:
    """One drafting alternative shown in model mode."""

    key: str
    label: str
    chosen: bool
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True, slots=True)
class OptionGroup:
    """Alternatives for the same place in an article (model mode only)."""

    variants: tuple[OptionVariant, ...]


Block = Union[Paragraph, OptionGroup]


@dataclass(frozen=True, slots=True)
class CommentarySection:
    """A headed part of the commentary, e.g. ("Purpose", "...")."""

    heading: str
    text: str


@dataclass(frozen=True, slots=True)
class SourceNote:
    """A source citation: instrument short form, pinpoint, relation and verification."""

    instrument_id: str
    citation: str
    pinpoint: str | None
    relation: str
    verification: str
    note: str | None = None
    subject: str | None = None

    def format(self, words: Vocabulary = ENGLISH) -> str:
        """Return the citation as printed: ``[subject: ]citation, pinpoint[ (pinpoint unverified)] — relation[; note]``."""
        text = (f"{self.subject}: " if self.subject else "") + self.citation
        text += f", {self.pinpoint}" if self.pinpoint else ""
        if self.verification == "unverified":
            text += f" ({words.pinpoint_unverified})"
        text += f" — {words.relation(self.relation)}"
        return text + (f"; {self.note}" if self.note else "")


@dataclass(frozen=True, slots=True)
class Article:
    """An article (a section under the common-law scheme) made from one clause module."""

    clause_id: str
    version: str
    title: str
    status: str
    body: tuple[Block, ...]
    commentary: tuple[CommentarySection, ...] = ()
    open_questions: tuple[str, ...] = ()
    sources: tuple[SourceNote, ...] = ()
    implements: tuple[str, ...] = ()
    option: str | None = None
    answers: tuple[str, ...] = ()
    """The recommendations ``implements`` names, as a reader cites them (document, year, section), each once."""
    implementation: tuple[CommentarySection, ...] = ()
    """Implementation notes (general, civil law, common law): printed in the implementation
    guide, not under the article."""
    parameters: tuple[tuple[str, str], ...] = ()
    number: int | None = None
    label: str | None = None
    eid: str | None = None


@dataclass(frozen=True, slots=True)
class Division:
    """A chapter (a Part under the common-law scheme)."""

    title: str
    articles: tuple[Article, ...]
    number: int | None = None
    label: str | None = None
    eid: str | None = None


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """What a bill prints before its first provision: long title, preamble and enacting formula."""

    long_title: str | None
    preamble: tuple[str, ...]
    enacting_formula: str


@dataclass(frozen=True, slots=True)
class Meta:
    """Document-level facts taken from the config."""

    title: str
    short_title: str
    jurisdiction: str
    tradition: str
    language: str
    version: str
    date: dt.date
    mode: str
    author: str
    draft_marking: str | None
    config_hash: str
    library_version: str
    sources: str = "list"
    toc: bool = False
    line_numbers: bool = False
    review_comments: bool = False
    clause_ids: bool = False
    frbr_country: str = field(default="xx", metadata=_HIDDEN)
    """Country or body code of Akoma Ntoso FRBR URIs (not in the IR's JSON, so goldens keep their shape)."""
    front_matter: FrontMatter | None = None
    """Enactment mode only: the bill's long title, preamble and enacting formula."""


@dataclass(frozen=True, slots=True)
class FrontSection:
    """A headed part of the front matter, in plain paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Front:
    """Front matter printed before the first chapter in model mode: the introduction."""

    title: str
    sections: tuple[FrontSection, ...]
    language: str = "en"


@dataclass(frozen=True, slots=True)
class NoteEntry:
    """The explanatory note on one article: its heading as the law prints it and the commentary's parts."""

    heading: str
    sections: tuple[CommentarySection, ...]
    article_eid: str | None = None


@dataclass(frozen=True, slots=True)
class NoteChapter:
    """The part of the explanatory note on one chapter: its heading and the notes on its articles."""

    heading: str
    entries: tuple[NoteEntry, ...]


@dataclass(frozen=True, slots=True)
class ExplanatoryNote:
    """The explanatory note (CIS form: пояснительная записка) printed after the law, gathered from the
    commentary chapter by chapter; the articles then carry no commentary of their own."""

    title: str
    intro: tuple[str, ...]
    chapters: tuple[NoteChapter, ...]


@dataclass(frozen=True, slots=True)
class Document:
    """A whole draft law; ``front`` is the introduction (model mode only); ``note`` the explanatory note."""

    meta: Meta
    divisions: tuple[Division, ...]
    front: Front | None = None
    note: ExplanatoryNote | None = field(default=None, metadata=_OMIT_EMPTY)

    def articles(self) -> list[Article]:
        """Return every article in document order."""
        return [a for d in self.divisions for a in d.articles]


def plain_text(inlines: tuple[Inline, ...]) -> str:
    """Return the inlines as plain text (references by their label, or target when unresolved)."""
    parts: list[str] = []
    for node in inlines:
        if isinstance(node, Ref):
            parts.append(node.label or f"[{node.target}]")
        elif isinstance(node, Alternatives):
            parts.append("[" + " / ".join(f"Option {v.key}: {plain_text(v.inlines)}" for v in node.variants) + "]")
        else:
            parts.append(node.text)
    return "".join(parts)


def to_data(value: Any) -> Any:
    """Return ``value`` as JSON-ready data; dataclasses carry a ``type`` key with their class name."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data: dict[str, Any] = {"type": type(value).__name__}
        for f in dataclasses.fields(value):
            shown = f.metadata.get("json", True)
            if shown is True or (shown == "unless-empty" and getattr(value, f.name)):
                data[f.name] = to_data(getattr(value, f.name))
        return data
    if isinstance(value, (tuple, list)):
        return [to_data(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def to_json(document: Document) -> str:
    """Return the IR as indented, key-ordered JSON text ending in a newline."""
    return json.dumps(to_data(document), indent=1, ensure_ascii=False) + "\n"
