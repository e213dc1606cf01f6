"""The store and the clock of the app handling the current request."""

from datetime import datetime

from flask import current_app

from coffeechat.pairing_requests import PairingRequests
from coffeechat.store import ProspectStore


def store() -> ProspectStore:
    """The store of the app handling the current request."""
    return current_app.extensions["coffeechat_store"]


def now() -> datetime:
    """The app's clock in local time (tests replace it with config["COFFEECHAT_CLOCK"])."""
    clock = current_app.config.get("COFFEECHAT_CLOCK")
    return clock() if clock else datetime.now()


def port() -> int:
    """The port this server listens on (exports link back to it)."""
    return current_app.config["COFFEECHAT"]["port"]


def pairing_requests() -> PairingRequests:
    """The extension pairing requests waiting for the user's answer (kept in the server's memory)."""
    return current_app.extensions["coffeechat_pairing"]
