"""Ping and captures: the two routes the extension needs."""

from typing import Any

from flask import Blueprint, request

from coffeechat import __version__
from coffeechat.app import job_changes, next_step, save_options
from coffeechat.app.advice import best_connection_note
from coffeechat.app.captures import PROFILE_KINDS, save_capture
from coffeechat.errors import BadInput
from coffeechat.web.body import json_object
from coffeechat.web.context import now, store

bp = Blueprint("captures", __name__, url_prefix="/api/v1")


@bp.get("/ping")
def ping():
    return {"app": "coffeechat", "version": __version__, "api": 1}


@bp.post("/captures")
def create_capture():
    data = json_object(required=("url", "html"))
    url, html = data["url"], data["html"]
    if not isinstance(url, str) or not isinstance(html, str):
        raise BadInput("url and html must be strings")
    if not url.startswith(("https://", "http://")):
        raise BadInput("url must be the http(s) address of the captured page")
    key = request.headers.get("Idempotency-Key") or data.get("idempotency_key")
    if key is not None and (not isinstance(key, str) or not 0 < len(key) <= 200):
        raise BadInput("idempotency_key must be a string of at most 200 characters")
    captured_at = data.get("captured_at")
    if captured_at is not None and not isinstance(captured_at, str):
        raise BadInput("captured_at must be an ISO-8601 date-time string")
    options = save_options.read(data)  # checked before anything is stored
    result = save_capture(store(), html, url, captured_at, key)
    body: dict[str, Any] = {"kind": result.kind, "warnings": result.warnings, "duplicate": result.duplicate}
    if result.kind in PROFILE_KINDS and result.saved:
        prospect, created, changed = result.saved[0]
        if options and not result.duplicate:
            prospect = save_options.apply(store(), prospect["id"], options)
        body.update(prospect=prospect, created=created, changed=changed,
                    connection_note=best_connection_note(store(), prospect, now().date()),
                    next_step=next_step.for_saved(store(), prospect, now().date()),
                    dashboard_url=f"{request.host_url}prospects/{prospect['id']}",
                    job_change={**result.job_change, "message": job_changes.message(prospect, result.job_change)}
                    if result.job_change else None)
        return body, 201 if created else 200
    if result.kind == "search-results":
        body.update(created=sum(1 for _, c, _ in result.saved if c),
                    updated=sum(1 for _, c, _ in result.saved if not c),
                    prospects=[{"id": p["id"], "full_name": p.get("full_name"), "created": c}
                               for p, c, _ in result.saved])
        return body, 200
    body["company"] = result.company
    return body, 200
