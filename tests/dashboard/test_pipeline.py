"""Interactions become log entries and move the stage forward; referrals link both prospects."""

from datetime import datetime, timezone

import pytest
from dashboard_helpers import seed

from coffeechat import pipeline
from coffeechat.app import interactions
from coffeechat.errors import BadInput


@pytest.mark.parametrize("current, action, expected", [
    ("saved", "invitation_sent", "contacted"),
    ("contacted", "reply_received", "replied"),
    ("replied", "meeting_scheduled", "scheduled"),
    ("scheduled", "meeting_held", "met"),
    ("met", "thank_you_sent", "thanked"),
    ("thanked", "keep_in_touch_sent", "in_touch"),
    ("in_touch", "message_sent", None),       # never backwards
    ("met", "reply_received", None),
    ("saved", "note", None),
    ("saved", "referral_given", None),
    ("not_now", "reply_received", "replied"),  # hearing back re-opens
    ("declined", "invitation_sent", None),
])
def test_implied_stage_moves_only_forward(current, action, expected):
    assert pipeline.implied_stage(current, action) == expected


def test_record_logs_the_interaction_and_the_stage_change(store):
    pid = seed(store, "public-2023")
    p = interactions.record(store, pid, "meeting_scheduled", {"when": "2026-03-12T15:30", "where": "Zoom"})
    assert p["stage"] == "scheduled"
    assert [e["type"] for e in p["log"]] == ["meeting_scheduled", "stage_changed"]
    assert p["log"][0]["when"] == "2026-03-12T15:30" and p["log"][0]["where"] == "Zoom"
    p = interactions.record(store, pid, "meeting_held", {"note": "Advice: learn SQL", "at": "2026-03-12T16:00"})
    held = next(e for e in p["log"] if e["type"] == "meeting_held")
    # Stored in UTC, like every stamp in the log; the form's time is the user's local time.
    at = datetime.fromisoformat("2026-03-12T16:00").astimezone(timezone.utc).isoformat(timespec="seconds")
    assert p["stage"] == "met" and held["note"] == "Advice: learn SQL" and held["at"] == at
    change = next(e for e in p["log"] if e.get("cause") == held["id"])
    assert change["to"] == "met" and change["at"] == at  # the stage change is dated like the meeting


def test_referral_given_links_the_referred_prospect(store):
    a, b = seed(store, "public-2023"), seed(store, "profile-2022-self")
    interactions.record(store, a, "referral_given", {"prospect_id": str(b)})
    assert store.get(b)["referred_by"] == a
    assert store.get(a)["log"][-1] == {**store.get(a)["log"][-1], "type": "referral_given", "prospect_id": b}


@pytest.mark.parametrize("action, data", [
    ("hired", {}), ("meeting_scheduled", {}), ("meeting_scheduled", {"when": "next tuesday"}),
    ("referral_given", {"prospect_id": 999}), ("referral_given", {}), ("note", {"note": "  "}),
    ("message_sent", {"note": "x" * 5000}),
])
def test_bad_interactions_are_refused_and_change_nothing(store, action, data):
    pid = seed(store, "public-2023")
    before = store.get(pid)
    with pytest.raises(BadInput):
        interactions.record(store, pid, action, data)
    assert store.get(pid) == before


def test_a_prospect_cannot_refer_to_themself(store):
    pid = seed(store, "public-2023")
    with pytest.raises(BadInput):
        interactions.record(store, pid, "referral_given", {"prospect_id": pid})
