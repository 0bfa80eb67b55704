"""LOCALIZE: the library as a build in another language sees it, and what it lacks for that language.

Between VALIDATE and RESOLVE. For the source language the library is returned as it is. For any
other language every module that has a translation is replaced by its localized copy (located in
the translation file, so template problems point there), the authority registry takes the
language's names, and the ids of modules without a translation are returned so that the build can
report those the document actually uses.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from modellaw.errors import Diagnostic, Location, Severity
from modellaw.ir import DefinedTerm, Document, Term
from modellaw.languages import base_language
from modellaw.library import AuthorityEntry, Entry, Library
from modellaw.schema.authorities import Authority
from modellaw.translations import localized_module, missing_translation, needs_translation, source_hash
from modellaw.walk import iter_inlines


@dataclass(frozen=True)
class Localized:
    """A library in one language, and what it could not translate."""

    library: Library
    language: str
    untranslated: frozenset[str] = frozenset()
    """Ids of modules with no translation into the language."""
    untranslated_authorities: frozenset[str] = frozenset()


def localize(library: Library, language: str) -> Localized:
    """Return the library with every module and authority in ``language`` where a translation exists."""
    if not needs_translation(language) and all(not needs_translation(e.module.language) for e in library.entries.values()):
        return Localized(library, language)
    entries: dict[str, Entry] = {}
    untranslated = set()
    for module_id, entry in library.entries.items():
        if base_language(entry.module.language) == base_language(language):
            entries[module_id] = entry
            continue
        translated = library.translation(module_id, language)
        if translated is None:
            untranslated.add(module_id)
            entries[module_id] = entry
        else:
            entries[module_id] = replace(entry, module=localized_module(entry.module, translated.translation), source=translated.source)
    registry = library.authority_translations.get(base_language(language))
    names = registry.authorities if registry else {}
    authorities = {
        authority_id: replace(entry, authority=Authority(name=names[authority_id].name, function=names[authority_id].function))
        if authority_id in names else entry
        for authority_id, entry in library.authorities.items()
    }
    missing_authorities = frozenset(set(library.authorities) - set(names))
    localized = replace(library, entries=entries, authorities=authorities)
    return Localized(localized, language, frozenset(untranslated), missing_authorities)


def translation_problems(document: Document, original: Library, localized: Localized, authorities_used: tuple[str, ...]) -> list[Diagnostic]:
    """Return a TRN001 error for each module and authority the document uses without a translation,
    and a TRN002 warning for each translation it uses that is stale."""
    if not needs_translation(localized.language) and not localized.untranslated:
        return []
    used = {a.clause_id for a in document.articles()}
    used |= {f"definitions.{n.term_id}" for a in document.articles() for n in iter_inlines(a) if isinstance(n, (Term, DefinedTerm))}
    problems = []
    for module_id in sorted(used - localized.untranslated):
        translated = original.translation(module_id, localized.language)
        entry = original.entries.get(module_id)
        if translated is not None and entry is not None and translated.translation.translation.source_hash != source_hash(entry.module):
            message = f"the {localized.language} translation of {module_id} is stale: its source changed since version {translated.translation.translation.source_version}"
            problems.append(Diagnostic("TRN002", message, translated.locate("translation", "source_hash"), Severity.WARNING))
    for module_id in sorted(used & localized.untranslated):
        entry = localized.library.entries[module_id]
        problems.append(missing_translation(module_id, entry.source.file, localized.language))
    for authority_id in sorted(set(authorities_used) & localized.untranslated_authorities):
        entry: AuthorityEntry = localized.library.authorities[authority_id]
        message = f"authority {authority_id!r} has no {localized.language} name; add it to authorities.{base_language(localized.language)}.yaml"
        problems.append(Diagnostic("TRN001", message, Location(entry.source.file, entry.locate().line, f"authorities.{authority_id}")))
    return problems
