"""User templates: sandboxed rendering, clear errors naming file and line, built-in fallback, admin."""

import pytest
from outreach_people import TODAY, load_prospect, stranger

from coffeechat.errors import BadInput, TemplateProblem
from coffeechat.outreach import drafts_for, list_templates, reset_override, save_override
from coffeechat.outreach.templates import BUILTIN_DIR, render

NAME = "connection_note.explorer.1.j2"
HOSTILE = [
    "Hi {{ first_name }}\n{{ ''.__class__.__mro__ }}",
    "{{ first_name.__class__.__base__.__subclasses__() }}",
    "{{ cycler.__init__.__globals__.os.system('touch /tmp/coffeechat-pwned') }}",
    "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{{ c }}{% endfor %}",
    "{{ self._TemplateReference__context }}",
]


def _draft(templates_dir, variant=0):
    return drafts_for(load_prospect("profile-2022-self"), stranger(), kind="connection_note",
                      variant=variant, today=TODAY["profile-2022-self"], templates_dir=templates_dir)["drafts"][0]


@pytest.mark.parametrize("source", HOSTILE)
def test_hostile_template_gives_a_clear_error_not_execution(tmp_path, source):
    (tmp_path / NAME).write_text(source, encoding="utf-8")
    with pytest.raises(TemplateProblem) as err:
        render(tmp_path, NAME, {"first_name": "Kim"})
    assert NAME in err.value.message and "cannot be used" in err.value.message
    builtin = _draft(None)
    draft = _draft(tmp_path)
    assert draft["body"] == builtin["body"]
    assert any(NAME in w and "built-in" in w for w in draft["warnings"])
    assert "class" not in draft["body"]


def test_error_names_the_line(tmp_path):
    (tmp_path / NAME).write_text("Hi {{ first_name }}!\nFine line.\n{{ ''.__class__.__mro__ }}\n",
                                 encoding="utf-8")
    with pytest.raises(TemplateProblem, match=r"line 3"):
        render(tmp_path, NAME, {"first_name": "Kim"})


def test_undefined_variable_and_syntax_error(tmp_path):
    (tmp_path / NAME).write_text("Hi {{ frist_name }}", encoding="utf-8")
    draft = _draft(tmp_path)
    assert any("frist_name" in w and "line 1" in w for w in draft["warnings"])
    (tmp_path / NAME).write_text("Hi\n{% if first_name %}unclosed", encoding="utf-8")
    draft = _draft(tmp_path)
    assert any(NAME in w and "line" in w for w in draft["warnings"])


def test_override_is_used_when_it_works(tmp_path):
    source = "{{ hello_note }} {{ spark_cap }}. A short custom note from {{ my_first }}. {{ ask_chat }}"
    save_override(tmp_path, NAME, source)
    draft = _draft(tmp_path)
    assert draft["warnings"] == []
    assert "A short custom note from Robin." in draft["body"]
    assert draft["facts_used"]


def test_override_leaving_placeholders_is_rejected(tmp_path):
    (tmp_path / NAME).write_text("Hi [Name], I saw {{ spark }}.", encoding="utf-8")
    draft = _draft(tmp_path)
    assert "[Name]" not in draft["body"]
    assert any("[Name]" in w for w in draft["warnings"])


def test_save_override_validates_and_reset_restores(tmp_path):
    with pytest.raises(TemplateProblem, match="line 1"):
        save_override(tmp_path, NAME, "{% if %}")
    with pytest.raises(BadInput):
        save_override(tmp_path, "../../etc/passwd", "x")
    with pytest.raises(BadInput):
        save_override(tmp_path, "nonexistent.explorer.1.j2", "x")
    save_override(tmp_path, NAME, "{{ hello_note }} {{ spark_cap }}. {{ ask_chat }}")
    rows = {row["name"]: row for row in list_templates(tmp_path)}
    assert rows[NAME]["override"].startswith("{{ hello_note }}")
    assert rows["message.explorer.1.j2"]["override"] is None
    assert rows[NAME]["builtin"] == (BUILTIN_DIR / NAME).read_text(encoding="utf-8")
    reset_override(tmp_path, NAME)
    assert not (tmp_path / NAME).exists()
    reset_override(tmp_path, NAME)  # resetting twice is harmless


def test_every_kind_and_persona_has_at_least_two_builtin_variants():
    names = [row["name"] for row in list_templates(None)]
    for kind in ("connection_note", "message", "inmail", "email", "follow_up", "thank_you",
                 "referral_thanks", "keep_in_touch"):
        for persona in ("explorer", "recruiter"):
            assert sum(n.startswith(f"{kind}.{persona}.") for n in names) >= 2, (kind, persona)
