"""Write the parser's output for fixture pages into their pairs, for a person to review as a diff.

`python -m tests.regenerate NAME [NAME …] [--url URL]` parses tests/fixtures/pages/<kind>/NAME.html
with the address its NAME.json records (or --url, for a new page) and rewrites NAME.json in
stable key order; `--all` does every page. `git diff tests/fixtures` then shows what changed.
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from coffeechat.parsing import ParseError, parse_page
from tests.fixture_pages import all_pages, page_path

NO_URL = object()


def expected_pair(html_path: Path, url: str | None) -> dict[str, Any]:
    """The pair a page's current parse gives: its output, or the refusal's message."""
    try:
        return {"url": url, "expected": parse_page(html_path.read_bytes(), url)}
    except ParseError as exc:
        return {"url": url, "error": exc.message, **({"error_kind": exc.kind} if exc.kind else {})}


def regenerate(html_path: Path, url: Any = NO_URL) -> bool:
    """Rewrite one page's pair; whether its content changed."""
    pair_path = html_path.with_suffix(".json")
    old = pair_path.read_text(encoding="utf-8") if pair_path.exists() else None
    if url is NO_URL:
        url = json.loads(old).get("url") if old else None
    text = json.dumps(expected_pair(html_path, url), ensure_ascii=False, indent=2) + "\n"
    pair_path.write_text(text, encoding="utf-8")
    return text != old


def main(argv: list[str] | None = None) -> int:
    """Command line: regenerate the named pages (or all), say which pairs changed."""
    parser = argparse.ArgumentParser(prog="python -m tests.regenerate", description=__doc__)
    parser.add_argument("names", nargs="*", help="page names, without .html")
    parser.add_argument("--url", help="the address a new page was captured from")
    parser.add_argument("--all", action="store_true", help="regenerate every page")
    args = parser.parse_args(argv)
    if not args.names and not args.all:
        parser.error("name at least one page, or use --all")
    if args.url and (args.all or len(args.names) != 1):
        parser.error("--url goes with exactly one page")
    try:
        paths = all_pages() if args.all else [page_path(name) for name in args.names]
    except FileNotFoundError as exc:
        parser.error(str(exc))
    for path in paths:
        changed = regenerate(path, args.url if args.url else NO_URL)
        pair = path.with_suffix(".json")
        shown = pair.relative_to(Path.cwd()) if pair.is_relative_to(Path.cwd()) else pair
        print(f"{'changed' if changed else 'same   '} {shown}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
