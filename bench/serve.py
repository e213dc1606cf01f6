"""Serve the real app, or the naive baseline, under waitress on 127.0.0.1 for the benchmark.

``python -m bench.serve app|naive PATH PORT``: PATH is the data folder (app) or the TinyDB file
(naive). Prints one JSON line ``{"ready": true, "open_s": ...}`` once the app is built.
"""

import json
import sys
import time
from pathlib import Path

import waitress


def main(argv: list[str]) -> None:
    """Build the app named by ``argv`` and serve it until killed."""
    mode, path, port = argv[0], Path(argv[1]), int(argv[2])
    started = time.perf_counter()
    if mode == "app":
        from coffeechat.heap import share_one_heap
        from coffeechat.webapp import create_app
        share_one_heap()  # as `coffeechat serve` does, so the memory measured is the user's
        app = create_app({"data_dir": path, "port": port})
    else:
        from bench.naive import create_naive_app
        app = create_naive_app(path)
    print(json.dumps({"ready": True, "open_s": time.perf_counter() - started}), flush=True)
    waitress.serve(app, host="127.0.0.1", port=port, threads=4, _quiet=True)


if __name__ == "__main__":
    main(sys.argv[1:])
