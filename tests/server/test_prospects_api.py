"""Listing, reading, editing and deleting prospects through the API."""

from datetime import date

import pytest

from helpers import PROFILE_URLS, LocalClient, capture


@pytest.fixture
def four(client):
    return {name: capture(client, name).get_json()["prospect"]["id"] for name in sorted(PROFILE_URLS)}


def test_list_search_filter_sort_and_page(client, four):
    body = client.get("/api/v1/prospects").get_json()
    assert body["total"] == 4 and len(body["items"]) == 4
    assert client.get("/api/v1/prospects?q=janice").get_json()["total"] == 1
    assert client.get("/api/v1/prospects?q=GANTRY").get_json()["total"] == 1
    client.patch(f"/api/v1/prospects/{four['public-2023']}", json={"stage": "replied", "tags": ["founders"]})
    assert [p["id"] for p in client.get("/api/v1/prospects?stage=replied").get_json()["items"]] == [four["public-2023"]]
    assert client.get("/api/v1/prospects?tag=Founders").get_json()["total"] == 1
    names = [p["full_name"] for p in client.get("/api/v1/prospects?sort=name").get_json()["items"]]
    assert names == sorted(names, key=str.lower)
    names_desc = [p["full_name"] for p in client.get("/api/v1/prospects?sort=-name").get_json()["items"]]
    assert names_desc == names[::-1]
    page = client.get("/api/v1/prospects?sort=name&limit=2&offset=2").get_json()
    assert [p["full_name"] for p in page["items"]] == names[2:] and page["total"] == 4


@pytest.mark.parametrize("query", ["stage=nope", "sort=colour", "limit=0", "limit=x", "offset=-1"])
def test_bad_list_parameters_are_400(client, query):
    r = client.get(f"/api/v1/prospects?{query}")
    assert r.status_code == 400 and r.get_json()["error"]["message"]


def test_patch_validates_and_logs_stage_changes(client, four):
    pid = four["profile-2022-self"]
    r = client.patch(f"/api/v1/prospects/{pid}", json={"stage": "contacted", "notes": "met at meetup"})
    assert r.status_code == 200 and r.get_json()["stage"] == "contacted"
    assert r.get_json()["log"][-1]["to"] == "contacted"
    for bad in ({"stage": "hired"}, {"tags": "x"}, {"id": 3}, {"referred_by": 999}, {"referred_by": pid}, {}):
        r = client.patch(f"/api/v1/prospects/{pid}", json=bad)
        assert r.status_code == 400, bad
    assert client.get(f"/api/v1/prospects/{pid}").get_json()["notes"] == "met at meetup"


def test_referral_link_and_delete_removes_everywhere(client, four, data_dir):
    a, b = four["profile-2022-self"], four["public-2023"]
    client.patch(f"/api/v1/prospects/{b}", json={"referred_by": a})
    client.post(f"/api/v1/prospects/{a}/interactions",
                json={"action": "meeting_scheduled", "when": f"{date.today().year + 2}-01-05T10:00:00+00:00"})
    formats = ("json", "csv", "vcard", "ics", "markdown")
    for fmt in formats:
        assert "Kireet" in client.get(f"/api/v1/export?format={fmt}").get_data(as_text=True), fmt
    files_before = list((data_dir / "captures").iterdir())
    assert client.delete(f"/api/v1/prospects/{a}").status_code == 200
    assert client.get(f"/api/v1/prospects/{a}").status_code == 404
    assert client.get(f"/api/v1/prospects/{b}").get_json()["referred_by"] is None
    assert len(list((data_dir / "captures").iterdir())) == len(files_before) - 1
    for fmt in formats:
        assert "Kireet" not in client.get(f"/api/v1/export?format={fmt}").get_data(as_text=True), fmt
    assert "Kireet" not in client.get("/api/v1/today").get_data(as_text=True)
    assert client.delete(f"/api/v1/prospects/{a}").status_code == 404


def test_interactions_are_logged(client, four):
    pid = four["profile-2022-self"]
    r = client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "meeting_held", "note": "talked about infra"})
    held = [e for e in r.get_json()["log"] if e["type"] == "meeting_held"]
    assert r.status_code == 201 and held[-1]["note"] == "talked about infra"
    assert client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "party"}).status_code == 400


def test_export_import_round_trip_through_the_api(client, four, tmp_path):
    from coffeechat.pairing import get_token
    from coffeechat.webapp import create_app
    backup = client.get("/api/v1/export?format=json")
    assert backup.mimetype == "application/json"
    assert "attachment" in backup.headers["Content-Disposition"]
    other_dir = tmp_path / "other"
    app2 = create_app({"data_dir": other_dir, "port": 5757})
    app2.test_client_class = LocalClient
    try:
        c2 = app2.test_client()
        c2.environ_base.update(HTTP_AUTHORIZATION=f"Bearer {get_token(other_dir)}", HTTP_HOST="127.0.0.1:5757")
        assert c2.post("/api/v1/import", data=backup.get_data(), content_type="application/json").status_code == 201
        assert c2.get("/api/v1/export?format=json").get_data() == backup.get_data()
        again = c2.post("/api/v1/import", data=backup.get_data(), content_type="application/json")
        assert again.status_code == 400 and "empty" in again.get_json()["error"]["message"]
    finally:
        app2.extensions["coffeechat_store"].close()
