"""JSON twins of the dashboard pages, follow-up counts, rules and templates (token required, like all /api/)."""

from flask import Blueprint

from coffeechat.app import advice, followups, pages
from coffeechat.outreach.templates import reset_override, save_override
from coffeechat.pairing import get_token
from coffeechat.web.body import json_object
from coffeechat.web.context import now, store

bp = Blueprint("pages", __name__, url_prefix="/api/v1")


@bp.get("/today")
def today():
    return pages.today_page(store(), now())


@bp.get("/followups/today")
def due_badge():
    return {"due": followups.due_count(store(), now().date())}


@bp.get("/prospects/<int:prospect_id>/page")
def prospect_page(prospect_id: int):
    return pages.prospect_page(store(), prospect_id, now())


@bp.get("/settings")
def settings():
    return pages.settings_page(store(), get_token(store().data_dir))


@bp.put("/settings/rules")
def put_rules():
    return followups.save_rules(store(), json_object())


@bp.put("/templates/<name>")
def put_template(name: str):
    body = json_object(required=("source",))
    save_override(advice.templates_dir(store()), name, body["source"])
    return {"name": name, "override": body["source"]}


@bp.delete("/templates/<name>")
def delete_template(name: str):
    reset_override(advice.templates_dir(store()), name)
    return {"name": name, "override": None}
