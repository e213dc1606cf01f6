"""Insights tests: the app with a fixed clock and a store of hand-made people."""

import pytest
from people_helpers import NOW, data_scientists


@pytest.fixture
def store(app):
    app.config["COFFEECHAT_CLOCK"] = lambda: NOW
    return app.extensions["coffeechat_store"]


@pytest.fixture
def people(store) -> dict[str, int]:
    return data_scientists(store)


@pytest.fixture
def browser(app, store):
    """A dashboard visitor: no pairing token, cookies kept."""
    return app.test_client()
