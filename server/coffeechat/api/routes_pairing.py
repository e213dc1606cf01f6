"""Pairing by approval: the extension creates a request and polls for the answer (no token yet).

These two routes are public (PUBLIC_API) but answer only the extension's own origins: a web
page can neither create a request nor read an answer.
"""

from flask import Blueprint, request

from coffeechat.web.body import json_object
from coffeechat.web.context import pairing_requests
from coffeechat.web.guards import EXTENSION_ORIGINS, Refused

bp = Blueprint("pairing", __name__, url_prefix="/api/v1")


def _extension_origin() -> str:
    origin = request.headers.get("Origin", "")
    if not EXTENSION_ORIGINS.match(origin):
        raise Refused("pairing requests are accepted only from the coffeechat extension",
                      code="forbidden_origin", status=403)
    return origin


@bp.post("/pairing/requests")
def create_request():
    origin = _extension_origin()
    body = json_object()
    created = pairing_requests().create(str(body.get("browser") or ""), origin)
    created["approve_url"] = f"{request.host_url}pair/{created['id']}"
    return created, 201


@bp.post("/pairing/requests/<poll_id>/answer")
def read_answer(poll_id: str):
    return pairing_requests().poll(poll_id, _extension_origin())
