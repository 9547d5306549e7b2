#!/usr/bin/env python3
"""Check bench/heldout13/truth.jsonl against the sources in bench/heldout13/src/.

For every truth line: the source exists and carries the SOURCE line; every number occurs verbatim
and in the listed order (first occurrences); every date occurs as a full date; every slug is in the
taxonomy; every list except `numbers` is sorted and free of duplicates; the region is named in full;
every citation key's number/year occurs. It also lists every full date in a source that the truth
leaves out, with the reason class given below, and fails on a left-out date without a reason.

    python3 bench/heldout13/check_truth.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_check import check  # noqa: E402
SOURCE = "SOURCE: himpun-heldout13 (written for evaluation)"

# full dates that the truth leaves out, per file: ISO date -> reason class
LEFT_OUT = {
    "001": {"2019-04-06": "violation day"},
    "002": {},
    "003": {"2023-11-28": "schedule (campaign start)", "2024-02-10": "schedule (campaign end)",
            "2024-02-14": "schedule (voting day)"},
    "004": {"2024-01-27": "violation day", "2024-02-14": "schedule (voting day)"},
    "005": {},
    "006": {"2024-02-14": "schedule (voting day)", "2024-01-17": "related-article list",
            "2024-01-12": "related-article list"},
    "007": {"2024-09-16": "meeting agenda (a socialisation event announced in the chat)"},
    "008": {"2024-01-17": "violation day (the day observed)"},
}


if __name__ == "__main__":
    sys.exit(check(HERE, SOURCE, LEFT_OUT))
