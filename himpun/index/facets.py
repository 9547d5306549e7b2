"""Facet counts over every match, fast.

Whoosh's own grouping reads each matching document's value through a column
reader, per search. Here each facet column is read once per index generation
and coded as numbers (one array of value codes by document number, and the
values): the facet fields are RefBytesColumns, whose per-document references
are read as one array, so that even the first search of a process pays
milliseconds; a search then takes the matching document numbers (no scoring)
and counts codes with numpy's bincount. Multi-valued facets (category, sanction,
severity) keep one comma-joined value per clause, split after counting.
"""
from __future__ import annotations

import numpy as np
from whoosh import columns


SINGLE = ("region", "province", "kind", "issuer", "year")
MULTI = {"category": "category_set", "sanction": "sanction_set", "severity": "severity_set"}

class _Column:
    """One column coded as numbers: `codes[docnum]` indexes `labels`; for a multi-valued column each
    label (a comma-joined set) is tied to its parts by the pairs (pair_label, pair_part)."""

    def __init__(self, codes: np.ndarray, labels: list[str], multi: bool):
        self.codes, self.labels, self.multi = codes, labels, multi
        if multi:
            parts: dict[str, int] = {}
            pairs = [(i, parts.setdefault(part, len(parts))) for i, label in enumerate(self.labels)
                     for part in label.split(",")]
            self.parts = list(parts)
            self.pair_label = np.asarray([a for a, _ in pairs], dtype=np.int64)
            self.pair_part = np.asarray([b for _, b in pairs], dtype=np.int64)

    def count(self, docnums: np.ndarray) -> list[tuple[str, int]]:
        tally = np.bincount(self.codes[docnums], minlength=len(self.labels)) if len(docnums) \
            else np.zeros(len(self.labels), dtype=np.int64)
        names = self.labels
        if self.multi:
            tally = np.bincount(self.pair_part, weights=tally[self.pair_label], minlength=len(self.parts)) \
                if len(self.pair_part) else np.zeros(0)
            names = self.parts
        found = [(names[i], int(tally[i])) for i in np.nonzero(tally)[0]]
        return sorted(((v, n) for v, n in found if v not in ("-", "")), key=lambda t: (-t[1], t[0]))


def column(searcher, name: str) -> _Column:
    """A column of the searcher's index, coded; read once per searcher. The columns live with the
    searcher (one index generation): keyed by the index's newest state on disk instead, a commit
    landing between the opening of a searcher and the reading of its columns gave a search the
    columns of another generation (an IndexError under a concurrent ingest)."""
    cached = searcher.__dict__.setdefault("_himpun_columns", {})
    got = cached.get(name)
    if got is None:
        got = cached[name] = _Column(*_read(searcher, name), multi=name in MULTI.values())
    return got


def _read(searcher, name: str) -> tuple[np.ndarray, list[str]]:
    """(codes by global document number, labels) of a column, segment by segment. A RefBytesColumn
    (the facet fields) is read whole: its per-document references into the segment's unique values
    are one array of bytes or big-endian shorts; other columns value by value."""
    labels: dict[str, int] = {}
    parts = []
    for sub, _ in searcher.leaf_searchers():
        reader = sub.reader()
        refs, uniques = _segment_refs(reader, name)
        if refs is None:
            values = [_text(v) for v in reader.column_reader(name)] if reader.doc_count_all() else []
            parts.append(np.asarray([labels.setdefault(v, len(labels)) for v in values], dtype=np.int32))
        else:
            lookup = np.asarray([labels.setdefault(_text(u), len(labels)) for u in uniques], dtype=np.int32)
            parts.append(lookup[refs])
    codes = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int32)
    return codes, list(labels)


def _segment_refs(reader, name: str):
    """(references, unique values) of one segment's RefBytesColumn, or (None, None)."""
    try:
        doccount = reader.doc_count_all()
        if not reader._perdoc.has_column(name):
            return np.zeros(doccount, dtype=np.int64), [b""]
        creader = reader.column_reader(name, translate=False)
        if not isinstance(creader, columns.RefBytesColumn.Reader):
            return None, None
        dtype = {"B": ">u1", "H": ">u2"}[creader._typecode]
        raw = creader._dbfile.get(creader._basepos, doccount * creader._itemsize) if doccount else b""
        return np.frombuffer(raw, dtype=dtype).astype(np.int64), creader._uniques
    except (AttributeError, KeyError):
        return None, None


def _text(v) -> str:
    if v is None:
        return ""
    return v.decode("utf-8") if isinstance(v, bytes) else str(v)


def count(searcher, docnums, names: tuple[str, ...]) -> dict[str, list[tuple[str, int]]]:
    docnums = np.asarray(docnums, dtype=np.int64)
    return {name: column(searcher, MULTI.get(name, name)).count(docnums) for name in names}
