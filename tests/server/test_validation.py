"""Issue 11: nothing a user or a page sends breaks the store. Each poisoning is refused, nothing is
written, and after a restart serving and exporting still work."""

import copy
import json

import pytest
from click.testing import CliRunner

from coffeechat import schemas
from coffeechat.cli import main
from coffeechat.errors import BadInput, CorruptStore
from coffeechat.pairing import get_token
from coffeechat.store import ProspectStore
from coffeechat.webapp import create_app
from helpers import LocalClient, capture

FORMATS = ("json", "csv", "vcard", "ics", "markdown")

PATCH_POISONINGS = [
    ({"current": {"title": 5, "company": 6}}, "current.title"),
    ({"experience": [{"title": 5}]}, "experience[0].title"),
    ({"languages": [1]}, "languages[0]"),
    ({"current": {"title": ["x"]}}, "current.title"),
    ({"education": [{"school": {"a": 1}}]}, "education[0].school"),
    ({"skills": [None]}, "skills[0]"),
    ({"full_name": 5}, "full_name"),
    ({"notes": ["x"]}, "notes"),
    ({"connection_degree": "4th"}, "connection_degree"),
    ({"email": {"x": 1}}, "email"),
]


def _restart(app):
    """Close the app's store and build the app again on the same folder, as a restart does."""
    data_dir = app.extensions["coffeechat_store"].data_dir
    app.extensions["coffeechat_store"].close()
    again = create_app({"data_dir": data_dir, "port": 5757})
    again.test_client_class = LocalClient
    client = again.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {get_token(data_dir)}"
    return again, client


def _everything_works(client, pid: int | None = None) -> None:
    assert client.get("/api/v1/prospects").status_code == 200
    assert client.get("/api/v1/today").status_code == 200
    assert client.get("/api/v1/followups/today").status_code == 200
    for fmt in FORMATS:
        assert client.get(f"/api/v1/export?format={fmt}").status_code == 200, fmt
    if pid:
        for path in ("", "/page", "/drafts", "/notes"):
            assert client.get(f"/api/v1/prospects/{pid}{path}").status_code == 200, path
    assert capture(client, "profile-2022-self").status_code in (200, 201)


@pytest.mark.parametrize("body,field", PATCH_POISONINGS, ids=[f for _, f in PATCH_POISONINGS])
def test_a_poisoned_patch_is_refused_names_the_field_and_changes_nothing(app, client, body, field):
    pid = capture(client, "profile-2018-self").get_json()["prospect"]["id"]
    before = client.get(f"/api/v1/prospects/{pid}").get_json()
    r = client.patch(f"/api/v1/prospects/{pid}", json=body)
    assert r.status_code in (400, 422), r.get_json()
    assert field in r.get_json()["error"]["message"]
    assert client.get(f"/api/v1/prospects/{pid}").get_json() == before
    app, client = _restart(app)
    try:
        assert client.get(f"/api/v1/prospects/{pid}").get_json() == before
        _everything_works(client, pid)
    finally:
        app.extensions["coffeechat_store"].close()


def _backup(**record_fields) -> dict:
    record = {"id": 1, "key": "https://www.linkedin.com/in/ada/", "full_name": "Ada", "stage": "saved", "tags": [],
              "notes": "", "referred_by": None, "email": None, "edited": [], "captures": [], "log": []}
    good = dict(record, id=2, key="https://www.linkedin.com/in/bob/", full_name="Bob")
    record.update(record_fields)
    return {"app": "coffeechat", "format": 1, "prospects": [good, record], "settings": {}}


IMPORT_POISONINGS = [({"id": True}, "id"), ({"tags": 5}, "tags"), ({"key": {}}, "key"), ({"full_name": 5}, "full_name"),
                     ({"log": [{"type": "note"}]}, "log[0].at"), ({"id": 2}, "twice")]


@pytest.mark.parametrize("fields,field", IMPORT_POISONINGS, ids=[f for _, f in IMPORT_POISONINGS])
def test_a_poisoned_api_import_is_refused_whole(app, client, fields, field):
    r = client.post("/api/v1/import", json=_backup(**fields))
    assert r.status_code == 422, r.get_json()
    message = r.get_json()["error"]["message"]
    assert field in message and "prospect 2 in the file" in message and "nothing was imported" in message
    assert client.get("/api/v1/prospects").get_json()["total"] == 0  # the good record before it is not kept either
    app, client = _restart(app)
    try:
        _everything_works(client)
    finally:
        app.extensions["coffeechat_store"].close()


def test_an_import_with_bad_settings_is_refused_whole(client):
    backup = _backup()
    backup["settings"] = {"me": {"name": 5}}
    r = client.post("/api/v1/import", json=backup)
    assert r.status_code == 422 and "me" in r.get_json()["error"]["message"]
    assert client.get("/api/v1/prospects").get_json()["total"] == 0


@pytest.mark.parametrize("fields,field", IMPORT_POISONINGS, ids=[f for _, f in IMPORT_POISONINGS])
def test_a_poisoned_cli_import_fails_in_one_line_and_commits_nothing(tmp_path, fields, field):
    data_dir = tmp_path / "data"
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps(_backup(**fields)), encoding="utf-8")
    result = CliRunner().invoke(main, ["import", str(backup), "--data-dir", str(data_dir)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    assert field in result.output and "Traceback" not in result.output
    store = ProspectStore(data_dir)
    try:
        assert store.count() == 0 and not store.warnings
    finally:
        store.close()
    exported = CliRunner().invoke(main, ["export", "--format", "csv", "--data-dir", str(data_dir)])
    assert exported.exit_code == 0, exported.output


def test_a_good_import_restores_every_record_in_one_journal_change(tmp_path):
    store = ProspectStore(tmp_path / "a")
    backup = _backup()
    assert store.import_backup(backup) == 2
    lines = (tmp_path / "a" / "coffeechat.journal").read_bytes().splitlines()  # what a crash now would leave
    assert sum(b'"t":"prospects"' in line for line in lines) == 1
    store.close()
    again = ProspectStore(tmp_path / "a")
    try:
        assert {p["full_name"] for p in again.all()} == {"Ada", "Bob"}
    finally:
        again.close()


def test_templates_rules_and_profile_refuse_wrong_types(client):
    assert client.put("/api/v1/templates/connection_note.j2", json={"source": 5}).status_code == 400
    assert client.put("/api/v1/settings/rules", json={"grace_days": "x"}).status_code == 400
    r = client.put("/api/v1/me", json={"schools": [5]})
    assert r.status_code == 400 and "schools" in r.get_json()["error"]["message"]
    assert client.get("/api/v1/settings").status_code == 200


def test_the_store_refuses_a_misshapen_setting(tmp_path):
    store = ProspectStore(tmp_path)
    try:
        with pytest.raises(BadInput, match="time_ask"):
            store.put_setting("me", {"time_ask": 17})
        with pytest.raises(BadInput, match="unknown"):
            store.put_setting("followup_rules", {"sooner": 1})
        assert store.get_setting("me") is None
    finally:
        store.close()


def test_json_nested_100000_deep_gets_400(client):
    body = "[" * 100_000 + "]" * 100_000
    r = client.post("/api/v1/import", data=body, content_type="application/json")
    assert r.status_code == 400 and "nested" in r.get_json()["error"]["message"]


def test_a_misshapen_record_on_open_is_quarantined_and_reported(tmp_path, app, client):
    """Records written straight into the snapshot (as an older version or a hand edit could) are set aside."""
    pid = capture(client, "profile-2018-self").get_json()["prospect"]["id"]
    store = app.extensions["coffeechat_store"]
    store.put_setting("me", {"name": "Me"})
    store.close()
    path = store.data_dir / "coffeechat.json"
    data = json.loads(path.read_bytes())
    good = data["tables"]["prospects"][str(pid)]
    bad = copy.deepcopy(good)
    bad.update(key="https://www.linkedin.com/in/broken/", current={"title": 5, "company": 6})
    data["tables"]["prospects"]["7"] = bad
    data["tables"]["prospects"]["8"] = dict(good, key="https://www.linkedin.com/in/ints/", tags=5)
    data["tables"]["settings"]["9"] = {"name": "followup_rules", "value": {"grace_days": "soon"}}
    data["tables"]["idempotency"]["3"] = {"key": 5}
    path.write_text(json.dumps(data), encoding="utf-8")

    result = CliRunner().invoke(main, ["export", "--format", "markdown", "--data-dir", str(store.data_dir)])
    assert result.exit_code == 0, result.output
    assert "warning: prospect 7" in result.output and "current.title" in result.output  # one line each, on stderr
    assert "warning: prospect 8" in result.output and "tags" in result.output
    assert json.loads(path.read_bytes()) == data  # a read-only open changes nothing on disk

    app, client = _restart(app)
    try:
        opened = app.extensions["coffeechat_store"]
        assert sorted(w.split(" was")[0] for w in opened.warnings) == [
            "idempotency key 3", "prospect 7", "prospect 8", "setting 9"]
        assert client.get("/api/v1/prospects").get_json()["total"] == 1
        assert client.get("/api/v1/prospects/7").status_code == 404
        _everything_works(client, pid)
        kept = {(q["table"], q["id"]): q for q in opened.db.table("quarantine").all()}
        assert kept[("prospects", "7")]["record"] == bad and "current.title" in kept[("prospects", "7")]["reason"]
        assert set(kept) == {("prospects", "7"), ("prospects", "8"), ("settings", "9"), ("idempotency", "3")}
    finally:
        app.extensions["coffeechat_store"].close()
    reopened = ProspectStore(store.data_dir)  # quarantined once: the next open is clean
    try:
        assert reopened.warnings == [] and reopened.count() == 2  # the first, and the one _everything_works saved
    finally:
        reopened.close()


def test_a_journal_record_of_the_wrong_shape_is_a_clear_error(tmp_path):
    import zlib
    store = ProspectStore(tmp_path)
    store.close()
    body = b'{"t":"prospects","put":{"1":5}}'
    (tmp_path / "coffeechat.journal").write_bytes(b"%08x %s\n" % (zlib.crc32(body), body))
    with pytest.raises(CorruptStore, match="line 1"):
        ProspectStore(tmp_path)


def test_every_fixture_parse_fits_the_prospect_schema():
    from coffeechat.model import CAPTURED_FIELDS
    from fixture_pages import PAGES
    checked = 0
    for path in sorted(PAGES.glob("profile*/*.json")):
        if path.name.endswith(".expected.json"):
            continue
        parsed = json.loads(path.read_text(encoding="utf-8")).get("expected") or {}
        record = {"key": "k", **{k: parsed[k] for k in CAPTURED_FIELDS if k in parsed}}
        assert schemas.problem(schemas.PROSPECT, record) is None, path.name
        checked += 1
    assert checked >= 20
