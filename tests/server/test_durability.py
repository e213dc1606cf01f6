"""Durability: kill -9 during saves, torn journal records, refused disks, concurrent writers."""

import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from coffeechat.errors import CorruptStore, StorageError
from coffeechat.store import ProspectStore

LOOP = Path(__file__).with_name("save_loop.py")


def _parsed(i: int, name: str | None = None) -> dict:
    return {"kind": "profile", "full_name": name or f"Person {i}", "headline": f"Headline {i}"}


def _save(store: ProspectStore, i: int, name: str | None = None):
    page = store.save_page("<html></html>")
    return store.save_capture(_parsed(i, name), f"https://www.linkedin.com/in/p{i}/", "https://www.linkedin.com/in/p/", page)


@pytest.mark.slow  # about 40 s of kill loops: make test runs it, make check leaves it out
def test_sigkill_during_saves_loses_no_acknowledged_save(tmp_path):
    rng = random.Random(7)
    acked: set[int] = set()
    start = 0
    for _ in range(20):
        child = subprocess.Popen([sys.executable, str(LOOP), str(tmp_path), str(start)],
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout is not None
        first = child.stdout.readline()  # the child is saving (starting Python takes long on a loaded machine)
        if first:
            acked.add(int(first))
        deadline = time.monotonic() + rng.uniform(0.3, 0.9)
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            acked.add(int(line))
        child.send_signal(signal.SIGKILL)
        rest, _ = child.communicate()
        acked.update(int(x) for x in rest.split())  # printed before the kill landed: acknowledged too
        start = max(acked, default=start) + 1000
        store = ProspectStore(tmp_path)
        try:
            names = {p["full_name"] for p in store.all()}
        finally:
            store.close()
        missing = {i for i in acked if f"Person {i}" not in names}
        assert not missing, f"lost acknowledged saves: {sorted(missing)[:10]}"
    assert len(acked) > 100


def test_torn_last_record_is_dropped_with_a_warning(tmp_path):
    store = ProspectStore(tmp_path)
    for i in range(3):
        _save(store, i)
    store.db.storage._journal.close()  # simulate a crash: no compaction at close
    store.db.storage._lockfile.close()
    journal = tmp_path / "coffeechat.journal"
    for tail in (b'deadbeef {"t":"prospects","put":{"9":', b"\x00\xff\x13garbage"):
        good = journal.read_bytes()
        journal.write_bytes(good + tail)
        reopened = ProspectStore(tmp_path)
        try:
            assert reopened.count() == 3
            assert any("torn" in w for w in reopened.warnings)
            assert journal.read_bytes() == good  # cut back to the last good record
        finally:
            reopened.db.storage._journal.close()
            reopened.db.storage._lockfile.close()


def test_damage_in_the_middle_of_the_journal_is_refused_untouched(tmp_path):
    store = ProspectStore(tmp_path)
    for i in range(3):
        _save(store, i)
    store.db.storage._journal.close()
    store.db.storage._lockfile.close()
    journal = tmp_path / "coffeechat.journal"
    lines = journal.read_bytes().splitlines(keepends=True)
    damaged = lines[0] + b"XX" + lines[1][2:] + lines[2]
    journal.write_bytes(damaged)
    with pytest.raises(CorruptStore, match="line 2"):
        ProspectStore(tmp_path)
    assert journal.read_bytes() == damaged


def test_corrupt_or_foreign_snapshot_is_refused_and_never_overwritten(tmp_path):
    snapshot = tmp_path / "coffeechat.json"
    for content in (b'{"app": "coffeechat", "sch', b'{"_default": {}}', b'{"app":"coffeechat","schema":99,"tables":{}}'):
        snapshot.write_bytes(content)
        with pytest.raises(CorruptStore):
            ProspectStore(tmp_path)
        assert snapshot.read_bytes() == content


def test_a_second_writer_is_refused(tmp_path):
    store = ProspectStore(tmp_path)
    try:
        with pytest.raises(StorageError, match="another coffeechat"):
            ProspectStore(tmp_path)
        reader = ProspectStore(tmp_path, read_only=True)
        reader.close()
    finally:
        store.close()


def test_refused_write_changes_nothing_and_reads_go_on(tmp_path, monkeypatch):
    store = ProspectStore(tmp_path)
    prospect, _, _ = _save(store, 1)
    journal = store.db.storage

    def refuse(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(StorageError, match="No space left"):
        store.patch(prospect["id"], {"stage": "contacted"})
    with pytest.raises(StorageError):
        _save(store, 2)
    monkeypatch.undo()
    assert store.get(prospect["id"])["stage"] == "saved"
    assert store.count() == 1
    assert journal._journal_size == os.path.getsize(tmp_path / "coffeechat.journal")
    store.close()
    reopened = ProspectStore(tmp_path)
    assert reopened.count() == 1 and reopened.get(prospect["id"])["stage"] == "saved"
    reopened.close()


def test_eight_threads_saving_at_once_lose_nothing(tmp_path):
    store = ProspectStore(tmp_path)
    errors = []

    def worker(t: int) -> None:
        try:
            for i in range(50):
                _save(store, t * 1000 + i)
                _save(store, 900_000 + i, name=f"Shared {i}")  # overlapping prospects: merged, never duplicated
        except Exception as exc:  # noqa: BLE001 - collected and reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(t,)) for t in range(8)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert not errors
    assert store.count() == 8 * 50 + 50
    store.close()
    reopened = ProspectStore(tmp_path)
    names = [p["full_name"] for p in reopened.all()]
    assert len(names) == len(set(names)) == 450
    reopened.close()


def test_an_older_schema_is_backed_up_before_it_is_upgraded(tmp_path):
    import json
    old = {"app": "coffeechat", "schema": 0, "tables": {"prospects": {"1": {
        "key": "https://www.linkedin.com/in/old/", "full_name": "Old Record", "stage": "saved", "tags": [],
        "notes": "", "referred_by": None, "email": None, "edited": [], "captures": [], "log": []}}}}
    raw = json.dumps(old).encode()
    (tmp_path / "coffeechat.json").write_bytes(raw)
    store = ProspectStore(tmp_path)
    try:
        assert store.get(1)["full_name"] == "Old Record"
    finally:
        store.close()
    assert (tmp_path / "coffeechat.json.schema0.bak").read_bytes() == raw
    upgraded = json.loads((tmp_path / "coffeechat.json").read_text())
    assert upgraded["schema"] >= 1 and upgraded["tables"]["prospects"]["1"]["full_name"] == "Old Record"
