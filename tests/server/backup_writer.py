"""Child process for the backup test: saves prospects at a steady pace, compacting often; acknowledges each on stdout."""

import sys
import time
from pathlib import Path

from coffeechat.store import ProspectStore


def main(data_dir: str, count: int) -> None:
    store = ProspectStore(Path(data_dir), compact_bytes=40_000)  # a compaction every ~60 saves
    page = store.save_page("<html>backup test</html>")
    for i in range(count):
        parsed = {"kind": "profile", "full_name": f"Person {i}", "headline": "x" * 200}
        store.save_capture(parsed, f"https://www.linkedin.com/in/p{i}/", "https://www.linkedin.com/in/p/", page)
        print(i, flush=True)  # acknowledged only after the journal write was fsynced
        time.sleep(0.002)
    store.close()


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
