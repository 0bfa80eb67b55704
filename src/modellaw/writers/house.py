"""A parliament's own Word template (``--reference-docx``): checked for the styles the writer needs,
optionally completed from the built-in template, and emptied of any sample content."""

from __future__ import annotations

import copy
import io
import zipfile
from pathlib import Path

import docx
from docx.document import Document as WordDocument
from docx.oxml.ns import qn

from modellaw.errors import Diagnostic, Location, WriteError, relpath
from modellaw.inputs import MAX_UNPACKED_BYTES, MAX_WORD_BYTES, read_input
from modellaw.resources import templates_dir

BUILTIN_TEMPLATE = "reference.docx"


def builtin_template() -> Path:
    """Return the built-in reference document."""
    return templates_dir() / "docx" / BUILTIN_TEMPLATE


def _builtin_bytes() -> bytes:
    """Return the bytes of the built-in reference document, read as a tracked, bounded input."""
    path = builtin_template()
    data, problems = read_input(path, relpath(path), MAX_WORD_BYTES)
    if data is None:
        raise WriteError(problems)
    return data


def _check_unpacked_size(data: bytes, where: Location) -> None:
    """Raise WriteError (DOC001) when the template's parts would unpack to more than MAX_UNPACKED_BYTES."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        unpacked = sum(info.file_size for info in package.infolist())
    if unpacked > MAX_UNPACKED_BYTES:
        limit = MAX_UNPACKED_BYTES // (1024 * 1024)
        raise WriteError([Diagnostic("DOC001", f"the house template's parts unpack to more than {limit} MiB", where)])


def open_template(path: Path | None, needed: frozenset[str], add_missing: bool = False) -> WordDocument:
    """Return the Word document to build on: the built-in template, or the house template at ``path``.

    A house template must define every style in ``needed``; raise WriteError naming the missing ones
    (DOC002), unless ``add_missing``, which copies them from the built-in template. Its body is emptied.
    """
    if path is None:
        return docx.Document(io.BytesIO(_builtin_bytes()))
    where = Location(relpath(path))
    data, problems = read_input(path, relpath(path), MAX_WORD_BYTES)
    if data is None:
        raise WriteError(problems)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise WriteError([Diagnostic("DOC001", "the house template is not a Word (.docx) file", where)])
    _check_unpacked_size(data, where)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 - a broken package of any kind is the user's input error
        raise WriteError([Diagnostic("DOC001", f"the house template cannot be read as a Word document ({type(exc).__name__})", where)]) from exc
    missing = sorted(needed - {style.name for style in document.styles})
    if missing and not add_missing:
        message = (f"the house template lacks {len(missing)} style(s) the writer needs: {', '.join(missing)} "
                   "(see docs/word.md; --add-missing-styles copies them from the built-in template)")
        raise WriteError([Diagnostic("DOC002", message, where)])
    if missing:
        copy_styles(docx.Document(io.BytesIO(_builtin_bytes())), document, missing)
    _empty_body(document)
    return document


def copy_styles(source: WordDocument, target: WordDocument, names: list[str]) -> None:
    """Copy the styles called ``names`` from ``source`` into ``target`` (as defined there, unchanged)."""
    wanted = set(names)
    styles = target.styles.element
    for style in source.styles:
        if style.name in wanted:
            styles.append(copy.deepcopy(style.element))


def _empty_body(document: WordDocument) -> None:
    """Remove the template's sample paragraphs and tables, keeping its page setup (the last sectPr)."""
    body = document.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)
