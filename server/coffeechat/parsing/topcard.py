"""Reading a logged-in top card (2021–2026) by the order and look of its lines.

The top card is: name, degree badge(s), headline, company · school, location, "Contact info",
connection counts, calls to action. Class names change every year; that order has not.
"""

from bs4 import Tag

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.entries import location_of
from coffeechat.parsing.text import clean, lines


def degree_of(text: str) -> str | None:
    """"· 1st" → "1st", "2º" → "2nd", "3rd+" → "3rd+", anything else → None."""
    m = sel.DEGREE_BADGE.match(text)
    return {"1": "1st", "2": "2nd", "3": "3rd+"}[m.group(1)] if m else None


def _offers_connect(card: Tag) -> bool:
    """Whether the card's calls to action include Connect, or an invitation still pending
    (so the person is not 1st)."""
    for control in card.find_all(["button", "a"]):
        label = f"{control.get('aria-label') or ''} {control.get_text(' ')}"
        if sel.CONNECT_CTA.search(label) or sel.PENDING_CTA.search(label) or \
                sel.PENDING_CTA.search(control.get_text(" ")):
            return True
    return False


def connection_degree(card: Tag, texts: list[str]) -> str | None:
    """The subject's degree; with several badges the calls to action decide.

    A 2026 card renders "· 1st" and "· 2nd" and hides one with CSS
    (profile-2026-first-degree.html): Message without Connect means a 1st-degree connection.
    """
    badges = list(dict.fromkeys(d for d in map(degree_of, texts) if d))
    if len(badges) <= 1:
        return badges[0] if badges else None
    if _offers_connect(card):
        return next((b for b in badges if b != "1st"), badges[0])
    if card.select_one(f'a[href*="{sel.MESSAGE_CTA_HREF}"]') is not None and "1st" in badges:
        return "1st"
    return badges[0]


def _is_control(element: Tag) -> bool:
    """Whether a line is the label of a call to action ("Verify now", "Open to"): own-profile
    cards put such links between the name and the headline. They are styled as buttons, and
    link to a LinkedIn feature rather than to a member (which is all that is left to see when
    class names are hashed)."""
    for node in (element, *element.parents):
        if node.name == "button":
            return True
        if node.name == "a":
            href = node.get("href") or ""
            return not sel.TOPCARD_CONTROL_CLASSES.isdisjoint(node.get("class") or ()) or \
                bool(sel.TOPCARD_FEATURE_LINK.search(href))
    return False


def read_topcard(card: Tag, name_tag: Tag | None) -> dict:
    """Name, headline, location and degree from a top card whose name element is known."""
    found = lines(card)
    texts = [t for _, t in found]
    out: dict = {"connection_degree": connection_degree(card, texts)}
    if name_tag is None:
        return out
    out["full_name"] = clean(name_tag.get_text(" "))
    start = next((i for i, (el, _) in enumerate(found)
                  if el is name_tag or name_tag in el.parents), None)
    if start is None:
        return out
    following = found[start + 1:]
    # Lines between the name and its degree badge decorate the name (pronouns, custom ones
    # like "Awesome / Incredible" included): the headline always comes after the badge.
    badge = next((i for i, (_, t) in enumerate(following[:sel.TOPCARD_NAME_ROW_LINES + 1])
                  if degree_of(t)), None)
    if badge is not None:
        following = following[badge:]
    after = [(el, t) for el, t in following if not degree_of(t) and not _is_control(el)]
    for _, text in after:
        if not sel.TOPCARD_NOISE.match(text):
            out["headline"] = text
            break
    for i, (el, text) in enumerate(after):
        href = el.get("href") or ""
        if sel.CONTACT_INFO.match(text) or sel.CONTACT_INFO_HREF in href:
            before = [t for _, t in after[:i] if not sel.TOPCARD_NOISE.match(t)]
            if before and before[-1] != out.get("headline"):
                out["location"] = before[-1]
            break
    else:
        out["location"] = _location_without_contact_link([t for _, t in after], out.get("headline"))
    out["photo_url"] = photo_url(card)
    return out


def _location_without_contact_link(texts: list[str], headline: str | None) -> str | None:
    """Public cards have no contact-info link: the place is the first line after the headline
    that reads like one (skipping labels such as a hidden "Location" term)."""
    start = texts.index(headline) + 1 if headline in texts else 0
    for text in texts[start:start + sel.TOPCARD_LOCATION_LINES]:
        if sel.TOPCARD_NOISE.match(text) or sel.SCREEN_READER_LINE.match(text):
            continue
        return location_of(text)
    return None


def photo_url(card: Tag) -> str | None:
    """The member photo: LinkedIn serves it from a profile-displayphoto/framedphoto path.

    Faces inside a link to a people search (the mutual connections) are other people's.
    """
    for img in card.find_all("img"):
        link = img.find_parent("a")
        if link is not None and sel.OTHER_PEOPLE_LINK.search(link.get("href") or ""):
            continue
        for attr in ("src", "data-delayed-url"):
            src = img.get(attr) or ""
            if src.startswith("http") and sel.PHOTO_PATH.search(src):
                return src
    return None
