"""One JSON Schema per stored shape: prospect, log entry, import record, settings (rules, profile), idempotency key.

Every write is checked against these before it is journaled, and every record is checked again
when the store opens (a bad one is set aside, not fatal). The schemas are plain JSON Schema
(draft 2020-12) dicts, so the OpenAPI 3.1 document (api/openapi.py) embeds them as they are.

Why jsonschema-rs: it validates plain JSON Schema dicts (no second model to keep in step with
the OpenAPI document), it is maintained with schemathesis (already in our test tools), and it
is fast enough to check every record on open. Measured on 2,000 generated 3.7 KB prospects
(bench/data.py): jsonschema-rs 7 µs a record (0.35 s at 50,000), fastjsonschema 28 µs (1.4 s).
Its errors carry the path of the bad value, so messages name the field.
"""

from typing import Any

import jsonschema_rs

from coffeechat.errors import BadInput
from coffeechat.me import DEFAULT_ME, MAX_ITEM_CHARS, MAX_ITEMS, NOTE_LIMITS, PERSONAS, TEXT_LIMITS, TIME_ASKS, TONES
from coffeechat.model import LOG_TYPES, STAGES
from coffeechat.pipeline import ACTIONS, MAX_TEXT
from coffeechat.timeline.rules import DEFAULT_RULES, MAX_DAYS

TEXT = {"type": ["string", "null"]}
STRING = {"type": "string"}
STRINGS = {"type": "array", "items": STRING}
ID = {"type": "integer", "minimum": 1}
SCALAR = {"type": ["string", "number", "boolean", "null"]}


def _item(*keys: str, **shapes: dict[str, Any]) -> dict[str, Any]:
    """A captured list item: the fields drafts and notes read are text (or the shape given); anything else a
    parser adds is a plain value."""
    return {"type": "object", "properties": {**{k: TEXT for k in keys}, **shapes}, "additionalProperties": SCALAR}


# A grouped role's time at the company, as the page shows it and in months (parsing/__init__.py).
COMPANY_DURATION: dict[str, Any] = {"type": ["object", "null"], "properties": {
    "text": TEXT, "months": {"type": ["integer", "null"], "minimum": 0}}, "additionalProperties": False}


LOG_ENTRY: dict[str, Any] = {
    "type": "object", "required": ["type", "at"],
    "properties": {
        "id": STRING, "at": STRING, "type": {"enum": list(LOG_TYPES)},
        "from": TEXT, "to": TEXT,
        "when": STRING, "where": STRING, "note": STRING, "prospect_id": ID,
    },
    "additionalProperties": SCALAR,
    # A stage change names two stages; a job change (job_changed) names two roles in words.
    "if": {"properties": {"type": {"const": "stage_changed"}}},
    "then": {"properties": {"from": {"enum": [None, *STAGES]}, "to": {"enum": list(STAGES)}}},
}

CAPTURE: dict[str, Any] = {
    "type": "object", "required": ["id"],
    "properties": {"id": {"type": "string", "minLength": 1}, "at": STRING, "url": TEXT, "kind": TEXT,
                   "changed": STRINGS},
}

# The fields a capture fills in (model.CAPTURED_FIELDS) and the user's own (model.USER_FIELDS).
CAPTURED: dict[str, Any] = {
    **{k: TEXT for k in ("full_name", "headline", "location", "about", "photo_url", "profile_url", "member_urn")},
    "connection_degree": {"enum": [None, "1st", "2nd", "3rd+"]},
    "current": {"type": ["object", "null"], "properties": {"title": TEXT, "company": TEXT},
                "additionalProperties": False},
    "experience": {"type": "array", "items": _item(
        "title", "company", "employment_type", "date_range", "start", "end", "duration", "location", "description",
        company_duration=COMPANY_DURATION)},
    "education": {"type": "array", "items": _item(
        "school", "degree", "field_of_study", "date_range", "start", "end", "grade", "activities", "description")},
    "skills": STRINGS,
    "languages": {"type": "array", "items": _item("language", "proficiency")},
}
USER: dict[str, Any] = {
    "stage": {"enum": list(STAGES)},
    "tags": {"type": "array", "items": {"type": "string", "minLength": 1}},
    "notes": TEXT, "email": TEXT,
    "referred_by": {"type": ["integer", "null"], "minimum": 1},
    # The user's own wording of a draft, kept per draft kind (the popup and the prospect page).
    "draft_edits": {"type": "object", "propertyNames": {"pattern": "^[a-z_]{1,40}$"},
                    "additionalProperties": {"type": "string", "maxLength": 8000}},
}

PROSPECT: dict[str, Any] = {
    "type": "object", "required": ["key"],
    "properties": {
        "key": {"type": "string", "minLength": 1}, **CAPTURED, **USER,
        "edited": STRINGS, "captures": {"type": "array", "items": CAPTURE},
        "log": {"type": "array", "items": LOG_ENTRY}, "created_at": STRING, "updated_at": STRING,
    },
    # Fields of other versions are kept as they are: nothing here reads them.
}

# A PATCH body: the user's fields and the captured ones the user may correct (not the identity).
PROSPECT_CHANGE: dict[str, Any] = {
    "type": "object", "minProperties": 1,
    "properties": {**{k: v for k, v in CAPTURED.items() if k not in ("profile_url", "member_urn")}, **USER},
    "additionalProperties": False,
}

# What the API answers for a prospect: the stored record with its id (list items add follow-up fields).
PROSPECT_OUT: dict[str, Any] = {**PROSPECT, "required": ["id", "key", "stage", "tags", "captures", "log"],
                                "properties": {"id": ID, **PROSPECT["properties"]}}

# A prospect in a JSON backup: the stored record with its id.
IMPORT_RECORD: dict[str, Any] = {**PROSPECT, "required": ["id", "key"],
                                 "properties": {"id": ID, **PROSPECT["properties"]}}

RULES: dict[str, Any] = {
    "type": "object",
    "properties": {name: {"type": "integer", "minimum": 0, "maximum": MAX_DAYS} for name in DEFAULT_RULES},
    "additionalProperties": False,
}

PROFILE: dict[str, Any] = {
    "type": "object",
    "properties": {
        **{k: {"type": "string", "maxLength": n} for k, n in TEXT_LIMITS.items()},
        **{k: {"type": "array", "maxItems": MAX_ITEMS, "items": {"type": "string", "maxLength": MAX_ITEM_CHARS}}
           for k in ("schools", "employers", "skills", "languages")},
        "persona": {"enum": list(PERSONAS)}, "tone": {"enum": list(TONES)}, "time_ask": {"enum": list(TIME_ASKS)},
        "linkedin_account": {"enum": list(NOTE_LIMITS)},
    },
    "additionalProperties": False,
}
assert set(PROFILE["properties"]) == set(DEFAULT_ME), "every key of the profile needs its schema"

# Settings are stored as {"name", "value"}; the value's shape depends on the name.
SETTING_VALUES: dict[str, dict[str, Any]] = {"me": PROFILE, "followup_rules": RULES}
SETTING: dict[str, Any] = {"type": "object", "required": ["name", "value"], "properties": {"name": STRING}}

IDEMPOTENCY_KEY: dict[str, Any] = {
    "type": "object", "required": ["key", "kind", "ids"],
    "properties": {"key": STRING, "kind": STRING, "ids": {"type": "array", "items": ID}, "at": STRING},
}

BACKUP: dict[str, Any] = {
    "type": "object", "required": ["app", "prospects"],
    "properties": {"app": {"const": "coffeechat"}, "format": {"type": "integer"},
                   "prospects": {"type": "array", "items": IMPORT_RECORD},
                   "settings": {"type": "object", "properties": SETTING_VALUES}},
}

# What an interaction may carry (pipeline.log_entry_for checks the dates and which fields each action needs).
INTERACTION: dict[str, Any] = {
    "type": "object", "required": ["action"],
    "properties": {"action": {"enum": list(ACTIONS)}, "at": STRING, "when": STRING,
                   "where": {"type": "string", "maxLength": MAX_TEXT}, "note": {"type": "string", "maxLength": MAX_TEXT},
                   "prospect_id": ID},
}

TEMPLATE_BODY: dict[str, Any] = {"type": "object", "required": ["source"], "properties": {"source": STRING}}

_WORDS = {"string": "text", "null": "empty", "integer": "a whole number", "number": "a number",
          "boolean": "true or false", "array": "a list", "object": "an object"}
_validators: dict[int, Any] = {}


def _validator(schema: dict[str, Any]):
    found = _validators.get(id(schema))
    if found is None:
        found = _validators[id(schema)] = jsonschema_rs.validator_for(schema)
    return found


def _path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _show(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _words(error) -> str:
    """One error as a person reads it: the field, then what it must be."""
    kind, field = error.kind, _path(error.instance_path)
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Type):
        wanted = " or ".join(_WORDS.get(t, t) for t in sorted(kind.types, key=lambda t: t == "null"))
        return f"{field or 'the value'} must be {wanted}, not {_show(error.instance)}"
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Enum):
        options = ", ".join("empty" if o is None else str(o) for o in kind.options)
        return f"{field or 'the value'} must be one of: {options} (not {_show(error.instance)})"
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
        return f"{_path([*error.instance_path, kind.property]) } is missing"
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
        return f"{field + ': ' if field else ''}unknown field(s) {', '.join(map(repr, kind.unexpected))}"
    return f"{field + ': ' if field else ''}{error.message}"


def problem(schema: dict[str, Any], value: Any) -> str | None:
    """Why ``value`` does not have the shape ``schema`` describes (the first reason), or None when it does."""
    validator = _validator(schema)
    if validator.is_valid(value):
        return None
    return _words(next(iter(validator.iter_errors(value))))


def check(schema: dict[str, Any], value: Any, what: str = "") -> None:
    """Raise BadInput (status 422) naming the field when ``value`` does not fit ``schema``."""
    reason = problem(schema, value)
    if reason:
        raise BadInput(f"{what}{reason}; nothing was saved", code="invalid", status=422)


def setting_problem(name: Any, value: Any) -> str | None:
    """Why a stored setting is unusable, or None."""
    schema = SETTING_VALUES.get(name)
    return problem(schema, value) if schema else None


def check_backup(backup: Any) -> None:
    """Raise BadInput naming the first bad record of a JSON backup (its place and id, then the field)."""
    if not isinstance(backup, dict) or backup.get("app") != "coffeechat" or not isinstance(backup.get("prospects"), list):
        raise BadInput("this file is not a coffeechat JSON export")
    ids, keys = set(), set()
    for n, record in enumerate(backup["prospects"], start=1):
        reason = problem(IMPORT_RECORD, record)
        if reason is None and record["id"] in ids:
            reason = f"id {record['id']} appears twice"
        if reason is None and record["key"] in keys:
            reason = f"the person {record['key']} appears twice"
        if reason:
            where = f" (id {record['id']!r})" if isinstance(record, dict) and "id" in record else ""
            raise BadInput(f"prospect {n} in the file{where}: {reason}; nothing was imported", code="invalid", status=422)
        ids.add(record["id"])
        keys.add(record["key"])
    settings = backup.get("settings") or {}
    if not isinstance(settings, dict):
        raise BadInput("the settings of the file must be an object; nothing was imported", code="invalid", status=422)
    for name, value in settings.items():
        reason = setting_problem(name, value)
        if reason:
            raise BadInput(f"setting {name} in the file: {reason}; nothing was imported", code="invalid", status=422)
