"""Research notes for each shared fixture: specific questions, a real timeline, dated follow-ups."""

import re
from datetime import date

import pytest
from outreach_people import TODAY, insider, load_parsed_prospect, load_prospect, stranger

from coffeechat.outreach.names import company_name, role_title
from coffeechat.research import notes_for
from coffeechat.research.notes import duration_text


def _profile_words(prospect: dict) -> set[str]:
    """Companies, roles and schools from the profile, as they may appear in a question."""
    words = set()
    for item in prospect["experience"]:
        words |= {company_name(item.get("company")), role_title(item.get("title"))}
    words |= {e["school"] for e in prospect["education"]}
    return {w for w in words if w and len(w) > 3}


@pytest.mark.parametrize("persona", ["explorer", "recruiter"])
@pytest.mark.parametrize("source", ["expected", "parsed"])
def test_questions_are_written_for_this_person(profile_name, persona, source):
    prospect = load_prospect(profile_name) if source == "expected" else load_parsed_prospect(profile_name)
    notes = notes_for(prospect, stranger(persona=persona), today=TODAY[profile_name])
    questions = notes["questions"]
    assert 8 <= len(questions) <= 12
    assert len(set(questions)) == len(questions)
    words = _profile_words(prospect)
    specific = [q for q in questions if any(w in q for w in words) or " moved from " in q]
    assert len(specific) >= 3, questions
    assert all(q.endswith("?") for q in questions)
    assert not any(re.search(r"\{|\}|None|null", q) for q in questions)
    assert questions[-1].startswith("Who else")
    if persona == "explorer":
        assert not any(re.search(r"\bjob\b|refer me|an opening", q, re.I) for q in questions)


def test_transition_question_for_the_founder():
    notes = notes_for(load_prospect("public-2023"), stranger(), today=TODAY["public-2023"])
    # The question tying their path to the user's goal comes first, then the move itself.
    assert notes["questions"][0].startswith("You moved from software engineering into startups")
    assert "I'm hoping to move into UX research" in notes["questions"][0]
    # Then what they invite questions about, then the move itself.
    assert notes["questions"][1].startswith("You invite people to talk with you about Fintech")
    assert notes["questions"][2].startswith(
        "You moved from engineering to founding your own company in 2017, from Senior Software "
        "Engineer at WSO2 to Co-Founder at CabbageApps.")
    assert notes["top_questions"] == notes["questions"][:2] + notes["questions"][-1:]
    assert any("CabbageApps, Urban.lk and Hyperglade" in q for q in notes["questions"])


def test_timeline_is_normalized():
    notes = notes_for(load_prospect("profile-2018-self"), stranger(), today=TODAY["profile-2018-self"])
    timeline = notes["sections"]["timeline"]
    current = timeline["roles"][0]
    assert (current["title"], current["company"], current["current"]) == ("Full Stack Engineer", "Bounced", True)
    assert current["start"] == "2018-09" and current["duration"] == "5 mos"
    assert timeline["roles"][1]["duration"] == "1 yr 4 mos"
    assert timeline["tenure"] == "five months"
    assert timeline["total_years"] > 1
    assert [r["start"] for r in timeline["roles"]] == sorted((r["start"] for r in timeline["roles"]), reverse=True)


@pytest.mark.parametrize(("months", "text"), [(0, ""), (1, "1 mo"), (12, "1 yr"), (16, "1 yr 4 mos"),
                                              (29, "2 yrs 5 mos")])
def test_duration_text(months, text):
    assert duration_text(months) == text


def test_common_ground_section_is_true(profile_name):
    prospect = load_prospect(profile_name)
    assert notes_for(prospect, stranger(), today=TODAY[profile_name])["sections"]["common_ground"] == []
    shared = notes_for(prospect, insider(), today=TODAY[profile_name])["sections"]["common_ground"]
    assert "shared_school" in {g["kind"] for g in shared}


@pytest.mark.parametrize("minutes", [15, 20])
def test_agenda_fits_the_time_asked(minutes):
    notes = notes_for(load_prospect("profile-2022-self"), stranger(time_ask=minutes), today=TODAY["profile-2022-self"])
    assert sum(item["minutes"] for item in notes["sections"]["agenda"]) == minutes
    assert f"{minutes}-minute conversation" in notes["markdown"]


def _log(*entries):
    return [{"id": n, "at": at, "type": kind, **extra} for n, (at, kind, extra) in enumerate(entries, 1)]


def _plan(notes):
    return {step["step"]: step for step in notes["sections"]["follow_up"]}


def test_follow_up_dates_come_from_the_stage_history():
    prospect = load_prospect("profile-2026-first-degree", log=_log(
        ("2026-03-02T15:00:00Z", "stage_changed", {"from": "saved", "to": "contacted"}),
        ("2026-03-02T15:01:00Z", "invitation_sent", {}),
    ))
    plan = _plan(notes_for(prospect, stranger(), today=date(2026, 3, 5)))
    assert plan["Reach out"]["done_on"] == "2026-03-02"
    follow = plan["Follow up once if there is no answer"]
    assert (follow["due"], follow["status"]) == ("2026-03-09", "upcoming")
    later = _plan(notes_for(prospect, stranger(), today=date(2026, 3, 12)))
    assert later["Follow up once if there is no answer"]["status"] == "overdue"


def test_plan_after_a_meeting():
    prospect = load_prospect("profile-2026-first-degree", log=_log(
        ("2026-03-02T15:00:00Z", "message_sent", {}),
        ("2026-03-04T09:00:00Z", "reply_received", {}),
        ("2026-03-04T09:05:00Z", "meeting_scheduled", {"when": "2026-03-20T14:00:00Z"}),
        ("2026-03-20T14:30:00Z", "meeting_held", {"note": "XBRL skills are scarce"}),
        ("2026-03-21T08:00:00Z", "thank_you_sent", {}),
    ))
    referrer = load_prospect("public-2023", id=3)
    notes = notes_for(prospect, stranger(), today=date(2026, 4, 10), referrer=referrer)
    plan = _plan(notes)
    assert plan["Follow up once if there is no answer"]["status"] == "not needed"
    assert plan["Prepare: agenda, questions, video tool"]["due"] == "2026-03-19"
    assert plan["Meet"]["due"] == "2026-03-20" and plan["Meet"]["done_on"] == "2026-03-20"
    assert plan["Send the thank-you"]["due"] == "2026-03-21"
    assert plan["Send the thank-you"]["status"] == "done"
    assert plan["Thank Dulitha Wijewantha"]["due"] == "2026-03-21"
    assert plan["Keep in touch with an update"]["due"] == "2026-06-19"
    assert plan["Keep in touch with an update"]["status"] == "upcoming"
    assert "due 2026-06-19" in notes["markdown"]
    assert "How do you know Dulitha?" in notes["questions"]


def test_markdown_has_every_section_and_escapes_captured_text():
    prospect = load_prospect("profile-2022-self", full_name="<img src=x onerror=alert(1)> Kireet",
                             headline="**bold** [link](javascript:alert(1))")
    md = notes_for(prospect, stranger(), today=TODAY["profile-2022-self"])["markdown"]
    for heading in ("## Career timeline", "## Common ground", "## Questions", "## Agenda",
                    "## Before the conversation", "## Avoid", "## Follow-up plan"):
        assert heading in md
    assert not re.search(r"(?<!\\)<", md)
    assert "\\<" in md
    assert "\\*\\*bold\\*\\*" in md and "\\[link\\]" in md


def test_prep_and_avoid_fit_the_persona():
    prospect = load_prospect("profile-2022-self")
    explorer = notes_for(prospect, stranger(), today=TODAY["profile-2022-self"])["sections"]
    recruiter = notes_for(prospect, stranger(persona="recruiter"), today=TODAY["profile-2022-self"])["sections"]
    assert any("Gantry" in item for item in explorer["prep"])
    assert any("video tool" in item for item in explorer["prep"])
    assert any("job" in item for item in explorer["avoid"])
    assert any("screening" in item for item in recruiter["avoid"])


def test_all_fixtures_produce_notes(profile_name):
    notes = notes_for(load_prospect(profile_name), insider(), today=TODAY[profile_name])
    assert set(notes["sections"]) >= {"person", "timeline", "common_ground", "agenda", "prep", "avoid", "follow_up"}
    assert notes["markdown"].startswith("# Research notes: ")


def test_empty_prospect_still_gets_notes():
    notes = notes_for({"id": 1}, {}, today=date(2026, 1, 1))
    assert 8 <= len(notes["questions"]) <= 12
    assert "Nothing shared found yet" in notes["markdown"]


