"""Pairing by approval: the extension creates a request and polls for the answer (no token yet).

These two routes are public (PUBLIC_API) but answer only the extension's own origins: a web
page can neither create a request nor read an answer.
"""

from flask import Blueprint, current_app, request

from coffeechat.api.body import json_object
from coffeechat.api.security import EXTENSION_ORIGINS, Refused
from coffeechat.pairing_requests import TTL_SECONDS, PairingRequests

bp = Blueprint("pairing", __name__, url_prefix="/api/v1")
EXTENSION_KEY = "coffeechat_pairing"


@bp.record_once
def _setup(state) -> None:
    ttl = (state.app.config.get("COFFEECHAT") or {}).get("pairing_seconds") or TTL_SECONDS
    state.app.extensions.setdefault(EXTENSION_KEY, PairingRequests(ttl=ttl))


def pairing_requests() -> PairingRequests:
    """The pairing requests of the app handling the current request."""
    return current_app.extensions[EXTENSION_KEY]


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
