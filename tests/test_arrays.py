"""Queries evaluated over posting arrays (himpun/index/arrays.py) give what
Whoosh's own matchers give: the same matching clauses and the same scores,
on a real index of several segments with deleted documents."""
import pytest
from whoosh import collectors
from whoosh.query import And, AndMaybe, ConstantScoreQuery, Term

from himpun.index import open_index
from himpun.index.arrays import Unsupported, evaluate
from himpun.index.search import parse_query
from himpun.index.searchers import searcher as open_searcher
from himpun.index.topics import topic_words
from himpun.library import Library
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, NEWS_HTML_PACITAN, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN


@pytest.fixture(scope="module")
def indexed(tmp_path_factory):
    """A library indexed in three commits (three segments), one document replaced (deletions)."""
    root = tmp_path_factory.mktemp("arrays")
    inbox = root / "inbox"
    inbox.mkdir()
    for name, text in [("se_gowa.txt", CIRCULAR_GOWA), ("berita_bekasi.txt", NEWS_BEKASI),
                       ("berita_pacitan.html", NEWS_HTML_PACITAN)]:
        (inbox / name).write_text(text, encoding="utf-8")
    library = Library(root / "library")
    library.ingest([inbox])
    (inbox / "sleman.txt").write_text(XREF_SLEMAN, encoding="utf-8")
    (inbox / "madiun.txt").write_text(XREF_MADIUN, encoding="utf-8")
    library.ingest([inbox])
    (inbox / "nasional.txt").write_text(XREF_NATIONAL, encoding="utf-8")
    (inbox / "madiun.txt").write_text(XREF_MADIUN + "\nASN dilarang memasang baliho di media sosial.\n",
                                      encoding="utf-8")
    library.ingest([inbox])
    yield library
    library.close()


@pytest.fixture
def segmented(indexed):
    ix = open_index(indexed.index_dir)
    searcher = open_searcher(ix)
    assert len(list(searcher.leaf_searchers())) >= 2
    assert any(sub.reader().has_deletions() for sub, _ in searcher.leaf_searchers())
    return ix, searcher


class _CountingTop(collectors.TopCollector):
    """Whoosh's own collector as the reference: the top `limit` matches by score, and the numbers of all
    matches (block skipping off: a match that cannot rank must still be counted)."""

    def __init__(self, limit: int):
        super().__init__(limit=limit, usequality=False, replace=0)

    def prepare(self, top_searcher, q, context):
        super().prepare(top_searcher, q, context)
        self.docnums: list[int] = []

    def collect(self, sub_docnum):
        self.docnums.append(self.offset + sub_docnum)
        return super().collect(sub_docnum)


def whoosh_scores(searcher, q) -> dict[int, float]:
    """Every match of `q` and its score, by Whoosh's matchers."""
    collector = _CountingTop(limit=10 ** 6)
    searcher.search_with_collector(q, collector)
    return {docnum: score for score, docnum in collector.results().top_n}


def array_scores(searcher, q) -> dict[int, float]:
    m = evaluate(searcher, q)
    assert list(m.ids) == sorted(set(m.ids.tolist()))
    return dict(zip(m.ids.tolist(), m.scores.tolist()))


QUERIES = [
    ("ASN", {}), ("media sosial", {}), ("hukuman disiplin", {}), ("kampanye", {"kind": "news"}),
    ("baliho spanduk", {}), ("PP 94/2021", {}), ("title:netralitas", {}), ("baliho OR medsos", {}),
    ("ASN dilarang", {"region": "Kabupaten Gowa"}), ("foto paslon", {}), ("", {"severity": "berat"}),
    ("netralitas", {"category": "social-media-engagement", "kind": "circular"}), ("kampanye Sleman", {}),
    ("xyzzy", {}),
]


@pytest.mark.parametrize("fuzzy, any_word", [(False, False), (True, False), (False, True), (True, True)])
@pytest.mark.parametrize("text, filters", QUERIES)
def test_arrays_match_and_score_as_whoosh(segmented, text, filters, fuzzy, any_word):
    ix, searcher = segmented
    q = parse_query(ix, text, any_word=any_word, fuzzy=fuzzy)
    if filters:
        q = And([q, ConstantScoreQuery(And([Term(k, v) for k, v in filters.items()]), 0.0)])
    expected, got = whoosh_scores(searcher, q), array_scores(searcher, q)
    assert got.keys() == expected.keys()
    if filters and any(isinstance(s, AndMaybe) for s in q.subqueries):
        # Whoosh's AndMaybe under an intersection can lose optional matches (see
        # test_and_maybe_adds_every_optional_match): never a lower score here, never another match
        assert all(got[d] >= expected[d] - 1e-9 for d in expected)
        return
    assert all(got[d] == pytest.approx(expected[d], rel=1e-9, abs=1e-12) for d in expected)
    top = evaluate(searcher, q).top(5)
    collector = _CountingTop(limit=5)
    searcher.search_with_collector(q, collector)
    assert [d for _, d in top] == [d for _, d in collector.results().top_n]


def test_the_query_table_reaches_the_interesting_cases(segmented):
    # the table above would prove little if its queries matched nothing or were all evaluated elsewhere
    ix, searcher = segmented
    sizes = [len(evaluate(searcher, parse_query(ix, text))) for text, _ in QUERIES[:6]]
    assert all(n > 0 for n in sizes)
    assert len(evaluate(searcher, parse_query(ix, "ASN", any_word=True))) > 0  # coordination-scaled OR


def test_and_maybe_adds_every_optional_match(segmented):
    # "ASN" is a soft word: it ranks without excluding (AndMaybe). Whoosh's AndMaybeMatcher, under an
    # intersection, can skip past an optional match (its skip_to moves the optional side only to the
    # target, not to where the required side landed); here each clause that has the word gets its score.
    ix, searcher = segmented
    required = parse_query(ix, "kampanye")
    optional = parse_query(ix, "ASN", any_word=True)
    flt = ConstantScoreQuery(Term("clause_kind", "prohibition"), 0.0)
    q = And([AndMaybe(required, optional), flt])
    base = whoosh_scores(searcher, And([required, flt]))
    extra = whoosh_scores(searcher, optional)
    got = array_scores(searcher, q)
    assert got.keys() == base.keys() and any(d in extra for d in base)
    for d, score in base.items():
        assert got[d] == pytest.approx(score + extra.get(d, 0.0), rel=1e-9)


@pytest.mark.parametrize("text", ['"media sosial"', "camp*", "kampanye NOT baliho"])
def test_queries_the_arrays_do_not_know_are_left_to_whoosh(segmented, indexed, text):
    ix, searcher = segmented
    with pytest.raises(Unsupported):
        evaluate(searcher, parse_query(ix, text))
    assert indexed.search(text).total == len(whoosh_scores(searcher, parse_query(ix, text)))


def test_a_quoted_phrase_finds_its_words_in_order(indexed):
    # "media sosial" is a synonym phrase: its group term, indexed at the first word's place, must not
    # break the phrase; the phrase is also asked of the topic words (kept without positions)
    everything = indexed.search("", limit=1000).hits
    literal = {h.id for h in everything if "media sosial" in " ".join(h.text.lower().split())}
    found = indexed.search('"media sosial"', limit=1000).hits
    assert literal and literal <= {h.id for h in found}
    for h in found:  # the other hits have both words among their topic words
        topics = topic_words(h.categories, h.sanctions).split()
        assert h.id in literal or {"media", "sosial"} <= set(topics)
    assert indexed.search('"sosial media"', limit=1000).total < len(found)


def test_facets_count_what_matches(indexed):
    # facet counts from the coded columns against a count over the hits themselves
    r = indexed.search("ASN", limit=1000)
    assert r.total == len(r.hits) > 10
    by_region, by_category = {}, {}
    for h in r.hits:
        by_region[h.region] = by_region.get(h.region, 0) + 1
        for c in h.categories:
            by_category[c] = by_category.get(c, 0) + 1
    assert dict(r.facets["region"]) == {k: v for k, v in by_region.items() if k}
    assert dict(r.facets["category"]) == by_category


@pytest.mark.parametrize("text", ["kampanye", "media sosial", "hukuman disiplin", "", '"hukuman disiplin"'])
def test_documents_ranked_over_arrays_are_those_of_whoosh_matchers(segmented, monkeypatch, text):
    # himpun/index/documents.py ranks documents from each part's matches: over the posting arrays, or by
    # Whoosh's matchers for what the arrays do not know (a phrase); both give the same ranking
    from himpun.index import documents
    ix, searcher = segmented
    q = parse_query(ix, text)
    got = documents.rank(searcher, q)

    def unsupported(*_):
        raise Unsupported("forced")

    monkeypatch.setattr(documents, "evaluate", unsupported)
    want = documents.rank(searcher, q)
    assert got.codes and got.codes == want.codes
    assert got.scores == pytest.approx(want.scores)
    assert [[d for _, d in got.clauses(c)] for c in got.codes] == [[d for _, d in want.clauses(c)] for c in want.codes]
    assert got.matched.tolist() == want.matched.tolist() and sum(map(got.count, got.codes)) == len(got.matched)


def test_facet_columns_are_read_whole(segmented):
    # the facet fields are RefBytesColumns read as arrays (the first search of a process pays little)
    from himpun.index.facets import _segment_refs
    _, searcher = segmented
    for sub, _ in searcher.leaf_searchers():
        refs, uniques = _segment_refs(sub.reader(), "region")
        assert refs is not None and len(refs) == sub.reader().doc_count_all() and uniques
