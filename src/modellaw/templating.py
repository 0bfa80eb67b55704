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

    Integers print with the language's digit grouping and booleans as words (see ``format_number``).
    """
    env = SandboxedEnvironment(
        undefined=StrictUndefined,
        autoescape=False,
        keep_trailing_newline=True,
        finalize=_finalizer(model_mode, language),
    )
    env.filters["thousands"] = lambda value: _thousands(value, language)
    return env


def _thousands(value: int, language: str = "en") -> str:
    """Return an integer with the language's thousands separators (``1000000`` -> ``1,000,000``); a default
    stays a default, so model mode still prints it in brackets."""
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
        return env.from_string(source), []
    except TemplateSyntaxError as exc:
        line = (where.line or 1) + (exc.lineno or 1) - 1
        message = f"template error in {clause_id}: {exc.message}"
        return None, [Diagnostic("TPL001", message, Location(where.file, line, where.key_path))]


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
            return template.render(context), []
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


def _runtime(exc: BaseException, code: str, message: str, where: Location) -> Diagnostic:
    lines = [f.lineno for f in traceback.extract_tb(exc.__traceback__) if f.filename == TEMPLATE_NAME and f.lineno]
    if getattr(exc, "lineno", None):
        lines.append(exc.lineno)  # raised by SimpleTemplate
    line = (where.line or 1) + lines[-1] - 1 if lines else where.line
    return Diagnostic(code, message, Location(where.file, line, where.key_path))

