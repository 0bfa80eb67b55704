"""Constrained value types shared by the schemas."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Annotated, Any

from pydantic import BeforeValidator, PlainSerializer, StringConstraints, WithJsonSchema

ClauseId = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9-]*\.[a-z0-9]+(-[a-z0-9]+)*$")]
"""``<family>.<slug>``, lowercase kebab on both sides of the dot."""

SemVer = Annotated[str, StringConstraints(pattern=r"^\d+\.\d+\.\d+$")]
"""``MAJOR.MINOR.PATCH``."""

LanguageTag = Annotated[str, StringConstraints(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", max_length=35)]
"""A BCP 47 language tag such as ``en`` or ``ar``."""

_UNITS = ("hour", "day", "week", "month", "year")
_DURATION_RE = re.compile(r"^\s*(\d+)\s+(hour|day|week|month|year)s?\s*$")


@dataclass(frozen=True, slots=True)
class DurationValue:
    """A period of whole units; ``str()`` gives ``12 months`` or ``1 year``."""

    amount: int
    unit: str

    def __str__(self) -> str:
        """Return the period as law text, singular for one."""
        return f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"


def parse_duration(value: Any) -> DurationValue:
    """Return the DurationValue of ``"<n> <unit>"``; raise ValueError on anything else."""
    if isinstance(value, DurationValue):
        return value
    if not isinstance(value, str):
        raise ValueError("a duration is written as text such as '12 months'")
    match = _DURATION_RE.match(value)
    if match is None:
        raise ValueError(f"{value!r} is not a duration; write '<number> <unit>' with a unit of {', '.join(_UNITS)}")
    return DurationValue(int(match.group(1)), match.group(2))


DURATION_PATTERN = r"^\s*\d+\s+(hour|day|week|month|year)s?\s*$"
"""How a duration is written in YAML and JSON (the JSON Schema checks it)."""

Duration = Annotated[
    DurationValue,
    BeforeValidator(parse_duration),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string", "pattern": DURATION_PATTERN, "examples": ["12 months", "48 hours"]}),
]
"""A period written ``<number> <unit>`` (hours, days, weeks, months, years)."""
