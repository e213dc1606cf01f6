"""The user's edits (PATCH) and log entries; the store checks the whole record against its schema before writing."""

import secrets
from typing import Any, Callable

from coffeechat.errors import BadInput
from coffeechat.model import CAPTURED_FIELDS, LOG_TYPES, STAGES, USER_FIELDS


def _check(field: str, value: Any, exists: Callable[[int], bool]) -> Any:
    """What the prospect schema cannot say: tags are tidied, a referrer must exist. Types are checked on write."""
    if field == "tags":
        if not isinstance(value, list) or not all(isinstance(t, str) and t.strip() for t in value):
            raise BadInput("tags must be a list of non-empty strings")
        return list(dict.fromkeys(t.strip() for t in value))
    if field == "referred_by":
        if value is not None and (isinstance(value, bool) or not isinstance(value, int) or not exists(value)):
            raise BadInput(f"referred_by must be the id of another stored prospect, got {value!r}")
    elif field == "stage" and value not in STAGES:
        raise BadInput(f"unknown stage {value!r}; stages are: {', '.join(STAGES)}")
    elif field == "draft_edits" and isinstance(value, dict):
        return {k: v for k, v in value.items() if not isinstance(v, str) or v.strip()}  # an emptied edit is dropped
    elif field == "snoozed" and not all(isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-"
                                        for v in value.values()):
        raise BadInput("snoozed must map each follow-up to a date (YYYY-MM-DD)")
    return value


def apply_patch(doc: dict[str, Any], fields: dict[str, Any], now: str, exists: Callable[[int], bool]) -> None:
    """Validate and apply the user's changes to ``doc`` in place (stage changes are logged)."""
    if not isinstance(fields, dict) or not fields:
        raise BadInput("send a JSON object with the fields to change")
    editable = set(USER_FIELDS) | (set(CAPTURED_FIELDS) - {"profile_url", "member_urn"})
    unknown = sorted(set(fields) - editable)
    if unknown:
        raise BadInput(f"cannot change {', '.join(unknown)}; editable fields: {', '.join(sorted(editable))}")
    for field, value in fields.items():
        value = _check(field, value, exists)
        if field == "stage" and value != doc.get("stage"):
            doc["log"].append(log_entry({"type": "stage_changed", "from": doc.get("stage"), "to": value}, now))
        if field in CAPTURED_FIELDS and field not in doc["edited"]:
            doc["edited"].append(field)
        doc[field] = value
    doc["updated_at"] = now


def log_entry(entry: dict[str, Any], now: str) -> dict[str, Any]:
    """A validated log entry with an id and a timestamp."""
    if not isinstance(entry, dict) or entry.get("type") not in LOG_TYPES:
        raise BadInput(f"a log entry needs a type, one of: {', '.join(LOG_TYPES)}")
    clean = {k: v for k, v in entry.items() if isinstance(v, (str, int, float, bool, type(None)))}
    clean.setdefault("at", now)
    clean["id"] = secrets.token_hex(6)
    return clean
