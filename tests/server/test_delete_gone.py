"""Delete means gone: no byte of a deleted person stays in any file of the data folder; shared pages and ids."""

import gzip
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from coffeechat.app.captures import reparse_all
from coffeechat.store import ProspectStore
from helpers import ROOT, capture, fixture_html

GONE_NOTE = "private-note-zebra-7741"
KEPT_NOTE = "kept-note-okapi-5512"
SEARCH_URL = "https://www.linkedin.com/search/results/people/?keywords=director%20in%20energy"


def _every_byte(folder: Path) -> bytes:
    """Every file of the folder, gzip files also decompressed (a name inside a page is compressed there)."""
    out = []
    for path in folder.rglob("*"):
        if path.is_file():
            data = path.read_bytes()
            out.append(data)
            if path.name.endswith(".gz"):
                out.append(gzip.decompress(data))
    return b"\n".join(out)


def _traces(folder: Path, *needles: str) -> set[str]:
    blob = _every_byte(folder)
    return {n for n in needles if n.encode() in blob}


def _fill(client) -> tuple[dict, dict]:
    gone = capture(client, "profile-2022-self", idempotency_key="key-gone-1").get_json()["prospect"]
    kept = capture(client, "profile-2026-first-degree").get_json()["prospect"]
    assert client.patch(f"/api/v1/prospects/{gone['id']}", json={"notes": GONE_NOTE, "email": "gone@example.org",
                                                                  "referred_by": kept["id"]}).status_code == 200
    assert client.patch(f"/api/v1/prospects/{kept['id']}", json={"notes": KEPT_NOTE,
                                                                  "referred_by": gone["id"]}).status_code == 200
    r = client.post(f"/api/v1/prospects/{gone['id']}/interactions", json={"action": "meeting_held", "note": GONE_NOTE + "-met"})
    assert r.status_code in (200, 201), r.get_json()
    return gone, kept


def test_nothing_of_a_deleted_prospect_stays_in_any_file(client, data_dir):
    gone, kept = _fill(client)
    needles = (gone["full_name"], GONE_NOTE, "gone@example.org", gone["key"], "key-gone-1")
    assert _traces(data_dir, *needles) == set(needles)  # the search can find them while they exist
    assert client.delete(f"/api/v1/prospects/{gone['id']}").status_code in (200, 204)
    assert _traces(data_dir, *needles) == set()
    assert _traces(data_dir, kept["full_name"], KEPT_NOTE) == {kept["full_name"], KEPT_NOTE}
    assert client.get(f"/api/v1/prospects/{kept['id']}").get_json()["referred_by"] is None


def test_bulk_delete_from_the_dashboard_leaves_nothing(client, data_dir):
    gone, kept = _fill(client)
    other = capture(client, "public-2023").get_json()["prospect"]
    html = client.get("/settings").get_data(as_text=True)  # a session with a CSRF token
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)
    r = client.post("/prospects/bulk", data={"ids": [str(gone["id"]), str(other["id"])], "action": "delete",
                                             "confirm": "yes", "csrf_token": csrf})
    assert r.status_code == 303
    assert _traces(data_dir, gone["full_name"], GONE_NOTE, other["full_name"], other["key"]) == set()
    assert kept["full_name"].encode() in _every_byte(data_dir)


def test_an_abandoned_import_preview_is_removed_by_a_delete_and_on_start(client, data_dir, app):
    gone, _ = _fill(client)
    store = app.extensions["coffeechat_store"]
    name = store.previews.write(f"csv\nfull_name,notes\n{gone['full_name']},{GONE_NOTE}\n")
    assert store.previews.read(name)
    client.delete(f"/api/v1/prospects/{gone['id']}")
    assert store.previews.read(name) is None
    assert not list(data_dir.glob("pending-import-*"))
    store.previews.write("csv\nfull_name\nSomeone Else\n")
    store.close()
    ProspectStore(data_dir).close()
    assert not list(data_dir.glob("pending-import-*"))


def test_an_import_preview_left_alone_expires(app, data_dir):
    store = app.extensions["coffeechat_store"]
    name = store.previews.write("csv\nfull_name\nSomeone\n")
    path = next(data_dir.glob("pending-import-*"))
    old = time.time() - 16 * 60
    os.utime(path, (old, old))
    assert store.previews.read(name) is None and not path.exists()


def test_a_shared_search_page_stays_until_its_last_person_is_deleted(client, data_dir, app):
    r = client.post("/api/v1/captures", json={"url": SEARCH_URL, "html": fixture_html("search-2022-fragment")})
    people = {p["full_name"]: p for p in r.get_json()["prospects"]}
    assert set(people) == {"Fatih Birol", "Philippe DAVID"}
    pages = list((data_dir / "captures").glob("*.html.gz"))
    assert len(pages) == 1  # one page for both people
    client.delete(f"/api/v1/prospects/{people['Fatih Birol']['id']}")
    assert pages[0].exists()
    counts = reparse_all(app.extensions["coffeechat_store"])
    assert counts == {"prospects": 1, "captures": 1, "changed": 0, "failed": 0}
    client.delete(f"/api/v1/prospects/{people['Philippe DAVID']['id']}")
    assert not pages[0].exists()


def test_the_same_page_is_stored_once(client, data_dir):
    capture(client, "profile-2022-self")
    capture(client, "profile-2022-self")
    assert len(list((data_dir / "captures").glob("*.html.gz"))) == 1


def test_pages_of_older_versions_still_load_and_are_counted(data_dir):
    store = ProspectStore(data_dir)
    old_id = "20261122T101500Z-3f9a1c2b"
    (data_dir / "captures" / f"{old_id}.html.gz").write_bytes(gzip.compress(b"<html>old page</html>"))
    for i in (1, 2):
        store.save_capture({"kind": "search-results", "full_name": f"Old {i}"}, f"https://www.linkedin.com/in/old{i}/",
                           SEARCH_URL, old_id)
    store.close()
    store = ProspectStore(data_dir)
    assert store.capture_html(old_id) == "<html>old page</html>"
    store.delete(1)
    assert store.capture_html(old_id)
    store.delete(2)
    assert not (data_dir / "captures" / f"{old_id}.html.gz").exists()
    store.close()


def test_ids_are_never_reused_after_a_delete_and_a_restart(data_dir):
    store = ProspectStore(data_dir)
    page = store.save_page("<html></html>")
    for i in (1, 2, 3):
        store.save_capture({"kind": "profile", "full_name": f"P{i}"}, f"https://www.linkedin.com/in/p{i}/", "u", page)
    store.delete(3)
    store.delete(2)
    store.close()
    store = ProspectStore(data_dir)
    new, _, _ = store.save_capture({"kind": "profile", "full_name": "New"}, "https://www.linkedin.com/in/new/", "u",
                                   store.save_page("<html>n</html>"))
    assert new["id"] == 4
    store.delete(4)
    store.delete(1)
    store.close()
    store = ProspectStore(data_dir)
    new, _, _ = store.save_capture({"kind": "profile", "full_name": "Newer"}, "https://www.linkedin.com/in/newer/", "u",
                                   store.save_page("<html>m</html>"))
    assert new["id"] == 5
    store.close()


# --- a real server, stopped with SIGTERM ------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _call(port: int, token: str, method: str, path: str, body: dict | None = None) -> dict:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     data=json.dumps(body).encode() if body is not None else None,
                                     headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as r:
        text = r.read()
    return json.loads(text) if text else {}


def test_delete_on_a_real_server_then_sigterm_leaves_nothing(tmp_path):
    port = _free_port()
    env = {**os.environ, "COFFEECHAT_HOME": str(tmp_path), "COFFEECHAT_PORT": str(port)}
    proc = subprocess.Popen([sys.executable, "-m", "coffeechat", "serve"], env=env, cwd=ROOT,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/api/v1/ping", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        token = (tmp_path / "token").read_text().strip()
        gone = _call(port, token, "POST", "/api/v1/captures",
                     {"url": "https://www.linkedin.com/in/kireetagrawal/", "html": fixture_html("profile-2022-self")})
        kept = _call(port, token, "POST", "/api/v1/captures",
                     {"url": "https://sg.linkedin.com/in/dulithawijewantha", "html": fixture_html("public-2023")})
        gid = gone["prospect"]["id"]
        _call(port, token, "PATCH", f"/api/v1/prospects/{gid}", {"notes": GONE_NOTE})
        _call(port, token, "POST", f"/api/v1/prospects/{gid}/interactions", {"action": "meeting_held", "note": GONE_NOTE})
        _call(port, token, "PATCH", f"/api/v1/prospects/{kept['prospect']['id']}", {"notes": KEPT_NOTE})
        _call(port, token, "DELETE", f"/api/v1/prospects/{gid}")
        needles = (gone["prospect"]["full_name"], GONE_NOTE, gone["prospect"]["key"])
        assert _traces(tmp_path, *needles) == set()
    finally:
        proc.send_signal(signal.SIGTERM)
        out, _ = proc.communicate(timeout=20)
    assert proc.returncode == 0, out
    assert "Traceback" not in out
    assert _traces(tmp_path, *needles) == set()
    # SIGTERM closed the store like Ctrl+C: compacted, so the journal is empty and the snapshot holds the rest.
    assert (tmp_path / "coffeechat.journal").stat().st_size == 0
    assert KEPT_NOTE.encode() in (tmp_path / "coffeechat.json").read_bytes()


def test_a_rewrite_that_copies_unchanged_documents_equals_a_full_one(data_dir):
    from coffeechat.store import snapshot
    store = ProspectStore(data_dir)
    page = store.save_page("<html></html>")
    for i in range(1, 31):
        store.save_capture({"kind": "profile", "full_name": f"P{i}"}, f"https://www.linkedin.com/in/p{i}/", "u", page)
    store.db.storage.compact()
    for round_ in range(3):
        store.patch(3 + round_, {"notes": f"changed {round_}"})
        store.delete(10 + round_)
        storage = store.db.storage
        full = snapshot.dump({"app": "coffeechat", "schema": 1}, storage._tables)
        assert storage._offsets and storage.snapshot_bytes() == full
        assert storage.snapshot_path.read_bytes() == full  # the delete's own rewrite, copying unchanged documents
    expected = store.export()
    store.close()
    store = ProspectStore(data_dir)
    assert store.export() == expected and store.get(4)["notes"] == "changed 1"
    store.close()
