"""Which of our sections a card of the page is: by its anchor id, class, or heading words.

Read on the lxml tree before any soup is built (page.py): ids and class tokens of the
generations that have them, then the card's first headings in every supported language, and
blocks named by a heading inside a card of another name.
"""

from itertools import islice

from lxml import etree

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.text import fold

NAMES = {fold(name): key for key, names in sel.SECTION_NAMES.items() for name in names}
_CLASS_TOKENS = {token: key for key, tokens in sel.SECTION_CLASS_TOKENS.items() for token in tokens}


def heading_key(section: etree._Element) -> str | None:
    """Which of our sections a <section> is, from its anchor id, class or heading words."""
    own_id = sel.SECTION_IDS.get(section.get("id") or "")
    if own_id:
        return own_id
    for anchor in section.xpath(sel.SECTION_ANCHOR_IDS):
        if anchor in sel.SECTION_NAMES:
            return anchor
    for token in (section.get("class") or "").split():
        if token in _CLASS_TOKENS:
            return _CLASS_TOKENS[token]
    for heading in islice(section.iter(*sel.SECTION_HEADINGS), 3):
        text = fold("".join(heading.xpath(sel.HEADING_TEXT)))
        if text:
            return NAMES.get(text) or NAMES.get(_undoubled(text))
    return None


def _undoubled(text: str) -> str:
    """ "experienceexperience" or "experience experience" → "experience": a heading read
    together with its screen-reader twin when the class that hides the twin is hashed."""
    words = text.split()
    half = len(words) // 2
    if len(words) % 2 == 0 and words[:half] == words[half:]:
        return " ".join(words[:half])
    middle = len(text) // 2
    return text[:middle] if len(text) % 2 == 0 and text[:middle] == text[middle:] else text


def keyed_blocks(section: etree._Element, chosen: dict[str, etree._Element]) -> None:
    """Blocks named by a heading inside a card that has another name: 2017–2021 put the
    languages in the accomplishments card ("Accomplishments" → "Languages" block)."""
    for heading in section.iter(*sel.BLOCK_HEADINGS):
        key = NAMES.get(fold("".join(heading.xpath(sel.HEADING_TEXT))))
        if not key or key in chosen:
            continue
        block = next((a for a in heading.iterancestors() if a.find(".//ul") is not None
                      or a.find(".//ol") is not None), None)
        if block is not None and block is not section.getparent():
            chosen[key] = block


def details_list(root: etree._Element) -> dict[str, etree._Element]:
    """A details list saved without its card or heading, keyed by its items' ids."""
    for item in root.xpath(sel.DETAILS_LIST_ITEMS):
        found = sel.DETAILS_LIST_SECTION.search(item.get("id") or "")
        if found and item.getparent() is not None:
            return {found.group(1).lower(): item.getparent()}
    return {}
