"""One JSON error shape for the whole API: {"error": {"code", "message"}}."""

import logging

from flask import Flask, jsonify, request
from werkzeug.exceptions import HTTPException

from coffeechat.errors import CoffeechatError

log = logging.getLogger(__name__)

_HTTP_MESSAGES = {
    404: "there is nothing at this address; see the API table in the README",
    405: "this address does not accept that method",
    413: "the request body is too large (the limit is {mb} MB)",
}


def error_response(code: str, message: str, status: int):
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def install(app: Flask) -> None:
    """Register handlers that turn every failure into the JSON error shape (HTML pages may override)."""

    @app.errorhandler(CoffeechatError)
    def domain_error(exc: CoffeechatError):
        if exc.status >= 500:
            log.error("%s: %s", exc.code, exc.message)
        return error_response(exc.code, exc.message, exc.status)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        template = _HTTP_MESSAGES.get(status)
        message = template.format(mb=app.config["MAX_CONTENT_LENGTH"] >> 20) if template else exc.description
        name = (exc.name or "error").lower().replace(" ", "_")
        return error_response(name, message or name, status)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        return error_response("internal_error", "coffeechat hit an unexpected error; details are in the server's log", 500)
