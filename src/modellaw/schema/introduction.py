"""Schema of a library's ``introduction.yaml``: the introduction printed before a model law."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

_STRICT = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class IntroductionSection(BaseModel):
    """A headed part of the introduction."""

    model_config = _STRICT

    heading: str = Field(min_length=3)
    """The part's heading, e.g. ``How to use this model``."""
    paragraphs: list[str] = Field(min_length=1)
    """Its paragraphs, plain text (folded: line breaks inside a paragraph become spaces)."""


class IntroductionFile(BaseModel):
    """The file ``introduction.yaml`` at the root of a clause library."""

    model_config = _STRICT

    language: str = Field(default="en", pattern=r"^[a-z]{2,3}$")
    """The language it is written in; a law in another language prints no introduction."""
    title: str = Field(default="Introduction", min_length=3)
    """The heading printed above the introduction."""
    sections: list[IntroductionSection] = Field(min_length=1)
