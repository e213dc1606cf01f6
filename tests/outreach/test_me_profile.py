"""The user's own profile: defaults, validation with messages naming the key, missing facts."""

import pytest

from coffeechat.errors import BadInput
from coffeechat.me import DEFAULT_ME, missing_fact_hints, missing_facts, normalize_me


def test_empty_profile_gets_defaults():
    assert normalize_me({}) == DEFAULT_ME
    assert normalize_me({})["schools"] is not DEFAULT_ME["schools"]


def test_lists_are_trimmed_deduplicated_and_split_on_lines_not_commas():
    me = normalize_me({"schools": "University of California, Berkeley\r\nqueen's university\n Queen's University \n\nUBC",
                       "skills": [" Python ", ""]})
    assert me["schools"] == ["University of California, Berkeley", "queen's university", "UBC"]
    assert me["skills"] == ["Python"]


def test_signature_keeps_its_lines_and_recruiter_fields_exist():
    me = normalize_me({"signature": "Robin Alvarez \r\n  robin@example.com\n\n", "company": "Northwind",
                       "recruiting_for": "our data platform team, likely hiring next year"})
    assert me["signature"] == "Robin Alvarez\nrobin@example.com"
    assert me["company"] == "Northwind" and me["recruiting_for"].startswith("our data platform")
    with pytest.raises(BadInput, match="signature"):
        normalize_me({"signature": "\n".join("line" for _ in range(9))})


def test_time_ask_accepts_form_strings():
    assert normalize_me({"time_ask": "20"})["time_ask"] == 20
    assert normalize_me({"time_ask": None})["time_ask"] == 15


@pytest.mark.parametrize(("data", "key"), [
    ({"persona": "salesperson"}, "persona"),
    ({"tone": "shouty"}, "tone"),
    ({"time_ask": 45}, "time_ask"),
    ({"time_ask": True}, "time_ask"),
    ({"linkedin_account": "gold"}, "linkedin_account"),
    ({"schools": [1, 2]}, "schools"),
    ({"name": 5}, "name"),
    ({"goal": "x" * 500}, "goal"),
    ({"favourite_colour": "blue"}, "favourite_colour"),
])
def test_bad_values_name_the_key(data, key):
    with pytest.raises(BadInput) as err:
        normalize_me(data)
    assert f"'{key}'" in err.value.message


def test_not_an_object():
    with pytest.raises(BadInput):
        normalize_me(["name"])  # type: ignore[arg-type]


def test_missing_facts_and_hints():
    me = normalize_me({"name": "Robin", "schools": ["UBC"]})
    missing = missing_facts(me)
    assert "name" not in missing and "schools" not in missing
    assert {"goal", "employers", "city", "skills", "languages", "current_role"} <= set(missing)
    hints = missing_fact_hints(normalize_me({}))
    assert "Add your school(s) in Settings to find shared schools." in hints
    assert len(hints) == len(missing_facts(normalize_me({})))
