"""The sandboxed Jinja environment for clause templates, and located template errors."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment, SecurityError

from modellaw.errors import Diagnostic, Location
from modellaw.schema.types import DurationValue


class DefaultText(str):
    """A text parameter value taken from the clause's default (bracketed in model mode)."""


class DefaultInt(int):
    """An integer parameter value taken from the clause's default (bracketed in model mode)."""


class DefaultDuration(DurationValue):
    """A duration parameter value taken from the clause's default (bracketed in model mode)."""


class DefaultList(list[str]):
    """A list parameter value taken from the clause's default."""


def mark_default(value: Any) -> Any:
    """Return ``value`` wrapped in its Default* type, so model mode can bracket it when printed."""
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return DefaultText(value)
    if isinstance(value, int):
        return DefaultInt(value)
    if isinstance(value, DurationValue):
        return DefaultDuration(value.amount, value.unit)
    if isinstance(value, list):
        return DefaultList(value)
    return value


def _finalize_model(value: Any) -> Any:
    """Print defaults as bracketed placeholders (``[10]``) unless already bracketed."""
    if isinstance(value, (DefaultText, DefaultInt, DefaultDuration)):
        text = str(value) if not isinstance(value, int) else int.__str__(value)
        return text if text.startswith("[") else f"[{text}]"
    return _finalize_plain(value)


def _finalize_plain(value: Any) -> Any:
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    if isinstance(value, int) and not isinstance(value, bool):
        return int.__str__(value)
    return value


def make_env(model_mode: bool) -> SandboxedEnvironment:
    """Return the sandboxed, strict environment clause templates run in (no loader: no includes)."""
    return SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        finalize=_finalize_model if model_mode else _finalize_plain,
    )


TEMPLATE_NAME = "<template>"


def compile_template(env: SandboxedEnvironment, source: str, where: Location, clause_id: str) -> tuple[Template | None, list[Diagnostic]]:
    """Return the compiled template (None on a syntax error) and the located problem."""
    try:
        return env.from_string(source), []
    except TemplateSyntaxError as exc:
        line = (where.line or 1) + (exc.lineno or 1) - 1
        message = f"template error in {clause_id}: {exc.message}"
        return None, [Diagnostic("TPL001", message, Location(where.file, line, where.key_path))]


def run_template(template: Template, context: dict[str, Any], where: Location, clause_id: str) -> tuple[str | None, list[Diagnostic]]:
    """Return the rendered text (None on failure) and the located problem."""
    try:
        return template.render(context), []
    except SecurityError as exc:
        return None, [_runtime(exc, "TPL003", f"unsafe operation blocked by the sandbox in {clause_id}: {exc}", where)]
    except UndefinedError as exc:
        return None, [_runtime(exc, "TPL002", f"undefined name in {clause_id}: {exc.message}", where)]
    except TemplateError as exc:
        return None, [_runtime(exc, "TPL009", f"template error in {clause_id}: {exc}", where)]
    except Exception as exc:  # noqa: BLE001 - any failure inside untrusted template code is a user error
        return None, [_runtime(exc, "TPL009", f"template error in {clause_id}: {type(exc).__name__}: {exc}", where)]


def _runtime(exc: BaseException, code: str, message: str, where: Location) -> Diagnostic:
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == TEMPLATE_NAME and f.lineno]
    line = (where.line or 1) + lines[-1] - 1 if lines else where.line
    return Diagnostic(code, message, Location(where.file, line, where.key_path))


Helper = Callable[..., str]
