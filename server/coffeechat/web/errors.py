"""One error handler for the whole app: JSON ``{"error": {"code", "message"}}`` under /api/, an HTML page elsewhere."""

import logging

from flask import Flask, jsonify, render_template, request
from jinja2 import TemplateNotFound
from werkzeug.exceptions import HTTPException

from coffeechat.errors import CoffeechatError

log = logging.getLogger(__name__)

_MESSAGES = {
    404: "there is nothing at this address",
    405: "this address does not accept that method",
    413: "the request body is too large (the limit is {mb} MB)",
}
_API_HINTS = {404: "; see the API table in the README"}
_UNEXPECTED = "coffeechat hit an unexpected error; details are in the server's log"


def error_response(code: str, message: str, status: int):
    """The API's error shape."""
    response = jsonify({"error": {"code": code, "message": message}})
    response.status_code = status
    return response


def _answer(status: int, code: str, title: str, message: str):
    if request.path.startswith("/api/"):
        return error_response(code, message, status)
    try:
        return render_template("error.html", status=status, title=title, message=message), status
    except TemplateNotFound:  # the dashboard is not registered (a bare test app): plain text still helps
        return f"{title}: {message}", status, {"Content-Type": "text/plain; charset=utf-8"}


def install(app: Flask) -> None:
    """Turn every failure into the API's JSON shape or the dashboard's error page."""

    @app.errorhandler(CoffeechatError)
    def domain_error(exc: CoffeechatError):
        if exc.status >= 500:
            log.error("%s: %s", exc.code, exc.message)
        return _answer(exc.status, exc.code, exc.code.replace("_", " ").capitalize(), exc.message)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        status = exc.code or 500
        template = _MESSAGES.get(status)
        message = template.format(mb=app.config["MAX_CONTENT_LENGTH"] >> 20) if template else exc.description
        if request.path.startswith("/api/"):
            message = (message or "") + _API_HINTS.get(status, "")
        name = (exc.name or "error").lower().replace(" ", "_")
        return _answer(status, name, exc.name or "Error", message or name)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        log.exception("unexpected error on %s %s", request.method, request.path)
        return _answer(500, "internal_error", "Something went wrong", _UNEXPECTED)
