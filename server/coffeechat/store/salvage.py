"""Rebuilding a store whose journal is damaged in the middle: keep every intact record, set the damaged file aside."""

import os
from datetime import datetime, timezone
from pathlib import Path

from coffeechat.store.journal import JournalStorage, _decode_record, well_formed
from coffeechat.store.private import append_file, fsync_dir


class _Salvaging(JournalStorage):
    """Opens like JournalStorage, but skips damaged records instead of refusing to open."""

    kept = skipped = 0

    def _replay_journal(self) -> int:
        if not self.journal_path.exists():
            return 0
        with open(self.journal_path, "rb") as f:
            for line in f:
                record = _decode_record(line)
                if record is None or not well_formed(record):
                    self.skipped += 1
                    continue
                self._apply(record)
                self.kept += 1
        return self.journal_path.stat().st_size


def salvage(snapshot_path: Path) -> dict[str, object]:
    """Rebuild the store at ``snapshot_path`` from its snapshot and every intact journal record.

    Returns ``{"kept", "skipped", "aside"}``; ``aside`` is where the damaged journal was kept
    (None when nothing was damaged and nothing changed).
    """
    storage = _Salvaging(snapshot_path)
    try:
        if not storage.skipped:
            return {"kept": storage.kept, "skipped": 0, "aside": None}
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        aside = storage.journal_path.with_name(f"{storage.journal_path.name}.damaged-{stamp}")
        with storage._lock:
            storage._journal.close()
            os.replace(storage.journal_path, aside)
            fsync_dir(aside.parent)
            storage._journal = append_file(storage.journal_path)
            storage.compact()
        return {"kept": storage.kept, "skipped": storage.skipped, "aside": aside}
    finally:
        storage.close()
