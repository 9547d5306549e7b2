"""Searching the clause index: Whoosh query syntax over clause text, document
title, topic words and exact keys; filters; facet counts over all matches;
highlighted snippets.

A citation or instrument number typed in a query (`PP 94/2021`,
`800/1071/BKPSDM`) is searched as one exact key, not as loose words. Words
with synonyms are widened to their group (himpun/index/synonyms.py), and a
long word also matches words one edit away (OCR damage: `netralltas`), at a
fifth of the weight, so that exact matches rank first.
"""
from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
from dataclasses import asdict, dataclass, field

from whoosh import collectors, highlight, sorting
from whoosh.searching import Results
from whoosh.qparser import AndGroup, MultifieldParser, OrGroup
from whoosh.query import And, AndMaybe, ConstantScoreQuery, Every, FuzzyTerm, Or, Phrase, Term

from himpun.data import words
from himpun.errors import QueryError
from himpun.ingest.parse.gazetteer import scan
from himpun.ingest.parse.citations import find_citations
from himpun.ingest.parse.numbers import find_numbers
from himpun.index.arrays import Unsupported, evaluate
from himpun.index.facets import column, count as count_facets
from himpun.index.searchers import searcher as open_searcher
from himpun.index.synonyms import PREFIX as SYNONYM_PREFIX, expand

# plain words are looked for in the clause text, its topic words and its document's title ("surat edaran
# gubernur NTB" names a document, whose clauses do not repeat its title); a title weighs a quarter of the
# text, so clauses that say the words themselves come first; exact keys are asked for by field (keys:)
# or by typing a citation or number
SEARCH_FIELDS = ("text", "topics", "title")
FIELD_BOOSTS = {"text": 2.0, "topics": 1.0, "title": 0.5, "keys": 3.0}
FACETS = ("region", "province", "kind", "issuer", "year", "category", "sanction", "severity")
MULTI_VALUED = ("category", "sanction", "severity")
FILTERS = ("region", "province", "kind", "issuer", "year", "category", "sanction", "severity", "clause_kind")
_FIELD_REF = re.compile(r"(?<![\w:'\"])([A-Za-z_]+):(?=\S)")
MARK_OPEN, MARK_CLOSE = "**", "**"
FUZZY_FIELDS = ("text",)
FUZZY_MIN_LENGTH = 6  # of the stem: shorter words have too many neighbours one edit away
FUZZY_BOOST = 0.2


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

    def to_dict(self) -> dict:
        d = asdict(self)
        d["facets"] = {k: [{"value": v, "count": n} for v, n in vals] for k, vals in self.facets.items()}
        return d


class _Marker(highlight.Formatter):
    """Marks matched words as **word** (the CLI turns that into bold)."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return f"{MARK_OPEN}{highlight.get_text(text, token, replace)}{MARK_CLOSE}"


_OPERATORS = re.compile(r'\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b|["()]')


def parse_query(ix, query: str, any_word: bool = False, fuzzy: bool = False):
    """A Whoosh query for the user's text; raises QueryError with a reason.
    `any_word`: words are joined by OR (clauses with more of them first);
    `fuzzy`: long words also match words one edit away, at a fifth of the weight."""
    if not query.strip() or query.strip() == "*":
        return Every()
    known = set(ix.schema.names())
    for m in _FIELD_REF.finditer(query):
        if m.group(1) not in known and not query[max(0, m.start() - 1):m.start()].isalnum():
            raise QueryError(f"unknown field {m.group(1)!r} in query; fields: {', '.join(sorted(known))}")
    if query.count('"') % 2:
        raise QueryError('unbalanced quotes in query')
    if query.count("(") != query.count(")"):
        raise QueryError("unbalanced parentheses in query")
    if not _OPERATORS.search(query) and ":" not in query:
        plain = _plain_query(ix, query, any_word, fuzzy)
        if plain is not None:
            return plain
    return _parse(ix, query, any_word, fuzzy)


def _parse(ix, query: str, any_word: bool, fuzzy: bool = False):
    group = OrGroup.factory(0.9) if any_word else AndGroup
    parser = MultifieldParser(list(SEARCH_FIELDS), ix.schema, fieldboosts=FIELD_BOOSTS, group=group)
    try:
        parsed = parser.parse(expand(_exact_keys(query)))
    except Exception as exc:  # Whoosh raises assorted types on malformed input
        raise QueryError(f"cannot parse query: {exc}") from None
    parsed = _phrases(parsed, ix.schema)
    return _with_fuzzy(parsed) if fuzzy else parsed


def _phrases(q, schema):
    """Quoted phrases as the index holds them. The analysis gives a synonym phrase's group term at
    the place of its first word (`media sosial` -> media, sosial, syn_medsos), so a quoted phrase
    is its words without the group terms; over a field kept without word positions (topic words,
    title) it asks for all its words there (Whoosh itself would refuse to run it)."""
    if isinstance(q, Phrase):
        words = [w for w in q.words if not w.startswith(SYNONYM_PREFIX)] or q.words
        if q.fieldname in schema and not schema[q.fieldname].format.supports("positions"):
            return And([Term(q.fieldname, w) for w in words], boost=q.boost)
        if len(words) == 1:
            return Term(q.fieldname, words[0], boost=q.boost)
        return Phrase(q.fieldname, words, slop=q.slop, boost=q.boost)
    if q.is_leaf():
        return q
    return q.apply(lambda sub: _phrases(sub, schema))


def _plain_query(ix, query: str, any_word: bool, fuzzy: bool):
    """Plain words as an officer types them ("larangan ASN Sidrap", "baliho
    pilkada Tangerang"): a place is the region (or province) of the hit, not
    a word of its text; words that stand in nearly every clause (ASN,
    pilkada, larangan) and the place rank hits without excluding any; the
    other words must match. None when nothing needs this treatment."""
    places = [m for m in scan(query.title()) if m.resolved()]
    rest = query
    for m in sorted(places, key=lambda m: m.start, reverse=True):
        rest = rest[:m.start] + " " + rest[m.end:]
    hard = [w for w in rest.split() if w.lower() not in _soft_words()]
    soft = [w for w in rest.split() if w.lower() in _soft_words()]
    if not places and (not soft or not hard):
        return None
    place_q = Or([Term(field, r.name) for m in places for r in m.resolved()
                  for field in (("province",) if r.level == "provinsi" else ("region",))], boost=3.0) if places else None
    optional = [q for q in (_parse(ix, " ".join(soft), True) if soft else None, place_q) if q is not None]
    if hard:
        required = _parse(ix, " ".join(hard), any_word, fuzzy)
    elif place_q is not None:
        required, optional = place_q, optional[:-1]
    else:
        return None
    if any_word:  # nothing is required: any of the words or the place
        return Or([required] + optional)
    return AndMaybe(required, Or(optional)) if optional else required


@lru_cache(maxsize=1)
def _soft_words() -> frozenset[str]:
    return frozenset(words("soft_words.txt"))


def _with_fuzzy(q):
    """Each long word of the clause text also matches its neighbours one edit away."""
    if isinstance(q, Term) and q.fieldname in FUZZY_FIELDS and isinstance(q.text, str) \
            and len(q.text) >= FUZZY_MIN_LENGTH and q.text.isalpha():
        return Or([q, FuzzyTerm(q.fieldname, q.text, boost=FUZZY_BOOST, maxdist=1, prefixlength=2)])
    if q.is_leaf():
        return q
    return q.apply(_with_fuzzy)


def _exact_keys(query: str) -> str:
    """Rewrite citations and instrument numbers in a query as exact key terms."""
    if '"' in query or "'" in query:
        return query
    spans = [(c.start, c.end, c.key) for c in find_citations(query)]
    spans += [(s, e, n) for n, s, e in find_numbers(query, []) if not any(a <= s < b for a, b, _ in spans)]
    for start, end, key in sorted(spans, reverse=True):
        query = f"{query[:start]}keys:'{key.lower()}'{query[end:]}"
    return query


def search(ix, query: str, *, filters: dict[str, str] | None = None, limit: int = 10, page: int = 1,
           facets: bool = True, by_document: bool = False, per_document: int = 3) -> SearchResult:
    """Clauses matching every word of `query`, best first. When fewer than
    a page match, long words also match OCR-damaged spellings one edit away
    (ranked below exact matches); when none match at all and the query is
    plain words (no operators, quotes or fields), clauses with some of the
    words are shown, those with more of them first (`relaxed`)."""
    run = lambda q: _search(ix, q, query, filters, limit, page, facets, by_document, per_document)  # noqa: E731
    limit = max(1, limit)
    result = run(parse_query(ix, query))
    if result.total < limit:
        result = run(parse_query(ix, query, fuzzy=True))
    words = [w for w in query.split() if ":" not in w]
    if result.total == 0 and len(words) > 1 and not _OPERATORS.search(query):
        result = run(parse_query(ix, query, any_word=True, fuzzy=True))
        result.relaxed = True
    return result


def _search(ix, q, query, filters, limit, page, facets, by_document, per_document) -> SearchResult:
    terms = [Term(name, value) for name, value in (filters or {}).items() if value]
    unknown = [name for name in (filters or {}) if name not in FILTERS]
    if unknown:
        raise QueryError(f"unknown filter {unknown[0]!r}")
    flt = And(terms) if terms else None
    groupedby = None
    if facets:
        groupedby = {name: sorting.FieldFacet(name, allow_overlap=name in MULTI_VALUED, maptype=sorting.Count)
                     for name in FACETS}
    searcher = open_searcher(ix)
    if by_document:
        return _by_document(searcher, q, flt, groupedby, query, limit, page, per_document)
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
    """Every matching document number and Whoosh Results holding the best `top`. Over posting arrays
    (himpun/index/arrays.py) when the query allows, else in one pass of Whoosh's matchers that counts
    every match and keeps the best."""
    try:
        matches = evaluate(searcher, q)
    except Unsupported:
        collector = _CountingTop(limit=top)
        searcher.search_with_collector(q, collector)
        return collector.docnums, collector.results()
    return matches.ids, _Results(searcher, q, matches.top(top), docset=None)


class _Results(Results):
    """Whoosh Results whose query terms are looked up once, not again for every highlighted hit (the
    lookup asks every segment for every term)."""

    def query_terms(self, expand=False, fieldname=None):
        cache = self.__dict__.setdefault("_query_terms", {})
        if (expand, fieldname) not in cache:
            cache[(expand, fieldname)] = super().query_terms(expand=expand, fieldname=fieldname)
        return cache[(expand, fieldname)]


class _CountingTop(collectors.TopCollector):
    """The top `limit` matches by score, and the numbers of all matches. Block
    skipping is off: a match that cannot rank must still be counted."""

    def __init__(self, limit: int):
        super().__init__(limit=limit, usequality=False, replace=0)

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.docnums: list[int] = []

    def collect(self, sub_docnum):
        self.docnums.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)


def _facet_counts(results, groupedby) -> dict[str, list[tuple[str, int]]]:
    out = {}
    for name in groupedby or ():
        if name in FACETS:
            counts = results.groups(name)
            out[name] = sorted(((v, n) for v, n in counts.items() if v not in ("-", "", None)),
                               key=lambda t: (-t[1], str(t[0])))
    return out


def _by_document(searcher, q, flt, groupedby, query, limit, page, per_document) -> SearchResult:
    """Every match ranked, then gathered by document in the order of each
    document's best clause; one page of documents."""
    limit, page = max(1, limit), max(1, page)
    q = And([q, ConstantScoreQuery(flt, 0.0)]) if flt else q
    try:
        matches = evaluate(searcher, q)
    except Unsupported:
        return _by_document_whoosh(searcher, q, groupedby, query, limit, page, per_document)
    ranked = matches.top(len(matches))  # (score, docnum), best first
    docs = column(searcher, "doc_id")
    codes = docs.codes[np.asarray([d for _, d in ranked], dtype=np.int64)] if ranked else np.zeros(0, np.int32)
    order: dict[int, list[int]] = {}
    for i, code in enumerate(codes.tolist()):
        order.setdefault(code, []).append(i)
    pages = max(1, -(-len(order) // limit))
    page = min(page, pages)
    shown = list(order.items())[(page - 1) * limit:page * limit]
    chosen = [ranked[i] for _, positions in shown for i in positions[:per_document]]
    results = _highlighting(_Results(searcher, q, chosen, docset=None))
    documents, n = [], 0
    for _, positions in shown:
        hits = [_hit(results[n + k]) for k in range(min(per_document, len(positions)))]
        n += len(hits)
        first = hits[0]
        documents.append(DocumentHits(first.doc_id, first.title, first.kind, first.region, first.issuer, first.number,
                                      first.date, first.path, len(positions), hits))
    facets = count_facets(searcher, matches.ids, FACETS) if groupedby else {}
    return SearchResult(query=query, total=len(matches), page=page, pages=pages,
                        hits=[h for d in documents for h in d.hits], facets=facets, documents=documents,
                        total_documents=len(order))


def _highlighting(results):
    results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=70)
    results.formatter = _Marker()
    return results


def _by_document_whoosh(searcher, q, groupedby, query, limit, page, per_document) -> SearchResult:
    """As _by_document, by Whoosh's matchers (queries the posting arrays do not know)."""
    results = _highlighting(searcher.search(q, limit=None, groupedby=groupedby))
    order: dict[str, list[int]] = {}
    for i in range(len(results)):
        order.setdefault(results[i]["doc_id"], []).append(i)
    ranked = list(order.items())
    pages = max(1, -(-len(ranked) // limit))
    documents = []
    for doc_id, positions in ranked[(page - 1) * limit:page * limit]:
        hits = [_hit(results[i]) for i in positions[:per_document]]
        first = hits[0]
        documents.append(DocumentHits(doc_id, first.title, first.kind, first.region, first.issuer, first.number,
                                      first.date, first.path, len(positions), hits))
    return SearchResult(query=query, total=len(results), page=min(page, pages), pages=pages,
                        hits=[h for d in documents for h in d.hits], facets=_facet_counts(results, groupedby),
                        documents=documents, total_documents=len(ranked))


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
