"""Issue 15 at the app and route level: dated interactions, Today's actions, inline errors, companies, search."""

import io
import re
from datetime import date, datetime, timedelta

from dashboard_helpers import NOW, post_form, seed, utc

from coffeechat.app import board, companies, followups, log, pages, template_help, today
from coffeechat.app.captures import save_capture
from coffeechat.outreach.context import build_context
from coffeechat.outreach.facts import gather
from coffeechat.outreach.phrases import tone_phrases
from coffeechat.timeline import DEFAULT_RULES, for_prospect, key_dates
from helpers import fixture_html

DAY = NOW.date()


def rules(store) -> dict:
    return followups.rules(store)


def test_a_meeting_dated_yesterday_counts_from_yesterday(store, people):
    pid = people["public-2023"]
    yesterday = DAY - timedelta(days=1)
    p = log.record(store, pid, "meeting_held", {"at": f"{yesterday}T15:00", "note": "Learned about SQL"})
    held, change = p["log"]
    assert held["at"] == utc(f"{yesterday}T15:00") and change == {**change, "type": "stage_changed", "to": "met",
                                                                    "at": held["at"], "cause": held["id"]}
    due = {i["rule"]: i for i in for_prospect(p, DAY, rules(store))}
    assert due["thank_you"]["due"] == DAY.isoformat() and due["thank_you"]["since"] == yesterday.isoformat()
    p = log.record(store, pid, "thank_you_sent", {"at": f"{yesterday}T18:00"})
    keep = {i["rule"]: i for i in for_prospect(p, DAY, rules(store))}["keep_in_touch"]
    assert keep["due"] == (yesterday + timedelta(days=90)).isoformat()
    # Something logged now, then something that happened earlier: the log is in the order things happened.
    p = log.record(store, pid, "note", {"note": "later"})
    p = log.record(store, pid, "reply_received", {"at": f"{yesterday - timedelta(days=3)}T09:00"})
    assert [e["type"] for e in p["log"]][0] == "reply_received" and p["log"][-1]["note"] == "later"
    assert p["stage"] == "thanked"  # an earlier reply does not move a later stage back


def test_editing_and_deleting_entries_replays_the_stage(store, people):
    pid = people["public-2023"]
    p = log.record(store, pid, "invitation_sent", {"at": "2026-03-01T10:00"})
    p = log.record(store, pid, "meeting_held", {"at": "2026-03-05T10:00"})
    held = next(e for e in p["log"] if e["type"] == "meeting_held")
    p = log.edit_entry(store, pid, held["id"], {"at": "2026-03-06T11:00", "note": "Good advice"})
    moved = next(e for e in p["log"] if e.get("cause") == held["id"])
    assert moved["at"] == utc("2026-03-06T11:00") and p["stage"] == "met"
    assert next(e for e in p["log"] if e["id"] == held["id"])["note"] == "Good advice"
    p = log.delete_entry(store, pid, held["id"])
    assert p["stage"] == "contacted" and [e["type"] for e in p["log"]] == ["invitation_sent", "stage_changed"]
    sent = p["log"][0]
    p = log.delete_entry(store, pid, sent["id"])
    assert p["stage"] == "saved" and p["log"] == []


def test_deleting_an_entry_of_an_older_log_removes_the_stage_change_that_followed_it(store, people):
    pid = people["public-2023"]
    store.add_log(pid, {"type": "meeting_held"})
    store.patch(pid, {"stage": "met"})  # as the app did before entries named their cause: a second later
    old = store.get(pid)["log"]
    assert [e["type"] for e in old] == ["meeting_held", "stage_changed"]
    p = log.delete_entry(store, pid, old[0]["id"])
    assert p["stage"] == "saved" and p["log"] == []


def test_reach_out_is_a_rule_the_user_can_change_or_switch_off(store, people):
    p = store.get(people["public-2023"])
    saved_on = date.fromisoformat(p["created_at"][:10])
    item = next(i for i in for_prospect(p, saved_on, DEFAULT_RULES) if i["rule"] == "reach_out")
    assert (item["due"], item["status"], item["draft_kind"]) == (saved_on.isoformat(), "due", "connection_note")
    later = for_prospect(p, saved_on, {**DEFAULT_RULES, "reach_out_days": 2})
    assert next(i for i in later if i["rule"] == "reach_out")["status"] == "upcoming"
    assert not [i for i in for_prospect(p, saved_on, {**DEFAULT_RULES, "reach_out_on": 0}) if i["rule"] == "reach_out"]
    contacted = log.record(store, p["id"], "invitation_sent", {})
    assert not [i for i in for_prospect(contacted, saved_on, DEFAULT_RULES) if i["rule"] == "reach_out"]


def test_today_lists_priorities_first_and_snoozes_hide_until_their_day(app, store, people):
    app.config["COFFEECHAT_CLOCK"] = datetime.now
    now = datetime.now()
    first, marked = people["profile-2018-self"], people["public-2023"]
    today.set_priority(store, marked, True)
    order = [r["prospect_id"] for r in pages.today_page(store, now)["reach_out"]]
    assert order[0] == marked and order[1] == first and len(order) == 4  # then by save date
    until = today.snooze_until("3", None, now.date())
    today.snooze(store, marked, "reach_out", until)
    assert marked not in [r["prospect_id"] for r in pages.today_page(store, now)["reach_out"]]
    back = datetime.combine(until, now.time())
    assert marked in [r["prospect_id"] for r in pages.today_page(store, back)["reach_out"]]


def test_done_with_the_draft_logs_its_text_and_moves_the_stage(store, people):
    pid = people["public-2023"]
    p = today.done(store, pid, "reach_out", DAY, "connection_note")
    sent = p["log"][0]
    assert p["stage"] == "contacted" and sent["type"] == "invitation_sent" and "Dulitha" in sent["text"]
    store.patch(pid, {"draft_edits": {"follow_up": "My own follow-up"}})
    p = today.done(store, pid, "follow_up", DAY, "follow_up")
    assert next(e for e in p["log"] if e["type"] == "follow_up_sent")["text"] == "My own follow-up"


def test_today_routes_done_snooze_and_reschedule(app, browser, store, people):
    app.config["COFFEECHAT_CLOCK"] = datetime.now
    pid = people["public-2023"]
    r = post_form(browser, f"/today/{pid}/snooze", {"rule": "reach_out", "for": "date", "until": "2020-01-01"})
    assert r.status_code == 400 and "Snooze until a day after today" in r.get_data(as_text=True)
    r = post_form(browser, f"/today/{pid}/done", {"rule": "reach_out", "draft_kind": "connection_note"})
    assert r.status_code == 303 and store.get(pid)["stage"] == "contacted"
    soon = (datetime.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    log.record(store, pid, "meeting_scheduled", {"when": soon, "where": "Zoom"})
    r = post_form(browser, f"/today/{pid}/reschedule", {"when": ""})
    assert r.status_code == 400 and "Pick the new date and time" in r.get_data(as_text=True)


def test_each_error_comes_back_inline_with_the_input_kept(browser, store, people):
    a, b = people["public-2023"], people["profile-2022-self"]
    r = post_form(browser, f"/prospects/{a}/interactions",
                  {"action": "meeting_scheduled", "when": "", "where": "Café Luna", "note": "Bring questions"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400 and "Pick the meeting’s date and time" in html
    assert 'value="Café Luna"' in html and ">Bring questions</textarea>" in html and store.get(a)["log"] == []
    r = post_form(browser, f"/prospects/{a}/interactions", {"action": "referral_given", "prospect_name": "Kireet Agrawal"})
    assert r.status_code == 303 and store.get(b)["referred_by"] == a
    r = post_form(browser, f"/prospects/{b}/edit", {"referred_by": "Someone Unknown"})
    assert r.status_code == 400 and 'value="Someone Unknown"' in r.get_data(as_text=True)
    post_form(browser, "/prospects/bulk", {"action": "stage", "stage": "Not now", "ids": [str(a)]})
    assert store.get(a)["stage"] == "not_now"  # the label the list shows is understood
    r = post_form(browser, "/prospects/bulk", {"action": "stage", "stage": "Parked", "ids": [str(a)]})
    html = r.get_data(as_text=True)
    shown = re.sub(r"<[^>]+>", " ", html.split("<main", 1)[1])  # what a person reads
    assert r.status_code == 400 and "Choose a stage from the list: Saved, Contacted" in shown and "not_now" not in shown
    r = post_form(browser, "/settings/import", {"step": "preview"}, content_type="multipart/form-data")
    assert r.status_code == 400 and "Choose a file to import" in r.get_data(as_text=True)
    r = post_form(browser, "/settings/import", {"step": "preview", "file": (io.BytesIO(b""), "")},
                  content_type="multipart/form-data")
    assert r.status_code == 400 and "Choose a file to import" in r.get_data(as_text=True)


def test_a_company_saved_before_its_people_and_its_page(browser, store):
    result = save_capture(store, fixture_html("company-about-2018"), "https://www.linkedin.com/company/facebook/about/")
    company_id = result.company["id"]
    assert companies.companies_page(store)["items"][0]["people"] == 0
    pid = seed(store, "profile-2022-self")
    p = store.get(pid)
    store.patch(pid, {"experience": [*p["experience"], {"title": "Intern", "company": "Facebook", "start": "2016"}]})
    seed(store, "public-2023")
    page = companies.company_page(store, company_id)
    assert [(x["full_name"], x["now"], x["title"]) for x in page["people"]] == [("Kireet Agrawal", False, "Intern")]
    html = browser.get(f"/companies/{company_id}").get_data(as_text=True)
    assert "Menlo Park, CA" in html and "Kireet Agrawal" in html and "worked there" in html
    again = save_capture(store, fixture_html("company-about-2018"), "https://www.linkedin.com/company/facebook/about/")
    assert again.company["id"] == company_id and len(store.companies()) == 1  # saved again: updated, not doubled


def test_search_finds_what_a_user_remembers_with_a_snippet(browser, store, people):
    log.record(store, people["public-2023"], "note", {"note": "Loves sourdough baking"})
    for q, name, where in (("thoughtspot", "Kireet Agrawal", "Worked"), ("queen's university", "Austin O'Boyle", "Worked"),
                           ("tableau", "Janice Jiang", "Skills"), ("sourdough", "Dulitha Wijewantha", "Log")):
        page = pages.prospects_page(store, {"q": q}, DAY)
        assert [p["full_name"] for p in page["items"]] == [name], q
        assert page["items"][0]["snippet"]["where"] == where and q in page["items"][0]["snippet"]["text"].lower()
    assert pages.prospects_page(store, {"company": "stripe"}, DAY)["total"] == 1  # a past employer filters too


def test_the_board_counts_each_stage_and_a_move_is_logged(browser, store, people):
    store.patch(people["public-2023"], {"stage": "met"})
    columns = {c["stage"]: c for c in board.board_page(store)["columns"]}
    assert (columns["saved"]["count"], columns["met"]["count"], columns["not_now"]["count"]) == (3, 1, 0)
    r = post_form(browser, f"/board/{people['profile-2018-self']}", {"stage": "not_now"})
    assert r.status_code == 303
    moved = store.get(people["profile-2018-self"])
    assert moved["stage"] == "not_now" and moved["log"][-1]["to"] == "not_now"
    assert "Moved Austin O&#39;Boyle to Not now" in browser.get("/board").get_data(as_text=True)


def test_the_template_preview_renders_a_chosen_persons_draft(browser, store, people):
    page = template_help.templates_page(store, {"name": "thank_you.explorer.1.j2", "person": "Kireet Agrawal"}, DAY)
    assert page["problem"] is None and "Kireet" in page["preview"]["draft"]["body"]
    r = post_form(browser, "/templates/preview", {"name": "connection_note.explorer.1.j2", "person": "Kireet Agrawal",
                                                  "source": "Hi {{ first_name }}, about {{ company }}."})
    html = r.get_data(as_text=True)
    assert "Hi Kireet, about Gantry." in html
    assert not (store.data_dir / "templates" / "connection_note.explorer.1.j2").exists()  # a preview saves nothing
    r = post_form(browser, "/templates/preview", {"name": "connection_note.explorer.1.j2", "person": "Kireet Agrawal",
                                                  "source": "{{ ''.__class__.__mro__ }}"})
    assert "__mro__" not in r.get_data(as_text=True).split('class="preview"', 1)[1].split("</div>", 1)[0]


def test_every_field_a_template_sees_is_explained(store, people):
    p = store.get(people["profile-2022-self"])
    me = {"name": "Sam", "persona": "explorer"}
    gathered = gather(p, me, DAY)
    context = build_context(p, me, gathered["common"] + gathered["specific"], gathered["career"], key_dates(p), DAY)
    assert set(context) | set(tone_phrases("warm", "Ann", 15)) <= set(template_help.FIELDS)


def test_settings_lists_are_one_per_line_and_fields_follow_the_persona(browser, store):
    post_form(browser, "/settings/me", {"name": "Sam", "persona": "recruiter", "tone": "warm", "time_ask": "15",
                                        "linkedin_account": "free", "skills": "SQL, advanced\nPython"})
    assert store.get_setting("me")["skills"] == ["SQL, advanced", "Python"]
    html = browser.get("/settings").get_data(as_text=True)
    assert ">SQL, advanced\nPython</textarea>" in html
    landed = html.split('data-persona="explorer"', 1)[1][:20]
    assert landed.lstrip().startswith("hidden")  # "Where you landed" is for explorers


def test_a_backdated_interaction_through_the_api_dates_its_stage_change_too(client, store, people):
    pid = people["public-2023"]
    r = client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "meeting_held", "at": "2026-03-08T14:00"})
    assert r.status_code == 201
    held, change = store.get(pid)["log"]
    assert change["type"] == "stage_changed" and change["at"] == held["at"] == utc("2026-03-08T14:00")
