"""TinyDB tables over a JournalStorage: an operation journals only the documents it changed.

Reliance on TinyDB internals (tested with tinydb 4.9, pinned in pyproject): ``Table._update_table``
is overridden to hand the updater a tracking view of the live table instead of rebuilding it,
and ``Table._read_table`` to decode stored documents only when they are read.
"""

from collections.abc import Iterator, MutableMapping
from typing import Any, Callable

from tinydb import TinyDB
from tinydb.table import Table

from coffeechat.store import snapshot
from coffeechat.store.journal import JournalStorage

_MISSING = object()


class _TrackedTable(MutableMapping):
    """The view TinyDB's updaters see: int ids over the live table, decoding what they touch.

    The live table is not changed here: ``changes()`` hands the touched documents, encoded, to
    ``JournalStorage.commit``, which applies them only once the journal holds them.
    """

    def __init__(self, raw: dict[str, bytes], id_class: Callable[[str], Any]):
        self.raw = raw
        self.id_class = id_class
        self.touched: dict[str, Any] = {}  # key -> decoded document, or _MISSING once deleted

    def __getitem__(self, doc_id: Any) -> Any:
        key = str(doc_id)
        if key not in self.touched:
            self.touched[key] = snapshot.decode(self.raw[key])
        doc = self.touched[key]
        if doc is _MISSING:
            raise KeyError(doc_id)
        return doc

    def __setitem__(self, doc_id: Any, doc: Any) -> None:
        self.touched[str(doc_id)] = doc

    def __delitem__(self, doc_id: Any) -> None:
        if doc_id not in self:
            raise KeyError(doc_id)
        self.touched[str(doc_id)] = _MISSING

    def __contains__(self, doc_id: object) -> bool:
        key = str(doc_id)
        if key in self.touched:
            return self.touched[key] is not _MISSING
        return key in self.raw

    def __iter__(self) -> Iterator[Any]:
        keys = list(self.raw) + [k for k in self.touched if k not in self.raw]
        return (self.id_class(k) for k in keys if k in self)

    def __len__(self) -> int:
        return sum(1 for _ in self)

    def changes(self) -> tuple[dict[str, bytes], list[str]]:
        put, deleted = {}, []
        for key, doc in self.touched.items():
            if doc is _MISSING:
                if key in self.raw:
                    deleted.append(key)
                continue
            encoded = snapshot.encode(doc)
            if self.raw.get(key) != encoded:
                put[key] = encoded
        return put, deleted


class JournaledTable(Table):
    """A TinyDB table that journals only the documents an operation changed."""

    id_floor = 0  # ids up to this one were given once (maybe since deleted): never give them again

    def _get_next_id(self) -> int:
        next_id = super()._get_next_id()
        if next_id <= self.id_floor:
            next_id, self._next_id = self.id_floor + 1, self.id_floor + 2
        return next_id

    def _read_table(self) -> snapshot.DecodedTable:  # type: ignore[override]
        tables = self._storage.read()
        return snapshot.DecodedTable(tables.get(self.name, {}) if tables else {})

    def documents(self) -> snapshot.DecodedTable:
        """Every document by its id as text, decoded one at a time as it is read (nothing is copied)."""
        return self._read_table()

    def _update_table(self, updater: Callable[[Any], None]) -> None:
        storage: JournalStorage = self._storage
        view = _TrackedTable(storage.table_dict(self.name), self.document_id_class)
        try:
            updater(view)
            # Nothing stored changes when the disk refuses the write: commit applies only what it journaled.
            storage.commit(self.name, *view.changes())
        finally:
            self.clear_cache()


class JournalDB(TinyDB):
    """TinyDB on a JournalStorage with journaled tables."""

    table_class = JournaledTable
    default_storage_class = JournalStorage
