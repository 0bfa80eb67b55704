"""The HTML catalogue: a static site (no server, no CDN) from the library views and the catalogues."""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape

from modellaw import __version__
from modellaw.catalogue import Catalogue
from modellaw.errors import Diagnostic, Location, WriteError, relpath
from modellaw.inputs import inputs_read
from modellaw.languages import native_name
from modellaw.libview import ClauseView

MARKER = ".modellaw-catalogue"
_REF = re.compile(r"\[([a-z][a-z0-9-]*\.[a-z0-9-]+)( [a-z0-9-]+)?\]")
_ASSETS = ("style.css", "search.js")


def build_site(views: list[ClauseView], catalogue: Catalogue, templates: Path, out: Path,
               translations: dict[str, dict[str, ClauseView]] | None = None) -> int:
    """Write the catalogue into ``out`` (replacing an earlier catalogue there); return the number of pages.

    ``translations`` holds, by language, the views of the modules translated into it: each gets a page
    ``clauses/<id>.<lang>.html``, and every page of a module offers a switch between its languages.
    The index searches the words of every language (each row's search text holds them all).
    """
    _check_output(out)
    translations = translations or {}
    env = _environment(templates, {v.id for v in views})
    common = {"site_title": "Clause library", "version": __version__}
    searchable = [_searchable(v, translations) for v in views]
    pages: dict[str, str] = {"index.html": env.get_template("index.html").render(
        views=searchable, families=sorted({v.family for v in views}), statuses=("mandatory", "recommended", "optional"), root="", **common)}
    for view in views:
        versions = language_versions(view, translations)
        for language, translated in versions:
            pages[page_name(view.id, language, view.language)] = env.get_template("clause.html").render(
                v=translated, versions=versions, page_name=page_name, source_language=view.language, root="../", **common)
    pages.update(_recommendation_pages(env, views, catalogue, common))
    pages.update(_instrument_pages(env, views, catalogue, common))
    _write_atomically(out, pages, templates)
    return len(pages)


def page_name(clause_id: str, language: str, source_language: str = "en") -> str:
    """Return the page of a module in a language: ``clauses/<id>.html`` in its own, ``clauses/<id>.<lang>.html`` in a translation."""
    return f"clauses/{clause_id}.html" if language == source_language else f"clauses/{clause_id}.{language}.html"


def language_versions(view: ClauseView, translations: dict[str, dict[str, ClauseView]]) -> list[tuple[str, ClauseView]]:
    """Return (language, view) of the module in its own language, then in each language it is translated into."""
    return [(view.language, view)] + [(lang, found[view.id]) for lang, found in sorted(translations.items()) if view.id in found]


def _searchable(view: ClauseView, translations: dict[str, dict[str, ClauseView]]) -> ClauseView:
    """Return the view with the search text of its translations added, so a query in any language finds it."""
    extra = [t.search_text for _, t in language_versions(view, translations)[1:]]
    return replace(view, search_text=" ".join([view.search_text, *extra])) if extra else view


def _environment(templates: Path, known: set[str]) -> Environment:
    env = Environment(loader=FileSystemLoader(str(templates)), autoescape=select_autoescape(["html"]), keep_trailing_newline=True)

    def linkify(text: str) -> Markup:
        """Escape ``text`` and turn ``[clause.id anchor]`` references into links to clause pages."""
        def link(match: re.Match[str]) -> str:
            target = match.group(1)
            if target not in known:
                return match.group(0)
            return f'<a class="ref" href="{target}.html" title="{target}">{match.group(0)}</a>'

        return Markup(_REF.sub(link, str(escape(text))))

    env.filters["linkify"] = linkify
    env.filters["language_name"] = native_name
    return env


def _recommendation_pages(env: Environment, views: list[ClauseView], catalogue: Catalogue, common: dict) -> dict[str, str]:
    pages = {}
    rows = []
    for rec in catalogue.recommendations.values():
        clauses = [v for v in views if rec.id in v.implements]
        pages[f"recommendations/{rec.id}.html"] = env.get_template("recommendation.html").render(r=rec, clauses=clauses, root="../", **common)
        status = ", ".join(v.id for v in clauses) or "gap"
        rows.append((f"recommendations/{rec.id}.html", (rec.cite(), "yes" if rec.legislative else "no", rec.paraphrase, status)))
    pages["recommendations.html"] = env.get_template("list.html").render(
        heading="Recommendations", lead="Recommendations drawn from the source documents, and the clauses implementing each.",
        columns=("Recommendation", "Legislative", "What it asks", "Clauses"), rows=rows, root="", **common)
    return pages


def _instrument_pages(env: Environment, views: list[ClauseView], catalogue: Catalogue, common: dict) -> dict[str, str]:
    pages = {}
    rows = []
    for instrument in sorted(catalogue.instruments.values(), key=lambda i: i.short):
        citing = [(v, s) for v in views for s in v.sources if s.instrument_id == instrument.id]
        pages[f"instruments/{instrument.id}.html"] = env.get_template("instrument.html").render(i=instrument, citing=citing, root="../", **common)
        rows.append((f"instruments/{instrument.id}.html", (instrument.short, instrument.kind, "yes" if instrument.binding else "no", str(len({v.id for v, _ in citing})))))
    pages["instruments.html"] = env.get_template("list.html").render(
        heading="Instruments", lead="International instruments cited by the clauses, and the clauses citing each.",
        columns=("Instrument", "Kind", "Binding", "Clauses citing"), rows=rows, root="", **common)
    return pages


def _check_output(out: Path) -> None:
    where = Location(relpath(out))
    if out.exists() and not out.is_dir():
        raise WriteError([Diagnostic("OUT001", "output for a catalogue must be a folder", where)])
    if out.is_dir() and any(out.iterdir()) and not (out / MARKER).exists():
        raise WriteError([Diagnostic("OUT006", "folder is not empty and holds no earlier catalogue; choose a new folder", where)])
    if not out.parent.is_dir():
        raise WriteError([Diagnostic("OUT002", f"output folder {relpath(out.parent)} does not exist", where)])
    folder = out.resolve()
    if any(folder == path or folder in path.parents for path in inputs_read()):
        raise WriteError([Diagnostic("OUT003", "output folder holds an input file", where)])


def _write_atomically(out: Path, pages: dict[str, str], templates: Path) -> None:
    """Write every page into a temporary folder beside ``out``, then swap it into place."""
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    except OSError as exc:
        raise WriteError([Diagnostic("OUT010", f"cannot write the catalogue: {exc.strerror or exc}", Location(relpath(out)))]) from exc
    try:
        for name, html in pages.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(html, encoding="utf-8")
        for asset in _ASSETS:
            shutil.copyfile(templates / asset, staging / asset)
        (staging / MARKER).write_text("written by modellaw catalogue\n", encoding="utf-8")
        staging.chmod(0o755)
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise WriteError([Diagnostic("OUT010", f"cannot write the catalogue: {exc.strerror or exc}", Location(relpath(out)))]) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
