"""Logged-in profiles, 2017–2020 (Ember "pv-top-card-section", "pv-entity__*" classes).

This generation labels every field with a class, so it is read by selectors; grouped roles
sit in a pv-entity__position-group list under the company's summary.
"""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.dates import split_date_range
from coffeechat.parsing.dom_base import DomReader
from coffeechat.parsing.entries import company_duration, education_record, with_company_duration
from coffeechat.parsing.text import block_text_of, class_text, clean, find_all_class, find_class, lines, text_of
from coffeechat.parsing.topcard import degree_of, read_topcard


def _company_line(node: Tag) -> tuple[str | None, str | None]:
    """(company, employment type) from the company line, where the type is a nested span."""
    line = find_class(node, sel.PV_COMPANY)
    if line is None:
        return None, None
    kind = text_of(find_class(line, sel.PV_EMPLOYMENT_TYPE))
    company = text_of(line)
    if kind and company and company.endswith(kind):
        company = clean(company[: -len(kind)])
    return company, kind


def _role(node: Tag, company: str | None, location: str | None) -> dict | None:
    """One position from its summary block."""
    dates = split_date_range(class_text(node, sel.PV_DATE_RANGE) or "")
    if not dates:
        return None
    own_company, kind = _company_line(node)
    return {
        "title": text_of(node.find(sel.PV_TITLE)),
        "company": company or own_company,
        "employment_type": kind,
        "date_range": dates["date_range"],
        "start": dates["start"],
        "end": dates["end"],
        "duration": dates["duration"] or class_text(node, sel.PV_DURATION),
        "location": class_text(node, sel.PV_LOCATION) or location,
        "description": block_text_of(find_class(node, sel.PV_DESCRIPTION)),
    }


def _experience(section: Tag) -> list[dict]:
    """Positions in order, grouped roles flattened under their company."""
    out = []
    for position in find_all_class(section, sel.PV_POSITION):
        roles = find_all_class(position, sel.PV_GROUP_ROLE)
        if roles:
            summary = find_class(position, sel.PV_GROUP_COMPANY)
            company = text_of(summary.find(sel.PV_TITLE)) if summary else None
            # "Total Duration 5 yrs 3 mos" under the company name (its label is hidden).
            totals = (company_duration(t) for _, t in lines(summary)) if summary else ()
            total = next((d for d in totals if d), None)
            out.extend(with_company_duration(r, total)
                       for r in (_role(role, company, None) for role in roles) if r)
        else:
            role = _role(position, None, None)
            if role:
                out.append(role)
    return out


def _education(section: Tag) -> list[dict]:
    """Schools with degree, field and dates."""
    out = []
    for school in find_all_class(section, sel.PV_SCHOOL):
        dates = split_date_range(class_text(school, sel.PV_SCHOOL_DATES) or "")
        out.append(education_record(class_text(school, sel.PV_SCHOOL_NAME), class_text(school, sel.PV_DEGREE),
                                    class_text(school, sel.PV_FIELD), dates))
    return out


class LoggedIn2018(DomReader):
    """Logged-in Ember profiles of 2017–2020: pv-top-card-section and pv-entity__ classes."""

    NAME = "dom_2018"
    MARKERS = sel.PV_MARKERS

    def topcard(self, card: Tag) -> dict:
        listed = find_class(card, sel.PV_TOPCARD_LIST)
        name_tag = card.find("h1") or (listed.find("li") if listed else None)
        out = {k: v for k, v in read_topcard(card, name_tag).items() if v}
        badge = class_text(card, sel.PV_DEGREE_BADGE)
        out.update({k: v for k, v in {
            "full_name": class_text(card, sel.PV_NAME),
            "headline": class_text(card, sel.PV_HEADLINE),
            "location": class_text(card, sel.PV_LOCATION_TOP),
            "about": block_text_of(find_class(card, sel.PV_SUMMARY)),
            "connection_degree": degree_of(badge) if badge else None,
        }.items() if v})
        return out

    def about(self, section: Tag) -> str | None:
        return block_text_of(find_class(section, sel.PV_SUMMARY))

    def experience(self, section: Tag) -> list[dict]:
        return _experience(section)

    def education(self, section: Tag) -> list[dict]:
        return _education(section)

    def skills(self, section: Tag) -> list[str]:
        names = (text_of(n) for n in find_all_class(section, sel.PV_SKILL_NAME))
        return list(dict.fromkeys(n for n in names if n))

    def languages(self, section: Tag) -> list[dict]:
        entities = [{"language": class_text(item, sel.PV_LANGUAGE_NAME),
                     "proficiency": class_text(item, sel.PV_PROFICIENCY)}
                    for item in find_all_class(section, sel.PV_LANGUAGE_ENTITY)]
        if entities:
            return [e for e in entities if e["language"]]
        names = (clean(text_of(n)) for n in find_all_class(section, sel.PV_LANGUAGE))
        return [{"language": n, "proficiency": None} for n in names if n]


READER = LoggedIn2018()
