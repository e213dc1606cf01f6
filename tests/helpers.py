"""Helpers shared by tests: fixture pages and the addresses they were captured from."""

import json
from pathlib import Path

from flask.testing import FlaskClient

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = ROOT / "tests" / "fixtures" / "linkedin"
PORT = 5757
BASE = f"http://127.0.0.1:{PORT}"

# The address each shared profile fixture was captured from (the 2018 save names no URL itself).
PROFILE_URLS = {
    "profile-2018-self": "https://www.linkedin.com/in/austin-oboyle/",
    "profile-2022-self": "https://www.linkedin.com/in/kireetagrawal/",
    "profile-2026-first-degree": "https://www.linkedin.com/in/janice-jiang-508bba21b/",
    "public-2023": "https://sg.linkedin.com/in/dulithawijewantha",
}


def fixture_html(name: str) -> str:
    return (FIXTURES / f"{name}.html").read_text(encoding="utf-8")


def fixture_expected(name: str) -> dict:
    return json.loads((FIXTURES / f"{name}.expected.json").read_text(encoding="utf-8"))


def capture(client, name: str, url: str | None = None, **extra):
    """POST a fixture page to the captures API."""
    return client.post("/api/v1/captures", json={"url": url or PROFILE_URLS[name], "html": fixture_html(name), **extra})


class LocalClient(FlaskClient):
    """Addresses requests to 127.0.0.1:5757 as the extension does (the Host check needs it)."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("base_url", BASE)
        return super().open(*args, **kwargs)
