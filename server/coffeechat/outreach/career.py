"""A prospect's career read from their experience: roles, tenure, years in the field, transitions."""

import re
from datetime import date
from typing import Any

from coffeechat.outreach.names import company_name, fold, role_title
from coffeechat.parsing.dates import duration_months, month_index, months_between, split_date_range

# Functions a title (or, failing that, a company) points to, checked in order: the first match
# wins, so "Co-Founder & CTO" is a founder before an engineer. label = how a transition says it,
# field = what the user would ask advice about.
FUNCTIONS: tuple[tuple[str, str, str, str], ...] = (
    # (key, keyword regex on folded text, label, field)
    ("founder", r"\b(co ?founder|founder|founding|entrepreneur|eir)\b", "founding your own company",
     "startups"),
    ("recruiting", r"\b(recruit\w*|talent|sourcer)\b", "recruiting", "recruiting"),
    ("data", r"\b(data (scien\w+|analy\w+|engineer\w*)|machine learning|analytics)\b", "data work",
     "data work"),
    ("product", r"\b(product (manag\w+|owner|lead))\b", "product management", "product management"),
    ("design", r"\b(design\w*|ux|ui|user experience)\b", "design", "UX and design"),
    ("engineering", r"\b(engineer\w*|developer|programmer|cto|software|sde|devops|full stack)\b",
     "engineering", "software engineering"),
    ("research", r"\b(research\w*|scientist)\b", "research", "research"),
    ("teaching", r"\b(teach\w*|teacher|tutor\w*|instructor|lecturer|professor|educat\w*)\b",
     "teaching", "teaching"),
    ("consulting", r"\b(consult\w*|advisory)\b", "consulting", "consulting"),
    ("accounting", r"\b(accountan\w+|accounting|accountancy|audit\w*|cpa|tax|xbrl)\b", "accounting",
     "accounting"),
    ("finance", r"\b(financ\w*|investment|banker|banking|treasurer)\b", "finance", "finance"),
    ("marketing", r"\b(marketing|marketer|growth|social media|content|communications|blogger)\b",
     "marketing", "marketing"),
    ("sales", r"\b(sales|account executive|business development)\b", "sales", "sales"),
    ("law", r"\b(lawyer|attorney|counsel|paralegal|legal)\b", "law", "law"),
    ("health", r"\b(nurse|physician|doctor|therapist|clinical)\b", "healthcare", "healthcare"),
)
_FUNCTION_RES = [(key, re.compile(pattern), label, field) for key, pattern, label, field in FUNCTIONS]
LABELS = {key: label for key, _, label, _ in FUNCTIONS}
FIELDS = {key: field for key, _, _, field in FUNCTIONS}

# Roles held while studying: real experience, but not a move between careers.
_STUDENT = re.compile(r"\b(intern|internship|trainee|teaching assistant|course assistant|student|"
                      r"undergraduate|camp|counselor|counsellor|apprentice)\b")
# Roles held beside a main job (boards, volunteering): never a transition on their own.
_SIDE = re.compile(r"\b(board member|advisor|adviser|volunteer|mentor|member)\b")
# Student clubs and societies: their officer titles ("Treasurer") are not a career.
_CLUB = re.compile(r"\b(society|club|association|fraternity|sorority|student\w*)\b")
# A move counts when they left a role held a year or more for one that lasted (or lasts).
_SETTLED_MONTHS, _NEW_ROLE_MONTHS = 12, 6


def function_of(text: str | None) -> str | None:
    """The function a title or phrase points to ("Full Stack Engineer" → "engineering")."""
    folded = fold(text)
    for key, regex, _, _ in _FUNCTION_RES:
        if folded and regex.search(folded):
            return key
    return None


def functions_in(text: str | None) -> set[str]:
    """Every function a free text mentions (used on the user's goal)."""
    folded = fold(text)
    return {key for key, regex, _, _ in _FUNCTION_RES if folded and regex.search(folded)}


def _dates(item: dict[str, Any]) -> tuple[str | None, str | None]:
    """Start and end of an item; derived from the shown range when the record lacks them."""
    if item.get("start"):
        return item["start"], item.get("end")
    split = split_date_range(item.get("date_range") or "")
    return (split["start"], split["end"]) if split else (None, None)


def _year(value: str | None) -> int | None:
    return int(value[:4]) if value and value[:4].isdigit() else None


def roles(prospect: dict[str, Any], today: date) -> list[dict[str, Any]]:
    """Experience as roles, oldest first, with months, function and whether it was a student role."""
    result = []
    for item in prospect.get("experience") or []:
        if not isinstance(item, dict) or not (item.get("title") or item.get("company")):
            continue
        start, end = _dates(item)
        months = months_between(start, end, today) if start else None
        if months is None:
            months = duration_months(item.get("duration") or "")
        title = role_title(item.get("title"))
        result.append({
            "title": title, "company": company_name(item.get("company")), "start": start,
            "end": end, "months": months, "ongoing": bool(start) and end is None,
            "function": function_of(title) or function_of(item.get("company")),
            "student": bool(_STUDENT.search(fold(title))),
            "side": bool(_SIDE.search(fold(title)) or _CLUB.search(fold(item.get("company")))),
        })
    return sorted(result, key=lambda r: r["start"] or "0000")


def current_role(prospect: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The role they hold now: the captured "current" matched to its experience row when possible."""
    current = prospect.get("current") or {}
    title, company = role_title(current.get("title")), company_name(current.get("company"))
    for row in reversed(rows):
        if row["ongoing"] and (not company or fold(row["company"]) == fold(company)):
            return row
    if title or company:
        return {"title": title, "company": company, "start": None, "end": None, "months": None,
                "ongoing": True, "function": function_of(title) or function_of(company),
                "student": bool(_STUDENT.search(fold(title))), "side": False}
    ongoing = [r for r in rows if r["ongoing"]]
    return ongoing[-1] if ongoing else None


def _main(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [r for r in rows if not r["student"] and not r["side"] and r["start"]]


def transitions(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Moves between functions in their main roles, oldest first ("engineering → founding", 2017)."""
    moves: list[dict[str, Any]] = []
    previous = None
    for row in _main(rows):
        months = row["months"] or 0
        if not row["function"] or (months < _NEW_ROLE_MONTHS and not row["ongoing"]):
            continue
        settled = previous and (previous["months"] or 0) >= _SETTLED_MONTHS
        if settled and row["function"] != previous["function"]:
            moves.append({
                "from": previous["function"], "to": row["function"],
                "from_label": LABELS[previous["function"]], "to_label": LABELS[row["function"]],
                "from_role": previous, "to_role": row, "year": _year(row["start"]),
            })
        previous = row
    return moves


def _union_months(rows: list[dict[str, Any]], today: date) -> int:
    """Months covered by any of the roles, overlaps counted once."""
    covered: set[int] = set()
    for row in rows:
        start = month_index(row["start"] or "")
        if start is None or row["months"] is None:
            continue
        covered.update(range(start, start + row["months"]))
    return len(covered)


def career(prospect: dict[str, Any], today: date) -> dict[str, Any]:
    """Everything drafts and notes need about the path: roles, current, tenure, moves, years."""
    rows = roles(prospect, today)
    now = current_role(prospect, rows)
    main = _main(rows)
    in_field = [r for r in main if now and r["function"] and r["function"] == now["function"]]
    previous = [r for r in main if now and r is not now and fold(r["company"]) != fold(now["company"])]
    move = None
    if now and now.get("months") is not None and now["months"] <= 12 and now["company"]:
        move = {"from_company": previous[-1]["company"] if previous else "",
                "to_company": now["company"], "start": now["start"], "year": _year(now["start"])}
    return {
        "roles": rows,
        "current": now,
        "tenure_months": now.get("months") if now else None,
        "transitions": transitions(rows),
        "recent_move": move,
        "previous": previous[-1] if previous else None,
        "total_months": _union_months(main, today),
        "field_months": _union_months(in_field, today) if in_field else None,
        "first_year": _year(main[0]["start"]) if main else None,
        "field": FIELDS.get(now["function"]) if now and now.get("function") else None,
    }
