"""Fixtures shared by every test: a fresh data folder, the app, an authenticated client."""

import os
from pathlib import Path

import pytest
from hypothesis import settings

from coffeechat.pairing import get_token
from coffeechat.webapp import create_app
from helpers import LocalClient

# CI replays the same examples every run, so a red build always reproduces; local runs keep exploring.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def app(data_dir: Path):
    app = create_app({"data_dir": data_dir, "port": 5757})
    app.config["TESTING"] = True
    app.test_client_class = LocalClient
    yield app
    app.extensions["coffeechat_store"].close()


@pytest.fixture
def token(data_dir: Path, app) -> str:
    return get_token(data_dir)


@pytest.fixture
def client(app, token):
    """A test client that talks to 127.0.0.1:5757 and sends the pairing token."""
    client = app.test_client()
    client.environ_base["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client


@pytest.fixture
def anon(app):
    """A client without the token."""
    client = app.test_client()
    return client

