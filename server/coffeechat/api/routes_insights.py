"""GET /api/v1/insights: the insights page as JSON (same numbers, same links)."""

from flask import Blueprint, request

from coffeechat.app import insights
from coffeechat.web.context import now, store

bp = Blueprint("insights", __name__, url_prefix="/api/v1")


@bp.get("/insights")
def get_insights():
    return insights.insights_page(store(), request.args, now().date())
