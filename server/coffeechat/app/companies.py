"""Saved companies and the saved people who work or worked there."""

from typing import Any

from coffeechat.store import ProspectStore
from coffeechat.store.companies import company_key

MAX_PEOPLE = 500


def links(store: ProspectStore) -> dict[str, int]:
    """Folded company name → saved company id, so lists can link a person's company to its page."""
    return {c["key"]: c["id"] for c in store.companies()}


def companies_page(store: ProspectStore) -> dict[str, Any]:
    """Every saved company with how many saved people work or worked there."""
    rows = []
    for c in sorted(store.companies(), key=lambda c: c["key"]):
        _, total = store.search(company=c.get("company_name"), limit=1)
        rows.append({**c, "people": total})
    return {"items": rows}


def _role_there(p: dict[str, Any], key: str) -> dict[str, Any]:
    current = p.get("current") or {}
    if company_key(current.get("company")) == key:
        return {"title": current.get("title"), "now": True}
    for role in p.get("experience") or ():
        if isinstance(role, dict) and company_key(role.get("company")) == key:
            return {"title": role.get("title"), "now": False, "end": role.get("end")}
    return {"title": None, "now": False}


def company_page(store: ProspectStore, company_id: int) -> dict[str, Any]:
    """One saved company's facts and the saved people there (now first), with their stages."""
    company = store.company(company_id)
    name = company.get("company_name") or ""
    found, total = store.search(company=name, sort="name", limit=MAX_PEOPLE)
    people = []
    for p in found:
        role = _role_there(p, company["key"])
        if role["title"] is None and not role["now"] and company_key(name) not in {
                company_key((p.get("current") or {}).get("company"))} | {
                company_key(r.get("company")) for r in p.get("experience") or () if isinstance(r, dict)}:
            continue  # only a longer name contains this one ("Meta" in "Metabase")
        people.append({"id": p["id"], "full_name": p.get("full_name") or "(no name)", "headline": p.get("headline"),
                       "stage": p.get("stage"), **role})
    people.sort(key=lambda r: (not r["now"], (r["full_name"] or "").casefold()))
    return {"company": company, "people": people, "more": max(0, total - len(found))}

