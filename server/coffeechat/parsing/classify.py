"""Decide what kind of page a capture is before the real parse, cheaply and without a soup.

The URL decides when there is one (given, or written into the saved page by the browser);
otherwise the title, the pageKey meta and a few literal class-name markers do. Anything that
is not a profile, a details sub-page, a people search or a company page is a `ParseError`
whose message says what the page was instead.
"""

import html as htmllib
import re
from urllib.parse import urlsplit

from coffeechat.parsing import selectors as sel
from coffeechat.parsing.errors import ParseError

LOGIN_WALL = "LinkedIn sign-in page: log in and open the profile before saving"
_HEAD_LIMIT = 400_000   # the <head> of a logged-in page can be large, its useful tags are early
_TEXT_CHECK_LIMIT = 200_000  # pages larger than this are never "empty"; don't strip them
_LOGIN_PAGE_LIMIT = 600_000  # sign-in walls are small; big pages skip the marker scan
_SCRIPTS = re.compile(r"<(script|style|template|code|title)\b.*?(?:</\1\s*>|$)", re.I | re.S)
_COMMENTS = re.compile(r"<!--.*?(?:-->|$)", re.S)
_TAGS = re.compile(r"<[^>]*>?")
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\ufffd]")


def classify(html: str, url: str | None = None) -> str:
    """Return "profile", "profile-details", "search-results" or "company", or raise ParseError."""
    text = _as_text(html)
    head = _head(text)
    title = _title(head)
    page_url = url or _url_hint(head)
    host, path = _split_url(page_url)
    linkedin_url = host == "linkedin.com" or host.endswith(".linkedin.com")
    if host and not linkedin_url:
        raise ParseError(f"not a LinkedIn page: the URL is on {host}"
                         + (f" and the title is {title!r}" if title else ""))
    if _is_login_title(title) or (linkedin_url and sel.CLASSIFY_LOGIN_PATH.match(path)) or \
            _is_login_markup(text):
        raise ParseError(LOGIN_WALL)
    error = _error_page(text, head, title)
    if error:
        raise ParseError(f"an error page, not a LinkedIn profile: it says {error!r} (open the "
                         "page again and save it once it shows the person)", kind="error")
    if len(text) <= _TEXT_CHECK_LIMIT and not _visible_text(text):
        raise ParseError("empty page: the capture holds no text (it may have been saved "
                         "before the page finished loading)"
                         + (f"; its title is {title!r}" if title else ""))
    if linkedin_url:
        for pattern, kind in sel.CLASSIFY_URL_KINDS:
            if pattern.match(path):
                return kind
        raise ParseError(_other_kind_message(_other_area(path) or "unknown", title))
    return _classify_by_content(text, head, title)


def _classify_by_content(text: str, head: str, title: str) -> str:
    """Classify a page that does not say its URL (body-only saves, fragments)."""
    key = sel.CLASSIFY_PAGE_KEY.search(head)
    if key:
        for prefix, kind in sel.CLASSIFY_PAGE_KEYS:
            if key.group(1).startswith(prefix):
                return kind
    for pattern, area in sel.CLASSIFY_OTHER_TITLES:
        if pattern.search(title):
            raise ParseError(_other_kind_message(area, title))
    if sel.CLASSIFY_DETAILS_TITLE.search(title):
        return "profile-details"
    if sel.CLASSIFY_SEARCH_TITLE.search(title):
        return "search-results"
    if sel.CLASSIFY_COMPANY_TITLE.search(title):
        return "company"
    # Markers, strongest first: a profile's own top card outranks the lists it shares with
    # details pages, and company/search markup never appears on a profile's top card.
    if any(m in text for m in sel.CLASSIFY_PROFILE_MARKERS):
        return "profile"
    if any(m in text for m in sel.CLASSIFY_COMPANY_MARKERS):
        return "company"
    if any(m in text for m in sel.CLASSIFY_SEARCH_MARKERS):
        return "search-results"
    if any(m in text for m in sel.CLASSIFY_DETAILS_MARKERS):
        return "profile-details"
    linkedin_title = title.rstrip().lower().endswith("linkedin")
    # A member's name heading in a link to their page beside a "· 2nd" badge is LinkedIn's
    # own top card even when a capture kept nothing else (2026 top cards stripped to bare
    # tags); a page merely linking to a profile shows no degree badge.
    top_card = sel.CLASSIFY_NAME_HEADING_LINK.search(text, 0, 2_000_000) is not None and \
        sel.CLASSIFY_DEGREE_BADGE.search(text, 0, 2_000_000) is not None
    if not (linkedin_title or top_card or any(m in text for m in sel.CLASSIFY_LINKEDIN_MARKERS)):
        what = f"the title is {title!r}" if title else "no LinkedIn markup was found"
        raise ParseError(f"not a LinkedIn page: {what}")
    # Hashed-class pages (2026) without a URL: a "<name> | LinkedIn" title is a member's page
    # (its side cards show other people with badges); untitled, several people with degree
    # badges are a result list.
    if linkedin_title and title.count("|") == 1:
        return "profile"
    if len(sel.CLASSIFY_DEGREE_BADGE.findall(text, 0, 2_000_000)) >= 3 and \
            len(set(sel.CLASSIFY_PROFILE_HREF.findall(text))) >= 3:
        return "search-results"
    if top_card or sel.CLASSIFY_NAME_HEADING_LINK.search(text, 0, 2_000_000):
        return "profile"
    raise ParseError(_other_kind_message("unknown", title))


def _error_page(text: str, head: str, title: str) -> str | None:
    """What an error page says ("Page Not Found", "Error response"), else None.

    The title's first part, or on an untitled page its first heading, must be an error
    phrase and nothing else, so that a member whose headline mentions errors is not refused.
    """
    key = sel.CLASSIFY_PAGE_KEY.search(head)
    if key and sel.CLASSIFY_ERROR_PAGE_KEY.search(key.group(1)):
        return title.split("|")[0].strip() or "page not found"
    shown = title.split("|")[0].strip() if title else ""
    if not shown and len(text) <= _LOGIN_PAGE_LIMIT:
        heading = sel.CLASSIFY_FIRST_HEADING.search(text)
        shown = " ".join(htmllib.unescape(_TAGS.sub(" ", heading.group(1))).split()) if heading else ""
    return shown if shown and sel.CLASSIFY_ERROR_TITLE.match(shown) else None


def _as_text(html: object) -> str:
    """The page as text; bytes are decoded, binary data and non-text are refused."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        html = bytes(html).decode("utf-8", "replace")
    if not isinstance(html, str):
        raise ParseError(f"not a page: got {type(html).__name__}, expected HTML text")
    if not html.strip():
        raise ParseError("empty page: the capture holds no HTML")
    sample = html[:4096]
    if "\x00" in sample or len(_CONTROL.findall(sample)) > len(sample) // 20:
        raise ParseError("binary data, not an HTML page")
    return html


def _head(text: str) -> str:
    """The part of the page where <title>, meta and saved-from comments live."""
    end = text.find("</head>", 0, _HEAD_LIMIT)
    if end < 0:
        end = text.find("</HEAD>", 0, _HEAD_LIMIT)
    return text[:end] if end >= 0 else text[:_HEAD_LIMIT // 2]


def _title(head: str) -> str:
    """The first <title>'s text, unescaped and whitespace-collapsed ("" when absent)."""
    m = sel.CLASSIFY_TITLE.search(head)
    return " ".join(htmllib.unescape(m.group(1)).split())[:300] if m else ""


def _url_hint(head: str) -> str | None:
    """The URL the page says it was saved from (save-as comment, canonical link, og:url)."""
    for pattern in sel.CLASSIFY_URL_HINTS:
        m = pattern.search(head)
        if m:
            return htmllib.unescape(m.group(1))
    return None


def _split_url(url: str | None) -> tuple[str, str]:
    """(host without "www.", path) of a URL; ("", "") when there is none or it is garbage."""
    if not url or not isinstance(url, str):
        return "", ""
    try:
        parts = urlsplit(url.strip() if "//" in url else "https://" + url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return "", ""
    return host.removeprefix("www."), parts.path or "/"


def _visible_text(text: str) -> bool:
    """Whether the page has any text a reader would see (scripts and styles excluded)."""
    stripped = _TAGS.sub(" ", _COMMENTS.sub(" ", _SCRIPTS.sub(" ", text)))
    return bool(htmllib.unescape(stripped).strip())


def _is_login_title(title: str) -> bool:
    """Whether the title is a LinkedIn sign-in, sign-up or checkpoint title."""
    if "linkedin" not in title.lower():
        return False
    # Only the first segment counts, and only if it is all sign-in words: a public profile's
    # title carries the member's name and headline, which may say anything.
    words = [w for w in re.findall(r"[\w’']+", title.split("|")[0].casefold())
             if w not in sel.CLASSIFY_LOGIN_FILLERS]
    return bool(words) and all(w in sel.CLASSIFY_LOGIN_WORDS for w in words)


def _is_login_markup(text: str) -> bool:
    """A sign-in form and none of the content we read: logged out, LinkedIn serves its wall
    at the profile's own address. Public pages carry sign-in forms too, beside their content.
    """
    if len(text) > _LOGIN_PAGE_LIMIT or not any(m in text for m in sel.CLASSIFY_LOGIN_MARKERS):
        return False
    content = (sel.CLASSIFY_PROFILE_MARKERS + sel.CLASSIFY_COMPANY_MARKERS
               + sel.CLASSIFY_SEARCH_MARKERS + sel.CLASSIFY_DETAILS_MARKERS)
    return not any(m in text for m in content)


def _other_area(path: str) -> str | None:
    """Name the LinkedIn area a path belongs to ("feed", "messaging", "search (jobs)"…)."""
    for pattern, area in sel.CLASSIFY_OTHER_PATHS:
        m = pattern.match(path)
        if m:
            return area.format(*m.groups())
    return None


def _other_kind_message(area: str, title: str) -> str:
    """The error for a LinkedIn page that is none of the kinds we parse."""
    seen = f"LinkedIn {area} page" if area != "unknown" else "LinkedIn page of an unknown kind"
    if title:
        seen += f" (title {title!r})"
    return f"{seen}: open a profile, a people search or a company page and save that"
