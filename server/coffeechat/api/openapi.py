"""The OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json.

It is public, like ping: it describes routes and shapes, never data, and lets a client or a
tester (tests/server/test_schemathesis.py) check the API against it. A test fails when a route
under /api/ is missing here, so the document stays honest as routes are added.
"""

from typing import Any

from flask import Blueprint

from coffeechat import __version__
from coffeechat.app.followups import DUE_FILTERS
from coffeechat.model import STAGES
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
    "Prospect": {
        "type": "object", "required": ["id", "key", "stage", "tags", "captures", "log"],
        "properties": {
            "id": {"type": "integer"}, "key": {"type": "string"}, "full_name": {"type": ["string", "null"]},
            "headline": {"type": ["string", "null"]}, "stage": {"type": "string", "enum": list(STAGES)},
            "tags": {"type": "array", "items": {"type": "string"}}, "notes": {"type": ["string", "null"]},
            "referred_by": {"type": ["integer", "null"]}, "captures": {"type": "array"}, "log": {"type": "array"},
        },
    },
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
                "idempotency_key": {"type": "string", "maxLength": 200}}}),
        params=({"name": "Idempotency-Key", "in": "header", "required": False, "schema": {"type": "string"}},))},
    "/api/v1/prospects": {"get": _op(
        "Filter, sort and page prospects", {
            "type": "object", "required": ["items", "total"],
            "properties": {"items": {"type": "array", "items": PROSPECT}, "total": {"type": "integer"}}},
        params=(_query("q", {"type": "string"}, "words that must all appear"),
                _query("stage", {"type": "string", "enum": list(STAGES)}), _query("tag", {"type": "string"}),
                _query("company", {"type": "string"}),
                _query("due", {"type": "string", "enum": list(DUE_FILTERS)}, "only follow-ups due (or overdue) today"),
                _query("sort", {"type": "string", "enum": [p + s for s in SORTS for p in ("", "-")]}),
                _query("limit", {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT}),
                _query("offset", {"type": "integer", "minimum": 0})))},
    "/api/v1/prospects/{prospect_id}": {
        "get": _op("One prospect with its capture history and log", PROSPECT, params=(ID,)),
        "patch": _op("Change the user's fields or captured fields", PROSPECT, params=(ID,), body=_body(OBJECT)),
        "delete": _op("Delete a prospect, its raw captures and links to it", {
            "type": "object", "required": ["deleted"], "properties": {"deleted": {"type": "integer"}}},
            params=(ID,)),
    },
    "/api/v1/prospects/{prospect_id}/drafts": {"get": _op(
        "Outreach drafts tailored to the prospect", params=(ID, _query("kind", {"type": "string"}),
                                                             _query("variant", {"type": "integer", "minimum": 0}),
                                                             # One of the response's reasons[].id: the draft leads with it.
                                                             _query("reason", {"type": "string"})))},
    "/api/v1/prospects/{prospect_id}/notes": {"get": _op("Research notes for a meeting", params=(ID,))},
    "/api/v1/prospects/{prospect_id}/page": {"get": _op("JSON twin of the dashboard's prospect page", params=(ID,))},
    "/api/v1/prospects/{prospect_id}/interactions": {"post": _op(
        "Record an interaction; moves the stage it implies", PROSPECT, status="201", params=(ID,), body=_body({
            "type": "object", "required": ["action"], "properties": {"action": {"type": "string"}}}))},
    "/api/v1/me": {
        "get": _op("The user's own profile, used to tailor drafts"),
        "put": _op("Replace the user's own profile", body=_body(OBJECT)),
    },
    "/api/v1/today": {"get": _op("JSON twin of the dashboard's Today page: follow-ups due")},
    "/api/v1/followups/today": {"get": _op("How many follow-ups are due today", {
        "type": "object", "required": ["due"], "properties": {"due": {"type": "integer"}}})},
    "/api/v1/settings": {"get": _op("JSON twin of the dashboard's settings page")},
    "/api/v1/settings/rules": {"put": _op("Change the follow-up rules", body=_body(OBJECT))},
    "/api/v1/templates/{name}": {
        "put": _op("Override a draft template", params=(TEMPLATE,), body=_body({
            "type": "object", "required": ["source"], "properties": {"source": {"type": "string"}}})),
        "delete": _op("Go back to the built-in template", params=(TEMPLATE,)),
    },
    "/api/v1/export": {"get": _op(
        "Download every prospect", {}, params=(_query("format", {"type": "string", "enum": [
            "json", "csv", "vcard", "ics", "markdown"]}),), content=EXPORT_TYPES)},
    "/api/v1/import": {"post": _op(
        "Restore a JSON export into an empty store", {
            "type": "object", "required": ["imported"], "properties": {"imported": {"type": "integer"}}},
        status="201", body=_body(OBJECT))},
}


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
