"""The JSON API under /api/v1: blueprints only (the app factory, coffeechat.webapp, registers them)."""

from coffeechat.api import (
    openapi,
    routes_backup,
    routes_calendar,
    routes_captures,
    routes_drafts,
    routes_insights,
    routes_pages,
    routes_pairing,
    routes_prospects,
)

BLUEPRINTS = (routes_captures.bp, routes_prospects.bp, routes_pages.bp, routes_backup.bp, routes_pairing.bp,
              routes_drafts.bp, routes_calendar.bp, routes_insights.bp, openapi.bp)
