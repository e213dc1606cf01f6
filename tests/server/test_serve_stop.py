"""Stopping the server never lets waitress's wake-up byte reach the store's files (webapp.stop_serving)."""

import os

import pytest
import waitress

from coffeechat import files
from coffeechat.store import ProspectStore
from coffeechat.webapp import create_app, stop_serving


def test_the_store_closes_before_waitress_closes_its_wake_up_pipe(tmp_path):
    app = create_app({"data_dir": tmp_path, "port": 5757})
    server = waitress.create_server(app, host="127.0.0.1", port=0, threads=2)
    store = app.extensions["coffeechat_store"]
    store.patch(store.save_capture({"kind": "profile", "full_name": "Ana Lima"}, "k", "u", store.save_page("<p>")
                                   )[0]["id"], {"notes": "met at the meetup"})
    order = []
    close_store, close_pipe = store.close, server.trigger.close
    store.close = lambda: (order.append("store"), close_store())[1]
    server.trigger.close = lambda: (order.append("pipe"), close_pipe())[1]
    stop_serving(app, server)
    assert order == ["store", "pipe"]
    assert not server.task_dispatcher.threads  # no worker left to wake the loop up later
    reopened = ProspectStore(tmp_path)
    assert reopened.get(1)["notes"] == "met at the meetup"
    reopened.close()


def test_a_file_that_grows_while_it_is_written_is_refused_and_the_old_one_stays(tmp_path, monkeypatch):
    target = tmp_path / "coffeechat.json"
    target.write_bytes(b"old and whole")
    real_fsync = os.fsync

    def stray_write_then_sync(fd: int) -> None:
        os.write(fd, b"x")  # what a late wake-up through a reused file number does
        real_fsync(fd)
    monkeypatch.setattr(files.os, "fsync", stray_write_then_sync)
    with pytest.raises(OSError, match="changed while it was being written"):
        files.atomic_write_bytes(target, b"new snapshot")
    assert target.read_bytes() == b"old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["coffeechat.json"]  # no temp file left
