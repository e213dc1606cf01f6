"""The server asks glibc for one heap shared by its threads (coffeechat/heap.py)."""

import platform
import sys

import pytest

from bench.local import free_port
from coffeechat.heap import share_one_heap


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
