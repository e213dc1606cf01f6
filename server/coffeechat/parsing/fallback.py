"""Last resort for any generation: <title>, og: meta tags, the canonical link, the page URL.

"Janice Jiang | LinkedIn", "(12) Skills | Fabio Brunelli | LinkedIn" (details pages) and
"Name - Title - Company | LinkedIn" (public pages) all give the name; nothing else here is
trusted for more than the name, the address and the photo.
"""

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.page import Page
from coffeechat.parsing.text import clean
from coffeechat.parsing.urls import canonical_profile_url

NAME = "fallback"


def name_from_title(title: str | None) -> str | None:
    """The person's name in a LinkedIn page title, else None."""
    if not title:
        return None
    parts = [p for p in sel.TITLE_SEPARATOR.split(sel.TITLE_NOTIFICATIONS.sub("", title.strip()))
             if p and not sel.TITLE_SITE.match(p.strip())]
    if not parts:
        return None
    # Details pages put the section first ("Skills | Name"): the name is the last part.
    return clean(sel.TITLE_NAME_DASH.split(parts[-1])[0])


def parse(page: Page) -> dict:
    """Name, canonical address and photo from the head of the page."""
    url = (canonical_profile_url(page.canonical) or canonical_profile_url(page.meta.get("og:url"))
           or canonical_profile_url(page.url))
    image = page.meta.get("og:image") or ""
    return {
        "full_name": name_from_title(page.title) or name_from_title(page.meta.get("og:title")),
        "profile_url": url,
        "photo_url": image if sel.PHOTO_PATH.search(image) else None,
    }
