"""Similarity (difflib ratio) of drafts to the hand-written golden drafts, before and after.

    mkdir -p /tmp/old && git archive 3648d34 server | tar -x -C /tmp/old
    .venv/bin/python tests/outreach/measure_golden.py /tmp/old/server
"""
import difflib
import json
import subprocess
import sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
OLD_SOURCE = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("-") else "/tmp/old/server"
from golden_cases import KINDS, case, render
HAND = Path(__file__).resolve().parent / "golden" / "hand"
cases = []
for persona in ("explorer", "recruiter"):
    for kind in KINDS:
        c = case(persona, kind)
        me = {k: v for k, v in c["me"].items() if k not in ("company", "recruiting_for")}
        cases.append({"persona": persona, "kind": kind, "prospect": c["prospect"], "me": me, "today": c["today"].isoformat(), "referrer": c["referrer"]})
Path("/tmp/wt12_cases.json").write_text(json.dumps(cases, default=str))
OLD = r'''
import json, sys
from datetime import date
from coffeechat.outreach import drafts_for
from coffeechat.me import normalize_me
out = []
for c in json.load(open("/tmp/wt12_cases.json")):
    me = normalize_me(c["me"])
    r = drafts_for(c["prospect"], me, kind=c["kind"], variant=0, today=date.fromisoformat(c["today"]), referrer=c["referrer"])
    d = r["drafts"][0]
    out.append((f"Subject: {d['subject']}\n\n" if d["subject"] else "") + d["body"] + "\n")
print(json.dumps(out))
'''
old = json.loads(subprocess.run([sys.executable, "-c", OLD], env={"PYTHONPATH": OLD_SOURCE}, capture_output=True, text=True, check=True).stdout)
from coffeechat.outreach import drafts_for
tot_old = tot_new = 0
for c, o in zip(cases, old):
    cc = case(c["persona"], c["kind"])
    d = drafts_for(cc["prospect"], cc["me"], kind=c["kind"], variant=0, today=cc["today"], referrer=cc["referrer"])["drafts"][0]
    new = render(d)
    hand = (HAND / f"{c['persona']}-{c['kind']}.txt").read_text()
    ro = difflib.SequenceMatcher(None, o, hand, autojunk=False).ratio(); rn = difflib.SequenceMatcher(None, new, hand, autojunk=False).ratio()
    tot_old += ro; tot_new += rn
    print(f"{c['persona']:9} {c['kind']:16} before {ro:.3f}  after {rn:.3f}")
    if "-v" in sys.argv: print("--- OLD\n" + o)
print(f"mean before {tot_old/len(cases):.3f} after {tot_new/len(cases):.3f}")
