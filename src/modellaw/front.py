"""Front matter: the library's introduction, loaded once and carried in the IR for model mode.

A library folder may hold ``introduction.yaml`` (schema: ``schema/introduction.py``); when several
folders have one, the last wins, so a national library can replace the built-in text. Render puts
it in ``Document.front`` in model mode only, and only for a law in the introduction's language;
every writer prints it after the title page and contents.
"""

from __future__ import annotations

from pathlib import Path

from modellaw.errors import Diagnostics, relpath
from modellaw.ir import Front, FrontSection
from modellaw.schema.introduction import IntroductionFile
from modellaw.validation import validate_model
from modellaw.yamlio import load_yaml

FILE_NAME = "introduction.yaml"


def load_introduction(folder: Path, problems: Diagnostics) -> Front | None:
    """Return the introduction in ``folder`` as front matter (None when the folder has none or it is invalid)."""
    path = folder / FILE_NAME
    if not path.exists():
        return None
    loaded, diags = load_yaml(path, relpath(path))
    problems.extend(diags)
    if loaded is None or diags:
        return None
    intro, diags = validate_model(IntroductionFile, loaded, "INT")
    problems.extend(diags)
    if intro is None:
        return None
    sections = tuple(FrontSection(s.heading, tuple(" ".join(p.split()) for p in s.paragraphs)) for s in intro.sections)
    return Front(intro.title, sections, intro.language)
