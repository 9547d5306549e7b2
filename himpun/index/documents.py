"""Ranking documents, not clauses (`search --by-document`).

A clause answers a query when it holds every word; a document answers it
when its clauses hold every word between them: a news report says "Tiga ASN
Klaten Dijatuhi Hukuman" in its title and "tidak netral" three paragraphs
on, and a circular states the ban in one item and its sanction in another.
So here each required part of the query (a word with its synonyms and
fields, a quoted phrase, an exact key) is matched on its own, a document
must have every part in some clause of it (a filter, when given, counting
only the clauses that pass it), and its score is the sum, over the parts,
of its best clause's score for that part, plus the best clause's score for
the ranking-only words and places (`soft`); a clause holding every part
adds its own score again, so that a document saying it in one place comes
before one that has the words scattered.
Its clauses are shown best first by how many parts they hold and how well.
"""
from __future__ import annotations

import numpy as np
from whoosh.query import And, AndMaybe, Not

from himpun.index.arrays import Matches, Unsupported, _common, _intersect, _union, evaluate
from himpun.index.facets import column


def parts_of(q) -> tuple[list, object | None]:
    """The required parts of a parsed query and its ranking-only part. What the query excludes
    ("spanduk NOT pasangan") is excluded from the clause that holds each part."""
    optional = None
    if isinstance(q, AndMaybe):
        q, optional = q.a, q.b
    parts = list(q.subqueries) if isinstance(q, And) else [q]
    excluded = [p for p in parts if isinstance(p, Not)]
    held = [p for p in parts if not isinstance(p, Not)]
    if not excluded or not held:
        return parts if held else [q], optional
    return [And([p] + excluded) for p in held], optional


class Ranked:
    """Documents (their doc_id codes) best first with their scores; `matched`: the clauses that
    hold a part of the query in those documents; `clauses(code)`: a document's, best first, as
    (score, clause number); `count(code)`: how many."""

    def __init__(self, codes: list[int], scores: list[float], doc: np.ndarray, ids: np.ndarray,
                 clause_scores: np.ndarray, held: np.ndarray):
        self.codes, self.scores = codes, scores
        order = np.lexsort((ids, -clause_scores, -held, doc))  # by document, then more parts held, then better
        self._doc, self._ids, self._scores = doc[order], ids[order], clause_scores[order]
        self.matched = np.sort(ids)

    def _span(self, code: int) -> tuple[int, int]:
        return int(np.searchsorted(self._doc, code, "left")), int(np.searchsorted(self._doc, code, "right"))

    def count(self, code: int) -> int:
        a, b = self._span(code)
        return b - a

    def clauses(self, code: int, n: int | None = None) -> list[tuple[float, int]]:
        a, b = self._span(code)
        b = b if n is None else min(b, a + n)
        return [(float(s), int(i)) for s, i in zip(self._scores[a:b], self._ids[a:b])]


def matches(searcher, q) -> Matches:
    """Every clause matching `q`, with its score: over the posting arrays, or, for a query they
    do not know (a phrase, NOT, a wildcard), by Whoosh's matchers (the same scores)."""
    try:
        return evaluate(searcher, q)
    except Unsupported:
        pass
    results = searcher.search(q, limit=None)
    found = sorted((hit.docnum, hit.score) for hit in results)
    return Matches(np.asarray([d for d, _ in found], dtype=np.int64), np.asarray([s for _, s in found], dtype=float))


def rank(searcher, q, flt=None) -> Ranked:
    """The documents matching `q`, best first (`flt`: a query each counted clause must match)."""
    parts, optional = parts_of(q)
    doc_of = column(searcher, "doc_id").codes
    n_docs = int(doc_of.max()) + 1 if len(doc_of) else 0
    allowed = matches(searcher, flt).ids if flt is not None else None

    def run(sub) -> Matches:
        m = matches(searcher, sub)
        if allowed is not None:
            keep, _ = _common(m.ids, allowed)
            m = Matches(m.ids[keep], m.scores[keep], m.hits[keep])
        return m

    def best_by_doc(m: Matches) -> np.ndarray:
        """Each document's best score among `m` (-inf: none). A document's clauses are mostly
        consecutive numbers: the best of each run of one document, then of the runs."""
        best = np.full(n_docs, -np.inf)
        if len(m):
            codes = doc_of[m.ids]
            starts = np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]])
            np.maximum.at(best, codes[starts], np.maximum.reduceat(m.scores, starts))
        return best

    matched = [run(p) for p in parts]
    bests = np.vstack([best_by_doc(m) for m in matched])
    ok = np.all(np.isfinite(bests), axis=0)
    score = np.where(ok, np.where(np.isfinite(bests), bests, 0.0).sum(axis=0), 0.0)
    if len(parts) > 1:  # a clause holding every part counts again
        whole = best_by_doc(_intersect(matched))
        score += np.where(np.isfinite(whole), whole, 0.0)
    soft = run(optional) if optional is not None else None
    if soft is not None:
        extra = best_by_doc(soft)
        score += np.where(np.isfinite(extra), extra, 0.0)
    docs = np.flatnonzero(ok)
    order = docs[np.lexsort((docs, -score[docs]))]
    # the clauses shown: those of the matching documents that hold a part (not those matched by the ranking
    # words alone, through their document's title), more parts first, then better; scored as the Or of the parts
    # and the ranking words would score them, from the matches already at hand
    shown = _union(matched + ([soft] if soft is not None else []))
    keep = ok[doc_of[shown.ids]] if len(shown) else np.zeros(0, bool)
    ids, scores = shown.ids[keep], shown.scores[keep]
    held = np.zeros(len(ids))
    for m in matched:
        a, _ = _common(ids, m.ids)
        held[a] += 1
    keep = held > 0
    ids, scores, held = ids[keep], scores[keep], held[keep]
    return Ranked(order.tolist(), score[order].tolist(), doc_of[ids], ids, scores, held)
