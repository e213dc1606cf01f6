"""The user's edited drafts, kept per prospect and kind (the extension's popup keeps what was typed)."""

from flask import Blueprint

from coffeechat.errors import BadInput
from coffeechat.outreach.kinds import DRAFT_KINDS
from coffeechat.web.body import json_object
from coffeechat.web.context import store

bp = Blueprint("drafts", __name__, url_prefix="/api/v1")


@bp.put("/prospects/<int:prospect_id>/drafts/<kind>")
def put_draft_edit(prospect_id: int, kind: str):
    if kind not in DRAFT_KINDS:
        raise BadInput(f"unknown draft kind {kind!r}; choose one of: {', '.join(DRAFT_KINDS)}")
    text = json_object().get("text")
    if not isinstance(text, str):
        raise BadInput("send the edited draft as text, e.g. {\"text\": \"Hi Jane, ...\"}")
    edits = dict(store().get(prospect_id).get("draft_edits") or {})
    if text.strip():
        edits[kind] = text
    else:
        edits.pop(kind, None)  # an emptied draft goes back to the one coffeechat writes
    return store().patch(prospect_id, {"draft_edits": edits})
