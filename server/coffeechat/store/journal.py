"""A TinyDB storage whose write cost does not grow with the number of records.

The data lives in two files:
- ``<name>.json``: a snapshot ``{"app", "schema", "tables"}``, only ever replaced whole
  (temp file + fsync + rename), so a crash leaves either the old or the new snapshot;
- ``<name>.journal``: one line per acknowledged change (``crc32 json``), appended and fsynced
  before the write returns; replayed on open. Replaying is idempotent (a change stores whole
  documents), so a crash between writing a new snapshot and emptying the journal is harmless.

In memory each document is its compact JSON bytes, decoded when read (store/snapshot.py says
why and how the snapshot is laid out).

Reliance on TinyDB internals (tested with tinydb 4.9, pinned in pyproject; the
``_read_table`` override with 4.9):
``Table._update_table(updater)`` is overridden by ``JournaledTable`` (store/tables.py) to hand the updater a
tracking view of the live table instead of rebuilding the whole table, ``Table._read_table()``
to return a decoding view of it, and ``Storage.read()`` returns the live tables (as
``MemoryStorage`` does) so reads copy nothing.
"""

import json
import logging
import mmap
import os
import threading
import zlib
from contextlib import nullcontext
from pathlib import Path
from typing import Any, Callable

from tinydb.storages import Storage

from coffeechat.errors import CorruptStore, StorageError
from coffeechat.store import snapshot
from coffeechat.store.locks import ReadLock, writer_lock
from coffeechat.store.private import append_file, atomic_write_bytes

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1


def _frame(body: bytes) -> bytes:
    return b"%08x %s\n" % (zlib.crc32(body), body)


def _change_record(table: str, put: dict[str, bytes], deleted: list[str]) -> bytes:
    """``{"t", "put"?, "del"?}`` built from documents already encoded (no second encoding)."""
    parts = [b'"t":' + snapshot.dumps(table)]
    if put:
        docs = (snapshot.dumps(k) + b":" + snapshot.unpack(v) for k, v in put.items())
        parts.append(b'"put":{' + b",".join(docs) + b"}")
    if deleted:
        parts.append(b'"del":' + snapshot.dumps(deleted))
    return b"{" + b",".join(parts) + b"}"


def _decode_record(line: bytes) -> dict | None:
    """Return the record, or None when the line is torn or damaged."""
    if not line.endswith(b"\n") or len(line) < 10 or line[8:9] != b" ":
        return None
    body = line[9:-1]
    try:
        if int(line[:8], 16) != zlib.crc32(body):
            return None
        record = json.loads(body)
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def well_formed(record: dict) -> bool:
    """True when a decoded record has the shape ``_apply`` reads (a checksum says nothing about that)."""
    if "snapshot" in record:
        tables = record["snapshot"]
        return isinstance(tables, dict) and all(isinstance(t, dict) for t in tables.values())
    put, deleted = record.get("put", {}), record.get("del", [])
    return (isinstance(record.get("t"), str) and isinstance(put, dict)
            and all(isinstance(k, str) and k.isdigit() and isinstance(v, dict) for k, v in put.items())
            and isinstance(deleted, list) and all(isinstance(k, str) for k in deleted))


class JournalStorage(Storage):
    """Snapshot + append-only journal; ``read`` returns the live in-memory tables."""

    def __init__(self, path: str | os.PathLike, compact_bytes: int = 64 << 20, read_only: bool = False, **_: Any):
        self.snapshot_path = Path(path)
        self.journal_path = self.snapshot_path.with_suffix(".journal")
        self.compact_bytes = compact_bytes
        self.read_only = read_only
        self.warnings: list[str] = []
        self._lock = threading.RLock()
        self.readers = ReadLock(self.snapshot_path.with_suffix(".readlock"))
        self._lockfile = None if read_only else writer_lock(self.snapshot_path.with_suffix(".lock"))
        self._migrated = False
        # Where each document sits in the snapshot file, and what changed since: compaction copies the rest.
        self._offsets: snapshot.Offsets | None = {}
        self._dirty: dict[str, set[str]] = {}
        try:
            # A reader in another process must not see a compaction half done (new snapshot, old journal).
            with self.readers.shared() if read_only else nullcontext():
                self._tables: dict[str, dict[str, bytes]] = self._load_snapshot()
                self._journal_size = self._replay_journal()
            self._journal = open(os.devnull, "ab") if read_only else append_file(self.journal_path)
        except BaseException:
            self._release_writer()
            raise
        if self._migrated:
            self.compact()  # write the upgraded snapshot now; the old one stays in the backup

    def _release_writer(self) -> None:
        if self._lockfile:
            self._lockfile.close()
            self._lockfile = None

    # --- opening ---------------------------------------------------------------------------
    def _load_snapshot(self) -> dict[str, dict[str, bytes]]:
        if not self.snapshot_path.exists():
            return {}
        raw = self.snapshot_path.read_bytes()
        try:
            data = snapshot.load(raw, self._offsets)
        except ValueError:
            raise CorruptStore(
                f"{self.snapshot_path} is not valid JSON; it was left untouched. "
                "Restore it from a backup or move it aside to start empty.") from None
        if not isinstance(data, dict) or data.get("app") != "coffeechat" or not isinstance(data.get("tables"), dict):
            raise CorruptStore(f"{self.snapshot_path} is not a coffeechat store; it was left untouched.")
        schema = data.get("schema")
        if not isinstance(schema, int) or schema > SCHEMA_VERSION:
            raise CorruptStore(
                f"{self.snapshot_path} has schema {schema!r}, newer than this coffeechat "
                f"understands ({SCHEMA_VERSION}); upgrade coffeechat.")
        if schema < SCHEMA_VERSION:
            self._migrate(data, raw)
        return data["tables"]

    def _migrate(self, data: dict, raw: bytes) -> None:
        # Keep the file as it was before touching anything: migrations must be reversible by hand.
        if not self.read_only:
            backup = self.snapshot_path.with_name(f"{self.snapshot_path.name}.schema{data['schema']}.bak")
            atomic_write_bytes(backup, raw)
            self._migrated = True
        self._offsets = None
        data["schema"] = SCHEMA_VERSION

    def _replay_journal(self) -> int:
        if not self.journal_path.exists():
            return 0
        good_end = 0
        with open(self.journal_path, "rb") as f:
            for number, line in enumerate(f, start=1):
                record = _decode_record(line)
                if record is not None and not well_formed(record):
                    raise CorruptStore(
                        f"{self.journal_path} holds a record of the wrong shape at line {number}; it was left "
                        "untouched. `coffeechat doctor --salvage` rebuilds the store from every intact record.")
                if record is None:
                    rest = f.read()
                    if rest.strip():
                        raise CorruptStore(
                            f"{self.journal_path} is damaged at line {number} with records after it; it was left "
                            "untouched. `coffeechat doctor --salvage` rebuilds the store from every intact record.")
                    if self.read_only:
                        break  # the writer is appending it right now: not acknowledged yet, not damage
                    self.warnings.append(
                        f"dropped a torn last record of {self.journal_path.name} (line {number}): "
                        "the write it held was never acknowledged")
                    log.warning(self.warnings[-1])
                    break
                self._apply(record)
                good_end += len(line)
        if good_end != self.journal_path.stat().st_size and not self.read_only:
            with open(self.journal_path, "r+b") as f:
                f.truncate(good_end)
                os.fsync(f.fileno())
        return good_end

    def _apply(self, record: dict) -> None:
        if "snapshot" in record:
            self._tables = {name: {k: snapshot.encode(v) for k, v in docs.items()}
                            for name, docs in record["snapshot"].items()}
            self._offsets = None
            return
        self._dirty.setdefault(record["t"], set()).update(record.get("put", {}), record.get("del", []))
        table = self._tables.setdefault(record["t"], {})
        for doc_id, doc in record.get("put", {}).items():
            table[doc_id] = snapshot.encode(doc)
        for doc_id in record.get("del", []):
            table.pop(doc_id, None)

    # --- the TinyDB Storage interface ------------------------------------------------------
    def read(self) -> dict[str, dict[str, bytes]]:
        return self._tables

    def write(self, data: dict[str, dict[str, bytes]]) -> None:
        # Only whole-database operations (drop_table, drop_tables) come here: journal them whole.
        with self._lock:
            decoded = {name: {k: snapshot.decode(v) for k, v in docs.items()} for name, docs in data.items()}
            self._append(snapshot.dumps({"snapshot": decoded}))
            self._tables = data
            self._offsets = None

    def close(self) -> None:
        with self._lock:
            if not self._journal.closed:
                if self._journal_size and not self.read_only:
                    self.compact()
                self._journal.close()
            self._release_writer()

    def snapshot_bytes(self, offsets: snapshot.Offsets | None = None) -> bytes:
        """The current state as one snapshot file (what compaction would write)."""
        with self._lock:
            header = {"app": "coffeechat", "schema": SCHEMA_VERSION}
            if not self._offsets or not self.snapshot_path.exists():
                return snapshot.dump(header, self._tables, offsets=offsets)
            with open(self.snapshot_path, "rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as old:
                view = memoryview(old)
                try:
                    return snapshot.dump(header, self._tables, self._unchanged(view), offsets)
                finally:
                    view.release()

    def _unchanged(self, old: memoryview) -> snapshot.Reuse:
        known, dirty = self._offsets or {}, self._dirty

        def reuse(table: str, doc_id: str):
            at = known.get(table, {}).get(doc_id)
            if at is None or doc_id in dirty.get(table, ()):
                return None
            return old[at >> 24:(at >> 24) + (at & 0xFFFFFF)]
        return reuse

    # --- journaling ------------------------------------------------------------------------
    def table_dict(self, name: str) -> dict[str, bytes]:
        """The live dict of one table, documents encoded (created empty when missing)."""
        return self._tables.setdefault(name, {})

    def commit(self, table: str, put: dict[str, bytes], deleted: list[str]) -> None:
        """Append one change and fsync it, then apply it; raises StorageError (changing nothing) when the disk refuses."""
        if not put and not deleted:
            return
        with self._lock:
            self._append(_change_record(table, put, deleted))
            self._dirty.setdefault(table, set()).update(put, deleted)
            live = self.table_dict(table)
            live.update(put)
            for doc_id in deleted:
                live.pop(doc_id, None)
            if self._journal_size > self.compact_bytes:
                try:
                    self.compact()
                except StorageError as exc:
                    # The change itself is durable in the journal; compaction can wait.
                    log.warning("compaction postponed: %s", exc)

    def _append(self, body: bytes) -> None:
        if self.read_only:
            raise StorageError("this data folder was opened read-only")
        data = _frame(body)
        try:
            self._journal.write(data)
            self._journal.flush()
            os.fsync(self._journal.fileno())
        except OSError as exc:
            self._reopen_after_failure()
            raise StorageError(f"could not save to {self.journal_path.parent}: {exc.strerror or exc}") from exc
        self._journal_size += len(data)

    def _reopen_after_failure(self) -> None:
        # A failed write may have left a partial line: cut it off so the next append starts clean.
        try:
            self._journal.close()
        except OSError:
            pass
        try:
            with open(self.journal_path, "r+b") as f:
                f.truncate(self._journal_size)
        except OSError:
            pass
        self._journal = append_file(self.journal_path)

    def compact(self, then: Callable[[], None] | None = None) -> None:
        """Write a new snapshot (temp + fsync + rename), then empty the journal; ``then`` runs before readers may look again."""
        with self._lock, self.readers.exclusive():
            try:
                offsets: snapshot.Offsets = {}
                data = self.snapshot_bytes(offsets)
                atomic_write_bytes(self.snapshot_path, data)
                self._offsets, self._dirty = offsets, {}
                self._journal.close()
                with open(self.journal_path, "r+b") as f:
                    f.truncate(0)
                    os.fsync(f.fileno())
            except OSError as exc:
                raise StorageError(f"could not compact {self.snapshot_path}: {exc.strerror or exc}") from exc
            finally:
                if self._journal.closed:
                    self._journal = append_file(self.journal_path)
            self._journal_size = 0
            if then:
                then()
