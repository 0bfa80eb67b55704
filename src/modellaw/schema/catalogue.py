"""Schemas for the catalogues in ``seeds/``: recommendations and international instruments."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

RecommendationId = Annotated[str, StringConstraints(pattern=r"^rec-[a-z0-9]+(-[a-z0-9]+)*$")]
InstrumentId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")]

_STRICT = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Recommendation(BaseModel):
    """One recommendation or call for action found in a source document."""

    model_config = _STRICT

    id: RecommendationId
    """Stable id, never reused, e.g. ``rec-spb-humanitarian-exemption``."""
    source: str = Field(pattern=r"^[0-9]{3}_[0-9a-f]{16}\.txt$")
    """File name of the source document in the seeds folder."""
    section: str = Field(min_length=1)
    """Heading or section of the source document the recommendation comes from."""
    citation: str | None = Field(default=None, min_length=10)
    """How a reader cites it: document, year and section, e.g. ``St Petersburg outcome document (2025), section 4``."""
    paraphrase: str = Field(min_length=20)
    """One sentence in the project's own words: what the document calls for."""
    legislative: bool
    """True when legislation can answer it; False for capacity building, awareness, diplomacy."""
    topics: list[str] = []
    """Clause families the recommendation concerns (free labels, for filtering)."""

    def cite(self) -> str:
        """Return the citation a reader sees (the section heading when no citation is given)."""
        return self.citation or self.section


class Instrument(BaseModel):
    """An international instrument that clause sources cite."""

    model_config = _STRICT

    id: InstrumentId
    """Stable id, e.g. ``unscr-2462`` or ``eu-ai-act``."""
    title: str = Field(min_length=3)
    """Full title as the instrument is usually cited."""
    short: str = Field(min_length=2)
    """Short citation form used in source lists and footnotes, e.g. ``UNSCR 2462 (2019)``."""
    kind: Literal[
        "security-council-resolution",
        "general-assembly-resolution",
        "treaty",
        "regional-law",
        "soft-law",
        "standard",
        "model-law",
        "national-law",
        "other",
    ]
    """What sort of instrument it is; binding instruments ground a 'mandatory' status."""
    binding: bool
    """Whether the instrument binds the States it addresses (treaties for parties, Chapter VII decisions)."""
    year: int | None = Field(default=None, ge=1945, le=2100)
    """Year of adoption, where known."""
    cited_in: list[str] = []
    """Seed file names that cite the instrument (empty when it comes from the research notes only)."""


class RecommendationCatalogue(BaseModel):
    """The file ``seeds/recommendations.yaml``."""

    model_config = _STRICT

    recommendations: list[Recommendation]


class InstrumentCatalogue(BaseModel):
    """The file ``seeds/instruments.yaml``."""

    model_config = _STRICT

    instruments: list[Instrument]
