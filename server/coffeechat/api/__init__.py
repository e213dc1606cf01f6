"""The Flask application: the JSON API under /api/v1 (and the dashboard, registered alongside)."""

from pathlib import Path
from typing import Any

from flask import Flask, current_app

from coffeechat.api import errors, security
from coffeechat.config import load_config
from coffeechat.pairing import get_token
from coffeechat.store import ProspectStore


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; ``test_config`` overrides settings (data_dir, port, host, ...)."""
    config = load_config(test_config)
    app = Flask(__name__)
    data_dir: Path = config["data_dir"]
    store = ProspectStore(data_dir, compact_bytes=config["compact_mb"] << 20)
    app.config.update(
        COFFEECHAT=config,
        MAX_CONTENT_LENGTH=config["max_body_mb"] << 20,
        ALLOWED_HOSTS=security.allowed_hosts(config["host"], config["port"]),
        TOKEN_GETTER=lambda: get_token(data_dir),
        JSON_SORT_KEYS=False,
    )
    app.json.sort_keys = False
    app.extensions["coffeechat_store"] = store
    get_token(data_dir)
    security.install(app)
    errors.install(app)
    from coffeechat.api import openapi, routes_captures, routes_prospects, routes_backup, routes_pairing, routes_drafts
    from coffeechat import dashboard
    for module in (routes_captures, routes_prospects, routes_backup, routes_pairing, routes_drafts, openapi, dashboard):
        app.register_blueprint(module.bp)
    return app


def store() -> ProspectStore:
    """The store of the app handling the current request."""
    return current_app.extensions["coffeechat_store"]
