"""Terminal output for the clause library: a listing table and one clause set out in full."""

from __future__ import annotations

import textwrap

from modellaw.libview import ClauseView

_COLUMNS = (("id", 44), ("family", 12), ("status", 11), ("version", 7), ("options", 7), ("sources", 7))


def listing(views: list[ClauseView], width: int = 120) -> str:
    """Return a table: id, family, status, version, options, number of sources, title."""
    head = " ".join(name.ljust(w) for name, w in _COLUMNS) + " title"
    rows = [head, "-" * min(width, len(head) + 30)]
    for v in views:
        cells = (v.id, v.family, v.status, v.version, "/".join(k for k, _, _ in v.options) or "-", str(len(v.sources)))
        rows.append(" ".join(c.ljust(w) for c, (_, w) in zip(cells, _COLUMNS, strict=True)) + " " + v.title)
    rows.append(f"{len(views)} module(s)")
    return "\n".join(rows) + "\n"


def describe(view: ClauseView, width: int = 100) -> str:
    """Return the module as text: header, parameters, rendered text, options, commentary, sources, links."""
    wrap = lambda text, indent="  ": textwrap.fill(text, width, initial_indent=indent, subsequent_indent=indent + "    ")  # noqa: E731
    out = [f"{view.id}  v{view.version}  [{view.status}]  ({view.kind}, {view.family})", view.title, f"file: {view.file}", "", view.summary, ""]
    if view.language != "en":
        out[2] += f"  (translation: {view.language})"
    if view.parameters:
        out.append("Parameters:")
        out += [f"  {p.name} ({p.type}, default {p.default}{', ' + p.bounds if p.bounds else ''}): {p.description}" for p in view.parameters]
        out.append("")
    out.append("Text (defaults in brackets; references shown as [clause id]):")
    for line in view.lines:
        out.append("  [the options below]" if line == "@options" else wrap(line))
    for key, label, lines in view.option_lines:
        default = " (default)" if any(k == key and d for k, _, d in view.options) else ""
        out += ["", f"Option {key}: {label}{default}", *(wrap(line) for line in lines)]
    out += ["", "Commentary:"] + [wrap(f"{c.heading}. {c.text}") for c in view.commentary]
    out += [wrap(f"Open question: {q}") for q in view.open_questions]
    if view.sources:
        out += ["", "Sources:", *(wrap(f"- {s.format()}") for s in view.sources)]
    links = [("Implements", view.implements), ("Requires", view.requires), ("Required by", view.required_by),
             ("Refers to", view.refers_to), ("Referred to by", view.referred_by)]
    out += [""] + [f"{name}: {', '.join(ids)}" for name, ids in links if ids]
    return "\n".join(out).rstrip() + "\n"
