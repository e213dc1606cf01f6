"""Saved company pages: one record per company, keyed by its name folded (a re-save updates it)."""

from typing import Any

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
