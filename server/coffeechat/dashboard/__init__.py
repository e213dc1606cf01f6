"""The local dashboard: server-rendered pages (prospects, today, prospect, settings) and their JSON twins."""

import logging
from datetime import datetime

from flask import Blueprint, Flask, current_app, render_template, request
from werkzeug.exceptions import HTTPException

from coffeechat.api.errors import error_response
from coffeechat.dashboard import guard
from coffeechat.errors import CoffeechatError

log = logging.getLogger(__name__)
bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")


def now() -> datetime:
    """The dashboard's clock (tests replace it with config["COFFEECHAT_CLOCK"])."""
    clock = current_app.config.get("COFFEECHAT_CLOCK")
    return clock() if clock else datetime.now()


def _error_page(status: int, title: str, message: str):
    if request.path.startswith("/api/"):
        return error_response(title.lower().replace(" ", "_"), message, status)
    return render_template("error.html", status=status, title=title, message=message), status


@bp.record_once
def _setup(state) -> None:
    app: Flask = state.app
    guard.configure(app, app.config["COFFEECHAT"]["data_dir"])
    app.jinja_env.globals["csrf_token"] = guard.csrf_token
    from coffeechat.dashboard import api, filters
    filters.install(app)
    app.register_blueprint(api.bp)

    # Addresses that match no route belong to nobody's blueprint: give people an HTML page, the API its JSON.
    @app.errorhandler(404)
    @app.errorhandler(405)
    def not_here(exc: HTTPException):
        title = "Not found" if exc.code == 404 else "Not allowed"
        message = ("there is nothing at this address" if exc.code == 404
                   else "this address does not accept that method")
        return _error_page(exc.code or 404, title, message)


bp.before_request(guard.check_write)


@bp.errorhandler(CoffeechatError)
def domain_error(exc: CoffeechatError):
    return _error_page(exc.status, exc.code.replace("_", " ").capitalize(), exc.message)


@bp.errorhandler(HTTPException)
def http_error(exc: HTTPException):
    return _error_page(exc.code or 500, exc.name or "Error", exc.description or "")


@bp.errorhandler(Exception)
def unexpected(exc: Exception):
    log.exception("unexpected error on %s %s", request.method, request.path)
    return _error_page(500, "Something went wrong", "coffeechat hit an unexpected error; details are in the server's log")


from coffeechat.dashboard import views  # noqa: E402,F401  (registers the page routes on bp)
from coffeechat.dashboard import views_pairing  # noqa: E402,F401  (the pairing approval page)
