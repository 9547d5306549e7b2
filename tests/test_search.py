"""Search over a real Whoosh index in a temporary library: Indonesian
stemming, filters, facets over all matches, exact keys, query errors."""
import pytest

from himpun.errors import QueryError
from himpun.index.analysis import indonesian_analyzer


@pytest.fixture
def filled(library, sample_dir):
    library.ingest([sample_dir])
    return library


@pytest.mark.parametrize("text, tokens", [
    ("ASN dilarang mempromosikan calon", ["asn", "syn_asn", "larang", "promosi", "calon"]),
    # a synonym phrase also yields its group's term, spanning the phrase
    ("di media sosial", ["media", "sosial", "syn_medsos"]),
    ("pemberhentian tidak dengan hormat", ["henti", "tidak", "syn_tidak", "hormat", "syn_ptdh"]),
    # informal negations are one term with "tidak" ("tak netral", "gak boleh")
    ("tak netral", ["tak", "syn_tidak", "netral", "syn_netral"]),
    # the longest phrase of a group, once; the next phrase of the same group again
    ("alat peraga kampanye dan spanduk", ["alat", "aga", "syn_baliho", "kampanye", "spanduk", "syn_baliho"]),
    ("Nomor 800/1071/BKPSDM dan PP 94/2021", ["nomor", "800/1071/bkpsdm", "pp", "94/2021"]),
    ("yang dan di ke", []),
])
def test_indonesian_analysis(text, tokens):
    assert [t.text for t in indonesian_analyzer()(text)] == tokens


def test_search_media_sosial_across_regions_with_facets(filled):
    r = filled.search("media sosial")
    assert r.total >= 3
    regions = {h.region for h in r.hits}
    assert {"Kabupaten Gowa", "Kota Bekasi", "Kabupaten Pacitan"} <= regions
    facet_regions = dict(r.facets["region"])
    assert sum(facet_regions.values()) == r.total
    assert all("**" in h.snippet for h in r.hits if "media" in h.text.lower())


def test_stemming_meets_word_forms(filled):
    hits = filled.search("promosi").hits
    assert any("mempromosikan" in h.text for h in hits)


def test_filters(filled):
    r = filled.search("ASN", region="Gowa")
    assert r.total > 0 and {h.region for h in r.hits} == {"Kabupaten Gowa"}
    r = filled.search("", category="campaign-materials")
    assert r.total >= 1 and all("campaign-materials" in h.categories for h in r.hits)
    r = filled.search("", severity="berat", kind="news")
    assert r.total >= 1 and all("berat" in h.severity and h.kind == "news" for h in r.hits)
    assert filled.search("", province="Jatim").total == filled.search("", region="Pacitan").total > 0


def test_facets_count_all_matches_not_only_the_page(filled):
    full = filled.search("ASN", limit=100)
    paged = filled.search("ASN", limit=1)
    assert paged.total == full.total and len(paged.hits) == 1
    assert paged.facets == full.facets
    assert paged.pages == full.total


def test_exact_number_and_citation_keys(filled):
    assert {h.region for h in filled.search("800/155/BKPSDM/2024").hits} == {"Kabupaten Gowa"}
    assert {h.region for h in filled.search("PP 94/2021").hits} == {"Kabupaten Gowa"}
    assert {h.region for h in filled.search("Peraturan Pemerintah Nomor 94 Tahun 2021").hits} == {"Kabupaten Gowa"}


def test_topic_words_find_tagged_clauses_first(filled):
    hits = filled.search("foto paslon").hits
    tagged = ["photo-with-candidate" in h.categories for h in hits]
    assert tagged[:2] == [True, True]
    assert tagged == sorted(tagged, reverse=True)  # a clause matched only by its document's title comes last


@pytest.mark.parametrize("query, message", [
    ('"media sosial', "unbalanced quotes"),
    ("(baliho OR spanduk", "unbalanced parentheses"),
    ("wilayah:Gowa", "unknown field 'wilayah'"),
])
def test_query_errors_are_clear(filled, query, message):
    with pytest.raises(QueryError, match=message):
        filled.search(query)


@pytest.mark.parametrize("value, message", [("Tangerang", "say which"), ("Atlantis", "unknown region")])
def test_region_filter_errors(filled, value, message):
    with pytest.raises(QueryError, match=message):
        filled.search("ASN", region=value)


def test_stems_are_kept_in_the_library_and_never_computed_twice(library, sample_dir):
    from himpun.index.analysis import stem_cache, use_stem_cache

    library.ingest([sample_dir], jobs=1)
    first = stem_cache()
    assert first.misses > 20 and first.path == library.root / "stems.db"
    use_stem_cache(None)  # as a new process would start: nothing in memory
    library.reindex()  # the same words again: every stem comes from the library's file
    assert stem_cache().misses == 0
    assert len(stem_cache().stems) == len(first.stems)


def test_stems_found_by_the_background_index_process_are_kept_too(library, sample_dir, monkeypatch):
    from himpun import batch
    from himpun.index.analysis import stem_cache, use_stem_cache

    monkeypatch.setattr(batch, "CHECKPOINT_EVERY", 1)
    use_stem_cache(None)
    library.ingest([sample_dir], jobs=2)  # indexed in a process of its own
    use_stem_cache(None)
    assert stem_cache().misses == 0  # none stemmed here
    library.reindex()
    assert stem_cache().misses == 0 and len(stem_cache().stems) > 20


@pytest.mark.parametrize("query, expected", [
    ("ASN like status calon", "syn_asn syn_like syn_unggahan calon"),
    ("alat peraga kampanye", "syn_baliho"),  # the longest phrase of a group wins
    ('"media sosial" region:medsos', '"media sosial" region:medsos'),  # quotes and field values are left alone
    ("medsos AND NOT netral", "syn_medsos AND NOT syn_netral"),
])
def test_synonym_expansion(query, expected):
    from himpun.index.synonyms import expand

    assert expand(query) == expected


def test_group_terms_share_the_place_of_their_phrase():
    tokens = [(t.text, t.pos) for t in indonesian_analyzer()("memasang spanduk calon", positions=True)]
    assert tokens == [("pasang", 0), ("spanduk", 1), ("syn_baliho", 1), ("calon", 2)]


def test_synonyms_find_the_other_words(filled):
    assert {h.region for h in filled.search("medsos").hits} == {"Kabupaten Gowa", "Kota Bekasi", "Kabupaten Pacitan"}
    assert [h.region for h in filled.search("PTDH").hits] == ["Kabupaten Pacitan"]
    assert filled.search("apk").total == filled.search("baliho").total > 0


def test_ocr_damaged_words_are_found_below_clean_ones(library, tmp_path):
    d = tmp_path / "two"
    d.mkdir()
    (d / "bersih.txt").write_text("ASN dilarang memasang baliho pada masa kampanye.", encoding="utf-8")
    (d / "rusak.txt").write_text("ASN dilarang memasang baliho pada masa kampamye.", encoding="utf-8")  # OCR: n as m
    library.ingest([d])
    hits = library.search("kampanye").hits
    assert [h.path.rsplit("/", 1)[-1] for h in hits] == ["bersih.txt", "rusak.txt"]
    assert hits[0].score > 2 * hits[1].score
    # one edit away is the limit: no flood of loosely similar words
    assert library.search("kampung").total == 0


@pytest.mark.parametrize("typed, correct", [
    ("pelangaran", "pelanggaran"),  # a letter dropped: the stem ("langgar") is far from the word typed
    ("pemberhentain", "pemberhentian"),  # two letters swapped
    ("pemberhentlan", "pemberhentian"),  # OCR's l for i
    ("menggunakam", "menggunakan"),
    ("mempromosikn", "mempromosikan"),
])
def test_a_misspelled_affixed_word_finds_the_word(filled, typed, correct):
    expected = {h.id for h in filled.search(correct).hits}
    assert expected and {h.id for h in filled.search(typed).hits} == expected


def test_a_misspelled_word_of_nearly_every_clause_ranks_but_does_not_exclude(filled):
    # "netralitas" only ranks (himpun/data/soft_words.txt); typed wrong, it must not become a required word
    assert filled.search("baliho netralitsa").total == filled.search("baliho netralitas").total \
        == filled.search("baliho").total


@pytest.mark.parametrize("query", ["800/155/BKPSDM/2024", "155/BKPSDM/2024", "155/BKPSDM", "800/155"])
def test_an_instrument_number_or_a_part_of_it_finds_its_document(filled, query):
    regions = {h.region for h in filled.search(query, limit=100).hits}
    assert regions == {"Kabupaten Gowa"}, query


def test_stop_words_beside_a_place_leave_it_the_region_of_the_hits(filled):
    for query in ("media sosial di bekasi", "larangan di bekasi", "apa saja larangan asn di bekasi"):
        result = filled.search(query)
        assert result.hits and {h.region for h in result.hits} == {"Kota Bekasi"}, query
        assert not result.relaxed, query


def test_a_place_in_the_query_is_the_region_of_the_hits(filled):
    # "Bekasi" is the region of the hit, not a word its clauses must contain; what the officer asks for
    result = filled.search("media sosial bekasi")
    assert result.hits and {h.region for h in result.hits} == {"Kota Bekasi"} and result.elsewhere == []
    # a place with nothing that matches: the other regions' hits, and the place named as missing
    everywhere = filled.search("media sosial")
    result = filled.search("media sosial sleman")
    assert result.elsewhere == ["Kabupaten Sleman"]
    assert [h.id for h in result.hits] == [h.id for h in everywhere.hits] and len({h.region for h in result.hits}) > 1
    # with nothing else specific in the query, the place is what the officer asks for
    assert {h.region for h in filled.search("larangan asn bekasi").hits} == {"Kota Bekasi"}
    # a province name ranks the regions of that province first
    assert filled.search("baliho jatim").total == filled.search("baliho").total


def test_words_in_every_clause_rank_but_do_not_exclude(filled):
    # "pilkada" stands in few clauses: as a required word it would hide most of the baliho clauses
    assert filled.search("baliho pilkada").total == filled.search("baliho").total


def test_pages_walk_every_hit_once(filled):
    everything = [h.id for h in filled.search("ASN", limit=1000).hits]
    walked, page = [], 1
    while True:
        r = filled.search("ASN", limit=3, page=page)
        walked += [h.id for h in r.hits]
        if page >= r.pages:
            break
        page += 1
    assert walked == everything and r.pages == -(-len(everything) // 3)


def test_counts_and_filters_agree_with_whoosh_own_matching(filled):
    # the single pass that counts and ranks must count exactly what Whoosh matches
    from whoosh.query import And, Term

    from himpun.index import open_index
    from himpun.index.search import parse_query
    ix = open_index(filled.index_dir)
    with ix.searcher() as s:
        for query, filters in [("ASN", {}), ("media sosial", {"kind": "news"}), ("kampanye", {"region": "Kabupaten Gowa"})]:
            q = parse_query(ix, query)
            q = And([q] + [Term(k, v) for k, v in filters.items()]) if filters else q
            expected = len(list(s.docs_for_query(q)))
            r = filled.search(query, limit=2, **{k: v.split()[-1] if k == "region" else v for k, v in filters.items()})
            assert r.total == expected > 0


def test_cached_field_lengths_score_like_bm25f(filled):
    from whoosh.scoring import BM25F

    from himpun.index import open_index
    from himpun.index.scoring import FastBM25F
    from himpun.index.search import parse_query
    ix = open_index(filled.index_dir)
    for query in ("media sosial", "ASN dilarang", "hukuman disiplin"):
        q = parse_query(ix, query)
        with ix.searcher(weighting=BM25F()) as a, ix.searcher(weighting=FastBM25F()) as b:
            ra = [(h.docnum, round(h.score, 9)) for h in a.search(q, limit=None)]
            rb = [(h.docnum, round(h.score, 9)) for h in b.search(q, limit=None)]
        assert ra == rb and ra


def test_a_kept_searcher_sees_a_rebuilt_index(filled, tmp_path):
    # the searcher kept between searches is replaced when the index changes, also when an index
    # rebuilt in the same folder reaches the same generation number
    before = filled.search("netralitas").total
    assert before > 0
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "se.txt").write_text(
        "SURAT EDARAN BUPATI SLEMAN\nNomor: 800/12/2024\n\n"
        "ASN dilarang menunjukkan ketidaknetralan dan melanggar netralitas di media sosial.\n", encoding="utf-8")
    filled.ingest([tmp_path / "more"])
    assert filled.search("netralitas").total == before + 1
    filled.reindex()
    assert filled.search("netralitas").total == before + 1


def test_an_empty_library_searches_without_error(library):
    r = library.search("ASN")
    assert r.total == 0 and r.hits == [] and all(v == [] for v in r.facets.values())


def test_words_of_a_document_title_find_its_clauses_below_text_matches(library, tmp_path):
    # "surat edaran gubernur NTB": an officer names the document; its clauses do not repeat its title
    d = tmp_path / "two"
    d.mkdir()
    (d / "edaran.html").write_text(
        "<html><head><title>Surat Edaran Gubernur tentang Netralitas ASN</title></head><body><article>"
        "<h1>Surat Edaran Gubernur tentang Netralitas ASN</h1><p>ASN dilarang memasang baliho pasangan calon.</p>"
        "<p>ASN dilarang berfoto bersama pasangan calon.</p></article></body></html>", encoding="utf-8")
    (d / "berita.txt").write_text("Pegawai dilarang ikut kampanye, sebagaimana diatur dalam surat edaran "
                                  "gubernur.", encoding="utf-8")
    library.ingest([d])
    hits = library.search("surat edaran gubernur", limit=20).hits
    assert hits[0].path.endswith("berita.txt")  # the words in the clause itself rank first
    titled = [h for h in hits if h.path.endswith("edaran.html")]
    assert {h.title for h in titled} == {"Surat Edaran Gubernur tentang Netralitas ASN"}
    assert any("baliho" in h.text for h in titled) and any("berfoto" in h.text for h in titled)
    assert all(h.score < hits[0].score for h in titled)
