"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

It is public, like ping: it describes routes and shapes, never data, and lets a client or a
tester (tests/server/test_schemathesis.py) check the API against it. A test fails when a route
under /api/ is missing here, so the document stays honest as routes are added.
"""

from typing import Any

from flask import Blueprint

from coffeechat import __version__, schemas
from coffeechat.app.followups import DUE_FILTERS
from coffeechat.app.undo import UNDO_MINUTES
from coffeechat.model import STAGES
from coffeechat.outreach.kinds import DRAFT_KINDS
from coffeechat.store.query import MAX_LIMIT, SORTS

bp = Blueprint("openapi", __name__, url_prefix="/api/v1")

OBJECT: dict[str, Any] = {"type": "object"}
ERROR = {"$ref": "#/components/schemas/Error"}
PROSPECT = {"$ref": "#/components/schemas/Prospect"}
ID = {"name": "prospect_id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 0}}
TEMPLATE = {"name": "name", "in": "path", "required": True, "schema": {"type": "string"}}
EXPORT_TYPES = ("application/json", "text/csv", "text/vcard", "text/calendar", "text/markdown")


def _query(name: str, schema: dict[str, Any], description: str = "") -> dict[str, Any]:
    return {"name": name, "in": "query", "required": False, "schema": schema, "description": description}


def _body(schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def _op(summary: str, ok: dict[str, Any] | None = None, *, status: str = "200", params: tuple = (),
        body: dict[str, Any] | None = None, public: bool = False, content: tuple[str, ...] = ("application/json",)):
    """One operation: its success response, and the shared error shape for every 4xx and 5xx."""
    op: dict[str, Any] = {
        "summary": summary,
        "parameters": list(params),
        "responses": {
            status: {"description": "success", "content": {t: {"schema": ok or OBJECT} for t in content}},
            "4XX": {"description": "the request was refused", "content": {"application/json": {"schema": ERROR}}},
            "5XX": {"description": "the server or its disk failed", "content": {"application/json": {"schema": ERROR}}},
        },
    }
    if body is not None:
        op["requestBody"] = body
    if public:
        op["security"] = []
    return op


SCHEMAS: dict[str, Any] = {
    "Error": {
        "type": "object", "required": ["error"],
        "properties": {"error": {"type": "object", "required": ["code", "message"], "properties": {
            "code": {"type": "string"}, "message": {"type": "string"}}}},
    },
    # The shapes the store checks every write against (coffeechat/schemas.py), as they are.
    "Prospect": schemas.PROSPECT_OUT,
    "ProspectChange": schemas.PROSPECT_CHANGE,
    "Backup": schemas.BACKUP,
    "Profile": schemas.PROFILE,
    "Rules": schemas.RULES,
    "Interaction": schemas.INTERACTION,
    "Template": schemas.TEMPLATE_BODY,
}

PATHS: dict[str, dict[str, Any]] = {
    "/api/v1/ping": {"get": _op("Identify the server (no token needed)", {
        "type": "object", "required": ["app", "version", "api"],
        "properties": {"app": {"const": "coffeechat"}, "version": {"type": "string"}, "api": {"type": "integer"}}},
        public=True)},
    "/api/v1/openapi.json": {"get": _op("This document (no token needed)", public=True)},
    "/api/v1/captures": {"post": _op(
        "Parse and store a captured LinkedIn page", status="2XX", body=_body({
            "type": "object", "required": ["url", "html"], "properties": {
                "url": {"type": "string"}, "html": {"type": "string"}, "captured_at": {"type": "string"},
                "idempotency_key": {"type": "string", "maxLength": 200},
                "tags": {"type": "array", "items": {"type": "string"}}, "stage": {"type": "string", "enum": list(STAGES)},
                "note": {"type": "string"}}}),
        params=({"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"}},))},
    "/api/v1/prospects": {"get": _op(
        "Filter, sort and page prospects", {
            "type": "object", "required": ["items", "total"],
            "properties": {"items": {"type": "array", "items": PROSPECT}, "total": {"type": "integer"}}},
        params=(_query("q", {"type": "string"}, "words that must all appear"),
                _query("stage", {"type": "string", "enum": list(STAGES)}), _query("tag", {"type": "string"}),
                _query("company", {"type": "string"}),
                _query("due", {"type": "string", "enum": list(DUE_FILTERS)}, "only follow-ups due (or overdue) today"),
                _query("changed_since", {"type": "string", "format": "date"}, "only people whose new job was seen since"),
                _query("ids", {"type": "string", "pattern": "^[0-9]+(,[0-9]+)*$"}, "only these prospects (comma-separated)"),
                _query("sort", {"type": "string", "enum": [p + s for s in SORTS for p in ("", "-")]}),
                _query("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
                _query("offset", {"type": "integer", "minimum": 0})))},
    "/api/v1/prospects/{prospect_id}": {
        "get": _op("One prospect with its capture history and log", PROSPECT, params=(ID,)),
        "patch": _op("Change the user's fields or captured fields", PROSPECT, params=(ID,),
                     body=_body({"$ref": "#/components/schemas/ProspectChange"})),
        "delete": _op("Delete a prospect, its raw captures and links to it; undo works for a while (in memory only)", {
            "type": "object", "required": ["deleted", "undo"], "properties": {
                "deleted": {"type": "integer"},
                "undo": {"type": "object", "required": ["token", "until"], "properties": {
                    "token": {"type": "string"}, "until": {"type": "string", "format": "date-time"}}}}},
            params=(ID,)),
    },
    "/api/v1/prospects/undo-delete": {"post": _op(
        f"Undo a delete within {UNDO_MINUTES} minutes while the server runs: the people come back with their ids "
        "(410 once too late)",
        {"type": "object", "required": ["restored"],
         "properties": {"restored": {"type": "array", "items": {"type": "integer"}}}},
        body=_body({"type": "object", "required": ["token"], "properties": {"token": {"type": "string"}}}))},
    "/api/v1/prospects/{prospect_id}/drafts": {"get": _op(
        "Outreach drafts tailored to the prospect", params=(ID, _query("kind", {"type": "string"}),
                                                             _query("variant", {"type": "integer", "minimum": 0}),
                                                             # One of the response's reasons[].id: the draft leads with it.
                                                             _query("reason", {"type": "string"})))},
    "/api/v1/prospects/{prospect_id}/drafts/{kind}": {"put": _op(
        "Keep the user's edited text of one kind of draft (empty text forgets it)", PROSPECT, params=(
            ID, {"name": "kind", "in": "path", "required": True, "schema": {"type": "string", "enum": list(DRAFT_KINDS)}}),
        body=_body({"type": "object", "required": ["text"], "properties": {"text": {"type": "string"}}}))},
    "/api/v1/prospects/{prospect_id}/notes": {"get": _op("Research notes for a meeting", params=(ID,))},
    "/api/v1/prospects/{prospect_id}/page": {"get": _op("JSON twin of the dashboard's prospect page", params=(ID,))},
    "/api/v1/prospects/{prospect_id}/interactions": {"post": _op(
        "Record an interaction; moves the stage it implies", PROSPECT, status="201", params=(ID,),
        body=_body({"$ref": "#/components/schemas/Interaction"}))},
    "/api/v1/me": {
        "get": _op("The user's own profile, used to tailor drafts"),
        "put": _op("Replace the user's own profile", body=_body({"$ref": "#/components/schemas/Profile"})),
    },
    "/api/v1/today": {"get": _op("JSON twin of the dashboard's Today page: follow-ups due")},
    "/api/v1/followups/today": {"get": _op("How many follow-ups are due today", {
        "type": "object", "required": ["due"], "properties": {"due": {"type": "integer"}}})},
    "/api/v1/settings": {"get": _op("JSON twin of the dashboard's settings page")},
    "/api/v1/settings/rules": {"put": _op("Change the follow-up rules", body=_body({"$ref": "#/components/schemas/Rules"}))},
    "/api/v1/templates/{name}": {
        "put": _op("Override a draft template", params=(TEMPLATE,), body=_body({"$ref": "#/components/schemas/Template"})),
        "delete": _op("Go back to the built-in template", params=(TEMPLATE,)),
    },
    "/api/v1/export": {"get": _op(
        "Download every prospect", {}, params=(_query("format", {"type": "string", "enum": [
            "json", "csv", "vcard", "ics", "markdown"]}),), content=EXPORT_TYPES)},
    "/api/v1/pairing/requests": {"post": _op(
        "Ask to be paired; the user allows or denies it on the dashboard (extension origins only, no token)", {
            "type": "object", "required": ["id", "poll_id", "code", "approve_url", "expires_in"]},
        status="201", public=True, body=_body({"type": "object", "properties": {"browser": {"type": "string"}}}))},
    "/api/v1/pairing/requests/{poll_id}/answer": {"post": _op(
        "The answer to a pairing request: the token once when allowed (its creator only, no token)", {
            "type": "object", "required": ["status"], "properties": {
                "status": {"enum": ["pending", "approved", "denied", "expired"]}, "token": {"type": "string"}}},
        public=True, params=({"name": "poll_id", "in": "path", "required": True, "schema": {"type": "string"}},),
        body=_body(OBJECT, required=False))},
    "/api/v1/import": {"post": _op(
        "Restore a JSON export into an empty store", {
            "type": "object", "required": ["imported"], "properties": {"imported": {"type": "integer"}}},
        status="201", body=_body({"$ref": "#/components/schemas/Backup"}))},
}

PATHS.update({
    "/api/v1/prospects/{prospect_id}/meeting.ics": {"get": _op(
        "The prospect's next scheduled meeting as a calendar file", {}, params=(ID,), content=("text/calendar",))},
    "/api/v1/insights": {"get": _op(
        "JSON twin of the insights page: paths, skills and the pool of the people matching a target",
        params=(_query("role", {"type": "string"}, "title words, or a function such as data work"),
                _query("company", {"type": "string"}), _query("tag", {"type": "string"}),
                _query("stage", {"type": "string", "enum": list(STAGES)})))},
})


def document() -> dict[str, Any]:
    """The whole OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "coffeechat", "version": __version__,
                 "description": "The local coffeechat server. Every route except ping and this document needs "
                                "`Authorization: Bearer <pairing token>` (`coffeechat token` prints it)."},
        "servers": [{"url": "http://127.0.0.1:5757"}],
        "security": [{"pairingToken": []}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS,
                       "securitySchemes": {"pairingToken": {"type": "http", "scheme": "bearer"}}},
    }


@bp.get("/openapi.json")
def openapi_json():
    return document()
