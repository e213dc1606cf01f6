"""A captured page made ready for the strategies: head data, embedded data, the profile part.

BeautifulSoup costs about 30 µs per element on these machines, so it never sees a whole page:
scripts, styles, <code> JSON and comments are cut out by regex, lxml finds the top card and
the subject's own sections (not activity, recommendations or "People also viewed"), and only
those are handed to BeautifulSoup.
"""

from dataclasses import dataclass, field

import lxml.html
from bs4 import BeautifulSoup, Tag
from lxml import etree

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.text import clean, fold

_HIDDEN_TEXT = ".//text()[not(ancestor::*[contains(concat(' ', @class, ' '), ' visually-hidden ')])]"
_NAMES = {fold(name): key for key, names in sel.SECTION_NAMES.items() for name in names}
_CLASS_TOKENS = {token: key for key, tokens in sel.SECTION_CLASS_TOKENS.items() for token in tokens}


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


def load(html: str, url: str | None, kind: str) -> Page:
    """Read the head, the embedded data and the profile part of a decoded page."""
    html = sel.CONTROL_CHARS.sub("", html)
    page = Page(html=html, url=url, kind=kind)
    if "ld+json" in html:
        page.json_ld = sel.JSON_LD_BLOCKS.findall(html)
    stripped = sel.NOISE_BLOCKS.sub("", html)
    try:
        doc = lxml.html.document_fromstring(stripped)
    except (etree.ParserError, ValueError):
        return page
    _read_head(page, doc)
    if page.url is None:
        saved = sel.SAVED_FROM.search(html, 0, 4000)
        page.url = (saved.group(1) or saved.group(2)) if saved else None
    _cut_profile(page, doc)
    return page


def _read_head(page: Page, doc: etree._Element) -> None:
    """Title, og:/description meta and the canonical link."""
    titles = doc.xpath(sel.TITLE)
    page.title = clean(titles[0].text_content()) if titles else None
    for key in ("og:title", "og:url", "og:image", "og:description", "description",
                "profile:first_name", "profile:last_name"):
        values = doc.xpath(sel.META_CONTENT, key=key)
        if values and clean(values[0]):
            page.meta[key] = clean(values[0])
    canonical = doc.xpath(sel.CANONICAL)
    page.canonical = clean(canonical[0]) if canonical else None


def _heading_key(section: etree._Element) -> str | None:
    """Which of our sections a <section> is, from its anchor id, class or heading words."""
    for anchor in section.xpath(sel.SECTION_ANCHOR_IDS):
        if anchor in sel.SECTION_NAMES:
            return anchor
    for token in (section.get("class") or "").split():
        if token in _CLASS_TOKENS:
            return _CLASS_TOKENS[token]
    for heading in section.xpath(sel.SECTION_HEADINGS)[:3]:
        text = fold("".join(heading.xpath(_HIDDEN_TEXT)))
        if text:
            return _NAMES.get(text)
    return None


def _cut_profile(page: Page, doc: etree._Element) -> None:
    """Find the top card and our sections with lxml; give BeautifulSoup only those."""
    mains = doc.xpath("//main")
    root = mains[0] if mains else doc
    keyed: dict[etree._Element, str] = {}
    for section in root.iter("section"):
        key = _heading_key(section)
        if key:
            keyed[section] = key
    chosen: dict[str, etree._Element] = {}
    for section, key in keyed.items():
        # A card that wraps other recognised cards (2018 "background" wraps experience and
        # education) is a container, not a section of its own.
        if key in chosen or any(inner in keyed for inner in section.iter("section") if inner is not section):
            continue
        chosen[key] = section
    parts = []
    topcard = _find_topcard(root, keyed) if page.kind == "profile" else None
    if topcard is not None:
        parts.append(("topcard", topcard))
    parts.extend(chosen.items())
    if not parts:
        return
    for key, element in parts:
        for extra in element.xpath(sel.EXTRA_TAB_PANELS):
            extra.drop_tree()
        if key == "skills":
            for insight in element.xpath(sel.SKILL_INSIGHTS):
                if insight.getparent() is not None:
                    insight.drop_tree()
        _slim(element)
    markup = "".join(
        f'<div data-cc-section="{key}">{lxml.html.tostring(element, encoding="unicode", with_tail=False)}</div>'
        for key, element in parts)
    soup = BeautifulSoup(markup, "lxml")
    for wrapper in soup.select("div[data-cc-section]"):
        inner = next((c for c in wrapper.children if isinstance(c, Tag)), None)
        if inner is None:
            continue
        if wrapper["data-cc-section"] == "topcard":
            page.topcard = inner
        else:
            page.sections[wrapper["data-cc-section"]] = inner


def _slim(element: etree._Element) -> None:
    """Drop attributes no strategy reads and whitespace between blocks: fewer soup objects."""
    for el in element.iter():
        if not isinstance(el.tag, str):
            continue
        attrib = el.attrib
        for name in [name for name in attrib if name not in sel.KEPT_ATTRIBUTES]:
            del attrib[name]
        if el.text is not None and not el.text.strip():
            el.text = None
        if el.tail is not None and not el.tail.strip():
            el.tail = " " if el.tag in sel.INLINE_TAGS else None


def _find_topcard(root: etree._Element, keyed: dict) -> etree._Element | None:
    """The card holding the subject's name: the h1's section, or (2026) an h2 in a /in/ link."""
    names = root.xpath(".//h1") or root.xpath(".//a[contains(@href, '/in/')]//h2")
    for name in names:
        section = next((a for a in name.iterancestors("section")), None)
        if section is not None and section not in keyed:
            return section
    return None
