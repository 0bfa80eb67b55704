"""The ``modellaw`` command line: thin click commands that call one library function each."""

from __future__ import annotations

import functools
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from modellaw import __version__
from modellaw.errors import Diagnostic, DraftingError
from modellaw.formats import ANNEX_FORMATS, FORMATS

_EXISTING = click.Path(exists=True, dir_okay=False, path_type=Path)


class _ConfigOrDefault(click.Path):
    """An existing config file, or the name ``default`` for the built-in default config."""

    def __init__(self) -> None:
        super().__init__(exists=True, dir_okay=False, path_type=Path)

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        """Return the built-in default config's path for ``default``, else the checked path."""
        if value == "default" and not Path(value).exists():
            from modellaw.resources import default_config

            return default_config()
        return super().convert(value, param, ctx)


_CONFIG = _ConfigOrDefault()
_HELP = {"help_option_names": ["-h", "--help"]}


def _report(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)


def handle_errors(command: Callable[..., Any]) -> Callable[..., Any]:
    """Turn DraftingError into the list of problems on stderr and exit code 1 (no traceback)."""

    @functools.wraps(command)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except DraftingError as exc:
            _report(exc.diagnostics)
            errors = sum(d.is_error for d in exc.diagnostics) or len(exc.diagnostics)
            click.echo(f"modellaw: {errors} problem(s); nothing was written.", err=True)
            sys.exit(1)

    return wrapper


def _language_option(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Check a ``--language`` value: a supported language, else a usage error listing them."""
    if value is None:
        return None
    from modellaw.languages import check_language

    try:
        return check_language(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


def _language_options(ctx: click.Context, param: click.Parameter, values: tuple[str, ...]) -> tuple[str, ...]:
    """Check each value of a repeatable ``--language`` option."""
    return tuple(_language_option(ctx, param, value) or value for value in values)


@click.group(context_settings=_HELP)
@click.version_option(__version__, prog_name="modellaw")
def main() -> None:
    """Draft model legislation from a library of reusable, sourced clause modules."""


@main.command()
@click.argument("config", required=False, type=_EXISTING)
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="Output file (.docx, .md, .html, .xml for Akoma Ntoso, or .pdf).")
@click.option("--mode", type=click.Choice(["model", "enactment"]), help="Override the config's mode.")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), help="Output format (default: from the file name).")
@click.option("--emit-ir", type=click.Path(path_type=Path), help="Also write the numbered IR as JSON.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--review-comments", is_flag=True, help="Anchor a Word comment on each article (clause id, version, status, open questions).")
@click.option("--language", callback=_language_option, help="Override the config's language (en, ru, ar).")
@click.option("--parallel", "parallel",
              help="Also build the law in this language and set the two side by side (two columns in Word; .docx, .pdf or .md).")
@click.option("--reference-docx", type=_EXISTING, help="House Word template whose styles the draft uses (overrides the config's reference_docx).")
@click.option("--add-missing-styles", is_flag=True, help="Copy the styles the house template lacks from the built-in template.")
@handle_errors
def build(config: Path | None, output: Path, mode: str | None, fmt: str | None, emit_ir: Path | None, strict: bool,
          review_comments: bool, language: str | None, parallel: str | None, reference_docx: Path | None, add_missing_styles: bool) -> None:
    """Build a draft law from CONFIG (default: the built-in model law)."""
    from modellaw.api import build_to_file

    result = build_to_file(config, output, mode=mode, fmt=fmt, emit_ir=emit_ir, strict=strict, review_comments=review_comments,
                           language=language, reference_docx=reference_docx, add_missing_styles=add_missing_styles, parallel=parallel)
    _report(result.warnings)
    for entry in result.replaced:
        click.echo(f"note: {entry.module.id} is the own module in {entry.source.file}, replacing the built-in one", err=True)
    click.echo(f"wrote {output} ({len(result.document.articles())} articles)")


@main.command()
@click.argument("old", type=_CONFIG)
@click.argument("new", type=_CONFIG)
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="Output file (.docx, .md, .html or .pdf).")
@click.option("--redline", is_flag=True, help="Write the NEW draft with tracked changes against OLD (Word only).")
@click.option("--format", "fmt", type=click.Choice(list(ANNEX_FORMATS)), help="Output format (default: from the file name).")
@click.option("--language", help="Override the config's language (en, ru, ar).")
@handle_errors
def compare(old: Path, new: Path, output: Path, redline: bool, fmt: str | None, language: str | None) -> None:
    """Compare two drafts (OLD and NEW configs; ``default`` names the built-in model law): side-by-side annex,
    or a redline with --redline."""
    from modellaw.annex import STATUSES
    from modellaw.api import compare_to_file

    annex = compare_to_file(old, new, output, fmt=fmt, redline=redline, language=language)
    summary = annex.sections[0].table
    counts = ", ".join(f"{status} {row[1][0][0].text}" for status, row in zip(STATUSES, summary.rows)) if summary else ""
    click.echo(f"wrote {output} ({counts})")


@main.command()
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="Folder for the static site.")
@click.option("--library", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", "config", type=_EXISTING, help="See the library as a build of this config does (its own clauses and catalogue too).")
@handle_errors
def catalogue(output: Path, folders: tuple[Path, ...], config: Path | None) -> None:
    """Write the clause library as a static HTML site (open index.html from disk)."""
    from modellaw.api import catalogue_site

    pages = catalogue_site(output, list(folders), config)
    click.echo(f"wrote {output}/index.html ({pages} pages)")


@main.group()
def library() -> None:
    """The clause library as a whole."""


@library.command("book")
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="Output .docx.")
@click.option("--review-comments", is_flag=True, help="Anchor a comment on each clause for reviewers to answer.")
@click.option("--library", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", "config", type=_EXISTING, help="See the library as a build of this config does (its own clauses and catalogue too).")
@click.option("--language", help="Write the book in this language (every module needs a translation).")
@handle_errors
def library_book(output: Path, review_comments: bool, folders: tuple[Path, ...], config: Path | None, language: str | None) -> None:
    """Write the Word review book: every clause with commentary, options in full, status table, instrument index."""
    from modellaw.api import library_book as write_book

    count = write_book(output, list(folders), review_comments, config, language=language)
    click.echo(f"wrote {output} ({count} articles)")


@library.command("guide")
@click.argument("config", required=False, type=_EXISTING)
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="Output file (.docx or .md).")
@click.option("--format", "fmt", type=click.Choice(["docx", "md"]), help="Output format (default: from the file name).")
@click.option("--language", help="Override the config's language (en, ru, ar).")
@handle_errors
def library_guide(config: Path | None, output: Path, fmt: str | None, language: str | None) -> None:
    """Write the implementation guide of CONFIG's law: the implementation notes by chapter and article."""
    from modellaw.api import guide_to_file

    result = guide_to_file(config, output, fmt=fmt, language=language)
    click.echo(f"wrote {output} (implementation guide for {len(result.document.articles())} articles)")


@main.group()
def review() -> None:
    """Reviewers' comments, back from Word."""


@review.command("import")
@click.argument("reviewed", type=_EXISTING)
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="Report (.md; a .json twin is written beside it).")
@handle_errors
def review_import(reviewed: Path, output: Path) -> None:
    """Map the Word comments in REVIEWED (a review book or draft) to clause ids; write a report."""
    from modellaw.api import review_import as run

    count = run(reviewed, output)
    click.echo(f"wrote {output} and {output.with_suffix('.json')} ({count} comment(s))")


@main.group()
def annex() -> None:
    """Annexes of one draft."""


@annex.command("concordance")
@click.argument("config", required=False, type=_EXISTING)
@click.option("-o", "--output", "output", required=True, type=click.Path(path_type=Path), help="Output file (.docx, .md, .html or .pdf).")
@click.option("--format", "fmt", type=click.Choice(list(ANNEX_FORMATS)), help="Output format (default: from the file name).")
@click.option("--language", help="Override the config's language (en, ru, ar).")
@handle_errors
def annex_concordance(config: Path | None, output: Path, fmt: str | None, language: str | None) -> None:
    """Write the concordance of CONFIG's draft with instruments and recommendations (gaps listed)."""
    from modellaw.api import concordance_to_file

    result = concordance_to_file(config, output, fmt=fmt, language=language)
    click.echo(f"wrote {output} (concordance of {len(result.document.articles())} articles)")


@main.group()
def clauses() -> None:
    """List and read the clause library."""


@clauses.command("list")
@click.option("--family", help="Only this family.")
@click.option("--status", type=click.Choice(["mandatory", "recommended", "optional"]), help="Only this status.")
@click.option("--instrument", help="Only clauses citing this instrument id (e.g. unscr-2462).")
@click.option("--implements", "recommendation", help="Only clauses implementing this recommendation id.")
@click.option("--search", help="Words to find in ids, titles, text and commentary.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--library", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path), help="Library folder (default: built-in).")
@click.option("--config", "config", type=_EXISTING, help="See the library as a build of this config does (its own clauses and catalogue too).")
@click.option("--language", help="Titles in this language where a module has a translation; --search finds both languages' words.")
@handle_errors
def clauses_list(family: str | None, status: str | None, instrument: str | None, recommendation: str | None, search: str | None,
                 as_json: bool, folders: tuple[Path, ...], config: Path | None, language: str | None) -> None:
    """List clause modules as a table (or JSON), filtered."""
    from modellaw.api import list_views
    from modellaw.show import listing

    views = list_views(list(folders), config, language=language, family=family, status=status, instrument=instrument, recommendation=recommendation, search=search)
    click.echo(json.dumps([v.to_data() for v in views], indent=1, ensure_ascii=False) if as_json else listing(views), nl=as_json)


@clauses.command("show")
@click.argument("clause_id")
@click.option("--json", "as_json", is_flag=True, help="Print JSON for scripts.")
@click.option("--library", "folders", multiple=True, type=click.Path(file_okay=False, path_type=Path))
@click.option("--config", "config", type=_EXISTING, help="See the library as a build of this config does (its own clauses and catalogue too).")
@click.option("--language", help="Show the clause's translation into this language (title, text, options, commentary).")
@handle_errors
def clauses_show(clause_id: str, as_json: bool, folders: tuple[Path, ...], config: Path | None, language: str | None) -> None:
    """Show one clause: rendered text with defaults, each option, commentary, sources, links."""
    from modellaw.api import show_view
    from modellaw.show import describe

    view = show_view(clause_id, list(folders), config, language=language)
    click.echo(json.dumps(view.to_data(), indent=1, ensure_ascii=False) if as_json else describe(view), nl=as_json)


@main.group()
def translation() -> None:
    """Translations of library modules into other languages."""


@translation.command("stub")
@click.argument("module_id")
@click.option("--language", required=True, callback=_language_option, help="The language to translate into (ru, ar).")
@click.option("--library", "folders", multiple=True, type=click.Path(path_type=Path), help="Library folder (default: built-in).")
@handle_errors
def translation_stub(module_id: str, language: str, folders: tuple[Path, ...]) -> None:
    """Print a translation skeleton of MODULE_ID, with the hash of its current words."""
    from modellaw.api import translation_stub as make_stub

    click.echo(make_stub(module_id, language, list(folders)), nl=False)


@main.command()
@click.option("--library", "folders", multiple=True, type=click.Path(path_type=Path), help="Library folder (default: built-in).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--review", is_flag=True, help="Also list, per clause, what a legal reviewer would ask for (never fails).")
@click.option("--language", "languages", multiple=True, callback=_language_options,
              help="Also check that every module is translated into this language (repeatable).")
@click.option("--config", "config", type=_EXISTING, help="See the library as a build of this config does (its own clauses and catalogue too).")
@handle_errors
def lint(folders: tuple[Path, ...], strict: bool, review: bool, languages: tuple[str, ...], config: Path | None) -> None:
    """Check the clause library: schemas, links, templates, terms, references, translations."""
    from modellaw.api import lint as run_lint

    problems = run_lint(list(folders), strict, languages, config)
    _report(problems)
    if review:
        from modellaw.lint import review_notes
        from modellaw.resources import builtin_library

        notes = review_notes(list(folders) or [builtin_library()])
        click.echo(f"Review notes ({len(notes)} module(s)):")
        for clause_id, items in notes.items():
            click.echo(f"  {clause_id}")
            click.echo("".join(f"    - {item}\n" for item in items), nl=False)
    errors = [p for p in problems if p.is_error or strict]
    click.echo(f"{len(problems)} problem(s), {sum(p.is_error for p in problems)} error(s)", err=True)
    if errors:
        sys.exit(1)


@main.command()
@click.argument("kind", type=click.Choice(["clause", "definition", "config"]))
def schema(kind: str) -> None:
    """Print the JSON Schema of a clause module, a definition module or a document config."""
    from modellaw.api import json_schema

    click.echo(json.dumps(json_schema(kind), indent=2))


@main.command("init")
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--tradition", type=click.Choice(["common-law", "civil-law", "cis"]), default="common-law", show_default=True,
              help="Legal tradition: numbering scheme and enacting formula.")
@click.option("--language", default="en", show_default=True, help="Language of the bill (BCP 47 tag).")
@handle_errors
def init_command(folder: Path, tradition: str, language: str) -> None:
    """Start a drafting project in FOLDER: commented config, own library and catalogue, JSON Schemas."""
    from modellaw.api import init

    files = init(folder, tradition, language)
    click.echo(f"wrote {len(files)} files in {folder}; next: modellaw build {folder / 'bill.yaml'} -o {folder / 'bill.docx'}")
