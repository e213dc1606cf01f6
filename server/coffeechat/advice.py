"""Drafts and research notes for a stored prospect: the store's data fed to the outreach library."""

from datetime import date
from typing import Any

from coffeechat.me import normalize_me
from coffeechat import outreach, research
from coffeechat.store import ProspectStore


def load_me(store: ProspectStore) -> dict[str, Any]:
    """The user's own profile with defaults filled in."""
    return normalize_me(store.get_setting("me", {}) or {})


def save_me(store: ProspectStore, data: dict[str, Any]) -> dict[str, Any]:
    me = normalize_me(data)
    store.put_setting("me", me)
    return me


def _referrer(store: ProspectStore, prospect: dict[str, Any]) -> dict[str, Any] | None:
    ref = prospect.get("referred_by")
    return store.get(ref) if isinstance(ref, int) and store.find_by_id(ref) else None


def _templates(store: ProspectStore):
    return store.data_dir / "templates"


def drafts(store: ProspectStore, prospect_id: int, kind: str | None = None, variant: int | None = None,
           today: date | None = None) -> dict[str, Any]:
    prospect = store.get(prospect_id)
    return outreach.drafts_for(prospect, load_me(store), kind=kind, variant=variant, today=today or date.today(),
                               referrer=_referrer(store, prospect), templates_dir=_templates(store))


def best_connection_note(store: ProspectStore, prospect: dict[str, Any]) -> dict[str, Any] | None:
    return outreach.best_connection_note(prospect, load_me(store), today=date.today(),
                                         referrer=_referrer(store, prospect), templates_dir=_templates(store))


def notes(store: ProspectStore, prospect_id: int, today: date | None = None) -> dict[str, Any]:
    prospect = store.get(prospect_id)
    return research.notes_for(prospect, load_me(store), today=today or date.today(),
                              referrer=_referrer(store, prospect))
