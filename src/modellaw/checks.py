"""CHECK: document-level checks run on the numbered IR (placeholders left in enactment text)."""

from __future__ import annotations

import re

from modellaw.errors import Diagnostic, Diagnostics
from modellaw.ir import Document, Text
from modellaw.resolve import ResolvedDocument
from modellaw.walk import iter_inlines

_PLACEHOLDER = re.compile(r"\[[^\[\]]{2,80}\]")


def run_checks(document: Document, resolved: ResolvedDocument) -> list[Diagnostic]:
    """Return the problems the checks find (warnings and errors)."""
    problems = Diagnostics()
    if document.meta.mode == "enactment":
        _placeholders(document, resolved, problems)
    return problems.items


def _placeholders(document: Document, resolved: ResolvedDocument, problems: Diagnostics) -> None:
    """Warn about bracketed placeholders left in enactment text, once per article."""
    for article in document.articles():
        found = sorted({m.group() for n in iter_inlines(article) if isinstance(n, Text) for m in _PLACEHOLDER.finditer(n.text)})
        if found:
            entry = resolved.library.get(article.clause_id)
            where = entry.locate(("text",)) if entry else None
            message = f"{article.label} ({article.clause_id}) still has placeholders in enactment mode: {', '.join(found)}; set them in the config"
            problems.warning("CHK001", message, where)
