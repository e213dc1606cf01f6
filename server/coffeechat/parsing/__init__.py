"""LinkedIn page parsing: `parse_page(html, url)` is the one entry point.

A profile result holds `kind`, the person's scalar fields, `current`, the lists `experience`,
`education`, `skills`, `languages`, `sources` (which strategy each field came from) and
`warnings`. A role that LinkedIn groups under its company (the company named once, its roles
beneath it) also carries `company_duration`, the company line's total as shown and in
months: `{"text": "5 yrs 3 mos", "months": 63}` (`months` is None for "less than a year");
roles of their own have no such key. Pages that are not one of the kinds read here raise
`ParseError`, whose message says what was seen and whose `kind` is "error" for error pages.
"""

from coffeechat.parsing.dispatch import parse_page
from coffeechat.parsing.errors import ParseError

__all__ = ["ParseError", "parse_page"]
