"""Merging a fresh capture into a stored prospect (pure functions, no storage)."""

from typing import Any

from coffeechat.model import CAPTURED_FIELDS, LIST_IDENTITY


def _empty(value: Any) -> bool:
    return value is None or value == "" or value == [] or value == {} or (
        isinstance(value, dict) and all(_empty(v) for v in value.values()))


def _norm(value: Any) -> Any:
    return " ".join(value.lower().split()) if isinstance(value, str) else value


def _identity(item: Any, keys: tuple[str, ...]) -> Any:
    if not keys or not isinstance(item, dict):
        return _norm(item)
    return tuple(_norm(item.get(k)) for k in keys)


def _merge_item(old: Any, new: Any) -> Any:
    if not isinstance(old, dict) or not isinstance(new, dict):
        return new
    merged = dict(old)
    for key, value in new.items():
        if not _empty(value):
            merged[key] = value
    return merged


def merge_list(old: list, new: list, keys: tuple[str, ...]) -> list:
    """New items first in the page's order (merged with their old twins), then old items not seen."""
    old_by_id = {}
    for item in old or []:
        old_by_id.setdefault(_identity(item, keys), item)
    merged, seen = [], set()
    for item in new or []:
        ident = _identity(item, keys)
        if ident in seen:
            continue
        seen.add(ident)
        merged.append(_merge_item(old_by_id[ident], item) if ident in old_by_id else item)
    for item in old or []:
        ident = _identity(item, keys)
        if ident not in seen:
            seen.add(ident)
            merged.append(item)
    return merged


def merge_capture(prospect: dict[str, Any], parsed: dict[str, Any]) -> list[str]:
    """Apply the captured fields of ``parsed`` onto ``prospect`` in place; return the changed fields.

    Newer non-empty values replace older ones, lists are merged without duplicates, and fields
    the user edited are left alone.
    """
    edited = set(prospect.get("edited", []))
    changed = []
    for field in CAPTURED_FIELDS:
        if field in edited or field not in parsed:
            continue
        new = parsed[field]
        if _empty(new):
            continue
        old = prospect.get(field)
        if field in LIST_IDENTITY:
            value = merge_list(old or [], new, LIST_IDENTITY[field])
        elif isinstance(new, dict):
            value = _merge_item(old, new) if isinstance(old, dict) else new
        else:
            value = new
        if value != old:
            prospect[field] = value
            changed.append(field)
    return changed
