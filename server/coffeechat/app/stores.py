"""Opening a data folder's store for one command (the server opens its own in the app factory)."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from coffeechat.config import load_config
from coffeechat.store import ProspectStore


@contextmanager
def open_store(data_dir: Path | None, read_only: bool = False) -> Iterator[ProspectStore]:
    """The store of a data folder (the per-user one when None), closed afterwards; read-only for reads."""
    config = load_config({"data_dir": data_dir})
    store = ProspectStore(config["data_dir"], compact_bytes=config["compact_mb"] << 20, read_only=read_only)
    try:
        yield store
    finally:
        store.close()
