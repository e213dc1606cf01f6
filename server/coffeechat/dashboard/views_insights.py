"""The insights page: charts across the saved people (its JSON twin is GET /api/v1/insights)."""

from flask import render_template, request

from coffeechat.app import insights
from coffeechat.dashboard import bp, charts
from coffeechat.model import STAGES
from coffeechat.web.context import now, store


@bp.get("/insights")
def insights_page():
    page = insights.insights_page(store(), request.args, now().date())
    return render_template("insights.html", page=page, charts=charts, stages=STAGES)
