"""ProspectStore: the one class that touches TinyDB. Every method holds one lock."""

import copy
import threading
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from tinydb.table import Document

from coffeechat import schemas
from coffeechat.errors import BadInput, NotFound
from coffeechat.heap import collector_paused
from coffeechat.model import LOG_TYPES, STAGES, USER_FIELDS
from coffeechat.store import quarantine, query
from coffeechat.store.companies import SavedCompanies, replace_with
from coffeechat.store.deletes import LAST_ID, Deletions
from coffeechat.store.edits import apply_patch, log_entry
from coffeechat.store.locks import ReadLock
from coffeechat.store.merge import merge_capture
from coffeechat.store.previews import Previews
from coffeechat.store.private import secure_folder
from coffeechat.store.raw import CaptureFiles, PageRefs
from coffeechat.store.tables import JournalDB

DB_FILE = "coffeechat.json"


def reading(data_dir: Path):
    """Held by a reader in another process across opening the store and copying its pages (backup)."""
    return ReadLock((Path(data_dir) / DB_FILE).with_suffix(".readlock")).shared()


class _Index(query.Index):
    """The search index, also counting which prospects point at each raw page."""

    def __init__(self, pages: PageRefs):
        super().__init__()
        self.pages = pages

    def add(self, doc_id: int, doc: dict[str, Any]) -> None:
        super().add(doc_id, doc)
        self.pages.track(doc_id, doc)


def utcnow() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class ProspectStore(SavedCompanies, Deletions):
    """Prospects, their captures and log, the user's settings, and idempotency keys."""

    def __init__(self, data_dir: Path, compact_bytes: int = 64 << 20, read_only: bool = False):
        self.data_dir = Path(data_dir)
        tightened = secure_folder(self.data_dir)
        # Loading and indexing build what stays in memory: the collector waits (see coffeechat/heap.py).
        with collector_paused():
            self.db = JournalDB(self.data_dir / DB_FILE, compact_bytes=compact_bytes, read_only=read_only)
            self.captures = CaptureFiles(self.data_dir / "captures")
            self.previews = Previews(self.data_dir)
            self.warnings = ([tightened] if tightened else []) + list(self.db.storage.warnings)
            self._lock = threading.RLock()
            self._prospects = self.db.table("prospects", cache_size=0)
            self._settings = self.db.table("settings", cache_size=0)
            self._keys = self.db.table("idempotency", cache_size=0)
            self._meta = self.db.table("meta", cache_size=0)
            self.pages = PageRefs()
            self.index = _Index(self.pages)
            self._companies = self.db.table("companies", cache_size=0)
            self._open_checked()
        self._key_ids = {d["key"]: int(i) for i, d in self._keys.documents().items()}
        meta = self._meta.get(doc_id=LAST_ID) or {}
        self._prospects.id_floor = meta.get("last_prospect_id", 0) if isinstance(meta.get("last_prospect_id"), int) else 0
        if not read_only:
            # Nothing left over may keep a person's data: previews of imports never confirmed, torn temp files.
            self.previews.drop()
            self.captures.remove_temp_files()

    def _open_checked(self) -> None:
        """Index every prospect; set aside (quarantine) records of any table that lack their stored shape."""
        storage = self.db.storage
        bad: dict[str, tuple[Any, str]] = {}
        # One decode per prospect serves both the check and the index (50,000 of them on a big store).
        for doc_id, stored in storage.table_dict("prospects").items():
            doc, reason = quarantine.examine("prospects", doc_id, stored)
            if reason:
                bad[doc_id] = (doc, reason)
            else:
                self.index.add(int(doc_id), doc)
        self.warnings += quarantine.set_aside(storage, "prospects", bad)
        for table in ("settings", "idempotency"):
            self.warnings += quarantine.set_aside(storage, table, quarantine.check(table, storage.table_dict(table)))

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

    def timelines_of(self, ids: list[int]) -> dict[int, dict[str, Any]]:
        """The timelines (see timelines()) of some prospects."""
        with self._lock:
            return {i: self.index.entries[i].timeline for i in ids if i in self.index.entries}

    def referred_by(self, prospect_id: int) -> list[int]:
        """Ids of the prospects this one referred the user to."""
        with self._lock:
            return self.index.referred_by(prospect_id)

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
        with self._lock:
            capture_id = self.captures.save(html)
            self.pages.pending[capture_id] += 1  # a delete must not remove it before its record exists
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
            existing_id = self._write(None if created else existing_id, doc)
            return self.get(existing_id), created, changed

    def capture_html(self, capture_id: str) -> str:
        return self.captures.load(capture_id)

    def capture_packed(self, capture_id: str) -> bytes:
        """A raw page as its file holds it (what an undo keeps in memory: gzipped, a tenth of the text)."""
        return self.captures.packed(capture_id)

    def replace_captured(self, prospect_id: int, parsed_captures: list[dict[str, Any]]) -> list[str]:
        """Rebuild captured fields from re-parsed captures (oldest first); user edits stay."""
        with self._lock:
            doc = copy.deepcopy(dict(self._prospects.get(doc_id=prospect_id)))
            changed: set[str] = set()
            for parsed in parsed_captures:
                changed.update(merge_capture(doc, parsed))
            if changed:
                doc["updated_at"] = utcnow()
                self._write(prospect_id, doc)
            return sorted(changed)

    def _write(self, prospect_id: int | None, doc: dict[str, Any]) -> int:
        """Check ``doc`` against the prospect schema, then journal it (a new prospect when no id); returns its id."""
        schemas.check(schemas.PROSPECT, doc)
        if prospect_id is None:
            prospect_id = self._prospects.insert(doc)
        else:
            self._prospects.update(replace_with(doc), doc_ids=[prospect_id])
        self.index.add(prospect_id, doc)
        return prospect_id

    def atomically(self) -> AbstractContextManager:
        """Hold the store's lock across several calls (check-then-write sequences such as idempotency keys)."""
        return self._lock

    # --- the user's edits ------------------------------------------------------------------
    def update(self, prospect_id: int, change: Callable[[dict[str, Any]], Any]) -> dict[str, Any]:
        """Read, change, check and journal one prospect as one operation under the lock; returns it.

        ``change`` edits the document in place and may raise BadInput: then nothing is written.
        """
        with self._lock:
            doc = copy.deepcopy(dict(self._get_doc(prospect_id)))
            change(doc)
            doc["updated_at"] = utcnow()
            if doc.get("referred_by") == prospect_id:
                raise BadInput("a prospect cannot be referred by themself")
            self._write(prospect_id, doc)
            return self.get(prospect_id)

    def patch(self, prospect_id: int, fields: dict[str, Any]) -> dict[str, Any]:
        """Change fields the user set; captured fields changed here are never overwritten later."""
        return self.update(prospect_id, lambda doc: apply_patch(doc, fields, utcnow(), self._exists))

    def add_log(self, prospect_id: int, entry: dict[str, Any]) -> dict[str, Any]:
        """Append one interaction to the prospect's log."""
        return self.update(prospect_id, lambda doc: doc["log"].append(log_entry(entry, utcnow())))

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
        def change(doc: dict[str, Any]) -> None:
            log, stage = rewrite({**copy.deepcopy(doc), "id": prospect_id})
            if stage not in STAGES:
                raise BadInput(f"unknown stage {stage!r}")
            now = utcnow()
            for entry in log:
                if not isinstance(entry, dict) or entry.get("type") not in LOG_TYPES:
                    raise BadInput(f"a log entry needs a type, one of: {', '.join(LOG_TYPES)}")
            doc["log"] = [dict(e) if e.get("id") else log_entry(e, now) for e in log]
            doc["stage"] = stage

        # Checked against the schema and journaled like every other change (update).
        return self.update(prospect_id, change)

    # --- settings and idempotency ----------------------------------------------------------
    def get_setting(self, name: str, default: Any = None) -> Any:
        with self._lock:
            doc_id = _setting_id(self._settings, name)
            doc = self._settings.get(doc_id=doc_id) if doc_id else None
            return copy.deepcopy(doc["value"]) if doc else default

    def put_setting(self, name: str, value: Any) -> None:
        reason = schemas.setting_problem(name, value)
        if reason:
            raise BadInput(f"{reason}; nothing was saved", code="invalid", status=422)
        with self._lock:
            doc_id = _setting_id(self._settings, name)
            if doc_id:
                self._settings.update(replace_with({"name": name, "value": value}), doc_ids=[doc_id])
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

    @contextmanager
    def frozen(self) -> Iterator[tuple[bytes, list[str]]]:
        """(the whole store as one snapshot file, ids of the pages it points at), unchanged while held."""
        with self._lock:
            yield self.db.storage.snapshot_bytes(), sorted(self.pages.counts)


def _setting_id(table, name: str) -> int | None:
    for doc in table.all():
        if doc.get("name") == name:
            return doc.doc_id
    return None
