"""Golden drafts: hand-reviewed text for two fixtures, so every wording change is deliberate.

Regenerate after an intended change with ``UPDATE_GOLDEN=1 pytest tests/outreach/test_outreach_golden.py``
and review the diff before committing.
"""

import os
from datetime import date
from pathlib import Path

import pytest
from outreach_people import insider, load_prospect, stranger

from coffeechat.outreach import drafts_for

GOLDEN = Path(__file__).resolve().parent / "golden"


def _kireet_explorer() -> str:
    """A user who shares a school and an employer, referred by a friend, after the meeting."""
    prospect = load_prospect("profile-2022-self", email="kireet@example.com", log=[
        {"id": 1, "at": "2022-03-28T09:00:00Z", "type": "invitation_sent"},
        {"id": 2, "at": "2022-03-30T18:00:00Z", "type": "reply_received"},
        {"id": 3, "at": "2022-04-01T10:00:00Z", "type": "meeting_scheduled", "when": "2022-04-08T16:00:00Z"},
        {"id": 4, "at": "2022-04-08T16:30:00Z", "type": "meeting_held",
         "note": "small internal tools are the fastest way to learn a codebase"},
    ])
    referrer = load_prospect("public-2023", id=7)
    me = insider(schools=["University of California, Berkeley"], employers=["Stripe"], skills=[],
                 languages=[], city="Lisbon")
    return _render(prospect, me, date(2022, 4, 9), referrer)


def _dulitha_recruiter() -> str:
    """A recruiter with nothing in common, writing formally, before any contact."""
    prospect = load_prospect("public-2023")
    me = stranger(persona="recruiter", name="Robin Alvarez", current_role="Technical recruiter at Northwind",
                  goal="", tone="formal", time_ask=20)
    return _render(prospect, me, date(2023, 5, 25), None)


def _render(prospect, me, today, referrer) -> str:
    result = drafts_for(prospect, me, today=today, referrer=referrer)
    parts = [f"warnings: {result['warnings']}"]
    for draft in result["drafts"]:
        facts = ", ".join(f["kind"] for f in draft["facts_used"])
        parts.append(f"=== {draft['kind']} v{draft['variant']} ({draft['channel']}, "
                     f"{draft['length']}/{draft['limit']}) facts: {facts}")
        if draft["warnings"]:
            parts.append(f"warnings: {draft['warnings']}")
        if draft["subject"]:
            parts.append(f"Subject: {draft['subject']}")
        parts.append(draft["body"])
    default = next(d for d in result["drafts"] if d["kind"] == "connection_note")["variant"]
    note = drafts_for(prospect, me, kind="connection_note", variant=1 - default, today=today,
                      referrer=referrer)
    parts.append("=== connection_note, the other variant")
    parts.append(note["drafts"][0]["body"])
    return "\n\n".join(parts) + "\n"


CASES = {"kireet-explorer": _kireet_explorer, "dulitha-recruiter": _dulitha_recruiter}


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_drafts(name):
    path = GOLDEN / f"{name}.txt"
    text = CASES[name]()
    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"Run UPDATE_GOLDEN=1 pytest {__file__} to create {path.name}"
    assert text == path.read_text(encoding="utf-8")
