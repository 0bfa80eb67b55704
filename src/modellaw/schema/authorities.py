"""Schema of the authority registry: the public bodies a law gives functions to, designated once."""

from __future__ import annotations

import re

from pydantic import BaseModel, ConfigDict, Field

_STRICT = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)

AUTHORITY_ID = r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$"
"""An authority id: lower-case words joined by hyphens (``ai-supervisor``)."""

AUTHORITY_CALL = re.compile(r"""\b[Aa]uthority\(\s*["']([^"']*)["']\s*\)""")
"""A template call ``authority("id")`` or ``Authority("id")``; group 1 is the id."""


class Authority(BaseModel):
    """A public body, court or office that the law gives a function to."""

    model_config = _STRICT

    name: str = Field(min_length=1, max_length=200)
    """The default name as it reads inside a sentence, article included ("the [AI supervisory authority]")."""
    function: str = Field(min_length=1, max_length=400)
    """What the body does under the law, as the designation article lists it (no final punctuation)."""


class AuthorityFile(BaseModel):
    """A library's ``authorities.yaml``: authority id -> declaration."""

    model_config = _STRICT

    authorities: dict[str, Authority]
    """The authorities this library's clauses may name with ``authority("id")``."""
