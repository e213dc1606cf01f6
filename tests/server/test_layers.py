"""The house plan at run time: one timeline for every reader of the log, and a CLI without Flask."""

import json
import os
import subprocess
import sys
import time
from datetime import datetime

import pytest

from helpers import ROOT, capture

# A zone well ahead of UTC (POSIX TZ strings need no tz database): 23:30 here is 10:30 UTC.
AHEAD = "<+13>-13"


@pytest.fixture
def ahead_of_utc(monkeypatch):
    monkeypatch.setenv("TZ", AHEAD)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_today_notes_and_drafts_give_the_same_dates(app, client, ahead_of_utc):
    # Late in the evening, local time, on 10 March; the invitation went out at 00:30 local on 2 March,
    # which is still 1 March in UTC: a reader using UTC days would say the 11th instead of the 12th.
    app.config["COFFEECHAT_CLOCK"] = lambda: datetime(2026, 3, 10, 23, 30)
    assert client.put("/api/v1/settings/rules", json={"follow_up_after_days": 10}).status_code == 200
    pid = capture(client, "profile-2022-self").get_json()["prospect"]["id"]
    r = client.post(f"/api/v1/prospects/{pid}/interactions",
                    json={"action": "invitation_sent", "at": "2026-03-01T11:30+00:00"})
    assert r.status_code == 201

    page = client.get(f"/api/v1/prospects/{pid}/page").get_json()
    today_due = {i["rule"]: i["due"] for i in page["follow_ups"]}["follow_up"]
    listed = client.get("/api/v1/prospects?sort=next_due").get_json()["items"]
    assert [p["next_follow_up"]["due"] for p in listed if p["id"] == pid] == [today_due]

    notes = client.get(f"/api/v1/prospects/{pid}/notes").get_json()
    plan = {s["step"]: s for s in notes["sections"]["follow_up"]}
    planned = plan["Follow up once if there is no answer"]["due"]

    draft = client.get(f"/api/v1/prospects/{pid}/drafts?kind=follow_up").get_json()["drafts"][0]
    warned = [w for w in draft["warnings"] if "wait until" in w]

    assert today_due == planned == "2026-03-12"
    assert warned and "March 12, 2026" in warned[0] and "March 2, 2026" in warned[0]


def test_changing_a_rule_moves_today_and_the_notes_together(app, client):
    app.config["COFFEECHAT_CLOCK"] = lambda: datetime(2026, 3, 10, 12, 0)
    pid = capture(client, "profile-2022-self").get_json()["prospect"]["id"]
    client.post(f"/api/v1/prospects/{pid}/interactions", json={"action": "message_sent", "at": "2026-03-02T12:00"})

    def dates():
        page = client.get(f"/api/v1/prospects/{pid}/page").get_json()
        notes = client.get(f"/api/v1/prospects/{pid}/notes").get_json()
        plan = {s["step"]: s["due"] for s in notes["sections"]["follow_up"]}
        return {i["rule"]: i["due"] for i in page["follow_ups"]}["follow_up"], plan["Follow up once if there is no answer"]

    assert dates() == ("2026-03-09", "2026-03-09")
    client.put("/api/v1/settings/rules", json={"follow_up_after_days": 3})
    assert dates() == ("2026-03-05", "2026-03-05")


def test_cli_export_does_not_load_flask(tmp_path):
    # A fresh interpreter: the test process itself has Flask loaded already.
    script = (
        "import sys\n"
        "from coffeechat.cli import main\n"
        "try:\n"
        "    main(['export', '--format', 'json', '--data-dir', sys.argv[1]])\n"
        "except SystemExit as exc:\n"
        "    assert exc.code in (0, None), exc.code\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('flask', 'werkzeug', 'flask_cors'))\n"
        "print(json.dumps(loaded), file=sys.stderr)\n"
    )
    r = subprocess.run([sys.executable, "-c", "import json\n" + script, str(tmp_path / "data")],
                       capture_output=True, text=True, cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT / "server")},
                       timeout=120)
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stderr.strip().splitlines()[-1]) == []
    assert json.loads(r.stdout)["app"] == "coffeechat"
