"""Child process for the crash test: saves prospects in a loop and acknowledges each on stdout."""

import sys
from pathlib import Path

from coffeechat.store import ProspectStore


def main(data_dir: str, start: int) -> None:
    store = ProspectStore(Path(data_dir), compact_bytes=200_000)  # small, so compactions happen mid-run too
    page = store.save_page("<html>crash test</html>")
    i = start
    while True:
        parsed = {"kind": "profile", "full_name": f"Person {i}", "headline": "x" * 500,
                  "skills": [f"skill {j}" for j in range(20)]}
        store.save_capture(parsed, f"https://www.linkedin.com/in/p{i}/", "https://www.linkedin.com/in/p/", page)
        print(i, flush=True)  # acknowledged only after the journal write was fsynced
        i += 1


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
