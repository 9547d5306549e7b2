"""How the index's segments are merged: small ones together, large ones never.

Whoosh's default policy (MERGE_SMALL) looks for a point where the smallest
segments together hold fewer documents than a Fibonacci number of their
count; on an index built by chunks of equal size (himpun/index/store.py)
that point falls half-way, and one small commit merged half a million
clauses in Python, for minutes. Here segments are merged by tiers of size:
when a tier holds `FAN_IN` segments they become one, so the number of
segments stays small (a few per tier, plus one per chunk of a large build)
and a merge never rewrites more than `FAN_IN` segments of the largest
mergeable tier.
"""
from __future__ import annotations

from whoosh.reading import SegmentReader

TIERS = (2_000, 20_000)  # documents: a segment smaller than a bound belongs to that tier; larger ones stay
FAN_IN = 4


def tiered(writer, segments):
    """A Whoosh merge policy (`writer.commit(mergetype=tiered)`): the segments left unchanged."""
    keep, lower = [], 0
    for bound in TIERS:
        tier = [s for s in segments if lower <= s.doc_count_all() < bound]
        if len(tier) >= FAN_IN:
            for seg in tier:
                reader = SegmentReader(writer.storage, writer.schema, seg)
                writer.add_reader(reader)
                reader.close()
        else:
            keep += tier
        lower = bound
    return keep + [s for s in segments if s.doc_count_all() >= TIERS[-1]]
