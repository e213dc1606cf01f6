"""Logged-out public profiles, 2014–2017 (#topcard, "profile-section" cards, li.position)."""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.dates import split_date_range
from coffeechat.parsing.dom_base import DomReader
from coffeechat.parsing.entries import education_record
from coffeechat.parsing.text import block_text_of, class_text, find_all_class, find_class, has_class, text_of


def _dates(node: Tag) -> dict | None:
    """Dates of an item, with "(1 year 2 months)" read as the duration."""
    text = class_text(node, sel.P2016_DATE_RANGE) or ""
    bracketed = sel.P2016_BRACKETED_DURATION.match(text)
    if bracketed:
        text = f"{bracketed.group(1)} · {bracketed.group(2)}"
    return split_date_range(text)


def _position(item: Tag) -> dict | None:
    """One role."""
    dates = _dates(item)
    if not dates:
        return None
    return {
        "title": class_text(item, sel.P2016_TITLE),
        "company": class_text(item, sel.P2016_SUBTITLE),
        "employment_type": None,
        "date_range": dates["date_range"],
        "start": dates["start"],
        "end": dates["end"],
        "duration": dates["duration"],
        "location": class_text(item, sel.P2016_LOCATION_ITEM),
        "description": block_text_of(find_class(item, sel.P2016_DESCRIPTION)),
    }


def _school(item: Tag) -> dict:
    """One school: the subtitle holds "Degree, Field" as separate spans."""
    subtitle = find_class(item, sel.P2016_SUBTITLE)
    parts = [text_of(span) for span in subtitle.find_all("span")] if subtitle else []
    parts = [p for p in parts if p]
    if len(parts) <= 1:
        # One span (or none) holds "Degree, Field": split at the first separator.
        whole = parts[0] if parts else (class_text(item, sel.P2016_SUBTITLE) or "")
        degree, _, field = whole.partition(sel.P2016_DEGREE_FIELD_SEPARATOR)
        parts = [p for p in (degree.strip(), field.strip()) if p]
    return education_record(class_text(item, sel.P2016_TITLE), parts[0] if parts else None,
                            parts[1] if len(parts) > 1 else None, _dates(item))


class Public2016(DomReader):
    """Public profiles of 2014–2017: every field labelled by a class."""

    NAME = "dom_2016"
    MARKERS = sel.P2016_MARKERS

    def topcard(self, card: Tag) -> dict:
        frame = find_class(card, sel.P2016_PHOTO)
        photo = frame.find("img") if frame else None
        src = (photo.get("src") or "") if photo else ""
        return {
            "full_name": text_of(card.find(id=sel.P2016_NAME_ID)) or class_text(card, sel.P2016_NAME),
            "headline": class_text(card, sel.P2016_HEADLINE),
            "location": class_text(card, sel.P2016_LOCATION),
            "photo_url": src if src.startswith("http") else None,
        }

    def about(self, section: Tag) -> str | None:
        return block_text_of(find_class(section, sel.P2016_SUMMARY))

    def experience(self, section: Tag) -> list[dict]:
        roles = (_position(item) for item in find_all_class(section, sel.P2016_POSITION))
        return [r for r in roles if r]

    def education(self, section: Tag) -> list[dict]:
        return [_school(item) for item in find_all_class(section, sel.P2016_SCHOOL)]

    def skills(self, section: Tag) -> list[str]:
        names = (text_of(item) for item in find_all_class(section, sel.P2016_SKILL)
                 if not has_class(item, sel.P2016_SKILL_CONTROLS))
        return list(dict.fromkeys(n for n in names if n))

    def languages(self, section: Tag) -> list[dict]:
        return [{"language": class_text(item, sel.P2016_LANGUAGE_NAME),
                 "proficiency": class_text(item, sel.P2016_PROFICIENCY)}
                for item in find_all_class(section, sel.P2016_LANGUAGE)]


READER = Public2016()
