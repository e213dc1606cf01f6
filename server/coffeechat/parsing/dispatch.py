"""The parser's entry point: classify the page, then hand it to the parser of its kind."""

from typing import Any

from coffeechat.parsing.classify import classify
from coffeechat.parsing.company import parse_company
from coffeechat.parsing.errors import ParseError
from coffeechat.parsing.profile import parse_profile
from coffeechat.parsing.search import parse_search

_PARSERS = {
    "profile": lambda html, url: parse_profile(html, url, "profile"),
    "profile-details": lambda html, url: parse_profile(html, url, "profile-details"),
    "search-results": parse_search,
    "company": parse_company,
}


def decode(html: str | bytes) -> str:
    """Text of a capture: bytes are read as UTF-8, what cannot be read becomes U+FFFD."""
    if isinstance(html, (bytes, bytearray, memoryview)):
        return bytes(html).decode("utf-8", "replace")
    if isinstance(html, str):
        return html
    raise ParseError(f"not a page: expected HTML text, got {type(html).__name__}")


def parse_page(html: str | bytes, url: str | None = None) -> dict[str, Any]:
    """Parse a captured page into a result dict with a "kind" key; only ParseError escapes."""
    text = decode(html)
    if url is not None and not isinstance(url, str):
        raise ParseError(f"the page address must be text, got {type(url).__name__}")
    try:
        kind = classify(text, url)
        return _PARSERS[kind](text, url)
    except ParseError:
        raise
    except Exception as exc:  # garbage input must come out as the one error the API knows
        raise ParseError(f"could not read this page ({type(exc).__name__}); "
                         "it may be truncated or not a LinkedIn page") from exc
