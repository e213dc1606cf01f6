"""The fixture pages, real and invented: where they live and how a page's pair is read.

Every page is `tests/fixtures/pages/<kind>/<name>.html` next to `<name>.json`, which holds the
address it was captured from and the parser's reviewed output (`expected`), or, for a page
the parser must refuse, the refusal (`error`). The real shared pages also carry
`<name>.expected.json`, their hand-checked ground truth, scored by tests/scoring.py.
"""

import json
from pathlib import Path
from typing import Any

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
KINDS = ("profile", "profile-details", "search-results", "company", "refused")
# The real pages shared by the team (never invented): what the scored layer reads.
SHARED = ("company-about-2018", "details-skills-2025", "profile-2018-self", "profile-2022-self",
          "profile-2026-first-degree", "public-2023", "search-2022-fragment")
# Output fields a pair need not match exactly: warnings are advice whose wording may change,
# so a pair only requires the warnings it lists to be there.
LOOSE_FIELDS = ("warnings",)


def page_path(name: str) -> Path:
    """The .html of a fixture page, whatever kind folder it sits in."""
    found = sorted(PAGES.glob(f"*/{name}.html"))
    if len(found) != 1:
        raise FileNotFoundError(f"{len(found)} fixture pages named {name}.html under {PAGES}")
    return found[0]


def page_html(name: str) -> str:
    """The text of a fixture page."""
    return page_path(name).read_text(encoding="utf-8")


def pair_path(name: str) -> Path:
    """The .json beside a fixture page."""
    return page_path(name).with_suffix(".json")


def read_pair(name: str) -> dict[str, Any]:
    """A page's pair: {"url", "expected"} or {"url", "error"}."""
    return json.loads(pair_path(name).read_text(encoding="utf-8"))


def ground_truth(name: str) -> dict[str, Any]:
    """The hand-checked expected fields of a real shared page."""
    path = page_path(name).with_name(f"{name}.expected.json")
    return json.loads(path.read_text(encoding="utf-8"))


def capture_url(name: str) -> str | None:
    """The address a fixture page was captured from, as its pair records it."""
    return read_pair(name).get("url")


def all_pages() -> list[Path]:
    """Every fixture page, sorted by kind then name."""
    return sorted(PAGES.glob("*/*.html"))


def profile_pages() -> list[Path]:
    """The pages of a person: profiles and their details sub-pages."""
    return sorted((PAGES / "profile").glob("*.html")) + sorted((PAGES / "profile-details").glob("*.html"))
