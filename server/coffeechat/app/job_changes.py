"""Job-change alerts: a re-capture that shows a new current employer or title logs ``job_changed``.

Only captures come through here: the user's own edit of the current role (PATCH) marks the field
as edited, so later captures leave it alone and no alert can follow from it.
"""

from typing import Any

from coffeechat.store import ProspectStore


def _norm(value: Any) -> str:
    return " ".join(value.casefold().split()) if isinstance(value, str) else ""


def _said(role: dict[str, Any]) -> str:
    title, company = (role.get("title") or "").strip(), (role.get("company") or "").strip()
    return f"{title} at {company}" if title and company else title or company


def _started(experience: Any, current: dict[str, Any]) -> str | None:
    """When the page says the new role began: the start of its ongoing experience row."""
    for item in experience or []:
        if isinstance(item, dict) and not item.get("end") and item.get("start") and (
                _norm(item.get("company")) == _norm(current.get("company"))
                or _norm(item.get("title")) == _norm(current.get("title"))):
            return str(item["start"])
    return None


def change_between(before: dict[str, Any], after: dict[str, Any]) -> dict[str, Any] | None:
    """The ``job_changed`` entry a capture implies (before/after the merge), or None when the job is the same."""
    old, new = before.get("current") or {}, after.get("current") or {}
    if not isinstance(old, dict) or not isinstance(new, dict) or not _said(old) or not _said(new):
        return None  # a first sight of the role is not a change
    company_moved = bool(new.get("company")) and _norm(new.get("company")) != _norm(old.get("company"))
    title_moved = bool(new.get("title")) and _norm(new.get("title")) != _norm(old.get("title"))
    if not (company_moved or title_moved):
        return None
    entry = {"type": "job_changed", "from": _said(old), "to": _said(new),
             "from_title": old.get("title"), "from_company": old.get("company"),
             "to_title": new.get("title"), "to_company": new.get("company") or old.get("company")}
    started = _started(after.get("experience"), new)
    if started:
        entry["on"] = started
    return entry


def record(store: ProspectStore, before: dict[str, Any] | None, after: dict[str, Any],
           at: str | None = None) -> dict[str, Any] | None:
    """Log the job change a capture showed, if any; returns the logged entry."""
    if before is None or "current" in (before.get("edited") or []):
        return None
    entry = change_between(before, after)
    if entry is None:
        return None
    if at:
        entry["at"] = at
    logged = store.add_log(after["id"], entry)["log"][-1]
    return logged


def message(prospect: dict[str, Any], entry: dict[str, Any]) -> str:
    """What the popup says after the save: the new role and what to do about it."""
    name = (prospect.get("full_name") or "They").split()[0]
    return f"{name} has a new role: {entry['to']} (was {entry['from']}). Congratulate them: it is on Today."
