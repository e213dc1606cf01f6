"""The dashboard in a real headless Chromium against the real server (fixtures from tests/browser/conftest.py)."""

import re
from datetime import date, datetime, timedelta

import pytest
from playwright.sync_api import Page, expect

from helpers import PROFILE_URLS, fixture_html

pytestmark = pytest.mark.browser

XSS = "<img src=x onerror=alert(1)>"
WIDTHS = (1280, 800)


@pytest.fixture
def server(coffeechat_server):
    """The server with the four profile fixtures captured through the API, as the extension sends them."""
    for name, url in sorted(PROFILE_URLS.items()):
        status, body = coffeechat_server.request("POST", "/api/v1/captures", {"url": url, "html": fixture_html(name)})
        assert status in (200, 201), body
    return coffeechat_server


@pytest.fixture
def page(browser_context, server):
    """A dashboard tab that records dialogs and console errors (neither may happen)."""
    page = browser_context.new_page()
    page.events = []
    page.on("dialog", lambda d: (page.events.append(f"dialog: {d.message}"), d.dismiss()))
    page.on("console", lambda m: m.type == "error" and page.events.append(f"console: {m.text}"))
    page.on("pageerror", lambda e: page.events.append(f"pageerror: {e}"))
    return page


def shoot(page: Page, artifacts_dir, name: str) -> None:
    """Screenshots at both widths the dashboard must work at: the whole page, and the first screenful."""
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=str(artifacts_dir / f"dashboard-{name}-{width}.png"), full_page=True)
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(artifacts_dir / f"dashboard-{name}-{width}-top.png"))
    page.set_viewport_size({"width": 1280, "height": 900})


def row(page: Page, name: str):
    return page.locator("table.prospects tbody tr", has=page.get_by_role("link", name=name, exact=True))


def test_filter_stage_meeting_today_copy_and_delete(page, server, artifacts_dir):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=server.url)
    kireet = next(p["id"] for p in server.prospects() if p["full_name"] == "Kireet Agrawal")
    held = (datetime.now() - timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    status, _ = server.request("POST", f"/api/v1/prospects/{kireet}/interactions",
                               {"action": "meeting_held", "at": held, "note": "Talked about infra teams"})
    assert status == 201
    tomorrow = date.today() + timedelta(days=1)
    page.goto(server.url + "/")
    expect(page.locator("table.prospects tbody tr")).to_have_count(4)

    page.get_by_label("Search").fill("janice")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator("table.prospects tbody tr")).to_have_count(1)
    page.get_by_role("link", name="Janice Jiang", exact=True).click()
    expect(page.locator("h1[data-name]")).to_have_text("Janice Jiang")

    # Change the stage.
    page.locator("#stage select[name=stage]").select_option("contacted")
    page.locator("#stage").get_by_role("button", name="Save").click()
    expect(page.locator(".page-head .stage")).to_have_text("Contacted")

    # Add a meeting through the log form: the date fields appear only for "Meeting scheduled".
    form = page.locator("form[data-interaction]")
    expect(form.get_by_label("Meeting date and time")).to_be_hidden()
    form.get_by_label("What happened").select_option("meeting_scheduled")
    form.get_by_label("Meeting date and time").fill(f"{tomorrow.isoformat()}T10:30")
    form.get_by_label("Where").fill("Video call")
    form.get_by_role("button", name="Add to log").click()
    expect(page.locator(".page-head .stage")).to_have_text("Scheduled")
    shown = f"{tomorrow.day} {tomorrow:%b %Y}, 10:30"
    expect(page.locator("#log ol.log")).to_contain_text(shown)
    shoot(page, artifacts_dir, "prospect")

    # Copy a draft: the clipboard holds exactly the text shown, and the counter matches it.
    # Scheduled: the next step is to prepare, so every draft is folded; unfold the first.
    page.locator("details.draft-fold > summary").first.click()
    draft = page.locator("article.draft").first
    body = draft.locator("textarea.draft-body").input_value()
    assert body and "None" not in body
    expect(draft.locator("[data-counter]")).to_contain_text(f"{len(body)}")
    draft.get_by_role("button", name="Copy").click()
    expect(draft.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == body
    draft.locator("textarea.draft-body").fill(body + "!")
    expect(draft.locator("[data-counter]")).to_contain_text(f"{len(body) + 1}")

    # Today: the meeting, its prep reminder, and the overdue thank-you one click from its draft.
    page.get_by_role("navigation").get_by_role("link", name="Today").click()
    meetings = page.locator("section.card", has=page.get_by_role("heading", name="Meetings in the next days"))
    expect(meetings).to_contain_text("Janice Jiang")
    expect(meetings).to_contain_text(shown)
    expect(page.locator("li.item", has_text="Janice Jiang").first).to_contain_text("Prepare")
    shoot(page, artifacts_dir, "today")
    overdue = page.locator("li.item", has_text="Kireet Agrawal")
    expect(overdue).to_contain_text("overdue")
    overdue.get_by_role("link", name="Open thank-you draft").click()
    expect(page.locator("#draft-thank_you textarea")).to_be_visible()
    assert page.url.endswith("#draft-thank_you")

    # Delete, with the confirmation step.
    page.goto(server.url + "/?sort=next_due")
    expect(row(page, "Janice Jiang")).to_contain_text("Prepare")
    shoot(page, artifacts_dir, "prospects")
    page.get_by_role("link", name="Janice Jiang", exact=True).click()
    page.get_by_role("button", name="Delete this prospect…").click()
    expect(page.get_by_role("heading", name="Delete 1 prospect?")).to_be_visible()
    page.get_by_role("button", name="Delete", exact=True).click()
    expect(page.locator(".flash-ok")).to_contain_text("Deleted")
    expect(page.locator("table.prospects tbody tr")).to_have_count(3)
    assert "Janice Jiang" not in [p["full_name"] for p in server.prospects()]
    assert page.events == []


def test_xss_profile_shows_as_text_and_no_script_runs(page, server, artifacts_dir):
    victim = next(p for p in server.prospects() if p["full_name"] == "Kireet Agrawal")
    status, _ = server.request("PATCH", f"/api/v1/prospects/{victim['id']}",
                               {"full_name": XSS, "headline": XSS, "notes": XSS, "tags": [XSS]})
    assert status == 200
    page.goto(server.url + "/")
    expect(page.get_by_role("link", name=XSS, exact=True).first).to_be_visible()  # the name (its tag chip is a link too)
    page.get_by_role("link", name=XSS, exact=True).first.click()
    expect(page.locator("h1[data-name]")).to_have_text(XSS)
    expect(page.locator("#your-notes textarea")).to_have_value(XSS)
    assert page.locator("img[src=x]").count() == 0
    page.screenshot(path=str(artifacts_dir / "dashboard-xss.png"), full_page=True)
    page.get_by_role("navigation").get_by_role("link", name="Settings").click()
    expect(page.get_by_label("Pairing token")).to_have_value(server.token)
    shoot(page, artifacts_dir, "settings")
    assert page.events == []


def test_cross_site_form_post_to_a_write_route_is_refused(page, server):
    victim = server.prospects()[0]["id"]
    attack = (f'<form method="post" action="{server.url}/prospects/{victim}/delete">'
              '<input name="confirm" value="yes"><button id="go">win a prize</button></form>')
    page.context.route("https://evil.example/**", lambda route: route.fulfill(body=attack, content_type="text/html"))
    page.goto("https://evil.example/")
    with page.expect_response(re.compile(rf"/prospects/{victim}/delete$")) as answer:
        page.click("#go")
    assert answer.value.status == 403
    assert victim in [p["id"] for p in server.prospects()]
