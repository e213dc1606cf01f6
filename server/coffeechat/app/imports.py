"""Importing (dashboard and CLI): a JSON backup (restore) or a CSV of people (preview first, errors per row)."""

import csv
import io
import secrets
from typing import Any

from coffeechat.app import linkedin_export
from coffeechat.app.captures import prospect_key
from coffeechat.errors import BadInput
from coffeechat.exporting import parse_backup, unneutralise
from coffeechat.model import STAGES
from coffeechat.parsing.urls import canonical_profile_url
from coffeechat.schemas import check_backup
from coffeechat.store import ProspectStore

# CSV header → our field; our own CSV export's columns come first, then common spreadsheet/CRM names.
COLUMNS: dict[str, str] = {
    "full_name": "full_name", "name": "full_name", "full name": "full_name",
    "headline": "headline", "current_title": "title", "title": "title", "position": "title",
    "current_company": "company", "company": "company", "location": "location", "email": "email",
    "email address": "email", "profile_url": "profile_url", "url": "profile_url", "linkedin": "profile_url",
    "stage": "stage", "tags": "tags", "notes": "notes", "id": "id",
}
MAX_ROWS = 5000


def _clean(row: dict[str | None, Any]) -> dict[str, str]:
    out: dict[str, str] = {}
    for header, value in row.items():
        field = COLUMNS.get((header or "").strip().lower())
        if field and isinstance(value, str) and value.strip():
            out[field] = unneutralise(value.strip())
    return out


def preview_csv(text: str, store: ProspectStore) -> dict[str, Any]:
    """Each row as it would be imported (``new`` or ``update``) or the reason it cannot be."""
    reader = csv.DictReader(io.StringIO(text.lstrip("\ufeff")))
    try:
        header = reader.fieldnames
    except csv.Error as exc:
        raise BadInput(f"cannot read the header row of the CSV ({exc})") from None
    if not header or not any((h or "").strip().lower() in COLUMNS for h in header):
        raise BadInput("the CSV needs a header row naming its columns, e.g. full_name, company, profile_url")
    rows, seen = [], set()
    for number, raw in _rows(reader):
        row, errors = _clean(raw), []
        if not row.get("full_name"):
            errors.append("no name (full_name column is empty)")
        if row.get("profile_url") and not canonical_profile_url(row["profile_url"]):
            errors.append(f"{row['profile_url']!r} is not a LinkedIn profile address")
        if row.get("stage") and row["stage"] not in STAGES:
            errors.append(f"unknown stage {row['stage']!r} (stages: {', '.join(STAGES)})")
        if row.get("email") and "@" not in row["email"]:
            errors.append(f"{row['email']!r} is not an email address")
        key = _key(row, store)
        if key in seen:
            errors.append("the same person appears on an earlier row")
        seen.add(key)
        status = "error" if errors else ("update" if store.find_by_key(key) else "new")
        rows.append({"line": number, "fields": row, "status": status, "errors": errors})
    return {"rows": rows, "ok": sum(r["status"] != "error" for r in rows),
            "errors": sum(r["status"] == "error" for r in rows)}


def _rows(reader: csv.DictReader):
    """(line number, row) of each data row; a row the csv module cannot read stops the preview with its line."""
    number = 1
    try:
        for number, raw in enumerate(reader, start=2):
            if number - 1 > MAX_ROWS:
                raise BadInput(f"the CSV has more than {MAX_ROWS} rows; split it into smaller files")
            yield number, raw
    except csv.Error as exc:
        raise BadInput(f"cannot read row {number + 1} of the CSV ({exc})") from None


def _key(row: dict[str, str], store: ProspectStore) -> str:
    """Who a row is: its profile address; else the stored prospect its id names (our own CSV export)
    when the name agrees; else a person known only by email or name."""
    url_key = prospect_key({"profile_url": row.get("profile_url")}, None)
    if url_key:
        return url_key
    pid = row.get("id", "")
    if pid.isdigit() and store.find_by_id(int(pid)):
        stored = store.get(int(pid))
        if (stored.get("full_name") or "").casefold() == (row.get("full_name") or "").casefold():
            return stored["key"]
    return f"import:{(row.get('email') or row.get('full_name') or '').lower()}"


def apply_csv(text: str, store: ProspectStore) -> dict[str, int]:
    """Import the rows without errors; returns how many were created and updated."""
    preview = preview_csv(text, store)
    done = {"created": 0, "updated": 0, "skipped": preview["errors"]}
    for row in preview["rows"]:
        if row["status"] == "error":
            continue
        f = row["fields"]
        parsed = {"kind": "csv-import", "full_name": f["full_name"], "headline": f.get("headline"),
                  "location": f.get("location"), "profile_url": canonical_profile_url(f.get("profile_url")),
                  "current": {"title": f.get("title"), "company": f.get("company")}}
        # No page is kept for a spreadsheet row; the capture id only names where the record came from.
        prospect, created, _ = store.save_capture(parsed, _key(f, store), f.get("profile_url") or "csv",
                                                  f"import-{secrets.token_hex(6)}")
        edits: dict[str, Any] = {k: f[k] for k in ("stage", "notes", "email") if f.get(k)}
        if f.get("tags"):
            edits["tags"] = sorted({*prospect.get("tags", []), *(t.strip() for t in f["tags"].split(";") if t.strip())})
        if edits:
            store.patch(prospect["id"], edits)
        done["created" if created else "updated"] += 1
    return done


def preview(kind: str, text: str, store: ProspectStore) -> dict[str, Any]:
    """What importing this file would do, without changing anything."""
    if kind == "json":
        backup = parse_backup(text)
        people = backup.get("prospects")
        if backup.get("app") != "coffeechat" or not isinstance(people, list):
            raise BadInput("this file is not a coffeechat JSON export")
        problem = (f"the data folder already holds {store.count()} prospects; a backup restores into an "
                   "empty data folder" if store.count() else None)
        try:
            check_backup(backup)
        except BadInput as exc:
            problem = problem or exc.message
        return {"kind": "json", "prospects": len(people), "problem": problem}
    if kind == "csv" and linkedin_export.kind_of(text):
        return linkedin_export.preview(text, store)
    if kind == "csv":
        return {"kind": "csv", **preview_csv(text, store)}
    raise BadInput("choose a .json backup or a .csv file")


def apply(kind: str, text: str, store: ProspectStore) -> dict[str, int]:
    """Import the file; a JSON backup restores everything, a CSV adds or updates people."""
    if kind == "json":
        return {"created": store.import_backup(parse_backup(text)), "updated": 0, "skipped": 0}
    if linkedin_export.kind_of(text):
        return linkedin_export.apply(text, store)
    return apply_csv(text, store)


def kind_of(filename: str) -> str:
    """json or csv, from the uploaded file's name."""
    name = (filename or "").lower()
    if name.endswith(".json"):
        return "json"
    if name.endswith(".csv"):
        return "csv"
    raise BadInput("choose a .json backup or a .csv file")
