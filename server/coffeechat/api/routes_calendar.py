"""One prospect's scheduled meeting as an iCalendar file (the whole calendar is under /export)."""

from flask import Blueprint, Response

from coffeechat.app import exports
from coffeechat.web.context import now, port, store

bp = Blueprint("calendar", __name__, url_prefix="/api/v1")


@bp.get("/prospects/<int:prospect_id>/meeting.ics")
def meeting_ics(prospect_id: int):
    content, filename = exports.meeting(store(), prospect_id, port(), now())
    return Response(content, mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
