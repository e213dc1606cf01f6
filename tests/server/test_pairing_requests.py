"""Pairing by approval: requests from the extension only, answered on the dashboard, read once, expiring."""

import re

import pytest

from coffeechat.pairing_requests import MAX_PENDING, PairingError, PairingRequests

EXTENSION = "chrome-extension://abcdefghijklmnopabcdefghijklmnop"
OTHER_EXTENSION = "chrome-extension://ponmlkjihgfedcbaponmlkjihgfedcba"
DASHBOARD = {"Origin": "http://127.0.0.1:5757", "Sec-Fetch-Site": "same-origin"}


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def _create(anon, origin=EXTENSION, **headers):
    return anon.post("/api/v1/pairing/requests", json={"browser": "Chromium on Linux"},
                     headers={"Origin": origin, **headers} if origin else headers)


def _poll(anon, poll_id, origin=EXTENSION):
    return anon.post(f"/api/v1/pairing/requests/{poll_id}/answer", json={}, headers={"Origin": origin})


def _answer(browser, request_id, decision):
    page = browser.get(f"/pair/{request_id}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    return browser.post(f"/pair/{request_id}", data={"csrf_token": csrf, "decision": decision}, headers=DASHBOARD)


def test_allow_hands_the_token_to_the_creator_once(app, anon, token):
    created = _create(anon)
    assert created.status_code == 201
    body = created.get_json()
    assert re.fullmatch(r"[A-Z2-9]{3}-[A-Z2-9]{3}", body["code"]) and "token" not in body
    assert body["approve_url"] == f"http://127.0.0.1:5757/pair/{body['id']}"
    assert _poll(anon, body["poll_id"]).get_json()["status"] == "pending"

    browser = app.test_client()
    page = browser.get(f"/pair/{body['id']}").get_data(as_text=True)
    assert body["code"] in page and "Chromium on Linux" in page and body["poll_id"] not in page
    assert token not in page
    done = _answer(browser, body["id"], "allow")
    assert done.status_code == 200 and "connected" in done.get_data(as_text=True)

    assert _poll(anon, body["poll_id"], OTHER_EXTENSION).status_code == 404, "another extension reads nothing"
    answer = _poll(anon, body["poll_id"]).get_json()
    assert answer == {"status": "approved", "code": body["code"], "token": token}
    assert _poll(anon, body["poll_id"]).status_code == 404, "the token is handed out once"


def test_deny_gives_no_token(app, anon):
    body = _create(anon).get_json()
    assert _answer(app.test_client(), body["id"], "deny").status_code == 200
    assert _poll(anon, body["poll_id"]).get_json() == {"status": "denied", "code": body["code"]}


@pytest.mark.parametrize("origin", [None, "https://evil.example", "null", "http://127.0.0.1:5757"])
def test_only_the_extension_origin_can_create_or_read(anon, origin):
    refused = _create(anon, origin)
    assert refused.status_code == 403 and refused.get_json()["error"]["code"] == "forbidden_origin"
    poll_id = _create(anon).get_json()["poll_id"]
    assert _poll(anon, poll_id, origin).status_code == 403


def test_a_cross_site_form_cannot_answer(app, anon):
    body = _create(anon).get_json()
    browser = app.test_client()
    browser.get(f"/pair/{body['id']}")
    evil = browser.post(f"/pair/{body['id']}", data={"decision": "allow"},
                        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"})
    assert evil.status_code == 403
    no_csrf = browser.post(f"/pair/{body['id']}", data={"decision": "allow"}, headers=DASHBOARD)
    assert no_csrf.status_code == 403
    assert _poll(anon, body["poll_id"]).get_json()["status"] == "pending"


def test_an_expired_request_cannot_be_approved(app, anon):
    clock = Clock()
    app.extensions["coffeechat_pairing"].clock = clock
    body = _create(anon).get_json()
    browser = app.test_client()
    page = browser.get(f"/pair/{body['id']}").get_data(as_text=True)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    clock.now += 301
    late = browser.post(f"/pair/{body['id']}", data={"csrf_token": csrf, "decision": "allow"}, headers=DASHBOARD)
    assert late.status_code == 410 and "expired" in late.get_data(as_text=True)
    assert "expired" in browser.get(f"/pair/{body['id']}").get_data(as_text=True)
    assert _poll(anon, body["poll_id"]).get_json() == {"status": "expired", "code": body["code"]}


def test_requests_are_rate_limited():
    requests = PairingRequests(clock=Clock())
    for _ in range(MAX_PENDING):
        requests.create("b", EXTENSION)
    with pytest.raises(PairingError) as err:
        requests.create("b", EXTENSION)
    assert err.value.status == 429


def test_rate_limit_over_the_api_is_a_429_with_a_message(anon):
    answers = [_create(anon).status_code for _ in range(MAX_PENDING + 1)]
    assert answers[-1] == 429 and set(answers[:-1]) == {201}
    assert "wait a minute" in _create(anon).get_json()["error"]["message"]


def test_an_answered_request_cannot_be_answered_again(app, anon):
    body = _create(anon).get_json()
    browser = app.test_client()
    _answer(browser, body["id"], "deny")
    assert "already answered" in browser.get(f"/pair/{body['id']}").get_data(as_text=True)


def test_unknown_request_page_is_a_404(app):
    assert app.test_client().get("/pair/nothing-here").status_code == 404
