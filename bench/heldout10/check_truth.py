#!/usr/bin/env python3
"""Check bench/heldout10/truth.jsonl against the sources in bench/heldout10/src/.

For every truth line: the source exists and carries the SOURCE line; every number occurs verbatim
and in the listed order (first occurrences); every date occurs as a full date; every slug is in the
taxonomy; every list except `numbers` is sorted and free of duplicates; the region is named in full;
every citation key's number/year occurs. It also lists every full date in a source that the truth
leaves out, with the reason class given below, and fails on a left-out date without a reason.

    python3 bench/heldout10/check_truth.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_check import check  # noqa: E402
SOURCE = "SOURCE: himpun-heldout10 (written for evaluation)"

# full dates that the truth leaves out, per file: ISO date -> reason class
LEFT_OUT = {
    "001": {"2018-06-27": "schedule (voting day)"},
    "002": {"2018-09-23": "schedule (campaign period)", "2019-04-13": "schedule (campaign period)",
            "2019-04-17": "schedule (voting day)"},
    "003": {"2020-12-05": "schedule (campaign period)", "2020-12-09": "schedule (voting day)",
            "2020-10-27": "related-article list", "2020-10-24": "related-article list",
            "2020-10-22": "related-article list"},
    "004": {"2024-04-15": "schedule (cuti bersama)", "2024-04-11": "schedule (Idulfitri holiday)",
            "2024-04-16": "schedule (first working day)", "2024-04-17": "schedule (reporting deadline)"},
    "005": {"2024-08-20": "schedule (registration period)", "2024-09-06": "schedule (registration period)",
            "2024-09-14": "schedule (announcement of results)", "2024-08-16": "sidebar list",
            "2024-08-12": "sidebar list", "2024-08-05": "sidebar list"},
    "006": {"2024-11-24": "schedule (distribution target)", "2024-11-27": "schedule (voting day)",
            "2024-11-16": "related-article list", "2024-11-14": "related-article list",
            "2024-11-12": "related-article list"},
    "007": {"2024-10-19": "violation day"},
    "008": {"2024-10-13": "violation day"},  # K.1/09/2022 in the SKB number is not a date
    "009": {"2024-09-25": "schedule (campaign start)", "2024-11-27": "schedule (voting day)"},
    "010": {},
    "011": {"2024-11-27": "schedule (voting day)"},
    "012": {"2024-10-17": "schedule (ANBK)", "2024-10-11": "schedule (ANBK rehearsal)",
            "2024-10-21": "schedule (bimtek in Sofifi)", "2024-11-27": "schedule (voting day)"},
}


if __name__ == "__main__":
    sys.exit(check(HERE, SOURCE, LEFT_OUT))
