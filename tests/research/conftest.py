"""The research tests reuse the fixture prospects and user profiles of the outreach tests."""

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "outreach"))

from outreach_people import PROFILES  # noqa: E402


@pytest.fixture(params=PROFILES)
def profile_name(request) -> str:
    return request.param
