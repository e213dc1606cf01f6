"""Request guards for a server that every web page on this machine can reach (notes/security.md)."""

import gzip
import io
import json
import re

from flask import Flask, Response, current_app, g, request
from flask_cors import CORS

from coffeechat import __version__
from coffeechat.errors import CoffeechatError
from coffeechat.pairing import token_matches
from coffeechat.settings import LOOPBACK

EXTENSION_ORIGINS = re.compile(r"^(chrome-extension|moz-extension)://[A-Za-z0-9._-]+$")
# Public: they reveal nothing private (the OpenAPI document describes routes, never data).
# The pairing routes hand out no data and answer only the extension's origin (api/routes_pairing.py).
PUBLIC_API = {"/api/v1/ping", "/api/v1/openapi.json", "/api/v1/pairing/requests",
              "/api/v1/pairing/requests/<poll_id>/answer"}
PAIRING_HELP = ("pair the extension: run `coffeechat token` (or look at what `make run` printed) "
                "and paste the token in the extension's options")


class Refused(CoffeechatError):
    """A request the guards turn away."""


def allowed_hosts(host: str, port: int) -> set[str]:
    """Host headers we answer: loopback names with our port (DNS rebinding defence)."""
    names = set(LOOPBACK) | ({host} if host not in LOOPBACK else set())
    # A Host header writes an IPv6 address in brackets.
    return {f"[{name}]:{port}" if ":" in name else f"{name}:{port}" for name in names}


def check_host() -> None:
    hosts = current_app.config["ALLOWED_HOSTS"]
    if request.host not in hosts:
        raise Refused(f"requests must be addressed to {sorted(hosts)[0]}; refusing Host {request.host!r}",
                      code="bad_host", status=421)


def check_token() -> None:
    if not request.path.startswith("/api/") or request.path in PUBLIC_API or request.method == "OPTIONS":
        return
    if request.url_rule is not None and request.url_rule.rule in PUBLIC_API:
        return
    header = request.headers.get("Authorization", "")
    given = header[7:].strip() if header.lower().startswith("bearer ") else None
    if not token_matches(current_app.config["TOKEN_GETTER"](), given):
        reason = "no pairing token was sent" if not given else "the pairing token is wrong"
        raise Refused(f"{reason}; {PAIRING_HELP}", code="unauthorized", status=401)


def read_json_body() -> None:
    """Parse a JSON write body once (gunzipping when asked) into ``g.json``."""
    g.json = None
    if request.method not in ("POST", "PUT", "PATCH") or not request.path.startswith("/api/"):
        return
    if request.mimetype != "application/json":
        raise Refused("send the body as JSON with Content-Type: application/json",
                      code="unsupported_media_type", status=415)
    raw = request.get_data(cache=False)
    if request.headers.get("Content-Encoding", "").lower() == "gzip":
        raw = _gunzip(raw, current_app.config["MAX_CONTENT_LENGTH"] * 4)
    try:
        g.json = json.loads(raw or b"null")
    except (ValueError, UnicodeDecodeError):
        raise Refused("the request body is not valid JSON", code="bad_json", status=400) from None
    except RecursionError:  # the parser gives up on bodies nested thousands deep
        raise Refused("the request body is nested too deeply", code="bad_json", status=400) from None


def _gunzip(raw: bytes, limit: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(raw)) as f:
            data = f.read(limit + 1)
    except (OSError, EOFError):
        raise Refused("the body says gzip but is not valid gzip", code="bad_encoding", status=400) from None
    if len(data) > limit:
        raise Refused(f"the unpacked body is larger than {limit // (1 << 20)} MB", code="too_large", status=413)
    return data


def add_headers(response: Response) -> Response:
    response.headers["X-Coffeechat-Version"] = __version__
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers.setdefault(
        "Content-Security-Policy",
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'")
    return response


def install(app: Flask) -> None:
    """Wire the guards into the app, in order: host, token, body."""
    app.before_request(check_host)
    app.before_request(check_token)
    app.before_request(read_json_body)
    app.after_request(add_headers)
    # CORS only for the extension's own origins, configured explicitly; never "*".
    CORS(app, resources={r"/api/*": {"origins": [EXTENSION_ORIGINS]}},
         allow_headers=["Authorization", "Content-Type", "Content-Encoding", "Idempotency-Key"],
         expose_headers=["X-Coffeechat-Version"], methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
         supports_credentials=False, max_age=600)
