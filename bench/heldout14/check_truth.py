#!/usr/bin/env python3
"""Check bench/heldout14/truth.jsonl against the sources in bench/heldout14/src/.

For every truth line: the source exists and carries the SOURCE line; every number occurs verbatim
and in the listed order (first occurrences); every date occurs as a full date; every slug is in the
taxonomy; every list except `numbers` is sorted and free of duplicates; the region is named in full;
every citation key's number/year occurs. It also lists every full date in a source that the truth
leaves out, with the reason class given below, and fails on a left-out date without a reason.

    python3 bench/heldout14/check_truth.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_check import check  # noqa: E402
SOURCE = "SOURCE: himpun-heldout14 (written for evaluation)"

# full dates that the truth leaves out, per file: ISO date -> reason class
LEFT_OUT = {
    "001": {"2020-10-18": "violation day"},
    "002": {"2024-09-25": "schedule (leave period = campaign start)",
            "2024-11-23": "schedule (leave period = campaign end)"},
    "003": {"2024-12-31": "data cut-off"},
    "004": {"2024-08-25": "violation day (the declaration)"},
    "005": {"2024-11-27": "schedule (voting day)", "2024-09-10": "related-video list",
            "2024-09-05": "related-video list", "2024-09-02": "related-video list"},
    "006": {"2024-11-27": "schedule (voting day)", "2024-09-28": "related-article list",
            "2024-09-21": "related-article list", "2024-09-14": "related-article list"},
    "007": {"2020-10-31": "violation day", "2020-12-09": "schedule (voting day)",
            "2021-03-09": "related-verdict list", "2021-02-24": "related-verdict list"},
    "008": {"2024-11-27": "schedule (voting day)"},
}


if __name__ == "__main__":
    sys.exit(check(HERE, SOURCE, LEFT_OUT))
