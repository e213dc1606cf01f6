"""Undo a delete for 10 minutes: people come back whole, while nothing of them is on disk in between."""

from datetime import timedelta

import pytest
from test_delete_gone import GONE_NOTE, KEPT_NOTE, SEARCH_URL, _fill, _traces

from coffeechat.app import undo
from coffeechat.app.captures import reparse_all
from coffeechat.errors import Conflict
from helpers import capture, fixture_html


def _store(app):
    return app.extensions["coffeechat_store"]


def _move_clock(app, minutes: float) -> None:
    """Move the undo holder's clock forward (the store's data is not touched)."""
    holder = undo.recently_deleted(_store(app))
    start = holder.clock()
    holder.clock = lambda: start + timedelta(minutes=minutes)


def _undo(client, token):
    return client.post("/api/v1/prospects/undo-delete", json={"token": token})


def test_undo_brings_back_the_same_prospect_with_log_notes_page_and_referrals(client, app, data_dir):
    gone, kept = _fill(client)
    before = client.get(f"/api/v1/prospects/{gone['id']}").get_json()
    assert before["log"] and before["notes"] == GONE_NOTE and before["referred_by"] == kept["id"]
    needles = (gone["full_name"], GONE_NOTE, "gone@example.org", gone["key"])

    r = client.delete(f"/api/v1/prospects/{gone['id']}")
    assert r.status_code == 200
    body = r.get_json()
    assert body["deleted"] == gone["id"] and body["undo"]["token"] and body["undo"]["until"]
    # Undo is still possible, and yet no byte of the person is in any file of the data folder.
    assert undo.offer(_store(app), body["undo"]["token"]) is not None
    assert _traces(data_dir, *needles) == set()
    assert client.get(f"/api/v1/prospects/{kept['id']}").get_json()["referred_by"] is None

    r = _undo(client, body["undo"]["token"])
    assert r.status_code == 200, r.get_json()
    assert r.get_json() == {"restored": [gone["id"]]}
    assert client.get(f"/api/v1/prospects/{gone['id']}").get_json() == before
    assert client.get(f"/api/v1/prospects/{kept['id']}").get_json()["referred_by"] == gone["id"]
    assert _traces(data_dir, *needles) == set(needles)  # stored again, page included
    assert reparse_all(_store(app)) == {"prospects": 2, "captures": 2, "changed": 0, "failed": 0}
    found = client.get("/api/v1/prospects", query_string={"q": GONE_NOTE}).get_json()
    assert [p["id"] for p in found["items"]] == [gone["id"]]  # back in the search index


def test_a_restored_prospect_survives_a_restart(client, app, data_dir):
    from coffeechat.store import ProspectStore
    gone, _ = _fill(client)
    before = client.get(f"/api/v1/prospects/{gone['id']}").get_json()
    token = client.delete(f"/api/v1/prospects/{gone['id']}").get_json()["undo"]["token"]
    assert _undo(client, token).status_code == 200
    _store(app).close()
    store = ProspectStore(data_dir)
    try:
        assert store.get(gone["id"]) == before
        assert store.capture_html(before["captures"][0]["id"]) == fixture_html("profile-2022-self")
    finally:
        store.close()
    app.extensions["coffeechat_store"] = ProspectStore(data_dir)  # the fixture closes it


def test_undo_of_one_person_from_a_shared_search_page(client, app, data_dir):
    r = client.post("/api/v1/captures", json={"url": SEARCH_URL, "html": fixture_html("search-2022-fragment")})
    people = {p["full_name"]: p for p in r.get_json()["prospects"]}
    first, second = people["Fatih Birol"], people["Philippe DAVID"]
    token1 = client.delete(f"/api/v1/prospects/{first['id']}").get_json()["undo"]["token"]
    token2 = client.delete(f"/api/v1/prospects/{second['id']}").get_json()["undo"]["token"]
    assert not list((data_dir / "captures").glob("*.html.gz"))  # the last one took the shared page
    assert _undo(client, token1).status_code == 200
    pages = list((data_dir / "captures").glob("*.html.gz"))
    assert len(pages) == 1  # the same content-addressed page again
    assert reparse_all(_store(app)) == {"prospects": 1, "captures": 1, "changed": 0, "failed": 0}
    assert _undo(client, token2).status_code == 200
    assert len(list((data_dir / "captures").glob("*.html.gz"))) == 1
    assert reparse_all(_store(app))["failed"] == 0
    # Deleting one of them again keeps the page for the other.
    client.delete(f"/api/v1/prospects/{first['id']}")
    assert pages[0].exists()


def test_bulk_delete_and_undo_bring_everyone_back(client, app, data_dir):
    gone, kept = _fill(client)
    other = capture(client, "public-2023").get_json()["prospect"]
    ids = [gone["id"], kept["id"], other["id"]]
    before = {i: client.get(f"/api/v1/prospects/{i}").get_json() for i in ids}
    offer = undo.delete(_store(app), ids)
    assert offer["who"] == f"{before[ids[0]]['full_name']} and 2 others"
    assert client.get("/api/v1/prospects").get_json()["total"] == 0
    assert _traces(data_dir, gone["full_name"], kept["full_name"], GONE_NOTE, KEPT_NOTE, other["full_name"]) == set()
    r = _undo(client, offer["token"])
    assert r.status_code == 200 and sorted(r.get_json()["restored"]) == sorted(ids)
    after = {i: client.get(f"/api/v1/prospects/{i}").get_json() for i in ids}
    assert after == before  # the referral links between the deleted come back too
    assert reparse_all(_store(app))["failed"] == 0


def test_undo_after_ten_minutes_is_refused_and_changes_nothing(client, app, data_dir):
    gone, kept = _fill(client)
    token = client.delete(f"/api/v1/prospects/{gone['id']}").get_json()["undo"]["token"]
    _move_clock(app, 9.9)
    assert undo.offer(_store(app), token) is not None
    _move_clock(app, 10)
    listing = client.get("/api/v1/prospects").get_json()
    r = _undo(client, token)
    assert r.status_code == 410
    assert r.get_json()["error"]["message"] == ("This delete can no longer be undone: "
                                                "undo lasts 10 minutes while coffeechat runs.")
    assert client.get("/api/v1/prospects").get_json() == listing
    assert client.get(f"/api/v1/prospects/{gone['id']}").status_code == 404
    assert _traces(data_dir, gone["full_name"], GONE_NOTE) == set()
    # Past its time the copy is dropped from memory too.
    assert not undo.recently_deleted(_store(app))._held


@pytest.mark.parametrize("body", [{"token": "never-given"}, {"token": 5}, {"token": ["x"]}])
def test_an_unknown_undo_is_a_clear_4xx(client, body):
    capture(client, "public-2023")
    r = client.post("/api/v1/prospects/undo-delete", json=body)
    assert r.status_code == 410
    assert "can no longer be undone" in r.get_json()["error"]["message"]
    assert client.get("/api/v1/prospects").get_json()["total"] == 1


def test_undo_without_a_token_is_a_400(client):
    r = client.post("/api/v1/prospects/undo-delete", json={})
    assert r.status_code == 400 and "token" in r.get_json()["error"]["message"]


def test_undo_twice_is_refused(client):
    gone, _ = _fill(client)
    token = client.delete(f"/api/v1/prospects/{gone['id']}").get_json()["undo"]["token"]
    assert _undo(client, token).status_code == 200
    r = _undo(client, token)
    assert r.status_code == 409 and r.get_json()["error"]["message"] == "This delete was already undone."
    assert client.get("/api/v1/prospects").get_json()["total"] == 2


def test_a_person_saved_again_since_the_delete_is_not_duplicated(client, app):
    gone = capture(client, "profile-2022-self").get_json()["prospect"]
    token = client.delete(f"/api/v1/prospects/{gone['id']}").get_json()["undo"]["token"]
    again = capture(client, "profile-2022-self").get_json()["prospect"]
    assert again["id"] != gone["id"]
    r = _undo(client, token)
    assert r.status_code == 409 and "saved again" in r.get_json()["error"]["message"]
    assert client.get("/api/v1/prospects").get_json()["total"] == 1
    # A refused undo stays open: once the new copy is gone, the old one can come back.
    client.delete(f"/api/v1/prospects/{again['id']}")
    assert _undo(client, token).status_code == 200


def test_only_the_last_deletes_are_kept(app):
    store = _store(app)
    holder = undo.RecentlyDeleted(kept=3)
    page = store.save_page("<html>p</html>")
    tokens = []
    for i in range(5):
        url = f"https://www.linkedin.com/in/p{i}/"
        pid = store.save_capture({"kind": "profile", "full_name": f"P{i}"}, url, url, page)[0]["id"]
        tokens.append(holder.delete(store, [pid])["token"])
    assert [holder.offer(t) is not None for t in tokens] == [False, False, True, True, True]


def test_undo_holds_pages_gzipped_and_drops_the_oldest_past_the_memory_cap(app, monkeypatch):
    store = _store(app)
    holder = undo.RecentlyDeleted()
    tokens = []
    for i in range(3):
        url = f"https://www.linkedin.com/in/big{i}/"
        page = store.save_page(f"<html>{i}" + "<p>lots of page text</p>" * 20000 + "</html>")
        pid = store.save_capture({"kind": "profile", "full_name": f"Big {i}"}, url, url, page)[0]["id"]
        monkeypatch.setattr(undo, "HELD_BYTES", 2 * len(store.capture_packed(page)))
        tokens.append(holder.delete(store, [pid])["token"])
    held = holder._held[tokens[-1]]
    assert all(len(p) < 50_000 for p in held.pages.values())  # 480 KB of text kept as its gzipped file
    assert [holder.offer(t) is not None for t in tokens] == [False, True, True]
    back = holder.undo(store, tokens[-1])
    assert back["names"] == ["Big 2"]
    assert "lots of page text" in store.capture_html(store.get(back["restored"][0])["captures"][0]["id"])


def test_the_store_refuses_to_restore_over_an_existing_or_never_given_id(app):
    store = _store(app)
    page = store.save_page("<html>q</html>")
    url = "https://www.linkedin.com/in/q/"
    doc = store.save_capture({"kind": "profile", "full_name": "Q"}, url, url, page)[0]
    with pytest.raises(Conflict):
        store.restore_deleted([doc], {})
    with pytest.raises(Conflict):
        store.restore_deleted([{**doc, "id": 99, "key": "https://www.linkedin.com/in/other/"}], {})
    assert store.count() == 1
