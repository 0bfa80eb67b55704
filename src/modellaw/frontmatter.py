"""A bill's front matter in enactment mode: long title, preamble and the tradition's enacting formula."""

from __future__ import annotations

from modellaw.ir import FrontMatter
from modellaw.schema.config import DocumentConfig
from modellaw.traditions import TRADITIONS

ENACTING_FORMULAS = {key: t.enacting_formula for key, t in TRADITIONS.items()}
"""The enacting words per legal tradition (``traditions.py``); ``enacting_formula`` in the config replaces them."""


def front_matter(config: DocumentConfig) -> FrontMatter | None:
    """Return the front matter of an enactment-mode draft (None in model mode, which keeps its title page)."""
    if config.mode != "enactment":
        return None
    jurisdiction = config.jurisdiction
    formula = config.enacting_formula or ENACTING_FORMULAS[jurisdiction.tradition].format(
        legislature=jurisdiction.legislature, state=jurisdiction.name)
    return FrontMatter(config.long_title, tuple(" ".join(p.split()) for p in config.preamble), formula)


def front_matter_settings(config: DocumentConfig) -> list[tuple[str, str, tuple[str | int, ...]]]:
    """Return (key to set, printed text, key path) for each piece of front matter, for the placeholder check."""
    pieces: list[tuple[str, str, tuple[str | int, ...]]] = []
    if config.long_title:
        pieces.append(("long_title", config.long_title, ("long_title",)))
    pieces += [(f"preamble.{i}", text, ("preamble", i)) for i, text in enumerate(config.preamble)]
    if config.enacting_formula:
        pieces.append(("enacting_formula", config.enacting_formula, ("enacting_formula",)))
    else:
        pieces.append(("jurisdiction.legislature", config.jurisdiction.legislature, ("jurisdiction", "legislature")))
        pieces.append(("jurisdiction.name", config.jurisdiction.name, ("jurisdiction", "name")))
    return pieces
