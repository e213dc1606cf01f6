"""ProspectStore: the one class that touches TinyDB. Every method holds one lock."""

import copy
import threading
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from tinydb.table import Document

from coffeechat.errors import BadInput, NotFound
from coffeechat.model import LOG_TYPES, STAGES, USER_FIELDS
from coffeechat.store import query
from coffeechat.store.companies import SavedCompanies
from coffeechat.store.edits import apply_patch, log_entry
from coffeechat.store.merge import merge_capture
from coffeechat.store.raw import CaptureFiles, new_capture_id
from coffeechat.store.tables import JournalDB

DB_FILE = "coffeechat.json"


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ProspectStore(SavedCompanies):
    """Prospects, their captures and log, the user's settings, and idempotency keys."""

    def __init__(self, data_dir: Path, compact_bytes: int = 64 << 20, read_only: bool = False):
        self.data_dir = Path(data_dir)
        self.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        self.db = JournalDB(self.data_dir / DB_FILE, compact_bytes=compact_bytes, read_only=read_only)
        self.captures = CaptureFiles(self.data_dir / "captures")
        self.warnings = list(self.db.storage.warnings)
        self._lock = threading.RLock()
        self._prospects = self.db.table("prospects", cache_size=0)
        self._settings = self.db.table("settings", cache_size=0)
        self._keys = self.db.table("idempotency", cache_size=0)
        self._companies = self.db.table("companies", cache_size=0)
        self.index = query.Index()
        for doc_id, doc in self._prospects.documents().items():
            self.index.add(int(doc_id), doc)
        self._key_ids = {d["key"]: int(i) for i, d in self._keys.documents().items()}

    def close(self) -> None:
        with self._lock:
            self.db.close()

    # --- reading ---------------------------------------------------------------------------
    def count(self) -> int:
        return len(self.index)

    def get(self, prospect_id: int) -> dict[str, Any]:
        """A deep copy of one prospect (callers may change it freely)."""
        with self._lock:
            doc = self._prospects.get(doc_id=prospect_id)
            if doc is None:
                raise NotFound(f"no prospect with id {prospect_id}")
            return self._out(doc)

    def find_by_id(self, prospect_id: int) -> bool:
        return prospect_id in self.index.entries

    def find_by_key(self, key: str | None, urn: str | None = None) -> int | None:
        return self.index.lookup(key, urn)

    def search(self, **filters: Any) -> tuple[list[dict[str, Any]], int]:
        """Filter, sort and page prospects (see store.query.select); returns (page of prospects, total matching)."""
        with self._lock:
            ids, total = query.select(self.index, **filters)
            return [self._out(self._prospects.get(doc_id=i)) for i in ids], total

    def timelines(self) -> dict[int, dict[str, Any]]:
        """id → stage, referrer and log without free text, for every prospect (no document is decoded).

        Each value is replaced, never changed, when its prospect changes: callers may cache by identity.
        """
        with self._lock:
            return {i: e.timeline for i, e in self.index.entries.items()}

    def referred_by(self, prospect_id: int) -> list[int]:
        """Ids of the prospects this one referred the user to."""
        with self._lock:
            return [i for i, e in self.index.entries.items() if e.timeline.get("referred_by") == prospect_id]

    def all(self) -> list[dict[str, Any]]:
        with self._lock:
            return [self._out(d) for d in self._prospects.all()]

    def _out(self, doc: Document) -> dict[str, Any]:
        out = dict(doc)  # each read decodes a fresh document from its stored bytes: no deep copy needed
        out["id"] = doc.doc_id
        return out

    # --- captures --------------------------------------------------------------------------
    def save_page(self, html: str) -> str:
        """Keep the raw page of a capture; returns the capture id the records point at."""
        capture_id = new_capture_id()
        self.captures.save(capture_id, html)
        return capture_id

    def save_capture(self, parsed: dict[str, Any], key: str, url: str, capture_id: str,
                     captured_at: str | None = None) -> tuple[dict[str, Any], bool, list[str]]:
        """Create or merge the prospect a capture describes; returns (prospect, created, changed)."""
        now = utcnow()
        with self._lock:
            existing_id = self.index.lookup(key, parsed.get("member_urn"))
            doc = copy.deepcopy(dict(self._prospects.get(doc_id=existing_id))) if existing_id else None
            created = doc is None
            if created:
                doc = {"key": key, **copy.deepcopy(USER_FIELDS), "edited": [], "captures": [], "log": [],
                       "created_at": now}
            changed = merge_capture(doc, parsed)
            doc["captures"].append({"id": capture_id, "at": captured_at or now, "url": url,
                                    "kind": parsed.get("kind"), "changed": changed})
            doc["updated_at"] = now
            if created:
                existing_id = self._prospects.insert(doc)
            else:
                self._prospects.update(_replace(doc), doc_ids=[existing_id])
            self.index.add(existing_id, doc)
            return self.get(existing_id), created, changed

    def capture_html(self, capture_id: str) -> str:
        return self.captures.load(capture_id)

    def replace_captured(self, prospect_id: int, parsed_captures: list[dict[str, Any]]) -> list[str]:
        """Rebuild captured fields from re-parsed captures (oldest first); user edits stay."""
        with self._lock:
            doc = copy.deepcopy(dict(self._prospects.get(doc_id=prospect_id)))
            changed: set[str] = set()
            for parsed in parsed_captures:
                changed.update(merge_capture(doc, parsed))
            if changed:
                doc["updated_at"] = utcnow()
                self._prospects.update(_replace(doc), doc_ids=[prospect_id])
                self.index.add(prospect_id, doc)
            return sorted(changed)

    # --- the user's edits ------------------------------------------------------------------
    def patch(self, prospect_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        """Change fields the user set; captured fields changed here are never overwritten later."""
        with self._lock:
            doc = copy.deepcopy(dict(self._get_doc(prospect_id)))
            apply_patch(doc, fields, utcnow(), self._exists)
            if doc.get("referred_by") == prospect_id:
                raise BadInput("a prospect cannot be referred by themself")
            self._prospects.update(_replace(doc), doc_ids=[prospect_id])
            self.index.add(prospect_id, doc)
            return self.get(prospect_id)

    def add_log(self, prospect_id: int, entry: dict[str, Any]) -> dict[str, Any]:
        """Append one interaction to the prospect's log."""
        with self._lock:
            doc = copy.deepcopy(dict(self._get_doc(prospect_id)))
            doc["log"].append(log_entry(entry, utcnow()))
            doc["updated_at"] = utcnow()
            self._prospects.update(_replace(doc), doc_ids=[prospect_id])
            self.index.add(prospect_id, doc)
            return self.get(prospect_id)

    def delete(self, prospect_id: int) -> None:
        """Remove the prospect everywhere: record, raw captures, idempotency keys, referral links."""
        with self._lock:
            doc = self._get_doc(prospect_id)
            # From the index: scanning the table would decode every stored prospect.
            referred = self.referred_by(prospect_id)
            self._prospects.remove(doc_ids=[prospect_id])
            self.index.remove(prospect_id)
            for other in referred:
                self._prospects.update({"referred_by": None}, doc_ids=[int(other)])
            stale = {k.doc_id: k["key"] for k in self._keys.all() if prospect_id in k.get("ids", [])}
            if stale:
                self._keys.remove(doc_ids=list(stale))
                for key in stale.values():
                    self._key_ids.pop(key, None)
            for capture in doc.get("captures", []):
                self.captures.delete(capture["id"])

    def _get_doc(self, prospect_id: int) -> Document:
        doc = self._prospects.get(doc_id=prospect_id)
        if doc is None:
            raise NotFound(f"no prospect with id {prospect_id}")
        return doc

    def _exists(self, prospect_id: int) -> bool:
        return self._prospects.contains(doc_id=prospect_id)

    # --- the log as a whole: dated, edited and deleted entries (issue 15) -------------------
    def rewrite_log(self, prospect_id: int,
                    rewrite: Callable[[dict[str, Any]], tuple[list[dict[str, Any]], str]]) -> dict[str, Any]:
        """Replace the log and stage with what ``rewrite(prospect)`` returns, under the one lock (no lost update).

        The new log is stored as given (callers keep it in time order); entries without an id get one.
        """
        with self._lock:
            doc = copy.deepcopy(dict(self._get_doc(prospect_id)))
            log, stage = rewrite({**copy.deepcopy(doc), "id": prospect_id})
            if stage not in STAGES:
                raise BadInput(f"unknown stage {stage!r}")
            now = utcnow()
            for entry in log:
                if not isinstance(entry, dict) or entry.get("type") not in LOG_TYPES:
                    raise BadInput(f"a log entry needs a type, one of: {', '.join(LOG_TYPES)}")
            doc["log"] = [dict(e) if e.get("id") else log_entry(e, now) for e in log]
            doc["stage"], doc["updated_at"] = stage, now
            self._prospects.update(_replace(doc), doc_ids=[prospect_id])
            self.index.add(prospect_id, doc)
            return self.get(prospect_id)

    # --- settings and idempotency ----------------------------------------------------------
    def get_setting(self, name: str, default: Any = None) -> Any:
        with self._lock:
            doc_id = _setting_id(self._settings, name)
            doc = self._settings.get(doc_id=doc_id) if doc_id else None
            return copy.deepcopy(doc["value"]) if doc else default

    def put_setting(self, name: str, value: Any) -> None:
        with self._lock:
            doc_id = _setting_id(self._settings, name)
            if doc_id:
                self._settings.update(_replace({"name": name, "value": value}), doc_ids=[doc_id])
            else:
                self._settings.insert({"name": name, "value": value})

    def seen_key(self, key: str) -> dict[str, Any] | None:
        """What an earlier request with this idempotency key did, if any."""
        with self._lock:
            doc_id = self._key_ids.get(key)
            return dict(self._keys.get(doc_id=doc_id)) if doc_id else None

    def remember_key(self, key: str, kind: str, ids: list[int]) -> None:
        with self._lock:
            self._key_ids[key] = self._keys.insert({"key": key, "kind": kind, "ids": ids, "at": utcnow()})

    # --- backup ----------------------------------------------------------------------------
    def export(self) -> dict[str, Any]:
        """Everything needed to restore this store exactly."""
        with self._lock:
            settings = {d["name"]: d["value"] for d in self._settings.all()}
            return {"app": "coffeechat", "format": 1, "prospects": self.all(), "settings": copy.deepcopy(settings)}

    def import_backup(self, backup: dict[str, Any]) -> int:
        """Restore an export into this (empty) store, keeping ids; returns the number of prospects."""
        if not isinstance(backup, dict) or backup.get("app") != "coffeechat" or not isinstance(backup.get("prospects"), list):
            raise BadInput("this file is not a coffeechat JSON export")
        with self._lock:
            if self.count():
                raise BadInput(f"the data folder {self.data_dir} already holds {self.count()} prospects; "
                               "import restores a backup into an empty data folder")
            for record in backup["prospects"]:
                if not isinstance(record, dict) or not isinstance(record.get("id"), int) or not record.get("key"):
                    raise BadInput("every prospect in the export needs an integer id and a key")
            for record in backup["prospects"]:
                doc = {k: v for k, v in record.items() if k != "id"}
                self._prospects.insert(Document(doc, doc_id=record["id"]))
                self.index.add(record["id"], doc)
            for name, value in (backup.get("settings") or {}).items():
                self.put_setting(name, value)
            return len(backup["prospects"])


def _replace(new: dict[str, Any]):
    """A TinyDB update operation that makes the document equal to ``new`` (keys removed too)."""
    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(copy.deepcopy(new))
    return transform


def _setting_id(table, name: str) -> int | None:
    for doc in table.all():
        if doc.get("name") == name:
            return doc.doc_id
    return None
