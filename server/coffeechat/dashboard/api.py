"""JSON twins of the dashboard pages, and the follow-up and interaction routes (token required, like all /api/)."""

from flask import Blueprint

from coffeechat import pipeline
from coffeechat.api import store
from coffeechat.api.body import json_object
from coffeechat.dashboard import now, pages
from coffeechat.pairing import get_token

bp = Blueprint("dashboard_api", __name__, url_prefix="/api/v1")


@bp.get("/today")
def today():
    return pages.today_page(store(), now())


@bp.get("/followups/today")
def due_badge():
    return {"due": pages.due_count(store(), now().date())}


@bp.get("/prospects/<int:prospect_id>/page")
def prospect_page(prospect_id: int):
    return pages.prospect_page(store(), prospect_id, now())


@bp.post("/prospects/<int:prospect_id>/interactions")
def interaction(prospect_id: int):
    body = json_object(required=("action",))
    return pipeline.record(store(), prospect_id, body["action"], body), 201


@bp.get("/settings")
def settings():
    return pages.settings_page(store(), get_token(store().data_dir))


@bp.put("/settings/rules")
def put_rules():
    return pages.save_rules(store(), json_object())


@bp.put("/templates/<name>")
def put_template(name: str):
    from coffeechat.outreach.templates import save_override
    body = json_object(required=("source",))
    save_override(store().data_dir / "templates", name, body["source"])
    return {"name": name, "override": body["source"]}


@bp.delete("/templates/<name>")
def delete_template(name: str):
    from coffeechat.outreach.templates import reset_override
    reset_override(store().data_dir / "templates", name)
    return {"name": name, "override": None}
