"""Exports of the store: a JSON backup that restores exactly, CSV, vCard contacts, meetings as iCalendar, Markdown."""

import csv
import io
import json
from datetime import datetime, timedelta
from typing import Any, Callable

import icalendar
import vobject

from coffeechat.errors import BadInput
from coffeechat.timeline import moment_of, next_meeting

CSV_COLUMNS = ("id", "full_name", "headline", "current_title", "current_company", "location", "stage", "tags",
               "email", "connection_degree", "profile_url", "notes", "created_at", "updated_at")


def to_json(backup: dict[str, Any]) -> str:
    return json.dumps(backup, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


# A spreadsheet runs a cell that starts with one of these as a formula; strangers write these fields.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> Any:
    """A cell a spreadsheet shows as text: one starting like a formula gets a leading ' (the OWASP rule)."""
    return "'" + cell if isinstance(cell, str) and cell.startswith(FORMULA_STARTS) else cell


def unneutralise(cell: str) -> str:
    """The value a neutralised cell stood for (what the CSV import reads)."""
    return cell[1:] if cell.startswith("'") and cell[1:].startswith(FORMULA_STARTS) else cell


def _csv_row(p: dict[str, Any]) -> dict[str, Any]:
    current = p.get("current") or {}
    row = {c: p.get(c) for c in CSV_COLUMNS}
    row.update(current_title=current.get("title"), current_company=current.get("company"),
               tags="; ".join(p.get("tags") or []))
    return {k: "" if v is None else neutralise(v) for k, v in row.items()}


def to_csv(prospects: list[dict[str, Any]]) -> str:
    """One row per prospect, with a header row even when there are none."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for p in prospects:
        writer.writerow(_csv_row(p))
    return out.getvalue()


def parse_backup(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise BadInput(f"the file is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except RecursionError:
        raise BadInput("the file is nested too deeply to be a coffeechat JSON export") from None
    if not isinstance(data, dict):
        raise BadInput("this file is not a coffeechat JSON export")
    return data


def to_vcard(prospects: list[dict[str, Any]]) -> str:
    """One vCard 3.0 per prospect (name, title, company, email, LinkedIn address, the user's notes)."""
    cards = []
    for p in prospects:
        card = vobject.vCard()
        name = (p.get("full_name") or "").strip() or f"Prospect {p.get('id')}"
        card.add("fn").value = name
        given, _, family = name.rpartition(" ") if " " in name else (name, "", "")
        card.add("n").value = vobject.vcard.Name(family=family if given else "", given=given or name)
        current = p.get("current") or {}
        if current.get("company"):
            card.add("org").value = [current["company"]]
        if current.get("title") or p.get("headline"):
            card.add("title").value = current.get("title") or p["headline"]
        if p.get("email"):
            card.add("email").value = p["email"]
        if p.get("profile_url"):
            card.add("url").value = p["profile_url"]
        if p.get("notes"):
            card.add("note").value = p["notes"]
        cards.append(card.serialize())
    return "".join(cards)


def _agenda(notes: dict[str, Any] | None) -> tuple[str, int]:
    """The agenda of research notes as plain lines, and its length in minutes (0 when unknown)."""
    agenda = ((notes or {}).get("sections") or {}).get("agenda")
    if isinstance(agenda, str):
        return agenda, 0
    if not isinstance(agenda, list):
        return "", 0
    lines, minutes = [], 0
    for step in agenda:
        if isinstance(step, dict):
            length = step["minutes"] if isinstance(step.get("minutes"), int) else 0
            minutes += length
            lines.append(f"- {length} min: {step.get('item')}" if length else f"- {step.get('item')}")
        else:
            lines.append(f"- {step}")
    return "\n".join(lines), minutes


def _plus_minutes(start: datetime, minutes: int) -> datetime:
    """When a meeting ends; a meeting stored at the calendar's very end (an older version allowed it) ends there."""
    try:
        return start + timedelta(minutes=minutes)
    except OverflowError:
        return start


def _meeting_event(p: dict[str, Any], meeting: dict[str, Any], start: datetime, base_url: str,
                   notes: dict[str, Any] | None, minutes: int, questions: int = 0,
                   stamp: datetime | None = None) -> icalendar.Event:
    """One scheduled meeting as a calendar event: agenda, link back and (when asked) the top questions."""
    link = f"{base_url}/prospects/{p['id']}"
    agenda, planned = _agenda(notes)
    asks = top_questions(notes, questions) if questions else []
    ask_text = "\n".join(f"{n}. {q}" for n, q in enumerate(asks, 1))
    event = icalendar.Event()
    event.add("uid", f"coffeechat-{p['id']}-{meeting.get('id', 'meeting')}@127.0.0.1")
    event.add("dtstamp", (stamp or datetime.now()).astimezone())
    event.add("dtstart", start)
    event.add("dtend", _plus_minutes(start, planned or minutes))
    event.add("summary", f"Informational interview: {p.get('full_name') or 'prospect'}")
    parts = (agenda and f"Agenda\n{agenda}", ask_text and f"Questions to ask\n{ask_text}", link)
    event.add("description", "\n\n".join(part for part in parts if part))
    event.add("url", link)
    if meeting.get("where"):
        event.add("location", meeting["where"])
    return event


def _calendar() -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//coffeechat//informational interviews//EN")
    cal.add("version", "2.0")
    return cal


def to_ics(prospects: list[dict[str, Any]], base_url: str,
           notes_for: Callable[[int], dict[str, Any] | None] | None = None, minutes: int = 20,
           stamp: datetime | None = None) -> str:
    """A calendar with one event per scheduled meeting not yet held (a valid empty calendar when none);
    ``stamp`` is when it was made (the export's clock), so one export made twice is the same file."""
    cal = _calendar()
    for p in prospects:
        meeting = next_meeting(p.get("log") or ())
        start = moment_of(meeting["when"]) if meeting else None
        if meeting is None or start is None:
            continue
        cal.add_component(_meeting_event(p, meeting, start, base_url, notes_for(p["id"]) if notes_for else None,
                                         minutes, stamp=stamp))
    return cal.to_ical().decode("utf-8")


def top_questions(notes: dict[str, Any] | None, count: int = 3) -> list[str]:
    """The questions the notes mark as most important, else the first ones, as plain text."""
    items = [q for q in (notes or {}).get("questions") or [] if isinstance(q, (str, dict))]
    marked = [q for q in items if isinstance(q, dict) and (q.get("top") or q.get("marked"))]
    chosen = (marked or items)[:count]
    return [q if isinstance(q, str) else str(q.get("text") or q.get("question") or "") for q in chosen]


def meeting_ics(p: dict[str, Any], base_url: str, notes: dict[str, Any] | None, minutes: int = 20) -> str | None:
    """One prospect's next scheduled meeting as its own calendar file; None when nothing is scheduled."""
    meeting = next_meeting(p.get("log") or ())
    start = moment_of(meeting["when"]) if meeting else None
    if meeting is None or start is None:
        return None
    cal = _calendar()
    cal.add_component(_meeting_event(p, meeting, start, base_url, notes, minutes, questions=3))
    return cal.to_ical().decode("utf-8")


def to_markdown(prospects: list[dict[str, Any]], notes_for: Callable[[int], dict[str, Any] | None] | None = None) -> str:
    """One Markdown document with a section per prospect: who, your notes, the log, the research notes."""
    lines = ["# coffeechat notes", ""]
    if not prospects:
        lines.append("No prospects yet.")
    for p in prospects:
        current = p.get("current") or {}
        lines += [f"## {p.get('full_name') or 'Prospect ' + str(p.get('id'))}", ""]
        facts = [("Headline", p.get("headline")), ("Company", current.get("company")),
                 ("Stage", p.get("stage")), ("Tags", ", ".join(p.get("tags") or [])),
                 ("Profile", p.get("profile_url"))]
        lines += [f"- **{k}:** {v}" for k, v in facts if v] + [""]
        if p.get("notes"):
            lines += ["### Your notes", "", p["notes"], ""]
        if p.get("log"):
            lines += ["### Interactions", ""]
            lines += [f"- {e.get('at', '')[:16]} {e.get('type', '').replace('_', ' ')}"
                      + (f": {e['note']}" if e.get("note") else "") for e in p["log"]] + [""]
        research = (notes_for(p["id"]) or {}).get("markdown") if notes_for else None
        if research:
            # Research notes are a document of their own: push their headings below this section's.
            lines += ["### Research notes", ""] + [
                "###" + line if line.startswith("#") else line for line in research.strip().splitlines()] + [""]
    return "\n".join(lines).rstrip() + "\n"


FORMATS = {
    "json": ("application/json", "coffeechat-backup.json"),
    "csv": ("text/csv", "coffeechat-prospects.csv"),
    "vcard": ("text/vcard", "coffeechat-contacts.vcf"),
    "ics": ("text/calendar", "coffeechat-meetings.ics"),
    "markdown": ("text/markdown", "coffeechat-notes.md"),
}


def export(store, fmt: str, base_url: str = "http://127.0.0.1:5757",
           notes_for: Callable[[int], dict[str, Any] | None] | None = None,
           now: datetime | None = None) -> tuple[str, str, str]:
    """(content, content type, file name) for one export format; ``notes_for`` gives research notes by id."""
    if fmt not in FORMATS:
        raise BadInput(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    if fmt == "json":
        content = to_json(store.export())
    elif fmt == "csv":
        content = to_csv(store.all())
    elif fmt == "vcard":
        content = to_vcard(store.all())
    elif fmt == "ics":
        content = to_ics(store.all(), base_url, notes_for, stamp=now)
    else:
        content = to_markdown(store.all(), notes_for)
    mimetype, filename = FORMATS[fmt]
    return content, mimetype, filename
