"""CHECK the words a reader sees: placeholders left in enactment text and doubled words, each traced
back to the setting (a clause parameter, the State's name, an authority) that the drafter must change."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from modellaw.errors import Diagnostics, Location
from modellaw.frontmatter import front_matter_settings
from modellaw.ir import Article, DefinedTerm, Document, OptionGroup, Paragraph, Point, plain_text
from modellaw.resolve import ResolvedClause, ResolvedDocument
from modellaw.schema.clause import DefinitionModule

PLACEHOLDER = re.compile(r"\[[^\[\]]{2,}\]")
"""A bracketed placeholder, whatever its length."""

_DOUBLED = re.compile(r"\b(\w+)\s+\[?(\1)\b", re.IGNORECASE)
_ARTICLES = {"the", "a", "an"}
"""Doubled words reported wherever they occur; other doubled words only at a setting's edge."""


@dataclass(frozen=True)
class Setting:
    """A value the config sets (or leaves at its default) that reaches the text."""

    key: str
    """Dotted key path a drafter sets in the config, e.g. ``parameters.offences.x.currency``."""
    text: str
    """The value as printed (list items joined)."""
    path: tuple[str, ...]
    """The key path, for locating it in the config."""


def check_text(document: Document, resolved: ResolvedDocument, problems: Diagnostics) -> None:
    """Report placeholders (enactment mode) and doubled words (both modes), naming the setting behind each."""
    enactment = document.meta.mode == "enactment"
    if enactment:
        _front_matter_placeholders(resolved, problems)
    for article in document.articles():
        settings = settings_of(article, resolved)
        segments = list(segments_of(article))
        if enactment:
            _placeholders(article, segments, settings, resolved, problems)
        _doubled_words(article, segments, settings, resolved, problems)


def _front_matter_placeholders(resolved: ResolvedDocument, problems: Diagnostics) -> None:
    """Warn about placeholders in the long title, preamble or enacting formula, naming the key to set."""
    loaded = resolved.loaded
    for key, text, path in front_matter_settings(loaded.config):
        for placeholder in sorted(set(PLACEHOLDER.findall(text))):
            where = loaded.locate(path) if loaded.source.has(path) else None
            problems.warning("CHK001", f"the front matter still has the placeholder {placeholder} in enactment mode; set {key} in the config", where)


def segments_of(node: Article | Paragraph | Point | OptionGroup) -> Iterator[str]:
    """Yield the text of each paragraph, point and closing words of ``node`` separately (never run together)."""
    if isinstance(node, Article):
        for block in node.body:
            yield from segments_of(block)
    elif isinstance(node, OptionGroup):
        for variant in node.variants:
            for paragraph in variant.paragraphs:
                yield from segments_of(paragraph)
    elif isinstance(node, Paragraph):
        yield plain_text(node.inlines)
        for point in node.points:
            yield from segments_of(point)
        yield plain_text(node.wrap_up)
    else:
        yield plain_text(node.inlines)
        for child in node.children:
            yield from segments_of(child)


def settings_of(article: Article, resolved: ResolvedDocument) -> list[Setting]:
    """Return every setting that can print in ``article``: its clause's parameters (for the definitions
    article, the parameters of each term defined), the State's name and the authorities."""
    config = resolved.loaded.config
    settings = [Setting("jurisdiction.name", config.jurisdiction.name, ("jurisdiction", "name"))]
    settings += [Setting(f"authorities.{k}", d.name, ("authorities", k)) for k, d in sorted(resolved.authorities.items())]
    if article.clause_id == "definitions":
        for term_id in _defined_terms(article):
            entry = resolved.library.definition(term_id)
            if entry is not None and isinstance(entry.module, DefinitionModule):
                given = config.parameters.get(entry.module.id, {})
                values = {n: given.get(n, p.default) for n, p in entry.module.parameters.items()}
                settings += _parameter_settings(entry.module.id, values)
        return settings
    for division in resolved.divisions:
        for item in division.items:
            if isinstance(item, ResolvedClause) and item.entry.module.id == article.clause_id:
                settings += _parameter_settings(article.clause_id, {n: v.value for n, v in item.params.items()})
    return settings


def _defined_terms(article: Article) -> list[str]:
    found: list[str] = []
    for block in article.body:
        if isinstance(block, Paragraph):
            for point in block.points:
                found += [n.term_id for n in point.inlines if isinstance(n, DefinedTerm)]
    return found


def _parameter_settings(clause_id: str, values: dict[str, Any]) -> list[Setting]:
    settings = []
    for name, value in sorted(values.items()):
        if value is None or isinstance(value, bool):
            continue
        text = ", ".join(str(v) for v in value) if isinstance(value, list) else str(value)
        settings.append(Setting(f"parameters.{clause_id}.{name}", text, ("parameters", clause_id, name)))
    return settings


def _where(resolved: ResolvedDocument, article: Article, setting: Setting | None) -> Location | None:
    """Return the setting's line in the config when the config sets it, else the clause's place in the structure."""
    loaded = resolved.loaded
    if setting is not None:
        if loaded.source.has(setting.path):
            return loaded.locate(setting.path)
    for d_index, division in enumerate(loaded.config.structure):
        if article.clause_id in division.clauses:
            return loaded.locate(("structure", d_index, "clauses", division.clauses.index(article.clause_id)))
    return None


def _placeholders(article: Article, segments: list[str], settings: list[Setting], resolved: ResolvedDocument,
                  problems: Diagnostics) -> None:
    """Warn once per placeholder left in the article, naming the setting that still holds it."""
    found = sorted({m.group() for text in segments for m in PLACEHOLDER.finditer(text)})
    for placeholder in found:
        setting = next((s for s in settings if placeholder in s.text), None)
        if setting is not None:
            fix = f"set {setting.key} in the config"
        else:
            fix = "it is in the clause's own text: choose another option or use an own clause"
        message = f"{article.label} ({article.clause_id}) still has the placeholder {placeholder} in enactment mode; {fix}"
        problems.warning("CHK001", message, _where(resolved, article, setting))


def _doubled_words(article: Article, segments: list[str], settings: list[Setting], resolved: ResolvedDocument,
                   problems: Diagnostics) -> None:
    """Warn about a word printed twice in a row ("the the") where a setting begins or ends with it."""
    seen: set[str] = set()
    for text in segments:
        for match in _DOUBLED.finditer(text):
            word = match.group(1).casefold()
            setting = _setting_at(text, match, settings)
            if (setting is None and word not in _ARTICLES) or match.group().casefold() in seen:
                continue
            seen.add(match.group().casefold())
            fix = f"; check whether {setting.key} should include it" if setting else ""
            message = f"{article.label} ({article.clause_id}) prints {match.group()!r} (a doubled word){fix}"
            problems.warning("CHK002", message, _where(resolved, article, setting))


def _setting_at(text: str, match: re.Match[str], settings: list[Setting]) -> Setting | None:
    """Return the setting whose printed value covers either word of the doubled pair, if any."""
    lowered = text.casefold()
    for setting in settings:
        value = setting.text.casefold()
        start = lowered.find(value) if value else -1
        while start >= 0:
            end = start + len(value)
            if start <= match.start(1) < end or start <= match.start(2) < end:
                return setting
            start = lowered.find(value, start + 1)
    return None
