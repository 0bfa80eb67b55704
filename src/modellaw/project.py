"""``modellaw init``: a drafting project for a national bill, ready to edit.

The folder gets a commented starter config (every key explained; the chosen clauses listed with
their parameters and options as comments), an own library with one example clause and an own
catalogue of national instruments, and the JSON Schemas the files point at through a
``yaml-language-server`` modeline, so an editor completes and checks them.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from modellaw.errors import Diagnostic, Location, WriteError, relpath
from modellaw.library import Library, template_sources
from modellaw.schema.authorities import AUTHORITY_CALL
from modellaw.output import write_atomic
from modellaw.schema.clause import ClauseModule
from modellaw.schema.config import DocumentConfig

STARTER_STRUCTURE = (
    ("Preliminary", ("general.short-title", "general.purpose", "general.scope", "definitions")),
    ("Offences", ("offences.ai-enabled-tools", "offences.ai-generated-content", "offences.legal-persons")),
    ("Jurisdiction", ("jurisdiction.ai-offences",)),
)
"""The clauses of the starter bill: a short offences bill that builds on its own."""

CONFIG_FILE = "bill.yaml"
SCHEMA_FOLDER = "schemas"
LIBRARY_FOLDER = "library"

EXAMPLE_CLAUSE = """\
# yaml-language-server: $schema=../../schemas/clause.schema.json
# An own clause: the folder name (national) is the first part of its id. Cite your own statutes
# from ../instruments.yaml. Check it with: modellaw lint --config bill.yaml
id: national.example
title: Preparatory acts using artificial intelligence
version: 0.1.0
status: optional
summary: An example of an own clause; replace it with your own provision.
parameters:
  max_imprisonment_years:
    type: integer
    min: 1
    max: 30
    default: 7
    unit: years
    description: Maximum term of imprisonment for the offence.
text: |
  A person who uses an {{ term("ai-system") }} to plan or prepare the commission of a {{ term("terrorist-offence") }} commits an offence and is liable on conviction to imprisonment for a term not exceeding {{ max_imprisonment_years }} years.
commentary:
  purpose: >-
    Shows how an own clause is written: a title, a status, typed parameters, the text with defined
    terms, a commentary and sources that cite the national statute it builds on.
sources:
  - {instrument: national-criminal-code, pinpoint: "general part", relation: consistent-with, verification: unverified}
"""

EXAMPLE_CATALOGUE = """\
# Your own catalogue: national statutes (and any other instruments) that your own clauses cite.
# Ids must not reuse those of the built-in catalogue (modellaw clauses list --json shows them).
instruments:
  - id: national-criminal-code
    title: Criminal Code of the State
    short: Criminal Code
    kind: national-law
    binding: true
"""


def init_project(folder: Path, tradition: str = "common-law", language: str = "en", library: Library | None = None) -> list[Path]:
    """Write a new drafting project into ``folder`` (created; it must not exist or must be empty).

    Returns the files written. Raise WriteError (INI001) when the folder holds anything already:
    nothing is ever overwritten.
    """
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise WriteError([Diagnostic("INI001", "the project folder exists and is not empty; choose a new folder", Location(relpath(folder)))])
    if library is None:
        from modellaw.api import load

        library = load([])
    files = {
        CONFIG_FILE: starter_config(library, tradition, language),
        f"{LIBRARY_FOLDER}/national/example.yaml": EXAMPLE_CLAUSE,
        f"{LIBRARY_FOLDER}/instruments.yaml": EXAMPLE_CATALOGUE,
    }
    files.update({f"{SCHEMA_FOLDER}/{kind}.schema.json": json.dumps(json_schema_of(kind), indent=2) + "\n"
                  for kind in ("config", "clause", "definition")})
    written = []
    for name, text in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(path, text.encode("utf-8"))
        written.append(path)
    return written


def json_schema_of(kind: str) -> dict[str, Any]:
    """Return the JSON Schema of ``clause``, ``definition`` or ``config``, with ``$schema`` and ``$id``."""
    from modellaw.schema.clause import ClauseModule, DefinitionModule

    model = {"clause": ClauseModule, "definition": DefinitionModule, "config": DocumentConfig}[kind]
    schema = model.model_json_schema()
    if kind == "config":
        schema = _variants_need_less(schema)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": f"urn:modellaw:schema:{kind}", **schema}


def _variants_need_less(schema: dict[str, Any]) -> dict[str, Any]:
    """Return the config schema with its required keys asked only of a config that extends nothing:
    a variant (``extends:``) takes the rest from its base."""
    required = schema.pop("required", [])
    if required:
        schema["if"] = {"required": ["extends"]}
        schema["else"] = {"required": required}
    return schema


def starter_config(library: Library, tradition: str, language: str) -> str:
    """Return the commented starter config of a short national bill."""
    lines = [
        f"# yaml-language-server: $schema=./{SCHEMA_FOLDER}/config.schema.json",
        "# A national bill built with modellaw. Build it:  modellaw build bill.yaml -o bill.docx",
        "# Every key is explained above it; the keys of the full model law are in `modellaw schema config`.",
        "",
    ]
    values = _starter_values(tradition, language)
    for name, field in DocumentConfig.model_fields.items():
        if name in values:
            about = field.description or getattr(field.annotation, "__doc__", "") or ""
            lines += _comment(about) + [f"{name}: {values[name]}", ""]
    lines += _comment(DocumentConfig.model_fields["structure"].description or "")
    lines += ["structure:"]
    for chapter, clause_ids in STARTER_STRUCTURE:
        lines += [f"  - chapter: {chapter}", "    clauses:"]
        lines += [f"      - {c}" + (f"  # {library.entries[c].module.title}" if c in library.entries else "") for c in clause_ids]
    lines += ["      # - national.example  # your own clause, in library/national/example.yaml", ""]
    lines += _authorities(library, [c for _, ids in STARTER_STRUCTURE for c in ids])
    lines += _settings(library, [c for _, ids in STARTER_STRUCTURE for c in ids] + [e.module.id for e in library.definitions()])
    return "\n".join(lines) + "\n"


def _starter_values(tradition: str, language: str) -> dict[str, str]:
    return {
        "title": "Artificial Intelligence (Counter-Terrorism) Bill 2026",
        "long_title": "An Act to create offences concerning the use of artificial intelligence and other new technologies for terrorist purposes, and for connected purposes",
        "mode": "enactment",
        "jurisdiction": f'{{name: "[State]", tradition: {tradition}, legislature: Parliament}}',
        "language": language,
        "version": '"0.1"',
        "date": "2026-01-01",
        "draft_marking": "Bill",
        "library": f"[{LIBRARY_FOLDER}]",
    }


def _comment(text: str, indent: str = "") -> list[str]:
    """Return ``text`` as comment lines of at most ~100 characters."""
    words, lines, line = " ".join(text.split()).split(" "), [], ""
    for word in words:
        if line and len(line) + len(word) > 96:
            lines.append(f"{indent}# {line}")
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([f"{indent}# {line}"] if line else [])


def _authorities(library: Library, clause_ids: list[str]) -> list[str]:
    """Return the ``authorities:`` key with the authorities the chosen clauses name, commented out with their defaults."""
    used: dict[str, None] = {}
    for clause_id in clause_ids:
        entry = library.get(clause_id)
        if entry is not None:
            for _, source in template_sources(entry.module):
                used.update(dict.fromkeys(AUTHORITY_CALL.findall(source)))
    lines = _comment(DocumentConfig.model_fields["authorities"].description or "") + ["authorities:"]
    for authority_id in used:
        declared = library.authorities.get(authority_id)
        if declared is not None:
            lines += _comment(declared.authority.function, "  ") + [f"  {authority_id}: {json.dumps(declared.authority.name, ensure_ascii=False)}"]
    if not lines[-1].startswith("  "):
        lines[-1] += " {}"
    return [*lines, ""]


def _settings(library: Library, clause_ids: list[str]) -> list[str]:
    """Return the parameters and options of the chosen clauses as commented-out settings with their defaults."""
    params = ["# Parameters by clause id (uncomment and set; the defaults are shown).", "parameters:",
              "  general.short-title: {short_title: Artificial Intelligence (Counter-Terrorism) Act 2026}"]
    options = ["# Drafting options by clause id (another letter chooses another option; the defaults are shown).", "options:"]
    for clause_id in clause_ids:
        entry = library.get(clause_id)
        if entry is None:
            continue
        module = entry.module
        if module.parameters:
            if clause_id == "general.short-title":
                continue
            params.append(f"  # {clause_id}:")
            for name, declaration in module.parameters.items():
                params += _comment(f"{declaration.type}: {declaration.description}", "    ")
                params.append(f"    # {name}: {json.dumps(declaration.default, ensure_ascii=False, default=str)}")
        if isinstance(module, ClauseModule) and module.options is not None:
            labels = "; ".join(f"{k}: {c.label}" for k, c in sorted(module.options.choices.items()))
            options += _comment(labels, "  ") + [f"  {clause_id}: {module.options.default}"]
    if len(options) == 2:
        options[-1] += " {}"
    return [*params, "", *options]
