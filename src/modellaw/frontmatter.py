"""A bill's front matter in enactment mode: long title, preamble and the tradition's enacting formula."""

from __future__ import annotations

from modellaw.ir import FrontMatter
from modellaw.languages import base_language
from modellaw.languages.russian import FORMS, decline
from modellaw.schema.config import DocumentConfig
from modellaw.traditions import TRADITIONS
from modellaw.vocabulary import ENGLISH, vocabulary

ENACTING_FORMULAS = {key: t.enacting_formula for key, t in TRADITIONS.items()}
"""The enacting words per legal tradition (``traditions.py``); ``enacting_formula`` in the config replaces them."""

LOCAL_FORMULAS: dict[str, dict[str, str]] = {
    "ru": {
        "civil-law": "{legislature} {state_gen} принимает настоящий Закон.",
        "cis": "{legislature} {state_gen} принимает настоящий Закон.",
        "common-law": "{legislature} {state_gen} принимает настоящий Закон.",
    },
    "ar": {
        "civil-law": "يقرّ {legislature} في {state} القانون الآتي نصه:",
        "cis": "أقرّه {legislature} في {state}.",
        "common-law": "يصدر {legislature} في {state} القانون الآتي:",
    },
}
"""The enacting words in the languages that have their own, per tradition; ``{state_gen}`` is the State in the genitive."""

DEFAULT_LEGISLATURE = "Parliament"
"""The config's default legislature, which a document in another language prints in that language."""

LOCAL_LEGISLATURES = {"ru": "[Парламент]", "ar": "[البرلمان]"}
"""The default legislature in the languages that have their own words (bracketed: the State fills it in)."""


def front_matter(config: DocumentConfig) -> FrontMatter | None:
    """Return the front matter of an enactment-mode draft (None in model mode, which keeps its title page)."""
    if config.mode != "enactment":
        return None
    formula = config.enacting_formula or enacting_formula(config)
    return FrontMatter(config.long_title, tuple(" ".join(p.split()) for p in config.preamble), formula)


def enacting_formula(config: DocumentConfig) -> str:
    """Return the tradition's enacting words in the document's language, filled with the legislature and the State."""
    jurisdiction, language = config.jurisdiction, base_language(config.language)
    local = LOCAL_FORMULAS.get(language)
    if local is None:
        return ENACTING_FORMULAS[jurisdiction.tradition].format(legislature=jurisdiction.legislature, state=jurisdiction.name)
    legislature = LOCAL_LEGISLATURES.get(language, jurisdiction.legislature) if jurisdiction.legislature == DEFAULT_LEGISLATURE else jurisdiction.legislature
    state = vocabulary(language).state_placeholder if jurisdiction.name == ENGLISH.state_placeholder else jurisdiction.name
    state_gen = jurisdiction.forms.get("gen") or (decline(state, "gen") if state in FORMS else state)
    return local[jurisdiction.tradition].format(legislature=legislature, state=state, state_gen=state_gen)


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
