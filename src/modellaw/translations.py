"""Translations of library modules: load them, check them against their source, and localize a library.

A translation ``<slug>.<lang>.yaml`` lives beside its module. LOAD reads it with the module's
folder; CHECK (``check_translations``) compares it with its source (staleness by hash, and the
parameters, ``ref()``/``term()`` calls, anchors and option keys its templates use); ``localize``
returns the library as a build in that language sees it: every module with its words replaced by
the translation's, so the rest of the pipeline runs unchanged.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jinja2 import meta
from jinja2.sandbox import SandboxedEnvironment

from modellaw.errors import Diagnostic, Diagnostics, Location, relpath
from modellaw.languages import SOURCE_LANGUAGE, base_language
from modellaw.schema.clause import ClauseModule, DefinitionModule, ListParameter, TextParameter
from modellaw.schema.translation import AuthoritiesTranslation, Translation
from modellaw.validation import validate_model
from modellaw.yamlio import LoadedYaml, load_yaml

AnyModule = ClauseModule | DefinitionModule

_REF_CALL = re.compile(r"""\bref\(\s*["']([^"']*)["']\s*(?:,\s*["']([^"']*)["'])?""")
_TERM_CALL = re.compile(r"""\bterm\(\s*["']([^"']*)["']""")
_ANCHOR = re.compile(r"^\s*(?:- +)?\{:([a-z][a-z0-9-]*)\}", re.M)


@dataclass(frozen=True)
class TranslationEntry:
    """A validated translation and the file it came from."""

    translation: Translation
    source: LoadedYaml
    path: Path

    def locate(self, *path: str | int) -> Location:
        """Return the location of a key path in the translation file."""
        return self.source.locate(tuple(path))


def is_translation_file(path: Path) -> bool:
    """True for ``<slug>.<lang>.yaml``: a module's slug never holds a dot."""
    return "." in path.stem


def translation_language(path: Path) -> str:
    """Return the language part of ``<slug>.<lang>.yaml``."""
    return path.stem.split(".", 1)[1]


def source_hash(module: AnyModule) -> str:
    """Return the 16-hex-digit hash of the module's words: what a translation must follow."""
    words: dict[str, Any] = {
        "title": module.title if isinstance(module, ClauseModule) else None,
        "summary": module.summary,
        "text": getattr(module, "text", None),
        "definition": getattr(module, "definition", None),
        "term": getattr(module, "term", None),
        "plural": getattr(module, "plural", None),
        "options": {k: [c.label, c.text] for k, c in sorted(module.options.choices.items())} if module.options else None,
        "commentary": module.commentary.model_dump(mode="json"),
        "defaults": {n: p.default for n, p in sorted(module.parameters.items()) if isinstance(p, (TextParameter, ListParameter))},
    }
    digest = hashlib.sha256(json.dumps(words, sort_keys=True, ensure_ascii=False).encode("utf-8")).hexdigest()
    return digest[:16]


def _load_validated(path: Path, model: type[Any], problems: Diagnostics) -> tuple[Any, LoadedYaml | None]:
    """Return the file at ``path`` validated against ``model`` (None when broken) and its YAML."""
    loaded, diags = load_yaml(path, relpath(path))
    problems.extend(diags)
    if loaded is None or diags:
        return None, loaded
    value, diags = validate_model(model, loaded, "TRN")
    problems.extend(diags)
    return value, loaded


def load_translation(path: Path, problems: Diagnostics) -> TranslationEntry | None:
    """Load and validate one translation file; None (problems recorded) when it is broken."""
    translation, loaded = _load_validated(path, Translation, problems)
    if translation is None or loaded is None:
        return None
    entry = TranslationEntry(translation, loaded, path)
    slug, language = path.stem.split(".", 1)
    header = translation.translation
    if header.of.split(".", 1)[1] != slug or path.parent.name != header.of.split(".", 1)[0] or header.language != language:
        message = f"a translation of {header.of!r} into {header.language!r} must be named {header.of.split('.', 1)[1]}.{header.language}.yaml beside its module"
        problems.error("TRN007", message, entry.locate("translation"))
        return None
    return entry


def load_authority_translation(path: Path, problems: Diagnostics) -> AuthoritiesTranslation | None:
    """Load ``authorities.<lang>.yaml``; None (problems recorded) when it is broken."""
    return _load_validated(path, AuthoritiesTranslation, problems)[0]


# --- checking a translation against its source -------------------------------------------------


def check_translation(module: AnyModule, entry: TranslationEntry, env: SandboxedEnvironment) -> list[Diagnostic]:
    """Return the problems of one translation: stale, or using other parameters, refs, terms, anchors or options."""
    problems = Diagnostics()
    translation = entry.translation
    header = translation.translation
    current = source_hash(module)
    if header.source_hash != current:
        message = (f"the {header.language} translation of {module.id} is stale: the source changed since version "
                   f"{header.source_version} (now {module.version}); update it and set source_hash: {current}")
        problems.warning("TRN002", message, entry.locate("translation", "source_hash"))
    source_templates = _templates(module.text if isinstance(module, ClauseModule) else module.definition, module.options)
    target_templates = _templates(translation.text or translation.definition or "", translation.options)
    _compare_keys(module, entry, problems)
    _compare(problems, entry, "parameters", _names(source_templates, env), _names(target_templates, env))
    _compare(problems, entry, "references", _refs(source_templates), _refs(target_templates))
    _compare(problems, entry, "terms", _terms(source_templates), _terms(target_templates))
    _compare(problems, entry, "anchors", _anchors(source_templates), _anchors(target_templates))
    return problems.items


def _compare_keys(module: AnyModule, entry: TranslationEntry, problems: Diagnostics) -> None:
    """Report option keys and parameter names that differ from the source's."""
    translation = entry.translation
    source_options = set(module.options.choices) if module.options else set()
    target_options = set(translation.options.choices) if translation.options else set()
    if source_options != target_options:
        message = f"the translation's options {sorted(target_options)} differ from the source's {sorted(source_options)}"
        problems.error("TRN006", message, entry.locate("options"))
    for name in sorted(set(translation.parameters) - set(module.parameters)):
        problems.error("TRN003", f"the translation gives parameter {name!r}, which {module.id} does not declare", entry.locate("parameters", name))


_CODES = {"parameters": "TRN003", "references": "TRN004", "terms": "TRN004", "anchors": "TRN005"}


def _compare(problems: Diagnostics, entry: TranslationEntry, what: str, source: Counter[str], target: Counter[str]) -> None:
    """Report what the translation's templates use that the source's do not, and the reverse."""
    extra, missing = sorted((target - source).elements()), sorted((source - target).elements())
    if not extra and not missing:
        return
    parts = ([f"uses {', '.join(map(repr, extra))} which the source does not"] if extra else []) + (
        [f"lacks {', '.join(map(repr, missing))} which the source uses"] if missing else [])
    key = "text" if entry.translation.text is not None else "definition"
    problems.error(_CODES[what], f"the translation's {what} differ from the source: it {'; it '.join(parts)}", entry.locate(key))


def _templates(text: str | None, options: Any) -> list[str]:
    templates = [text or ""]
    if options is not None:
        templates += [c.text for _, c in sorted(options.choices.items())]
    return templates


def _names(templates: list[str], env: SandboxedEnvironment) -> Counter[str]:
    from modellaw.schema.clause import TEMPLATE_HELPERS

    names: set[str] = set()
    for source in templates:
        try:
            names |= meta.find_undeclared_variables(env.parse(source))
        except Exception:  # noqa: BLE001 - syntax errors are reported when the translation renders
            continue
    return Counter(names - TEMPLATE_HELPERS)


def _refs(templates: list[str]) -> Counter[str]:
    return Counter(f"{t}#{a}" if a else t for s in templates for t, a in _REF_CALL.findall(s))


def _terms(templates: list[str]) -> Counter[str]:
    return Counter(set(t for s in templates for t in _TERM_CALL.findall(s)))


def _anchors(templates: list[str]) -> Counter[str]:
    return Counter(a for s in templates for a in _ANCHOR.findall(s))


# --- localizing a library --------------------------------------------------------------------------


def needs_translation(language: str) -> bool:
    """True when a document in ``language`` needs the library's translations."""
    return base_language(language) != SOURCE_LANGUAGE


def localized_module(module: AnyModule, translation: Translation) -> AnyModule:
    """Return the module with its words replaced by the translation's (ids, keys and types unchanged)."""
    update: dict[str, Any] = {}
    for key in ("summary", "text", "term", "plural", "definition", "commentary"):
        value = getattr(translation, key)
        if value is not None and hasattr(module, key):
            update[key] = value
    if translation.title is not None and isinstance(module, ClauseModule):
        update["title"] = translation.title
    if translation.forms and isinstance(module, DefinitionModule):
        update["forms"] = dict(translation.forms)
    if translation.options is not None and module.options is not None:
        choices = {k: c.model_copy(update=translation.options.choices[k].model_dump()) for k, c in module.options.choices.items()
                   if k in translation.options.choices}
        update["options"] = module.options.model_copy(update={"choices": {**module.options.choices, **choices}})
    if translation.parameters:
        update["parameters"] = {name: _localized_parameter(p, translation.parameters.get(name)) for name, p in module.parameters.items()}
    return module.model_copy(update=update)


def _localized_parameter(parameter: Any, translated: Any) -> Any:
    if translated is None:
        return parameter
    update = {k: v for k, v in (("default", translated.default), ("description", translated.description)) if v is not None}
    return parameter.model_copy(update=update)


def missing_translation(module_id: str, file: str, language: str) -> Diagnostic:
    """Return the TRN001 problem of a module that has no translation into ``language``."""
    folder, slug = module_id.split(".", 1)
    message = f"{module_id} has no {language} translation; write {folder}/{slug}.{language}.yaml beside the module"
    return Diagnostic("TRN001", message, Location(file, 1, "translation"))


__all__ = [
    "TranslationEntry",
    "check_translation",
    "is_translation_file",
    "load_authority_translation",
    "load_translation",
    "localized_module",
    "missing_translation",
    "needs_translation",
    "source_hash",
    "stub",
    "translation_language",
]


def stub(module: AnyModule, language: str) -> str:
    """Return a translation skeleton for ``module``: the header with the current hash, and the source's
    words in place, to be rewritten in ``language``."""
    data: dict[str, Any] = {
        "translation": {"of": module.id, "language": language, "source_version": module.version, "source_hash": source_hash(module)},
    }
    if isinstance(module, ClauseModule):
        data |= {"title": module.title, "summary": module.summary, "text": module.text or None}
    else:
        data |= {"term": module.term, "plural": module.plural, "forms": {}, "summary": module.summary, "definition": module.definition or None}
    if module.options is not None:
        data["options"] = {"choices": {k: {"label": c.label, "text": c.text} for k, c in sorted(module.options.choices.items())}}
    words = {n: {"default": p.default, "description": p.description} for n, p in module.parameters.items() if isinstance(p, (TextParameter, ListParameter))}
    if words:
        data["parameters"] = words
    data["commentary"] = module.commentary.model_dump(exclude_none=True, exclude_defaults=True)
    data = {k: v for k, v in data.items() if v is not None}
    return yaml.dump(data, Dumper=_BlockDumper, allow_unicode=True, sort_keys=False, width=100)


class _BlockDumper(yaml.SafeDumper):
    """Writes multi-line strings as ``|`` blocks, as the library's modules are written."""


def _block_strings(dumper: Any, value: str) -> Any:
    style = "|" if "\n" in value else (">" if len(value) > 90 else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_BlockDumper.add_representer(str, _block_strings)
