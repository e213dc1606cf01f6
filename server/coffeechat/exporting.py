"""Exports of the store: a JSON backup that restores exactly, and CSV for spreadsheets and CRMs."""

import csv
import io
import json
from typing import Any

from coffeechat.errors import BadInput

CSV_COLUMNS = ("id", "full_name", "headline", "current_title", "current_company", "location", "stage", "tags",
               "email", "connection_degree", "profile_url", "notes", "created_at", "updated_at")


def to_json(backup: dict[str, Any]) -> str:
    return json.dumps(backup, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def _csv_row(p: dict[str, Any]) -> dict[str, Any]:
    current = p.get("current") or {}
    row = {c: p.get(c) for c in CSV_COLUMNS}
    row.update(current_title=current.get("title"), current_company=current.get("company"),
               tags="; ".join(p.get("tags") or []))
    return {k: "" if v is None else v for k, v in row.items()}


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
    except ValueError as exc:
        raise BadInput(f"the file is not valid JSON ({exc.msg} at line {exc.lineno})") from None
    if not isinstance(data, dict):
        raise BadInput("this file is not a coffeechat JSON export")
    return data


FORMATS = {
    "json": ("application/json", "coffeechat-backup.json"),
    "csv": ("text/csv", "coffeechat-prospects.csv"),
}


def export(store, fmt: str) -> tuple[str, str, str]:
    """(content, content type, file name) for one export format."""
    if fmt not in FORMATS:
        raise BadInput(f"unknown export format {fmt!r}; use one of: {', '.join(FORMATS)}")
    content = to_json(store.export()) if fmt == "json" else to_csv(store.all())
    mimetype, filename = FORMATS[fmt]
    return content, mimetype, filename
