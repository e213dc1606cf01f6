"""CSRF, cross-site posts, GET never changes state, captured text escaped, CSP, HTML error pages."""

import os
import stat

import pytest
from dashboard_helpers import csrf_of, post_form, seed

from coffeechat.app import interactions

XSS = "<img src=x onerror=alert(1)>"

WRITES = [
    ("/prospects/bulk", {"action": "delete", "ids": "1", "confirm": "yes"}),
    ("/prospects/1/edit", {"stage": "declined"}),
    ("/prospects/1/interactions", {"action": "invitation_sent"}),
    ("/prospects/1/delete", {"confirm": "yes"}),
    ("/settings/me", {"name": "Mallory"}),
    ("/settings/rules", {"grace_days": "9"}),
    ("/settings/token", {}),
]


@pytest.mark.parametrize("path, data", WRITES)
def test_write_without_csrf_token_is_refused_and_changes_nothing(browser, store, people, path, data):
    before = store.export()
    r = browser.post(path, data=data, headers={"Origin": "http://127.0.0.1:5757"})
    assert r.status_code == 403 and r.mimetype == "text/html"
    assert store.export() == before


@pytest.mark.parametrize("path, data", WRITES)
def test_cross_site_post_is_refused_even_with_a_token(browser, store, people, path, data):
    token, before = csrf_of(browser), store.export()
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"},
                    {"Origin": "null", "Sec-Fetch-Site": "cross-site"}, {"Sec-Fetch-Site": "same-site"},
                    {"Origin": "http://127.0.0.1:5757", "Sec-Fetch-Site": "cross-site"}):
        r = browser.post(path, data={**data, "csrf_token": token}, headers=headers)
        assert r.status_code == 403, headers
    assert store.export() == before


def test_a_token_from_another_session_is_refused(app, browser, store, people):
    stolen = csrf_of(app.test_client())
    r = browser.post("/prospects/1/edit", data={"stage": "declined", "csrf_token": stolen})
    assert r.status_code == 403 and store.get(1)["stage"] == "saved"


def test_same_origin_post_with_token_works(browser, store, people):
    r = post_form(browser, "/prospects/1/edit", {"stage": "contacted"})
    assert r.status_code == 303 and store.get(1)["stage"] == "contacted"
    # What Chromium sends for our own forms: our Referrer-Policy (no-referrer) turns Origin into "null".
    r = browser.post("/prospects/1/edit", data={"stage": "replied", "csrf_token": csrf_of(browser)},
                     headers={"Origin": "null", "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 303 and store.get(1)["stage"] == "replied"


def test_get_never_changes_state(app, browser, store, people):
    store.put_setting("me", {"name": "Sam"})
    before, token_file = store.export(), (store.data_dir / "token").read_text()
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.rule.startswith(("/api/", "/static", "/assets")):
            continue
        path = rule.rule.replace("<int:prospect_id>", "1").replace("<fmt>", "json")
        r = browser.get(path)
        assert r.status_code < 500, path
    for write in WRITES:  # the write routes refuse GET outright
        assert browser.get(write[0]).status_code == 405
    assert store.export() == before and (store.data_dir / "token").read_text() == token_file


def test_captured_text_is_escaped_everywhere(browser, client, store):
    pid = seed(store, "public-2023", full_name=XSS, headline=XSS, about=XSS)
    store.patch(pid, {"notes": XSS, "tags": [XSS]})
    interactions.record(store, pid, "meeting_held", {"at": "2026-03-08T10:00", "note": XSS})  # so Today lists them
    for path in ("/", f"/prospects/{pid}", "/today", "/?q=img"):
        html = browser.get(path).get_data(as_text=True)
        assert XSS not in html, path
        assert "&lt;img src=x onerror=alert(1)&gt;" in html, path


def test_csp_forbids_inline_scripts_and_pages_have_none(browser, store, people):
    for path in ("/", "/today", "/settings", "/prospects/1"):
        r = browser.get(path)
        csp = r.headers["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        html = r.get_data(as_text=True)
        assert "<script>" not in html and " style=" not in html and " onclick=" not in html


def test_dashboard_errors_are_html_and_api_errors_stay_json(browser, client, store):
    for path in ("/prospects/42", "/no/such/page"):
        r = browser.get(path)
        assert r.status_code == 404 and r.mimetype == "text/html" and "Back to prospects" in r.get_data(as_text=True)
    assert client.get("/api/v1/prospects/42").get_json()["error"]["code"] == "not_found"
    assert client.get("/api/v1/nothing").get_json()["error"]["code"]


def test_an_unexpected_failure_is_an_html_page_without_details(app, browser, store, monkeypatch):
    from coffeechat.app import pages

    def broken(*args):
        raise KeyError("secret detail")
    monkeypatch.setattr(pages, "today_page", broken)
    r = browser.get("/today")
    assert r.status_code == 500 and r.mimetype == "text/html" and "secret detail" not in r.get_data(as_text=True)


def test_wrong_host_is_refused_on_dashboard_pages(app, store):
    r = app.test_client().get("/", base_url="http://evil.example:5757")
    assert r.status_code == 421 and b"evil.example" in r.data


def test_session_secret_is_kept_owner_only(app, store):
    path = store.data_dir / "session_secret"
    assert path.exists() and stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert app.secret_key == path.read_text().strip()


def test_session_cookie_is_httponly_and_samesite(browser, store):
    cookie = browser.get("/settings").headers["Set-Cookie"]
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_costly_downloads_refuse_other_sites(browser, people):
    for path in ("/export/markdown", "/export/json", "/export/csv", "/settings/backup"):
        assert browser.get(path, headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403, path
        assert browser.get(path, headers={"Sec-Fetch-Site": "same-site"}).status_code == 403, path
        assert browser.get(path, headers={"Sec-Fetch-Site": "same-origin"}).status_code == 200, path
        assert browser.get(path, headers={"Sec-Fetch-Site": "none"}).status_code == 200, path  # typed in the address bar


@pytest.mark.parametrize("target", ["javascript:alert(1)", "//evil.example/", "/\\evil.example", "https://evil.example/"])
def test_the_cancel_link_of_bulk_delete_stays_on_this_site(browser, people, target):
    r = post_form(browser, "/prospects/bulk", {"ids": [str(i) for i in people.values()], "action": "delete",
                                                "next": target})
    html = r.get_data(as_text=True)
    assert r.status_code == 200 and "Cancel" in html
    assert target not in html and 'href="/"' in html


def test_the_cancel_link_keeps_a_path_of_this_site(browser, people):
    r = post_form(browser, "/prospects/bulk", {"ids": [str(next(iter(people.values())))], "action": "delete",
                                                "next": "/?stage=saved"})
    assert 'href="/?stage=saved"' in r.get_data(as_text=True)
