"""Documents kept as JSON bytes in memory, and the one-document-per-line snapshot (store/snapshot.py)."""

import json
import zlib

import pytest

from coffeechat.errors import CorruptStore
from coffeechat.model import USER_FIELDS
from coffeechat.store import ProspectStore, snapshot

TRICKY = {"full_name": "Zoë \"Z\" O'Neil", "about": "line one\nline two\tand a tab \u2028 and }, too",
          "tags": ["a:b", "{x}"], "n": 3, "ok": True, "none": None}


def _save(store: ProspectStore, i: int, **fields) -> dict:
    url = f"https://www.linkedin.com/in/p{i}/"
    prospect, _, _ = store.save_capture({"kind": "profile", "full_name": f"Person {i}", **fields}, url, url,
                                        store.save_page("<html></html>"))
    return prospect


def test_dump_is_one_json_document_read_back_line_by_line():
    tables = {"prospects": {"1": snapshot.encode(TRICKY), "2": snapshot.encode({"a": [1, {"b": "}"}]})},
              "settings": {}, "idempotency": {"7": snapshot.encode({"key": "k"})}}
    raw = snapshot.dump({"app": "coffeechat", "schema": 1}, tables)
    whole = json.loads(raw)  # still valid JSON for any tool
    assert whole["tables"]["prospects"]["1"] == TRICKY and whole["tables"]["settings"] == {}
    fast = snapshot._load_lines(raw)
    assert fast is not None, "the line layout was not recognised (fell back to parsing the whole file)"
    assert fast == {"app": "coffeechat", "schema": 1, "tables": tables}
    assert snapshot.load(raw) == fast


@pytest.mark.parametrize("layout", ["one line", "indented"])
def test_other_layouts_are_read_whole_and_rewritten_in_lines_on_compaction(tmp_path, layout):
    doc = {"key": "https://www.linkedin.com/in/p1/", "stage": "saved", "log": [], "captures": [], **TRICKY}
    payload = {"app": "coffeechat", "schema": 1, "tables": {"prospects": {"1": doc}, "settings": {}}}
    text = json.dumps(payload) if layout == "one line" else json.dumps(payload, indent=2)
    (tmp_path / "coffeechat.json").write_text(text)
    store = ProspectStore(tmp_path)
    assert store.get(1)["about"] == TRICKY["about"]
    store.patch(1, {"stage": "contacted"})
    store.close()  # compacts: the snapshot is rewritten in the line layout
    raw = (tmp_path / "coffeechat.json").read_bytes()
    assert snapshot._load_lines(raw) is not None
    reopened = ProspectStore(tmp_path)
    try:
        after = reopened.get(1)
        assert after["stage"] == "contacted"
        assert {k: after[k] for k in TRICKY} == TRICKY
    finally:
        reopened.close()


def test_a_damaged_document_line_is_set_aside_and_the_rest_opens(tmp_path):
    store = ProspectStore(tmp_path)
    for i in range(3):
        _save(store, i)
    store.close()
    path = tmp_path / "coffeechat.json"
    damaged = path.read_bytes().replace(b'"2":{', b'"2":{broken', 1)
    path.write_bytes(damaged)
    store = ProspectStore(tmp_path)
    try:
        assert store.count() == 2 and not store.find_by_id(2)
        assert any("prospect 2" in w and "not valid JSON" in w for w in store.warnings), store.warnings
    finally:
        store.close()
    store = ProspectStore(tmp_path)  # set aside for good, and kept: the damaged text is in the quarantine
    try:
        assert store.count() == 2 and not store.warnings
        kept = store.db.table("quarantine").all()
        assert [(q["table"], q["id"]) for q in kept] == [("prospects", "2")] and "broken" in kept[0]["record"]["damaged"]
    finally:
        store.close()


def test_what_a_read_returns_can_be_changed_without_touching_the_store(tmp_path):
    store = ProspectStore(tmp_path)
    try:
        pid = _save(store, 1, experience=[{"title": "Engineer", "company": "Acme"}])["id"]
        first = store.get(pid)
        first["experience"][0]["title"] = "changed"
        first["tags"].append("changed")
        assert store.get(pid)["experience"][0]["title"] == "Engineer" and store.get(pid)["tags"] == []
        listed, _ = store.search()
        listed[0]["tags"].append("changed")
        assert store.get(pid)["tags"] == []
    finally:
        store.close()


def test_deleting_a_referrer_clears_the_link_without_scanning_documents(tmp_path):
    store = ProspectStore(tmp_path)
    try:
        referrer, other = _save(store, 1)["id"], _save(store, 2)["id"]
        store.patch(other, {"referred_by": referrer})
        store.delete(referrer)
        assert store.get(other)["referred_by"] is None
    finally:
        store.close()


def test_the_in_memory_form_round_trips_and_a_cut_short_one_is_reported_not_half_read():
    doc = {"key": "https://www.linkedin.com/in/ana-lima/", "full_name": "Ana Lima", "headline": "Data engineer",
           "current": {"title": "Data engineer", "company": "Acme"}, "about": TRICKY["about"],
           "experience": [{"title": "Data engineer", "company": "Acme", "employment_type": None,
                           "date_range": "Jan 2022 - Present", "start": "2022-01", "end": None,
                           "duration": "2 yrs", "location": "Lisbon", "description": None}],
           **USER_FIELDS, "edited": [], "log": [{"type": "message_sent", "at": "2026-11-02T10:00:00+00:00", "id": "a1"}],
           "captures": [{"id": "c1", "at": "2026-11-01T10:00:00+00:00", "url": "https://www.linkedin.com/in/ana-lima/",
                         "kind": "profile", "changed": ["full_name", "headline", "experience"]}],
           "created_at": "2026-11-01T10:00:00+00:00", "updated_at": "2026-11-02T10:00:00+00:00"}
    stored = snapshot.encode(doc)
    assert snapshot.decode(stored) == doc
    assert snapshot.encode(doc) == stored  # deterministic: equal documents compare equal
    # The field names every record repeats come from the preset dictionary, not from each record.
    assert len(stored) < 0.8 * len(zlib.compress(snapshot.dumps(doc), 6))
    with pytest.raises(CorruptStore):
        snapshot.decode(stored[:-4])
