"""Canonical profile addresses: one URL per person, whatever address the page was read from."""

import re
from urllib.parse import unquote, urlsplit

# /in/<slug> with anything after it (/details/skills/, /overlay/…, /edit/…); /mwlite/ is the
# light mobile site. Country hosts (sg.linkedin.com) and locale paths are the same person.
_PROFILE_PATH = re.compile(r"^/(?:mwlite/|m/)?in/([^/?#]+)", re.I)
_HOST = re.compile(r"^(?:[\w-]+\.)*linkedin\.com$", re.I)


def canonical_profile_url(url: str | None) -> str | None:
    """https://www.linkedin.com/in/<slug>/ for any address of a profile, else None."""
    if not url or not isinstance(url, str):
        return None
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    elif not re.match(r"^[a-z][a-z0-9+.-]*://", url, re.I) and not url.startswith("/"):
        url = "https://" + url
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host and not _HOST.match(host):
        return None
    m = _PROFILE_PATH.match(parts.path)
    if not m:
        return None
    slug = unquote(m.group(1)).strip().lower()
    if not slug or any(ch in slug for ch in "/?#\\ \t\n"):
        return None
    return f"https://www.linkedin.com/in/{slug}/"


def profile_slug(url: str | None) -> str | None:
    """The lower-cased, decoded slug of a profile address, else None."""
    canonical = canonical_profile_url(url)
    return canonical.rsplit("/", 2)[-2] if canonical else None
