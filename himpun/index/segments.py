"""How the index's segments are merged: small ones together, large ones never.

Whoosh's default policy (MERGE_SMALL) looks for a point where the smallest
segments together hold fewer documents than a Fibonacci number of their
count; on an index built by chunks of equal size (himpun/index/store.py)
that point falls half-way, and one small commit merged half a million
clauses in Python, for minutes. Here segments are merged by tiers of size:
when a tier holds `FAN_IN` segments they become one, so the number of
segments stays small (a few per tier, plus the segments of a large build's
chunks) and a merge never rewrites more than a few segments smaller than
`large`. What is large comes from the build (store.py): a tenth of what one
writer process of a chunk takes, so that every segment a chunked build or an
ingest's checkpoint commits is large and never merged again. (The bound was
once a fixed 20,000 documents, the nominal size of a chunk's segments: real
ones hold a few less, so all fifty of a million-clause build fell below it,
and the next small commit merged them all into one, for minutes: half the
time of bench/search.py's million-clause build.)
"""
from __future__ import annotations

from functools import partial

from whoosh.reading import SegmentReader

FAN_IN = 4


def tiered(writer, segments, large: int = 2_000):
    """A Whoosh merge policy (`writer.commit(mergetype=policy(large))`): the segments left unchanged.
    Segments of `large` documents or more are never merged; smaller ones fall in two tiers (below a
    fifth of `large`, and up to `large`), each merged into one when FAN_IN stand, so a merge rewrites
    at most a few segments under `large`."""
    keep, lower = [], 0
    for bound in (large // 5, large):
        tier = [s for s in segments if lower <= s.doc_count_all() < bound]
        if len(tier) >= FAN_IN:
            for seg in tier:
                reader = SegmentReader(writer.storage, writer.schema, seg)
                writer.add_reader(reader)
                reader.close()
        else:
            keep += tier
        lower = bound
    return keep + [s for s in segments if s.doc_count_all() >= large]


def policy(large: int):
    """The merge policy that leaves segments of `large` documents or more alone."""
    return partial(tiered, large=large)
