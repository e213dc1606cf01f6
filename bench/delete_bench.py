"""What a delete costs with 50,000 prospects stored: it rewrites the store so nothing of the person stays on disk."""

import statistics
import time
from pathlib import Path
from typing import Any

from coffeechat.app import undo
from coffeechat.store import ProspectStore


def measure_delete(data_dir: Path, reps: int) -> dict[str, Any]:
    """Median ms of deleting one prospect, and of deleting ten at once (the dashboard's bulk delete).

    Through the application layer, as the API and the dashboard delete: with the copy kept in memory for undo.
    """
    store = ProspectStore(data_dir)
    try:
        ids = sorted(store.index.entries)[: reps + 10 * reps]
        one = []
        for pid in ids[:reps]:
            started = time.perf_counter()
            undo.delete(store, [pid])
            one.append((time.perf_counter() - started) * 1000)
        bulk = []
        rest = ids[reps:]
        for n in range(reps):
            batch = rest[10 * n:10 * n + 10]
            started = time.perf_counter()
            undo.delete(store, batch)
            bulk.append((time.perf_counter() - started) * 1000)
        snapshot_mb = (data_dir / "coffeechat.json").stat().st_size / 1e6
    finally:
        store.close()
    return {"delete_p50_ms": round(statistics.median(one), 1), "bulk_delete_10_p50_ms": round(statistics.median(bulk), 1),
            "snapshot_mb": round(snapshot_mb, 1), "n": reps}
