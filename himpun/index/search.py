"""Searching the clause index: the user's query (read by
himpun/index/query.py) over clause text, topic words, document title and
issuers, and exact keys; filters; facet counts over all matches;
highlighted snippets; results by clause, or by document
(himpun/index/documents.py).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from whoosh import highlight
from whoosh.searching import Results
from whoosh.query import And, ConstantScoreQuery, Term

from himpun.errors import QueryError
from himpun.index.documents import matches as all_matches, rank as rank_documents
from himpun.index.facets import count as count_facets
from himpun.index.query import (  # noqa: F401 - parse_query and the fields are used through this module too
    FIELD_BOOSTS, OPERATORS, RANK, REQUIRE, SEARCH_FIELDS, is_plain, parse_query, query_places)
from himpun.index.searchers import searcher as open_searcher

FACETS = ("region", "province", "kind", "issuer", "year", "category", "sanction", "severity")
FILTERS = ("region", "province", "kind", "issuer", "year", "category", "sanction", "severity", "clause_kind")
MARK_OPEN, MARK_CLOSE = "**", "**"


@dataclass
class Hit:
    id: str
    score: float
    snippet: str
    text: str
    clause_kind: str
    categories: list[str]
    sanctions: list[str]
    severity: list[str]
    kind: str
    region: str | None
    province: str | None
    issuer: str | None
    number: str | None
    date: str | None
    title: str | None
    doc_id: str
    path: str
    page: int


@dataclass
class DocumentHits:
    """One document's matching clauses (best first), for results grouped by document."""

    doc_id: str
    title: str | None
    kind: str
    region: str | None
    issuer: str | None
    number: str | None
    date: str | None
    path: str
    matches: int  # clauses of this document that match
    hits: list[Hit] = field(default_factory=list)  # the best of them


@dataclass
class SearchResult:
    query: str
    total: int  # matching clauses
    page: int
    pages: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    # grouped by document (--by-document): documents ranked by their best clause; `page`
    # and `pages` then count documents
    documents: list[DocumentHits] | None = None
    total_documents: int | None = None
    # no clause had every word, so clauses with any of them are shown, those with more first
    relaxed: bool = False
    # places the query named of which nothing matched: the hits are of other regions
    elsewhere: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["facets"] = {k: [{"value": v, "count": n} for v, n in vals] for k, vals in self.facets.items()}
        return d


class _Marker(highlight.Formatter):
    """Marks matched words as **word** (the CLI turns that into bold)."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return f"{MARK_OPEN}{highlight.get_text(text, token, replace)}{MARK_CLOSE}"


def search(ix, query: str, *, filters: dict[str, str] | None = None, limit: int = 10, page: int = 1,
           facets: bool = True, by_document: bool = False, per_document: int = 3) -> SearchResult:
    """Clauses matching every word of `query`, best first (`by_document`:
    documents whose clauses hold every word between them). A place named
    among plain words ("larangan ASN Sidrap") is what the hits must be of;
    when nothing of it matches, the other regions' hits are shown and
    `elsewhere` names the place. When fewer than a page match, long words
    also match OCR-damaged spellings one edit away (ranked below exact
    matches); when none match at all and the query is plain words (no
    operators, quotes or fields), clauses with some of the words are shown,
    those with more of them first (`relaxed`)."""
    run = lambda q: _search(ix, q, query, filters, limit, page, facets, by_document, per_document)  # noqa: E731
    limit = max(1, limit)
    places = [r.name for m in query_places(query) for r in m.resolved()] if is_plain(query) else []
    for place in ((REQUIRE, RANK) if places else (RANK,)):
        result = run(parse_query(ix, query, place=place))
        if result.total < limit:
            result = run(parse_query(ix, query, fuzzy=True, place=place))
        if result.total:
            break
    words = [w for w in query.split() if ":" not in w]
    if result.total == 0 and len(words) > 1 and not OPERATORS.search(query):
        result = run(parse_query(ix, query, any_word=True, fuzzy=True))
        result.relaxed = True
    if places and (place == RANK or result.relaxed) and not any(
            h.region in places or h.province in places for h in result.hits):
        result.elsewhere = list(dict.fromkeys(places))
    return result


def _search(ix, q, query, filters, limit, page, facets, by_document, per_document) -> SearchResult:
    terms = [Term(name, value) for name, value in (filters or {}).items() if value]
    unknown = [name for name in (filters or {}) if name not in FILTERS]
    if unknown:
        raise QueryError(f"unknown filter {unknown[0]!r}")
    flt = And(terms) if terms else None
    searcher = open_searcher(ix)
    if by_document:
        return _by_document(searcher, q, flt, facets, query, limit, page, per_document)
    limit = max(1, limit)
    q = And([q, ConstantScoreQuery(flt, 0.0)]) if flt else q
    docnums, results = _match(searcher, q, max(1, page) * limit)
    pages = max(1, -(-len(docnums) // limit))
    page = min(max(1, page), pages)
    results = _highlighting(results)
    hits = [_hit(results[i]) for i in range((page - 1) * limit, min(page * limit, results.scored_length()))]
    return SearchResult(query=query, total=len(docnums), page=page, pages=pages, hits=hits,
                        facets=count_facets(searcher, docnums, FACETS) if facets else {})


def _match(searcher, q, top: int):
    """Every matching document number and Whoosh Results holding the best `top`: over posting arrays
    (himpun/index/arrays.py) when the query allows, else by Whoosh's matchers (documents.matches, as
    results by document are)."""
    found = all_matches(searcher, q)
    return found.ids, _Results(searcher, q, found.top(top), docset=None)


class _Results(Results):
    """Whoosh Results whose query terms are looked up once, not again for every highlighted hit (the
    lookup asks every segment for every term)."""

    def query_terms(self, expand=False, fieldname=None):
        cache = self.__dict__.setdefault("_query_terms", {})
        if (expand, fieldname) not in cache:
            cache[(expand, fieldname)] = super().query_terms(expand=expand, fieldname=fieldname)
        return cache[(expand, fieldname)]


def _by_document(searcher, q, flt, facets, query, limit, page, per_document) -> SearchResult:
    """One page of documents, ranked by himpun/index/documents.py, each with
    its best clauses."""
    limit, page = max(1, limit), max(1, page)
    ranked = rank_documents(searcher, q, flt)
    pages = max(1, -(-len(ranked.codes) // limit))
    page = min(page, pages)
    shown = ranked.codes[(page - 1) * limit:page * limit]
    best = [ranked.clauses(code, per_document) for code in shown]
    results = _highlighting(_Results(searcher, q, [c for clauses in best for c in clauses], docset=None))
    documents, n = [], 0
    for code, clauses in zip(shown, best):
        hits = [_hit(results[n + k]) for k in range(len(clauses))]
        n += len(hits)
        first = hits[0]
        documents.append(DocumentHits(first.doc_id, first.title, first.kind, first.region, first.issuer, first.number,
                                      first.date, first.path, ranked.count(code), hits))
    return SearchResult(query=query, total=len(ranked.matched), page=page, pages=pages,
                        hits=[h for d in documents for h in d.hits],
                        facets=count_facets(searcher, ranked.matched, FACETS) if facets else {}, documents=documents,
                        total_documents=len(ranked.codes))


def _highlighting(results):
    results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=70)
    results.formatter = _Marker()
    return results


def _hit(h) -> Hit:
    f = h.fields()
    snippet = h.highlights("text", top=2) or _shorten(f["text"])
    none = lambda v: None if v in ("-", "") else v  # noqa: E731
    return Hit(
        id=f["id"], score=round(h.score, 3), snippet=" ".join(snippet.split()), text=f["text"],
        clause_kind=f["clause_kind"], categories=_split(f.get("category")), sanctions=_split(f.get("sanction")),
        severity=_split(f.get("severity")), kind=f["kind"], region=none(f.get("region")),
        province=none(f.get("province")), issuer=none(f.get("issuer")), number=f.get("number"),
        date=none(f.get("date")), title=none(f.get("title")), doc_id=f["doc_id"], path=f["path"], page=f["page"],
    )


def _split(value: str | None) -> list[str]:
    return [v for v in (value or "").split(",") if v]


def _shorten(text: str, width: int = 240) -> str:
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + " …"
