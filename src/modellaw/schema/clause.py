"""Schema of a clause module: one YAML file under ``clauses/<family>/``."""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal, Self, Union

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, model_validator

from modellaw.schema.catalogue import InstrumentId, RecommendationId
from modellaw.schema.types import ClauseId, Duration, LanguageTag, SemVer

_STRICT = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

TEMPLATE_HELPERS = frozenset(
    {"term", "ref", "this_law", "This_law", "this_law_in", "article", "state", "mode", "authority", "Authority", "designated_authorities",
     "options", "includes", "state_in"}
)
"""Names the templates get from the toolkit; a parameter may not take one of them."""


def _not_a_helper(name: str) -> str:
    if name in TEMPLATE_HELPERS:
        raise ValueError(f"{name!r} is the name of a template helper; give the parameter another name")
    return name


ParamName = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$"), AfterValidator(_not_a_helper)]
OptionKey = Annotated[str, StringConstraints(pattern=r"^[A-Z]$")]
_INLINE_PLACE = re.compile(r"\{\{-?\s*options\s*-?\}\}")


class _Parameter(BaseModel):
    model_config = _STRICT

    description: str = Field(min_length=3)
    """What the parameter controls, for drafters reading the catalogue."""
    penalty: bool = False
    """The parameter fixes a sanction (a maximum term or fine): where liability is by reference to the
    legislation of the State (CIS form), the sentence printing it is replaced (see ``liability.py``)."""

    def problems_with(self, value: Any) -> list[tuple[str, str]]:
        """Return (rule code, message) for each way a value of the right type breaks the declaration.

        The same check runs on the declared default (at load) and on the config's value (at resolve).
        """
        return []

    @model_validator(mode="after")
    def _default_fits(self) -> Self:
        default = getattr(self, "default", None)
        if default is not None:
            for _, message in self.problems_with(default):
                raise ValueError(f"default {_short(default)}: {message}")
        return self


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class TextParameter(_Parameter):
    """A piece of text, such as the name of an authority."""

    type: Literal["text"]
    default: str | None = None
    """Value used when the config sets none; no default makes the parameter required."""


class IntegerParameter(_Parameter):
    """A whole number with optional bounds, such as a maximum penalty in years."""

    type: Literal["integer"]
    default: int | None = None
    """Value used when the config sets none; no default makes the parameter required."""
    min: int | None = None
    """Smallest value allowed."""
    max: int | None = None
    """Largest value allowed."""
    unit: str | None = None
    """Unit for catalogues, e.g. ``years``; the template writes the unit itself."""

    @model_validator(mode="before")
    @classmethod
    def _bounds_in_order(cls, data: Any) -> Any:
        low, high = (data.get("min"), data.get("max")) if isinstance(data, dict) else (None, None)
        if isinstance(low, int) and isinstance(high, int) and low > high:
            raise ValueError(f"min {low} is greater than max {high}")
        return data

    def problems_with(self, value: Any) -> list[tuple[str, str]]:
        """Return the bound the value breaks (RES013)."""
        if self.min is not None and value < self.min:
            return [("RES013", f"{value} is below the minimum {self.min}")]
        if self.max is not None and value > self.max:
            return [("RES013", f"{value} is above the maximum {self.max}")]
        return []


class ChoiceParameter(_Parameter):
    """One value out of a closed list (an enumeration)."""

    type: Literal["choice"]
    choices: list[str] = Field(min_length=2)
    """The values allowed, as they appear in the text."""
    default: str | None = None
    """Value used when the config sets none; must be one of ``choices``."""

    def problems_with(self, value: Any) -> list[tuple[str, str]]:
        """Return the problem when the value is not one of the choices (RES014)."""
        return [] if value in self.choices else [("RES014", f"{_short(value)} is not one of {self.choices}")]


class ListParameter(_Parameter):
    """A list of text items, such as the humanitarian actors covered by an exemption."""

    type: Literal["list"]
    default: list[str] | None = None
    """Items used when the config sets none."""
    min_items: int = Field(default=0, ge=0)
    """Fewest items allowed."""
    max_items: int | None = Field(default=None, ge=1)
    """Most items allowed (no limit when absent)."""

    def problems_with(self, value: Any) -> list[tuple[str, str]]:
        """Return the problem when the list is shorter than min_items or longer than max_items (RES015)."""
        if len(value) < self.min_items:
            return [("RES015", f"at least {self.min_items} item(s) needed, got {len(value)}")]
        if self.max_items is not None and len(value) > self.max_items:
            return [("RES015", f"at most {self.max_items} item(s) allowed, got {len(value)}")]
        return []


class BooleanParameter(_Parameter):
    """A yes/no switch that templates test with ``{% if %}``."""

    type: Literal["boolean"]
    default: bool | None = None
    """Value used when the config sets none."""


class DurationParameter(_Parameter):
    """A period such as ``12 months`` or ``48 hours``."""

    type: Literal["duration"]
    default: Duration | None = None
    """Value used when the config sets none, written ``<number> <unit>``."""


Parameter = Annotated[
    Union[
        TextParameter,
        IntegerParameter,
        ChoiceParameter,
        ListParameter,
        BooleanParameter,
        DurationParameter,
    ],
    Field(discriminator="type"),
]


class OptionChoice(BaseModel):
    """One drafting alternative of a clause."""

    model_config = _STRICT

    label: str = Field(min_length=3)
    """Short name shown in model mode: ``[Option A: <label>]``."""
    text: str = Field(min_length=1)
    """Jinja text in the clause markup, inserted where the clause text says ``@options``
    (paragraphs), or where it says ``{{ options }}`` (a phrase, with ``inline: true``)."""


class Options(BaseModel):
    """Drafting alternatives where national practice differs."""

    model_config = _STRICT

    default: OptionKey
    """The option used in enactment mode when the config chooses none."""
    choices: dict[OptionKey, OptionChoice] = Field(min_length=2)
    """Alternatives keyed A, B, C..."""
    inline: bool = False
    """The alternatives are phrases inside a sentence: the clause text places them with
    ``{{ options }}``; model mode prints ``[Option A: ... / Option B: ...]`` there."""

    @model_validator(mode="after")
    def _default_is_a_choice(self) -> Options:
        if self.default not in self.choices:
            raise ValueError(f"default option {self.default!r} is not one of {sorted(self.choices)}")
        if self.inline:
            for key, choice in self.choices.items():
                if "\n" in choice.text.strip() or choice.text.lstrip().startswith("- "):
                    raise ValueError(f"inline option {key} must be a phrase on one line, not paragraphs or points")
        return self


class Implementation(BaseModel):
    """Implementation notes, general and per legal tradition."""

    model_config = _STRICT

    general: str | None = None
    """Notes for every legal system (secondary legislation, institutions, costs)."""
    civil_law: str | None = None
    """Notes for civil-law systems (codes, by-reference liability)."""
    common_law: str | None = None
    """Notes for common-law systems (sections, penalties on conviction, regulations)."""


class Commentary(BaseModel):
    """Commentary printed after the article in model mode."""

    model_config = _STRICT

    purpose: str = Field(min_length=10)
    """What the provision is for."""
    status_basis: str | None = None
    """Why the provision is mandatory, recommended or optional."""
    human_rights: str | None = None
    """Human-rights notes: legality, necessity, proportionality, non-discrimination, remedies."""
    ihl: str | None = None
    """International humanitarian law notes."""
    options: str | None = None
    """How to choose between the drafting options."""
    implementation: Implementation | None = None
    """Implementation notes."""
    open_questions: list[str] = []
    """Questions still open for reviewers."""


class Source(BaseModel):
    """An instrument the clause draws on, with a pinpoint."""

    model_config = _STRICT

    instrument: InstrumentId
    """Id from ``seeds/instruments.yaml``."""
    pinpoint: str | None = None
    """Article, paragraph or section, e.g. ``Art. 14(4)`` or ``op. 5``."""
    relation: Literal["implements", "adapted-from", "consistent-with", "inspired-by", "see-also"]
    """How the clause relates to the instrument."""
    verification: Literal["verified", "secondary", "known", "unverified"]
    """How the pinpoint was checked: against the text, a secondary source, from knowledge, or not at all."""
    note: str | None = None
    """A short remark printed after the citation."""

    @property
    def verified(self) -> bool:
        """True only when the pinpoint was checked against the instrument's text."""
        return self.verification == "verified"


class ClauseModule(BaseModel):
    """A clause: one article of a law, with its options, parameters, commentary and sources."""

    model_config = _STRICT

    id: ClauseId
    """``<family>.<slug>``; unique in the library and never reused."""
    replaces: ClauseId | None = None
    """In an own library: the id of the built-in module this one replaces (it must be this module's own id)."""
    kind: Literal["clause"] = "clause"
    language: LanguageTag = "en"
    """The language the module is written in; documents in other languages use its translations."""
    title: str = Field(min_length=3)
    """Article heading."""
    version: SemVer
    """Version of the module, bumped on every change of meaning."""
    status: Literal["mandatory", "recommended", "optional"]
    """Mandatory where a binding instrument requires it; recommended; optional (a policy choice)."""
    summary: str = Field(min_length=10)
    """One sentence for catalogues and annex tables."""
    requires: list[ClauseId] = []
    """Clauses that must be in the same law."""
    conflicts: list[ClauseId] = []
    """Clauses that must not be in the same law."""
    parameters: dict[ParamName, Parameter] = {}
    """Typed values that drafters set in the config."""
    options: Options | None = None
    """Drafting alternatives."""
    text: str = ""
    """Jinja text in the clause markup; ``@options`` marks where the chosen option goes."""
    commentary: Commentary
    """Commentary printed after the article in model mode."""
    sources: list[Source] = []
    """Instruments the clause draws on."""
    implements: list[RecommendationId] = []
    """Recommendations of the catalogue that the clause answers."""

    @property
    def family(self) -> str:
        """The family: the part of the id before the dot."""
        return self.id.split(".", 1)[0]

    @model_validator(mode="after")
    def _has_text(self) -> ClauseModule:
        if not self.text.strip() and self.options is None:
            raise ValueError("a clause needs 'text', 'options', or both")
        if self.options is None and re.search(r"^\s*@options\s*$", self.text, re.M):
            raise ValueError("'@options' is used in the text but the clause has no options")
        if self.options is not None and self.options.inline:
            if len(_INLINE_PLACE.findall(self.text)) != 1:
                raise ValueError("inline options need '{{ options }}' exactly once in the text")
            if re.search(r"^\s*@options\s*$", self.text, re.M):
                raise ValueError("inline options are placed with '{{ options }}', not '@options'")
        return self


class DefinitionModule(BaseModel):
    """A defined term: one entry of the definitions article."""

    model_config = _STRICT

    id: ClauseId
    """``definitions.<slug>``; templates use it as ``term("<slug>")``."""
    replaces: ClauseId | None = None
    """In an own library: the id of the built-in definition this one replaces (it must be this module's own id)."""
    kind: Literal["definition"]
    language: LanguageTag = "en"
    """The language the module is written in; documents in other languages use its translations."""
    term: str = Field(min_length=1)
    """The term as it appears in the text, e.g. ``AI system``."""
    plural: str | None = None
    """Plural form, used by ``term("<slug>", "plural")``."""
    forms: dict[str, str] = {}
    """Other forms templates ask for with ``term("<slug>", form)``: grammatical cases in languages
    that decline (``gen``, ``ins``, ``pl.gen``...)."""
    version: SemVer
    status: Literal["mandatory", "recommended", "optional"] = "recommended"
    summary: str = Field(min_length=10)
    definition: str = ""
    """Jinja text that follows 'means'; may use term() and list sub-points with ``- ``.
    With options, the chosen option's text is the definition instead."""
    parameters: dict[ParamName, Parameter] = {}
    options: Options | None = None
    commentary: Commentary
    sources: list[Source] = []
    implements: list[RecommendationId] = []

    @model_validator(mode="after")
    def _has_definition(self) -> DefinitionModule:
        if not self.definition.strip() and self.options is None:
            raise ValueError("a definition needs 'definition' text or options")
        if self.definition.strip() and self.options is not None:
            raise ValueError("give either 'definition' or options, not both")
        if self.options is not None and self.options.inline:
            raise ValueError("a definition's options are whole definitions: 'inline' is for clauses")
        return self

    @property
    def family(self) -> str:
        """Always ``definitions``."""
        return "definitions"

    @property
    def slug(self) -> str:
        """The part of the id after ``definitions.``."""
        return self.id.split(".", 1)[1]

    @property
    def title(self) -> str:
        """The term, which serves as title in catalogues."""
        return self.term

