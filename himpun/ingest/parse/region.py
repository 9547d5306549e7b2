"""The region an instrument belongs to: the region of its issuer when one is
known, else the region the text is most about, weighed by how each mention
is made (an office or government of the region counts most, a qualified
name such as "Kota Serang" next, a dateline and a bare name least); and
`nasional` for central instruments and texts about them."""
from __future__ import annotations

import re
from collections import defaultdict

from himpun.ingest.parse.gazetteer import Mention, Region
from himpun.ingest.parse.offices import Office

NATIONAL = "nasional"
_OFFICE_WEIGHT, _QUALIFIED_WEIGHT, _DATELINE_WEIGHT, _BARE_WEIGHT = 5, 3, 2, 1
_MIN_SCORE = 3
_CENTRAL_SCORE, _CENTRAL_LEAD = 9, 3  # how much, and how far ahead of the next, a region must be named to own
# a central office's instrument


def choose_region(text: str, mentions: list[Mention], offices: list[Office], issuers: list[Office],
                  kind: str, national_citations: bool) -> tuple[str | None, str | None]:
    """(region, province) of a document."""
    for office in issuers:
        if office.region:
            return office.region.name, office.region.province
    central = bool(issuers) and all(o.national for o in issuers)
    scores: dict[Region, float] = defaultdict(float)
    first_seen: dict[Region, int] = {}
    office_spans = [(o.start, o.end) for o in offices if o.region]
    for m in mentions:
        cands = m.resolved()
        if any(s <= m.name_start < e for s, e in office_spans):
            weight = _OFFICE_WEIGHT
        elif m.qualifier:
            weight = _QUALIFIED_WEIGHT
        elif _is_dateline(text, m):
            weight = _DATELINE_WEIGHT
        else:
            weight = _BARE_WEIGHT
        for r in cands:
            scores[r] += weight / len(cands) if weight == _BARE_WEIGHT else weight
            first_seen.setdefault(r, m.start)
    if scores:
        best = max(scores, key=lambda r: (scores[r], -first_seen[r]))
        if central:
            # a central office's instrument is national, unless the text is about one region alone (a BKN
            # recommendation to one regency's PPK, a KASN letter on one regency's case)
            rest = max((v for r, v in scores.items() if r != best and r.name != best.province), default=0.0)
            if scores[best] >= _CENTRAL_SCORE and scores[best] >= _CENTRAL_LEAD * rest:
                return best.name, best.province
            return NATIONAL, None
        if scores[best] >= _MIN_SCORE:
            return best.name, best.province
    elif central:
        return NATIONAL, None
    if kind in ("decree", "regulation", "news") or national_citations:
        return NATIONAL, None
    return None, None


def _is_dateline(text: str, m: Mention) -> bool:
    line_start = text.rfind("\n", 0, m.start) + 1
    return m.start - line_start <= 3 and re.match(r"\s*[,(]|\s*[-–—|]", text[m.end:m.end + 4]) is not None
