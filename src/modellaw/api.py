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
from modellaw.errors import CheckError, ConfigError, Diagnostic, DraftingError, LibraryError, Location, WriteError, relpath
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
    parallel: str | None = None,
) -> BuildResult:
    """Build the draft and write it (and the IR when asked); nothing is written on any error.

    A Word draft takes its styles from ``reference_docx`` (or the config's ``reference_docx``) when
    given; ``add_missing_styles`` copies the styles that house template lacks from the built-in one.
    With ``parallel`` (a language), the draft is the parallel text: see ``parallel_to_file``.
    """
    if parallel is not None:
        if emit_ir is not None:
            check_destination(emit_ir, [config or default_config(), output])
        first, _ = parallel_to_file(config, output, parallel, language=language, mode=mode, fmt=fmt, strict=strict,
                                    reference_docx=reference_docx, add_missing_styles=add_missing_styles)
        if emit_ir is not None:
            write_atomic(emit_ir, to_json(first.document).encode("utf-8"))
        return first
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


PARALLEL_FORMATS = ("docx", "pdf", "md")
"""The formats a parallel text is written in: Word (two columns), PDF through Word, Markdown (alternating)."""


def parallel_to_file(
    config: Path | None,
    output: Path,
    second: str,
    language: str | None = None,
    mode: str | None = None,
    fmt: str | None = None,
    strict: bool = False,
    reference_docx: Path | None = None,
    add_missing_styles: bool = False,
) -> tuple[BuildResult, BuildResult]:
    """Build the draft in its language (or ``language``) and in ``second`` and write them side by side.

    Word puts the two in two columns, aligned article by article and paragraph by paragraph (PDF
    goes through Word); Markdown alternates them article by article. Other formats are refused
    (OUT011). The config's annexes follow in the first language. Problems of both builds are
    listed together (TRN001 for a module with no translation); a difference in structure between
    the two texts is PAR001; nothing is written on any error. Returns both builds.
    """
    from modellaw.parallel import build_parallel

    config_path = config or default_config()
    chosen = format_of(fmt, output)
    if chosen not in PARALLEL_FORMATS:
        raise WriteError([Diagnostic("OUT011", f"a parallel text is not written as {chosen}; use an output ending in .docx, .pdf or .md",
                                     Location(relpath(output)))])
    _writer_and_destination(writer_for, fmt, output, [config_path])
    first, second_result, text = build_parallel(config_path, second, language=language, mode=mode, strict=strict)
    if chosen == "md":
        from modellaw.writers.markdown import write_parallel_markdown

        pairs = [(d.left, d.right, [(a.left, a.right) for a in d.articles]) for d in text.divisions]
        data = write_parallel_markdown(text.left, text.right, pairs).encode("utf-8")
    else:
        from modellaw.writers.parallel_docx import write_parallel_docx

        template = reference_docx or first.config.reference_docx()
        data = write_parallel_docx(text, annexes_for(first), template, add_missing_styles)
        if chosen == "pdf":
            from modellaw.writers.pdf import docx_to_pdf, find_office

            data = docx_to_pdf(data, find_office(output), output)
    write_atomic(output, data)
    return first, second_result


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


def guide_to_file(config: Path | None, output: Path, fmt: str | None = None, language: str | None = None) -> BuildResult:
    """Build the draft (in ``language`` when given) and write its implementation guide alone; nothing is written on any error."""
    from modellaw.guide import implementation_guide

    config_path = config or default_config()
    write = annex_writer_for(fmt, output)
    check_destination(output, [config_path])
    result = build_document(config_path, language=language)
    write_atomic(output, write(implementation_guide(result.document), result.document))
    return result


def concordance_to_file(config: Path | None, output: Path, fmt: str | None = None, language: str | None = None) -> BuildResult:
    """Build the draft (in ``language`` when given) and write its concordance annex alone; nothing is written on any error."""
    config_path = config or default_config()
    write = _writer_and_destination(annex_writer_for, fmt, output, [config_path])
    result = build_document(config_path, language=language)
    write_atomic(output, write(concordance(result.document, result.catalogue or load_catalogue()), result.document))
    return result


def compare_to_file(old: Path, new: Path, output: Path, fmt: str | None = None, redline: bool = False, language: str | None = None) -> Annex:
    """Build both drafts (in ``language`` when given) and write the side-by-side annex (or, with ``redline``, the tracked-changes draft).

    Every problem of both configs is reported together; nothing is written on any error.
    Returns the comparison annex (its summary counts say what differs).
    """
    if redline and format_of(fmt, output) != "docx":
        raise WriteError([Diagnostic("OUT005", "a redline is a Word document; use an output ending in .docx", Location(relpath(output)))])
    write = _writer_and_destination(annex_writer_for, fmt, output, [old, new])
    old_result, new_result = _build_both(old, new, language)
    annex = comparison(old_result.document, new_result.document)
    if redline:
        from modellaw.writers.redline import write_redline

        data = write_redline(old_result.document, new_result.document)
    else:
        data = write(annex, new_result.document)
    write_atomic(output, data)
    return annex


def _build_both(old: Path, new: Path, language: str | None = None) -> tuple[BuildResult, BuildResult]:
    """Build both drafts (in ``language`` when given); raise one error listing the problems of both."""
    results, problems = [], []
    for path in (old, new):
        try:
            results.append(build_document(path, language=language))
        except DraftingError as exc:
            problems += [d for d in exc.diagnostics if d not in problems]
    if problems:
        raise ConfigError(problems)
    return results[0], results[1]


def load(folders: list[Path], config: Path | None = None) -> Library:
    """Return the library at ``folders`` (the built-in library when empty), or the one a build of ``config`` sees."""
    return library_for(config, folders)[0]


def list_views(folders: list[Path], config: Path | None = None, language: str | None = None, **filters: str | None) -> list[ClauseView]:
    """Return the library's clause views, sorted by id, that pass ``filters`` (see ``libview.matches``);
    with ``language``, in that language where a module has a translation (search then finds both languages' words)."""
    library, catalogue = library_for(config, folders)
    views = clause_views(library, catalogue)
    if language is not None and _needs_language(language):
        translated = {v.id: v for v in _views_in(library, catalogue, language)[0]}
        views = [_with_search(translated.get(v.id, v), v) for v in views]
    return [v for v in views if matches(v, **filters)]


def _needs_language(language: str) -> bool:
    """True when ``language`` (checked: CFG014 when unsupported) is another than the library's source language."""
    from modellaw.languages import SOURCE_LANGUAGE, base_language

    _check_language(language)
    return base_language(language) != SOURCE_LANGUAGE


def _check_language(language: str) -> None:
    """Raise ConfigError (CFG014, listing the supported languages) for a language the toolkit does not draft in."""
    from modellaw.languages import check_language

    try:
        check_language(language)
    except ValueError as exc:
        raise ConfigError([Diagnostic("CFG014", str(exc), Location("--language"))]) from None


def _views_in(library: Library, catalogue: Any, language: str) -> tuple[list[ClauseView], frozenset[str]]:
    """Return the views of the library in ``language`` and the ids of the modules that have no translation into it."""
    from modellaw.localize import localize

    localized = localize(library, language)
    return clause_views(localized.library, catalogue, language), localized.untranslated


def _with_search(view: ClauseView, source: ClauseView) -> ClauseView:
    """Return ``view`` searchable by the words of ``source`` as well (a translation is found by either language)."""
    return view if view is source else replace(view, search_text=f"{view.search_text} {source.search_text}")


def show_view(clause_id: str, folders: list[Path], config: Path | None = None, language: str | None = None) -> ClauseView:
    """Return the view of one module, in ``language`` when given (its translation); raise LibraryError (with a
    suggestion) when the id is unknown, CheckError (TRN001) when the module has no translation into ``language``."""
    library, catalogue = library_for(config, folders)
    entry = library.get(clause_id) or library.definition(clause_id)
    if entry is None:
        raise LibraryError([Diagnostic("LIB009", f"no clause {clause_id!r}{library.suggest(clause_id)}", Location("<library>"))])
    if language is not None and _needs_language(language):
        views, untranslated = _views_in(library, catalogue, language)
        if entry.module.id in untranslated:
            from modellaw.translations import missing_translation

            raise CheckError([missing_translation(entry.module.id, entry.source.file, language)])
        return next(v for v in views if v.id == entry.module.id)
    return next(v for v in clause_views(library, catalogue) if v.id == entry.module.id)


def catalogue_site(out: Path, folders: list[Path], config: Path | None = None) -> int:
    """Write the HTML catalogue of the library (or of what ``config`` sees) into ``out``; return the number of pages.

    Every language the library has translations into gets a page per translated module, linked
    from the module's page by a language switch; the index searches the translations' words too.
    """
    from modellaw.languages import base_language
    from modellaw.resources import templates_dir
    from modellaw.site import build_site

    library, catalogue = library_for(config, folders)
    translations: dict[str, dict[str, ClauseView]] = {}
    for language in sorted({base_language(lang) for _, lang in library.translations}):
        views, untranslated = _views_in(library, catalogue, language)
        translations[language] = {v.id: v for v in views if v.id not in untranslated}
    return build_site(clause_views(library, catalogue), catalogue, templates_dir() / "html", out, translations)


def library_book(out: Path, folders: list[Path], review_comments: bool = False, config: Path | None = None,
                 language: str | None = None) -> int:
    """Write the Word review book of the library (every clause with commentary, options in full,
    a status table and an index of instruments); return the number of articles.

    Articles come in the order of ``config`` (default: the model law), so they carry the law's numbers.
    With ``language`` the book is in that language: every module needs a translation (TRN001 lists those without).
    """
    from modellaw.annex import instrument_index, status_table
    from modellaw.libview import library_document
    from modellaw.writers.docx import write_docx

    check_destination(out, [])
    if format_of(None, out) != "docx":
        raise WriteError([Diagnostic("OUT004", "the review book is a Word document; use an output ending in .docx", Location(relpath(out)))])
    lib, catalogue = library_for(config, folders)
    order = list(load_config(config or default_config()).config.structure)
    book_language = "en"
    if language is not None and _needs_language(language):
        from modellaw.localize import localize
        from modellaw.translations import missing_translation

        localized = localize(lib, language)
        missing = [missing_translation(i, lib.entries[i].source.file, language) for i in sorted(localized.untranslated)]
        if missing:
            raise CheckError(missing)
        lib, book_language = localized.library, language
    document = library_document(lib, catalogue, "Clause library — review book", review=True, order=order, language=book_language)
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
