"""One meeting to the calendar: its own .ics with title, time, place, agenda and the three top questions."""

from datetime import datetime, timedelta

import icalendar

from invented_pages import BEFORE, URL


def _meeting(client) -> tuple[int, str]:
    pid = client.post("/api/v1/captures", json={"url": URL, "html": BEFORE}).get_json()["prospect"]["id"]
    when = (datetime.now().replace(microsecond=0, second=0) + timedelta(days=3)).isoformat()
    r = client.post(f"/api/v1/prospects/{pid}/interactions",
                    json={"action": "meeting_scheduled", "when": when, "where": "Café Luso, Porto"})
    assert r.status_code == 201, r.get_json()
    return pid, when


def test_a_scheduled_meeting_opens_in_icalendar_with_the_right_fields(client):
    pid, when = _meeting(client)
    r = client.get(f"/api/v1/prospects/{pid}/meeting.ics")
    assert r.status_code == 200 and r.mimetype == "text/calendar"
    [event] = icalendar.Calendar.from_ical(r.data).walk("VEVENT")
    assert str(event["summary"]) == "Informational interview: Ana Silva"
    assert event.decoded("dtstart").replace(tzinfo=None) == datetime.fromisoformat(when)
    assert str(event["location"]) == "Café Luso, Porto"
    questions = client.get(f"/api/v1/prospects/{pid}/notes").get_json()["questions"]
    description = str(event["description"])
    assert "Agenda\n- " in description
    top = description.split("Questions to ask\n")[1].split("\n\n")[0].splitlines()
    assert top == [f"{n}. {q}" for n, q in enumerate(questions[:3], 1)]
    assert description.endswith(f"/prospects/{pid}")


def test_the_prospect_page_links_its_meeting_and_the_whole_calendar_stays(client):
    pid, _ = _meeting(client)
    html = client.get(f"/prospects/{pid}").get_data(as_text=True)
    assert f'href="/prospects/{pid}/meeting.ics"' in html
    page_ics = client.get(f"/prospects/{pid}/meeting.ics")
    assert page_ics.status_code == 200 and b"BEGIN:VEVENT" in page_ics.data
    everything = client.get("/api/v1/export", query_string={"format": "ics"})
    assert len(icalendar.Calendar.from_ical(everything.data).walk("VEVENT")) == 1


def test_no_meeting_no_calendar_file(client):
    pid = client.post("/api/v1/captures", json={"url": URL, "html": BEFORE}).get_json()["prospect"]["id"]
    r = client.get(f"/api/v1/prospects/{pid}/meeting.ics")
    assert r.status_code == 404 and "no meeting scheduled" in r.get_json()["error"]["message"]
    assert "meeting.ics" not in client.get(f"/prospects/{pid}").get_data(as_text=True)
