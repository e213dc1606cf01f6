"""The dashboard's forms: editing, the interaction log, bulk actions, settings, imports."""

import io
import json

from dashboard_helpers import post_form

from coffeechat.pairing import get_token


def test_edit_stage_tags_notes_email_and_referral(browser, store, people):
    a, b = people["public-2023"], people["profile-2022-self"]
    r = post_form(browser, f"/prospects/{b}/edit", {"stage": "replied", "tags": "alumni, sf ,", "email": "k@example.org",
                                                    "referred_by": str(a)})
    # Back to the form that was used, where the confirmation shows.
    assert r.status_code == 303 and r.headers["Location"].endswith(f"/prospects/{b}#stage")
    p = store.get(b)
    assert (p["stage"], p["tags"], p["email"], p["referred_by"]) == ("replied", ["alumni", "sf"], "k@example.org", a)
    post_form(browser, f"/prospects/{b}/edit", {"notes": "Talk about <b>infra</b>"})
    assert store.get(b)["notes"] == "Talk about <b>infra</b>" and store.get(b)["stage"] == "replied"
    html = browser.get(f"/prospects/{b}").get_data(as_text=True)
    assert "Talk about &lt;b&gt;infra&lt;/b&gt;" in html and "Referred by" in html and "Saved." in html


def test_bad_edit_shows_an_html_error_and_changes_nothing(browser, store, people):
    before = store.get(1)
    r = post_form(browser, "/prospects/1/edit", {"referred_by": "abc", "tags": "typed, kept"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "No saved person is named “abc”" in html
    assert 'value="abc"' in html and 'value="typed, kept"' in html  # the form as typed
    r = post_form(browser, "/prospects/1/edit", {"stage": "hired"})
    assert r.status_code == 400 and "Choose a stage from the list: Saved, Contacted" in r.get_data(as_text=True)
    assert "not_now" not in r.get_data(as_text=True).split("<select", 1)[0]
    assert store.get(1) == before


def test_add_a_meeting_from_the_log_form_and_see_it_today(browser, store, people):
    pid = people["public-2023"]
    r = post_form(browser, f"/prospects/{pid}/interactions",
                  {"action": "meeting_scheduled", "when": "2026-03-11T09:15", "where": "Café Luna", "note": ""})
    assert r.status_code == 303 and store.get(pid)["stage"] == "scheduled"
    today = browser.get("/today").get_data(as_text=True)
    assert "11 Mar 2026, 09:15" in today and "Café Luna" in today and "Prepare" in today


def test_let_it_rest_from_today(browser, store, people):
    pid = people["public-2023"]
    store.add_log(pid, {"type": "invitation_sent", "at": "2026-02-01T10:00"})
    store.add_log(pid, {"type": "follow_up_sent", "at": "2026-02-10T10:00"})
    store.patch(pid, {"stage": "contacted"})
    assert "Move to Not now" in browser.get("/today").get_data(as_text=True)
    r = post_form(browser, f"/prospects/{pid}/edit", {"stage": "not_now", "next": "/today"})
    assert r.headers["Location"].endswith("/today") and store.get(pid)["stage"] == "not_now"
    assert "Move to Not now" not in browser.get("/today").get_data(as_text=True)
    for elsewhere in ("//evil.example/x", "/\\evil.example/x", "https://evil.example/"):
        r = post_form(browser, f"/prospects/{pid}/edit", {"stage": "saved", "next": elsewhere})
        assert r.headers["Location"].endswith(f"/prospects/{pid}#stage")  # never redirects off the site


def test_bulk_stage_and_tag(browser, store, people):
    ids = [str(people["public-2023"]), str(people["profile-2018-self"])]
    post_form(browser, "/prospects/bulk", {"action": "stage", "value": "contacted", "ids": ids})
    post_form(browser, "/prospects/bulk", {"action": "tag", "value": "fintech", "ids": ids})
    for i in ids:
        assert store.get(int(i))["stage"] == "contacted" and store.get(int(i))["tags"] == ["fintech"]
    r = post_form(browser, "/prospects/bulk", {"action": "stage", "value": "contacted"})
    assert r.status_code == 400 and "Select at least one" in r.get_data(as_text=True)


def test_delete_asks_for_confirmation_first(browser, store, people):
    ids = [str(people["public-2023"]), str(people["profile-2018-self"])]
    r = post_form(browser, "/prospects/bulk", {"action": "delete", "ids": ids})
    assert r.status_code == 200 and "Delete 2 prospects?" in r.get_data(as_text=True) and store.count() == 4
    post_form(browser, "/prospects/bulk", {"action": "delete", "ids": ids, "confirm": "yes"})
    assert store.count() == 2
    single = people["profile-2022-self"]
    r = post_form(browser, f"/prospects/{single}/delete", {})
    assert "Delete 1 prospect?" in r.get_data(as_text=True) and store.find_by_id(single)
    post_form(browser, f"/prospects/{single}/delete", {"confirm": "yes"})
    assert not store.find_by_id(single)


def test_settings_profile_rules_and_token(browser, store):
    schools = "UIUC\r\nUniversity of California, Berkeley\n"  # one per line: a name may hold a comma
    r = post_form(browser, "/settings/me", {"name": "Sam Rivera", "schools": schools, "time_ask": "20",
                                            "persona": "explorer", "tone": "warm", "linkedin_account": "free"})
    assert r.status_code == 303
    me = store.get_setting("me")
    assert me["name"] == "Sam Rivera" and me["schools"] == ["UIUC", "University of California, Berkeley"] and me["time_ask"] == 20
    post_form(browser, "/settings/rules", {"follow_up_after_days": "10", "grace_days": "4"})
    assert store.get_setting("followup_rules")["follow_up_after_days"] == 10
    assert post_form(browser, "/settings/rules", {"grace_days": "-2"}).status_code == 400
    old = get_token(store.data_dir)
    post_form(browser, "/settings/token", {})
    new = get_token(store.data_dir)
    assert new != old and new in browser.get("/settings").get_data(as_text=True)


def test_template_override_and_reset(browser, client, store):
    name = client.get("/api/v1/settings").get_json()["templates"][0]["name"]
    post_form(browser, "/settings/templates", {"name": name, "source": "Hello {{ 1 + 1 }}", "action": "save"})
    assert (store.data_dir / "templates" / name).read_text() == "Hello {{ 1 + 1 }}"
    assert "your version" in browser.get("/templates").get_data(as_text=True)
    assert post_form(browser, "/settings/templates", {"name": name, "source": "{% if %}", "action": "save"}).status_code == 422
    post_form(browser, "/settings/templates", {"name": name, "action": "reset"})
    assert not (store.data_dir / "templates" / name).exists()
    assert client.put(f"/api/v1/templates/{name}", json={"source": "Hi"}).status_code == 200
    assert client.delete(f"/api/v1/templates/{name}").get_json() == {"name": name, "override": None}


CSV_TEXT = ("full_name,company,title,profile_url,stage,tags,email\n"
            "Dana Lee,Acme,Designer,https://www.linkedin.com/in/dana-lee/,contacted,ux; alumni,dana@example.org\n"
            ",NoName Inc,,,,,\n"
            "Bad Stage,X,,,hired,,\n"
            "Not Linkedin,Y,,https://example.com/dana,,,\n"
            "Dana Lee,Acme,Designer,https://www.linkedin.com/in/dana-lee/,,,\n"
            "Sam Park,Initech,,,,,\n")


def upload(browser, name: str, content: str):
    return post_form(browser, "/settings/import", {"step": "preview", "file": (io.BytesIO(content.encode()), name)},
                     content_type="multipart/form-data")


def test_csv_import_previews_with_errors_per_row_then_imports(browser, store, people):
    assert upload(browser, "people.csv", CSV_TEXT).status_code == 303
    assert store.count() == 4  # a preview changes nothing
    html = browser.get("/settings").get_data(as_text=True)
    assert "2 rows ready, 4 with errors" in html
    for reason in ("no name", "unknown stage", "not a LinkedIn profile address", "earlier row"):
        assert reason in html
    post_form(browser, "/settings/import", {"step": "confirm"})
    assert store.count() == 6
    dana = store.search(q="dana")[0][0]
    assert (dana["stage"], dana["tags"], dana["current"]["company"]) == ("contacted", ["alumni", "ux"], "Acme")
    assert "Imported: 2 new, 0 updated, 4 rows skipped." in browser.get("/settings").get_data(as_text=True)
    assert not list(store.data_dir.glob("pending-import-*"))


def test_csv_import_of_our_own_export_updates_instead_of_duplicating(browser, client, store, people):
    upload(browser, "again.csv", client.get("/api/v1/export?format=csv").get_data(as_text=True))
    assert "4 rows ready, 0 with errors" in browser.get("/settings").get_data(as_text=True)
    post_form(browser, "/settings/import", {"step": "confirm"})
    assert store.count() == 4


def test_json_backup_import_restores_into_an_empty_folder(browser, client, store, tmp_path):
    backup = {"app": "coffeechat", "format": 1, "settings": {},
              "prospects": [{"id": 7, "key": "https://www.linkedin.com/in/x/", "full_name": "Xavier", "stage": "met",
                             "tags": [], "notes": "", "referred_by": None, "email": None, "edited": [], "captures": [],
                             "log": [], "created_at": "2026-01-01T00:00:00+00:00", "updated_at": "2026-01-01T00:00:00+00:00"}]}
    upload(browser, "backup.json", json.dumps(backup))
    assert "This backup holds 1 prospects." in browser.get("/settings").get_data(as_text=True)
    post_form(browser, "/settings/import", {"step": "confirm"})
    assert store.get(7)["full_name"] == "Xavier"
    upload(browser, "backup.json", json.dumps(backup))
    assert "already holds 1 prospects" in browser.get("/settings").get_data(as_text=True)
    post_form(browser, "/settings/import", {"step": "cancel"})
    assert not list(store.data_dir.glob("pending-import-*"))


def test_unreadable_imports_are_explained(browser, store):
    r = upload(browser, "photo.png", "xx")
    assert r.status_code == 400 and ".csv" in r.get_data(as_text=True)
    r = upload(browser, "b.json", "{nope")
    assert r.status_code == 400 and "not valid JSON" in r.get_data(as_text=True)
    r = upload(browser, "b.csv", "just,some,words\n1,2,3\n")
    assert r.status_code == 400 and "header row" in r.get_data(as_text=True)
