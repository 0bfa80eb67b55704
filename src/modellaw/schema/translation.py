"""Schema of a translation: one module's words in another language, tied to the source it was made from.

A translation file ``<slug>.<lang>.yaml`` sits beside its module ``<slug>.yaml`` and mirrors the
module's shape for the fields that carry words: title, summary, text, option labels and texts,
commentary, parameter defaults and descriptions; for a definition also the term, its plural, its
grammatical forms and the definition. It records the source version and a hash of the source's
words, so a later change of the source shows the translation as stale.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from modellaw.schema.clause import Commentary, OptionKey, ParamName
from modellaw.schema.types import ClauseId, LanguageTag, SemVer

_STRICT = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class TranslationOf(BaseModel):
    """Which module this translates, into which language, and from which state of the source."""

    model_config = _STRICT

    of: ClauseId
    """The id of the translated module."""
    language: LanguageTag
    """The language of this translation."""
    source_version: SemVer
    """The version of the module when it was translated."""
    source_hash: str = Field(pattern=r"^[0-9a-f]{16}$")
    """The hash of the module's words when it was translated (``modellaw translation hash ID``)."""


class OptionChoiceTranslation(BaseModel):
    """One drafting option in the translation's language."""

    model_config = _STRICT

    label: str = Field(min_length=1)
    text: str = Field(min_length=1)


class OptionsTranslation(BaseModel):
    """The drafting options, keyed as in the source."""

    model_config = _STRICT

    choices: dict[OptionKey, OptionChoiceTranslation]


class ParameterTranslation(BaseModel):
    """A parameter's default value (when it is words) and description in the translation's language."""

    model_config = _STRICT

    default: str | list[str] | None = None
    description: str | None = None


class Translation(BaseModel):
    """A clause or definition module in another language."""

    model_config = _STRICT

    translation: TranslationOf
    title: str | None = None
    summary: str | None = None
    text: str | None = None
    options: OptionsTranslation | None = None
    parameters: dict[ParamName, ParameterTranslation] = {}
    commentary: Commentary | None = None
    term: str | None = None
    """A definition's term, in the nominative singular."""
    plural: str | None = None
    """A definition's term in the plural (nominative)."""
    forms: dict[str, str] = {}
    """Other forms of the term that templates ask for with ``term(id, form)``: cases such as ``gen``,
    ``ins``, plural cases such as ``pl.gen``."""
    definition: str | None = None


class AuthorityTranslation(BaseModel):
    """An authority's default name and function in another language."""

    model_config = _STRICT

    name: str = Field(min_length=1, max_length=200)
    function: str = Field(min_length=1, max_length=400)


class AuthoritiesTranslation(BaseModel):
    """``authorities.<lang>.yaml``: the registry's names and functions in one language."""

    model_config = _STRICT

    language: LanguageTag
    authorities: dict[str, AuthorityTranslation]
