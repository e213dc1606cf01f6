"""Helpers for the dashboard tests: a fixed clock, prospects stored from fixture parses, CSRF-carrying posts."""

import re
from datetime import datetime

from coffeechat.parsing.urls import canonical_profile_url
from helpers import PROFILE_URLS, fixture_expected

NOW = datetime(2026, 3, 10, 9, 30)


def seed(store, name: str, url: str | None = None, **fields) -> int:
    """Store a prospect as a capture of fixture ``name`` would (without depending on the parser)."""
    parsed = fixture_expected(name)
    parsed.update(kind="profile", **fields)
    url = url or PROFILE_URLS[name]
    prospect, _, _ = store.save_capture(parsed, canonical_profile_url(url), url, f"test-{name}")
    return prospect["id"]


def csrf_of(client, path: str = "/settings") -> str:
    """The CSRF token a page's forms carry."""
    html = client.get(path).get_data(as_text=True)
    return re.search(r'name="csrf_token" value="([^"]+)"', html).group(1)


def post_form(client, path: str, data: dict, **kwargs):
    """A same-origin form post with this session's CSRF token."""
    return client.post(path, data={"csrf_token": csrf_of(client), **data},
                       headers={"Origin": "http://127.0.0.1:5757", "Sec-Fetch-Site": "same-origin"}, **kwargs)


def utc(local: str) -> str:
    """A local date-time as the log stores it (UTC, to the second)."""
    from datetime import timezone
    return datetime.fromisoformat(local).astimezone(timezone.utc).isoformat(timespec="seconds")
