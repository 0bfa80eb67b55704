"""The public entry points the CLI calls: build, list, show, lint, schema."""

from __future__ import annotations

from collections.abc import Callable
import functools
from dataclasses import replace
from pathlib import Path
from typing import Any, TypeVar

from modellaw.annex import Annex, comparison, concordance
from modellaw.build import BuildResult, build_document
from modellaw.catalogue import load_catalogue
from modellaw.configfile import load_config
from modellaw.errors import ConfigError, Diagnostic, DraftingError, LibraryError, Location, WriteError, relpath
from modellaw.ir import to_json
from modellaw.libview import ClauseView, clause_views, matches
from modellaw.library import Library, library_for
from modellaw.output import check_destination, write_atomic
from modellaw.resources import default_config
from modellaw.writers import annex_writer_for, format_of, writer_for

T = TypeVar("T")


def build_to_file(
    config: Path | None,
    output: Path,
    mode: str | None = None,
    fmt: str | None = None,
    emit_ir: Path | None = None,
    strict: bool = False,
    review_comments: bool = False,
    reference_docx: Path | None = None,
    add_missing_styles: bool = False,
    language: str | None = None,
) -> BuildResult:
    """Build the draft and write it (and the IR when asked); nothing is written on any error.

    A Word draft takes its styles from ``reference_docx`` (or the config's ``reference_docx``) when
    given; ``add_missing_styles`` copies the styles that house template lacks from the built-in one.
    """
    config_path = config or default_config()
    write = _writer_and_destination(writer_for, fmt, output, [config_path])
    if emit_ir is not None:
        check_destination(emit_ir, [config_path, output])
    result = build_document(config_path, mode=mode, strict=strict, review_comments=review_comments, language=language)
    template = reference_docx or result.config.reference_docx()
    if template is not None and format_of(fmt, output) == "docx":
        from modellaw.writers.docx import write_docx

        write = functools.partial(write_docx, template=template, add_missing_styles=add_missing_styles)
    data = write(result.document, annexes_for(result))
    if emit_ir is not None:
        write_atomic(emit_ir, to_json(result.document).encode("utf-8"))
    write_atomic(output, data)
    return result


def _writer_and_destination(select: Callable[[str | None, Path], T], fmt: str | None, output: Path, inputs: list[Path]) -> T:
    """Return the writer ``select`` picks for the format after checking the destination; raise one WriteError
    listing the problems of both (unknown or mismatched format, missing LibreOffice, bad destination)."""
    problems: list[Diagnostic] = []
    writer = None
    for step in (lambda: select(fmt, output), lambda: check_destination(output, inputs)):
        try:
            writer = step() or writer
        except WriteError as exc:
            problems += exc.diagnostics
    if problems:
        raise WriteError(problems)
    return writer  # type: ignore[return-value]


def annexes_for(result: BuildResult) -> list[Annex]:
    """Return the annexes the config asks to append to the draft, in the config's order."""
    from modellaw.guide import implementation_guide

    makers = {"concordance": lambda: concordance(result.document, result.catalogue or load_catalogue()),
              "implementation-guide": lambda: implementation_guide(result.document)}
    return [makers[name]() for name in result.config.config.annexes]


def guide_to_file(config: Path | None, output: Path, fmt: str | None = None) -> BuildResult:
    """Build the draft and write its implementation guide alone; nothing is written on any error."""
    from modellaw.guide import implementation_guide

    config_path = config or default_config()
    write = annex_writer_for(fmt, output)
    check_destination(output, [config_path])
    result = build_document(config_path)
    write_atomic(output, write(implementation_guide(result.document), result.document))
    return result


def concordance_to_file(config: Path | None, output: Path, fmt: str | None = None) -> BuildResult:
    """Build the draft and write its concordance annex alone; nothing is written on any error."""
    config_path = config or default_config()
    write = _writer_and_destination(annex_writer_for, fmt, output, [config_path])
    result = build_document(config_path)
    write_atomic(output, write(concordance(result.document, result.catalogue or load_catalogue()), result.document))
    return result


def compare_to_file(old: Path, new: Path, output: Path, fmt: str | None = None, redline: bool = False) -> Annex:
    """Build both drafts and write the side-by-side annex (or, with ``redline``, the tracked-changes draft).

    Every problem of both configs is reported together; nothing is written on any error.
    Returns the comparison annex (its summary counts say what differs).
    """
    if redline and format_of(fmt, output) != "docx":
        raise WriteError([Diagnostic("OUT005", "a redline is a Word document; use an output ending in .docx", Location(relpath(output)))])
    write = _writer_and_destination(annex_writer_for, fmt, output, [old, new])
    old_result, new_result = _build_both(old, new)
    annex = comparison(old_result.document, new_result.document)
    if redline:
        from modellaw.writers.redline import write_redline

        data = write_redline(old_result.document, new_result.document)
    else:
        data = write(annex, new_result.document)
    write_atomic(output, data)
    return annex


def _build_both(old: Path, new: Path) -> tuple[BuildResult, BuildResult]:
    """Build both drafts; raise one error listing the problems of both."""
    results, problems = [], []
    for path in (old, new):
        try:
            results.append(build_document(path))
        except DraftingError as exc:
            problems += exc.diagnostics
    if problems:
        raise ConfigError(problems)
    return results[0], results[1]


def load(folders: list[Path], config: Path | None = None) -> Library:
    """Return the library at ``folders`` (the built-in library when empty), or the one a build of ``config`` sees."""
    return library_for(config, folders)[0]


def list_views(folders: list[Path], config: Path | None = None, **filters: str | None) -> list[ClauseView]:
    """Return the library's clause views, sorted by id, that pass ``filters`` (see ``libview.matches``)."""
    library, catalogue = library_for(config, folders)
    return [v for v in clause_views(library, catalogue) if matches(v, **filters)]


def show_view(clause_id: str, folders: list[Path], config: Path | None = None) -> ClauseView:
    """Return the view of one module; raise LibraryError (with a suggestion) when the id is unknown."""
    library, catalogue = library_for(config, folders)
    entry = library.get(clause_id) or library.definition(clause_id)
    if entry is None:
        raise LibraryError([Diagnostic("LIB009", f"no clause {clause_id!r}{library.suggest(clause_id)}", Location("<library>"))])
    return next(v for v in clause_views(library, catalogue) if v.id == entry.module.id)


def catalogue_site(out: Path, folders: list[Path], config: Path | None = None) -> int:
    """Write the HTML catalogue of the library (or of what ``config`` sees) into ``out``; return the number of pages."""
    from modellaw.resources import templates_dir
    from modellaw.site import build_site

    library, catalogue = library_for(config, folders)
    return build_site(clause_views(library, catalogue), catalogue, templates_dir() / "html", out)


def library_book(out: Path, folders: list[Path], review_comments: bool = False, config: Path | None = None) -> int:
    """Write the Word review book of the library (every clause with commentary, options in full,
    a status table and an index of instruments); return the number of articles.

    Articles come in the order of ``config`` (default: the model law), so they carry the law's numbers.
    """
    from modellaw.annex import instrument_index, status_table
    from modellaw.libview import library_document
    from modellaw.writers.docx import write_docx

    check_destination(out, [])
    if format_of(None, out) != "docx":
        raise WriteError([Diagnostic("OUT004", "the review book is a Word document; use an output ending in .docx", Location(relpath(out)))])
    lib, catalogue = library_for(config, folders)
    order = list(load_config(config or default_config()).config.structure)
    document = library_document(lib, catalogue, "Clause library — review book", review=True, order=order)
    modules = [(e.module.id, e.module.title, e.module.status, e.module.version) for _, e in sorted(lib.entries.items())]
    document = replace(document, meta=replace(document.meta, review_comments=review_comments))
    from modellaw.guide import implementation_guide

    write_atomic(out, write_docx(document, [status_table(document, modules), instrument_index(document, catalogue), implementation_guide(document)]))
    return len(document.articles())


def review_import(reviewed: Path, output: Path) -> int:
    """Read reviewers' comments from ``reviewed`` and write the report as ``output`` (.md) and its .json twin.

    Returns the number of comments; a document without comments gives an empty report.
    """
    from modellaw.review import read_comments, report_json, report_markdown

    json_path = output.with_suffix(".json")
    check_destination(output, [reviewed])
    check_destination(json_path, [reviewed, output])
    title, comments = read_comments(reviewed)
    write_atomic(output, report_markdown(title, comments).encode("utf-8"))
    write_atomic(json_path, report_json(title, comments).encode("utf-8"))
    return len(comments)


def translation_stub(module_id: str, language: str, folders: list[Path]) -> str:
    """Return a translation skeleton of ``module_id`` into ``language``; LibraryError when there is no such module."""
    from modellaw.translations import stub

    library = load(folders)
    entry = library.get(module_id)
    if entry is None:
        raise LibraryError([Diagnostic("LIB009", f"no module {module_id!r}{library.suggest(module_id)}", Location(module_id))])
    return stub(entry.module, language)


def lint(folders: list[Path], strict: bool = False, languages: tuple[str, ...] = (), config: Path | None = None) -> list[Diagnostic]:
    """Return every problem lint finds in the library at ``folders`` (built-in when empty), or in the
    library a build of ``config`` sees (built-in plus its own folders and catalogue entries), checking
    the translations into ``languages`` as well."""
    from modellaw.lint import lint_loaded

    return lint_loaded(*library_for(config, folders), strict, languages)


def json_schema(kind: str) -> dict[str, Any]:
    """Return the JSON Schema of ``clause``, ``definition`` or ``config`` (with ``$schema`` and ``$id``)."""
    from modellaw.project import json_schema_of

    return json_schema_of(kind)


def init(folder: Path, tradition: str = "common-law", language: str = "en") -> list[Path]:
    """Write a new drafting project into ``folder``; return the files written (see ``project.init_project``)."""
    from modellaw.project import init_project

    return init_project(folder, tradition, language, load([]))
