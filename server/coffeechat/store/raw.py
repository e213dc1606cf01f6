"""Raw captured pages, kept outside the table so records can be re-parsed.

A page is stored once, gzipped, under the hash of its text (``<sha256>.html.gz``): saving the same
page again stores nothing new, and one search-results page shared by several people is one file.
``PageRefs`` counts the prospects that point at each page; a page is removed with the last one.
Pages stored by earlier versions keep their per-capture names (``20261122T101500Z-3f9a1c2b``)
and are read and counted the same way.
"""

import gzip
import hashlib
import os
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from coffeechat.errors import NotFound, StorageError
from coffeechat.store.private import atomic_write_bytes

SUFFIX = ".html.gz"
_ID = re.compile(r"^[0-9A-Za-z][0-9A-Za-z_-]{0,127}$")


def page_id(html: str) -> str:
    """The content address of a page: the SHA-256 of its UTF-8 text."""
    return hashlib.sha256(html.encode("utf-8", "replace")).hexdigest()


def capture_ids(doc: dict[str, Any]) -> tuple[str, ...]:
    """The distinct page ids a prospect document points at."""
    ids = {c["id"] for c in doc.get("captures") or () if isinstance(c, dict) and isinstance(c.get("id"), str)}
    return tuple(sys.intern(i) for i in sorted(ids))


class CaptureFiles:
    """The folder of raw captures."""

    def __init__(self, root: Path):
        self.root = root
        root.mkdir(parents=True, exist_ok=True, mode=0o700)

    def path(self, capture_id: str) -> Path:
        if not isinstance(capture_id, str) or not _ID.match(capture_id):
            raise NotFound(f"no capture {capture_id!r}")
        return self.root / f"{capture_id}{SUFFIX}"

    def save(self, html: str) -> str:
        """Store the page durably (once per distinct page) before the record that points at it; returns its id."""
        capture_id = page_id(html)
        if not self.path(capture_id).exists():
            # Level 1: a 1.8 MB page takes ~20 ms instead of ~70 ms at 6, for files ~13% larger.
            self.save_packed(capture_id, gzip.compress(html.encode("utf-8", "replace"), 1))
        return capture_id

    def save_packed(self, capture_id: str, packed: bytes) -> str:
        """Store a page given as its file's bytes under the id it had (an undone delete; old per-capture names)."""
        path = self.path(capture_id)
        if path.exists():
            return capture_id
        try:
            atomic_write_bytes(path, packed)
        except OSError as exc:
            raise StorageError(f"could not save the captured page in {self.root}: {exc.strerror or exc}") from exc
        return capture_id

    def packed(self, capture_id: str) -> bytes:
        """The page as its file holds it (gzipped: about a tenth of the page's text)."""
        path = self.path(capture_id)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"the page of capture {capture_id} is no longer on disk") from None

    def load(self, capture_id: str) -> str:
        return gzip.decompress(self.packed(capture_id)).decode("utf-8", "replace")

    def delete(self, capture_id: str) -> None:
        try:
            os.unlink(self.path(capture_id))
        except (FileNotFoundError, NotFound):
            pass

    def stored(self) -> list[str]:
        """The ids of every page on disk."""
        return sorted(p.name[:-len(SUFFIX)] for p in self.root.glob(f"*{SUFFIX}"))

    def remove_temp_files(self) -> None:
        """Temp files a crash left behind (a page is renamed into place only once whole)."""
        for tmp in self.root.glob("*.tmp"):
            tmp.unlink(missing_ok=True)


class PageRefs:
    """How many prospects point at each page, plus pages saved for a capture not yet recorded."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()
        self.by_prospect: dict[int, tuple[str, ...]] = {}
        self.pending: Counter[str] = Counter()

    def track(self, prospect_id: int, doc: dict[str, Any]) -> None:
        ids = capture_ids(doc)
        old = self.by_prospect.get(prospect_id, ())
        if ids == old:
            return
        self.counts.update(ids)
        for page in ids:
            self.pending.pop(page, None)  # recorded now: the reference keeps it
        self.by_prospect[prospect_id] = ids
        self._drop(old)

    def forget(self, prospect_id: int) -> list[str]:
        """Remove one prospect's references; returns the pages nobody points at any more."""
        return self._drop(self.by_prospect.pop(prospect_id, ()))

    def _drop(self, pages: tuple[str, ...]) -> list[str]:
        unused = []
        for page in pages:
            self.counts[page] -= 1
            if self.counts[page] <= 0:
                del self.counts[page]
                if not self.pending.get(page):
                    unused.append(page)
        return unused

    def used(self, page: str) -> bool:
        return page in self.counts or bool(self.pending.get(page))
