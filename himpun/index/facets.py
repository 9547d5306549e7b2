"""Facet counts over every match, fast.

Whoosh's own grouping reads each matching document's value through a column
reader, per search. Here each facet column is read once per index generation
into a list indexed by document number; a search then takes the set of
matching document numbers (no scoring) and counts values with C-level
helpers (operator.itemgetter, collections.Counter). Multi-valued facets
(category, sanction, severity) keep one comma-joined value per clause, split
after counting.
"""
from __future__ import annotations

from collections import Counter
from operator import itemgetter

from himpun.index.searchers import state

SINGLE = ("region", "province", "kind", "issuer", "year")
MULTI = {"category": "category_set", "sanction": "sanction_set", "severity": "severity_set"}

_columns: dict[tuple[str, int], dict[str, list]] = {}


def columns(searcher) -> dict[str, list]:
    """Every facet column of the searcher's index, as lists by document number."""
    key = state(searcher._ix)
    cached = _columns.get(key)
    if cached is None:
        reader = searcher.reader()
        if reader.doc_count_all() == 0:  # an index with no segment yet has no columns to read
            cached = {name: [] for name in (*SINGLE, *MULTI.values())}
        else:
            cached = {name: list(reader.column_reader(name)) for name in (*SINGLE, *MULTI.values())}
        _columns.clear()  # one index generation at a time
        _columns[key] = cached
    return cached


def count(searcher, docnums: list[int], names: tuple[str, ...]) -> dict[str, list[tuple[str, int]]]:
    cols = columns(searcher)
    out = {}
    for name in names:
        col = cols[MULTI.get(name, name)]
        if not docnums:
            counts: Counter = Counter()
        elif len(docnums) == 1:
            counts = Counter([col[docnums[0]]])
        else:
            counts = Counter(itemgetter(*docnums)(col))
        if name in MULTI:
            split: Counter = Counter()
            for value, n in counts.items():
                for part in value.split(","):
                    split[part] += n
            counts = split
        out[name] = sorted(((v, n) for v, n in counts.items() if v not in ("-", "", None)),
                           key=lambda t: (-t[1], str(t[0])))
    return out
