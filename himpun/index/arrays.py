"""Whoosh queries evaluated over posting arrays, for counting and ranking
every match at C speed.

Whoosh matches a query by walking a tree of matcher objects one document at
a time and scoring each in Python: about 10 microseconds a matching clause,
so a broad query ("hukuman disiplin", half of a 100,000-clause library)
costs half a second. Here each term's postings are read once per index
generation into numpy arrays (document numbers and term weights, from
Whoosh's own posting blocks) and kept with the segment's reader, which the
searcher keeps between searches; a query is then set operations and BM25F
arithmetic over whole arrays, segment by segment as Whoosh matches them.

The scores are Whoosh's: the same BM25F formula and parameters (idf and
average field length from the top searcher, field lengths per document),
the same boosts, sums and quirks of its matchers (a compound query with one
subquery ignores its own boost; a fuzzy term that expands to one word is
that word at full weight; a constant score of 0 counts as 1; an OR with a
coordination scale scores by how many of its terms match), the same order
(score, then document number).
`tests/test_search.py` checks hits and scores against Whoosh's own
collector. Queries this module does not know (phrases, NOT, wildcards)
raise Unsupported, and the caller falls back to Whoosh's matchers.
"""
from __future__ import annotations

import numpy as np
from whoosh import query as wq
from whoosh.codec.whoosh3 import W3LeafMatcher
from whoosh.matching.wrappers import FilterMatcher
from whoosh.scoring import BM25F
from whoosh.query.wrappers import ConstantScoreQuery

from himpun.index.scoring import field_length_array

EMPTY_IDS = np.zeros(0, dtype=np.int64)
EMPTY = np.zeros(0, dtype=np.float64)
CACHE_POSTINGS = 20_000_000  # postings kept per segment before its cache starts over


class Unsupported(Exception):
    """A query this module does not evaluate; use Whoosh's matchers."""


class Matches:
    """Document numbers (sorted, unique), their scores, and how many term
    matchers of the query tree match each (`hits`, for coordination);
    `terms`: the term matchers in the tree."""

    __slots__ = ("ids", "scores", "hits", "terms")

    def __init__(self, ids: np.ndarray, scores: np.ndarray, hits: np.ndarray | None = None, terms: int = 0):
        self.ids, self.scores, self.terms = ids, scores, terms
        self.hits = hits if hits is not None else np.zeros(len(ids), dtype=np.int64)

    def __len__(self) -> int:
        return len(self.ids)

    def top(self, n: int) -> list[tuple[float, int]]:
        """The best `n` as (score, document number), as Whoosh's TopCollector orders them."""
        if not len(self.ids) or n < 1:
            return []
        if n < len(self.ids):
            # the n-th best score, then everything at least as good (ties broken by document number below)
            cut = np.partition(-self.scores, n - 1)[n - 1]
            keep = np.nonzero(-self.scores <= cut)[0]
        else:
            keep = np.arange(len(self.ids))
        order = keep[np.lexsort((self.ids[keep], -self.scores[keep]))][:n]
        return [(float(self.scores[i]), int(self.ids[i])) for i in order]


NONE = Matches(EMPTY_IDS, EMPTY)
_UNREAD = object()


def evaluate(searcher, q) -> Matches:
    """Every document matching `q` with the score Whoosh would give it
    (global document numbers, as a collector sees them)."""
    if not isinstance(searcher.weighting, BM25F):
        raise Unsupported("weighting")
    parts = []
    stats = _Stats(searcher)
    for sub, offset in searcher.leaf_searchers():
        m = _Segment(searcher, sub, stats).run(q)
        if len(m):
            parts.append(Matches(m.ids + offset, m.scores, m.hits))
    if not parts:
        return NONE
    if len(parts) == 1:
        return parts[0]
    return Matches(np.concatenate([p.ids for p in parts]), np.concatenate([p.scores for p in parts]),
                   np.concatenate([p.hits for p in parts]))


class _Stats:
    """The index-wide figures BM25F takes from the top searcher, asked once a query (Whoosh sums the
    field length over every segment each time it is asked)."""

    def __init__(self, top):
        self.top = top
        self._avgfl: dict[str, float] = {}

    def avgfl(self, fieldname: str) -> float:
        got = self._avgfl.get(fieldname)
        if got is None:
            got = self._avgfl[fieldname] = self.top.avg_field_length(fieldname) or 1
        return got


class _Segment:
    """Evaluates a query over one segment, as Whoosh builds its matchers there."""

    def __init__(self, top, sub, stats: _Stats):
        self.top, self.sub, self.reader, self.stats = top, sub, sub.reader(), stats
        self.cache = _cache(self.reader)

    def run(self, q) -> Matches:
        if isinstance(q, wq.Term):
            return self.term(q.fieldname, q.text, q.boost)
        if q is wq.NullQuery:
            return NONE
        if isinstance(q, ConstantScoreQuery):
            m = self.run(q.child)
            # Whoosh's ListMatcher takes a constant weight of 0 for "no constant weight": 1.0 each
            return Matches(m.ids, np.full(len(m.ids), float(q.score) or 1.0), m.hits, m.terms)
        if isinstance(q, wq.Every):
            if q.fieldname not in (None, "", "*"):
                raise Unsupported("Every over a field")
            ids = self.cache.live(self.reader)
            return Matches(ids, np.full(len(ids), float(q.boost) or 1.0))
        if isinstance(q, wq.AndMaybe):
            return _and_maybe(self.run(q.a), self.run(q.b))
        if isinstance(q, (wq.Require, wq.AndNot)):
            m, other = self.run(q.a), self.run(q.b)
            keep = np.zeros(len(m.ids), dtype=bool)
            keep[_common(m.ids, other.ids)[0]] = True
            if isinstance(q, wq.AndNot):
                keep = ~keep
            return Matches(m.ids[keep], m.scores[keep], m.hits[keep], m.terms)
        if type(q) in (wq.And, wq.Or):
            return self.compound(q)
        if type(q) is wq.FuzzyTerm or (isinstance(q, wq.MultiTerm) and not getattr(q, "constantscore", True)):
            return self.multiterm(q)
        raise Unsupported(type(q).__name__)

    def compound(self, q) -> Matches:
        subs = q.subqueries
        if not subs:
            return NONE
        if len(subs) == 1:  # Whoosh: the lone subquery's matcher, without this query's boost
            return self.run(subs[0])
        if any(isinstance(s, wq.Not) for s in subs):
            raise Unsupported("Not")
        parts = [self.run(s) for s in subs]
        m = _intersect(parts) if isinstance(q, wq.And) else _union(parts)
        if q.boost != 1.0:
            m.scores = m.scores * q.boost
        if isinstance(q, wq.Or) and q.scale and m.terms:
            m.scores = _coordinated(m, q.scale)
        return m

    def multiterm(self, q) -> Matches:
        words = [w for w in q._btexts(self.reader) if w]
        if not words:
            return NONE
        terms = [wq.Term(q.field(), w) for w in words]
        if len(terms) == 1:
            return self.run(terms[0])
        return self.compound(wq.Or(terms, boost=q.boost))

    def term(self, fieldname: str, text, boost: float) -> Matches:
        top = self.top
        if fieldname not in top.schema:
            return NONE
        field = top.schema[fieldname]
        try:
            btext = field.to_bytes(text)
        except ValueError:
            return NONE
        got = self.cache.postings(self.reader, fieldname, btext)
        if got is None:  # not in this segment
            return NONE
        ids, weights = got
        if field.scorable:
            w = top.weighting
            B = w._field_B.get(fieldname, w.B)
            K1 = w.K1
            idf = top.idf(fieldname, btext)
            avgfl = self.stats.avgfl(fieldname)
            fl = self.cache.lengths(self.sub, fieldname)[ids]
            scores = idf * ((weights * (K1 + 1)) / (weights + K1 * ((1 - B) + B * fl / avgfl)))
        else:
            scores = weights.copy()
        if boost != 1.0:
            scores = scores * boost
        return Matches(ids, scores, np.ones(len(ids), dtype=np.int64), terms=1)


def _common(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Positions in `a` and in `b` (both sorted, unique) of the ids they share, by binary search
    (no sort of both together)."""
    if not len(a) or not len(b):
        return EMPTY_IDS, EMPTY_IDS
    at = np.searchsorted(b, a)
    found = at < len(b)
    found[found] = b[at[found]] == a[found]
    return np.nonzero(found)[0], at[found]


def _intersect(parts: list[Matches]) -> Matches:
    terms = sum(p.terms for p in parts)
    parts = sorted(parts, key=len)
    ids, scores, hits = parts[0].ids, parts[0].scores, parts[0].hits
    for p in parts[1:]:
        a, b = _common(ids, p.ids)
        ids, scores, hits = ids[a], scores[a] + p.scores[b], hits[a] + p.hits[b]
    return Matches(ids, scores, hits, terms)


def _union(parts: list[Matches]) -> Matches:
    """Sums by document, over a dense array as long as the segment (no sort)."""
    terms = sum(p.terms for p in parts)
    parts = [p for p in parts if len(p)]
    if not parts:
        return Matches(EMPTY_IDS, EMPTY, terms=terms)
    if len(parts) == 1:
        p = parts[0]
        return Matches(p.ids, p.scores.copy(), p.hits, terms)
    all_ids = np.concatenate([p.ids for p in parts])
    size = int(all_ids.max()) + 1
    ids = np.nonzero(np.bincount(all_ids, minlength=size))[0]
    scores = np.bincount(all_ids, weights=np.concatenate([p.scores for p in parts]), minlength=size)[ids]
    hits = np.bincount(all_ids, weights=np.concatenate([p.hits for p in parts]), minlength=size)[ids]
    return Matches(ids, scores, hits.astype(np.int64), terms)


def _and_maybe(required: Matches, optional: Matches) -> Matches:
    scores, hits = required.scores.copy(), required.hits.copy()
    a, b = _common(required.ids, optional.ids)
    scores[a] += optional.scores[b]
    hits[a] += optional.hits[b]
    return Matches(required.ids, scores, hits, required.terms + optional.terms)


def _coordinated(m: Matches, scale: float) -> np.ndarray:
    """Whoosh's CoordMatcher ("SQR", short query ranking): a bonus for each more term matched."""
    termcount = m.terms
    if termcount == 0 or termcount == scale:
        return np.zeros(len(m.ids))
    return (m.scores + ((m.hits - 1) / (termcount - scale) ** 2)) * ((termcount - 1) / termcount)


# -- posting arrays, kept with each segment's reader -------------------------------------------------------------


class _Postings:
    """Posting arrays of one segment (its own document numbers), deleted documents left out."""

    def __init__(self):
        self.terms: dict[tuple[str, bytes], tuple[np.ndarray, np.ndarray]] = {}
        self.size = 0
        self._lengths: dict[str, np.ndarray] = {}
        self._live: np.ndarray | None = None

    def postings(self, reader, fieldname: str, btext: bytes) -> tuple[np.ndarray, np.ndarray] | None:
        """The term's (document numbers, weights) in this segment; None when the segment lacks it."""
        key = (fieldname, btext)
        got = self.terms.get(key, _UNREAD)
        if got is _UNREAD:
            got = _read_postings(reader.postings(fieldname, btext)) if key in reader else None
            if got is not None and self.size + len(got[0]) > CACHE_POSTINGS:
                self.terms.clear()
                self.size = 0
            self.terms[key] = got
            self.size += len(got[0]) if got is not None else 0
        return got

    def lengths(self, sub, fieldname: str) -> np.ndarray:
        got = self._lengths.get(fieldname)
        if got is None:
            got = field_length_array(sub, fieldname)
            if got is None:
                raise Unsupported("field lengths")
            self._lengths[fieldname] = got
        return got

    def live(self, reader) -> np.ndarray:
        """Every document number of the segment not deleted."""
        if self._live is None:
            ids = np.arange(reader.doc_count_all(), dtype=np.int64)
            if reader.has_deletions():
                ids = ids[~np.isin(ids, np.fromiter(reader.deleted_docs_set, dtype=np.int64))]
            self._live = ids
        return self._live


def _cache(reader) -> _Postings:
    cache = reader.__dict__.get("_himpun_postings")
    if cache is None:
        cache = reader.__dict__["_himpun_postings"] = _Postings()
    return cache


def _read_postings(m) -> tuple[np.ndarray, np.ndarray]:
    """(document numbers, weights) of one segment's posting list, deleted documents left out."""
    deleted = None
    if isinstance(m, FilterMatcher):
        if not m._exclude:
            raise Unsupported("include filter")
        deleted, m = m._ids, m.child
    if isinstance(m, W3LeafMatcher) and not m._byteids:
        ids, weights = _read_blocks(m)
    else:
        got_ids, got_weights = [], []
        while m.is_active():
            got_ids.append(m.id())
            got_weights.append(m.weight())
            m.next()
        ids, weights = np.asarray(got_ids, dtype=np.int64), np.asarray(got_weights, dtype=np.float64)
    if deleted:
        keep = ~np.isin(ids, np.fromiter(deleted, dtype=np.int64))
        ids, weights = ids[keep], weights[keep]
    return ids, weights


def _read_blocks(m: W3LeafMatcher) -> tuple[np.ndarray, np.ndarray]:
    """Whoosh 3 posting blocks decoded whole: delta-coded ids by a cumulative sum, weights as floats."""
    ids, weights = [], []
    while not m._atend:
        if m._data is None:
            m._read_data()
        deltas, w = m._data[0], m._data[1]
        n = m._blocklength
        ids.append(np.cumsum(np.asarray(deltas, dtype=np.int64)))
        if w is None:
            weights.append(np.ones(n))
        elif isinstance(w, float):
            weights.append(np.full(n, w))
        else:
            weights.append(np.asarray(w, dtype=np.float32).astype(np.float64))
        m._next_block()
    if not ids:
        return EMPTY_IDS, EMPTY
    return np.concatenate(ids), np.concatenate(weights)
