"""People search results: one entry per member card, across the 2019–2026 generations.

The results list is cut out of the raw page by string position (a logged-in search page is
mostly scripts and navigation) and only that part goes to BeautifulSoup. Cards of the
class-named generations are read field by field; hashed-class pages (2025–2026) are read from
each card's lines of text around its link to /in/.
"""

from typing import Any

from bs4 import BeautifulSoup, Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.page import strip_noise
from coffeechat.parsing.text import clean, lines, text_of
from coffeechat.parsing.urls import canonical_profile_url

_DEGREES = {"1": "1st", "2": "2nd", "3": "3rd+"}
_ANONYMOUS = "anonymous"  # what a card reader returns for an unnamed out-of-network member
_CARD_TEXT_LIMIT = 3000  # a search card holds a few hundred characters; more is the page
_STOP_CLIMB = frozenset({"body", "html", "main", "[document]"})


def parse_search(html: str, url: str | None = None) -> dict[str, Any]:
    """Read a people search page (or a fragment of one) into results and warnings."""
    soup = BeautifulSoup(_results_markup(html), "lxml")
    strategy, people = None, []
    for generation in sel.SEARCH_GENERATIONS:
        cards = _outermost(soup.find_all(class_=generation["card"]))
        people = [_read_classed_card(card, generation) for card in cards]
        if any(p is not None for p in people):
            strategy = generation["strategy"]
            break
    if strategy is None:
        # Hashed class names (2025–2026), or class-named cards whose fields moved.
        cards = _generic_cards(soup)
        strategy, people = "dom-profile-links", [_read_card_lines(c) for c in cards]
        people += [_ANONYMOUS] * _unlinked_anonymous(soup, cards)
    anonymous = sum(1 for p in people if p == _ANONYMOUS)
    results = _dedupe([p for p in people if isinstance(p, dict)])
    warnings = []
    if anonymous:
        warnings.append(
            f"{anonymous} results are out-of-network LinkedIn Members and were skipped"
            if anonymous > 1 else
            "1 result is an out-of-network LinkedIn Member and was skipped")
    if not results:
        warnings.append("no people found in the search results")
    return {"kind": "search-results", "results": results,
            "sources": {"results": strategy if results else None}, "warnings": warnings}


def _results_markup(html: str) -> str:
    """The part of the page holding the results list, without scripts, styles and icons."""
    html = strip_noise(html)  # first, so markers inside scripts and JSON are gone too
    start, end = 0, len(html)
    positions = [p for p in (_marker_in_tag(html, m) for m in sel.SEARCH_LIST_MARKERS) if p >= 0]
    if positions:
        first = min(positions)
        # Back up to the list that holds the first card, or at least to the card's own tag.
        ul = html.rfind(sel.SEARCH_LIST_OPEN, max(0, first - 3000), first)
        start = ul if ul >= 0 else first
    elif (main := html.find(sel.SEARCH_ROOT_OPEN)) >= 0:
        start = main
    close = html.find(sel.SEARCH_ROOT_CLOSE, start)
    if close >= 0:
        end = close
    return html[start:end]


def _marker_in_tag(html: str, marker: str) -> int:
    """Where the tag whose attributes hold `marker` starts (not text that mentions it), or -1."""
    pos = html.find(marker)
    for _ in range(20):
        if pos < 0:
            return -1
        tag_start = html.rfind("<", max(0, pos - 2000), pos)
        if tag_start >= 0 and ">" not in html[tag_start:pos]:
            return tag_start
        pos = html.find(marker, pos + len(marker))
    return -1


def _outermost(cards: list[Tag]) -> list[Tag]:
    """Cards not nested in another matched card (a <li> and its entity-result div)."""
    chosen = set(map(id, cards))
    return [c for c in cards if not any(id(p) in chosen for p in c.parents)]


def _read_classed_card(card: Tag, generation: dict) -> dict[str, Any] | str | None:
    """One card of a class-named generation; _ANONYMOUS for a "LinkedIn Member", None if empty."""
    def field(key: str) -> Tag | None:
        return card.find(class_=generation[key])

    holder = field("link")
    link = holder if holder is not None and holder.name == "a" else (
        holder.find("a", href=True) if holder is not None else None)
    if link is None or not canonical_profile_url(link.get("href")):
        link = next(iter(_profile_links(card)), link)  # the link sits beside the name
    href = link.get("href") if link is not None else None
    name_holder = field("name")
    name_tag = name_holder.find("a") if name_holder is not None else None
    name = text_of(name_tag if name_tag is not None else name_holder)
    if _is_anonymous(name, href, card):
        return _ANONYMOUS
    if not name or not isinstance(href, str) or not canonical_profile_url(href):
        return None
    return {
        "full_name": name,  # the same name as a profile's, so one word means one thing across layers
        "profile_url": canonical_profile_url(href),
        "headline": text_of(field("headline")),
        "location": text_of(field("location")),
        "connection_degree": _degree(text_of(field("degree"))),
    }


def _is_anonymous(name: str | None, href: object, card: Tag) -> bool:
    """Whether a card is an out-of-network member LinkedIn does not name."""
    if name and sel.SEARCH_ANONYMOUS_NAMES.match(name):
        return True
    if isinstance(href, str) and sel.SEARCH_ANONYMOUS_HREF in href:
        return True
    return sel.SEARCH_ANONYMOUS_URN in str(card.get("data-chameleon-result-urn", ""))


def _degree(text: str | None) -> str | None:
    """ "• 3rd+", "2nd", "3rd", "1º" → "1st" / "2nd" / "3rd+"; None when not a badge."""
    if not text:
        return None
    m = sel.DEGREE_BADGE.match(text)
    return _DEGREES.get(m.group(1)) if m else None


def _generic_cards(soup: BeautifulSoup) -> list[Tag]:
    """Cards of a page without readable class names: by data attributes, else by links."""
    return (_outermost(soup.select(sel.SEARCH_CARD_ATTRS)) or _cards_in_list(soup)
            or _cards_around_profile_links(soup))


def _cards_in_list(soup: BeautifulSoup) -> list[Tag]:
    """The repeated siblings that each link to a different profile: the results list.

    A card may link to other people too (a mutual connection), so cards are not "regions
    holding one profile"; they are the same-shaped children of one element, each leading with
    its own profile link. Ties go to the element holding more links (the list, not a card).
    """
    children_of: dict[int, tuple[Tag, dict[int, tuple[Tag, str | None]]]] = {}
    links_under: dict[int, int] = {}
    for link in _profile_links(soup):
        profile, child = canonical_profile_url(link["href"]), link
        for parent in link.parents:
            children_of.setdefault(id(parent), (parent, {}))[1].setdefault(
                id(child), (child, profile))  # links come in page order: first one leads
            links_under[id(parent)] = links_under.get(id(parent), 0) + 1
            child = parent
    best, best_key = [], (1, 0)
    for key, (_, children) in children_of.items():
        shapes: dict[tuple, list[tuple[Tag, str | None]]] = {}
        for child, profile in children.values():
            shapes.setdefault((child.name, tuple(child.get("class") or ())), []).append(
                (child, profile))
        same_shape = max(shapes.values(), key=len)
        rank = (len({profile for _, profile in same_shape}), links_under[key])
        if rank > best_key:
            best, best_key = [child for child, _ in same_shape], rank
    return best if best_key[0] >= 2 else []


def _unlinked_anonymous(soup: BeautifulSoup, cards: list[Tag]) -> int:
    """Anonymous members outside the cards found by links: their cards have no /in/ link."""
    inside = set(map(id, cards))
    return sum(1 for s in soup.find_all(string=sel.SEARCH_ANONYMOUS_NAMES_TEXT)
               if not any(id(p) in inside for p in s.parents))


def _profile_links(root: Tag) -> list[Tag]:
    """Anchors in `root` that point at a member profile."""
    return [a for a in root.find_all("a", href=True)
            if isinstance(a["href"], str) and sel.SEARCH_PROFILE_HREF.match(a["href"])]


def _cards_around_profile_links(soup: BeautifulSoup) -> list[Tag]:
    """Climb from each profile link to the largest element that holds only that person."""
    links = [(a, canonical_profile_url(a["href"])) for a in _profile_links(soup)]
    people_under: dict[int, set] = {}  # id(element) → the profiles linked inside it
    for link, slug in links:
        for ancestor in link.parents:
            people_under.setdefault(id(ancestor), set()).add(slug)
    cards: list[Tag] = []
    seen: set[int] = set()
    for link, slug in links:
        card = link
        while card.parent is not None and card.parent.name not in _STOP_CLIMB:
            parent = card.parent
            if people_under.get(id(parent)) != {slug} or \
                    len(parent.get_text()) > _CARD_TEXT_LIMIT:
                break
            card = parent
            if card.name == sel.SEARCH_ITEM_TAG or card.get("role") == sel.SEARCH_ITEM_ROLE:
                break
        if id(card) not in seen and card is not link:
            seen.add(id(card))
            cards.append(card)
    return _outermost(cards)


def _split_degree(line: str) -> tuple[str, str | None]:
    """ "Name • 2nd" → ("Name", "2nd"); "• 2nd" → ("", "2nd"); other lines unchanged."""
    if _degree(line):
        return "", _degree(line)
    both = sel.SEARCH_NAME_WITH_DEGREE.match(line)
    if both and _degree(both.group(2)):
        return both.group(1), _degree(both.group(2))
    return line, None


def _card_lines(root: Tag) -> list[tuple[str, str | None]]:
    """A card's visible lines as (text without badge, badge), noise dropped."""
    out = []
    for _, raw in lines(root):
        text, degree = _split_degree(clean(raw) or "")
        if degree or (text and not sel.SEARCH_NOISE_LINE.match(text)):
            out.append((text, degree))
    return out


def _link_name(card: Tag, profile: str | None) -> str | None:
    """The name as the text of a link to the card's own profile, when it is one line.

    Cards link the person twice (photo block, name line), and the photo block may carry a
    badge glued to the name ("Kevin Smith is open to work", 2026 search cards): of the
    one-line link texts the shortest is the bare name.
    """
    names = []
    for link in _profile_links(card):
        if canonical_profile_url(link["href"]) != profile:
            continue  # a mutual connection's link, not the card's person
        texts = [text for text, _ in _card_lines(link) if text]
        if len(texts) == 1:
            names.append(texts[0])
    return min(names, key=len) if names else None


def _read_card_lines(card: Tag) -> dict[str, Any] | str | None:
    """Name, degree, headline and location from a card's lines of text, in that order."""
    link = next(iter(_profile_links(card)), None)  # photo or name: first in every generation
    href = link["href"] if link else None
    card_lines = _card_lines(card)
    hint = _link_name(card, canonical_profile_url(href))
    if hint not in (text for text, _ in card_lines):
        hint = None  # the link wraps more than the name: fall back to line order
    name = degree = headline = location = None
    for text, badge in card_lines:
        if sel.SEARCH_STOP_LINE.match(text):
            break
        degree = degree or badge
        if not text or text in (name, headline) or (hint and name is None and text != hint):
            continue  # lines before the linked name are badges or labels, not the headline
        if name is None:
            name = text
        elif headline is None:
            headline = text
        elif location is None:
            location = text
            break
    if _is_anonymous(name, href, card):
        return _ANONYMOUS
    if not name or not canonical_profile_url(href):
        return None
    return {"full_name": name, "profile_url": canonical_profile_url(href), "headline": headline,
            "location": location, "connection_degree": degree}


def _dedupe(results: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One entry per profile, in page order (pages repeat cards in hidden carousels)."""
    seen: set[str] = set()
    out = []
    for person in results:
        key = person["profile_url"]
        if key and key not in seen and person["full_name"]:
            seen.add(key)
            out.append(person)
    return out
