"""Research notes as one Markdown document, for reading in the dashboard or exporting."""

import re
from datetime import date
from typing import Any

# Captured text is written by strangers: escape what Markdown (or HTML inside it) would act on.
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def md(text: Any) -> str:
    """Captured or user text made inert in Markdown."""
    return _MD_SPECIAL.sub(r"\\\1", " ".join(str(text or "").split()))


def _when(role: dict[str, Any]) -> str:
    start = role["start"] or "?"
    end = "now" if role["current"] or role["end"] is None else role["end"]
    return f"{start} – {end}"


def to_markdown(sections: dict[str, Any], questions: list[str], me: dict[str, Any], today: date,
                top: list[str] | None = None) -> str:
    """The whole note, headed by the person's name, dated today."""
    person, line = sections["person"], []
    line.append(f"# Research notes: {md(person['name']) or 'prospect'}")
    line.append(f"_Prepared {today.isoformat()} for a {me.get('time_ask') or 15}-minute conversation._")
    line.append("")
    if person["headline"]:
        line.append(f"**{md(person['headline'])}**  ")
    now = " at ".join(md(x) for x in (person["current_role"], person["company"]) if x)
    if now:
        line.append(f"Now: {now}  ")
    if person["location"]:
        line.append(f"Based in: {md(person['location'])}")
    t = sections["timeline"]
    line += ["", "## Career timeline", ""]
    summary = [f"{t['total_years']} years of work in total"] if t["total_years"] else []
    if t["years_in_field"]:
        summary.append(f"{t['years_in_field']} years in {t['field']}")
    if t["tenure"]:
        summary.append(f"{t['tenure']} in the current role")
    if summary:
        line.append("; ".join(summary) + ".")
    line.append("")
    for role in t["roles"]:
        tag = " (current)" if role["current"] else " (while studying)" if role["student_role"] else ""
        duration = f", {role['duration']}" if role["duration"] else ""
        line.append(f"- {_when(role)}: {md(role['title'])} at {md(role['company'])}{duration}{tag}")
    if t["transitions"]:
        line += ["", "Moves between fields:"]
        line += [f"- {md(m['from'])} → {md(m['to'])} in {m['year']}: {md(m['text'])}" for m in t["transitions"]]
    if t["education"]:
        line += ["", "Education:"]
        for e in t["education"]:
            detail = ", ".join(md(x) for x in (e["degree"], e["field_of_study"]) if x)
            line.append(f"- {md(e['school'])}" + (f": {detail}" if detail else ""))
    line += ["", "## Common ground", ""]
    if sections["common_ground"]:
        line += [f"- {md(f['kind'].replace('_', ' '))}: {md(f['text'])}" for f in sections["common_ground"]]
    else:
        line.append("- Nothing shared found yet. Add your schools, employers, city and skills in "
                    "Settings, or lead with why their path interests you.")
    line += ["", "## Questions", ""]
    line += [f"{n}. {md(q)}" + (" **(top three)**" if q in (top or []) else "") for n, q in enumerate(questions, 1)]
    line += ["", "## Agenda", ""]
    line += [f"- {a['minutes']} min: {md(a['item'])}" for a in sections["agenda"]]
    line += ["", "## Before the conversation", ""]
    line += [f"- [ ] {md(item)}" for item in sections["prep"]]
    line += ["", "## Avoid", ""]
    line += [f"- {md(item)}" for item in sections["avoid"]]
    line += ["", "## Follow-up plan", ""]
    for step in sections["follow_up"]:
        when = f"done {step['done_on']}" if step["done_on"] else (
            f"{step['status']}, due {step['due']}" if step["due"] else step["status"])
        line.append(f"- {md(step['step'])} ({when}): {md(step['note'])}")
    return "\n".join(line).rstrip() + "\n"
