"""Delete a prospect from their page, then Undo from the confirmation, by keyboard, in a real Chromium."""

import gzip

import pytest
from playwright.sync_api import expect
from test_dashboard import page, row, server, shoot  # noqa: F401 (fixtures)

pytestmark = pytest.mark.browser

NAME = "Kireet Agrawal"


def _on_disk(folder, text: str) -> bool:
    """Whether any file of the data folder holds the text (saved pages also decompressed)."""
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            if text.encode() in data or (path.name.endswith(".gz") and text.encode() in gzip.decompress(data)):
                return True
    return False


def test_delete_then_undo_brings_the_person_back(page, server, artifacts_dir):  # noqa: F811 (fixtures)
    person = next(p for p in server.prospects() if p["full_name"] == NAME)
    status, _ = server.request("PATCH", f"/api/v1/prospects/{person['id']}", {"notes": "undo-note-quokka-3310"})
    assert status == 200
    page.goto(server.url + f"/prospects/{person['id']}")
    page.get_by_role("button", name="Delete this prospect…").click()
    expect(page.get_by_text("You can undo this for 10 minutes while coffeechat is running; "
                            "after that it is gone for good.")).to_be_visible()
    shoot(page, artifacts_dir, "undo-confirm")
    page.get_by_role("button", name="Delete", exact=True).click()

    flash = page.locator(".flash.undo")
    expect(flash).to_contain_text(f"Deleted {NAME} and their saved pages.")
    expect(flash).to_contain_text("Undo works for 10 minutes while coffeechat is running.")
    expect(row(page, NAME)).to_have_count(0)
    assert not _on_disk(server.data_dir, NAME) and not _on_disk(server.data_dir, "undo-note-quokka-3310")
    shoot(page, artifacts_dir, "undo-offered")

    # Keyboard only: Tab from the top of the page reaches the Undo button, Enter presses it.
    undo = page.get_by_role("button", name="Undo the delete")
    expect(undo).to_have_text("Undo")
    page.locator("body").focus()
    for _ in range(40):
        page.keyboard.press("Tab")
        if undo.evaluate("button => button === document.activeElement"):
            break
    else:
        pytest.fail("Tab never reached the Undo button")
    page.keyboard.press("Enter")

    expect(page.locator(".flash-ok")).to_contain_text(f"{NAME} is back.")
    expect(row(page, NAME)).to_have_count(1)
    expect(page.get_by_role("button", name="Undo the delete")).to_have_count(0)
    shoot(page, artifacts_dir, "undo-done")
    back = next(p for p in server.prospects() if p["full_name"] == NAME)
    assert back["id"] == person["id"] and back["notes"] == "undo-note-quokka-3310"
    row(page, NAME).get_by_role("link", name=NAME, exact=True).click()
    expect(page.locator("h1[data-name]")).to_have_text(NAME)
    assert page.events == []
