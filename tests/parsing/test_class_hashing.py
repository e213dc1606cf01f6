"""Layout shifts: with every class name replaced by a meaningless hash, a profile still reads.

The 2026 pages already hash or strip their class names; any generation may do the same.
Each profile fixture (and details sub-page) is parsed again with its classes hashed (one hash per class name, so
elements that shared a class still do), from the address the extension would send, and the
essential fields must come out as they do from the page itself.
"""

import re

import pytest

from coffeechat.parsing import parse_page
from fixture_pages import profile_pages, read_pair
from scoring import hash_classes

PAGES = profile_pages()
# A capture always comes with the address of the tab; pages saved without one get this.
SOME_PROFILE = "https://www.linkedin.com/in/someone/"


def essential(result: dict) -> dict:
    """Name, headline, location, and the experience and education entries with their dates."""
    return {
        "full_name": result["full_name"], "headline": result["headline"],
        "location": result["location"],
        "experience": [(r["title"], r["company"], r["start"], r["end"]) for r in result["experience"]],
        "education": [(e["school"], e["start"], e["end"]) for e in result["education"]],
    }


def test_hashing_leaves_no_class_name():
    html = hash_classes('<div class="pv-top-card a"><p class=headline>x</p><i class=\'b a\'></i>')
    assert "pv-top-card" not in html and "headline" not in html
    first, _, third = re.findall(r'class="([^"]*)"', html)
    assert first.split()[1] == third.split()[1]  # "a" hashes the same everywhere


@pytest.mark.parametrize("path", PAGES, ids=[p.stem for p in PAGES])
def test_essential_fields_survive_hashed_class_names(path):
    pair = read_pair(path.stem)
    url = pair["url"] or pair["expected"]["profile_url"] or SOME_PROFILE
    if pair["expected"]["kind"] == "profile-details" and "/details/" not in url:
        section = next(name for name in ("experience", "education", "skills") if pair["expected"][name])
        url += f"details/{section}/"
    want = essential(parse_page(path.read_bytes(), url))
    got = essential(parse_page(hash_classes(path.read_text(encoding="utf-8")), url))
    assert got == want
