"""Similarity (difflib ratio) of drafts to the hand-written golden drafts, before and after issue 12.

    mkdir -p /tmp/old && git archive 3648d34 server | tar -x -C /tmp/old
    .venv/bin/python tests/outreach/measure_golden.py /tmp/old/server [-v]

The old generator runs in a child process on the old source; the cases are handed to it as JSON
(its profile has no recruiter company or reason yet, so those keys are left out for it).
"""

import difflib
import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from golden_cases import KINDS, case, render  # noqa: E402

from coffeechat.outreach import drafts_for  # noqa: E402

HAND = HERE / "golden" / "hand"
OLD = r'''
import json, sys
from datetime import date
from coffeechat.outreach import drafts_for
from coffeechat.me import normalize_me
out = []
for c in json.load(sys.stdin):
    r = drafts_for(c["prospect"], normalize_me(c["me"]), kind=c["kind"], variant=0,
                   today=date.fromisoformat(c["today"]), referrer=c["referrer"])
    d = r["drafts"][0]
    out.append((f"Subject: {d['subject']}\n\n" if d["subject"] else "") + d["body"] + "\n")
print(json.dumps(out))
'''


def ratio(a: str, b: str) -> float:
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def main(old_source: str, verbose: bool) -> None:
    cases = [(persona, kind, case(persona, kind)) for persona in ("explorer", "recruiter") for kind in KINDS]
    handed = [{"kind": kind, "prospect": c["prospect"], "today": c["today"].isoformat(), "referrer": c["referrer"],
               "me": {k: v for k, v in c["me"].items() if k not in ("company", "recruiting_for")}}
              for _, kind, c in cases]
    done = subprocess.run([sys.executable, "-c", OLD], input=json.dumps(handed, default=str), text=True,
                          capture_output=True, check=True, env={"PYTHONPATH": old_source})
    before_total = after_total = 0.0
    for (persona, kind, c), old in zip(cases, json.loads(done.stdout), strict=True):
        draft = drafts_for(c["prospect"], c["me"], kind=kind, variant=0, today=c["today"],
                           referrer=c["referrer"])["drafts"][0]
        hand = (HAND / f"{persona}-{kind}.txt").read_text(encoding="utf-8")
        before, after = ratio(old, hand), ratio(render(draft), hand)
        before_total, after_total = before_total + before, after_total + after
        print(f"{persona:9} {kind:16} before {before:.3f}  after {after:.3f}")
        if verbose:
            print(f"--- before\n{old}--- after\n{render(draft)}")
    print(f"mean before {before_total / len(cases):.3f} after {after_total / len(cases):.3f}")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(args[0] if args else "/tmp/old/server", "-v" in sys.argv)
