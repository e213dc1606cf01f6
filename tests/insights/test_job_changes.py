"""Job-change alerts: a re-capture with a new employer logs it, puts it on Today and in the capture response."""

from datetime import date

import invented_pages as pages
from coffeechat.app.job_changes import change_between
from invented_pages import AFTER, BEFORE, URL


def _capture(client, html: str):
    return client.post("/api/v1/captures", json={"url": URL, "html": html})


def _changes(client, pid: int) -> list[dict]:
    return [e for e in client.get(f"/api/v1/prospects/{pid}").get_json()["log"] if e["type"] == "job_changed"]


def _congratulate(client) -> list[dict]:
    today = client.get("/api/v1/today").get_json()
    return [i for i in today["due"] + today["overdue"] if i["rule"] == "congratulate"]


def test_a_new_employer_is_logged_put_on_today_and_told_to_the_popup(client):
    first = _capture(client, BEFORE)
    assert first.status_code == 201 and first.get_json()["job_change"] is None
    pid = first.get_json()["prospect"]["id"]
    assert _congratulate(client) == []

    again = _capture(client, AFTER).get_json()
    change = again["job_change"]
    assert (change["from"], change["to"], change["on"]) == ("Data Analyst at Acme", "Data Scientist at Beta", "2026-03")
    assert change["message"] == ("Ana has a new role: Data Scientist at Beta (was Data Analyst at Acme). "
                                 "Congratulate them: it is on Today.")
    assert again["prospect"]["log"][-1]["type"] == "job_changed"
    [logged] = _changes(client, pid)
    assert logged["to_company"] == "Beta" and logged["from_company"] == "Acme"
    [item] = _congratulate(client)
    assert item["prospect_id"] == pid and item["reason"] == "Congratulate on the new role at Beta"
    assert item["draft_kind"] == "congratulations"
    html = client.get("/").get_data(as_text=True)  # the dashboard's Today lists it too
    assert "/today" in html
    today_html = client.get("/today").get_data(as_text=True)
    assert "Congratulate on the new role at Beta" in today_html
    assert "Data Analyst at Acme → Data Scientist at Beta (since 2026-03)" in client.get(f"/prospects/{pid}").get_data(
        as_text=True)

    drafts = client.get(f"/api/v1/prospects/{pid}/drafts", query_string={"kind": "congratulations"}).get_json()
    body = drafts["drafts"][0]["body"]
    assert "Congratulations" in body and "Beta" in body and "chat" not in body.lower()

    # The same page again is no new change; a message sent afterwards settles the Today item.
    assert _capture(client, AFTER).get_json()["job_change"] is None
    assert len(_changes(client, pid)) == 1
    client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "message_sent", "note": "congrats"})
    assert _congratulate(client) == []


def test_a_hand_edit_is_not_an_alert(client):
    pid = _capture(client, BEFORE).get_json()["prospect"]["id"]
    client.patch(f"/api/v1/prospects/{pid}", json={"current": {"title": "Founder", "company": "Own Co"}})
    assert _changes(client, pid) == [] and _congratulate(client) == []
    # A capture after the user's own edit leaves their version alone, so it cannot raise an alert either.
    assert _capture(client, AFTER).get_json()["job_change"] is None
    assert _changes(client, pid) == []


def test_prospects_changed_jobs_since(client):
    pid = _capture(client, BEFORE).get_json()["prospect"]["id"]
    bo = pages.profile([("Nurse", "Clinic", "Jan 2020 - Present")]).replace("ana-silva", "bo-tan")
    other = client.post("/api/v1/captures", json={"url": "https://www.linkedin.com/in/bo-tan/",
                                                  "html": bo.replace("Ana Silva", "Bo Tan")}).get_json()["prospect"]["id"]
    _capture(client, AFTER)
    today = date.today().isoformat()
    listed = client.get("/api/v1/prospects", query_string={"changed_since": today}).get_json()
    assert [p["id"] for p in listed["items"]] == [pid] and other != pid
    later = client.get("/api/v1/prospects", query_string={"changed_since": "2999-01-01"}).get_json()
    assert later["total"] == 0
    bad = client.get("/api/v1/prospects", query_string={"changed_since": "last week"})
    assert bad.status_code == 400 and "date" in bad.get_json()["error"]["message"]
    html = client.get("/", query_string={"changed_since": today}).get_data(as_text=True)
    assert "Ana Silva" in html and "Bo Tan" not in html


def test_first_sight_and_same_job_are_no_change():
    assert change_between({}, {"current": {"title": "CTO", "company": "Acme"}}) is None
    same = {"current": {"title": "CTO", "company": "ACME "}}
    assert change_between(same, {"current": {"title": "cto", "company": "Acme"}}) is None
    promoted = change_between(same, {"current": {"title": "CEO", "company": "Acme"}})
    assert promoted["to"] == "CEO at Acme" and promoted["to_company"] == "Acme"
