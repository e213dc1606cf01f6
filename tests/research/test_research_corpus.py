"""Research notes over the quality corpus: every profile page × four users."""

import re
import sys
from datetime import timedelta
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "outreach"))
from corpus import USERS, people  # noqa: E402

from coffeechat.outreach.names import company_name, fold, school_ref  # noqa: E402
from coffeechat.outreach.person import person  # noqa: E402
from coffeechat.research import notes_for  # noqa: E402
from coffeechat.timeline import captured_on  # noqa: E402

CASES = [(key, user) for key in sorted(people()) for user in USERS]


def _record_words(prospect: dict, who: dict) -> list[str]:
    """Things from their record a question may name: employers, schools, roles, skills, topics, moves."""
    words = [company_name(e.get("company")) for e in prospect.get("experience") or [] if isinstance(e, dict)]
    words += [school_ref(e.get("school")) for e in prospect.get("education") or [] if isinstance(e, dict)]
    words += [r["title_en"] for r in who["positions"] if r["title_en"]]
    words += [s for s in prospect.get("skills") or [] if isinstance(s, str)][:2] + who["topics"]
    words += [m["to_field"] for m in who["moves"] if m["to_field"]]
    if who["primary"]:
        words += [who["primary"]["company"], who["primary"]["title_en"]]
    if who["about"]:
        words.append(who["about"])
    return [fold(w) for w in words if w and len(w) > 2]


@pytest.mark.parametrize(("key", "user"), CASES)
def test_notes_hold_8_to_12_questions_mostly_about_this_person(key, user):
    prospect, me = people()[key], USERS[user]
    today = captured_on(prospect) + timedelta(days=3)
    who = person(prospect, today)
    notes = notes_for(prospect, me, today=today)
    questions = notes["questions"]
    assert 8 <= len(questions) <= 12
    words = _record_words(prospect, who)
    specific = [q for q in questions if any(w in fold(q) for w in words)]
    assert len(specific) * 2 >= len(questions), (key, questions)
    # The marked three fit a 15- or 20-minute slot: three, from the list, ending with the ask for names.
    top = notes["top_questions"]
    assert len(top) == 3 and all(q in questions for q in top) and top[-1] == questions[-1]
    assert sum("(top three)" in line for line in notes["markdown"].splitlines()) == 3
    markdown = notes["markdown"]
    assert "Now:  at" not in markdown and "Now: at" not in markdown
    if who["primary"] or prospect.get("headline"):
        assert not re.search(r"(?<![\d.])0 years of work in total", markdown)
    if who["kind"] == "student":
        assert not any(w in fold(q) for q in questions for w in ("earn", "salary", "budget", "pay"))
    if me["persona"] == "explorer" and who["moves"]:
        assert "I'm hoping to move into" in questions[0], questions[0]
    for topic in who["topics"][:1]:
        assert any(fold(topic) in fold(q) for q in questions)


def test_an_old_capture_keeps_the_pages_own_durations():
    prospect = people()["profile-2026-de-second-degree"]
    captured = captured_on(prospect)
    fresh = notes_for(prospect, USERS["nurse"], today=captured + timedelta(days=3))
    old = notes_for(prospect, USERS["nurse"], today=captured + timedelta(days=900))
    assert old["sections"]["timeline"]["roles"] == fresh["sections"]["timeline"]["roles"]
    assert "Capture the profile again" in old["sections"]["timeline"]["note"]
