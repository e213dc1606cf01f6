"""Pairing by approval: the extension asks, the user allows or denies it on the dashboard.

A request lives in the server's memory for a few minutes. It has a public id (in the
approval page's address), a short code the user compares on both screens, and a secret
poll id that only its creator knows. The answer can be read once, and only through the
poll id from the origin that created the request.
"""

import secrets
import threading
import time
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable

from coffeechat.errors import CoffeechatError

TTL_SECONDS = 300
MAX_PENDING = 5           # waiting requests at once; more are refused until some are answered
MAX_PER_MINUTE = 10       # new requests per minute
BROWSER_MAX = 80
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and compared by eye


class PairingError(CoffeechatError):
    """A pairing request that cannot be created, answered or read."""


@dataclass
class PairingRequest:
    id: str
    poll_id: str
    code: str
    browser: str
    origin: str
    created: float
    created_at: str
    status: str = "pending"      # pending → approved | denied; expired is computed
    token: str | None = field(default=None, repr=False)
    collected: bool = False      # the creator has read the final answer: it is not handed out again

    def public(self, now: float, ttl: int) -> dict[str, Any]:
        """What the approval page shows (never the poll id or the token)."""
        return {"id": self.id, "code": self.code, "browser": self.browser, "created_at": self.created_at,
                "status": self.status_at(now, ttl), "expires_in": max(0, int(self.created + ttl - now))}

    def status_at(self, now: float, ttl: int) -> str:
        if self.status == "pending" and now >= self.created + ttl:
            return "expired"
        return self.status


def _code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
    return f"{raw[:3]}-{raw[3:]}"


class PairingRequests:
    """The pairing requests of one server process (thread-safe; waitress answers in threads)."""

    def __init__(self, ttl: int = TTL_SECONDS, clock: Callable[[], float] = time.monotonic) -> None:
        self.ttl = ttl
        self.clock = clock
        self._lock = threading.Lock()
        self._by_id: dict[str, PairingRequest] = {}
        self._created: list[float] = []

    def _forget_old(self, now: float) -> None:
        # Keep answered and expired requests a while, so a late poll hears "expired" rather than "unknown".
        keep = now - 2 * self.ttl
        self._by_id = {k: r for k, r in self._by_id.items() if r.created > keep}
        self._created = [t for t in self._created if t > now - 60]

    def create(self, browser: str, origin: str) -> dict[str, Any]:
        """A new request from ``origin``; returns its public view plus the secret poll id."""
        with self._lock:
            now = self.clock()
            self._forget_old(now)
            pending = sum(1 for r in self._by_id.values() if r.status_at(now, self.ttl) == "pending")
            if pending >= MAX_PENDING or len(self._created) >= MAX_PER_MINUTE:
                raise PairingError("Too many pairing requests at once. Answer the ones open in the dashboard, "
                                   "or wait a minute and try again.", code="too_many_requests", status=429)
            request = PairingRequest(
                id=secrets.token_urlsafe(12), poll_id=secrets.token_urlsafe(32), code=_code(),
                browser=" ".join(str(browser or "").split())[:BROWSER_MAX] or "A browser", origin=origin,
                created=now, created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"))
            self._by_id[request.id] = request
            self._created.append(now)
            return {**request.public(now, self.ttl), "poll_id": request.poll_id}

    def get(self, request_id: str) -> dict[str, Any]:
        """The public view of one request, for the approval page."""
        with self._lock:
            return self._find(request_id).public(self.clock(), self.ttl)

    def _find(self, request_id: str) -> PairingRequest:
        request = self._by_id.get(request_id)
        if request is None:
            raise PairingError("This pairing request does not exist (the server may have restarted). "
                               "Click Connect in the extension's options again.", code="not_found", status=404)
        return request

    def answer(self, request_id: str, allow: bool, token: str) -> dict[str, Any]:
        """Allow (hand the token over) or deny a pending request; expired or answered ones are refused."""
        with self._lock:
            request = self._find(request_id)
            status = request.status_at(self.clock(), self.ttl)
            if status == "expired":
                raise PairingError("This pairing request has expired. Click Connect in the extension's options "
                                   "to ask again.", code="expired", status=410)
            if status != "pending":
                raise PairingError("This pairing request was already answered.", code="answered", status=409)
            request.status = "approved" if allow else "denied"
            request.token = token if allow else None
            return request.public(self.clock(), self.ttl)

    def poll(self, poll_id: str, origin: str) -> dict[str, Any]:
        """The answer for the request's creator: the token once, when approved; then the request is gone."""
        with self._lock:
            now = self.clock()
            request = next((r for r in self._by_id.values()
                            if secrets.compare_digest(r.poll_id, poll_id or "")), None)
            if request is None or request.collected or request.origin != origin:
                raise PairingError("This pairing request does not exist. Click Connect again.",
                                   code="not_found", status=404)
            status = request.status_at(now, self.ttl)
            answer: dict[str, Any] = {"status": status, "code": request.code}
            if status == "pending":
                answer["expires_in"] = max(0, int(request.created + self.ttl - now))
                return answer
            if status == "approved":
                answer["token"] = request.token
            # Read once; the approval page can still say what became of the request.
            request.collected, request.token = True, None
            return answer
