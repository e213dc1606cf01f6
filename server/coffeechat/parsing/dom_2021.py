"""Logged-in profiles and /details/ sub-pages, 2021–2025 (Ember "pvs-list", artdeco cards).

Entries are <li> items of the card's list; their text is doubled (aria-hidden +
visually-hidden) and read once; grouped roles are nested <li> items under a company.
"""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.dates import split_date_range
from coffeechat.parsing.dom_base import DomReader
from coffeechat.parsing.entries import about_text, education_entry, experience_from_item, language_entry, split_header
from coffeechat.parsing.text import block_text_of, find_all_class, find_class, lines
from coffeechat.parsing.topcard import read_topcard


def top_level_items(section: Tag) -> list[Tag]:
    """The section's list items that are not nested inside another item."""
    return [li for li in find_all_class(section, sel.PVS_ITEMS) if li.find_parent("li") is None]


def _role_items(item: Tag) -> list[Tag]:
    """Nested items that are roles of a grouped company: those with dates of their own, not
    only in items nested in them (2022 wraps all the roles in one more item)."""
    return [li for li in item.find_all("li")
            if any(split_date_range(t) for el, t in lines(li) if el.find_parent("li") is li
                   or el is li)]


class LoggedIn2021(DomReader):
    """Logged-in profiles and /details/ pages of 2021–2025: pvs-list cards of unlabelled lines."""

    NAME = "dom_2021"
    MARKERS = sel.PVS_MARKERS

    def topcard(self, card: Tag) -> dict:
        return read_topcard(card, card.find("h1"))

    def about(self, section: Tag) -> str | None:
        text = find_class(section, sel.PVS_ABOUT_TEXT)
        return block_text_of(text) if text is not None else about_text(section, section.find(["h1", "h2"]))

    def experience(self, section: Tag) -> list[dict]:
        return [role for item in top_level_items(section)
                for role in experience_from_item(item, _role_items(item))]

    def education(self, section: Tag) -> list[dict]:
        entries = (education_entry(split_header(lines(item))[0]) for item in top_level_items(section))
        return [e for e in entries if e]

    def skills(self, section: Tag) -> list[str]:
        firsts = (lines(item)[:1] for item in top_level_items(section))
        return list(dict.fromkeys(found[0][1] for found in firsts if found))

    def languages(self, section: Tag) -> list[dict]:
        entries = (language_entry([t for _, t in lines(item)]) for item in top_level_items(section))
        return [e for e in entries if e]


READER = LoggedIn2021()
