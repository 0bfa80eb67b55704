"""The sandboxed Jinja environment for clause templates, and located template errors."""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from jinja2 import StrictUndefined, Template, TemplateError, TemplateSyntaxError, UndefinedError, nodes
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


class SimpleTemplate:
    """A template that is only text, ``{{ name }}`` and helper calls with constant arguments.

    Such templates are evaluated straight from Jinja's parsed tree (same lookups, same
    ``finalize``), skipping Jinja's code generation, which costs three quarters of compiling.
    Anything else (filters, attributes, control flow) is compiled by Jinja as usual.
    """

    def __init__(self, env: SandboxedEnvironment, parts: list[nodes.Node]) -> None:
        self.finalize = env.finalize or (lambda value: value)
        self.parts = parts

    @classmethod
    def from_tree(cls, env: SandboxedEnvironment, tree: nodes.Template) -> SimpleTemplate | None:
        """Return the simple template for ``tree``, or None when it uses anything else."""
        parts: list[nodes.Node] = []
        for output in tree.body:
            if not isinstance(output, nodes.Output):
                return None
            for node in output.nodes:
                if not (isinstance(node, (nodes.TemplateData, nodes.Name)) or _is_constant_call(node)):
                    return None
                parts.append(node)
        return cls(env, parts)

    def render(self, context: dict[str, Any]) -> str:
        """Return the rendered text; an unknown name raises UndefinedError as Jinja does."""
        out = []
        for node in self.parts:
            if isinstance(node, nodes.TemplateData):
                out.append(node.data)
            elif isinstance(node, nodes.Name):
                out.append(str(self.finalize(self._lookup(context, node))))
            else:
                helper = self._lookup(context, node.node)
                out.append(str(self.finalize(helper(*(a.value for a in node.args)))))
        return "".join(out)

    @staticmethod
    def _lookup(context: dict[str, Any], name: nodes.Name) -> Any:
        if name.name not in context:
            error = UndefinedError(f"'{name.name}' is undefined")
            error.lineno = name.lineno
            raise error
        return context[name.name]


def _is_constant_call(node: nodes.Node) -> bool:
    return (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Name)
        and all(isinstance(a, nodes.Const) and isinstance(a.value, str) for a in node.args)
        and not node.kwargs
        and node.dyn_args is None
        and node.dyn_kwargs is None
    )


Renderable = Template | SimpleTemplate


def compile_template(
    env: SandboxedEnvironment, source: str, where: Location, clause_id: str, simple: bool = True
) -> tuple[Renderable | None, list[Diagnostic]]:
    """Return the template (None on a syntax error) and the located problem.

    With ``simple`` (the default), templates of the simple subset skip Jinja's code generation.
    """
    try:
        tree = env.parse(source)
        fast = SimpleTemplate.from_tree(env, tree) if simple else None
        return fast or env.from_string(tree), []
    except TemplateSyntaxError as exc:
        line = (where.line or 1) + (exc.lineno or 1) - 1
        message = f"template error in {clause_id}: {exc.message}"
        return None, [Diagnostic("TPL001", message, Location(where.file, line, where.key_path))]


def run_template(template: Renderable, context: dict[str, Any], where: Location, clause_id: str) -> tuple[str | None, list[Diagnostic]]:
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
    if getattr(exc, "lineno", None):
        lines.append(exc.lineno)  # raised by SimpleTemplate
    line = (where.line or 1) + lines[-1] - 1 if lines else where.line
    return Diagnostic(code, message, Location(where.file, line, where.key_path))


Helper = Callable[..., str]
