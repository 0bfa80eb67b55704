"""RENDER: the sandboxed template environment."""

from modellaw.errors import Location
from modellaw.schema.types import DurationValue
from modellaw.templating import compile_template, make_env, mark_default, run_template

WHERE = Location("c.yaml", 20, "text")


def render(source: str, model: bool, **context):
    template, problems = compile_template(make_env(model), source, WHERE, "x.y")
    assert template is not None, problems
    return run_template(template, context, WHERE, "x.y")


def test_defaults_are_bracketed_in_model_mode_only():
    context = {"n": mark_default(10), "d": mark_default(DurationValue(12, "month")), "a": mark_default("[authority]"), "s": 5}
    text, _ = render("{{ n }} {{ d }} {{ a }} {{ s }}", True, **context)
    assert text == "[10] [12 months] [authority] 5"
    text, _ = render("{{ n }} {{ d }} {{ a }} {{ s }}", False, **context)
    assert text == "10 12 months [authority] 5"


def test_defaults_still_compare_and_compute_like_values():
    text, _ = render("{% if n > 5 %}{{ n + 1 }}{% endif %}", True, n=mark_default(10))
    assert text == "11"


def test_undefined_names_fail_with_the_file_line():
    text, problems = render("line one\n{{ missing }}", True)
    assert text is None
    assert problems[0].code == "TPL002" and problems[0].location.line == 21


def test_sandbox_blocks_dunder_access():
    text, problems = render("{{ ''.__class__.__mro__[1].__subclasses__() }}", True)
    assert text is None and problems[0].code == "TPL003"


def test_includes_are_impossible_without_a_loader():
    text, problems = render("{% include '/etc/passwd' %}", True)
    assert text is None and problems[0].code == "TPL009"


def test_syntax_errors_are_located():
    template, problems = compile_template(make_env(True), "ok\n{% for %}", WHERE, "x.y")
    assert template is None and problems[0].code == "TPL001" and problems[0].location.line == 21


def test_fast_path_matches_jinja_on_every_library_template():
    """The simple-template path must print exactly what Jinja prints, for every built-in template."""
    from modellaw.api import load
    from modellaw.templating import SimpleTemplate

    env = make_env(True)
    context = {"term": lambda *a: f"<t:{a}>", "ref": lambda *a: f"<r:{a}>", "this_law": "this Law", "This_law": "This Law", "article": "article",
               "state": "[State]", "mode": "model", "options": "<options>",
               "authority": lambda *a: f"<a:{a}>", "Authority": lambda *a: f"<A:{a}>"}
    checked = 0
    for entry in load([]).entries.values():
        module = entry.module
        sources = [getattr(module, "text", ""), getattr(module, "definition", "")]
        if module.options:
            sources += [c.text for c in module.options.choices.values()]
        values = {n: mark_default(p.default) for n, p in module.parameters.items() if p.default is not None}
        for source in filter(None, sources):
            fast, _ = compile_template(env, source, WHERE, module.id)
            if not isinstance(fast, SimpleTemplate):
                continue
            slow, _ = compile_template(env, source, WHERE, module.id, simple=False)
            assert fast.render({**context, **values}) == slow.render({**context, **values}), module.id
            checked += 1
    assert checked > 20


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_TEXT = st.text(alphabet=st.sampled_from(list("ab ,.\n()[]'\"{}%#-")), max_size=12)
_PIECE = st.one_of(
    _TEXT,
    st.sampled_from(["{{ n }}", "{{n}}", "{{  s  }}", "{{ d }}", "{{ lst }}", '{{ f("x") }}', "{{ f('a', 'b') }}",
                     "{{ f() }}", "{{ true }}", "{{ n + 1 }}", "{{ s|upper }}", "{{- n }}", "{% if n %}y{% endif %}",
                     "{# c #}", '{{ f("a{b") }}', "{{ missing }}", "{ {", "} }"]),
)


@given(st.lists(_PIECE, max_size=8))
@settings(max_examples=400, deadline=None)
def test_fast_path_prints_what_jinja_prints(pieces):
    """Generated templates: the fast path, when it accepts one, matches Jinja, errors included."""
    from modellaw.templating import SimpleTemplate

    source = "".join(pieces)
    env = make_env(True)
    context = {"n": mark_default(3), "s": "text", "d": mark_default(DurationValue(2, "day")), "lst": ["a", "b"],
               "f": lambda *a: "|".join(a) or "none"}
    fast = SimpleTemplate.recognise(env, source)
    if fast is None:
        return
    slow, problems = compile_template(env, source, WHERE, "x.y", simple=False)
    assert slow is not None, (source, problems)
    expected, slow_problems = run_template(slow, context, WHERE, "x.y")
    actual, fast_problems = run_template(fast, context, WHERE, "x.y")
    assert actual == expected, source
    assert [(p.code, p.location.line) for p in fast_problems] == [(p.code, p.location.line) for p in slow_problems], source


def test_thousands_filter_keeps_defaults_bracketed_in_model_mode():
    text, _ = render("{{ n|thousands }} / {{ m|thousands }}", True, n=mark_default(1000000), m=25000)
    assert text == "[1,000,000] / 25,000"
    text, _ = render("{{ n|thousands }}", False, n=mark_default(1000000))
    assert text == "1,000,000"


def test_runaway_templates_are_stopped(monkeypatch):
    import modellaw.templating as templating

    monkeypatch.setattr(templating, "TIME_LIMIT", 0.5)
    text, problems = render("{% for i in [1] * 100000 %}{% for j in [1] * 100000 %}{% endfor %}{% endfor %}", True)
    assert text is None and problems[0].code == "TPL004" and problems[0].location.line == 20
