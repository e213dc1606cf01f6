"""Dashboard fixtures: the app with a fixed clock, prospects stored from the fixture pages' expected parses."""

import pytest
from dashboard_helpers import NOW, seed

from helpers import PROFILE_URLS


@pytest.fixture
def store(app):
    app.config["COFFEECHAT_CLOCK"] = lambda: NOW
    return app.extensions["coffeechat_store"]


@pytest.fixture
def people(store) -> dict[str, int]:
    """The four profile fixtures, by fixture name → prospect id."""
    return {name: seed(store, name) for name in sorted(PROFILE_URLS)}


@pytest.fixture
def browser(app, store):
    """A dashboard visitor: no pairing token, cookies kept (the CSRF token lives in the session)."""
    return app.test_client()
