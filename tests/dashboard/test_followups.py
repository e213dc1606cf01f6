"""Each follow-up rule with a fixed clock, the user's own rules, referrals, and the planner's cache."""

from datetime import date, timedelta

import pytest

from coffeechat import timeline as followups
from coffeechat.errors import BadInput
from coffeechat.timeline import DEFAULT_RULES, Planner, for_prospect, referral_thanks, validate_rules

D = date(2026, 3, 2)


def at(day: date, hour: int = 10) -> str:
    return f"{day.isoformat()}T{hour:02d}:00:00+00:00"


def person(stage: str, *entries: tuple, pid: int = 1, referred_by=None) -> dict:
    log = [{"type": t, "at": at(d), **(extra[0] if extra else {})} for t, d, *extra in entries]
    return {"id": pid, "stage": stage, "log": log, "referred_by": referred_by}


def rules_of(p: dict, today: date, rules=DEFAULT_RULES) -> list[tuple[str, str]]:
    return [(i["rule"], i["status"]) for i in for_prospect(p, today, rules)]


def test_thank_you_is_due_the_day_after_a_meeting_and_overdue_after_two():
    p = person("met", ("meeting_held", D))
    assert rules_of(p, D) == [("thank_you", "upcoming")]
    assert rules_of(p, D + timedelta(1)) == [("thank_you", "due")]
    assert rules_of(p, D + timedelta(2)) == [("thank_you", "overdue")]
    item = for_prospect(p, D, DEFAULT_RULES)[0]
    assert item["draft_kind"] == "thank_you" and item["due"] == "2026-03-03" and item["overdue_on"] == "2026-03-04"
    thanked = person("thanked", ("meeting_held", D), ("thank_you_sent", D + timedelta(1)))
    assert "thank_you" not in [r for r, _ in rules_of(thanked, D + timedelta(5))]


def test_one_follow_up_after_seven_days_of_silence():
    p = person("contacted", ("invitation_sent", D))
    assert rules_of(p, D + timedelta(6)) == [("follow_up", "upcoming")]
    assert rules_of(p, D + timedelta(7)) == [("follow_up", "due")]
    assert rules_of(p, D + timedelta(7 + DEFAULT_RULES["grace_days"])) == [("follow_up", "overdue")]
    assert for_prospect(p, D, DEFAULT_RULES)[0]["draft_kind"] == "follow_up"
    replied = person("replied", ("invitation_sent", D), ("reply_received", D + timedelta(3)))
    assert rules_of(replied, D + timedelta(20)) == []


def test_after_a_second_silence_suggest_not_now_and_no_second_follow_up():
    p = person("contacted", ("message_sent", D), ("follow_up_sent", D + timedelta(8)))
    assert rules_of(p, D + timedelta(14)) == [("suggest_not_now", "upcoming")]
    assert rules_of(p, D + timedelta(15)) == [("suggest_not_now", "due")]
    assert for_prospect(p, D + timedelta(15), DEFAULT_RULES)[0]["draft_kind"] is None
    answered = person("contacted", ("message_sent", D), ("follow_up_sent", D + timedelta(8)),
                      ("reply_received", D + timedelta(9)))
    assert rules_of(answered, D + timedelta(30)) == []


def test_keep_in_touch_ninety_days_after_thanks():
    p = person("thanked", ("meeting_held", D), ("thank_you_sent", D + timedelta(1)))
    assert rules_of(p, D + timedelta(90)) == [("keep_in_touch", "upcoming")]
    assert rules_of(p, D + timedelta(91)) == [("keep_in_touch", "due")]
    again = person("in_touch", ("thank_you_sent", D), ("keep_in_touch_sent", D + timedelta(100)))
    assert for_prospect(again, D, DEFAULT_RULES)[0]["due"] == (D + timedelta(190)).isoformat()


def test_prep_reminder_the_day_before_a_scheduled_meeting():
    p = person("scheduled", ("meeting_scheduled", D, {"when": "2026-03-06T15:00"}))
    assert rules_of(p, D) == [("prep", "upcoming")]
    assert rules_of(p, date(2026, 3, 5)) == [("prep", "due")]
    assert rules_of(p, date(2026, 3, 6)) == [("prep", "due")]
    assert rules_of(p, date(2026, 3, 7)) == []  # the day has passed
    held = person("met", ("meeting_scheduled", D, {"when": "2026-03-06T15:00"}), ("meeting_held", date(2026, 3, 6)))
    assert [r for r, _ in rules_of(held, date(2026, 3, 6))] == ["thank_you"]


def test_declined_and_not_now_have_no_follow_ups():
    for stage in ("declined", "not_now"):
        assert rules_of(person(stage, ("invitation_sent", D), ("meeting_held", D)), D + timedelta(30)) == []


def test_the_users_rules_change_the_dates():
    rules = validate_rules({"follow_up_after_days": 3, "thank_you_due_days": "0", "thank_you_overdue_days": 1})
    assert rules_of(person("contacted", ("invitation_sent", D)), D + timedelta(3), rules) == [("follow_up", "due")]
    assert rules_of(person("met", ("meeting_held", D)), D, rules) == [("thank_you", "due")]


@pytest.mark.parametrize("bad", [{"nope": 1}, {"grace_days": -1}, {"grace_days": "x"}, {"grace_days": True},
                                 {"thank_you_due_days": 5, "thank_you_overdue_days": 2}, [], {"grace_days": 99999}])
def test_bad_rules_are_refused_with_a_reason(bad):
    with pytest.raises(BadInput) as exc:
        validate_rules(bad)
    assert exc.value.message


def test_referrer_is_owed_thanks_when_the_referred_meeting_happens():
    referrer = person("thanked", ("thank_you_sent", D), pid=1)
    referred = person("met", ("meeting_held", D + timedelta(10)), pid=2, referred_by=1)
    items = referral_thanks(referrer, [referred], D + timedelta(11))
    assert [(i["rule"], i["status"], i["draft_kind"], i["referred_id"]) for i in items] == [
        ("referral_thanks", "due", "referral_thanks", 2)]
    not_yet = person("scheduled", ("meeting_scheduled", D, {"when": "2026-04-01T10:00"}), pid=2, referred_by=1)
    assert referral_thanks(referrer, [not_yet], D + timedelta(11)) == []
    thanked = person("thanked", ("thank_you_sent", D), ("thank_you_sent", D + timedelta(11)), pid=1)
    assert referral_thanks(thanked, [referred], D + timedelta(12)) == []


def test_planner_combines_own_and_referral_follow_ups_and_reuses_unchanged_work():
    tracks = {1: person("saved"), 2: person("met", ("meeting_held", D), referred_by=1)}
    tracks[2]["referred_by"] = 1
    planner = Planner()
    plan = planner.plan(tracks, D + timedelta(1))
    assert [i["rule"] for i in plan[1]] == ["referral_thanks"] and [i["rule"] for i in plan[2]] == ["thank_you"]
    assert planner.plan(tracks, D + timedelta(1))[2] is plan[2]  # same track, same day: not recomputed
    assert planner.plan(tracks, D + timedelta(3))[2][0]["status"] == "overdue"  # a new day is recomputed


def test_last_contact_ignores_notes_and_stage_changes():
    p = person("met", ("invitation_sent", D), ("meeting_held", D + timedelta(4)), ("note", D + timedelta(6)))
    assert followups.last_contact(p["log"]) == at(D + timedelta(4))
    assert followups.last_contact([]) is None
