"""After a save, the popup shows the next step for this person, keeps edits, and records what was sent."""

import socket

import pytest
from playwright.sync_api import expect
from test_extension import PROFILE, PROFILE_NAME, open_popup_on, paired, wait_for  # noqa: F401 (fixture)

pytestmark = pytest.mark.browser

OTHER = "/in/dulithawijewantha/"  # a public profile: no degree, not a connection yet
OTHER_NAME = "Dulitha Wijewantha"
DETAILS = "/in/brunellifabio/details/skills/"


def saved_popup(browser, path):
    _, popup = open_popup_on(browser, path)
    popup.locator("#save").click()
    # A shared CI machine can take a few seconds to read, pack and parse a whole profile page.
    expect(popup.locator("#result")).to_be_visible(timeout=15000)
    return popup


def test_a_first_degree_connection_gets_a_message_and_mark_as_sent_logs_the_edit(paired, coffeechat_server,
                                                                               artifacts_dir):
    popup = saved_popup(paired, PROFILE)
    expect(popup.locator("#kind")).to_have_value("message")
    expect(popup.locator("#kind option:checked")).to_have_text("Message (suggested)")
    expect(popup.locator("#reason")).to_have_text("You are already connected with Janice, so send a message.")
    edited = "Hi Janice, I would love 15 minutes of your time to hear how you moved into accounting standards."
    popup.locator("#note").fill(edited)
    expect(popup.locator("#draft-kept")).to_have_text("Your edit is kept")
    pid = coffeechat_server.prospects()[0]["id"]
    assert coffeechat_server.request("GET", f"/api/v1/prospects/{pid}")[1]["draft_edits"] == {"message": edited}

    expect(popup.locator("#mark-sent")).to_have_text("I sent the message")
    popup.locator("#mark-sent").click()
    expect(popup.locator("#sent")).to_have_text("Logged: You sent the message. Stage: Contacted.")
    expect(popup.locator("#stage")).to_have_text("Stage: Contacted")
    popup.screenshot(path=str(artifacts_dir / "popup-marked-as-sent.png"), full_page=True)
    paired.scan(popup)
    prospect = coffeechat_server.request("GET", f"/api/v1/prospects/{pid}")[1]
    assert prospect["stage"] == "contacted"
    assert [(e["type"], e.get("text")) for e in prospect["log"] if e["type"] == "message_sent"] == [("message_sent", edited)]


def test_after_a_logged_meeting_the_popup_offers_the_thank_you(paired, coffeechat_server, artifacts_dir):
    popup = saved_popup(paired, PROFILE)
    pid = coffeechat_server.prospects()[0]["id"]
    status, _ = coffeechat_server.request("POST", f"/api/v1/prospects/{pid}/interactions",
                                          {"action": "meeting_held", "note": "advice on audit work"})
    assert status == 201
    popup.locator("#save").click()  # Save again
    expect(popup.locator("#kind")).to_have_value("thank_you")
    expect(popup.locator("#reason")).to_contain_text("Send a thank-you")
    expect(popup.locator("#stage")).to_have_text("Stage: Met")
    expect(popup.locator("#mark-sent")).to_have_text("I sent the thank-you")
    popup.screenshot(path=str(artifacts_dir / "popup-thank-you-due.png"), full_page=True)
    paired.scan(popup)
    popup.locator("#mark-sent").click()
    expect(popup.locator("#stage")).to_have_text("Stage: Thanked")


def test_switching_kind_keeps_edits_and_copy_warns_over_the_limit(paired, coffeechat_server, artifacts_dir):
    popup = saved_popup(paired, OTHER)
    expect(popup.locator("#kind")).to_have_value("connection_note")
    expect(popup.locator("#reason")).to_contain_text("send an invitation with a short note")
    expect(popup.locator("#mark-sent")).to_have_text("I sent the invitation")
    limit = int(popup.locator("#note-count").inner_text().split("/")[1])
    long_note = "x" * (limit + 64)
    popup.locator("#note").fill(long_note)
    expect(popup.locator("#note-count")).to_have_text(f"{limit + 64}/{limit}")
    expect(popup.locator("#note-count")).to_have_class("count over")
    popup.locator("#copy").click()
    expect(popup.locator("#over")).to_have_text(
        f"This text has {limit + 64} characters, more than the {limit} LinkedIn allows in a connection note: "
        "shorten it, or click Copy anyway.")
    expect(popup.locator("#copy")).to_have_text("Copy anyway")
    popup.screenshot(path=str(artifacts_dir / "popup-over-the-limit.png"), full_page=True)
    paired.scan(popup)
    popup.locator("#copy").click()
    expect(popup.locator("#copy")).to_have_text("Copied")
    expect(popup.locator("#draft-kept")).to_have_text("Your edit is kept")

    popup.locator("#kind").select_option("message")
    expect(popup.locator("#note")).not_to_have_value(long_note)
    expect(popup.locator("#mark-sent")).to_have_text("I sent the message")
    assert "Dulitha" in popup.locator("#note").input_value()
    popup.locator("#kind").select_option("connection_note")
    expect(popup.locator("#note")).to_have_value(long_note)
    expect(popup.locator("#draft-kept")).to_have_text("Your edited version")
    paired.scan(popup)


def test_tags_stage_and_note_at_save_time_enter_saves_and_tags_are_remembered(paired, coffeechat_server):
    _, popup = open_popup_on(paired, OTHER)
    expect(popup.locator("#save")).to_be_focused()
    popup.locator("#extras-summary").click()
    popup.locator("#stage-choice").select_option(label="Contacted")
    popup.locator("#save-note").fill("Met at the design meetup")
    popup.locator("#tags").fill("alumni, design")
    popup.locator("#tags").press("Enter")
    expect(popup.locator("#result-title")).to_have_text(f"Saved {OTHER_NAME}", timeout=15000)
    expect(popup.locator("#stage")).to_have_text("Stage: Contacted")
    expect(popup.locator("#copy")).to_be_focused()
    paired.scan(popup)
    saved = coffeechat_server.prospects()[0]
    assert saved["tags"] == ["alumni", "design"] and saved["stage"] == "contacted"
    assert [e["note"] for e in saved["log"] if e["type"] == "note"] == ["Met at the design meetup"]

    _, popup = open_popup_on(paired, PROFILE)
    expect(popup.locator("#extras-summary")).to_have_text("Tags: alumni, design. Change them, or add a stage or a note")
    expect(popup.locator("#save")).to_be_focused()
    popup.keyboard.press("Enter")
    expect(popup.locator("#result-title")).to_have_text(f"Saved {PROFILE_NAME}", timeout=15000)
    janice = next(p for p in coffeechat_server.prospects() if p["full_name"] == PROFILE_NAME)
    assert janice["tags"] == ["alumni", "design"] and janice["stage"] == "saved"


def test_partial_pages_get_one_hint_with_links_and_titles_lose_the_counter(paired, coffeechat_server, artifacts_dir):
    popup = saved_popup(paired, PROFILE)
    expect(popup.locator("#partial")).to_have_text(
        "Open the full experience, education and skills lists to save all of it")
    with paired.context.expect_page() as details:
        popup.locator("#partial a", has_text="experience").click()
    assert details.value.url == "https://www.linkedin.com/in/janice-jiang-508bba21b/details/experience/"

    _, popup = open_popup_on(paired, DETAILS)
    expect(popup.locator("#page-info")).to_have_text("Skills | Fabio Brunelli")
    paired.scan(popup)


def test_the_first_run_page_leads_from_start_to_connected(coffeechat_process, extension_browser, coffeechat_server,
                                                         artifacts_dir):
    welcome = extension_browser.welcome
    expect(welcome).to_have_title("Welcome to coffeechat")
    expect(welcome.locator("#server")).not_to_have_text("Looking for coffeechat…")
    extension_browser.scan(welcome)
    extension_browser.use_server(coffeechat_server.url)
    welcome.locator("#check").click()
    expect(welcome.locator("#server")).to_have_text(f"coffeechat is running at {coffeechat_server.url}.")
    approval, _ = extension_browser.connect(welcome)
    approval.locator("#allow").click()
    expect(welcome.locator("#connection")).to_contain_text("Connected to coffeechat")
    welcome.screenshot(path=str(artifacts_dir / "welcome-connected.png"), full_page=True)
    extension_browser.scan(welcome)


def _answers_ping(port: int) -> bool:
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def test_the_server_is_found_on_another_readme_port(extension_browser, start_coffeechat):
    port = next((p for p in (5758, 5759) if not _answers_ping(p)), None)
    if _answers_ping(5757) or port is None:
        pytest.skip("ports 5757-5759 are in use on this machine")
    server = start_coffeechat(port=port)
    options = extension_browser.options()  # the extension still has its default, 5757
    expect(options.locator("#serverUrl")).to_have_value(server.url)
    expect(options.locator("#connection")).to_contain_text("not connected to coffeechat yet")
    assert extension_browser.storage("serverUrl") == server.url
