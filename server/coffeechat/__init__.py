"""coffeechat: a local helper for informational interviews."""

__version__ = "0.1.0"

from coffeechat.parsing import ParseError, parse_page  # noqa: E402  (re-exported entry point)

__all__ = ["ParseError", "__version__", "parse_page"]
