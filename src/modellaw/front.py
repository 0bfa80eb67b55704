"""Front matter: the library's introduction, loaded once and carried in the IR for model mode.

A library folder may hold ``introduction.yaml`` (schema: ``schema/introduction.py``) and, for other
languages, ``introduction.<lang>.yaml``; when several folders have one in the same language, the
last wins, so a national library can replace the built-in text. Render puts the one in the law's
language in ``Document.front`` in model mode only (none when there is none in that language);
every writer prints it after the title page and contents.
"""

from __future__ import annotations

import re
from pathlib import Path

from modellaw.errors import Diagnostics, Location, relpath
from modellaw.ir import Front, FrontSection
from modellaw.schema.introduction import IntroductionFile
from modellaw.validation import validate_model
from modellaw.yamlio import load_yaml

FILE_NAME = "introduction.yaml"
_TRANSLATED = re.compile(r"^introduction\.([a-z]{2,3})\.yaml$")


def load_introductions(folder: Path, problems: Diagnostics) -> dict[str, Front]:
    """Return the introductions in ``folder`` by language (``introduction.yaml`` and ``introduction.<lang>.yaml``).

    A translated file whose ``language`` differs from its name is an error (INT002)."""
    found: dict[str, Front] = {}
    for path in sorted(folder.glob("introduction*.yaml")):
        named = _TRANSLATED.match(path.name)
        if path.name != FILE_NAME and named is None:
            continue
        front = load_introduction(path, problems)
        if front is None:
            continue
        if named is not None and named.group(1) != front.language:
            problems.error("INT002", f"{path.name} must be written in {named.group(1)!r} (it says language: {front.language})",
                           Location(relpath(path)))
            continue
        found[front.language] = front
    return found


def load_introduction(path: Path, problems: Diagnostics) -> Front | None:
    """Return the introduction in the file ``path`` as front matter (None when it is absent or invalid)."""
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
