"""The local dashboard: server-rendered pages (prospects, today, prospect, settings); their JSON twins live in api/."""

from flask import Blueprint, Flask

from coffeechat.dashboard import filters, guard

bp = Blueprint("dashboard", __name__, template_folder="templates", static_folder="static",
               static_url_path="/assets")
bp.before_request(guard.check_write)


def init_app(app: Flask) -> None:
    """Register the dashboard on the app: its pages, session secret, CSRF helper and filters."""
    guard.configure(app, app.config["COFFEECHAT"]["data_dir"])
    app.jinja_env.globals["csrf_token"] = guard.csrf_token
    filters.install(app)
    app.register_blueprint(bp)


# Importing the view modules registers their page routes on bp.
from coffeechat.dashboard import (  # noqa: E402,F401
    views,
    views_calendar,
    views_daily,
    views_insights,
    views_more,
    views_pairing,
    views_undo,
)
