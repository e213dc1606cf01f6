"""LinkedIn page parsing: `parse_page(html, url)` is the one entry point."""

from coffeechat.parsing.dispatch import parse_page
from coffeechat.parsing.errors import ParseError

__all__ = ["ParseError", "parse_page"]
