"""Each export format parses back with its library, has its content type and file name, and is valid when empty."""

import csv
import io
import json

import icalendar
import pytest
import vobject

from coffeechat.app import interactions

TYPES = {"csv": ("text/csv", "coffeechat-prospects.csv"), "json": ("application/json", "coffeechat-backup.json"),
         "vcard": ("text/vcard", "coffeechat-contacts.vcf"), "ics": ("text/calendar", "coffeechat-meetings.ics"),
         "markdown": ("text/markdown", "coffeechat-notes.md")}


@pytest.fixture
def meeting(store, people):
    pid = people["profile-2026-first-degree"]
    store.patch(pid, {"email": "janice@example.org", "notes": "Ask about the FASB"})
    interactions.record(store, pid, "meeting_scheduled", {"when": "2026-03-12T15:00", "where": "Zoom"})
    return pid


@pytest.mark.parametrize("fmt", sorted(TYPES))
def test_content_type_and_file_name_in_api_and_dashboard(client, browser, store, people, fmt):
    for r in (client.get(f"/api/v1/export?format={fmt}"), browser.get(f"/export/{fmt}")):
        assert r.status_code == 200 and r.mimetype == TYPES[fmt][0]
        assert r.headers["Content-Disposition"] == f'attachment; filename="{TYPES[fmt][1]}"'


def test_csv_opens_with_the_csv_module(client, store, people):
    rows = list(csv.DictReader(io.StringIO(client.get("/api/v1/export?format=csv").get_data(as_text=True))))
    assert sorted(r["full_name"] for r in rows) == sorted(p["full_name"] for p in store.all())
    assert {r["current_company"] for r in rows} >= {"Gantry"}


def test_vcard_parses_back(client, store, people, meeting):
    cards = list(vobject.readComponents(client.get("/api/v1/export?format=vcard").get_data(as_text=True)))
    assert len(cards) == 4 and all(c.version.value == "3.0" for c in cards)
    janice = next(c for c in cards if c.fn.value == "Janice Jiang")
    assert janice.email.value == "janice@example.org" and janice.n.value.family == "Jiang"
    assert janice.org.value == ["Financial Accounting Standards Board"]
    assert janice.url.value == "https://www.linkedin.com/in/janice-jiang-508bba21b/"
    assert janice.note.value == "Ask about the FASB"


def test_ics_has_the_meeting_with_name_agenda_and_link(client, store, people, meeting):
    cal = icalendar.Calendar.from_ical(client.get("/api/v1/export?format=ics").data)
    events = list(cal.walk("VEVENT"))
    assert len(events) == 1
    event = events[0]
    assert "Janice Jiang" in str(event["summary"]) and str(event["location"]) == "Zoom"
    assert event.decoded("dtstart").isoformat() == "2026-03-12T15:00:00"
    assert str(event["url"]) == f"http://127.0.0.1:5757/prospects/{meeting}"
    assert f"http://127.0.0.1:5757/prospects/{meeting}" in str(event["description"])
    agenda = client.get(f"/api/v1/prospects/{meeting}/notes").get_json()["sections"]["agenda"]
    assert "Agenda" in str(event["description"]) and agenda[0]["item"] in str(event["description"])
    minutes = sum(step["minutes"] for step in agenda)
    assert (event.decoded("dtend") - event.decoded("dtstart")).total_seconds() == minutes * 60
    interactions.record(store, meeting, "meeting_held", {})
    assert list(icalendar.Calendar.from_ical(client.get("/api/v1/export?format=ics").data).walk("VEVENT")) == []


def test_markdown_is_one_document_with_a_section_per_prospect(client, store, people, meeting):
    text = client.get("/api/v1/export?format=markdown").get_data(as_text=True)
    assert text.startswith("# coffeechat notes")
    sections = [line[3:] for line in text.splitlines() if line.startswith("## ")]
    assert sorted(sections) == sorted(p["full_name"] for p in store.all())
    assert "Ask about the FASB" in text and "meeting scheduled" in text


def test_empty_exports_are_still_valid_files(client, store):
    body = client.get("/api/v1/export?format=csv").get_data(as_text=True)
    assert list(csv.reader(io.StringIO(body)))[0][:2] == ["id", "full_name"]
    cal = icalendar.Calendar.from_ical(client.get("/api/v1/export?format=ics").data)
    assert cal.name == "VCALENDAR" and list(cal.walk("VEVENT")) == []
    assert client.get("/api/v1/export?format=vcard").get_data(as_text=True) == ""
    assert json.loads(client.get("/api/v1/export?format=json").data)["prospects"] == []
    assert "No prospects yet." in client.get("/api/v1/export?format=markdown").get_data(as_text=True)


def test_unknown_format_is_a_clear_400(client, browser, store):
    assert client.get("/api/v1/export?format=pdf").status_code == 400
    r = browser.get("/export/pdf")
    assert r.status_code == 400 and "unknown export format" in r.get_data(as_text=True)
