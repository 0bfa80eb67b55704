"""Schema of a document config: which clauses, in what order, with which values."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

from modellaw.languages import check_language
from modellaw.schema.types import ClauseId, LanguageTag

_STRICT = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

MAX_PROPERTY = 255
"""Word's limit on a core property (title, author...): longer values are refused at load (CFG016)."""
MAX_NAME = 200
"""Limit on the jurisdiction's name, which the ``subject`` property carries with the mode."""

DEFINITIONS_SLOT = "definitions"
"""The structure entry that places the assembled definitions article."""


class Jurisdiction(BaseModel):
    """The State the draft is for, and its legal tradition (which sets the numbering scheme)."""

    model_config = _STRICT

    name: str = Field(default="[State]", max_length=MAX_NAME)
    """Name of the State, or a bracketed placeholder in a model law."""
    forms: dict[Literal["nom", "gen", "dat", "acc", "ins", "prep"], Annotated[str, Field(min_length=1, max_length=MAX_NAME)]] = {}
    """The name in the cases of a language that declines (Russian): ``{gen: Республики Истландия, ...}``, for
    templates that ask ``state_in("gen")``; a case left out prints the name as written."""
    tradition: Literal["civil-law", "common-law", "cis"] = "civil-law"
    """civil-law: chapters and articles; common-law: parts and sections; cis: the CIS model-law form (chapters
    numbered 1, 2, 3; "Basic concepts" as article 1; liability by reference to the legislation of the State;
    an explanatory note instead of commentary after each article; the CIS adoption formula)."""
    legislature: str = Field(default="Parliament", min_length=2)
    """The body that enacts the law, as it reads after "the" in the enacting formula (enactment mode)."""
    frbr_country: str = Field(default="xx", pattern=r"^[a-z][a-z0-9]{1,9}(-[a-z0-9]{1,10})?$")
    """Akoma Ntoso FRBR country: the State's ISO 3166-1 alpha-2 code in lower case (``ke``, ``za-wc``), or a short code
    of the body issuing a model law (an inter-parliamentary body has no country code); ``xx`` when none applies."""


class Division(BaseModel):
    """A chapter (a Part under the common-law scheme) and the clauses it holds, in order."""

    model_config = _STRICT

    chapter: str = Field(min_length=1)
    """Chapter heading."""
    clauses: list[ClauseId | Literal["definitions"]] = Field(min_length=1)
    """Clause ids in order; ``definitions`` places the assembled definitions article."""


class AddedClauses(BaseModel):
    """Clauses a variant adds: to an existing chapter (appended), or as a new chapter."""

    model_config = _STRICT

    chapter: str = Field(min_length=1)
    """Heading of the chapter to add to, or of the new chapter."""
    clauses: list[ClauseId] = Field(min_length=1)
    """Clause ids to add, in order."""
    before: str | None = None
    """For a new chapter: the heading of the chapter it goes before (default: at the end)."""


class ConfigTranslation(BaseModel):
    """The config's own words in another language: what a build in that language (or the second
    column of a parallel text) prints instead of the config's title and chapter headings."""

    model_config = _STRICT

    title: str | None = Field(default=None, min_length=3, max_length=MAX_PROPERTY)
    """The long title in that language."""
    short_title: str | None = Field(default=None, max_length=MAX_PROPERTY)
    """The short title in that language."""
    jurisdiction: str | None = None
    """The jurisdiction's name in that language."""
    draft_marking: str | None = Field(default=None, max_length=MAX_PROPERTY)
    """The draft marking in that language."""
    chapters: dict[str, str] = {}
    """Chapter headings in that language, keyed by the heading as the structure gives it."""


class DocumentConfig(BaseModel):
    """A document config: everything needed to build one draft law."""

    model_config = _STRICT

    extends: str | None = None
    """Build on another config and state only the differences: ``default`` (the built-in model law) or a
    path relative to this file. Parameters and options merge clause by clause; other keys replace."""
    drop_chapters: list[str] = []
    """With ``extends``: headings of the base's chapters to leave out."""
    drop_clauses: list[ClauseId] = []
    """With ``extends``: ids of the base's clauses to leave out."""
    add_clauses: list[AddedClauses] = []
    """With ``extends``: clauses to add, by chapter."""

    title: str = Field(min_length=3, max_length=MAX_PROPERTY)
    """Long title of the law."""
    short_title: str | None = Field(default=None, max_length=MAX_PROPERTY)
    """Short title for headers; defaults to the long title."""
    long_title: str | None = None
    """Enactment mode: the long title under the title, e.g. "An Act to prevent the use of ... and for connected purposes"."""
    preamble: list[str] = []
    """Enactment mode: recitals printed before the enacting formula, one paragraph each ("WHEREAS ...")."""
    enacting_formula: str | None = None
    """Enactment mode: the enacting words; by default the tradition's ("BE IT ENACTED by the Parliament of X as follows:")."""
    mode: Literal["model", "enactment"] = "model"
    """model: status markers, options in brackets, commentary and sources; enactment: clean text."""
    jurisdiction: Jurisdiction = Jurisdiction()
    language: Annotated[LanguageTag, AfterValidator(check_language)] = "en"
    """Language of the text (en, ru or ar, optionally with a region: ru-KZ); other languages come
    from the translations beside each module."""
    version: str = Field(default="0.1", min_length=1, max_length=64)
    """Version of the draft."""
    date: dt.date
    """Date of the draft; printed on the title page and pinned in the file's properties."""
    author: str = Field(default="modellaw", max_length=MAX_PROPERTY)
    """Author recorded in the file's properties."""
    draft_marking: str | None = "Draft"
    """Marking on the title page; null for none."""
    library: list[str] = []
    """Extra clause library folders, relative to the config file."""
    allow_outside_paths: bool = False
    """Allow library folders outside the config's folder tree (absolute paths, ``..``); each is noted in the build output."""
    builtin_library: bool = True
    """Whether the built-in clause library is loaded as well."""
    structure: list[Division] = Field(min_length=1)
    """Chapters in order."""
    terms: list[str] = []
    """Defined terms to include even when no clause uses them (warned about when unused)."""
    parameters: dict[ClauseId, dict[str, Any]] = {}
    """Parameter values by clause id, checked against each clause's declarations."""
    options: dict[ClauseId, str] = {}
    """Chosen option (A, B...) by clause id."""
    authorities: dict[str, str] = {}
    """Names of the authorities the law designates, by authority id, written as they read inside a
    sentence with the article if one is used ("the Online Safety Commissioner", "Ofcom")."""
    explanatory_note: bool | None = None
    """Gather the commentary in an explanatory note after the law instead of after each article; by default
    the tradition decides (cis: yes, in model mode). True also gives an enactment-mode draft its note."""
    liability: Literal["fixed", "by-reference"] | None = None
    """fixed: offences state their penalties; by-reference: each penalty is replaced by liability in accordance
    with the legislation of the State. By default the tradition decides (cis: by-reference)."""
    annexes: list[Literal["concordance", "implementation-guide"]] = []
    """Annexes appended to the draft: the concordance, the implementation guide."""
    sources: Literal["list", "footnotes", "both"] = "list"
    """Model mode: sources as a list after each article's commentary, as Word footnotes, or both."""
    toc: bool | None = None
    """Table of contents after the title page; by default in model mode only."""
    line_numbers: bool = False
    """Number the lines of each page in the margin, restarting on every page (for committee work)."""
    review_comments: bool = False
    """Anchor a Word comment on each article: clause id, version, status and open questions."""
    translations: dict[str, ConfigTranslation] = {}
    """The title and chapter headings in other languages, by language code, for builds in those
    languages (``--language``, ``--parallel``)."""
    reference_docx: str | None = None
    """A house Word template (.docx), relative to the config file, whose styles and page setup the draft uses."""

    @model_validator(mode="after")
    def _one_definitions_slot(self) -> DocumentConfig:
        slots = sum(c == DEFINITIONS_SLOT for d in self.structure for c in d.clauses)
        if slots > 1:
            raise ValueError("'definitions' may appear only once in the structure")
        return self
