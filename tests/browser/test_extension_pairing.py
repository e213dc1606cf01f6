"""Pairing by approval in real Chromium with the real server: Connect, the dashboard's approval
page, Allow or Deny; requests from other origins and late answers are refused."""

import json
import re
import socket
import urllib.error
import urllib.request

import pytest
from playwright.sync_api import expect
from test_extension import PROFILE, PROFILE_NAME, open_popup_on, wait_for

pytestmark = pytest.mark.browser


@pytest.fixture
def unpaired(coffeechat_process, extension_browser, coffeechat_server):
    """The extension pointed at the server (as if its port were typed in), not paired."""
    extension_browser.use_server(coffeechat_server.url)
    return extension_browser


def test_connect_allow_pairs_and_a_save_works(unpaired, coffeechat_server, artifacts_dir):
    options = unpaired.options()
    expect(options.locator("#connection")).to_contain_text("not connected to coffeechat yet")
    unpaired.scan(options)
    approval, code = unpaired.connect(options)
    assert approval.url.startswith(f"{coffeechat_server.url}/pair/")
    expect(approval.locator("#pair-code")).to_have_text(code)
    expect(approval.locator("#pair-browser")).to_contain_text("on Linux")
    options.screenshot(path=str(artifacts_dir / "options-pairing-waiting.png"), full_page=True)
    unpaired.scan(options)
    approval.screenshot(path=str(artifacts_dir / "dashboard-pairing-approval.png"), full_page=True)
    approval.locator("#allow").click()
    expect(approval.locator("h1")).to_have_text("The extension is connected")

    expect(options.locator("#connection")).to_have_text(f"Connected to coffeechat 0.1.0 at {coffeechat_server.url}.")
    expect(options.locator("#token")).to_have_value(coffeechat_server.token)
    options.screenshot(path=str(artifacts_dir / "options-connected.png"), full_page=True)
    unpaired.scan(options)
    assert unpaired.storage("token") == coffeechat_server.token
    assert unpaired.storage("pairing") is None, "the secret poll id is forgotten once answered"

    _, popup = open_popup_on(unpaired, PROFILE)
    expect(popup.locator("#server-state")).to_have_text("Connected")
    popup.locator("#save").click()
    expect(popup.locator("#result-title")).to_have_text(f"Saved {PROFILE_NAME}")
    assert [p["full_name"] for p in coffeechat_server.prospects()] == [PROFILE_NAME]


def test_deny_leaves_it_unpaired(unpaired, coffeechat_server, artifacts_dir):
    options = unpaired.options()
    approval, _ = unpaired.connect(options)
    approval.locator("#deny").click()
    expect(approval.locator("h1")).to_have_text("Request denied")
    expect(options.locator("#connection")).to_have_text(
        "The request was denied in coffeechat, so this browser is not connected. Click Connect to ask again.")
    unpaired.scan(options)
    options.screenshot(path=str(artifacts_dir / "options-pairing-denied.png"), full_page=True)
    assert unpaired.storage("token") in (None, "")
    _, popup = open_popup_on(unpaired, PROFILE)
    expect(popup.locator("#server-state")).to_have_text("Not connected")


def test_a_request_from_another_origin_is_refused(unpaired, coffeechat_server):
    page, _ = unpaired.open_linkedin(PROFILE)  # a web page: https://www.linkedin.com
    outcome = page.evaluate("""(url) => fetch(url + '/api/v1/pairing/requests', {
            method: 'POST', headers: {'Content-Type': 'application/json'}, body: '{"browser": "evil"}'})
        .then((r) => r.text().then((t) => 'read: ' + t), (e) => 'refused: ' + e.name)""", coffeechat_server.url)
    assert outcome.startswith("refused"), outcome
    # The same request with the page's Origin, sent outside a browser, shows what the server answers.
    request = urllib.request.Request(f"{coffeechat_server.url}/api/v1/pairing/requests", data=b'{"browser": "evil"}',
                                     headers={"Content-Type": "application/json", "Origin": "https://www.linkedin.com"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    assert refused.value.code == 403
    assert json.loads(refused.value.read())["error"]["code"] == "forbidden_origin"


@pytest.fixture
def short_lived_requests(start_coffeechat):
    return start_coffeechat(env={"COFFEECHAT_PAIRING_SECONDS": "2"})


def test_an_expired_request_cannot_be_approved(short_lived_requests, extension_browser, artifacts_dir):
    extension_browser.use_server(short_lived_requests.url)
    options = extension_browser.options()
    approval, _ = extension_browser.connect(options)
    expect(options.locator("#connection")).to_contain_text("expired", timeout=6000)
    approval.locator("#allow").click()
    expect(approval.locator("h1")).to_contain_text("Expired")
    expect(approval.locator("main")).to_contain_text("expired")
    approval.screenshot(path=str(artifacts_dir / "dashboard-pairing-expired.png"), full_page=True)
    extension_browser.scan(options)
    assert extension_browser.storage("token") in (None, "")


def test_paste_and_test_connection_keeps_the_token(unpaired, coffeechat_server):
    options = unpaired.pair(coffeechat_server.url, f"  Bearer {coffeechat_server.token} ")
    expect(options.locator("#result")).to_have_text(f"Connected to coffeechat 0.1.0 at {coffeechat_server.url}.")
    options.reload()
    expect(options.locator("#token")).to_have_value(coffeechat_server.token)
    expect(options.locator("#connection")).to_contain_text("Connected to coffeechat")
    unpaired.scan(options)
    _, popup = open_popup_on(unpaired, PROFILE)
    expect(popup.locator("#server-state")).to_have_text("Connected")


def test_a_save_while_unpaired_waits_and_is_stored_once_after_pairing(unpaired, coffeechat_server, artifacts_dir):
    _, popup = open_popup_on(unpaired, PROFILE)
    expect(popup.locator("#server-state")).to_have_text("Not connected")
    expect(popup.locator("#server-fix")).to_have_text(
        "This browser is not connected to coffeechat yet: open Options and click Connect.")
    popup.locator("#save").click()
    expect(popup.locator("#notice")).to_have_text(
        "This browser is not connected to coffeechat yet, so this page is kept here and sent once you connect (1 waiting).")
    expect(popup.locator("#queue")).to_have_text("1 capture waiting for coffeechat")
    popup.screenshot(path=str(artifacts_dir / "popup-unpaired-queued.png"), full_page=True)
    unpaired.scan(popup)
    assert coffeechat_server.prospects() == []

    options = unpaired.options()
    approval, _ = unpaired.connect(options)
    approval.locator("#allow").click()
    expect(options.locator("#connection")).to_contain_text("Connected to coffeechat")
    wait_for(lambda: unpaired.storage("queue") == [])
    popup.reload()
    expect(popup.locator("#server-state")).to_have_text("Connected")
    unpaired.worker.evaluate("coffeechat.flushQueue()")  # another round sends nothing more
    assert [p["full_name"] for p in coffeechat_server.prospects()] == [PROFILE_NAME]
    assert re.fullmatch(r"|\d+", unpaired.badge_text()) and unpaired.badge_text() != "1"



@pytest.fixture
def silent_url():
    """An address that takes connections and never answers (a hung or very busy program)."""
    with socket.create_server(("127.0.0.1", 0)) as listener:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}"


def test_typing_while_the_first_check_runs_is_kept(extension_browser, coffeechat_server, silent_url):
    # Options checks the saved address as it opens; there that takes seconds. The address and
    # token pasted meanwhile must survive its answer, or Test connection tests the old address.
    extension_browser.use_server(silent_url)
    options = extension_browser.options()
    options.fill("#serverUrl", coffeechat_server.url)
    options.fill("#token", coffeechat_server.token)
    expect(options.locator("#connection")).to_contain_text("not running at this address", timeout=15_000)
    expect(options.locator("#serverUrl")).to_have_value(coffeechat_server.url)
    expect(options.locator("#token")).to_have_value(coffeechat_server.token)
    options.click("#test")
    expect(options.locator("#result")).to_have_text(f"Connected to coffeechat 0.1.0 at {coffeechat_server.url}.")

