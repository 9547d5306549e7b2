#!/usr/bin/env python3
"""Check bench/heldout11/truth.jsonl against the sources in bench/heldout11/src/.

For every truth line: the source exists and carries the SOURCE line; every number occurs verbatim
and in the listed order (first occurrences); every date occurs as a full date; every slug is in the
taxonomy; every list except `numbers` is sorted and free of duplicates; the region is named in full;
every citation key's number/year occurs. It also lists every full date in a source that the truth
leaves out, with the reason class given below, and fails on a left-out date without a reason.

    python3 bench/heldout11/check_truth.py
"""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from heldout_check import check  # noqa: E402
SOURCE = "SOURCE: himpun-heldout11 (written for evaluation)"

# full dates that the truth leaves out, per file: ISO date -> reason class
LEFT_OUT = {
    "001": {"2014-04-09": "schedule (legislative election day)", "2014-07-09": "schedule (voting day)",
            "2014-07-14": "schedule (reporting deadline)"},  # the fax header's 07/07/2014 is the signing day
    "002": {"2024-08-13": "receipt date on the disposition sheet", "2024-11-27": "schedule (voting day)"},
    "003": {"2024-10-12": "violation day"},
    "004": {},
    "005": {"2024-10-31": "data cut-off"},
    "006": {"2017-02-15": "schedule (voting day)"},
    "007": {"2024-09-25": "schedule (campaign start)", "2024-09-05": "related-article list",
            "2024-09-02": "related-article list", "2024-08-29": "related-article list"},
    "008": {"2015-12-05": "schedule (campaign period)", "2015-12-09": "schedule (voting day)",
            "2015-08-20": "related-article list", "2015-08-18": "related-article list"},
    "009": {"2015-08-03": "related-regulation list", "2023-12-11": "related-regulation list",
            "2024-08-29": "sidebar list", "2024-08-22": "sidebar list", "2024-08-19": "sidebar list"},
    "010": {"1977-03-03": "personal data (birth date)", "2024-10-19": "violation day"},
    "011": {"2024-09-10": "schedule (socialisation event)", "2024-11-27": "schedule (voting day)"},
    "012": {},
}


if __name__ == "__main__":
    sys.exit(check(HERE, SOURCE, LEFT_OUT))
