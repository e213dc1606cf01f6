"""The 16 hand-written golden drafts (2 users × 8 kinds): the generator comes closer to them than before.

The golden files in golden/hand/ were written by hand as a careful networker would send them.
BEFORE holds each case's similarity (difflib ratio, autojunk off) of the drafts the generator
wrote before issue 12 (commit 3648d34), measured with ``tests/outreach/measure_golden.py`` (its docstring says how).
"""

import difflib
from pathlib import Path

import pytest
from golden_cases import KINDS, case, render

from coffeechat.outreach import drafts_for

HAND = Path(__file__).resolve().parent / "golden" / "hand"
BEFORE = {
    ("explorer", "connection_note"): 0.567, ("explorer", "message"): 0.574, ("explorer", "inmail"): 0.523,
    ("explorer", "email"): 0.752, ("explorer", "follow_up"): 0.553, ("explorer", "thank_you"): 0.693,
    ("explorer", "referral_thanks"): 0.814, ("explorer", "keep_in_touch"): 0.732,
    ("recruiter", "connection_note"): 0.629, ("recruiter", "message"): 0.609, ("recruiter", "inmail"): 0.609,
    ("recruiter", "email"): 0.627, ("recruiter", "follow_up"): 0.638, ("recruiter", "thank_you"): 0.530,
    ("recruiter", "referral_thanks"): 0.790, ("recruiter", "keep_in_touch"): 0.642,
}


def similarity(persona: str, kind: str) -> float:
    c = case(persona, kind)
    draft = drafts_for(c["prospect"], c["me"], kind=kind, variant=0, today=c["today"],
                       referrer=c["referrer"])["drafts"][0]
    hand = (HAND / f"{persona}-{kind}.txt").read_text(encoding="utf-8")
    return difflib.SequenceMatcher(None, render(draft), hand, autojunk=False).ratio()


@pytest.mark.parametrize("persona", ["explorer", "recruiter"])
@pytest.mark.parametrize("kind", KINDS)
def test_drafts_come_closer_to_the_hand_written_ones(persona, kind):
    now = similarity(persona, kind)
    assert now >= BEFORE[(persona, kind)] + 0.05, f"{persona} {kind}: {now:.3f}"
    assert now >= 0.8, f"{persona} {kind}: {now:.3f}"
