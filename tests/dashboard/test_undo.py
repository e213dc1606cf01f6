"""The dashboard's delete says what it did and offers Undo next to it for 10 minutes."""

import html
import re
from datetime import timedelta

from dashboard_helpers import csrf_of, post_form

from coffeechat.app import undo
from helpers import capture

LASTS = "Undo works for 10 minutes while coffeechat is running."


def _undo_form(page: str) -> dict[str, str]:
    """The Undo form's fields, read from the page like a browser would send them."""
    form = re.search(r'<form method="post" action="/prospects/undo-delete".*?</form>', page, re.S)
    assert form, page
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form.group(0)))
    assert 'aria-label="Undo the delete"' in form.group(0) and ">Undo</button>" in form.group(0)
    return {k: html.unescape(v) for k, v in fields.items()}


def _session(app, client) -> str:
    """What the browser's session cookie holds, decoded."""
    cookie = client.get_cookie(app.config["SESSION_COOKIE_NAME"], domain="127.0.0.1")
    return str(app.session_interface.get_signing_serializer(app).loads(cookie.value))


def test_delete_from_a_prospect_page_then_undo(app, client, browser):
    person = capture(client, "profile-2022-self").get_json()["prospect"]
    name = person["full_name"]
    r = post_form(browser, f"/prospects/{person['id']}/delete", {})
    page = r.get_data(as_text=True)
    assert r.status_code == 200 and "cannot be undone" not in page
    assert ("You can undo this for 10 minutes while coffeechat is running; after that it is gone for good."
            in page)
    r = post_form(browser, "/prospects/bulk", {"ids": str(person["id"]), "action": "delete", "confirm": "yes",
                                               "next": "/"})
    assert r.status_code == 303
    assert name not in _session(app, browser)  # the confirmation's names stay in the server's memory
    page = browser.get("/").get_data(as_text=True)
    assert f"Deleted {name} and their saved pages." in html.unescape(page) and LASTS in page
    form = _undo_form(page)
    assert form["next"] == "/?"
    assert client.get(f"/api/v1/prospects/{person['id']}").status_code == 404

    r = browser.post("/prospects/undo-delete", data=form, headers={"Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 303 and r.headers["Location"].startswith("/")
    page = html.unescape(browser.get("/").get_data(as_text=True))
    assert f"{name} is back." in page and f'/prospects/{person["id"]}"' in page
    assert client.get(f"/api/v1/prospects/{person['id']}").get_json()["full_name"] == name
    assert "Undo the delete" not in page  # the offer was shown once, with the confirmation


def test_bulk_delete_of_two_and_undo(client, browser):
    first = capture(client, "profile-2022-self").get_json()["prospect"]
    second = capture(client, "public-2023").get_json()["prospect"]
    ids = [str(first["id"]), str(second["id"])]
    post_form(browser, "/prospects/bulk", {"ids": ids, "action": "delete", "confirm": "yes", "next": "/"})
    page = html.unescape(browser.get("/").get_data(as_text=True))
    assert f"Deleted {first['full_name']} and {second['full_name']}, and their saved pages." in page
    r = browser.post("/prospects/undo-delete", data=_undo_form(page))
    assert r.status_code == 303
    page = html.unescape(browser.get("/").get_data(as_text=True))
    assert f"{first['full_name']} and {second['full_name']} are back." in page
    assert client.get("/api/v1/prospects").get_json()["total"] == 2


def test_undo_too_late_says_so_and_changes_nothing(app, client, browser):
    person = capture(client, "public-2023").get_json()["prospect"]
    post_form(browser, "/prospects/bulk", {"ids": str(person["id"]), "action": "delete", "confirm": "yes", "next": "/"})
    form = _undo_form(browser.get("/").get_data(as_text=True))
    holder = undo.recently_deleted(app.extensions["coffeechat_store"])
    later = holder.clock() + timedelta(minutes=11)
    holder.clock = lambda: later
    r = browser.post("/prospects/undo-delete", data=form)
    assert r.status_code == 303
    page = html.unescape(browser.get("/").get_data(as_text=True))
    assert "This delete can no longer be undone: undo lasts 10 minutes while coffeechat runs." in page
    assert client.get("/api/v1/prospects").get_json()["total"] == 0


def test_undo_needs_the_session_csrf_token(client, browser):
    person = capture(client, "public-2023").get_json()["prospect"]
    post_form(browser, "/prospects/bulk", {"ids": str(person["id"]), "action": "delete", "confirm": "yes", "next": "/"})
    form = _undo_form(browser.get("/").get_data(as_text=True))
    assert form["csrf_token"] == csrf_of(browser)
    r = browser.post("/prospects/undo-delete", data={**form, "csrf_token": "forged"})
    assert r.status_code == 403
    assert client.get("/api/v1/prospects").get_json()["total"] == 0
