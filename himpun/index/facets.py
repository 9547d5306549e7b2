"""Facet counts over every match, fast.

Whoosh's own grouping reads each matching document's value through a column
reader, per search. Here each facet column is read once per index generation
and coded as numbers (one array of value codes by document number, and the
values); a search then takes the matching document numbers (no scoring) and
counts codes with numpy's bincount. Multi-valued facets (category, sanction,
severity) keep one comma-joined value per clause, split after counting.
"""
from __future__ import annotations

import numpy as np

from himpun.index.searchers import state

SINGLE = ("region", "province", "kind", "issuer", "year")
MULTI = {"category": "category_set", "sanction": "sanction_set", "severity": "severity_set"}

_columns: dict[tuple, dict[str, "_Column"]] = {}


class _Column:
    """One facet column coded as numbers: `codes[docnum]` indexes `labels`; for a multi-valued
    column each label (a comma-joined set) is tied to its parts by the pairs (pair_label, pair_part)."""

    def __init__(self, values: list[str], multi: bool):
        if values:
            labels, codes = np.unique(np.asarray(values, dtype=object), return_inverse=True)
        else:
            labels, codes = np.zeros(0, dtype=object), np.zeros(0, dtype=np.int64)
        self.codes = codes.astype(np.int32).ravel()
        self.labels = [str(v) for v in labels]
        self.multi = multi
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
    """A column of the searcher's index, coded; read once per index generation."""
    key = state(searcher._ix)
    cached = _columns.get(key)
    if cached is None:
        _columns.clear()  # one index generation at a time
        cached = _columns[key] = {}
    got = cached.get(name)
    if got is None:
        reader = searcher.reader()
        values = ["" if v is None else v for v in reader.column_reader(name)] if reader.doc_count_all() else []
        got = cached[name] = _Column(values, multi=name in MULTI.values())
    return got


def count(searcher, docnums, names: tuple[str, ...]) -> dict[str, list[tuple[str, int]]]:
    docnums = np.asarray(docnums, dtype=np.int64)
    return {name: column(searcher, MULTI.get(name, name)).count(docnums) for name in names}
