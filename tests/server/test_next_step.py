"""After a save, the next step follows the person's relationship and what is due."""

from datetime import date

import pytest

from coffeechat.app.next_step import KIND_LABELS, SENT_ACTIONS, pick
from helpers import capture

TODAY = date(2026, 3, 10)


def person(**fields):
    return {"id": 1, "full_name": "Ana Lima", "stage": "saved", "log": [], **fields}


@pytest.mark.parametrize("degree, kind", [("2nd", "connection_note"), ("3rd+", "connection_note"),
                                          (None, "connection_note"), ("1st", "message")])
def test_not_contacted_yet_follows_the_degree(degree, kind):
    step = pick(person(connection_degree=degree), TODAY)
    assert step["kind"] == kind and step["label"] == KIND_LABELS[kind]
    assert "Ana" in step["reason"] and step["action"] == SENT_ACTIONS[kind]


def test_a_meeting_held_today_shows_the_thank_you():
    held = person(connection_degree="2nd", stage="met",
                  log=[{"type": "meeting_held", "at": "2026-03-10T10:00:00"}])
    step = pick(held, TODAY)
    assert step["kind"] == "thank_you" and "tomorrow" in step["reason"]
    assert step["action"] == "thank_you_sent"


def test_an_overdue_thank_you_says_so():
    held = person(connection_degree="1st", stage="met", log=[{"type": "meeting_held", "at": "2026-03-05T10:00:00"}])
    step = pick(held, TODAY)
    assert step["kind"] == "thank_you" and "overdue" in step["reason"]


def test_a_silent_contact_gets_the_follow_up():
    sent = person(connection_degree="2nd", stage="contacted",
                  log=[{"type": "invitation_sent", "at": "2026-03-01T10:00:00"}])
    step = pick(sent, TODAY)
    assert step["kind"] == "follow_up" and "due" in step["reason"]


def test_a_referral_thanks_due_comes_from_the_follow_ups():
    item = {"prospect_id": 1, "rule": "referral_thanks", "draft_kind": "referral_thanks", "since": "2026-03-08",
            "due": "2026-03-09", "overdue_on": "2026-03-12", "status": "due", "referred_id": 2,
            "reason": "Thank them for the introduction: you met the person they referred"}
    step = pick(person(stage="thanked"), TODAY, [item])
    assert step["kind"] == "referral_thanks" and step["referred_id"] == 2 and step["action"] == "thank_you_sent"


@pytest.mark.parametrize("stage, kind", [("replied", "message"), ("thanked", "keep_in_touch"), ("not_now", "keep_in_touch")])
def test_otherwise_what_the_stage_calls_for(stage, kind):
    assert pick(person(stage=stage, log=[{"type": "reply_received", "at": "2026-03-09T10:00:00"}]),
                TODAY, [])["kind"] == kind


def test_the_capture_answer_carries_the_next_step(client):
    first = capture(client, "profile-2026-first-degree").get_json()
    step = first["next_step"]
    assert step["kind"] == "message" and step["draft"]["kind"] == "message" and step["draft"]["body"]
    assert "already connected" in step["reason"]
    assert first["connection_note"]["kind"] == "connection_note", "kept for older extensions"
    assert {"kind": "thank_you", "label": "Thank-you", "action": "thank_you_sent",
            "action_label": "I sent the thank-you"} in step["choices"]

    other = capture(client, "profile-2022-self").get_json()
    assert other["next_step"]["kind"] == "connection_note"
    assert other["next_step"]["draft"]["limit"] in (200, 300)


def test_after_a_logged_meeting_the_capture_shows_the_thank_you(client):
    pid = capture(client, "profile-2026-first-degree").get_json()["prospect"]["id"]
    client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "meeting_held", "note": "talked about UX"})
    again = capture(client, "profile-2026-first-degree").get_json()
    assert again["next_step"]["kind"] == "thank_you" and again["next_step"]["draft"]["kind"] == "thank_you"
