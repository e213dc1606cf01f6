"""The drafts API: the reasons to choose from, ?reason= to lead with one, took_away from the form."""

from helpers import capture


def _profile(client):
    client.put("/api/v1/me", json={
        "name": "Robin Alvarez", "current_role": "High school science teacher",
        "goal": "move from teaching into UX research", "schools": "University of California, Berkeley",
        "signature": "Robin Alvarez\nrobin@example.com"})


def test_drafts_list_reasons_and_lead_with_the_one_asked_for(client):
    _profile(client)
    pid = capture(client, "profile-2022-self").get_json()["prospect"]["id"]
    body = client.get(f"/api/v1/prospects/{pid}/drafts").get_json()
    reasons = body["reasons"]
    assert reasons[0] == {"id": "shared_school", "label": "You both studied at University of California, Berkeley",
                          "chosen": True}
    assert [d["kind"] for d in body["drafts"]] == ["connection_note", "message", "inmail", "email"]
    assert body["drafts"][1]["body"].endswith("Robin Alvarez\nrobin@example.com")
    other = reasons[1]["id"]
    note = client.get(f"/api/v1/prospects/{pid}/drafts?kind=connection_note&reason={other}").get_json()
    assert [r["id"] for r in note["reasons"] if r["chosen"]] == [other]
    assert "studied" not in note["drafts"][0]["body"].split(".")[1]
    bad = client.get(f"/api/v1/prospects/{pid}/drafts?reason=horoscope")
    assert bad.status_code == 400 and "horoscope" in bad.get_json()["error"]["message"]


def test_what_you_took_away_reaches_the_thank_you(client):
    _profile(client)
    pid = capture(client, "profile-2022-self").get_json()["prospect"]["id"]
    took = "your advice to start with one small internal tool gave me a first project"
    logged = client.post(f"/api/v1/prospects/{pid}/interactions", json={
        "action": "meeting_held", "note": "Kireet said he learned the codebase through tools", "took_away": took})
    assert logged.status_code == 201
    body = client.get(f"/api/v1/prospects/{pid}/drafts").get_json()
    kinds = [d["kind"] for d in body["drafts"]]
    assert "thank_you" in kinds and "keep_in_touch" in kinds and "follow_up" not in kinds
    thanks = next(d for d in body["drafts"] if d["kind"] == "thank_you")
    assert "Your advice to start with one small internal tool gave me a first project." in thanks["body"]
    assert "Kireet said" not in thanks["body"]
