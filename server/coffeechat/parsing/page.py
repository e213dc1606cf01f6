"""A captured page made ready for the strategies: head data, embedded data, the profile part.

BeautifulSoup costs about 30 µs per element on these machines, so it never sees a whole page:
scripts, styles, <code> JSON and comments are cut out by regex, lxml finds the top card and
the subject's own sections (not activity, recommendations or "People also viewed"), and only
those are handed to BeautifulSoup.
"""

import html as htmlmod
from dataclasses import dataclass, field

import lxml.html
from bs4 import BeautifulSoup, Tag
from lxml import etree

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.sections import details_list, heading_key, keyed_blocks
from coffeechat.parsing.text import clean

_PARSER = lxml.html.HTMLParser(encoding="utf-8")


@dataclass
class Page:
    """What every strategy may read; the DOM parts are None when the page had none."""

    html: str
    url: str | None
    kind: str
    title: str | None = None
    meta: dict[str, str] = field(default_factory=dict)
    canonical: str | None = None
    json_ld: list[str] = field(default_factory=list)
    topcard: Tag | None = None
    sections: dict[str, Tag] = field(default_factory=dict)
    # Class tokens and "@attribute" names present in the profile part: how strategies tell
    # the page's generation without running selectors over it.
    markers: set[str] = field(default_factory=set)

    def has_marker(self, markers: frozenset[str]) -> bool:
        """Whether any of these class tokens or "@attribute" names occurs in the profile part."""
        return not self.markers.isdisjoint(markers)


def load(html: str, url: str | None, kind: str) -> Page:
    """Read the head, the embedded data and the profile part of a decoded page."""
    page = Page(html=html, url=url, kind=kind)
    if "ld+json" in html:
        page.json_ld = sel.JSON_LD_BLOCKS.findall(html)
    if page.url is None:
        saved = sel.SAVED_FROM.search(html, 0, 4000)
        page.url = (saved.group(1) or saved.group(2)) if saved else None
    stripped = strip_noise(html)
    head_end = stripped.find("<body")
    _read_head(page, stripped[:head_end] if head_end > 0 else stripped[:20_000])
    # The subject's cards all sit in <main> when there is one: only that part is parsed.
    main = sel.MAIN_START.search(stripped)
    main_end = stripped.rfind("</main>")
    if main and main_end > main.start():
        stripped = stripped[main.start():main_end + len("</main>")]
    elif head_end > 0:
        stripped = stripped[head_end:]
    doc = _tree(stripped)
    if doc is not None:
        _cut_profile(page, doc)
    return page


def _tree(markup: str) -> etree._Element | None:
    """An lxml tree of markup, or None when there is nothing to parse."""
    # lxml refuses control characters and U+FFFE/U+FFFF in any text it is later handed back
    # (damaged pages): they go here, cheaply, on the bytes.
    if "\ufffe" in markup or "\uffff" in markup:
        markup = markup.replace("\ufffe", "").replace("\uffff", "")
    data = markup.encode("utf-8", "replace").translate(None, sel.CONTROL_BYTES)
    try:
        return lxml.html.document_fromstring(data, parser=_PARSER)
    except (etree.ParserError, ValueError):
        return None


def strip_noise(html: str) -> str:
    """Cut scripts, styles, <code> JSON, SVG and comments out of raw HTML."""
    pieces, pos = [], 0
    for m in sel.NOISE_START.finditer(html):
        if m.start() < pos:
            continue  # inside a block already cut
        tag = m.group(1)
        closing = f"</{tag}>" if tag else "-->"
        end = html.find(closing, m.end())
        pieces.append(html[pos:m.start()])
        pos = len(html) if end < 0 else end + len(closing)
    pieces.append(html[pos:])
    return "".join(pieces)


def _read_head(page: Page, head: str) -> None:
    """Title, og:/description meta and the canonical link, read by regex.

    Saved heads reach 0.7 MB of origin-trial meta tags (details-skills-2025.html): a tree of
    them would cost as much as the profile part itself.
    """
    title = sel.HEAD_TITLE.search(head)
    page.title = clean(htmlmod.unescape(title.group(1))) if title else None
    for tag in sel.HEAD_TAGS.finditer(head):
        if not any(word in tag.group(0) for word in sel.HEAD_WANTED):
            continue  # origin-trial tokens and the like: never read, often huge
        attrs = {name.lower(): htmlmod.unescape(value.strip("\"'"))
                 for name, value in sel.HEAD_ATTRIBUTES.findall(tag.group(0))}
        if tag.group(1).lower() == "link":
            if attrs.get("rel", "").lower() == "canonical" and page.canonical is None:
                page.canonical = clean(attrs.get("href"))
            continue
        key = (attrs.get("property") or attrs.get("name") or "").lower()
        if key in sel.HEAD_META_KEYS and clean(attrs.get("content")):
            page.meta.setdefault(key, clean(attrs["content"]))


def _cut_profile(page: Page, doc: etree._Element) -> None:
    """Find the top card and our sections with lxml; give BeautifulSoup only those."""
    mains = doc.xpath("//main")
    root = mains[0] if mains else doc
    keyed: dict[etree._Element, str] = {}
    for section in root.iter("section"):
        key = heading_key(section)
        if key:
            keyed[section] = key
    chosen: dict[str, etree._Element] = {}
    for section, key in keyed.items():
        # A card that wraps other recognised cards (2018 "background" wraps experience and
        # education) is a container, not a section of its own.
        inner = (other for other in section.iter("section") if other is not section)
        if key in chosen or any(other in keyed for other in inner):
            continue
        chosen[key] = section
    for section in root.iter("section"):
        if section not in keyed:
            keyed_blocks(section, chosen)
    if not chosen and page.kind == "profile-details":
        chosen = details_list(root)
    parts = []
    topcard = _find_topcard(root, keyed) if page.kind == "profile" else None
    if topcard is not None:
        parts.append(("topcard", topcard))
    parts.extend(chosen.items())
    if not parts:
        return
    for key, element in parts:
        panels = element.xpath(sel.TABS)
        first_panel = next((p for p in panels if p.get("role") == "tabpanel"), None)
        for extra in panels:
            if extra is not first_panel:
                extra.drop_tree()
        if key == "skills":
            for insight in element.xpath(sel.SKILL_INSIGHTS):
                if insight.getparent() is not None:
                    insight.drop_tree()
        _slim(element, page.markers, keep_controls=key == "topcard")
    markup = b"".join(
        b'<div data-cc-section="%s">%s</div>'
        % (key.encode(), lxml.html.tostring(element, encoding="utf-8", with_tail=False))
        for key, element in parts)
    soup = BeautifulSoup(markup, "lxml", from_encoding="utf-8")
    body = soup.body or soup
    for wrapper in body.find_all("div", attrs={"data-cc-section": True}, recursive=False):
        inner = next((c for c in wrapper.children if isinstance(c, Tag)), None)
        if inner is None:
            continue
        if wrapper["data-cc-section"] == "topcard":
            page.topcard = inner
        else:
            page.sections[wrapper["data-cc-section"]] = inner


def _slim(element: etree._Element, markers: set[str], *, keep_controls: bool) -> None:
    """Drop what no strategy reads (empty wrappers, hidden duplicates, controls, attributes).

    The soup costs per element, so this halves parse time; buttons stay in the top card,
    where the call to action tells a 1st-degree connection from others.
    """
    dropped = f"{sel.DROP_EMPTY} | {sel.DROP_MEDIA}"
    if not keep_controls:
        dropped += f" | {sel.DROP_CONTROLS}"
    for el in element.xpath(dropped):
        if el is not element:
            el.drop_tree()
    for el in list(element.iter(*sel.WRAPPER_TAGS)):
        # A wrapper around a single element adds nothing a strategy reads: the line and
        # block structure (elements with text or several children) stays as it was.
        if (el is not element and len(el) == 1 and not (el.text or "").strip()
                and not (el[0].tail or "").strip() and _is_plain(el)):
            el.drop_tag()
    names = {value.attrname for value in element.xpath(".//@*")}
    odd = {name for name in names if not sel.XML_NAME.match(name)}
    etree.strip_attributes(element, *(names - odd - sel.KEPT_ATTRIBUTES))
    if odd:  # names lxml refuses to look up (damaged pages): rebuild those elements' attributes
        for el in element.iter():
            if isinstance(el.tag, str) and not odd.isdisjoint(el.attrib.keys()):
                kept = {k: v for k, v in el.attrib.items() if k in sel.KEPT_ATTRIBUTES}
                el.attrib.clear()
                el.attrib.update(kept)
    markers.update("@" + name for name in names & sel.KEPT_ATTRIBUTES)
    markers.update(" ".join(element.xpath(".//@class")).split())
    for el in element.iter():
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = " " if el.tag in sel.INLINE_TAGS else None


def _block_about_one(name: etree._Element) -> etree._Element | None:
    """The largest block around a name that links to no other member, for top cards saved
    without any <section> (2026 captures stripped to bare divs): the card ends where
    "People also viewed" or another member's card begins."""
    own = {_slug(href) for href in name.xpath(sel.TOPCARD_OWN_LINK)}
    block = None
    for ancestor in name.iterancestors():
        if ancestor.tag == "html" or \
                {_slug(href) for href in ancestor.xpath(sel.TOPCARD_MEMBER_LINKS)} - own:
            break
        block = ancestor
    if block is not None and block.tag == "body":
        block.tag = "div"  # the capture is the card itself: a <body> cannot nest in the soup
    return block


def _slug(href: str) -> str:
    """The member part of a /in/ address ("jane-doe" for …/in/jane-doe/?lipi=…)."""
    return href.split("/in/", 1)[-1].split("/", 1)[0].split("?", 1)[0].lower()


def _is_plain(el: etree._Element) -> bool:
    """Whether an element carries no attribute or class a strategy looks for."""
    if any(name in sel.STRUCTURAL_ATTRIBUTES for name in el.attrib):
        return False
    return sel.STRUCTURAL_CLASSES.isdisjoint((el.get("class") or "").split())


def _find_topcard(root: etree._Element, keyed: dict) -> etree._Element | None:
    """The card holding the subject's name: the h1's section, (2026) an h2 in a /in/ link,
    or (2019–2020, name in a list item) the card with the contact-info link.

    A card that also holds the contact-info link wins over an earlier heading elsewhere.
    """
    names = (root.xpath(sel.TOPCARD_NAME) or root.xpath(sel.TOPCARD_NAME_2026)
             or root.xpath(sel.TOPCARD_CONTACT_LINK))
    cards = []
    for name in names:
        section = next(name.iterancestors("section"), None)
        if section is None:
            section = _block_about_one(name)
        if section is not None and section not in keyed and section not in cards:
            cards.append(section)
    with_contact = (card for card in cards if card.xpath(sel.TOPCARD_CONTACT_LINK))
    return next(with_contact, cards[0] if cards else None)
