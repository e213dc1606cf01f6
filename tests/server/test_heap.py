"""The server asks glibc for one heap shared by its threads, and keeps the garbage collector off
the big structures it builds once (coffeechat/heap.py)."""

import gc
import platform
import sys
import threading

import pytest

from bench.local import free_port
from coffeechat.heap import collector_paused, share_one_heap
from coffeechat.store import ProspectStore


@pytest.mark.skipif(not sys.platform.startswith("linux") or platform.libc_ver()[0] != "glibc",
                    reason="only glibc has per-thread arenas to limit")
def test_glibc_accepts_one_shared_arena():
    assert share_one_heap() is True


def test_serve_shares_one_heap_before_the_app_and_its_threads_exist(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from coffeechat import cli, heap
    calls = []
    monkeypatch.setattr(heap, "share_one_heap", lambda: calls.append("heap") or True)
    import coffeechat.webapp as webapp
    monkeypatch.setattr(webapp, "create_app", lambda config: calls.append("app") or (_ for _ in ()).throw(SystemExit(3)))
    port = str(free_port())
    result = CliRunner().invoke(cli.main, ["serve", "--port", port, "--data-dir", str(tmp_path)])
    assert result.exit_code == 3 and calls == ["heap", "app"]


def test_the_collector_is_paused_while_building_and_back_after_it():
    assert gc.isenabled()
    with collector_paused():
        assert not gc.isenabled()
        with collector_paused():  # nested (or another thread building at the same time)
            assert not gc.isenabled()
        assert not gc.isenabled(), "the outer build is still going"
    assert gc.isenabled()


def test_a_failed_build_turns_the_collector_back_on():
    with pytest.raises(ValueError), collector_paused():
        raise ValueError("the store is damaged")
    assert gc.isenabled()


def test_a_collector_the_caller_turned_off_stays_off():
    gc.disable()
    try:
        with collector_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_threads_building_at_once_end_with_the_collector_on():
    started, release = threading.Barrier(2), threading.Event()

    def build():
        with collector_paused():
            started.wait(5)
            release.wait(5)
    threads = [threading.Thread(target=build) for _ in range(2)]
    for t in threads:
        t.start()
    release.set()
    for t in threads:
        t.join(5)
    assert gc.isenabled()


def test_opening_a_store_pauses_the_collector_only_while_it_loads(tmp_path, monkeypatch):
    seen = []
    from coffeechat.store import prospects
    real = prospects.ProspectStore._open_checked
    monkeypatch.setattr(prospects.ProspectStore, "_open_checked",
                        lambda self: seen.append(gc.isenabled()) or real(self))
    store = ProspectStore(tmp_path / "data")
    store.close()
    assert seen == [False] and gc.isenabled()

