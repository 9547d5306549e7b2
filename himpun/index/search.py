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
from dataclasses import asdict, dataclass, field

from whoosh import highlight, sorting
from whoosh.qparser import MultifieldParser
from whoosh.query import And, Every, FuzzyTerm, Or, Term

from himpun.errors import QueryError
from himpun.ingest.parse.citations import find_citations
from himpun.ingest.parse.numbers import find_numbers
from himpun.index.synonyms import expand

SEARCH_FIELDS = ("text", "title", "topics", "keys")
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
class SearchResult:
    query: str
    total: int
    page: int
    pages: int
    hits: list[Hit] = field(default_factory=list)
    facets: dict[str, list[tuple[str, int]]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        d = asdict(self)
        d["facets"] = {k: [{"value": v, "count": n} for v, n in vals] for k, vals in self.facets.items()}
        return d


class _Marker(highlight.Formatter):
    """Marks matched words as **word** (the CLI turns that into bold)."""

    between = " … "

    def format_token(self, text, token, replace=False):
        return f"{MARK_OPEN}{highlight.get_text(text, token, replace)}{MARK_CLOSE}"


def parse_query(ix, query: str):
    """A Whoosh query for the user's text; raises QueryError with a reason."""
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
    parser = MultifieldParser(list(SEARCH_FIELDS), ix.schema, fieldboosts=FIELD_BOOSTS)
    try:
        parsed = parser.parse(expand(_exact_keys(query)))
    except Exception as exc:  # Whoosh raises assorted types on malformed input
        raise QueryError(f"cannot parse query: {exc}") from None
    return _with_fuzzy(parsed)


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
           facets: bool = True) -> SearchResult:
    q = parse_query(ix, query)
    terms = [Term(name, value) for name, value in (filters or {}).items() if value]
    unknown = [name for name in (filters or {}) if name not in FILTERS]
    if unknown:
        raise QueryError(f"unknown filter {unknown[0]!r}")
    flt = And(terms) if terms else None
    groupedby = None
    if facets:
        groupedby = {name: sorting.FieldFacet(name, allow_overlap=name in MULTI_VALUED, maptype=sorting.Count)
                     for name in FACETS}
    with ix.searcher() as searcher:
        results = searcher.search_page(q, max(1, page), pagelen=max(1, limit), filter=flt, groupedby=groupedby)
        results.results.fragmenter = highlight.ContextFragmenter(maxchars=240, surround=70)
        results.results.formatter = _Marker()
        hits = [_hit(h) for h in results]
        facet_counts = {}
        if facets:
            for name in FACETS:
                counts = results.results.groups(name)
                facet_counts[name] = sorted(((v, n) for v, n in counts.items() if v not in ("-", "", None)),
                                            key=lambda t: (-t[1], str(t[0])))
        return SearchResult(query=query, total=results.total, page=results.pagenum, pages=results.pagecount,
                            hits=hits, facets=facet_counts)


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
