"""Regenerate the three sample workbooks of the fictional Northbridge partnership.

The plans' words are kept in data/*.json; the builders in northbridge/ lay them out, one
module per workbook.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
if str(HERE) not in sys.path:  # run by path or loaded from its file: the builders sit beside it
    sys.path.insert(0, str(HERE))

from northbridge.business_plan import build_business_plan  # noqa: E402
from northbridge.priorities import build_priorities  # noqa: E402
from northbridge.tracker import build_tracker  # noqa: E402

PRIORITIES_FILE = "northbridge_priorities_2025.xlsx"
BUSINESS_PLAN_FILE = "northbridge_business_plan_2025.xlsx"
TRACKER_FILE = "northbridge_tracker_2025.xlsx"


def build_samples(out_dir: Path) -> list[Path]:
    """Write the three sample workbooks into out_dir and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    return [
        build_priorities(out_dir / PRIORITIES_FILE),
        build_business_plan(out_dir / BUSINESS_PLAN_FILE),
        build_tracker(out_dir / TRACKER_FILE),
    ]


def main(argv: Sequence[str] | None = None) -> int:
    """Build the samples next to this script, or into the folder given."""
    args = list(sys.argv[1:] if argv is None else argv)
    out_dir = Path(args[0]) if args else HERE
    for path in build_samples(out_dir):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
