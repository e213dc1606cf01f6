"""The last check on a draft: each defect it refuses, on invented sentences."""

import pytest

from coffeechat.outreach.check import problems

PERSON = {"full_name": "Ana Lima", "headline": "Growth Lead at Pebble | Runner | Coffee",
          "current": {"title": "Líder de crescimento", "company": "Pebble"},
          "experience": [{"title": "Líder de crescimento", "company": "Pebble"}]}


@pytest.mark.parametrize(("text", "found"), [
    ("Hi Ana,\n\nI'm writing because.", "small word"),
    ("Hi Ana,\n\nMaria sent me:. Thanks", "nothing between"),
    ("Hi Ana,\n\nTalking about was useful.", "missing mid-sentence"),
    ("Hi Ana,\n\nI loved the the talk.", "doubled"),
    ("Hi Ana,\n\nYou call it \"\" on your page.", "empty quotes"),
    ("Hi Ana,\n\nYou describe yourself as \"Growth Lead at Pebble\".", "headline"),
    ("Hi Ana,\n\nThanks {{ first_name }}.", "residue"),
    ("Hi Ana,\n\nThanks, None.", "residue"),
    ("Hi Ana,\n\nYesterday Ana told me about growth.", "third person"),
    ("Hi Ana,\n\nYou work as Líder de crescimento at Pebble.", "another language"),
    ("Hi Ana,\n\nOn March 3, 2026, I wrote to you.", "full date"),
    ("Hi Ana,\n\nYou're a UX lead and an great mentor.", "article"),
])
def test_each_defect_is_found(text, found):
    assert any(found in p for p in problems(text, PERSON)), problems(text, PERSON)


def test_a_clean_draft_and_the_intentional_marker_pass():
    text = ("Hi Ana,\n\nThank you for talking with me yesterday. [add what you took away]\n\n"
            "You lead growth at Pebble, and I'd love to hear how an MBA helped.\n\nWarmly,\nRobin\nrobin@example.com")
    assert problems(text, PERSON) == []
    # In a note to someone else, naming Ana is how it should be.
    assert problems("Hi Sam,\n\nAna and I spoke yesterday.", PERSON, to={"full_name": "Sam Lee"}) == []
