#!/usr/bin/env python3
"""Check bench/heldout12/truth.jsonl against the sources in bench/heldout12/src/.

For every truth line: the source exists and carries the SOURCE line; every number occurs verbatim
and in the listed order (first occurrences); every date occurs as a full date; every slug is in the
taxonomy; every list except `numbers` is sorted and free of duplicates; the region is named in full;
every citation key's number/year occurs. It also lists every full date in a source that the truth
leaves out, with the reason class given below, and fails on a left-out date without a reason.

    python3 bench/heldout12/check_truth.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_check import check  # noqa: E402
SOURCE = "SOURCE: himpun-heldout12 (written for evaluation)"

# full dates that the truth leaves out, per file: ISO date -> reason class
LEFT_OUT = {
    "001": {},
    "002": {"2019-04-06": "violation day"},
    "003": {},
    "004": {},
    "005": {"2023-11-28": "schedule (campaign start)", "2024-02-10": "schedule (campaign end)",
            "2024-02-14": "schedule (voting day)"},
    "006": {},
    "007": {"2024-12-03": "related-article list", "2024-11-12": "related-article list",
            "2024-10-28": "related-article list"},
    "008": {"2024-10-05": "violation day", "2024-10-13": "tracking log (forwarding by the portal admin)",
            "2024-10-14": "tracking log (disposition)", "2024-10-29": "comment (the reporter's reply)",
            "2024-01-18": "related-report list", "2024-09-03": "related-report list"},
    "009": {"2024-09-13": "related-article list", "2024-09-11": "related-article list",
            "2024-09-10": "related-article list"},
    "010": {"2024-09-07": "episode list", "2024-08-24": "episode list"},
    "011": {},
    "012": {},
}


if __name__ == "__main__":
    sys.exit(check(HERE, SOURCE, LEFT_OUT))
