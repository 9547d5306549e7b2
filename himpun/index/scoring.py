"""BM25F with field lengths read once per segment.

Whoosh's BM25F asks the segment for each scored document's field length
through two layers of column readers (a quarter of a search's time on a
large index). Here each segment's length column is read once, as bytes, into
a list of lengths, kept with the segment reader (which himpun/index/
searchers.py keeps open between searches); scores are the same as BM25F's.
When the codec does not expose the column, scoring falls back to Whoosh's own
lookup.
"""
from __future__ import annotations

import numpy as np
from whoosh.codec import whoosh3
from whoosh.scoring import BM25F, BM25FScorer
from whoosh.util.numeric import byte_to_length

_LENGTH_OF_BYTE = [1] + [byte_to_length(b) for b in range(1, 256)]  # 0: no length stored -> 1, as BM25F
_LENGTH_TABLE = np.asarray(_LENGTH_OF_BYTE, dtype=np.float64)


def field_length_array(searcher, fieldname: str) -> np.ndarray | None:
    """Every document's length in `fieldname` in the segment of `searcher` (floats), or None."""
    reader = searcher.reader()
    cache = reader.__dict__.setdefault("_himpun_length_arrays", {})
    if fieldname in cache:
        return cache[fieldname]
    lengths = None
    try:
        column = reader._perdoc._cached_reader(whoosh3._lenfield(fieldname), whoosh3.LENGTHS_COLUMN)
        if column is not None and column._fixedlen == 1:
            raw = column._dbfile.get(column._basepos, column._count) if column._count else b""
            lengths = np.ones(reader.doc_count_all(), dtype=np.float64)
            lengths[:len(raw)] = _LENGTH_TABLE[np.frombuffer(raw, dtype=np.uint8)]
    except AttributeError:
        lengths = None
    cache[fieldname] = lengths
    return lengths


def field_lengths(searcher, fieldname: str) -> list[int] | None:
    """Every document's length in `fieldname` in the segment of `searcher`, or None."""
    reader = searcher.reader()
    cache = reader.__dict__.setdefault("_himpun_lengths", {})
    if fieldname not in cache:
        lengths = field_length_array(searcher, fieldname)
        cache[fieldname] = [int(n) for n in lengths.tolist()] if lengths is not None else None
    return cache[fieldname]


class FastBM25F(BM25F):
    """BM25F (Whoosh's parameters and formula) with cached field lengths."""

    def scorer(self, searcher, fieldname, text, qf=1):
        scorer = super().scorer(searcher, fieldname, text, qf=qf)
        if isinstance(scorer, BM25FScorer):
            lengths = field_lengths(searcher, fieldname)
            if lengths is not None:
                scorer.dfl = lengths.__getitem__
        return scorer
