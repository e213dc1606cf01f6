"""Every dashboard page and its JSON twin; each filter and sort of the prospects list."""

import pytest
from dashboard_helpers import seed, utc
from markupsafe import escape

from coffeechat.app import interactions


@pytest.fixture
def pipeline_state(store, people):
    """A pipeline on 10 March 2026: one overdue thank-you, one due follow-up, one meeting on the 12th."""
    met, contacted, scheduled = people["profile-2022-self"], people["public-2023"], people["profile-2026-first-degree"]
    interactions.record(store, met, "meeting_held", {"at": "2026-03-07T10:00", "note": "learned about Gantry"})
    interactions.record(store, contacted, "invitation_sent", {"at": "2026-03-03T10:00"})
    interactions.record(store, scheduled, "meeting_scheduled", {"when": "2026-03-12T15:00", "where": "Zoom"})
    store.patch(met, {"tags": ["Founders", "sf"]})
    store.patch(contacted, {"tags": ["founders"]})
    return {"met": met, "contacted": contacted, "scheduled": scheduled, "saved": people["profile-2018-self"]}


def names(body) -> list[str]:
    return [p["full_name"] for p in body["items"]]


def test_prospects_page_lists_everyone_with_next_follow_up(browser, client, pipeline_state, store):
    html = browser.get("/").get_data(as_text=True)
    for p in store.all():
        assert escape(p["full_name"]) in html
    assert "Thank-you · 8 Mar 2026" in html and "due-overdue" in html
    body = client.get("/api/v1/prospects").get_json()
    by_id = {p["id"]: p for p in body["items"]}
    assert by_id[pipeline_state["met"]]["next_follow_up"]["rule"] == "thank_you"
    assert by_id[pipeline_state["met"]]["last_contact"] == utc("2026-03-07T10:00")
    # Just saved: the next step is to reach out (issue 15), dated the day it was saved.
    assert by_id[pipeline_state["saved"]]["next_follow_up"]["rule"] == "reach_out"


@pytest.mark.parametrize("query, expected", [
    ("stage=met", ["met"]), ("stage=contacted", ["contacted"]), ("tag=founders", ["contacted", "met"]),
    ("tag=SF", ["met"]), ("company=gantry", ["met"]), ("due=due", ["contacted", "met"]), ("due=overdue", ["met"]),
    ("q=janice", ["scheduled"]), ("due=due&tag=sf", ["met"]),
])
def test_each_filter_in_the_api_and_on_the_page(browser, client, pipeline_state, store, query, expected):
    want = sorted(store.get(pipeline_state[k])["full_name"] for k in expected)
    assert sorted(names(client.get(f"/api/v1/prospects?{query}").get_json())) == want
    html = browser.get(f"/?{query}").get_data(as_text=True)
    for p in store.all():
        assert (f">{escape(p['full_name'])}</a>" in html) == (p["full_name"] in want), (query, p["full_name"])


def test_sorts_including_next_due(client, pipeline_state, store):
    full = {k: store.get(v)["full_name"] for k, v in pipeline_state.items()}
    by_due = names(client.get("/api/v1/prospects?sort=next_due").get_json())
    # Thank-you due 8 Mar, follow-up due 10 Mar, prep due 11 Mar; the saved one (reach out) last.
    assert by_due == [full["met"], full["contacted"], full["scheduled"], full["saved"]]
    # The saved prospect's "Reach out" is due the day it was saved (the store's real clock, after 10 Mar).
    assert names(client.get("/api/v1/prospects?sort=-next_due").get_json()) == [
        full["saved"], full["scheduled"], full["contacted"], full["met"]]
    for field in ("name", "company", "stage", "created", "updated"):
        ascending = names(client.get(f"/api/v1/prospects?sort={field}").get_json())
        assert names(client.get(f"/api/v1/prospects?sort=-{field}").get_json()) == ascending[::-1], field
    assert names(client.get("/api/v1/prospects?sort=name").get_json()) == sorted(full.values(), key=str.lower)


def test_pagination_on_the_page(browser, store):
    for i in range(55):
        seed(store, "public-2023", url=f"https://www.linkedin.com/in/person-{i:02d}/", full_name=f"Person {i:02d}")
    first = browser.get("/?sort=name").get_data(as_text=True)
    assert "Person 00" in first and "Person 50" not in first and "1–50 of 55" in first and "Next →" in first
    second = browser.get("/?sort=name&offset=50").get_data(as_text=True)
    assert "Person 54" in second and "Person 00" not in second and "← Previous" in second


def test_bad_filters_are_explained(browser, client, store):
    assert client.get("/api/v1/prospects?due=someday").status_code == 400
    r = browser.get("/?sort=colour")
    assert r.status_code == 400 and r.mimetype == "text/html" and "cannot sort by" in r.get_data(as_text=True)


def test_today_page_and_its_json_twin(browser, client, pipeline_state, store):
    body = client.get("/api/v1/today").get_json()
    assert body["date"] == "2026-03-10"
    assert [(i["rule"], i["prospect_id"]) for i in body["overdue"]] == [("thank_you", pipeline_state["met"])]
    assert [(i["rule"], i["prospect_id"]) for i in body["due"]] == [("follow_up", pipeline_state["contacted"])]
    assert [(m["prospect_id"], m["when"]) for m in body["meetings"]] == [(pipeline_state["scheduled"], "2026-03-12T15:00")]
    html = browser.get("/today").get_data(as_text=True)
    assert f'/prospects/{pipeline_state["met"]}#draft-thank_you' in html
    assert f'/prospects/{pipeline_state["contacted"]}#draft-follow_up' in html
    assert store.get(pipeline_state["scheduled"])["full_name"] in html and "12 Mar 2026, 15:00" in html
    assert client.get("/api/v1/followups/today").get_json() == {"due": 2}


def test_referral_thanks_show_on_today_for_the_referrer(browser, client, store, people):
    referrer, referred = people["public-2023"], people["profile-2022-self"]
    interactions.record(store, referrer, "referral_given", {"prospect_id": referred})
    interactions.record(store, referred, "meeting_held", {"at": "2026-03-09T10:00"})
    due = client.get("/api/v1/today").get_json()["due"]
    thanks = [i for i in due if i["rule"] == "referral_thanks"]
    assert [(i["prospect_id"], i["referred_id"]) for i in thanks] == [(referrer, referred)]
    page = client.get(f"/api/v1/prospects/{referred}/page").get_json()
    assert page["referrer"]["id"] == referrer
    assert client.get(f"/api/v1/prospects/{referrer}/page").get_json()["referred"][0]["id"] == referred
    html = browser.get(f"/prospects/{referrer}").get_data(as_text=True)
    assert "Referred you to:" in html and "Thank the referrer" in html


def test_prospect_page_and_its_json_twin(browser, client, pipeline_state, store):
    pid = pipeline_state["met"]
    body = client.get(f"/api/v1/prospects/{pid}/page").get_json()
    assert body["prospect"]["id"] == pid and body["follow_ups"][0]["rule"] == "thank_you"
    html = browser.get(f"/prospects/{pid}").get_data(as_text=True)
    p = store.get(pid)
    assert p["full_name"] in html and p["experience"][0]["company"] in html
    assert "learned about Gantry" in html and 'id="log"' in html and 'id="notes"' in html
    if body["drafts"]:
        kinds = {d["kind"] for d in body["drafts"]}
        assert all(f'id="draft-{k}"' in html for k in kinds) and "data-copy" in html
    assert browser.get("/prospects/999").status_code == 404


def test_settings_page_and_its_json_twin(browser, client, store, token):
    body = client.get("/api/v1/settings").get_json()
    assert body["token"] == token and body["rules"]["follow_up_after_days"] == 7 and "me" in body
    assert isinstance(body["templates"], list)
    html = browser.get("/settings").get_data(as_text=True)
    assert token in html and str(store.data_dir) in html and 'href="/export/ics"' in html
    assert client.put("/api/v1/settings/rules", json={"follow_up_after_days": 5}).get_json()["follow_up_after_days"] == 5
    assert client.put("/api/v1/settings/rules", json={"follow_up_after_days": -5}).status_code == 400
    assert client.get("/api/v1/settings").get_json()["rules"]["follow_up_after_days"] == 5


def test_interactions_api_moves_the_stage(client, store, people):
    pid = people["public-2023"]
    r = client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "invitation_sent"})
    assert r.status_code == 201 and r.get_json()["stage"] == "contacted"
    assert client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "dance"}).status_code == 400


def test_pages_need_no_token_but_their_json_twins_do(browser, anon, store):
    for path in ("/", "/today", "/settings"):
        assert browser.get(path).status_code == 200
    for path in ("/api/v1/today", "/api/v1/settings", "/api/v1/followups/today"):
        assert anon.get(path).status_code == 401
