"""Issue 15 at the app and route level: dated interactions, Today's actions, inline errors, companies, search."""

from datetime import date, datetime, timedelta

from dashboard_helpers import NOW, post_form, seed, utc

from coffeechat.app import log, today
from coffeechat.timeline import for_prospect


def test_a_meeting_without_a_date_comes_back_as_typed(browser, store, people):
    pid = people["public-2023"]
    r = post_form(browser, f"/prospects/{pid}/interactions",
                  {"action": "meeting_scheduled", "when": "", "where": "Café Luna", "note": "Bring questions"})
    html = r.get_data(as_text=True)
    assert r.status_code == 400, html[:3000]
    assert "Pick the meeting’s date and time" in html and 'value="Café Luna"' in html and ">Bring questions</textarea>" in html
    assert store.get(pid)["log"] == []
