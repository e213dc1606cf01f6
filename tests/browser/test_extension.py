"""The extension end to end: real headless Chromium, the unpacked extension, the real server,
and the saved LinkedIn pages served as if from https://www.linkedin.com."""

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

PROFILE = "/in/janice-jiang-508bba21b/"
PROFILE_NAME = "Janice Jiang"
SEARCH = "/search/results/people/?keywords=director%20in%20energy"
# The named results of the saved search page; the rest are hidden as "LinkedIn Member".
SEARCH_NAMES = {"Fatih Birol", "Philippe DAVID"}


def wait_for(condition, timeout: float = 5.0) -> None:
    """Wait until `condition()` holds (what the worker does in the background takes a moment)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def open_popup_on(browser, path):
    """Open a LinkedIn page, press the toolbar button on it, open the popup for its tab."""
    page, tab_id = browser.open_linkedin(path)
    browser.click_toolbar_button(page)
    return page, browser.open_popup(tab_id)


@pytest.fixture
def paired(coffeechat_process, extension_browser, coffeechat_server):
    # The order of the arguments lets the server boot while Chromium starts.
    options = extension_browser.pair(coffeechat_server.url, coffeechat_server.token)
    expect(options.locator("#result")).to_contain_text("Connected to coffeechat")
    extension_browser.scan(options)
    options.close()
    return extension_browser


def test_save_from_popup_stores_prospect_and_shows_note(paired, coffeechat_server, artifacts_dir):
    _, popup = open_popup_on(paired, PROFILE)
    expect(popup.locator("#server-state")).to_have_text("Connected")
    expect(popup.locator("#server-fix")).to_be_hidden()
    save = popup.locator("#save")
    expect(save).to_have_text("Save this profile")
    save.click()

    expect(popup.locator("#result-title")).to_have_text(f"Saved {PROFILE_NAME}")
    expect(popup.locator("#stage")).to_have_text("Stage: Saved")
    note = popup.locator("#note").input_value()
    assert PROFILE_NAME.split()[0] in note
    length, limit = map(int, re.fullmatch(r"(\d+)/(\d+)", popup.locator("#note-count").inner_text()).groups())
    assert length == len(note) and 0 < length <= limit
    popup.screenshot(path=str(artifacts_dir / "popup-after-save.png"), full_page=True)
    paired.scan(popup)
    popup.locator("#copy").click()
    expect(popup.locator("#copy")).to_have_text("Copied")

    prospects = coffeechat_server.prospects()
    assert [p["full_name"] for p in prospects] == [PROFILE_NAME]
    with paired.context.expect_page() as dashboard:
        popup.locator("#open-dashboard").click()
    assert dashboard.value.url == f"{coffeechat_server.url}/prospects/{prospects[0]['id']}"


def test_saving_twice_updates_the_same_prospect(paired, coffeechat_server):
    page, popup = open_popup_on(paired, PROFILE)
    popup.locator("#save").click()
    expect(popup.locator("#result-title")).to_have_text(f"Saved {PROFILE_NAME}")
    expect(popup.locator("#save")).to_have_text("Save again")
    popup.locator("#save").click()
    updated = re.compile(rf"^Updated {PROFILE_NAME} \((\d+ fields? changed|nothing changed)\)$")
    expect(popup.locator("#result-title")).to_have_text(updated)
    assert [p["full_name"] for p in coffeechat_server.prospects()] == [PROFILE_NAME]


def test_search_page_saves_the_named_people(paired, coffeechat_server, artifacts_dir):
    _, popup = open_popup_on(paired, SEARCH)
    save = popup.locator("#save")
    expect(save).to_have_text(f"Save {len(SEARCH_NAMES)} people on this page")
    save.click()
    expect(popup.locator("#result-title")).to_have_text(f"Saved {len(SEARCH_NAMES)} people")
    expect(popup.locator("#result-detail")).to_have_text(f"{len(SEARCH_NAMES)} new, 0 updated")
    expect(popup.locator("#people li")).to_have_count(len(SEARCH_NAMES))
    for nothing_to_show in ("#stage", "#step", "#links", "#extras"):
        expect(popup.locator(nothing_to_show)).to_be_hidden()
    popup.screenshot(path=str(artifacts_dir / "popup-search-saved.png"), full_page=True)
    paired.scan(popup)
    assert {p["full_name"] for p in coffeechat_server.prospects()} == SEARCH_NAMES


def test_a_wrong_token_is_said_once_and_the_save_waits_for_the_fix(coffeechat_process, extension_browser,
                                                                   coffeechat_server, artifacts_dir):
    options = extension_browser.pair(coffeechat_server.url, "not-the-token")
    expect(options.locator("#result")).to_have_text(
        "coffeechat does not accept this token: click Connect to coffeechat, or paste the token it printed.")
    assert extension_browser.storage("token") in (None, ""), "a failed test keeps nothing"
    options.screenshot(path=str(artifacts_dir / "options-wrong-token.png"), full_page=True)
    extension_browser.scan(options)
    options.fill("#token", "not-the-token")
    options.click("#save")  # Save keeps what was typed, right or wrong, and says what the test found
    expect(options.locator("#result")).to_contain_text("does not accept this token")

    _, popup = open_popup_on(extension_browser, PROFILE)
    expect(popup.locator("#server-state")).to_have_text("Not connected")
    expect(popup.locator("#server-fix")).to_have_text(
        "coffeechat no longer accepts this browser: open Options and click Connect again.")
    popup.locator("#save").click()
    expect(popup.locator("#notice")).to_contain_text("sent once you connect again (1 waiting)")
    expect(popup.locator("#result")).to_be_hidden()
    extension_browser.scan(popup)
    assert coffeechat_server.prospects() == []
    assert len(extension_browser.storage("queue")) == 1

    options.fill("#token", coffeechat_server.token)
    options.click("#test")
    expect(options.locator("#result")).to_contain_text("Connected to coffeechat")
    popup.reload()
    expect(popup.locator("#server-state")).to_have_text("Connected")
    wait_for(lambda: extension_browser.storage("queue") == [])
    expect(popup.locator("#queue")).to_be_hidden()
    assert [p["full_name"] for p in coffeechat_server.prospects()] == [PROFILE_NAME]


def test_capture_waits_while_server_is_down_then_is_sent_once(paired, coffeechat_server, artifacts_dir):
    coffeechat_server.stop()
    _, popup = open_popup_on(paired, PROFILE)
    expect(popup.locator("#server-state")).to_have_text("Not running")
    popup.locator("#save").click()
    expect(popup.locator("#notice")).to_contain_text("not running")
    expect(popup.locator("#error")).to_be_hidden()
    expect(popup.locator("#queue")).to_have_text("1 capture waiting for coffeechat")
    assert paired.badge_text() == "1"
    assert len(paired.storage("queue")) == 1
    popup.screenshot(path=str(artifacts_dir / "popup-server-down.png"), full_page=True)
    paired.scan(popup)

    coffeechat_server.start()  # same port, same data folder
    popup.reload()  # opening the popup sends what waited
    expect(popup.locator("#server-state")).to_have_text("Connected")
    expect(popup.locator("#queue")).to_be_hidden()
    assert paired.storage("queue") == []
    assert paired.badge_text() == ""
    paired.worker.evaluate("coffeechat.flushQueue()")  # an alarm firing now sends nothing more
    assert [p["full_name"] for p in coffeechat_server.prospects()] == [PROFILE_NAME]


def test_capture_leaves_the_linkedin_page_untouched(paired, coffeechat_server):
    page, popup = open_popup_on(paired, PROFILE)
    page.evaluate("""() => {
        window.__mutations = 0;
        new MutationObserver((records) => { window.__mutations += records.length; })
            .observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
    }""")
    before = page.evaluate("() => document.documentElement.outerHTML")
    popup.locator("#save").click()
    expect(popup.locator("#result-title")).to_have_text(f"Saved {PROFILE_NAME}")
    assert page.evaluate("() => document.documentElement.outerHTML") == before
    assert page.evaluate("() => window.__mutations") == 0
    # The capture script's guard lives in the extension's isolated world, not the page's.
    assert page.evaluate("() => typeof window.coffeechatCapture") == "undefined"


def test_shortcut_save_confirms_on_the_badge(paired, coffeechat_server):
    page, tab_id = paired.open_linkedin(PROFILE)
    paired.click_toolbar_button(page)  # the shortcut grants activeTab the same way
    # What the shortcut and the context-menu entry run (keyboard shortcuts need a headed browser).
    paired.worker.evaluate("(tabId) => coffeechat.saveFromGesture({id: tabId})", tab_id)
    assert paired.badge_text() == "✓"
    assert [p["full_name"] for p in coffeechat_server.prospects()] == [PROFILE_NAME]


def test_company_page_is_saved_and_other_pages_are_explained(paired, coffeechat_server):
    _, popup = open_popup_on(paired, "/company/facebook/about/")
    expect(popup.locator("#save")).to_have_text("Save this company")
    popup.locator("#save").click()
    expect(popup.locator("#result-title")).to_have_text("Saved Facebook")
    paired.scan(popup)
    with paired.context.expect_page() as dashboard:
        popup.locator("#open-company").click()
    assert dashboard.value.url == f"{coffeechat_server.url}/?company=Facebook"

    _, popup = open_popup_on(paired, "/feed/")
    expect(popup.locator("#page-info")).to_contain_text("Open a profile")
    expect(popup.locator("#save")).to_be_hidden()
