"""Logged-out public profiles, 2020–2024 ("top-card-layout", "profile-section-card").

Fields are labelled by class; grouped roles are experience-group-position items under an
experience-group-header naming the company.
"""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.dates import split_date_range
from coffeechat.parsing.dom_base import DomReader
from coffeechat.parsing.entries import (
    company_duration,
    education_entry,
    education_record,
    location_of,
    split_header,
    with_company_duration,
)
from coffeechat.parsing.text import block_text_of, class_text, find_all_class, find_class, lines, text_of


def _dates(node: Tag) -> dict | None:
    """Dates of a card: "<time>Mar 2023</time> - Present" plus a nested duration span."""
    found = find_class(node, sel.PUBLIC_DATE_RANGE)
    if found is None:
        return None
    texts = [t for _, t in lines(found)]
    return split_date_range(" · ".join(texts)) or split_date_range(texts[0]) if texts else None


def _position(card: Tag, company: str | None) -> dict | None:
    """One role card."""
    dates = _dates(card)
    if not dates:
        return None
    return {
        "title": class_text(card, sel.PUBLIC_CARD_TITLE),
        "company": class_text(card, sel.PUBLIC_CARD_SUBTITLE) or company,
        "employment_type": None,
        "date_range": dates["date_range"],
        "start": dates["start"],
        "end": dates["end"],
        "duration": dates["duration"],
        "location": class_text(card, sel.PUBLIC_POSITION_LOCATION) or _meta_location(card),
        "description": _description(card),
    }


def _meta_items(card: Tag) -> list[Tag]:
    """The 2024 unlabelled lines under a role (dates, location, description)."""
    return find_all_class(card, sel.PUBLIC_META_ITEM)


def _meta_location(card: Tag) -> str | None:
    """The 2024 location: the meta line that is neither the dates nor the description."""
    for item in _meta_items(card):
        if item.get(sel.PUBLIC_META_DESCRIPTION_ATTR) or find_class(item, sel.PUBLIC_DATE_RANGE):
            continue
        place = location_of(text_of(item))
        if place:
            return place
    return None


def _description(card: Tag) -> str | None:
    """A role's description, the full text when the page also holds a truncated one."""
    box = find_class(card, sel.PUBLIC_POSITION_DESCRIPTION) or next(
        (m for m in _meta_items(card) if m.get(sel.PUBLIC_META_DESCRIPTION_ATTR)), None)
    return block_text_of(find_class(box, sel.PUBLIC_DESCRIPTION_FULL) or box)


def _experience(section: Tag) -> list[dict]:
    """Roles in order; a group's roles take the group's company when they lack one."""
    out = []
    for item in find_all_class(section, sel.PUBLIC_EXPERIENCE_ITEM):
        if item.find_parent(class_=sel.PUBLIC_EXPERIENCE_ITEM) is not None:
            continue  # a role inside a group: read with its group
        # 2024 dropped the position class: a group's roles are then its nested items with
        # their own dates.
        roles = find_all_class(item, sel.PUBLIC_GROUP_POSITION) or [
            li for li in item.find_all("li") if find_class(li, sel.PUBLIC_DATE_RANGE)]
        if roles:
            company = class_text(item, sel.PUBLIC_GROUP_COMPANY)
            total = company_duration(class_text(item, sel.PUBLIC_GROUP_DURATION))
            out.extend(with_company_duration(r, total)
                       for r in (_position(role, company) for role in roles) if r)
        else:
            role = _position(item, None)
            if role:
                out.append(role)
    return out


def _education(section: Tag) -> list[dict]:
    """Schools; degree and field are two spans, or one when the field is not given."""
    out = []
    for card in find_all_class(section, sel.PUBLIC_EDUCATION_ITEM):
        parts = [text_of(p) for p in find_all_class(card, sel.PUBLIC_DEGREE_PARTS)]
        record = education_record(class_text(card, sel.PUBLIC_CARD_TITLE), parts[0] if parts else None,
                                  parts[1] if len(parts) > 1 else None, _dates(card))
        if record["school"] is None:
            # 2024 labels only the dates: school, degree and field are read from the lines.
            by_lines = education_entry(split_header(lines(card))[0]) or {}
            record.update({k: v for k, v in by_lines.items() if record.get(k) is None})
        out.append(record)
    return out


def _location(card: Tag) -> str | None:
    """The first subline item that is not a follower or connection count."""
    for item in find_all_class(card, sel.PUBLIC_SUBLINE_ITEMS):
        text = text_of(item)
        if text and not sel.TOPCARD_NOISE.match(text):
            return text
    return None


class Public2023(DomReader):
    """Logged-out public profiles of 2020–2024: top-card-layout and profile-section-card classes."""

    NAME = "dom_public_2023"
    MARKERS = sel.PUBLIC_MARKERS

    def topcard(self, card: Tag) -> dict:
        photo = find_class(card, sel.PUBLIC_PHOTO)
        src = photo.get("data-delayed-url") or photo.get("src") if photo else None
        return {
            "full_name": class_text(card, sel.PUBLIC_NAME),
            "headline": class_text(card, sel.PUBLIC_HEADLINE),
            "location": _location(card),
            "photo_url": src if src and src.startswith("http") else None,
        }

    def about(self, section: Tag) -> str | None:
        return block_text_of(find_class(section, sel.PUBLIC_SECTION_CONTENT))

    def experience(self, section: Tag) -> list[dict]:
        return _experience(section)

    def education(self, section: Tag) -> list[dict]:
        return _education(section)

    def skills(self, section: Tag) -> list[str]:
        names = (class_text(c, sel.PUBLIC_CARD_TITLE) for c in section.find_all("li"))
        return list(dict.fromkeys(n for n in names if n))

    def languages(self, section: Tag) -> list[dict]:
        return [{"language": class_text(c, sel.PUBLIC_CARD_TITLE),
                 "proficiency": class_text(c, sel.PUBLIC_CARD_SUBTITLE)}
                for c in section.find_all("li") if class_text(c, sel.PUBLIC_CARD_TITLE)]


READER = Public2023()
