"""`coffeechat doctor`: what is wrong with a data folder, in words, and the salvage of a damaged journal."""

from dataclasses import dataclass, field
from pathlib import Path

from coffeechat.errors import CoffeechatError, CorruptStore
from coffeechat.store import ProspectStore
from coffeechat.store.private import loose_items
from coffeechat.store.prospects import DB_FILE
from coffeechat.store.salvage import salvage


@dataclass
class Findings:
    """What the checks found: ``problems`` need the user, ``notes`` are for information."""

    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _quarantined(store: ProspectStore) -> list[str]:
    """Records the store set aside on open (when this version keeps any), as readable lines."""
    table = store.db.table("quarantine", cache_size=0) if "quarantine" in store.db.tables() else None
    rows = [f"{doc.get('table', 'prospects')} record {doc.get('id', doc.doc_id)}: {doc.get('reason', 'set aside')}"
            for doc in table.all()] if table is not None else []
    extra = getattr(store, "quarantined", None)
    if isinstance(extra, (list, tuple, dict)):
        rows += [str(item) for item in extra]
    return rows


def check(data_dir: Path) -> Findings:
    """Check permissions, the store, raw pages and quarantined records of ``data_dir`` (works beside the server)."""
    found = Findings()
    if not (data_dir / DB_FILE).exists() and not (data_dir / DB_FILE).with_suffix(".journal").exists():
        found.problems.append(f"{data_dir} holds no coffeechat store")
        return found
    loose = loose_items(data_dir)
    if loose:
        found.problems.append(f"{len(loose)} item(s) other users can read, e.g. {loose[0]}; "
                              "coffeechat makes them owner-only on its next start")
    try:
        store = ProspectStore(data_dir, read_only=True)
    except CorruptStore as exc:
        found.problems.append(exc.message)
        return found
    except CoffeechatError as exc:
        found.problems.append(exc.message)
        return found
    try:
        found.notes.append(f"store opens: {store.count()} prospects")
        found.problems += [f"store: {w}" for w in store.warnings]
        referenced, stored = set(store.pages.counts), set(store.captures.stored())
        if stored - referenced:
            found.problems.append(f"{len(stored - referenced)} saved page(s) belong to no prospect "
                                  f"(orphaned), e.g. captures/{sorted(stored - referenced)[0]}.html.gz")
        if referenced - stored:
            found.problems.append(f"{len(referenced - stored)} page(s) that prospects point at are missing, "
                                  f"e.g. {sorted(referenced - stored)[0]}; reparse skips them")
        found.notes.append(f"{len(stored)} saved page(s)")
        for kept in sorted([*data_dir.glob("*.bak"), *data_dir.glob("*.damaged-*")]):
            found.notes.append(f"{kept.name} is kept for recovery and may still hold people you deleted; "
                               "remove it once you no longer need it")
        quarantined = _quarantined(store)
        if quarantined:
            found.problems.append(f"{len(quarantined)} record(s) were set aside (quarantined): " + "; ".join(quarantined[:5]))
    finally:
        store.close()
    return found


def salvage_store(data_dir: Path) -> dict[str, object]:
    """Rebuild the store from every intact journal record; the damaged journal is kept beside it."""
    return salvage(data_dir / DB_FILE)
