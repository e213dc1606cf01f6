"""The app factory: one Flask app with the API and the dashboard, its guards and one error handler."""

from pathlib import Path
from typing import Any

from flask import Flask

from coffeechat import api, dashboard
from coffeechat.config import load_config
from coffeechat.pairing import get_token
from coffeechat.pairing_requests import TTL_SECONDS, PairingRequests
from coffeechat.store import ProspectStore
from coffeechat.web import errors, guards


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app; ``test_config`` overrides settings (data_dir, port, host, ...)."""
    config = load_config(test_config)
    app = Flask(__name__)
    data_dir: Path = config["data_dir"]
    store = ProspectStore(data_dir, compact_bytes=config["compact_mb"] << 20)
    app.config.update(
        COFFEECHAT=config,
        MAX_CONTENT_LENGTH=config["max_body_mb"] << 20,
        ALLOWED_HOSTS=guards.allowed_hosts(config["host"], config["port"]),
        TOKEN_GETTER=lambda: get_token(data_dir),
    )
    app.json.sort_keys = False  # type: ignore[attr-defined]
    app.extensions["coffeechat_store"] = store
    app.extensions["coffeechat_pairing"] = PairingRequests(ttl=config.get("pairing_seconds") or TTL_SECONDS)
    get_token(data_dir)
    guards.install(app)
    errors.install(app)
    for blueprint in api.BLUEPRINTS:
        app.register_blueprint(blueprint)
    dashboard.init_app(app)
    return app


def stop_serving(app: Flask, server: Any) -> None:
    """Stop a waitress ``server`` of ``app`` and close the store, in the one safe order.

    Waitress wakes its main loop by writing b"x" to a pipe, also from worker threads finishing a
    request, and closing the server closes that pipe while keeping its file number. Closed first,
    a late wake-up landed in the next file opened with the same number: the snapshot the store
    writes as it closes, which then ended in "x" and no longer opened (tests/server/test_races.py
    caught it 1 run in 6). So: the worker threads stop, the store closes while the pipe is still
    open, and only then the server closes.
    """
    server.task_dispatcher.shutdown()
    try:
        app.extensions["coffeechat_store"].close()
    finally:
        server.close()
