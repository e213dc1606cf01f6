"""Prospects: list, read, edit, delete, interactions; and their drafts and research notes."""

from flask import Blueprint, request

from coffeechat.app import advice, interactions, pages, undo
from coffeechat.web.body import int_arg, json_object
from coffeechat.web.context import now, store

bp = Blueprint("prospects", __name__, url_prefix="/api/v1")


@bp.get("/prospects")
def list_prospects():
    # The same function as the dashboard's prospects page (adds next_follow_up, last_contact, due=, sort=next_due).
    page = pages.prospects_page(store(), request.args, now().date())
    return {"items": page["items"], "total": page["total"]}


@bp.get("/prospects/<int:prospect_id>")
def get_prospect(prospect_id: int):
    return store().get(prospect_id)


@bp.patch("/prospects/<int:prospect_id>")
def patch_prospect(prospect_id: int):
    return store().patch(prospect_id, json_object())


@bp.delete("/prospects/<int:prospect_id>")
def delete_prospect(prospect_id: int):
    offer = undo.delete(store(), [prospect_id])
    return {"deleted": prospect_id, "undo": {"token": offer["token"], "until": offer["until"]}}


@bp.post("/prospects/undo-delete")
def undo_delete():
    return {"restored": undo.undo(store(), json_object(required=("token",))["token"])["restored"]}


@bp.post("/prospects/<int:prospect_id>/interactions")
def interaction(prospect_id: int):
    body = json_object(required=("action",))
    return interactions.record(store(), prospect_id, body["action"], body), 201


@bp.get("/prospects/<int:prospect_id>/drafts")
def drafts(prospect_id: int):
    variant = request.args.get("variant")
    return advice.drafts(store(), prospect_id, kind=request.args.get("kind") or None,
                         variant=int_arg("variant", 0) if variant not in (None, "") else None, today=now().date(),
                         reason=request.args.get("reason") or None)


@bp.get("/prospects/<int:prospect_id>/notes")
def notes(prospect_id: int):
    return advice.notes(store(), prospect_id, today=now().date())


@bp.get("/me")
def get_me():
    return advice.load_me(store())


@bp.put("/me")
def put_me():
    return advice.save_me(store(), json_object())
