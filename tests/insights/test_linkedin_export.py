"""LinkedIn's own data export, built exactly in its format: Notes lines, "12 Mar 2024", empty emails, quoted commas."""

import io
import re

from coffeechat.app import imports
from coffeechat.cli import main
from coffeechat.model import CAPTURED_FIELDS
from invented_pages import BEFORE, URL

CONNECTIONS = (
    "Notes:\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. You will '
    "only see email addresses for connections who have allowed their connections to see or download their email "
    'address using this setting https://www.linkedin.com/psettings/privacy/email."\n'
    "\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    'Ana,Silva,https://www.linkedin.com/in/ana-silva,,Beta,"Data Scientist, Analytics",12 Mar 2024\n'
    'Bo,Tan,https://www.linkedin.com/in/bo-tan,bo@example.com,"Acme, Inc.",Engineer,01 Feb 2023\n'
    'Cy,Vale,https://www.linkedin.com/in/cy-vale,,"=HYPERLINK(""http://x.example"")",@SUM(1),3 Jan 2022\n'
    "Dee,Park,,,Gamma,Product Manager,5 May 2021\n"
)
INVITATIONS = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    'Robin Doe,Ana Silva,"3/14/24, 2:37 PM","Hi Ana, your talk on dbt was great, could we connect?",OUTGOING,'
    "https://www.linkedin.com/in/robin-doe,https://www.linkedin.com/in/ana-silva\n"
    'Eve Evans,Robin Doe,"1/2/24, 9:05 AM",,INCOMING,https://www.linkedin.com/in/eve-evans,'
    "https://www.linkedin.com/in/robin-doe\n"
    'Robin Doe,Fay Fox,"2/1/24, 10:00 AM",,OUTGOING,https://www.linkedin.com/in/robin-doe,'
    "https://www.linkedin.com/in/fay-fox\n"
)


def _by_name(client) -> dict[str, dict]:
    items = client.get("/api/v1/prospects", query_string={"limit": 500}).get_json()["items"]
    return {p["full_name"]: client.get(f"/api/v1/prospects/{p['id']}").get_json() for p in items}


def _form(browser, step: str, **extra):
    html = browser.get("/settings").get_data(as_text=True)
    token = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    return browser.post("/settings/import", data={"csrf_token": token, "step": step, **extra},
                        headers={"Origin": "http://127.0.0.1:5757", "Sec-Fetch-Site": "same-origin"})


def _import_in_dashboard(browser, text: str, name: str) -> str:
    """Upload, read the preview, confirm; returns the preview page."""
    r = _form(browser, "preview", file=(io.BytesIO(text.encode("utf-8")), name))
    assert r.status_code == 303, r.get_data(as_text=True)[:500]
    preview = browser.get("/settings").get_data(as_text=True)
    assert _form(browser, "confirm").status_code == 303
    return preview


def test_connections_and_invitations_import_with_a_preview_once(client, store, browser):
    captured = client.post("/api/v1/captures", json={"url": URL, "html": BEFORE}).get_json()["prospect"]
    preview = _import_in_dashboard(browser, CONNECTIONS, "export (1).csv")
    assert "3 rows ready, 1 with errors" in preview
    assert "is not a LinkedIn profile address" in preview and "Dee Park" in preview

    people = _by_name(client)
    assert set(people) == {"Ana Silva", "Bo Tan", "Cy Vale"}
    ana = people["Ana Silva"]
    # Captured earlier: the capture's fields stay, the export adds the connection.
    assert ana["id"] == captured["id"] and ana["current"] == captured["current"] == {
        "title": "Data Analyst", "company": "Acme"}
    kept = [f for f in CAPTURED_FIELDS if f in captured and f != "connection_degree"]
    assert len(kept) >= 4 and all(ana[f] == captured[f] for f in kept)
    assert ana["connection_degree"] == "1st"
    assert ana["connected_on"] == "2024-03-12" and ana["email"] is None
    bo = people["Bo Tan"]
    assert bo["current"] == {"title": "Engineer", "company": "Acme, Inc."} and bo["email"] == "bo@example.com"
    assert (bo["connection_degree"], bo["connected_on"]) == ("1st", "2023-02-01")
    cy = people["Cy Vale"]
    assert cy["current"] == {"title": "SUM(1)", "company": 'HYPERLINK("http://x.example")'}

    invitations = _import_in_dashboard(browser, INVITATIONS, "Invitations.csv")
    assert "they invited you" in invitations
    people = _by_name(client)
    sent = [e for e in people["Ana Silva"]["log"] if e["type"] == "invitation_sent"]
    assert [(e["at"], e["note"]) for e in sent] == [
        ("2024-03-14T14:37:00+00:00", "Hi Ana, your talk on dbt was great, could we connect?")]
    assert [e["at"] for e in people["Fay Fox"]["log"]] == ["2024-02-01T10:00:00+00:00"]
    assert "Eve Evans" not in people

    before = client.get("/api/v1/export", query_string={"format": "json"}).get_json()["prospects"]
    for text in (CONNECTIONS, INVITATIONS):
        again = imports.preview("csv", text, store)
        assert {r["status"] for r in again["rows"]} <= {"unchanged", "skip", "error"}
        assert imports.apply("csv", text, store) == {"created": 0, "updated": 0, "skipped": again["errors"]}
    after = client.get("/api/v1/export", query_string={"format": "json"}).get_json()["prospects"]
    assert after == before


def test_recognised_by_header_not_name(store):
    assert imports.preview("csv", CONNECTIONS, store)["export"] == "connections"
    assert imports.preview("csv", INVITATIONS, store)["export"] == "invitations"
    plain = imports.preview("csv", "full_name,company\nAna Silva,Beta\n", store)
    assert "export" not in plain and plain["rows"][0]["status"] == "new"


def test_bad_dates_are_row_errors(store):
    text = CONNECTIONS.replace("12 Mar 2024", "sometime")
    rows = imports.preview("csv", text, store)["rows"]
    assert rows[0]["status"] == "error" and "cannot read the connection date" in rows[0]["errors"][0]
    assert rows[0]["line"] == 5  # counted in the file, Notes lines included


def test_cli_imports_linkedin_files(tmp_path, data_dir):
    from click.testing import CliRunner
    path = tmp_path / "Connections.csv"
    path.write_text(CONNECTIONS, encoding="utf-8")
    runner = CliRunner()
    dry = runner.invoke(main, ["import", str(path), "--preview", "--data-dir", str(data_dir)])
    assert dry.exit_code == 0 and "3 rows ready, 1 with errors" in dry.output
    done = runner.invoke(main, ["import", str(path), "--data-dir", str(data_dir)])
    assert done.exit_code == 0, done.output
    assert "imported 3 new, 0 updated, 1 rows skipped" in done.output and "line 8: Dee Park" in done.output
    again = runner.invoke(main, ["import", str(path), "--data-dir", str(data_dir)])
    assert "imported 0 new, 0 updated" in again.output
