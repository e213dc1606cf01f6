"""Owner-only data folders, `coffeechat doctor` and `doctor --salvage`, and unwritable folders giving one clear line."""

import errno
import os
import stat
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from coffeechat.cli import main
from coffeechat.errors import CorruptStore
from coffeechat.store import ProspectStore


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _save(store: ProspectStore, i: int) -> None:
    store.save_capture({"kind": "profile", "full_name": f"Person {i}"}, f"https://www.linkedin.com/in/p{i}/", "u",
                       store.save_page(f"<html>{i}</html>"))


@pytest.fixture
def runner():
    return CliRunner()


def test_a_pre_existing_0755_folder_becomes_owner_only_and_says_so(tmp_path, runner):
    folder = tmp_path / "data"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)
    store = ProspectStore(folder)
    _save(store, 1)
    store.close()
    os.chmod(folder, 0o755)
    for path in folder.rglob("*"):
        os.chmod(path, 0o755 if path.is_dir() else 0o644)
    r = runner.invoke(main, ["export", "--data-dir", str(folder)])
    assert r.exit_code == 0
    said = [line for line in r.stderr.splitlines() if "readable by other users" in line]
    assert len(said) == 1 and "owner-only" in said[0]
    assert _mode(folder) == 0o700
    for path in folder.rglob("*"):
        assert _mode(path) & 0o077 == 0, path
    r = runner.invoke(main, ["export", "--data-dir", str(folder)])
    assert "readable by other users" not in r.stderr  # already tight: nothing to say


def test_every_file_coffeechat_creates_is_0600_whatever_the_umask(tmp_path, client, data_dir):
    old = os.umask(0o022)
    try:
        r = client.post("/api/v1/captures", json={"url": "https://www.linkedin.com/in/x/",
                                                  "html": "<html><head><title>x</title></head></html>"})
        assert r.status_code < 500
        client.put("/api/v1/templates/connection_note.explorer.1.j2", json={"source": "Hi {{ first_name }}"})
        store = client.application.extensions["coffeechat_store"]
        store.previews.write("csv\nfull_name\nA\n")
        store.save_page("<html>a page</html>")
        store.db.storage.compact()  # writes the snapshot
    finally:
        os.umask(old)
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert {p.name for p in files} >= {"token", "session_secret", "coffeechat.journal", "coffeechat.lock",
                                       "coffeechat.json", "connection_note.explorer.1.j2"}
    assert any(p.name.endswith(".html.gz") for p in files) and any(p.name.startswith("pending-import-") for p in files)
    for path in files:
        assert _mode(path) == 0o600, path
    for path in [data_dir, *[p for p in data_dir.rglob("*") if p.is_dir()]]:
        assert _mode(path) == 0o700, path


def test_doctor_reports_a_healthy_folder_and_orphaned_pages(tmp_path, runner):
    store = ProspectStore(tmp_path)
    _save(store, 1)
    store.close()
    r = runner.invoke(main, ["doctor", "--data-dir", str(tmp_path)])
    assert r.exit_code == 0 and "healthy" in r.output and "1 prospects" in r.output
    (tmp_path / "captures" / ("ab" * 32 + ".html.gz")).write_bytes(b"x")
    os.chmod(tmp_path / "coffeechat.json", 0o644)
    r = runner.invoke(main, ["doctor", "--data-dir", str(tmp_path)])
    assert r.exit_code == 1
    assert "orphaned" in r.output and "other users can read" in r.output


def test_damage_in_the_middle_of_the_journal_is_salvaged(tmp_path, runner):
    store = ProspectStore(tmp_path, compact_bytes=1 << 30)
    for i in range(10):
        _save(store, i)
    store.db.storage._journal.close()  # a crash: no compaction on the way out
    store.db.storage._release_writer()
    journal = tmp_path / "coffeechat.journal"
    lines = journal.read_bytes().splitlines(keepends=True)
    middle = len(lines) // 2
    lines[middle] = lines[middle][:20] + b"#" + lines[middle][21:]
    journal.write_bytes(b"".join(lines))
    with pytest.raises(CorruptStore, match="salvage"):
        ProspectStore(tmp_path)
    r = runner.invoke(main, ["doctor", "--data-dir", str(tmp_path)])
    assert r.exit_code == 1 and "damaged" in r.output
    r = runner.invoke(main, ["doctor", "--salvage", "--data-dir", str(tmp_path)])
    assert "salvaged 9 intact records, dropped 1 damaged" in r.output and "store opens: 9 prospects" in r.output
    assert "orphaned" in r.output  # the page of the lost save stays, for the user to look at
    assert "kept for recovery" in r.output
    aside = list(tmp_path.glob("coffeechat.journal.damaged-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == b"".join(lines)
    store = ProspectStore(tmp_path)
    try:
        assert store.count() == 9  # every save but the one whose record was damaged
        assert {p["full_name"] for p in store.all()} >= {"Person 0", "Person 9"}
    finally:
        store.close()


def test_a_record_of_the_wrong_shape_is_a_clear_error_not_a_traceback(tmp_path, runner):
    store = ProspectStore(tmp_path)
    _save(store, 1)
    store.close()
    body = b'{"t":"prospects","put":{"2":5}}'
    with open(tmp_path / "coffeechat.journal", "ab") as f:
        f.write(b"%08x %s\n" % (zlib.crc32(body), body))
    r = runner.invoke(main, ["export", "--data-dir", str(tmp_path)])
    assert r.exit_code == 1 and "wrong shape" in r.output and "Traceback" not in r.output


def _refuse_writes_under(folder: Path, monkeypatch) -> None:
    """Make every open for writing under ``folder`` fail as on a read-only file system (root ignores chmod)."""
    real_open = os.open

    def fake_open(path, flags, *args, **kwargs):
        if str(path).startswith(str(folder)) and flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)
    monkeypatch.setattr(os, "open", fake_open)


@pytest.mark.parametrize("argv", [["token", "--rotate"], ["reparse"], ["serve"]])
def test_a_read_only_data_folder_gives_one_clear_line(tmp_path, runner, monkeypatch, argv):
    store = ProspectStore(tmp_path)
    _save(store, 1)
    store.close()
    _refuse_writes_under(tmp_path, monkeypatch)
    r = runner.invoke(main, [*argv, "--data-dir", str(tmp_path)])
    assert r.exit_code == 1
    assert "Traceback" not in r.output and r.exception is None or isinstance(r.exception, SystemExit)
    lines = [line for line in r.stderr.splitlines() if line.startswith("coffeechat:") and "warning" not in line]
    assert len(lines) == 1 and "read-only" in lines[0].lower(), r.stderr
