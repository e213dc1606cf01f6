"""Logged-in profiles, 2026 ("SDUI": hashed class names, componentkey attributes, name in h2).

No class name means anything here, so everything is read from structure: the name is the h2
inside the top card's link to /in/…, cards are <section>s named by their h2, items are
separated by <hr>, grouped roles are <li>s, and lines are told apart by what they look like.
"""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.dates import split_date_range
from coffeechat.parsing.dom_base import DomReader
from coffeechat.parsing.entries import (
    Line,
    about_from_lines,
    education_entry,
    experience_entry,
    group_heading,
    language_entry,
    split_header,
)
from coffeechat.parsing.page import Page
from coffeechat.parsing.text import clean, lines
from coffeechat.parsing.topcard import read_topcard
from coffeechat.parsing.urls import canonical_profile_url


def _segments(section: Tag) -> list[list[Line]]:
    """The section's items as lines: cut at each <hr> (2026), else one per top-level <li>
    (every earlier generation), without the heading, "Show all" links and screen-reader labels."""
    heading = section.find(["h1", "h2"])
    found = _readable(lines(section))
    if section.find("hr") is None:
        items = [li for li in section.find_all("li") if _outer_li(li, section) is None]
        if items:
            by_item: dict[int, list[Line]] = {id(li): [] for li in items}
            for el, text in found:
                item = _outer_li(el, section) if el.name != "li" or id(el) not in by_item else el
                if item is not None and not _is_show_all(el):
                    by_item[id(item)].append((el, text))
            return [segment for segment in by_item.values() if segment]
    owner = {id(el): i for i, (el, _) in enumerate(found)}
    cut_after: list[int] = []
    seen = 0
    for node in section.descendants:
        if not isinstance(node, Tag):
            continue
        if node.name == "hr":
            cut_after.append(seen)
        elif id(node) in owner:
            seen = owner[id(node)] + 1
    segments, start = [], 0
    for cut in [*cut_after, len(found)]:
        segment = [(el, t) for el, t in found[start:cut]
                   if not _is_heading(el, heading) and not _is_show_all(el)]
        if segment:
            segments.append(segment)
        start = max(start, cut)
    return segments


def _readable(found: list[Line]) -> list[Line]:
    """Lines without the screen-reader labels and separators a page with readable class names
    hides ("Company Name", "Dates Employed", ","), and each text once where it is doubled."""
    out: list[Line] = []
    for el, text in found:
        if sel.SCREEN_READER_LINE.match(text) or (out and out[-1][1] == text):
            continue
        out.append((el, text))
    return out


def _outer_li(element: Tag, root: Tag) -> Tag | None:
    """The outermost <li> around element below root (element itself excluded)."""
    outer = None
    for parent in element.parents:
        if parent is root:
            return outer
        if parent.name == "li":
            outer = parent
    return outer


def _inner_li(element: Tag, root: Tag | None) -> Tag | None:
    """The nearest <li> at or around element that is not root."""
    for node in (element, *element.parents):
        if node is root:
            return None
        if node.name == "li":
            return node
    return None


def _is_heading(element: Tag, heading: Tag | None) -> bool:
    """Whether a line is the section's own heading."""
    return heading is not None and (element is heading or heading in element.parents)


def _is_show_all(element: Tag) -> bool:
    """Whether a line is the "Show all …" link to a /details/ page."""
    link = element if element.name == "a" else element.find_parent("a")
    return link is not None and sel.DETAILS_LINK in (link.get("href") or "")


def _item_of(segment: list[Line]) -> Tag | None:
    """The top-level <li> a segment was cut from; None for items cut at <hr>."""
    first = segment[0][0]
    outer = _outer_li(first, None)
    return first if outer is None and first.name == "li" else outer


def _experience(segment: list[Line]) -> list[dict]:
    """Roles of one experience item; roles grouped under a company are (nested) <li>s."""
    item = _item_of(segment)
    by_role: dict[int, list[Line]] = {}
    heading: list[str] = []
    for el, text in segment:
        role = _inner_li(el, item)
        if role is None:
            heading.append(text)
        else:
            by_role.setdefault(id(role), []).append((el, text))
    roles = [r for r in by_role.values() if any(split_date_range(t) for _, t in r)]
    if not roles or any(split_date_range(t) for t in heading):
        header, description = split_header(segment)
        entry = experience_entry(header, description)
        return [entry] if entry else []
    group = group_heading(heading)
    out = []
    for role in roles:
        header, description = split_header(role)
        entry = experience_entry(header, description, group)
        if entry:
            out.append(entry)
    return out


def _topcard_company(card: Tag) -> str | None:
    """The current company of the top card's logo entries (company, then school).

    Only when both entries are there: a member without a current position shows the school
    alone (or an empty company entry), and one entry cannot say which of the two it is.
    """
    entries = []
    for logo in card.find_all(sel.SDUI_TOPCARD_ENTRY_LOGO):
        holder = logo.parent
        text = clean(holder.get_text(" ")) if holder is not None else None
        if not text or holder.find(["h1", "h2"]) is not None or \
                logo.find_parent("a") is not None or len(holder.find_all(logo.name)) > 1:
            # cover, photo, mutual connections' faces (links), or an empty entry whose
            # wrappers were unwrapped so that its logo now sits beside the other entry
            continue
        entries.append(text)
    return entries[0] if len(entries) == 2 else None


def _first_line(card: Tag) -> Tag | None:
    """The name when no heading holds it (2019–2020 cards list it as the first item)."""
    return next((el for el, text in lines(card) if not sel.SCREEN_READER_LINE.match(text)
                 and not sel.TOPCARD_NOISE.match(text)), None)


class Structure2026(DomReader):
    """2026 server-driven cards, and any page whose class names say nothing: read by structure."""

    NAME = "dom_2026"
    MARKERS = sel.SDUI_MARKERS

    def applies(self, page: Page) -> bool:
        """Componentkey'd cards, or a capture with every class and componentkey stripped (a
        2026 capture reduced to bare tags and hrefs): either way only structure can be read."""
        classless = page.topcard is not None and all(m.startswith("@") for m in page.markers)
        return classless or super().applies(page)

    def topcard(self, card: Tag) -> dict:
        name = card.select_one(sel.SDUI_NAME) or card.find("h1") or _first_line(card)
        out = read_topcard(card, name)
        # The name is wrapped in a link to the member's own page: their address when the
        # capture kept no canonical link or URL.
        link = name.find_parent("a") if name is not None else None
        out["profile_url"] = canonical_profile_url(link.get("href")) if link else None
        company = _topcard_company(card)
        if company:
            out["current"] = {"title": None, "company": company}
        return out

    def about(self, section: Tag) -> str | None:
        return about_from_lines([t for segment in _segments(section) for _, t in segment])

    def experience(self, section: Tag) -> list[dict]:
        return [role for segment in _segments(section) for role in _experience(segment)]

    def education(self, section: Tag) -> list[dict]:
        entries = (education_entry(split_header(segment)[0]) for segment in _segments(section))
        return [e for e in entries if e]

    def skills(self, section: Tag) -> list[str]:
        return list(dict.fromkeys(segment[0][1] for segment in _segments(section)))

    def languages(self, section: Tag) -> list[dict]:
        entries = (language_entry([t for _, t in segment]) for segment in _segments(section))
        return [e for e in entries if e]


READER = Structure2026()
