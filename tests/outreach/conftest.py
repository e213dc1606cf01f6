"""Fixtures for the outreach tests: one parametrized fixture per shared LinkedIn profile."""

import pytest
from outreach_people import PROFILES


@pytest.fixture(params=PROFILES)
def profile_name(request) -> str:
    return request.param
