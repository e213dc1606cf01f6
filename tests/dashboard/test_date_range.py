"""Issue 11, item 3: one date must not take the dashboard down. Dates outside 1950 to ten years ahead are
refused; such a date stored by an older version is shown, and every page keeps working."""

import json
from datetime import date

import pytest
from dashboard_helpers import NOW, post_form, seed

from coffeechat.pairing import get_token
from coffeechat.timeline.days import add_days
from coffeechat.webapp import create_app
from helpers import LocalClient

FAR = "9999-12-31T23:59"
EARLY = "0001-01-01T00:00+14:00"


@pytest.mark.parametrize("body", [
    {"action": "meeting_scheduled", "when": FAR},
    {"action": "meeting_scheduled", "when": "1949-12-31T10:00"},
    {"action": "note", "note": "hello", "at": EARLY},
    {"action": "reply_received", "at": FAR},
], ids=["when-9999", "when-1949", "at-0001", "at-9999"])
def test_an_out_of_range_date_is_refused_and_nothing_is_stored(client, store, people, body):
    pid = people["profile-2022-self"]
    before = client.get(f"/api/v1/prospects/{pid}").get_json()
    r = client.post(f"/api/v1/prospects/{pid}/interactions", json=body)
    assert r.status_code == 400, r.get_json()
    message = r.get_json()["error"]["message"]
    assert "out of range" in message and "1950" in message and ("when" in message or "at" in message)
    assert client.get(f"/api/v1/prospects/{pid}").get_json() == before
    assert client.get("/api/v1/followups/today").status_code == 200


def test_a_year_typo_in_the_dashboard_form_is_refused(browser, store, people):
    pid = people["public-2023"]
    r = post_form(browser, f"/prospects/{pid}/interactions",
                  {"action": "meeting_scheduled", "when": "20260-03-04T15:30"})
    assert r.status_code == 400
    r = post_form(browser, f"/prospects/{pid}/interactions", {"action": "meeting_scheduled", "when": "2926-03-04T15:30"})
    assert r.status_code == 400 and "out of range" in r.get_data(as_text=True)
    assert not any(e["type"] == "meeting_scheduled" for e in store.get(pid)["log"])
    assert browser.get(f"/prospects/{pid}").status_code == 200


def test_a_date_within_range_is_accepted(client, store, people):
    pid = people["public-2023"]
    when = f"{add_days(date.today(), 365 * 9):%Y-%m-%d}T10:00"
    assert client.post(f"/api/v1/prospects/{pid}/interactions",
                       json={"action": "meeting_scheduled", "when": when}).status_code == 201


def _poison(data_dir) -> dict[str, int]:
    """Write log entries with out-of-range dates straight into the snapshot, as an older version could."""
    path = data_dir / "coffeechat.json"
    data = json.loads(path.read_bytes())
    prospects = data["tables"]["prospects"]
    ids = sorted(prospects, key=int)
    plans = {
        "meeting_far": [{"type": "meeting_scheduled", "at": "2026-03-01T10:00:00+00:00", "when": FAR, "id": "a1"}],
        "held_far": [{"type": "meeting_held", "at": "9999-12-31T23:59:00+00:00", "id": "a2"}],
        "early": [{"type": "invitation_sent", "at": "0001-01-01T00:00:00+14:00", "id": "a3"},
                  {"type": "meeting_scheduled", "at": EARLY, "when": "0001-01-01T00:00", "id": "a4"}],
        "thanked_far": [{"type": "thank_you_sent", "at": "9999-12-31T23:59:59+00:00", "id": "a5"}],
    }
    stages = {"meeting_far": "scheduled", "held_far": "met", "early": "contacted", "thanked_far": "thanked"}
    out = {}
    for doc_id, (name, log) in zip(ids, plans.items()):
        prospects[doc_id]["log"] = log
        prospects[doc_id]["stage"] = stages[name]
        prospects[doc_id]["updated_at"] = "9999-12-31T23:59:59+00:00"
        out[name] = int(doc_id)
    path.write_text(json.dumps(data), encoding="utf-8")
    return out


def test_stored_out_of_range_dates_are_shown_and_every_page_loads(app, store, people):
    data_dir = store.data_dir
    store.close()
    poisoned = _poison(data_dir)
    app = create_app({"data_dir": data_dir, "port": 5757})
    app.config["COFFEECHAT_CLOCK"] = lambda: NOW
    app.test_client_class = LocalClient
    try:
        api = app.test_client()
        api.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {get_token(data_dir)}"
        browser = app.test_client()
        assert app.extensions["coffeechat_store"].warnings == []  # a far date is a date: shown, not set aside
        for path in ("/", "/today", "/settings", "/?sort=next_due", "/?due=due"):
            assert browser.get(path).status_code == 200, path
        for path in ("/api/v1/prospects", "/api/v1/prospects?sort=next_due", "/api/v1/today", "/api/v1/followups/today",
                     "/api/v1/settings"):
            assert api.get(path).status_code == 200, path
        for fmt in ("json", "csv", "vcard", "ics", "markdown"):
            assert api.get(f"/api/v1/export?format={fmt}").status_code == 200, fmt
            assert browser.get(f"/export/{fmt}", headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200, fmt
        for pid in poisoned.values():
            page = browser.get(f"/prospects/{pid}")
            assert page.status_code == 200, pid
            for path in ("/page", "/drafts", "/notes"):
                assert api.get(f"/api/v1/prospects/{pid}{path}").status_code == 200, (pid, path)
        assert "9999" in browser.get(f"/prospects/{poisoned['meeting_far']}").get_data(as_text=True)
        # The broken prospect can be deleted from the dashboard.
        pid = poisoned["meeting_far"]
        r = post_form(browser, f"/prospects/{pid}/delete", {"confirm": "yes"})
        assert r.status_code == 303
        assert api.get(f"/api/v1/prospects/{pid}").status_code == 404
        ids = [str(i) for i in poisoned.values() if i != pid]
        r = post_form(browser, "/prospects/bulk", {"action": "delete", "ids": ids})
        assert r.status_code == 200 and "Delete" in r.get_data(as_text=True)  # the confirmation page shows them
    finally:
        app.extensions["coffeechat_store"].close()


def test_add_days_stops_at_the_ends_of_the_calendar():
    assert add_days(date(9999, 12, 30), 5) == date.max
    assert add_days(date(1, 1, 2), -5) == date.min
    assert add_days(date(2026, 3, 1), 2) == date(2026, 3, 3)


def test_seeded_store_is_untouched_by_refusals(store, people):
    # seed() writes through the same store path the checks guard: a well-formed capture goes in.
    assert seed(store, "profile-2018-self", url="https://www.linkedin.com/in/someone-else/") > 0
