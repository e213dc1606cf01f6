"""Dashboard safety: a session secret kept owner-only, CSRF tokens, and a same-origin check on every write."""

import functools
import hmac
import secrets
from pathlib import Path

from flask import Flask, abort, current_app, request, session

from coffeechat.pairing import _write_private, ensure_data_dir

SECRET_FILE = "session_secret"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def session_secret(data_dir: Path) -> str:
    """The key that signs the dashboard's session cookie, generated on first use (like the pairing token)."""
    path = ensure_data_dir(data_dir) / SECRET_FILE
    if path.exists() and (secret := path.read_text().strip()):
        return secret
    secret = secrets.token_urlsafe(48)
    _write_private(path, secret)
    return secret


def configure(app: Flask, data_dir: Path) -> None:
    """Give the app a session secret and cookies a cross-site page cannot send along."""
    app.secret_key = session_secret(data_dir)
    app.config.update(SESSION_COOKIE_NAME="coffeechat_session", SESSION_COOKIE_HTTPONLY=True,
                      SESSION_COOKIE_SAMESITE="Lax")


def csrf_token() -> str:
    """This browser session's CSRF token (created on first use)."""
    if "csrf" not in session:
        session["csrf"] = secrets.token_urlsafe(32)
    return session["csrf"]


def _same_origin() -> bool:
    """False when the browser says the request came from another site (Sec-Fetch-Site, else Origin)."""
    site = request.headers.get("Sec-Fetch-Site")
    if site:
        return site in ("same-origin", "none")
    origin = request.headers.get("Origin")
    # Our pages send Referrer-Policy: no-referrer, so browsers post them with "Origin: null";
    # without Sec-Fetch-Site that value proves nothing either way and the CSRF token decides.
    if origin and origin != "null":
        return origin.split("://", 1)[-1] in current_app.config["ALLOWED_HOSTS"]
    return True


def check_write() -> None:
    """Refuse a dashboard write (403) unless it is same-origin and carries this session's CSRF token."""
    if request.method in SAFE_METHODS or request.path.startswith("/api/"):
        return
    if not _same_origin():
        abort(403, "this form was sent from another site; coffeechat only accepts changes made on its own pages")
    expected = session.get("csrf")
    given = request.form.get("csrf_token", "")
    if not expected or not hmac.compare_digest(expected.encode(), given.encode()):
        abort(403, "the form's security token is missing or out of date; reload the page and try again")


def same_origin_only(view):
    """For GETs that cost real work (exports, the backup archive): a page on another site may not fire them."""
    @functools.wraps(view)
    def guarded(*args, **kwargs):
        if not _same_origin():
            abort(403, "this download was asked for by another site; open it from coffeechat's own Settings page")
        return view(*args, **kwargs)
    return guarded
