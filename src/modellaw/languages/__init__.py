"""Languages the toolkit drafts in: which are supported, and the grammar of each.

A language is supported when it has structural words (``modellaw.vocabulary``) and a reference
grammar (``modellaw.languages.grammar``). Any other language is an error that lists these.
"""

from __future__ import annotations

SUPPORTED: dict[str, str] = {"ar": "Arabic", "en": "English", "ru": "Russian"}
"""Supported base language codes and their English names."""

NATIVE_NAMES: dict[str, str] = {"ar": "العربية", "en": "English", "ru": "Русский"}
"""Each supported language's name in itself, as a parallel text heads its column."""

SOURCE_LANGUAGE = "en"
"""The language the built-in library is written in; other languages come from translations."""


def base_language(tag: str) -> str:
    """Return the base code of a BCP 47 tag: ``ru-KZ`` -> ``ru``."""
    return tag.split("-")[0].lower()


def supported_list() -> str:
    """Return the supported languages as a phrase for messages: ``ar (Arabic), en (English), ...``."""
    return ", ".join(f"{code} ({name})" for code, name in sorted(SUPPORTED.items()))


def check_language(tag: str) -> str:
    """Return ``tag`` when its base language is supported; raise ValueError naming the supported ones."""
    if base_language(tag) not in SUPPORTED:
        raise ValueError(f"language {tag!r} is not supported; supported languages: {supported_list()}")
    return tag


def native_name(tag: str) -> str:
    """Return the language's name in itself (``Русский``), for column headings of parallel texts."""
    return NATIVE_NAMES.get(base_language(tag), tag)
