"""Every fixture pair under tests/fixtures/linkedin: the parse must agree with the expected file."""

import json
from pathlib import Path

import pytest

from bench.parse_score import score_fixture
from coffeechat.parsing import parse_page

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "linkedin"
PAIRS = sorted(p for p in FIXTURES.glob("*.html")
               if p.with_name(p.name.replace(".html", ".expected.json")).exists())


def test_fixture_pairs_are_found():
    assert len(PAIRS) >= 7


@pytest.mark.parametrize("page", PAIRS, ids=[p.stem for p in PAIRS])
def test_parse_matches_expected(page: Path):
    expected = json.loads(page.with_name(page.name.replace(".html", ".expected.json"))
                          .read_text(encoding="utf-8"))
    result = parse_page(page.read_bytes())
    fields = score_fixture(result, expected)
    assert fields, "the expected file states no field the parser returns"
    wrong = {name: f"{s['got']}/{s['expected']} (parsed {s.get('parsed', 1)})"
             for name, s in fields.items() if s["score"] < 1}
    score = sum(s["score"] for s in fields.values()) / len(fields)
    assert score >= 0.95 and all(s["score"] >= 0.9 for s in fields.values()), wrong
