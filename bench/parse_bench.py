"""Parse time per fixture: `python -m bench.parse_bench [DIR] [--repeat N] [--json]`.

Prints the median (and fastest) wall time of parse_page for every *.html in DIR (default: the
real shared pages under tests/fixtures/pages), plus a synthetic page of about 3 MB made from the largest profile
fixture padded with <script> and <code> noise, the shape of the heaviest real captures.
Targets on the 2-core CI machines: under 50 ms for every shared page, under 60 ms at 3 MB.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

from coffeechat.parsing import ParseError, parse_page
from tests.fixture_pages import SHARED, page_path

SYNTHETIC_NAME = "synthetic-3mb (largest profile + script/code noise)"


def pad_with_noise(html: str, target_bytes: int) -> str:
    """The page grown to target_bytes with scripts and Voyager-like <code> JSON before </body>."""
    record = {"entityUrn": "urn:li:fsd_update:(x,1)", "text": {"text": "lorem ipsum " * 40},
              "$type": "com.linkedin.voyager.dash.feed.Update"}
    code = ('<code style="display: none" id="bpr-guid-{i}">'
            + json.dumps({"data": {}, "included": [record] * 40}).replace('"', "&quot;")
            + "</code>")
    markup_list = json.dumps(["<div class='x'>y</div>"] * 400)
    script = "<script>window.__noise_{i} = " + markup_list + ";</script>"
    blocks, size, i = [], len(html.encode("utf-8")), 0
    while size < target_bytes:
        block = (code if i % 2 else script).replace("{i}", str(i))
        blocks.append(block)
        size += len(block)
        i += 1
    cut = html.rfind("</body>")
    cut = len(html) if cut < 0 else cut
    return html[:cut] + "".join(blocks) + html[cut:]


def time_parse(html: str, repeat: int) -> dict:
    """Median and fastest parse time in milliseconds, after one warm-up run."""
    def once() -> float:
        start = time.perf_counter()
        try:
            parse_page(html)
        except ParseError:
            pass  # a page that is not a profile still costs what it costs
        return (time.perf_counter() - start) * 1000

    once()
    runs = [once() for _ in range(repeat)]
    return {"median_ms": statistics.median(runs), "min_ms": min(runs)}


def shared_pages() -> list[Path]:
    """The real shared fixture pages."""
    return [page_path(name) for name in SHARED]


def bench(pages: list[Path], repeat: int, target_mb: float) -> list[dict]:
    """Timings of every page and of the synthetic padded page."""
    rows = []
    for path in pages:
        html = path.read_text(encoding="utf-8", errors="replace")
        rows.append({"page": path.name, "bytes": len(html.encode("utf-8")),
                     **time_parse(html, repeat)})
    profiles = [p for p in pages if p.name.startswith("profile")] or pages
    if profiles:
        largest = max(profiles, key=lambda p: p.stat().st_size)
        html = pad_with_noise(largest.read_text(encoding="utf-8", errors="replace"),
                              int(target_mb * 1_000_000))
        rows.append({"page": SYNTHETIC_NAME, "bytes": len(html.encode("utf-8")),
                     **time_parse(html, repeat)})
    return rows


def main(argv: list[str] | None = None) -> int:
    """Command line: time the pages, print a table or JSON."""
    parser = argparse.ArgumentParser(prog="python -m bench.parse_bench", description=__doc__)
    parser.add_argument("directory", nargs="?", type=Path, default=None)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per page")
    parser.add_argument("--target-mb", type=float, default=3.0, help="size of the padded page")
    parser.add_argument("--json", action="store_true", help="print the timings as JSON")
    args = parser.parse_args(argv)
    pages = sorted(args.directory.rglob("*.html")) if args.directory else shared_pages()
    rows = bench(pages, max(args.repeat, 1), args.target_mb)
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    for row in rows:
        print(f"{row['page']:<55} {row['bytes'] / 1e6:6.2f} MB  median {row['median_ms']:6.1f} ms"
              f"  min {row['min_ms']:6.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
