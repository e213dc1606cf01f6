"""The coffeechat command: token, parse, export/import, reparse, serve's refusals."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from coffeechat.app.captures import save_capture
from coffeechat.cli import main
from coffeechat.store import ProspectStore
from helpers import PROFILE_URLS, ROOT, fixture_html, page_path


@pytest.fixture
def runner():
    return CliRunner()


def _fill(data_dir: Path) -> None:
    store = ProspectStore(data_dir)
    try:
        for name, url in PROFILE_URLS.items():
            save_capture(store, fixture_html(name), url)
        store.patch(1, {"stage": "contacted", "tags": ["a"], "notes": "ünïcode ✓"})
        store.add_log(1, {"type": "meeting_held", "note": "good"})
    finally:
        store.close()


def test_token_prints_the_token_alone_and_rotates(runner, tmp_path):
    first = runner.invoke(main, ["token", "--data-dir", str(tmp_path)])
    assert first.exit_code == 0
    token = first.output.strip()
    assert first.output == token + "\n" and len(token) >= 32
    assert runner.invoke(main, ["token", "--data-dir", str(tmp_path)]).output.strip() == token
    rotated = runner.invoke(main, ["token", "--rotate", "--data-dir", str(tmp_path)]).output.strip()
    assert rotated != token


def test_parse_prints_json_with_kind(runner):
    r = runner.invoke(main, ["parse", str(page_path("profile-2022-self")), "--url", PROFILE_URLS["profile-2022-self"]])
    assert r.exit_code == 0, r.output
    result = json.loads(r.output)
    assert result["kind"] == "profile" and result["full_name"] == "Kireet Agrawal"


def test_parse_fails_with_one_readable_line(runner, tmp_path):
    page = tmp_path / "cats.html"
    page.write_text("<html><head><title>Cats</title></head><body>meow</body></html>")
    r = runner.invoke(main, ["parse", str(page)])
    assert r.exit_code == 1
    assert r.output.startswith("coffeechat: ") and r.output.count("\n") == 1
    assert "Traceback" not in r.output


def test_export_import_round_trip_is_identical(runner, tmp_path):
    src, dst = tmp_path / "src", tmp_path / "dst"
    _fill(src)
    exported = runner.invoke(main, ["export", "--format", "json", "--data-dir", str(src)])
    assert exported.exit_code == 0
    backup = tmp_path / "backup.json"
    backup.write_text(exported.output, encoding="utf-8")
    imported = runner.invoke(main, ["import", str(backup), "--data-dir", str(dst)])
    assert imported.exit_code == 0, imported.output
    again = runner.invoke(main, ["export", "--format", "json", "--data-dir", str(dst)])
    assert again.output == exported.output
    assert json.loads(again.output)["prospects"][0]["notes"] == "ünïcode ✓"
    refused = runner.invoke(main, ["import", str(backup), "--data-dir", str(dst)])
    assert refused.exit_code == 1 and "empty" in refused.output


def test_import_of_a_bad_file_is_a_clear_error(runner, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    r = runner.invoke(main, ["import", str(bad), "--data-dir", str(tmp_path / "d")])
    assert r.exit_code == 1 and "not valid JSON" in r.output


def test_csv_export_has_a_header_even_when_empty(runner, tmp_path):
    import csv
    import io
    r = runner.invoke(main, ["export", "--format", "csv", "--data-dir", str(tmp_path)])
    rows = list(csv.reader(io.StringIO(r.output)))
    assert rows[0][:2] == ["id", "full_name"] and len(rows) == 1


def test_reparse_upgrades_old_records(runner, tmp_path):
    _fill(tmp_path)
    store = ProspectStore(tmp_path)
    # An old record: captured before the parser read experience and skills.
    doc = store.get(3)
    store.db.table("prospects").update({"experience": [], "skills": []}, doc_ids=[3])
    store.close()
    r = runner.invoke(main, ["reparse", "--data-dir", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert "re-parsed 4 captures of 4 prospects" in r.output
    store = ProspectStore(tmp_path, read_only=True)
    assert store.get(3)["experience"] == doc["experience"] and store.get(3)["skills"] == doc["skills"]
    assert store.get(1)["stage"] == "contacted"
    store.close()


def test_serve_refuses_a_public_address_without_the_flag(runner, tmp_path):
    r = runner.invoke(main, ["serve", "--host", "0.0.0.0", "--data-dir", str(tmp_path)])
    assert r.exit_code == 1 and "--allow-remote" in r.output


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("command", ["module", "make run"])
def test_serve_answers_ping_on_loopback(tmp_path, command):
    port = _free_port()
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path), "COFFEECHAT_PORT": str(port)}
    argv = ["make", "--no-print-directory", "run"] if command == "make run" else [sys.executable, "-m", "coffeechat", "serve"]
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            start_new_session=True)
    try:
        deadline = time.monotonic() + 60  # a loaded 2-core CI machine can take a while to start Python
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/ping", timeout=1) as r:
                    assert json.load(r)["app"] == "coffeechat"
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail("the server never answered")
                time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # make's child server too
        out, _ = proc.communicate(timeout=10)
    assert f"http://127.0.0.1:{port}/" in out
    # The output is a pipe (a log), not a terminal: the banner says how to get the token, never the token.
    assert (tmp_path / "token").read_text().strip() not in out
    assert "coffeechat token" in out
    assert "Load unpacked" in out


@pytest.mark.parametrize("fmt,marker", [("vcard", "BEGIN:VCARD"), ("ics", "BEGIN:VCALENDAR"), ("markdown", "# ")])
def test_export_offers_every_format(runner, tmp_path, fmt, marker):
    _fill(tmp_path)
    r = runner.invoke(main, ["export", "--format", fmt, "--data-dir", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert marker in r.output
    if fmt != "ics":
        assert "Kireet" in r.output
