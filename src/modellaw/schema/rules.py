"""Schema of safeguard rules: document-level checks kept as data in a library's ``rules.yaml``."""

from __future__ import annotations

from functools import lru_cache
from typing import Literal

import regex
from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from modellaw.schema.clause import OptionKey, Source
from modellaw.schema.types import ClauseId

_STRICT = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

MATCH_TIME_LIMIT = 2.0
"""Seconds one ``text_matches`` search may take on one article before the rule fails (RUL006)."""


@lru_cache(maxsize=256)
def compiled(pattern: str) -> regex.Pattern[str]:
    """Return ``pattern`` compiled case-insensitively (the ``regex`` engine, which can time out)."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)


def bounded_search(pattern: str, text: str) -> bool:
    """True when ``pattern`` matches somewhere in ``text``; raise TimeoutError after MATCH_TIME_LIMIT."""
    return compiled(pattern).search(text, timeout=MATCH_TIME_LIMIT) is not None


class Trigger(BaseModel):
    """When the rule applies: any of these clauses, or any clause of these families, is in the law."""

    model_config = _STRICT

    any_clause: list[ClauseId] = []
    """The rule applies when at least one of these clauses is included."""
    any_family: list[str] = []
    """The rule applies when a clause of one of these families is included."""

    @model_validator(mode="after")
    def _not_empty(self) -> Trigger:
        if not self.any_clause and not self.any_family:
            raise ValueError("a trigger needs any_clause or any_family")
        return self


class Requirement(BaseModel):
    """What must then hold. Every part given must be met."""

    model_config = _STRICT

    all_clauses: list[ClauseId] = []
    """Each of these clauses must be included."""
    any_clause: list[ClauseId] = []
    """At least one of these clauses must be included."""
    text_matches: str | None = None
    """A regular expression (case-insensitive) that the text of every triggering clause must match."""
    parameter: str | None = None
    """With ``at_most``: a parameter of the triggering clauses whose value is capped."""
    at_most: int | None = None
    """The highest value ``parameter`` may take."""

    @field_validator("text_matches")
    @classmethod
    def _compiles(cls, value: str | None) -> str | None:
        if value is not None:
            try:
                compiled(value)
            except (regex.error, OverflowError, RecursionError) as exc:
                raise ValueError(f"text_matches is not a valid regular expression: {exc}") from exc
        return value

    @model_validator(mode="after")
    def _something_required(self) -> Requirement:
        if not (self.all_clauses or self.any_clause or self.text_matches or self.parameter):
            raise ValueError("a requirement needs all_clauses, any_clause, text_matches or parameter")
        if (self.parameter is None) != (self.at_most is None):
            raise ValueError("'parameter' and 'at_most' go together")
        return self


class OptionChoiceRef(BaseModel):
    """A clause with one or more of its drafting options, as named by an ``options_incompatible`` rule."""

    model_config = _STRICT

    clause: ClauseId
    """The clause whose option is meant."""
    options: list[OptionKey] = Field(min_length=1)
    """The rule applies when any of these options of the clause is chosen."""


class SafeguardRule(BaseModel):
    """A safeguard the whole law must respect, with its reason and sources.

    Two kinds: ``when`` + ``require`` (a requirement that triggering clauses bring), or
    ``options_incompatible`` (clause options that must not be chosen together).
    """

    model_config = _STRICT

    id: str = Field(pattern=r"^SAF\d{3}$")
    """Rule code, e.g. ``SAF001``."""
    title: str = Field(min_length=5)
    """What the rule demands, in one line."""
    reason: str = Field(min_length=10)
    """Why: the human-rights or IHL ground."""
    severity: Literal["error", "warning"] = "error"
    when: Trigger | None = None
    require: Requirement | None = None
    options_incompatible: list[OptionChoiceRef] = []
    """Two or more clause options that must not all be chosen in one law (the rule fails when they are)."""
    sources: list[Source] = []

    @model_validator(mode="after")
    def _one_kind(self) -> SafeguardRule:
        if self.options_incompatible:
            if self.when is not None or self.require is not None:
                raise ValueError("'options_incompatible' does not go with 'when' or 'require'")
            if len(self.options_incompatible) < 2:
                raise ValueError("'options_incompatible' needs at least two clauses")
            if len({c.clause for c in self.options_incompatible}) != len(self.options_incompatible):
                raise ValueError("'options_incompatible' names a clause twice")
        elif self.when is None or self.require is None:
            raise ValueError("a rule needs 'when' and 'require', or 'options_incompatible'")
        return self

    def named_clauses(self) -> list[str]:
        """Return every clause id the rule names."""
        if self.options_incompatible:
            return [c.clause for c in self.options_incompatible]
        assert self.when is not None and self.require is not None
        return [*self.when.any_clause, *self.require.all_clauses, *self.require.any_clause]


class RuleFile(BaseModel):
    """The file ``rules.yaml`` at the root of a clause library."""

    model_config = _STRICT

    rules: list[SafeguardRule]
