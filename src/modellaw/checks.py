"""CHECK: document-level checks on the numbered IR: safeguard rules and placeholders left in enactment text."""

from __future__ import annotations

import re

from modellaw.errors import Diagnostic, Diagnostics, Location, Severity
from modellaw.incompatible import incompatible_diagnostics, rule_tail
from modellaw.ir import Article, Document, Text, plain_text
from modellaw.library import RuleEntry
from modellaw.resolve import ResolvedClause, ResolvedDocument
from modellaw.schema.rules import MATCH_TIME_LIMIT, bounded_search
from modellaw.textcheck import check_text
from modellaw.walk import iter_inlines

def run_checks(document: Document, resolved: ResolvedDocument) -> list[Diagnostic]:
    """Return the problems the checks find (warnings and errors)."""
    problems = Diagnostics()
    for rule in resolved.library.rules:
        problems.extend(check_rule(rule, document, resolved))
    check_text(document, resolved, problems)
    return problems.items


def check_rule(entry: RuleEntry, document: Document, resolved: ResolvedDocument) -> list[Diagnostic]:
    """Return one diagnostic per way the document fails the rule (none when it holds or does not apply)."""
    rule = entry.rule
    articles = document.articles()
    if rule.options_incompatible:
        return _incompatible(entry, articles, resolved)
    assert rule.when is not None and rule.require is not None
    present = {a.clause_id for a in articles}
    triggering = [a for a in articles if triggers(entry, a.clause_id, resolved)]
    if not triggering:
        return []
    where = _structure_location(resolved, triggering[0].clause_id)
    need = rule.require
    failures = []
    missing = [c for c in need.all_clauses if c not in present]
    if missing:
        failures.append((where, f"{triggering[0].label} ({triggering[0].clause_id}) needs {', '.join(missing)} in the law"))
    if need.any_clause and not present & set(need.any_clause):
        failures.append((where, f"{triggering[0].label} ({triggering[0].clause_id}) needs one of {', '.join(need.any_clause)}"))
    if need.text_matches:
        try:
            failures += [(_structure_location(resolved, a.clause_id), f"{a.label} ({a.clause_id}) lacks it")
                         for a in triggering if not bounded_search(need.text_matches, article_text(a))]
        except TimeoutError:
            message = f"rule {rule.id}: text_matches took longer than {MATCH_TIME_LIMIT:g} s on one article and was stopped"
            return [Diagnostic("RUL006", message, entry.source.locate(("rules", entry.index, "require", "text_matches")))]
    if need.parameter is not None:
        failures += _parameter_failures(need.parameter, need.at_most or 0, triggering, resolved)
    severity = Severity.ERROR if rule.severity == "error" else Severity.WARNING
    return [Diagnostic(rule.id, f"{rule.title}: {what}{rule_tail(rule)}", loc, severity) for loc, what in failures]


def _incompatible(entry: RuleEntry, articles: list[Article], resolved: ResolvedDocument) -> list[Diagnostic]:
    """Check an ``options_incompatible`` rule against the options the law uses (config or default)."""
    chosen = {a.clause_id: a.option for a in articles}
    labels = {a.clause_id: f"{a.label} ({a.clause_id})" for a in articles}

    def where(clause_ids: list[str]) -> Location | None:
        configured = [c for c in clause_ids if c in resolved.loaded.config.options]
        if configured:
            return resolved.loaded.locate(("options", configured[0]))
        return _structure_location(resolved, clause_ids[0])

    return incompatible_diagnostics(entry.rule, chosen, lambda c: labels.get(c, c), where)


def triggers(entry: RuleEntry, clause_id: str, resolved: ResolvedDocument) -> bool:
    """True when the rule applies to ``clause_id``: named, of a named family, or an own clause (or a
    replacement) of the family of a clause the rule names, so national variants do not escape it."""
    when = entry.rule.when
    family = clause_id.split(".")[0]
    if clause_id in when.any_clause or family in when.any_family:
        return True
    module = resolved.library.get(clause_id)
    return module is not None and module.own and family in {c.split(".")[0] for c in when.any_clause}


def _parameter_failures(name: str, cap: int, triggering: list[Article], resolved: ResolvedDocument) -> list[tuple[Location | None, str]]:
    failures = []
    values = {i.entry.module.id: i.params for d in resolved.divisions for i in d.items if isinstance(i, ResolvedClause)}
    for article in triggering:
        value = values.get(article.clause_id, {}).get(name)
        if value is not None and isinstance(value.value, int) and value.value > cap:
            where = resolved.loaded.locate(("parameters", article.clause_id, name))
            failures.append((where, f"{article.clause_id} sets {name} to {value.value}, above {cap}"))
    return failures


def article_text(article: Article) -> str:
    """Return the plain text of every paragraph and point of the article, options included."""
    return plain_text(tuple(iter_inlines(article)))


def _structure_location(resolved: ResolvedDocument, clause_id: str) -> Location | None:
    for d_index, division in enumerate(resolved.loaded.config.structure):
        if clause_id in division.clauses:
            return resolved.loaded.locate(("structure", d_index, "clauses", division.clauses.index(clause_id)))
    return None
