"""CHECK: document-level checks on the numbered IR: safeguard rules and placeholders left in enactment text."""

from __future__ import annotations

import re

from modellaw.errors import Diagnostic, Diagnostics, Location, Severity
from modellaw.ir import Article, Document, plain_text
from modellaw.library import RuleEntry
from modellaw.resolve import ResolvedClause, ResolvedDocument
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
        pattern = re.compile(need.text_matches, re.IGNORECASE)
        failures += [(_structure_location(resolved, a.clause_id), f"{a.label} ({a.clause_id}) lacks it")
                     for a in triggering if not pattern.search(article_text(a))]
    if need.parameter is not None:
        failures += _parameter_failures(need.parameter, need.at_most or 0, triggering, resolved)
    severity = Severity.ERROR if rule.severity == "error" else Severity.WARNING
    cited = "; ".join(f"{s.instrument} {s.pinpoint or ''}".strip() for s in rule.sources)
    tail = f" — {rule.reason}" + (f" ({cited})" if cited else "")
    return [Diagnostic(rule.id, f"{rule.title}: {what}{tail}", loc, severity) for loc, what in failures]


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
