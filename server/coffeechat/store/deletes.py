"""Deleting prospects so that nothing of them stays on disk, and putting prospects back under their ids.

They come back from a delete the user undoes, or from a backup restored into an empty store.
"""

from typing import Any

from tinydb.table import Document

from coffeechat import schemas
from coffeechat.errors import BadInput, Conflict

LAST_ID = 1  # the meta table's one document: {"last_prospect_id": N}, so ids are never given twice


class Deletions:
    """ProspectStore's deletes and their undo (its tables, index and page counts, under its one lock)."""

    def delete(self, prospect_id: int) -> None:
        """Remove the prospect everywhere: record, raw captures, idempotency keys, referral links."""
        self.delete_many([prospect_id])

    def delete_many(self, prospect_ids: list[int]) -> None:
        """Delete prospects so that no byte of them stays in the data folder once this returns.

        Records, idempotency keys and referral links go first; then the store is compacted (a new
        snapshot, an empty journal) and pages nobody else points at, import previews and temp
        files are removed before readers may look again.
        """
        with self._lock:
            for pid in prospect_ids:
                self._get_doc(pid)  # NotFound before anything changes
            doomed = set(prospect_ids)
            last = max([self._prospects.id_floor, *doomed, *self.index.entries])
            if last > self._prospects.id_floor:
                self._meta.upsert(Document({"last_prospect_id": last}, doc_id=LAST_ID))
                self._prospects.id_floor = last
            # From the index's referral map: scanning the table would decode every stored prospect.
            referred = [i for pid in doomed for i in self.index.referred_by(pid) if i not in doomed]
            self._prospects.remove(doc_ids=list(doomed))
            unused: list[str] = []
            for pid in doomed:
                self.index.remove(pid)
                unused += self.pages.forget(pid)
            for other in referred:
                self._prospects.update({"referred_by": None}, doc_ids=[other])
                self.index.add(other, self._prospects.get(doc_id=other))
            stale = {k.doc_id: k["key"] for k in self._keys.all() if doomed & set(k.get("ids", []))}
            if stale:
                self._keys.remove(doc_ids=list(stale))
                for key in stale.values():
                    self._key_ids.pop(key, None)
            self.db.storage.compact(then=lambda: self._erase_files(unused))

    def _erase_files(self, pages: list[str]) -> None:
        for page in pages:
            if not self.pages.used(page):
                self.captures.delete(page)
        self.previews.drop()
        self.captures.remove_temp_files()

    def restore_deleted(self, docs: list[dict[str, Any]], pages: dict[str, bytes],
                        referrals: dict[int, int] | None = None) -> list[int]:
        """Put deleted prospects back under their own ids with their raw pages; returns their ids.

        ``docs`` are the prospects as ``get`` gave them before the delete, ``pages`` their raw
        pages by page id as ``capture_packed`` gave them, ``referrals`` other prospect id → the restored prospect that referred
        them (set again only where the other still has no referrer). All or nothing for the
        prospects: they are checked first and journaled as one change.
        """
        restored = [Document({k: v for k, v in d.items() if k != "id"}, doc_id=d.get("id")) for d in docs]
        with self._lock:
            ids = {doc.doc_id for doc in restored}
            if len(ids) != len(restored):
                raise Conflict("the same prospect is in the list twice; nothing was restored")
            for doc in restored:
                self._check_returning(doc)
                if doc.get("referred_by") is not None and doc["referred_by"] not in ids \
                        and not self._exists(doc["referred_by"]):
                    doc["referred_by"] = None  # their referrer was deleted since, for good
            saved = [self.captures.save_packed(page, packed) for page, packed in pages.items()]
            try:
                self._prospects.insert_multiple(restored)
            except BaseException:
                self._erase_files([p for p in saved if not self.pages.used(p)])
                raise
            for doc in restored:
                self.index.add(doc.doc_id, doc)
            # A crash from here on loses only referral links, never a prospect.
            for other, referrer in (referrals or {}).items():
                entry = self.index.entries.get(other)
                if other not in ids and entry is not None and entry.timeline.get("referred_by") is None:
                    self._prospects.update({"referred_by": referrer}, doc_ids=[other])
                    self.index.add(other, self._prospects.get(doc_id=other))
            return [doc.doc_id for doc in restored]

    def _check_returning(self, doc: Document) -> None:
        """Refuse a prospect that cannot come back as it was (its id taken or never given, the person saved again)."""
        if not isinstance(doc.doc_id, int) or isinstance(doc.doc_id, bool) or not 0 < doc.doc_id <= self._prospects.id_floor:
            raise Conflict("only prospects deleted from this data folder can come back")
        if self._exists(doc.doc_id):
            raise Conflict(f"{doc.get('full_name') or 'This person'} is already back; nothing was restored")
        schemas.check(schemas.PROSPECT, dict(doc))
        again = self.index.lookup(doc.get("key"), doc.get("member_urn"))
        if again is not None:
            raise Conflict(f"{doc.get('full_name') or 'This person'} was saved again since the delete, "
                           "so undo would make a second copy; nothing was restored")

    def import_backup(self, backup: dict[str, Any]) -> int:
        """Restore an export into this (empty) store, keeping ids; returns the number of prospects.

        All or nothing: every record is checked first, and the prospects are journaled as one change.
        """
        schemas.check_backup(backup)
        docs = [Document({k: v for k, v in r.items() if k != "id"}, doc_id=r["id"]) for r in backup["prospects"]]
        with self._lock:
            if self.count():
                raise BadInput(f"the data folder {self.data_dir} already holds {self.count()} prospects; "
                               "import restores a backup into an empty data folder")
            # Settings first: a crash before the prospects leaves a store that is still empty of prospects,
            # so the same import can simply run again.
            for name, value in (backup.get("settings") or {}).items():
                self.put_setting(name, value)
            if docs:
                self._prospects.insert_multiple(docs)
            for doc in docs:
                self.index.add(doc.doc_id, doc)
            return len(docs)
