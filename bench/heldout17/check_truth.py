#!/usr/bin/env python3
"""Check bench/heldout17/truth.jsonl against the sources in bench/heldout17/src/.

For every truth line: the source exists and carries the SOURCE line; every number occurs verbatim
and in the listed order (first occurrences); every date occurs as a full date; every slug is in the
taxonomy; every list except `numbers` is sorted and free of duplicates; the region is named in full;
every citation key's number/year occurs. It also lists every full date in a source that the truth
leaves out, with the reason class given below, and fails on a left-out date without a reason.

    python3 bench/heldout17/check_truth.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_check import check  # noqa: E402
SOURCE = "SOURCE: himpun-heldout17 (written for evaluation)"

# full dates that the truth leaves out, per file: ISO date -> reason class
LEFT_OUT = {
    "001": {"2024-02-14": "schedule (voting day)"},
    "002": {"2024-10-25": "reporting deadline"},
    "003": {"2024-11-27": "schedule (voting day)", "2024-10-15": "related list", "2024-10-09": "related list",
            "2024-10-02": "related list"},
    "004": {"2024-10-10": "sidebar list", "2024-10-03": "sidebar list", "2024-09-30": "sidebar list"},
    "005": {"2024-11-04": "agenda (apel day)", "2024-11-27": "schedule (voting day)"},
}


if __name__ == "__main__":
    sys.exit(check(HERE, SOURCE, LEFT_OUT))
