"""Start-up time and resident memory of a process holding a store: ``python -m bench.memory DIR``.

Run in its own process so the numbers are those of a store alone, not of the benchmark.
"""

import json
import sys
import time
from pathlib import Path


def rss_mb(pid: str = "self") -> float:
    """Resident memory (VmRSS) of a process, in MB."""
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main(data_dir: Path) -> dict[str, float]:
    """Open the store in ``data_dir``; return open time, memory before and after, and the count."""
    from coffeechat.store import ProspectStore  # imported first so its cost is not counted as data
    before = rss_mb()
    started = time.perf_counter()
    store = ProspectStore(data_dir, read_only=True)
    open_s = time.perf_counter() - started
    result = {"open_s": open_s, "rss_mb": rss_mb(), "rss_mb_empty": before, "count": store.count()}
    store.close()
    return result


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))
