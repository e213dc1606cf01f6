"""Helpers shared by tests: fixture pages and the addresses they were captured from."""

from pathlib import Path

from flask.testing import FlaskClient

from fixture_pages import capture_url, ground_truth, page_html, page_path  # noqa: F401 (re-exported)

ROOT = Path(__file__).resolve().parents[1]
PORT = 5757
BASE = f"http://127.0.0.1:{PORT}"

# The address each shared profile fixture was captured from, as its pair records it (the 2018
# save names no URL itself).
PROFILE_URLS = {name: capture_url(name) for name in (
    "profile-2018-self", "profile-2022-self", "profile-2026-first-degree", "public-2023")}


def fixture_html(name: str) -> str:
    return page_html(name)


def fixture_expected(name: str) -> dict:
    return ground_truth(name)


def capture(client, name: str, url: str | None = None, **extra):
    """POST a fixture page to the captures API."""
    return client.post("/api/v1/captures", json={"url": url or PROFILE_URLS[name], "html": fixture_html(name), **extra})


class LocalClient(FlaskClient):
    """Addresses requests to 127.0.0.1:5757 as the extension does (the Host check needs it)."""

    def open(self, *args, **kwargs):
        kwargs.setdefault("base_url", BASE)
        return super().open(*args, **kwargs)
