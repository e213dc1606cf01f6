"""Capturing pages through the API: every shared profile becomes a prospect, re-captures merge."""

import pytest

from helpers import PROFILE_URLS, ROOT, capture, fixture_html

PROFILES = sorted(PROFILE_URLS)


@pytest.mark.parametrize("name", PROFILES)
def test_each_shared_profile_is_stored_with_name_and_headline(client, name):
    r = capture(client, name)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    prospect = body["prospect"]
    assert body["created"] is True and isinstance(prospect["id"], int)
    assert prospect["full_name"] and prospect["headline"]
    assert prospect["key"].startswith("https://www.linkedin.com/in/")
    assert prospect["stage"] == "saved"
    assert "full_name" in body["changed"]
    stored = client.get(f"/api/v1/prospects/{prospect['id']}").get_json()
    assert stored["full_name"] == prospect["full_name"]
    assert len(stored["captures"]) == 1


@pytest.mark.parametrize("name", PROFILES)
def test_capturing_again_updates_without_duplicating(client, name):
    first = capture(client, name).get_json()["prospect"]
    r = capture(client, name)
    assert r.status_code == 200
    body = r.get_json()
    assert body["created"] is False and body["changed"] == []
    assert body["prospect"]["id"] == first["id"]
    assert client.get("/api/v1/prospects").get_json()["total"] == 1
    assert len(client.get(f"/api/v1/prospects/{first['id']}").get_json()["captures"]) == 2


def test_full_parse_is_stored(client):
    prospect = capture(client, "profile-2026-first-degree").get_json()["prospect"]
    assert len(prospect["experience"]) >= 5
    assert prospect["education"] and prospect["skills"] and prospect["languages"]
    assert prospect["current"]["company"]


def test_details_subpage_and_profile_of_the_same_person_are_one_prospect(client):
    details = client.post("/api/v1/captures", json={
        "url": "https://www.linkedin.com/in/brunellifabio/details/skills/",
        "html": fixture_html("details-skills-2025")}).get_json()
    profile_html = (ROOT / "tests" / "fixtures" / "server" / "public-profile-small.html").read_text()
    r = client.post("/api/v1/captures", json={"url": "https://it.linkedin.com/in/BrunelliFabio?trk=x", "html": profile_html})
    assert r.status_code == 200, r.get_json()
    merged = r.get_json()["prospect"]
    assert merged["id"] == details["prospect"]["id"]
    assert merged["headline"] and len(merged["skills"]) >= 40
    assert client.get("/api/v1/prospects").get_json()["total"] == 1


def test_user_edits_survive_a_recapture(client):
    pid = capture(client, "profile-2022-self").get_json()["prospect"]["id"]
    client.patch(f"/api/v1/prospects/{pid}", json={"headline": "My own words", "stage": "contacted", "tags": ["eng"]})
    capture(client, "profile-2022-self")
    stored = client.get(f"/api/v1/prospects/{pid}").get_json()
    assert (stored["headline"], stored["stage"], stored["tags"]) == ("My own words", "contacted", ["eng"])
    assert [e["type"] for e in stored["log"]] == ["stage_changed"]


def test_repeated_idempotency_key_stores_nothing_new(client):
    first = capture(client, "profile-2022-self", idempotency_key="k-1")
    again = client.post("/api/v1/captures", headers={"Idempotency-Key": "k-1"},
                        json={"url": PROFILE_URLS["profile-2022-self"], "html": fixture_html("profile-2022-self")})
    assert first.status_code == 201 and again.status_code == 200
    assert again.get_json()["duplicate"] is True
    stored = client.get(f"/api/v1/prospects/{first.get_json()['prospect']['id']}").get_json()
    assert len(stored["captures"]) == 1


def test_search_page_saves_each_named_person(client):
    r = client.post("/api/v1/captures", json={
        "url": "https://www.linkedin.com/search/results/people/?keywords=director%20in%20energy",
        "html": fixture_html("search-2022-fragment")})
    assert r.status_code == 200, r.get_json()
    body = r.get_json()
    assert body["kind"] == "search-results"
    assert body["created"] == 2 and body["updated"] == 0
    assert any("LinkedIn Member" in w for w in body["warnings"])
    names = {p["full_name"] for p in client.get("/api/v1/prospects").get_json()["items"]}
    assert names == {"Fatih Birol", "Philippe DAVID"}


def test_company_page_is_understood(client):
    r = client.post("/api/v1/captures", json={"url": "https://www.linkedin.com/company/facebook/about/",
                                              "html": fixture_html("company-about-2018")})
    assert r.status_code == 200
    assert r.get_json()["company"]["company_name"] == "Facebook"
    assert client.get("/api/v1/prospects").get_json()["total"] == 0


def test_capture_response_carries_a_connection_note_and_dashboard_link(client):
    body = capture(client, "public-2023").get_json()
    note = body["connection_note"]
    assert note["kind"] == "connection_note" and "Dulitha" in note["body"]
    assert note["length"] <= note["limit"]
    assert body["dashboard_url"].endswith(f"/prospects/{body['prospect']['id']}")
