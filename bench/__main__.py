"""`python -m bench [--quick] [--json]`: what coffeechat costs with 100 and with 50,000 prospects.

Everything is measured in one run, so ratios compare like with like on a noisy machine. Targets
(issue 7) are only read from the results here, never asserted in tests. Results are also written
to bench/results/latest.json.
"""

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

from bench import capture_bench, data, delete_bench, parse_bench
from bench.naive import write_naive_db
from tests import fixture_pages

RESULTS = Path(__file__).resolve().parent / "results"
SMALL, LARGE = 100, 50_000
DASHBOARD = 20_000  # issue 6: the dashboard pages are judged with 20,000 prospects stored

# name, target, "max" or "min": how the report marks each headline number.
TARGETS: tuple[tuple[str, float, str], ...] = (
    ("capture_ratio_50k_vs_100", 1.5, "max"),
    ("speedup_vs_naive_50k", 50, "min"),
    ("list_page_p50_ms", 150, "max"),
    ("dashboard_20k_worst_p50_ms", 150, "max"),
    ("rss_mb_50k", 300, "max"),
    ("server_rss_mb_50k", 300, "max"),
)


def cached_store(n: int, workdir: Path) -> Path:
    """A data folder holding ``n`` generated prospects (generated once, then copied from a cache)."""
    digest = hashlib.sha1(Path(data.__file__).read_bytes()).hexdigest()[:10]
    cache = RESULTS / "cache" / f"store-{n}-{digest}"
    if not (cache / data.DB_FILE).exists():
        shutil.rmtree(cache, ignore_errors=True)
        data.write_store(cache, n)
    target = workdir / f"store-{n}"
    shutil.copytree(cache, target)
    return target


def memory(data_dir: Path) -> dict[str, Any]:
    """Open time and resident memory of a fresh process that opens the store in ``data_dir``."""
    out = subprocess.run([sys.executable, "-m", "bench.memory", str(data_dir)], cwd=data.ROOT,
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def run(quick: bool, log: Callable[[str], None]) -> dict[str, Any]:
    """Every measurement; ``log`` receives progress lines."""
    reps = 15 if quick else 60
    naive_reps = 2 if quick else 5
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="coffeechat-bench-") as tmp:
        work = Path(tmp)
        log(f"preparing stores of {SMALL} and {LARGE} prospects")
        small, large = cached_store(SMALL, work), cached_store(LARGE, work)
        store_bytes = (large / data.DB_FILE).stat().st_size
        log("opening the 50k store in a fresh process (start-up time, resident memory)")
        mem = memory(large)
        log(f"capturing {capture_bench.PAGE} with {SMALL} and with {LARGE} stored; listing and searching")
        app = capture_bench.measure_app(small, large, reps)
        log(f"the dashboard pages with {DASHBOARD} stored (prospects page in every sort, Today)")
        dashboard = capture_bench.measure_dashboard(cached_store(DASHBOARD, work), reps)
        log(f"the insights page with {LARGE} stored (first view, the same again, after an edit)")
        insights = capture_bench.measure_insights(large, reps)
        log(f"the naive path at {LARGE} (html.parser + TinyDB JSONStorage), {naive_reps} captures")
        naive_db = work / "naive.json"
        write_naive_db(naive_db, json.loads((large / data.DB_FILE).read_bytes())["tables"]["prospects"])
        naive = capture_bench.measure_naive(naive_db, naive_reps)
        log(f"deleting prospects from the {LARGE} store (each delete rewrites the store: nothing of the person stays)")
        deleted = delete_bench.measure_delete(large, 3 if quick else 7)
    log(f"parsing {capture_bench.PAGE} alone (the parse share of a capture)")
    page_html = fixture_pages.page_html(capture_bench.PAGE)
    parse_ms = parse_bench.time_parse(page_html, reps)["median_ms"]
    log("parsing every shared fixture and a 3 MB page (median ms per page)")
    per_page = parse_bench.bench(parse_bench.shared_pages(), reps, 3.0)
    p50_small, p50_large = app["capture_small"]["p50_ms"], app["capture_large"]["p50_ms"]
    results: dict[str, Any] = {
        "mode": "quick" if quick else "full",
        "page": capture_bench.PAGE,
        "prospects": LARGE,
        "record_bytes_avg": round(store_bytes / LARGE),
        "capture_p50_ms_100": p50_small,
        "capture_p95_ms_100": app["capture_small"]["p95_ms"],
        "capture_p50_ms_50k": p50_large,
        "capture_p95_ms_50k": app["capture_large"]["p95_ms"],
        "capture_ratio_50k_vs_100": round(p50_large / p50_small, 2),
        "parse_p50_ms": round(parse_ms, 2),
        "parse_p50_ms_by_page": {row["page"]: round(row["median_ms"], 1) for row in per_page},
        "naive_capture_p50_ms_50k": naive["p50_ms"],
        "speedup_vs_naive_50k": round(naive["p50_ms"] / p50_large, 1),
        "list_page_p50_ms": app["list_page"]["p50_ms"],
        "list_page_path": app["list_page_path"],
        "list_sort_p50_ms": {s: v["p50_ms"] for s, v in app["list_sorts"].items()},
        "search_p50_ms": app["search"]["p50_ms"],
        "today_p50_ms": app["today"]["p50_ms"] if "today" in app else None,
        "today_path": app.get("today_path"),
        "insights_p50_ms": insights["again"]["p50_ms"],
        "insights_after_edit_p50_ms": insights["after_edit"]["p50_ms"],
        "insights_first_ms": insights["first_ms"],
        "insights_server_rss_mb_50k": insights["rss_mb"],
        "dashboard_20k_p50_ms": {page: v["p50_ms"] for page, v in dashboard.items()},
        "dashboard_20k_worst_p50_ms": max(v["p50_ms"] for v in dashboard.values()),
        "open_s": round(mem["open_s"], 2),
        "server_open_s": app["server_open_s"],
        "rss_mb_50k": round(mem["rss_mb"], 1),
        "rss_mb_empty": round(mem["rss_mb_empty"], 1),
        "server_rss_mb_50k": app["server_rss_mb"],
        "delete_p50_ms_50k": deleted["delete_p50_ms"],
        "bulk_delete_10_p50_ms_50k": deleted["bulk_delete_10_p50_ms"],
        "reps": {"capture": app["capture_large"]["n"], "naive": naive["n"], "delete": deleted["n"]},
        "elapsed_s": round(time.perf_counter() - started, 1),
    }
    return results


def verdicts(results: dict[str, Any]) -> list[tuple[str, Any, str, str]]:
    """(name, value, target, pass/miss) for each headline number."""
    rows = []
    for name, target, kind in TARGETS:
        value = results.get(name)
        ok = value is not None and (value <= target if kind == "max" else value >= target)
        rows.append((name, value, f"{'≤' if kind == 'max' else '≥'} {target:g}", "pass" if ok else "MISS"))
    return rows


def print_table(results: dict[str, Any]) -> None:
    """The human report: headline numbers with their targets, then every other measurement."""
    targeted = {name for name, _, _ in TARGETS}
    print(f"\ncoffeechat benchmark ({results['mode']}, page {results['page']}, "
          f"{results['record_bytes_avg']} B per stored prospect)\n")
    print(f"{'measure':34} {'value':>12}  {'target':>9}  result")
    for name, value, target, mark in verdicts(results):
        print(f"{name:34} {value!s:>12}  {target:>9}  {mark}")
    for name, value in results.items():
        if name not in targeted and name not in ("mode", "page", "targets"):
            print(f"{name:34} {json.dumps(value, ensure_ascii=False)}")


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, write bench/results/latest.json, print a table or one JSON object."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions (under 2 minutes)")
    parser.add_argument("--json", action="store_true", help="print one JSON object on stdout")
    args = parser.parse_args(argv)

    def log(line: str) -> None:
        print(f"bench: {line}", file=sys.stderr, flush=True)

    results = run(args.quick, log)
    results["targets"] = {name: {"target": target, "result": mark} for name, _, target, mark in verdicts(results)}
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    if args.json:
        print(json.dumps(results, ensure_ascii=False))
    else:
        print_table(results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
