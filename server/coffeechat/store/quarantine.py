"""Records that do not have their stored shape are set aside when the store opens, never lost.

A record written by an older version, edited by hand or damaged on disk would otherwise break
every page that reads it. Opening checks each one against its schema (coffeechat/schemas.py);
a bad one moves to the ``quarantine`` table, ``{"table", "id", "reason", "record", "at"}``,
and the rest of the store opens. Opened read-only (export), the record is only left out.
"""

import logging
import zlib
from datetime import datetime, timezone
from typing import Any

from coffeechat import schemas
from coffeechat.errors import CorruptStore
from coffeechat.store import snapshot
from coffeechat.store.journal import JournalStorage

log = logging.getLogger(__name__)

TABLE = "quarantine"
SCHEMAS: dict[str, dict[str, Any]] = {"prospects": schemas.PROSPECT, "settings": schemas.SETTING,
                                      "idempotency": schemas.IDEMPOTENCY_KEY}
_WHAT = {"prospects": "prospect", "settings": "setting", "idempotency": "idempotency key"}


def problem(table: str, doc: Any) -> str | None:
    """Why a stored document cannot be used as a record of ``table``, or None."""
    reason = schemas.problem(SCHEMAS[table], doc)
    if reason is None and table == "settings":
        reason = schemas.setting_problem(doc["name"], doc["value"])
    return reason


def examine(table: str, doc_id: str, stored: bytes) -> tuple[Any, str | None]:
    """A stored document decoded, and why it cannot be used as a record of ``table`` (None when it can)."""
    if not doc_id.isdigit():
        return _text(stored), "its id is not a number"
    try:
        doc = snapshot.decode(stored)
    except CorruptStore:  # a damaged document (not JSON) is set aside like a misshapen one
        return _text(stored), "it is not valid JSON"
    return doc, problem(table, doc)


def check(table: str, raw: dict[str, bytes]) -> dict[str, tuple[Any, str]]:
    """The documents of a (small) table that have the wrong shape: id → (document or its text, reason)."""
    found = {doc_id: examine(table, doc_id, stored) for doc_id, stored in raw.items()}
    return {doc_id: (doc, reason) for doc_id, (doc, reason) in found.items() if reason}


def _text(stored: bytes) -> dict[str, str]:
    try:
        return {"damaged": snapshot.unpack(stored).decode("utf-8", "replace")}
    except zlib.error:
        return {"damaged": repr(stored[:1000])}


def set_aside(storage: JournalStorage, table: str, bad: dict[str, tuple[Any, str]]) -> list[str]:
    """Move the bad documents of ``table`` to the quarantine (journaled, so it lasts); returns warnings."""
    live = storage.table_dict(table)
    kept = storage.table_dict(TABLE)
    warnings = []
    for doc_id, (record, reason) in bad.items():
        if not storage.read_only:
            entry = {"table": table, "id": doc_id, "reason": reason, "record": record,
                     "at": datetime.now(timezone.utc).isoformat(timespec="seconds")}
            next_id = str(max((int(k) for k in kept if k.isdigit()), default=0) + 1)
            # Kept first, removed second: a crash in between leaves it in both places, never in neither.
            storage.commit(TABLE, {next_id: snapshot.encode(entry)}, [])
            storage.commit(table, {}, [doc_id])
            where = "kept aside in the store's quarantine"
        else:
            live.pop(doc_id, None)
            where = "left out (the data folder was opened read-only; it is not changed)"
        warnings.append(f"{_WHAT[table]} {doc_id} was {where} because {reason}; the rest opened normally")
        log.warning(warnings[-1])
    return warnings
