"""What one user action costs over HTTP: capture, list, search, today; real store and naive path."""

import json
import statistics
from pathlib import Path
from typing import Any, Callable

from bench.local import Client, Server
from coffeechat.pairing import get_token
from coffeechat.store.query import SORTS
from tests.fixture_pages import page_html

# The largest shared profile page (a logged-in 2022 profile, 1.8 MB, mostly scripts and JSON).
PAGE = "profile-2022-self"
PAGE_URL = "https://www.linkedin.com/in/kireetagrawal/"
SEARCHES = ("chen", "acme labs", "software engineer", "nobody-is-called-this")
INSIGHTS = "/api/v1/insights?role=engineer"  # a role many generated people held


def capture_body() -> bytes:
    """The capture request the extension sends for the benchmark page."""
    html = page_html(PAGE)
    return json.dumps({"url": PAGE_URL, "html": html}).encode()


def percentile(values: list[float], p: float) -> float:
    """The p-th percentile (nearest rank) of ``values``."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered) + 0.5) - 1))]


def timed(call: Callable[[], tuple[int, bytes, float]], reps: int, warmup: int = 1) -> list[float]:
    """Milliseconds of ``reps`` calls after ``warmup`` unmeasured ones; a failed call stops the run."""
    times = []
    for i in range(warmup + reps):
        status, content, ms = call()
        if status >= 400:
            raise RuntimeError(f"benchmark request failed with {status}: {content[:300]!r}")
        if i >= warmup:
            times.append(ms)
    return times


def summary(times: list[float]) -> dict[str, float]:
    """Median, 95th percentile and count of a list of timings."""
    return {"p50_ms": round(statistics.median(times), 2), "p95_ms": round(percentile(times, 95), 2), "n": len(times)}


def measure_app(small_dir: Path, large_dir: Path, reps: int) -> dict[str, Any]:
    """Captures with the small and the large store, alternated so both see the same machine load;
    then the list page, each sort, searches and today against the large one."""
    body = capture_body()
    out: dict[str, Any] = {}
    with Server("app", small_dir) as small, Server("app", large_dir) as large:
        clients = {"small": Client(small.port, get_token(small_dir)), "large": Client(large.port, get_token(large_dir))}
        out["server_open_s"] = round(large.open_s, 3)
        times: dict[str, list[float]] = {"small": [], "large": []}
        for i in range(reps + 2):
            for name, client in clients.items():
                ms = timed(lambda c=client: c.request("POST", "/api/v1/captures", body), 1, warmup=0)[0]
                if i >= 2:  # the first two warm each server up
                    times[name].append(ms)
        out["capture_small"], out["capture_large"] = summary(times["small"]), summary(times["large"])
        out.update(_reads(clients["large"], reps))
        out["server_rss_mb"] = round(large.rss_mb(), 1)
        for client in clients.values():
            client.close()
    return out


def _reads(client: Client, reps: int) -> dict[str, Any]:
    """The list page (dashboard or its JSON twin), each sort, searches and today, p50 of each."""
    out: dict[str, Any] = {}
    status, _, _ = client.request("GET", "/")
    # The dashboard's prospects page when it exists, else its JSON twin.
    page = "/" if status == 200 else "/api/v1/prospects?limit=50"
    out["list_page_path"] = page
    out["list_page"] = summary(timed(lambda: client.request("GET", page), reps))
    out["list_sorts"] = {
        sort: summary(timed(lambda s=sort: client.request("GET", f"/api/v1/prospects?limit=50&sort={s}"), reps))
        for sort in [f"-{s}" if s in ("updated", "created") else s for s in SORTS]}
    per_query = max(2, reps // len(SEARCHES))
    times = [t for q in SEARCHES for t in timed(
        lambda q=q: client.request("GET", f"/api/v1/prospects?limit=50&q={q.replace(' ', '+')}"), per_query)]
    out["search"] = summary(times)
    for path in ("/api/v1/today", "/today", "/api/v1/followups/today"):
        status, _, _ = client.request("GET", path)
        if status == 200:
            out["today_path"] = path
            out["today"] = summary(timed(lambda p=path: client.request("GET", p), reps))
            break
    return out


def measure_dashboard(data_dir: Path, reps: int) -> dict[str, Any]:
    """The dashboard's HTML pages as a person opens them: the prospects page (first 50 rows) in
    every sort, Today, the board, a search, companies and one prospect's page."""
    with Server("app", data_dir) as server:
        client = Client(server.port, get_token(data_dir))
        sorts = [f"-{s}" if s in ("updated", "created") else s for s in SORTS]
        out = {f"prospects_{sort}": summary(timed(lambda s=sort: client.request("GET", f"/?sort={s}"), reps))
               for sort in sorts}
        out["today"] = summary(timed(lambda: client.request("GET", "/today"), reps))
        # Issue 15's pages: the board, a search over everything remembered, companies, one person.
        out["board"] = summary(timed(lambda: client.request("GET", "/board"), reps))
        out["search_everything"] = summary(timed(lambda: client.request("GET", "/?q=university+python"), reps))
        out["companies"] = summary(timed(lambda: client.request("GET", "/companies"), reps))
        out["prospect"] = summary(timed(lambda: client.request("GET", "/prospects/1"), reps))
        client.close()
    return out


def measure_insights(data_dir: Path, reps: int) -> dict[str, Any]:
    """The insights page's JSON twin in a server of its own (its cache would blur the other memory
    numbers): the first request, which reduces every prospect once; the same view again; and the view
    after one prospect changed (only that one is reduced again, the counts are redone)."""
    with Server("app", data_dir) as server:
        client = Client(server.port, get_token(data_dir))
        first = timed(lambda: client.request("GET", INSIGHTS), 1, warmup=0)[0]
        again = summary(timed(lambda: client.request("GET", INSIGHTS), reps))
        edits = []
        for i in range(max(3, reps // 3)):
            body = json.dumps({"tags": [f"bench-{i}"]}).encode()
            timed(lambda b=body: client.request("PATCH", "/api/v1/prospects/1", b), 1, warmup=0)
            edits += timed(lambda: client.request("GET", INSIGHTS), 1, warmup=0)
        out = {"first_ms": round(first, 1), "again": again, "after_edit": summary(edits),
               "rss_mb": round(server.rss_mb(), 1)}
        client.close()
    return out


def measure_naive(db_path: Path, reps: int) -> dict[str, Any]:
    """The same capture on the naive path; each one rewrites the whole TinyDB file, so few reps."""
    body = capture_body()
    with Server("naive", db_path) as server:
        client = Client(server.port)
        result = summary(timed(lambda: client.request("POST", "/captures", body), reps, warmup=0))
        client.close()
    return result
