"""Export and import of the whole store."""

from flask import Blueprint, Response, g, request

from coffeechat.app import exports
from coffeechat.errors import BadInput
from coffeechat.web.context import now, port, store

bp = Blueprint("backup", __name__, url_prefix="/api/v1")


@bp.get("/export")
def export_all():
    content, mimetype, filename = exports.export(store(), request.args.get("format", "json"), port(), now())
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


@bp.post("/import")
def import_backup():
    if not isinstance(g.get("json"), dict):
        raise BadInput("send a coffeechat JSON export as the request body")
    return {"imported": store().import_backup(g.json)}, 201
