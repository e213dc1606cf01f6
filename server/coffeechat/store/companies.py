"""Saved company pages: one record per company, keyed by its name folded (a re-save updates it)."""

import copy
from datetime import datetime, timezone
from typing import Any

from coffeechat.errors import BadInput, NotFound

COMPANY_FIELDS = ("company_name", "tagline", "industry", "headquarters", "website", "company_size", "type",
                  "founded", "specialties", "company_url", "employees_on_linkedin_text", "followers_text")


def company_key(name: Any) -> str:
    """The key a company is found by: its name, case and spacing folded."""
    return " ".join(str(name or "").split()).casefold()


def company_record(parsed: dict[str, Any], now: str) -> dict[str, Any]:
    """The stored shape of a parsed company page (only the fields people read)."""
    record = {k: parsed[k] for k in COMPANY_FIELDS if parsed.get(k) not in (None, "", [])}
    record["key"] = company_key(parsed.get("company_name"))
    record["updated_at"] = now
    return record


class SavedCompanies:
    """ProspectStore's saved company pages (its ``_companies`` table, under its one lock)."""

    def save_company(self, parsed: dict[str, Any]) -> dict[str, Any]:
        """Store (or update) a company page's facts; returns the stored company with its id."""
        record = company_record(parsed, datetime.now(timezone.utc).isoformat(timespec="seconds"))
        if not record["key"]:
            raise BadInput("this company page names no company")
        with self._lock:
            found = next((d for d in self._companies.all() if d.get("key") == record["key"]), None)
            if found:
                doc_id = found.doc_id
                self._companies.update(replace_with({**dict(found), **record}), doc_ids=[doc_id])
            else:
                doc_id = self._companies.insert(record)
            return {**dict(self._companies.get(doc_id=doc_id)), "id": doc_id}

    def companies(self) -> list[dict[str, Any]]:
        """Every saved company with its id."""
        with self._lock:
            return [{**dict(d), "id": d.doc_id} for d in self._companies.all()]

    def company(self, company_id: int) -> dict[str, Any]:
        """One saved company by id."""
        with self._lock:
            doc = self._companies.get(doc_id=company_id)
            if doc is None:
                raise NotFound(f"no saved company with id {company_id}")
            return {**dict(doc), "id": doc.doc_id}

    def company_named(self, name: str | None) -> dict[str, Any] | None:
        """The saved company with this name (case and spacing folded), or None."""
        key = company_key(name)
        return next((c for c in self.companies() if c.get("key") == key), None) if key else None


def replace_with(new: dict[str, Any]):
    """A TinyDB update operation that makes the document equal to ``new``."""
    def transform(doc: dict[str, Any]) -> None:
        doc.clear()
        doc.update(copy.deepcopy(new))
    return transform
