"""Where the built-in clause library, catalogues and templates live, installed or in a checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """Return the folder holding ``clauses/``, ``templates/`` and ``seeds/``.

    An installed wheel carries them in ``modellaw/_data``; a source checkout (editable
    install or ``PYTHONPATH=src``) has them at the repository root.
    """
    bundled = _PACKAGE / "_data"
    if (bundled / "clauses").is_dir():
        return bundled
    return _PACKAGE.parent.parent


def builtin_library() -> Path:
    """Return the built-in clause library folder."""
    return data_root() / "clauses"


def templates_dir() -> Path:
    """Return the templates folder (reference .docx, page templates)."""
    return data_root() / "templates"


def seeds_dir() -> Path:
    """Return the folder of the recommendation and instrument catalogues."""
    return data_root() / "seeds"


def default_config() -> Path:
    """Return the built-in default config: the full model law."""
    return builtin_library() / "default.yaml"
