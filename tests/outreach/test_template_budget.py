"""Templates that cannot hurt: the four bombs of issue 11 (and kin) are refused on save and replaced when rendered."""

import errno
import os
import time

import pytest
from outreach_people import TODAY, load_prospect, stranger

from coffeechat.errors import BadInput, StorageError, TemplateProblem
from coffeechat.outreach import drafts_for, save_override
from coffeechat.outreach.templates import render

NAME = "connection_note.explorer.1.j2"
BOMBS = {
    "power": "{{ 7**(7**9) }}",
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}{% endfor %}",
    "repeat": "{{ 'ab'*10**8 }}",
    "indent": "{{ 'x'|indent(10**12) }}",
    "ranges within the cap": "{% for i in range(10000) %}{% for j in range(10000) %}{% endfor %}{% endfor %}",
    "format width": "{{ '{:>999999999}'.format(1) }}",
    "percent width": "{{ '%999999999d' % 1 }}",
    "method width": "{{ 'x'.ljust(10**9) }}",
    "replace growth": "{{ ('x'*9999).replace('', 'y'*9999) }}",
    "macro fan-out": "{% macro f(n) %}{% if n < 40 %}{{ f(n+1) }}{{ f(n+1) }}{% endif %}{% endmacro %}{{ f(1) }}",
}


def _draft(templates_dir):
    return drafts_for(load_prospect("profile-2022-self"), stranger(), kind="connection_note", variant=0,
                      today=TODAY["profile-2022-self"], templates_dir=templates_dir)["drafts"][0]


@pytest.mark.parametrize("source", BOMBS.values(), ids=BOMBS.keys())
def test_a_template_bomb_is_refused_when_saved(tmp_path, source):
    started = time.monotonic()
    with pytest.raises(BadInput, match="not saved"):
        save_override(tmp_path, NAME, source)
    assert time.monotonic() - started < 3
    assert not (tmp_path / NAME).exists() and not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))


@pytest.mark.parametrize("source", BOMBS.values(), ids=BOMBS.keys())
def test_a_template_bomb_on_disk_falls_back_to_the_built_in_one(tmp_path, source):
    (tmp_path / NAME).write_text(source, encoding="utf-8")  # e.g. written by an older version or by hand
    started = time.monotonic()
    with pytest.raises(TemplateProblem, match="cannot be used"):
        render(tmp_path, NAME, {"first_name": "Kim"})
    draft = _draft(tmp_path)
    assert time.monotonic() - started < 5
    assert draft["body"] == _draft(None)["body"]
    assert any(NAME in w and "built-in" in w for w in draft["warnings"])


def test_ordinary_templates_still_work(tmp_path):
    source = "Hi {{ first_name }} {{ range(3)|list }} {{ 2**10 }} {{ 'ab'*3 }} {{ '%5d' % 3 }} {{ 'x'|indent(4) }}"
    save_override(tmp_path, NAME, source)
    assert render(tmp_path, NAME, {"first_name": "Kim"}) == "Hi Kim [0, 1, 2] 1024 ababab     3 x"


def test_a_full_disk_gives_a_clear_error_and_leaves_no_temp_file(tmp_path, monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", full)  # where a full disk shows itself when the data reaches it
    with pytest.raises(StorageError, match="No space left") as err:
        save_override(tmp_path, NAME, "Hi {{ first_name }}")
    assert err.value.status == 503
    assert list(tmp_path.iterdir()) == []
