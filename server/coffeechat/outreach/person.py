"""The person behind a prospect, read once from the record and the day it was captured.

Drafts and notes ask this model, never the raw record: what they do now (and what kind of
position it is), how long in the role and at the company, their field in English words,
their moves, whether they study, and whether the capture is too old to quote durations from.
"""

import re
from datetime import date
from typing import Any

from coffeechat.outreach.about import about_clause, about_topics
from coffeechat.outreach.lexicon import english_role, is_english, read_title
from coffeechat.outreach.names import clean_name, company_name, first_name, fold, role_title, strip_emoji
from coffeechat.outreach.timing import STALE_CAPTURE
from coffeechat.parsing.dates import duration_months, months_between, split_date_range
from coffeechat.timeline import captured_on

# The kinds of position: employee, founder, self_employed, student, between_roles, board, volunteer.

_SELF = re.compile(r"\b(self ?employed|freelanc\w*|independent|autonom[oa]|autonomo|independiente|"
                   r"independant\w*|auto entrepreneur|selbststandig\w*|freiberufl\w*|"
                   r"samozatrudni\w*|wlasna dzialalnosc|own practice|my own)\b")
_VOLUNTEER = re.compile(r"\b(volunt\w*|benevol\w*|ehrenamt\w*|wolontariusz\w*)\b")
_STUDENT_TITLE = re.compile(r"\b(intern|internship|trainee|teaching assistant|course assistant|student\w*|"
                            r"estudante|estudiante|etudiant\w*|estagiari\w*|estagio|becari\w*|stagiaire|"
                            r"praktikant\w*|werkstudent\w*|stazyst\w*|apprentice|camp|counsel+or)\b")
_CLUB = re.compile(r"\b(society|club|association|fraternity|sorority|athlet\w*|varsity|team captain|"
                   r"student\w* (union|council|government))\b")
_BETWEEN = re.compile(r"\b(open to work|looking for|seeking|between roles|career break|job hunting|"
                      r"em busca|buscando|a la recherche|en recherche|auf jobsuche|suche|szukam|"
                      r"open to new|available for)\b")
_HEADLINE_AT = re.compile(r"^(?P<title>.{2,80}?)\s+(?:at|@|bei|na|no|em|en|chez|w|de)\s+(?P<company>[^|•·,]{2,60})$")


def _dates(item: dict[str, Any]) -> tuple[str | None, str | None]:
    if item.get("start"):
        return item["start"], item.get("end")
    split = split_date_range(item.get("date_range") or "")
    return (split["start"], split["end"]) if split else (None, None)


def _kind(title: str, company: str, employment: str) -> str:
    words = fold(f"{title} {company} {employment}")
    meaning = read_title(title)
    if meaning["function"] == "founder" or re.search(r"\b(owner|proprietor|dono|dueno|inhaber\w*|wlasciciel)\b",
                                                     fold(title)):
        return "founder"
    if _SELF.search(fold(company)) or _SELF.search(fold(employment)) or not company and _SELF.search(words):
        return "self_employed"
    if meaning["function"] == "board" or re.search(r"\b(advisor|adviser|advisory board)\b", fold(title)):
        return "board"
    if _VOLUNTEER.search(words):
        return "volunteer"
    if meaning["function"] == "student" or _STUDENT_TITLE.search(fold(title)) or _CLUB.search(fold(company)):
        return "student"
    return "employee"


def _position(item: dict[str, Any], as_of: date, fresh: bool) -> dict[str, Any]:
    # "Product Manager (12-month contract)": the brackets describe the contract, not the role.
    title = re.sub(r"\s*\([^)]*\)", "", role_title(item.get("title"))).strip()
    company = company_name(item.get("company"))
    start, end = _dates(item)
    months = months_between(start, end, as_of) if start else None
    if months is None:
        months = duration_months(item.get("duration") or "")
    span = months
    kind = _kind(title, company, strip_emoji(item.get("employment_type") or ""))
    meaning = read_title(title)
    return {
        "title": title, "title_en": english_role(title), "english": is_english(title),
        "company": "" if kind == "self_employed" and _SELF.search(fold(company)) else company,
        "kind": kind, "function": meaning["function"] or read_title(company)["function"],
        "field": meaning["field"] or read_title(company)["field"], "seniority": meaning["seniority"], "start": start, "end": end,
        "ongoing": bool(start) and end is None, "months": months if fresh else None, "span": span,
        "club": bool(_CLUB.search(fold(company))), "company_months": None,
        "group": item.get("company_duration") if isinstance(item.get("company_duration"), dict) else None,
    }


def _company_months(rows: list[dict[str, Any]], row: dict[str, Any], as_of: date) -> int | None:
    """Time at the company: the page's own grouped duration, else from the first role there."""
    if row["group"] and isinstance(row["group"].get("months"), int):
        return row["group"]["months"]
    same = [r for r in rows if r["company"] and fold(r["company"]) == fold(row["company"]) and r["start"]]
    if not same:
        return None
    first = min(r["start"] for r in same)
    return months_between(first, None if row["ongoing"] else row["end"], as_of)


def _from_headline(headline: str) -> dict[str, str]:
    """ "Civil Engineer at Accra Metro | Bridges" → title and company from the first segment."""
    first = re.split(r"\s[|•·]\s|\s\|", strip_emoji(headline))[0].strip(" -|,")
    m = _HEADLINE_AT.match(first)
    if m:
        return {"title": m.group("title").strip(), "company": m.group("company").strip()}
    return {"title": first if len(first) <= 60 and read_title(first)["noun"] else "", "company": ""}


def _student(prospect: dict[str, Any], as_of: date, now: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Where they study now (an education entry still running at the capture), if they do."""
    for entry in prospect.get("education") or []:
        if not isinstance(entry, dict) or not entry.get("school"):
            continue
        start, end = _dates(entry)
        running = end is None and start is not None or end and end[:4].isdigit() and int(end[:4]) >= as_of.year
        if running and (not now or all(p["kind"] == "student" for p in now)):
            year = as_of.year - int(start[:4]) + (1 if as_of.month >= 9 else 0) if start and start[:4].isdigit() else None
            return {"school": strip_emoji(entry["school"]), "study": strip_emoji(entry.get("field_of_study") or ""),
                    "year": year if year and 1 <= year <= 6 else None, "end": end}
    return None


def _moves(main: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Moves between functions in their main (not student, not side) roles, oldest first."""
    moves, previous = [], None
    for row in main:
        span = row["span"] or 0
        if not row["function"] or row["function"] in ("student", "board") or span < 6 and not row["ongoing"]:
            continue
        if previous and (previous["span"] or 0) >= 12 and row["function"] != previous["function"]:
            moves.append({"from": previous["function"], "to": row["function"],
                          "from_field": previous["field"], "to_field": row["field"],
                          "year": int(row["start"][:4]) if row["start"] and row["start"][:4].isdigit() else None,
                          "from_company": previous["company"], "to_company": row["company"]})
        previous = row
    return moves


def _education_functions(prospect: dict[str, Any]) -> set[str]:
    """Functions an education entry trained them for (a B.Ed is teacher training)."""
    found = set()
    for entry in prospect.get("education") or []:
        if isinstance(entry, dict):
            text = f"{entry.get('degree') or ''} {entry.get('field_of_study') or ''}"
            if re.search(r"\b(b ?ed|bachelor of education|m ?ed|master of education|pgce|teaching|education)\b",
                         fold(text)):
                found.add("teaching")
            elif read_title(text)["function"] in ("health", "law"):
                found.add(read_title(text)["function"])
    return found


def page_date(prospect: dict[str, Any]) -> date | None:
    """The day a page shows itself to be from: an ongoing role's start plus the duration it shows."""
    best = None
    for item in prospect.get("experience") or []:
        if not isinstance(item, dict) or not item.get("start") or item.get("end"):
            continue
        months = duration_months(item.get("duration") or "")
        start = item["start"]
        if months and start[:4].isdigit() and len(start) >= 7:
            index = int(start[:4]) * 12 + int(start[5:7]) - 1 + months - 1
            day = date(index // 12, index % 12 + 1, 15)
            best = max(best, day) if best else day
    return best


def person(prospect: dict[str, Any], today: date, captured: date | None = None) -> dict[str, Any]:
    """Everything drafts and notes need to know about the person, as of the day they were captured."""
    captured = captured or captured_on(prospect) or today
    stale = today - captured > STALE_CAPTURE  # a role they may have left: no durations
    rows = []
    for item in prospect.get("experience") or []:
        if isinstance(item, dict) and (item.get("title") or item.get("company")):
            rows.append(_position(item, captured, not stale))
    rows.sort(key=lambda r: r["start"] or "0000")
    for row in rows:
        row["company_months"] = _company_months(rows, row, captured) if not stale else None
    current_rec = prospect.get("current") or {}
    ongoing = [r for r in rows if r["ongoing"]]
    headline = strip_emoji(prospect.get("headline") or "")
    if not rows:
        # No experience on the page: the top card, completed from the headline's "Title at Company".
        guess = _from_headline(headline)
        title = current_rec.get("title") or ""
        company = current_rec.get("company") or ""
        if not title and (not company or not guess["company"] or fold(guess["company"]) == fold(company)):
            title, company = guess["title"], company or guess["company"]
        if title or company:
            ongoing = [_position({"title": title, "company": company}, captured, False)]
            ongoing[0]["ongoing"] = True
    main_now = [r for r in ongoing if r["kind"] not in ("board", "volunteer") and not r["club"]]
    side_now = [r for r in ongoing if r not in main_now]
    between = not main_now and (bool(_BETWEEN.search(fold(headline))) or bool(rows))
    study = _student(prospect, captured, main_now)
    primary = next((r for r in reversed(main_now) if r["kind"] != "student"), None) or (
        main_now[-1] if main_now else None) or (side_now[-1] if side_now and not study else None)
    if primary in side_now:
        between = False
    main = [r for r in rows if r["kind"] not in ("student", "board", "volunteer") and not r["club"]]
    last = main[-1] if main and not main[-1]["ongoing"] else None
    topics = about_topics(prospect.get("about"))
    about = about_clause(prospect.get("about"))
    meaning = read_title(primary["title"]) if primary else read_title(headline)
    field = (primary or {}).get("field") or meaning["field"] or (read_title(headline)["field"])
    kind = primary["kind"] if primary else "student" if study else "between_roles" if between else ""
    if kind == "student" and study and not field:
        # A student's field: what they study, else what their internships were in.
        interned = [r["field"] for r in rows if r["kind"] == "student" and r["field"] and not r["club"]]
        field = read_title(study["study"])["field"] or (interned[-1] if interned else "")
    return {
        "name": clean_name(prospect.get("full_name")), "first": first_name(prospect.get("full_name")),
        "captured": captured, "stale": stale, "positions": rows, "now": main_now, "side": side_now,
        "primary": primary, "kind": kind, "field": field if field != "your studies" else "",
        "function": (primary or {}).get("function") or meaning["function"],
        "seniority": (primary or {}).get("seniority") or meaning["seniority"],
        "student": study, "last_role": last if kind == "between_roles" else None,
        "moves": _moves(main), "trained_as": _education_functions(prospect),
        "topics": topics, "about": about if not _CLUB.search(fold(about)) and "student" not in fold(about) else "",
        "headline": headline, "main": main,
        "total_months": sum(r["months"] or 0 for r in main) if not stale else None,
    }
