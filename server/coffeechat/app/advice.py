"""Drafts and research notes for a stored prospect: the store's data fed to the outreach and research libraries."""

from datetime import date
from pathlib import Path
from typing import Any

from coffeechat import outreach, research
from coffeechat.app.followups import rules
from coffeechat.me import normalize_me
from coffeechat.store import ProspectStore


def load_me(store: ProspectStore) -> dict[str, Any]:
    """The user's own profile with defaults filled in."""
    return normalize_me(store.get_setting("me", {}) or {})


def save_me(store: ProspectStore, data: dict[str, Any]) -> dict[str, Any]:
    """Validate and keep the user's own profile."""
    me = normalize_me(data)
    store.put_setting("me", me)
    return me


def referrer_of(store: ProspectStore, prospect: dict[str, Any]) -> dict[str, Any] | None:
    """The stored prospect who referred this one, if any."""
    ref = prospect.get("referred_by")
    return store.get(ref) if isinstance(ref, int) and store.find_by_id(ref) else None


def templates_dir(store: ProspectStore) -> Path:
    """Where the user's own versions of draft templates live."""
    return store.data_dir / "templates"


def drafts(store: ProspectStore, prospect_id: int, kind: str | None = None, variant: int | None = None,
           today: date | None = None, reason: str | None = None) -> dict[str, Any]:
    """The drafts that fit (or one kind) for a stored prospect, led by the chosen reason, with the reasons to pick from."""
    prospect = store.get(prospect_id)
    return outreach.drafts_for(prospect, load_me(store), kind=kind, variant=variant, reason=reason,
                               today=today or date.today(),
                               referrer=referrer_of(store, prospect), templates_dir=templates_dir(store),
                               rules=rules(store))


def best_connection_note(store: ProspectStore, prospect: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """The connection note that uses the most common ground (what a capture answers with)."""
    return outreach.best_connection_note(prospect, load_me(store), today=today or date.today(),
                                         referrer=referrer_of(store, prospect), templates_dir=templates_dir(store),
                                         rules=rules(store))


def notes(store: ProspectStore, prospect_id: int, today: date | None = None) -> dict[str, Any]:
    """Research notes for a stored prospect, with the follow-up plan dated like Today."""
    prospect = store.get(prospect_id)
    return research.notes_for(prospect, load_me(store), today=today or date.today(),
                              referrer=referrer_of(store, prospect), rules=rules(store))
