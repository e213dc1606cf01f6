"""Company pages (Home and About tabs) across the 2018–2026 generations.

Strategies, in order of trust: JSON-LD `Organization` (public pages) for the name and tagline,
the About tab's label/value pairs (`data-test-id` on public pages, <dt>/<dd> since 2018, label
elements followed by their value on hashed-class pages), JSON-LD again for facts the page does
not show, then the top card and the <title>.
"""

import json
import re
from typing import Any
from urllib.parse import parse_qs, urlsplit

import lxml.html
from bs4 import BeautifulSoup, Tag
from lxml import etree

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.page import strip_noise
from coffeechat.parsing.text import clean, fold, text_of

FIELDS = ("company_name", "tagline", "industry", "company_size", "headquarters", "website",
          "founded", "specialties")
_LABELS = {fold(label): key for key, labels in sel.COMPANY_LABELS.items() for label in labels}
_ABOUT_FIELDS = ("industry", "company_size", "headquarters", "website", "founded", "specialties")


def parse_company(html: str, url: str | None = None) -> dict[str, Any]:
    """Read a company page into name, tagline, industry, size, HQ, website, founded, specialties."""
    found: dict[str, Any] = {}
    sources: dict[str, str] = {}

    def put(key: str, value: Any, source: str) -> None:
        if value and key not in found:
            found[key], sources[key] = value, source

    embedded = _from_json_ld(html)
    # The page's own data names the company; facts keep the wording the page shows (the About
    # tab's "Austin, Texas"), so JSON-LD only fills the facts the page does not show.
    for key in ("company_name", "tagline"):
        put(key, embedded.get(key), "json-ld")
    soup = BeautifulSoup(_company_markup(html), "lxml")
    for key, (value, source) in _about_pairs(soup).items():
        put(key, value, source)
    put("company_name", _first_text(soup, sel.COMPANY_NAME), "dom-top-card")
    put("tagline", _first_text(soup, sel.COMPANY_TAGLINE), "dom-top-card")
    for key, value in embedded.items():
        put(key, value, "json-ld")
    for key, value in _top_card_facts(soup).items():
        put(key, value, "dom-top-card")
    put("company_name", _name_from_title(html), "title")

    result: dict[str, Any] = {"kind": "company"}
    for key in FIELDS:
        result[key] = found.get(key, [] if key == "specialties" else None)
    if isinstance(result["specialties"], str):
        result["specialties"] = split_specialties(result["specialties"])
    result["sources"] = {key: sources.get(key) for key in FIELDS}
    result["warnings"] = _warnings(result)
    return result


def split_specialties(text: str) -> list[str]:
    """ "A, B, and C" (or "A, B e C", "A; B") → ["A", "B", "C"]."""
    parts = [p.strip() for p in re.split(r"\s*[,;\n]\s*", text) if p.strip()]
    if len(parts) > 1:
        last = sel.COMPANY_LIST_CONJUNCTION.sub("", parts[-1])
        if last == parts[-1]:
            # No Oxford comma: only non-English lists end "B e C"; English ones say ", and C".
            last_two = sel.COMPANY_LAST_CONJUNCTION.split(last, maxsplit=1)
            parts[-1:] = [p.strip() for p in last_two if p.strip()]
        else:
            parts[-1] = last
    return [p for p in (clean(p) for p in parts) if p]


def _company_markup(html: str) -> str:
    """The top card and the About facts, cut out with lxml so BeautifulSoup sees little."""
    try:
        doc = lxml.html.document_fromstring(strip_noise(html))
    except (etree.ParserError, ValueError):
        return ""
    mains = doc.xpath(sel.COMPANY_ROOT)
    root = mains[0] if mains else doc
    parts: list[etree._Element] = []
    for h1 in root.xpath(sel.COMPANY_NAME_HEADING)[:1]:
        # The top card: the h1's <section>, else a few levels up (2026 has no sections).
        card = next(h1.iterancestors("section"), None)
        parts.append(card if card is not None else _ancestor(h1, 3))
    parts.extend(root.xpath(sel.COMPANY_FACT_BOXES))
    for text in root.xpath(sel.COMPANY_SHORT_TEXTS):
        if fold(text) in _LABELS and text.getparent() is not None:
            parts.append(_ancestor(text.getparent(), 2))  # the label, its value, their box
    chosen = set(parts)
    outermost = [p for p in dict.fromkeys(parts)
                 if not any(a in chosen for a in p.iterancestors())]
    return "".join(lxml.html.tostring(p, encoding="unicode", with_tail=False)
                   for p in outermost)


def _ancestor(element: etree._Element, levels: int) -> etree._Element:
    """The element `levels` up, stopping below <body>/<main>."""
    for _ in range(levels):
        parent = element.getparent()
        if parent is None or parent.tag in ("body", "main", "html"):
            break
        element = parent
    return element


def _from_json_ld(html: str) -> dict[str, Any]:
    """Fields from a JSON-LD Organization block (public company pages)."""
    if "ld+json" not in html:
        return {}
    for block in sel.JSON_LD_BLOCKS.findall(html):
        try:
            data = json.loads(block)
        except ValueError:
            continue
        for item in _json_ld_items(data):
            types = item.get("@type")
            types = {types} if isinstance(types, str) else set(types or [])
            if types & sel.COMPANY_JSON_LD_TYPES and isinstance(item.get("name"), str):
                return _organization_fields(item)
    return {}


def _json_ld_items(data: Any) -> list[dict]:
    """Top-level JSON-LD objects, including those in an @graph list."""
    items = data if isinstance(data, list) else [data]
    out = []
    for item in items:
        if isinstance(item, dict):
            out.append(item)
            graph = item.get("@graph")
            if isinstance(graph, list):
                out.extend(g for g in graph if isinstance(g, dict))
    return out


def _organization_fields(item: dict) -> dict[str, Any]:
    """Our fields from one schema.org Organization."""
    fields: dict[str, Any] = {"company_name": clean(item.get("name"))}
    if isinstance(item.get("slogan"), str):
        fields["tagline"] = clean(item["slogan"])
    same_as = item.get("sameAs")
    same_as = same_as if isinstance(same_as, list) else [same_as]
    website = next((s for s in same_as if isinstance(s, str) and "linkedin.com" not in s), None)
    fields["website"] = clean(website)
    founded = item.get("foundingDate")
    if isinstance(founded, (str, int)):
        fields["founded"] = clean(str(founded))
    address = item.get("address")
    if isinstance(address, list):
        address = address[0] if address else None
    if isinstance(address, dict):
        parts = [address.get(k) for k in ("addressLocality", "addressRegion")]
        fields["headquarters"] = clean(", ".join(p for p in parts if isinstance(p, str) and p))
    return {k: v for k, v in fields.items() if v}


def _about_pairs(soup: BeautifulSoup) -> dict[str, tuple[Any, str]]:
    """About-tab facts from data-test-id wrappers, then label elements and their values."""
    pairs: dict[str, tuple[Any, str]] = {}
    for box in soup.find_all(attrs={"data-test-id": list(sel.COMPANY_TEST_IDS)}):
        key = sel.COMPANY_TEST_IDS[box["data-test-id"]]
        value = _value_text(box.find("dd") or box, key)
        if value and key not in pairs:
            pairs[key] = (value, "dom-about-us")
    # Walk text nodes, not elements: get_text() on every <div> would be quadratic.
    for string in soup.find_all(string=True):
        key = _LABELS.get(fold(string)) if len(string) < 60 else None
        if not key or key in pairs or any(p.name in sel.COMPANY_NOT_LABEL_PARENTS
                                          for p in string.parents):
            continue
        label = string.parent
        while label.parent is not None and fold(label.parent.get_text()) == fold(string):
            label = label.parent  # <dt><span>Website</span></dt>: the dt is the label
        value_tag = label.find_next_sibling("dd") if label.name == "dt" else _next_value(label)
        value = _value_text(value_tag, key) if value_tag is not None else None
        if value:
            pairs[key] = (value, "dom-definition-list" if label.name == "dt" else "dom-labels")
    return pairs


def _next_value(label: Tag) -> Tag | None:
    """The element after a label that is not a dt/dd: its next sibling, or its parent's."""
    for node in (label, label.parent):
        if node is None:
            continue
        sibling = node.find_next_sibling()
        if sibling is not None:
            return sibling
    return None


def _value_text(tag: Tag | None, key: str) -> str | None:
    """A value's text; a website falls back to its link when the text is empty."""
    if tag is None:
        return None
    text = text_of(tag)
    if key == "website" and not text:
        link = tag.find("a", href=True)
        text = clean(link["href"]) if link else None
    if text and fold(text) in _LABELS:
        return None  # an empty value followed by the next label
    return text


def _first_text(soup: BeautifulSoup, selectors: tuple[str, ...]) -> str | None:
    """Text of the first element matched by the first selector that matches."""
    for selector in selectors:
        tag = soup.select_one(selector)
        text = text_of(tag) if tag is not None else None
        if text:
            return text
    return None


def _top_card_facts(soup: BeautifulSoup) -> dict[str, str]:
    """Industry, headquarters, size and website from the top card, when the About tab was
    not captured (the Home, People or Jobs tab)."""
    facts: dict[str, str | None] = {}
    industry = soup.select_one(sel.COMPANY_TOPCARD_INDUSTRY)
    headquarters = soup.select_one(sel.COMPANY_TOPCARD_HEADQUARTERS)
    if industry is not None or headquarters is not None:
        facts = {"industry": text_of(industry), "headquarters": text_of(headquarters)}
    else:
        shown = [text_of(t) for t in soup.select(sel.COMPANY_TOPCARD_INFO_ITEMS)]
        facts["company_size"] = next((t for t in shown if t and sel.COMPANY_SIZE.match(t)), None)
        items = [t for t in shown if t and not sel.COMPANY_TOPCARD_COUNTS.search(t)]
        facts.update(zip(("industry", "headquarters"), items))
    facts["website"] = _website_button(soup)
    return {k: v for k, v in facts.items() if v}


def _website_button(soup: BeautifulSoup) -> str | None:
    """The address behind the top card's "Visit website" button, out of LinkedIn's redirect."""
    for link in soup.find_all("a", href=True):
        if sel.COMPANY_VISIT_WEBSITE.match(text_of(link) or ""):
            href = link["href"]
            target = parse_qs(urlsplit(href).query).get("url") if "/redir/" in href else None
            return clean(target[0] if target else href)
    return None


def _name_from_title(html: str) -> str | None:
    """The company name from the <title> ("Facebook: About | LinkedIn")."""
    m = sel.CLASSIFY_TITLE.search(html, 0, 400_000)
    title = clean(m.group(1)) if m else None
    name = sel.COMPANY_TITLE_NAME.match(title) if title else None
    return clean(name.group(1)) if name else None


def _warnings(result: dict[str, Any]) -> list[str]:
    """What a user should know about a company read."""
    warnings = []
    if not result["company_name"]:
        warnings.append("no company name found on the page")
    if not any(result[key] for key in _ABOUT_FIELDS):
        warnings.append("no company details found: save the company's About tab for industry, "
                        "size and specialties")
    return warnings
