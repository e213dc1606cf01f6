"""LinkedIn's own data export: Connections.csv and Invitations.csv, recognised by their header row.

Connections become 1st-degree prospects with the day they connected; an earlier capture keeps
every field it has (the export only fills what is empty). Sent invitations are logged once as
past ``invitation_sent`` entries with their message. Previews change nothing.
"""

import csv
import io
import secrets
from datetime import datetime, timezone
from typing import Any

from coffeechat.errors import BadInput
from coffeechat.parsing.urls import canonical_profile_url
from coffeechat.store import ProspectStore

CONNECTIONS = ("first name", "last name", "url", "connected on")
INVITATIONS = ("from", "to", "sent at", "direction", "inviteeprofileurl")
_FORMULA = ("=", "+", "-", "@", "\t", "\r")
_HEADER_LINES = 20  # the Notes: lines LinkedIn puts before the header
MAX_ROWS = 30_000   # LinkedIn caps connections at 30,000
SOURCE = "linkedin_export"


def _plain(value: Any) -> tuple[str, bool]:
    """A cell as plain text: a leading formula character is dropped, so no spreadsheet runs it later."""
    text = (value or "").strip() if isinstance(value, str) else ""
    neutral = text.lstrip("".join(_FORMULA)).strip()
    return neutral, neutral != text


def kind_of(text: str) -> tuple[str, int, list[str]] | None:
    """("connections" | "invitations", lines before the header, the lines from it on) for LinkedIn's files."""
    lines = text.lstrip("\ufeff").splitlines()
    for n, line in enumerate(lines[:_HEADER_LINES]):
        try:
            cells = {c.strip().strip('"').casefold() for c in next(csv.reader([line]), [])}
        except csv.Error:  # an oversize or broken line is no LinkedIn header; the CSV reader says why later
            continue
        for kind, wanted in (("connections", CONNECTIONS), ("invitations", INVITATIONS)):
            if set(wanted) <= cells:
                return kind, n, lines[n:]
    return None


def _connected_on(value: str) -> str | None:
    """LinkedIn's "12 Mar 2024" (older exports: 03/12/24) as 2024-03-12."""
    for pattern in ("%d %b %Y", "%d %B %Y", "%m/%d/%y", "%m/%d/%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _sent_at(value: str) -> str | None:
    """LinkedIn's "3/14/25, 2:37 PM" (no zone given: read as UTC) as an ISO timestamp."""
    for pattern in ("%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%Y-%m-%d %H:%M:%S UTC", "%d %b %Y"):
        try:
            return datetime.strptime(value, pattern).replace(tzinfo=timezone.utc).isoformat(timespec="seconds")
        except ValueError:
            continue
    return None


def _rows(lines: list[str], first_line: int) -> list[tuple[int, dict[str, str], list[str]]]:
    """(line number in the file, cells by lower-case header, notes) for each data row."""
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    out: list[tuple[int, dict[str, str], list[str]]] = []
    for raw in reader:
        if len(out) >= MAX_ROWS:
            raise BadInput(f"the file has more than {MAX_ROWS} rows; split it into smaller files")
        cells, notes = {}, []
        for header, value in raw.items():
            text, neutralised = _plain(value)
            cells[(header or "").strip().casefold()] = text
            if neutralised and text:
                notes.append(f"{header} started like a spreadsheet formula; kept as plain text")
        if any(cells.values()):
            out.append((first_line + reader.line_num, cells, notes))
    return out


def _connection(cells: dict[str, str], store: ProspectStore) -> dict[str, Any]:
    name = " ".join(p for p in (cells.get("first name"), cells.get("last name")) if p)
    fields = {"full_name": name, "company": cells.get("company", ""), "title": cells.get("position", ""),
              "email": cells.get("email address", ""), "profile_url": canonical_profile_url(cells.get("url") or "")}
    errors = []
    if not fields["profile_url"]:
        errors.append(f"{cells.get('url') or 'an empty address'} is not a LinkedIn profile address")
    connected = _connected_on(cells.get("connected on", ""))
    if not connected:
        errors.append(f"cannot read the connection date {cells.get('connected on')!r}")
    fields["connected_on"] = connected
    return {"fields": fields, "errors": errors, "key": fields["profile_url"]}


def _invitation(cells: dict[str, str]) -> dict[str, Any]:
    outgoing = cells.get("direction", "").upper() == "OUTGOING"
    url = cells.get("inviteeprofileurl" if outgoing else "inviterprofileurl", "")
    fields = {"full_name": cells.get("to" if outgoing else "from", ""), "company": "",
              "profile_url": canonical_profile_url(url), "message": cells.get("message", ""),
              "at": _sent_at(cells.get("sent at", ""))}
    errors = []
    if not fields["profile_url"]:
        errors.append(f"{url or 'an empty address'} is not a LinkedIn profile address")
    if not fields["at"]:
        errors.append(f"cannot read when it was sent ({cells.get('sent at')!r})")
    return {"fields": fields, "errors": errors, "key": fields["profile_url"], "incoming": not outgoing}


def _changes(kind: str, row: dict[str, Any], store: ProspectStore) -> tuple[str, dict[str, Any]]:
    """(status, what would be written) for one valid row: new, update or unchanged."""
    f = row["fields"]
    pid = store.find_by_key(row["key"])
    old = store.get(pid) if pid else {}
    plan: dict[str, Any] = {}
    if not old.get("full_name") and f["full_name"]:
        plan["full_name"] = f["full_name"]
    if kind == "connections":
        if old.get("connection_degree") != "1st":
            plan["connection_degree"] = "1st"
        if old.get("connected_on") != f["connected_on"] and not old.get("connected_on"):
            plan["connected_on"] = f["connected_on"]
        if not _said(old.get("current")) and (f["title"] or f["company"]):
            plan["current"] = {"title": f["title"] or None, "company": f["company"] or None}
        if f["email"] and not old.get("email"):
            plan["email"] = f["email"]
    elif not any(e.get("type") == "invitation_sent" and e.get("at") == f["at"] for e in old.get("log") or ()):
        plan["invitation"] = {"type": "invitation_sent", "at": f["at"], "note": f["message"], "source": SOURCE}
    status = "new" if not pid else "update" if plan else "unchanged"
    return status, plan


def _said(current: Any) -> bool:
    return isinstance(current, dict) and bool(current.get("title") or current.get("company"))


def preview(text: str, store: ProspectStore) -> dict[str, Any]:
    """Each row as it would be imported (new, update, unchanged, skip) or the reason it cannot be."""
    found = kind_of(text)
    if found is None:
        raise BadInput("this is not a LinkedIn Connections.csv or Invitations.csv export")
    kind, skipped, lines = found
    rows, seen = [], set()
    for line, cells, notes in _rows(lines, skipped):
        row = _connection(cells, store) if kind == "connections" else _invitation(cells)
        status, plan = "error", dict[str, Any]()
        if row.get("incoming"):
            status, notes = "skip", notes + ["they invited you: nothing of yours to log"]
        elif not row["errors"]:
            ident = (row["key"], row["fields"].get("at"))
            if ident in seen:
                row["errors"].append("the same row appears earlier in the file")
            else:
                seen.add(ident)
                status, plan = _changes(kind, row, store)
        rows.append({"line": line, "fields": row["fields"], "status": status, "errors": row["errors"],
                     "notes": notes, "plan": plan})
    return {"kind": "csv", "export": kind, "rows": rows, "ok": sum(r["status"] != "error" for r in rows),
            "errors": sum(r["status"] == "error" for r in rows)}


def apply(text: str, store: ProspectStore) -> dict[str, int]:
    """Import the rows that change something; returns how many prospects were created and updated."""
    result = preview(text, store)
    done = {"created": 0, "updated": 0, "skipped": result["errors"]}
    for row in result["rows"]:
        if row["status"] not in ("new", "update"):
            continue
        # Previewed rows are planned against the store as it was: plan again, an earlier row may be the same person.
        status, plan = _changes(result["export"], {"key": row["fields"]["profile_url"], "fields": row["fields"]}, store)
        if status == "unchanged":
            continue
        parsed = {k: v for k, v in plan.items() if k not in ("email", "invitation")}
        pid = store.find_by_key(row["fields"]["profile_url"])
        if parsed or not pid:
            parsed.update(kind="linkedin-export", profile_url=row["fields"]["profile_url"])
            pid = store.save_capture(parsed, row["fields"]["profile_url"], "linkedin-export",
                                     f"import-{secrets.token_hex(6)}")[0]["id"]
        if plan.get("email"):
            store.patch(pid, {"email": plan["email"]})
        if plan.get("invitation"):
            store.add_log(pid, plan["invitation"])
        done["created" if status == "new" else "updated"] += 1
    return done
