"""Undo a delete for a short while: what a delete took is held in this process's memory only.

A delete still leaves no byte of the person in the data folder (issue 11); the copy kept here
lives for UNDO_MINUTES while coffeechat runs, is never written anywhere, and is gone when
coffeechat stops. Only the last KEPT deletes are held.
"""

import secrets
import threading
import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Callable

from coffeechat.errors import CoffeechatError, Conflict, NotFound
from coffeechat.store import ProspectStore

UNDO_MINUTES = 10
KEPT = 20
HELD_BYTES = 64 << 20  # gzipped pages held for undo, about 300 profile pages: older deletes go first
TOO_LATE = f"This delete can no longer be undone: undo lasts {UNDO_MINUTES} minutes while coffeechat runs."
ALREADY = "This delete was already undone."


class UndoGone(CoffeechatError):
    """The delete is past its undo time, from before a restart, or never happened."""

    code, status = "undo_expired", 410


@dataclass
class _Deleted:
    until: datetime
    names: list[str]
    docs: list[dict[str, Any]] | None  # None once undone: a second undo is told so
    pages: dict[str, bytes] = field(default_factory=dict)  # gzipped, as the files held them
    referrals: dict[int, int] = field(default_factory=dict)


def _utcnow() -> datetime:
    return datetime.now(timezone.utc)


class RecentlyDeleted:
    """The last deletes of one store, each under a random undo token, until its time is up."""

    def __init__(self, clock: Callable[[], datetime] = _utcnow, minutes: int = UNDO_MINUTES, kept: int = KEPT):
        self.clock = clock  # tests move it forward
        self.span = timedelta(minutes=minutes)
        self.kept = kept
        self._held: OrderedDict[str, _Deleted] = OrderedDict()
        self._guard = threading.Lock()

    def delete(self, store: ProspectStore, ids: list[int]) -> dict[str, Any]:
        """Delete prospects (nothing of them stays on disk) and keep them here; returns the undo offer."""
        ids = list(dict.fromkeys(ids))
        with store.atomically():  # nobody changes them between the copy and the delete
            docs = [store.get(pid) for pid in ids]
            pages = _pages_of(store, docs)
            doomed = set(ids)
            referrals = {other: pid for pid in ids for other in store.referred_by(pid) if other not in doomed}
            store.delete_many(ids)
        token = secrets.token_urlsafe(18)
        with self._guard:
            self._purge()
            until = self.clock() + self.span
            held = self._held[token] = _Deleted(until, [_name(d) for d in docs], docs, pages, referrals)
            # The oldest go first: memory stays bounded (the newest delete is always kept).
            while len(self._held) > 1 and (len(self._held) > self.kept or self._bytes() > HELD_BYTES):
                self._held.popitem(last=False)
        return _offer(token, held)

    def offer(self, token: str) -> dict[str, Any] | None:
        """The undo still open under this token (who, until when), or None."""
        with self._guard:
            self._purge()
            held = self._held.get(token)
            return _offer(token, held) if held and held.docs is not None else None

    def undo(self, store: ProspectStore, token: Any) -> dict[str, Any]:
        """Put the people of one delete back as they were, with their pages and referral links."""
        with self._guard:
            self._purge()
            held = self._held.get(token) if isinstance(token, str) else None
            if held is None:
                raise UndoGone(TOO_LATE)
            if held.docs is None:
                raise Conflict(ALREADY, code="already_undone")
            docs, held.docs = held.docs, None
        try:
            ids = store.restore_deleted(docs, held.pages, held.referrals)
        except BaseException:
            with self._guard:
                held.docs = docs  # nothing came back: the undo stays open
            raise
        held.pages, held.referrals = {}, {}
        return {"restored": ids, "names": held.names, "who": who(held.names)}

    def _bytes(self) -> int:
        return sum(len(page) for held in self._held.values() for page in held.pages.values())

    def _purge(self) -> None:
        now = self.clock()
        for token in [k for k, held in self._held.items() if held.until <= now]:
            del self._held[token]


def _pages_of(store: ProspectStore, docs: list[dict[str, Any]]) -> dict[str, bytes]:
    """The raw pages still on disk of these prospects, by page id (a page shared by several once), gzipped."""
    pages: dict[str, bytes] = {}
    for doc in docs:
        for capture in doc.get("captures") or ():
            page = capture.get("id")
            if isinstance(page, str) and page not in pages:
                try:
                    pages[page] = store.capture_packed(page)
                except NotFound:
                    pass  # gone before this delete (a damaged or hand-cleaned folder): nothing to put back
    return pages


def _name(doc: dict[str, Any]) -> str:
    return str(doc.get("full_name") or "").strip() or "a prospect without a name"


def who(names: list[str]) -> str:
    """The people of one delete in a few words: "Ana Costa", "Ana Costa and Bo Li", "Ana Costa and 4 others"."""
    if len(names) <= 2:
        return " and ".join(names)
    return f"{names[0]} and {len(names) - 1} others"


def _offer(token: str, held: _Deleted) -> dict[str, Any]:
    return {"token": token, "until": held.until.isoformat(timespec="seconds"), "names": list(held.names),
            "who": who(held.names)}


_holders: "weakref.WeakKeyDictionary[ProspectStore, RecentlyDeleted]" = weakref.WeakKeyDictionary()
_holders_guard = threading.Lock()


def recently_deleted(store: ProspectStore) -> RecentlyDeleted:
    """The deletes that can still be undone for this store (one holder per store, like the follow-up plan)."""
    with _holders_guard:
        holder = _holders.get(store)
        if holder is None:
            holder = _holders[store] = RecentlyDeleted()
        return holder


def delete(store: ProspectStore, ids: list[int]) -> dict[str, Any]:
    """Delete prospects for good on disk, undoable for a while; returns the offer (token, until, who)."""
    return recently_deleted(store).delete(store, ids)


def undo(store: ProspectStore, token: Any) -> dict[str, Any]:
    """Undo one delete; returns the ids restored and who they are."""
    return recently_deleted(store).undo(store, token)


def offer(store: ProspectStore, token: str) -> dict[str, Any] | None:
    """The delete that can still be undone under this token, or None."""
    return recently_deleted(store).offer(token)
