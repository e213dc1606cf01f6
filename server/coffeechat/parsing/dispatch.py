"""Temporary entry point: replaced by the parser work (issue 3)."""

import re
from typing import Any

from coffeechat.parsing.errors import ParseError


def parse_page(html: str | bytes, url: str | None = None) -> dict[str, Any]:
    """Parse a captured page into a result dict with a "kind" key."""
    if isinstance(html, bytes):
        html = html.decode("utf-8", "replace")
    m = re.search(r"<title>(.*?)</title>", html or "", re.S)
    if not m or "LinkedIn" not in m.group(1):
        raise ParseError("not a LinkedIn page")
    name = m.group(1).split("|")[0].strip()
    return {"kind": "profile", "full_name": name, "headline": None, "profile_url": url}
