"""Safeguard rules of the kind ``options_incompatible``: clause options that must not be chosen together.

``build`` checks the options the config chooses (after numbering, so messages name articles);
``lint`` checks the library's default options, which a law gets when its config chooses none.
"""

from __future__ import annotations

from collections.abc import Callable

from modellaw.errors import Diagnostic, Location, Severity
from modellaw.schema.rules import SafeguardRule


def clashing_choices(rule: SafeguardRule, chosen: dict[str, str | None]) -> list[tuple[str, str]]:
    """Return the (clause id, option) pairs that break ``rule`` under ``chosen``; empty when it holds.

    ``chosen`` maps each clause in the law to its option (None for a clause without options); the
    rule fails only when every clause it names is in the law with one of the options it lists.
    """
    hits = []
    for ref in rule.options_incompatible:
        option = chosen.get(ref.clause)
        if option is None or option not in ref.options:
            return []
        hits.append((ref.clause, option))
    return hits


def rule_tail(rule: SafeguardRule) -> str:
    """Return the end of a rule's message: `` — reason (sources)``."""
    cited = "; ".join(f"{s.instrument} {s.pinpoint or ''}".strip() for s in rule.sources)
    return f" — {rule.reason}" + (f" ({cited})" if cited else "")


def incompatible_diagnostics(
    rule: SafeguardRule, chosen: dict[str, str | None], name: Callable[[str], str], where: Callable[[list[str]], Location | None]
) -> list[Diagnostic]:
    """Return one diagnostic when ``rule`` fails under ``chosen`` (none when it holds).

    ``name`` gives how a clause is called in the message (e.g. ``article 3 (general.scope)``);
    ``where`` gives the location to report, given the clauses whose options are at fault.
    """
    hits = clashing_choices(rule, chosen)
    if not hits:
        return []
    what = " together with ".join(f"option {option} of {name(clause)}" for clause, option in hits)
    severity = Severity.ERROR if rule.severity == "error" else Severity.WARNING
    return [Diagnostic(rule.id, f"{rule.title}: {what} are chosen{rule_tail(rule)}", where([clause for clause, _ in hits]), severity)]
