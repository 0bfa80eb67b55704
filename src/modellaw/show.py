"""A readable, terminal-friendly account of one clause module (``modellaw clauses show``)."""

from __future__ import annotations

from modellaw.catalogue import Catalogue
from modellaw.library import Entry, Library
from modellaw.render import commentary_sections, source_notes
from modellaw.schema.clause import ClauseModule, DefinitionModule


def describe(entry: Entry, library: Library, catalogue: Catalogue) -> str:
    """Return the module as text: header, parameters, text, options, commentary, sources, links."""
    module = entry.module
    lines = [f"{module.id}  v{module.version}  [{module.status}]", f"{module.title}", f"file: {entry.source.file}", "", module.summary, ""]
    if module.parameters:
        lines.append("Parameters:")
        for name, p in module.parameters.items():
            default = "required" if p.default is None else f"default {p.default}"
            lines.append(f"  {name} ({p.type}, {default}): {p.description}")
        lines.append("")
    body = module.text if isinstance(module, ClauseModule) else module.definition
    if body.strip():
        lines += ["Text:", *(f"  {line}" for line in body.rstrip().splitlines()), ""]
    if module.options is not None:
        for key, choice in sorted(module.options.choices.items()):
            default = " (default)" if key == module.options.default else ""
            lines += [f"Option {key}: {choice.label}{default}", *(f"  {line}" for line in choice.text.rstrip().splitlines()), ""]
    lines += [f"{s.heading}: {s.text}" for s in commentary_sections(module.commentary)]
    lines += [f"Open question: {q}" for q in module.commentary.open_questions]
    if module.sources:
        lines += ["", "Sources:", *(f"  - {s.format()}" for s in source_notes(catalogue, module.sources))]
    if module.implements:
        lines += ["", "Implements: " + ", ".join(module.implements)]
    lines += _links(module, library)
    return "\n".join(lines).rstrip() + "\n"


def _links(module: ClauseModule | DefinitionModule, library: Library) -> list[str]:
    """Return lines naming the clauses this one requires and those that require or cite it."""
    needle = f'"{module.id}"'
    lines = []
    if isinstance(module, ClauseModule) and module.requires:
        lines.append("Requires: " + ", ".join(module.requires))
    required_by = sorted(e.module.id for e in library.clauses() if module.id in getattr(e.module, "requires", []))
    cited_by = sorted(e.module.id for e in library.clauses() if needle in e.module.text or f"'{module.id}'" in e.module.text)
    if required_by:
        lines.append("Required by: " + ", ".join(required_by))
    if cited_by:
        lines.append("Referred to by: " + ", ".join(cited_by))
    return [""] + lines if lines else []
