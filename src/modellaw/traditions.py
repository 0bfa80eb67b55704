"""Legal traditions as data: what each form of law does differently, read by render, build and the writers.

A tradition (``jurisdiction.tradition`` in a config) sets more than the numbering scheme: where the
definitions article goes and what it is called, the enacting words, whether sanctions are fixed in
the text or left to the legislation of the State, and whether the commentary follows each article
or is gathered in an explanatory note. Each of these is one field here, so code asks the tradition
instead of testing its name; headings are vocabulary keys, so they follow the document's language.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from modellaw.vocabulary import Vocabulary

Liability = Literal["fixed", "by-reference"]


@dataclass(frozen=True)
class Tradition:
    """What one legal tradition prints differently."""

    key: str
    common_law: bool
    """Part/section numbering and "this Act" (common law) instead of chapter/article and "this Law"."""
    definitions_first: bool
    """The definitions article is article 1, at the head of the first chapter, wherever the structure lists it."""
    definitions_heading: str
    """Vocabulary key of the definitions article's heading."""
    definitions_intro: str
    """Vocabulary key of the words that open the definitions article."""
    enacting_formula: str
    """Enacting words (enactment mode), with ``{legislature}`` and ``{state}`` to fill."""
    explanatory_note: bool
    """Model mode: commentary gathered in an explanatory note after the law instead of after each article."""
    liability: Liability
    """``fixed``: offences state their penalties; ``by-reference``: liability under the legislation of the State."""
    arabic_chapters: bool = False
    """Chapters numbered 1, 2, 3 instead of I, II, III."""

    def definitions_title(self, words: Vocabulary) -> str:
        """Return the heading of the definitions article in ``words``' language."""
        return str(getattr(words, self.definitions_heading))

    def definitions_opening(self, words: Vocabulary) -> str:
        """Return the words that open the definitions article in ``words``' language."""
        return str(getattr(words, self.definitions_intro))


TRADITIONS: dict[str, Tradition] = {
    "civil-law": Tradition(
        "civil-law", common_law=False, definitions_first=False, definitions_heading="definitions",
        definitions_intro="definitions_intro_law", enacting_formula="The {legislature} of {state} adopts the following Law:",
        explanatory_note=False, liability="fixed",
    ),
    "common-law": Tradition(
        "common-law", common_law=True, definitions_first=False, definitions_heading="interpretation",
        definitions_intro="definitions_intro_act", enacting_formula="BE IT ENACTED by the {legislature} of {state} as follows:",
        explanatory_note=False, liability="fixed",
    ),
    "cis": Tradition(
        "cis", common_law=False, definitions_first=True, definitions_heading="basic_concepts",
        definitions_intro="basic_concepts_intro", enacting_formula="Adopted by the {legislature} of {state}.",
        explanatory_note=True, liability="by-reference", arabic_chapters=True,
    ),
}
"""Every tradition a config may name, by key."""


def tradition(key: str) -> Tradition:
    """Return the tradition named ``key`` (civil-law when the key is unknown, as the config schema allows no other)."""
    return TRADITIONS.get(key, TRADITIONS["civil-law"])
