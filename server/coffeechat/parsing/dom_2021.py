"""Logged-in profiles and /details/ sub-pages, 2021–2025 (Ember "pvs-list", artdeco cards).

Entries are <li> items of the card's list; their text is doubled (aria-hidden +
visually-hidden) and read once; grouped roles are nested <li> items under a company.
"""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.dates import split_date_range
from coffeechat.parsing.entries import about_text, education_entry, experience_from_item, language_entry, split_header
from coffeechat.parsing.page import Page
from coffeechat.parsing.text import block_text_of, find_all_class, find_class, lines
from coffeechat.parsing.topcard import read_topcard

NAME = "dom_2021"


def applies(page: Page) -> bool:
    """Whether the page carries this generation's markers."""
    return page.has_marker(sel.PVS_MARKERS)


def top_level_items(section: Tag) -> list[Tag]:
    """The section's list items that are not nested inside another item."""
    return [li for li in find_all_class(section, sel.PVS_ITEMS) if li.find_parent("li") is None]


def _role_items(item: Tag) -> list[Tag]:
    """Nested items that are roles of a grouped company (they have their own dates)."""
    roles = []
    for li in item.find_all("li"):
        if any(li in role.descendants for role in roles):
            continue
        own = [t for el, t in lines(li)]
        if any(split_date_range(t) for t in own):
            roles.append(li)
    return roles


def parse(page: Page) -> dict:
    """Fields read from a 2021–2025 page."""
    if not applies(page):
        return {}
    out: dict = {}
    if page.topcard is not None:
        out.update(read_topcard(page.topcard, page.topcard.find("h1")))
    sections = page.sections
    if "about" in sections:
        text = find_class(sections["about"], sel.PVS_ABOUT_TEXT)
        out["about"] = (block_text_of(text) if text is not None
                        else about_text(sections["about"], sections["about"].find(["h1", "h2"])))
    if "experience" in sections:
        out["experience"] = [role for item in top_level_items(sections["experience"])
                             for role in experience_from_item(item, _role_items(item))]
    if "education" in sections:
        entries = (education_entry(split_header(lines(item))[0])
                   for item in top_level_items(sections["education"]))
        out["education"] = [e for e in entries if e]
    if "skills" in sections:
        firsts = (lines(item)[:1] for item in top_level_items(sections["skills"]))
        out["skills"] = list(dict.fromkeys(found[0][1] for found in firsts if found))
    if "languages" in sections:
        entries = (language_entry([t for _, t in lines(item)])
                   for item in top_level_items(sections["languages"]))
        out["languages"] = [e for e in entries if e]
    return out
