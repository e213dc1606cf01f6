"""One meeting as its own calendar file, linked from the prospect page."""

from flask import Response

from coffeechat.app import exports
from coffeechat.dashboard import bp
from coffeechat.web.context import now, port, store


@bp.get("/prospects/<int:prospect_id>/meeting.ics")
def meeting_ics(prospect_id: int):
    content, filename = exports.meeting(store(), prospect_id, port(), now())
    return Response(content, mimetype="text/calendar",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})
