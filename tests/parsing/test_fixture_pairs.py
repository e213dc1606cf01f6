"""Every fixture page against its pair: the parse must match the reviewed output exactly.

A new layout is one diff: drop the page under tests/fixtures/pages/<kind>/, run
`python -m tests.regenerate NAME --url URL`, review the .json it writes, commit both.
"""

from pathlib import Path

import pytest

from coffeechat.parsing import parse_page
from fixture_pages import KINDS, LOOSE_FIELDS, PAGES, SHARED, all_pages, ground_truth, read_pair
from regenerate import expected_pair
from scoring import score_fixture

PAGE_PATHS = all_pages()


def test_every_page_has_a_pair_and_sits_in_its_kind_folder():
    assert len(PAGE_PATHS) >= 35
    assert {p.parent.name for p in PAGE_PATHS} <= set(KINDS)
    assert [p.name for p in PAGE_PATHS if not p.with_suffix(".json").exists()] == []
    assert sorted(PAGES.glob("*.html")) == []  # nothing left outside the kind folders


@pytest.mark.parametrize("path", PAGE_PATHS, ids=[p.stem for p in PAGE_PATHS])
def test_page_matches_its_pair(path: Path):
    want = read_pair(path.stem)  # names are unique across the kind folders
    got = expected_pair(path, want.get("url"))
    if "error" in want or "error" in got:
        assert path.parent.name == "refused", got
        assert (got.get("error"), got.get("error_kind")) == (want.get("error"), want.get("error_kind"))
        return
    expected, result = want["expected"], got["expected"]
    assert result["kind"] == path.parent.name
    assert list(result) == list(expected)  # the same fields in the same order
    differing = {key: (result[key], expected[key]) for key in expected
                 if key not in LOOSE_FIELDS and result[key] != expected[key]}
    assert differing == {}, f"run python -m tests.regenerate {path.stem} and review the diff"
    assert set(expected.get("warnings", [])) <= set(result.get("warnings", []))


@pytest.mark.parametrize("name", SHARED)
def test_shared_page_agrees_with_its_ground_truth(name: str):
    # The second layer: the hand-checked fields of the real pages, scored field by field.
    # Parsed from the page alone, as the ground truth was written.
    path = next(p for p in PAGE_PATHS if p.stem == name)
    fields = score_fixture(parse_page(path.read_bytes()), ground_truth(name))
    assert fields, "the expected file states no field the parser returns"
    wrong = {field: f"{s['got']}/{s['expected']} (parsed {s.get('parsed', 1)})"
             for field, s in fields.items() if s["score"] < 1}
    score = sum(s["score"] for s in fields.values()) / len(fields)
    assert score >= 0.98 and all(s["score"] >= 0.9 for s in fields.values()), wrong
