"""What the extension sends along a save, what it records after, and the drafts it keeps."""

from helpers import capture


def test_tags_stage_and_note_are_applied_after_the_capture(client):
    body = capture(client, "profile-2022-self", tags=["ux", " research ", "ux"], stage="contacted",
                   note="Met at the meetup").get_json()
    p = body["prospect"]
    assert p["tags"] == ["ux", "research"] and p["stage"] == "contacted"
    assert [e["note"] for e in p["log"] if e["type"] == "note"] == ["Met at the meetup"]
    again = capture(client, "profile-2022-self", tags=["alumni"]).get_json()["prospect"]
    assert again["tags"] == ["ux", "research", "alumni"], "tags are added, never replaced"


def test_bad_save_options_store_nothing(client):
    r = capture(client, "profile-2022-self", stage="friends")
    assert r.status_code == 400 and "unknown stage" in r.get_json()["error"]["message"]
    assert capture(client, "profile-2022-self", tags="ux").status_code == 400
    assert client.get("/api/v1/prospects").get_json()["total"] == 0


def test_a_replayed_capture_does_not_apply_its_options_twice(client):
    first = capture(client, "profile-2022-self", idempotency_key="k-1", note="once").get_json()
    replay = capture(client, "profile-2022-self", idempotency_key="k-1", note="once").get_json()
    assert replay["duplicate"] is True
    notes = [e for e in client.get(f"/api/v1/prospects/{first['prospect']['id']}").get_json()["log"] if e["type"] == "note"]
    assert len(notes) == 1


def test_mark_as_sent_logs_the_text_and_moves_the_stage(client):
    pid = capture(client, "profile-2022-self").get_json()["prospect"]["id"]
    r = client.post(f"/api/v1/prospects/{pid}/interactions",
                    json={"action": "invitation_sent", "text": "Hi Kireet, edited by me"})
    assert r.status_code == 201
    p = r.get_json()
    assert p["stage"] == "contacted"
    assert [e["text"] for e in p["log"] if e["type"] == "invitation_sent"] == ["Hi Kireet, edited by me"]
    too_long = client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "message_sent", "text": "x" * 9000})
    assert too_long.status_code == 400


def test_edited_drafts_are_kept_per_kind(client):
    pid = capture(client, "profile-2022-self").get_json()["prospect"]["id"]
    r = client.put(f"/api/v1/prospects/{pid}/drafts/connection_note", json={"text": "My own note"})
    assert r.status_code == 200 and r.get_json()["draft_edits"] == {"connection_note": "My own note"}
    client.put(f"/api/v1/prospects/{pid}/drafts/message", json={"text": "My message"})
    assert client.put(f"/api/v1/prospects/{pid}/drafts/connection_note", json={"text": ""}).get_json()[
        "draft_edits"] == {"message": "My message"}
    assert client.put(f"/api/v1/prospects/{pid}/drafts/poem", json={"text": "x"}).status_code == 400
    assert client.put(f"/api/v1/prospects/{pid}/drafts/message", json={"text": 3}).status_code == 400
    assert client.patch(f"/api/v1/prospects/{pid}", json={"draft_edits": {"message": 1}}).status_code == 422
    again = capture(client, "profile-2022-self").get_json()["prospect"]
    assert again["draft_edits"] == {"message": "My message"}, "a capture never overwrites the user's edits"
