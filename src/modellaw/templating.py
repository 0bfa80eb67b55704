"""The sandboxed Jinja environment for clause templates, and located template errors."""

from __future__ import annotations

import re
import signal
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.numbers import format_decimal
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


BOOLEAN_WORDS = {"en": ("yes", "no"), "fr": ("oui", "non"), "es": ("sí", "no"), "ru": ("да", "нет"), "ar": ("نعم", "لا")}
"""How a boolean prints, per language (English for languages without an entry)."""


def format_number(value: int, language: str = "en") -> str:
    """Return ``value`` grouped as the language writes numbers (``10000000`` -> ``10,000,000`` in English)."""
    try:
        return format_decimal(int(value), locale=Locale.parse(language.replace("-", "_")))
    except (ValueError, UnknownLocaleError):
        return format_decimal(int(value), locale="en")


MAX_OUTPUT = 200_000
"""Most characters one template may print, and the largest string or list it may build."""

_MAX_INT_BITS = 4096
"""Largest integer (in bits) that ``*`` and ``**`` may compute in a template."""

FILTERS = ("thousands", "length", "join", "replace", "upper", "lower", "capitalize", "trim", "first", "last", "default")
"""The only filters templates may use (docs/authoring.md lists them)."""


class LawSandbox(SandboxedEnvironment):
    """Jinja's sandbox with bounded arithmetic, no globals and only the documented filters.

    ``*``, ``**`` and ``%`` are intercepted, which also stops Jinja from folding them at compile
    time (``{{ 'a' * 10**10 }}`` would otherwise fill memory before any time limit starts);
    calls with an integer argument above MAX_OUTPUT (``center``, ``ljust``...) are refused.
    """

    intercepted_binops = frozenset({"*", "**", "%"})

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        """Compute ``left operator right``, refusing results too large to be law text."""
        if operator == "%" and isinstance(left, str):
            raise SecurityError("string formatting with % is not available in templates")
        if operator == "*":
            _check_product(left, right)
        if operator == "**" and isinstance(left, int) and isinstance(right, int) and right > 0 and abs(left) > 1:
            if left.bit_length() * right > _MAX_INT_BITS:
                raise SecurityError(f"{left} ** {right} is too large a number for a template")
        return super().call_binop(context, operator, left, right)

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805 - Jinja's signature
        """Call ``__obj`` from a template, refusing integer arguments above MAX_OUTPUT."""
        for value in (*args, *kwargs.values()):
            if isinstance(value, int) and not isinstance(value, bool) and abs(value) > MAX_OUTPUT:
                raise SecurityError(f"argument {value} is too large for a template call")
        return super().call(__context, __obj, *args, **kwargs)


def _check_product(left: Any, right: Any) -> None:
    """Raise SecurityError when ``left * right`` would be a string, list or integer too large."""
    for sequence, count in ((left, right), (right, left)):
        if isinstance(sequence, (str, list, tuple)) and isinstance(count, int) and len(sequence) * count > MAX_OUTPUT:
            raise SecurityError(f"repeating a text or list {count} times makes it longer than {MAX_OUTPUT} items")
    if isinstance(left, int) and isinstance(right, int) and left.bit_length() + right.bit_length() > _MAX_INT_BITS:
        raise SecurityError("the product is too large a number for a template")


def _bounded_replace(value: Any, old: Any, new: Any, count: int | None = None) -> str:
    """The ``replace`` filter, refusing a result longer than MAX_OUTPUT."""
    text, old, new = str(value), str(old), str(new)
    hits = text.count(old) if old else len(text) + 1
    if len(text) + hits * max(len(new) - len(old), 0) > MAX_OUTPUT:
        raise SecurityError(f"replace would make a text longer than {MAX_OUTPUT} characters")
    return text.replace(old, new, -1 if count is None else count)


def format_boolean(value: bool, language: str = "en") -> str:
    """Return ``value`` as a word (``yes``/``no``) in the language, never ``True``/``False``."""
    yes, no = BOOLEAN_WORDS.get(language.split("-")[0], BOOLEAN_WORDS["en"])
    return yes if value else no


def _finalizer(model_mode: bool, language: str) -> Any:
    """Return the function that turns a printed value into text: numbers grouped, booleans as words,
    lists joined; in model mode, defaults as bracketed placeholders (``[10]``) unless already bracketed."""

    def plain(value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(v) for v in value)
        if isinstance(value, bool):
            return format_boolean(value, language)
        if isinstance(value, int):
            return format_number(value, language)
        return value

    def model(value: Any) -> Any:
        if isinstance(value, (DefaultText, DefaultInt, DefaultDuration)):
            text = str(value) if not isinstance(value, int) else format_number(value, language)
            return text if text.startswith("[") else f"[{text}]"
        return plain(value)

    return model if model_mode else plain


def make_env(model_mode: bool, language: str = "en") -> SandboxedEnvironment:
    """Return the sandboxed, strict environment clause templates run in (no loader: no includes).

    Templates get no globals (the context supplies the documented helpers) and only FILTERS;
    integers print with the language's digit grouping and booleans as words (see ``format_number``).
    """
    env = LawSandbox(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        finalize=_finalizer(model_mode, language),
    )
    env.globals.clear()
    known = {**env.filters, "thousands": lambda value: _thousands(value, language), "replace": _bounded_replace}
    env.filters.clear()
    env.filters.update({name: known[name] for name in FILTERS})
    return env


def _thousands(value: int, language: str = "en") -> str:
    """Return an integer with the language's thousands separators (``1000000`` -> ``1,000,000``); a default
    stays a default, so model mode still prints it in brackets. A penalty left to national legislation
    (``liability.PENALTY_MARK``) passes through, so that its sentence can be found and replaced."""
    from modellaw.liability import PENALTY_MARK

    if value == PENALTY_MARK:
        return PENALTY_MARK
    text = format_number(value, language)
    return DefaultText(text) if isinstance(value, DefaultInt) else text


TEMPLATE_NAME = "<template>"


_SIMPLE_PART = re.compile(
    r"""\{\{[ ]*(?P<name>[A-Za-z_][A-Za-z0-9_]*)[ ]*"""
    r"""(?:\((?P<args>[ ]*(?:"[^"\\{}]*"|'[^'\\{}]*')(?:[ ]*,[ ]*(?:"[^"\\{}]*"|'[^'\\{}]*'))*[ ]*)?\)[ ]*)?\}\}"""
)
_ARG = re.compile(r""""([^"]*)"|'([^']*)'""")
_JINJA_OPENERS = ("{{", "{%", "{#")
_CONSTANT_NAMES = {"true", "false", "none", "True", "False", "None"}


class SimpleTemplate:
    """A template made only of text, ``{{ name }}`` and ``{{ helper("const", ...) }}``.

    Such templates are evaluated directly (same lookups, same ``finalize``, same errors as Jinja),
    skipping Jinja's parser and code generation, which were most of the build time. Any other
    construct (filters, attributes, literals, whitespace control, statements, comments) is left to
    Jinja. Tests check that both paths print the same text.
    """

    def __init__(self, env: SandboxedEnvironment, parts: list[tuple[str, Any, int]]) -> None:
        self.finalize = env.finalize or (lambda value: value)
        self.parts = parts

    @classmethod
    def recognise(cls, env: SandboxedEnvironment, source: str) -> SimpleTemplate | None:
        """Return the simple template for ``source``, or None when it uses anything else."""
        parts: list[tuple[str, Any, int]] = []
        position = 0
        for match in _SIMPLE_PART.finditer(source):
            before = source[position : match.start()]
            touching = before.endswith("{") or source[match.end() : match.end() + 1] == "}"
            if not _plain(before) or touching or match.group("name") in _CONSTANT_NAMES:
                return None
            if match.start() > position:
                parts.append(("text", source[position : match.start()], 0))
            line = source.count("\n", 0, match.start()) + 1
            args = match.group("args")
            if args is None and "(" not in match.group():
                parts.append(("name", match.group("name"), line))
            else:
                values = tuple(a or b for a, b in _ARG.findall(args or ""))
                parts.append(("call", (match.group("name"), values), line))
            position = match.end()
        if not _plain(source[position:]):
            return None
        if position < len(source):
            parts.append(("text", source[position:], 0))
        return cls(env, parts)

    def render(self, context: dict[str, Any]) -> str:
        """Return the rendered text; an unknown name raises UndefinedError as Jinja does."""
        out = []
        for kind, value, line in self.parts:
            if kind == "text":
                out.append(value)
            elif kind == "name":
                out.append(str(self.finalize(_lookup(context, value, line))))
            else:
                name, args = value
                out.append(str(self.finalize(_lookup(context, name, line)(*args))))
        return "".join(out)


def _plain(text: str) -> bool:
    """True when ``text`` holds no Jinja syntax (Jinja also treats a lone ``{{`` as an error)."""
    return not any(opener in text for opener in _JINJA_OPENERS) and "}}" not in text


def _lookup(context: dict[str, Any], name: str, line: int) -> Any:
    if name not in context:
        error = UndefinedError(f"'{name}' is undefined")
        error.lineno = line
        raise error
    return context[name]


Renderable = Template | SimpleTemplate


def compile_template(
    env: SandboxedEnvironment, source: str, where: Location, clause_id: str, simple: bool = True
) -> tuple[Renderable | None, list[Diagnostic]]:
    """Return the template (None on a syntax error) and the located problem.

    With ``simple`` (the default), templates of the simple subset skip Jinja's code generation.
    """
    fast = SimpleTemplate.recognise(env, source) if simple else None
    if fast is not None:
        return fast, []
    try:
        with _time_limit(TIME_LIMIT):
            return env.from_string(source), []
    except TemplateSyntaxError as exc:
        line = (where.line or 1) + (exc.lineno or 1) - 1
        message = f"template error in {clause_id}: {exc.message}"
        return None, [Diagnostic("TPL001", message, Location(where.file, line, where.key_path))]
    except TemplateTimeout:
        return None, [Diagnostic("TPL004", f"template of {clause_id} took longer than {TIME_LIMIT:g} s to compile and was stopped", where)]
    except (TemplateError, RecursionError, MemoryError) as exc:
        return None, [Diagnostic("TPL001", f"template error in {clause_id}: {type(exc).__name__}: {str(exc)[:160]}", where)]


TIME_LIMIT = 5.0
"""Seconds a single clause template may run before it is stopped (hostile or runaway loops)."""


class TemplateTimeout(Exception):
    """Raised inside a template that ran longer than TIME_LIMIT."""


@contextmanager
def _time_limit(seconds: float) -> Iterator[None]:
    """Raise TemplateTimeout in the block after ``seconds``; a no-op where timers are unavailable."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def expire(signum: int, frame: Any) -> None:
        raise TemplateTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def run_template(template: Renderable, context: dict[str, Any], where: Location, clause_id: str) -> tuple[str | None, list[Diagnostic]]:
    """Return the rendered text (None on failure) and the located problem.

    Templates Jinja compiles run under a time limit; simple templates cannot loop and need none.
    """
    try:
        if isinstance(template, SimpleTemplate):
            return template.render(context), []
        with _time_limit(TIME_LIMIT):
            return _render_bounded(template, context, where, clause_id)
    except TemplateTimeout:
        message = f"template of {clause_id} ran longer than {TIME_LIMIT:g} s and was stopped (a loop too large?)"
        return None, [Diagnostic("TPL004", message, where)]
    except SecurityError as exc:
        return None, [_runtime(exc, "TPL003", f"unsafe operation blocked by the sandbox in {clause_id}: {exc}", where)]
    except UndefinedError as exc:
        return None, [_runtime(exc, "TPL002", f"undefined name in {clause_id}: {exc.message}", where)]
    except TemplateError as exc:
        return None, [_runtime(exc, "TPL009", f"template error in {clause_id}: {exc}", where)]
    except Exception as exc:  # noqa: BLE001 - any failure inside untrusted template code is a user error
        return None, [_runtime(exc, "TPL009", f"template error in {clause_id}: {type(exc).__name__}: {exc}", where)]


def _render_bounded(template: Template, context: dict[str, Any], where: Location, clause_id: str) -> tuple[str | None, list[Diagnostic]]:
    """Render ``template`` piece by piece, stopping as soon as it prints more than MAX_OUTPUT characters."""
    pieces, size = [], 0
    for piece in template.generate(context):
        size += len(piece)
        if size > MAX_OUTPUT:
            return None, [Diagnostic("TPL005", f"template of {clause_id} printed more than {MAX_OUTPUT} characters and was stopped", where)]
        pieces.append(piece)
    return "".join(pieces), []


def _runtime(exc: BaseException, code: str, message: str, where: Location) -> Diagnostic:
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == TEMPLATE_NAME and f.lineno]
    if getattr(exc, "lineno", None):
        lines.append(exc.lineno)  # raised by SimpleTemplate
    line = (where.line or 1) + lines[-1] - 1 if lines else where.line
    return Diagnostic(code, message, Location(where.file, line, where.key_path))

