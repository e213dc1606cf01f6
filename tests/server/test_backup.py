"""Whole backups: consistent while a writer saves and compacts, restorable into an empty folder with identical exports."""

import gzip
import io
import json
import subprocess
import sys
import tarfile
import threading
from datetime import datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from coffeechat.app import exports
from coffeechat.app.backup import backup_folder, restore_archive
from coffeechat.app.captures import reparse_all, save_capture
from coffeechat.app.followups import save_rules
from coffeechat.cli import main
from coffeechat.errors import BadInput
from coffeechat.outreach import save_override
from coffeechat.store import ProspectStore
from helpers import PROFILE_URLS, fixture_html

WRITER = Path(__file__).with_name("backup_writer.py")
NOW = datetime(2026, 11, 20, 9, 30)
FORMATS = ("json", "csv", "vcard", "ics", "markdown")
TEMPLATE = "connection_note.explorer.1.j2"


class _Writer:
    """A store writer process that saves in a loop (compacting every ~60 saves); ``acked`` is its last acknowledged save."""

    def __init__(self, data_dir: Path):
        self.proc = subprocess.Popen([sys.executable, str(WRITER), str(data_dir), "100000"], stdout=subprocess.PIPE,
                                     text=True)
        self.acked = -1
        self.thread = threading.Thread(target=self._read, daemon=True)
        self.thread.start()

    def _read(self) -> None:
        for line in self.proc.stdout:  # type: ignore[union-attr]
            self.acked = int(line)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def _keys_in_archive(path: Path) -> set[str]:
    with tarfile.open(path) as tar:
        snapshot = json.loads(gzip.decompress(tar.extractfile("coffeechat.json.gz").read()))  # type: ignore[union-attr]
    return {doc["key"] for doc in snapshot["tables"]["prospects"].values()}


def _wanted(acked: int) -> set[str]:
    return {f"https://www.linkedin.com/in/p{i}/" for i in range(acked + 1)}


@pytest.mark.slow
def test_50_backups_and_exports_during_writes_miss_nothing_and_report_no_damage(tmp_path):
    data_dir = tmp_path / "data"
    writer = _Writer(data_dir)
    runner = CliRunner()
    try:
        while writer.acked < 50:
            writer.thread.join(0.05)
        for run in range(50):
            acked = writer.acked  # every save up to here was acknowledged before the read started
            if run % 2:
                target = tmp_path / f"backup-{run}.tar"
                r = runner.invoke(main, ["backup", str(target), "--data-dir", str(data_dir)])
                assert r.exit_code == 0 and "warning" not in r.output, r.output
                found = _keys_in_archive(target)
                target.unlink()
            else:
                r = runner.invoke(main, ["export", "--format", "json", "--data-dir", str(data_dir)])
                assert r.exit_code == 0, r.output
                found = {p["key"] for p in json.loads(r.stdout)["prospects"]}
            assert "damaged" not in r.output and "warning" not in r.output
            assert _wanted(acked) <= found, f"run {run} misses {len(_wanted(acked) - found)} acknowledged saves"
        assert writer.acked > 100  # the writer kept saving (and compacting) throughout
    finally:
        writer.stop()


def _fill(data_dir: Path) -> None:
    store = ProspectStore(data_dir)
    for name, url in PROFILE_URLS.items():
        save_capture(store, fixture_html(name), url)
    save_capture(store, fixture_html("search-2022-fragment"),
                 "https://www.linkedin.com/search/results/people/?keywords=director%20in%20energy")
    first = store.search(sort="name")[0][0]["id"]
    store.patch(first, {"notes": "met at the fair", "tags": ["energy"], "stage": "contacted"})
    store.add_log(first, {"type": "meeting_scheduled", "when": "2026-11-25T10:00", "where": "Cafe"})
    save_rules(store, {"follow_up_after_days": 5})
    store.put_setting("me", {"name": "Sam Doe", "goal": "product roles"})
    save_override(data_dir / "templates", TEMPLATE, "Hello {{ first_name }}, a note from me.")
    store.close()


def _exports(data_dir: Path) -> dict[str, str]:
    store = ProspectStore(data_dir, read_only=True)
    try:
        return {fmt: exports.export(store, fmt, 5757, NOW)[0] for fmt in FORMATS}
    finally:
        store.close()


def test_a_backup_restored_into_an_empty_folder_is_identical_and_reparses(tmp_path):
    source, target, archive = tmp_path / "source", tmp_path / "restored", tmp_path / "backup.tar"
    _fill(source)
    runner = CliRunner()
    r = runner.invoke(main, ["backup", str(archive), "--data-dir", str(source)])
    assert r.exit_code == 0, r.output
    assert (archive.stat().st_mode & 0o077) == 0
    r = runner.invoke(main, ["restore", str(archive), "--data-dir", str(target)])
    assert r.exit_code == 0, r.output
    assert _exports(target) == _exports(source)
    assert (target / "templates" / TEMPLATE).read_text() == (source / "templates" / TEMPLATE).read_text()
    assert not (target / "token").exists()  # a restored folder gets its own pairing token
    store = ProspectStore(target)
    try:
        counts = reparse_all(store)
    finally:
        store.close()
    assert counts["failed"] == 0 and counts["captures"] == len(PROFILE_URLS) + 2
    r = runner.invoke(main, ["restore", str(archive), "--data-dir", str(target)])
    assert r.exit_code == 1 and "empty" in r.output


def test_a_damaged_archive_is_refused_before_anything_is_written(tmp_path):
    source, archive = tmp_path / "source", tmp_path / "backup.tar"
    _fill(source)
    backup_folder(source, archive)
    members = []
    with tarfile.open(archive) as tar:
        for m in tar:
            data = tar.extractfile(m).read()  # type: ignore[union-attr]
            members.append((m, data[:-1] + bytes([data[-1] ^ 1]) if m.name.startswith("captures/") else data))
    damaged = tmp_path / "damaged.tar"
    with tarfile.open(damaged, "w") as tar:
        for m, data in members:
            m.size = len(data)
            tar.addfile(m, io.BytesIO(data))
    with pytest.raises(BadInput, match="damaged"):
        restore_archive(damaged, tmp_path / "new")
    assert not (tmp_path / "new").exists()


def test_the_dashboard_offers_the_same_archive_same_origin_only(client, data_dir, tmp_path):
    client.post("/api/v1/captures", json={"url": PROFILE_URLS["public-2023"], "html": fixture_html("public-2023")})
    r = client.get("/settings/backup", headers={"Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 200 and r.mimetype == "application/x-tar"
    (tmp_path / "dl.tar").write_bytes(r.data)
    restore_archive(tmp_path / "dl.tar", tmp_path / "restored")
    assert _exports(tmp_path / "restored")["csv"] == exports.export(
        client.application.extensions["coffeechat_store"], "csv", 5757, NOW)[0]
    assert client.get("/settings/backup", headers={"Sec-Fetch-Site": "cross-site"}).status_code == 403
