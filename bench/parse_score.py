"""`python -m bench.parse_score [DIR] [--json] [--hash-classes]`: the scoring lives in tests/scoring.py."""

import sys

from tests.scoring import main

if __name__ == "__main__":
    sys.exit(main())
