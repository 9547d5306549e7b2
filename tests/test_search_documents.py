"""Search as officers type it: documents whose clauses hold the words between them, places, issuers,
questions, loose citations, informal words (himpun/index/query.py, himpun/index/documents.py)."""
import pytest

from himpun.index.query import _exact_keys

SE_KLATEN = """PEMERINTAH KABUPATEN KLATEN

SURAT EDARAN
NOMOR 800.1/2417/BKPSDM/2024
TENTANG
NETRALITAS PEGAWAI PADA PEMILIHAN TAHUN 2024

Dalam rangka menjaga netralitas pegawai pada Pemilihan Tahun 2024, disampaikan hal-hal sebagai berikut:
1. Pegawai Negeri Sipil dilarang memasang spanduk atau baliho pasangan calon.
2. Pegawai Negeri Sipil dilarang berfoto bersama pasangan calon dengan simbol jari.
3. Pegawai non-ASN yang terbukti tak netral dikenai pemutusan hubungan kerja.
4. PNS yang melanggar angka 1 dan angka 2 dijatuhi hukuman disiplin sedang.

Ditetapkan di Klaten
pada tanggal 3 September 2024
BUPATI KLATEN,

ttd

SRI MULYANI
"""

BERITA_SLEMAN = """ASN Sleman Dilarang Pasang Spanduk Paslon

Sleman - Badan Kepegawaian Daerah Kabupaten Sleman mengingatkan seluruh ASN agar menjaga netralitas selama Pilkada 2024.

"ASN dilarang memasang spanduk pasangan calon dan dilarang berfoto bersama calon," kata Kepala BKD Sleman, Rabu (4/9/2024).

Menurutnya, ASN yang melanggar akan dijatuhi hukuman disiplin sedang sesuai Peraturan Pemerintah Nomor 94 Tahun 2021.
"""


@pytest.fixture(scope="module")
def lib(tmp_path_factory):
    from himpun.library import Library
    root = tmp_path_factory.mktemp("officers")
    inbox = root / "inbox"
    inbox.mkdir()
    (inbox / "se_klaten.txt").write_text(SE_KLATEN, "utf-8")
    (inbox / "berita_sleman.txt").write_text(BERITA_SLEMAN, "utf-8")
    library = Library(root / "library")
    library.ingest([inbox])
    yield library
    library.close()


def regions(result) -> list[str]:
    return [d.region for d in result.documents] if result.documents is not None else [h.region for h in result.hits]


@pytest.mark.parametrize("query, by_document, expected", [
    # the Sleman report says "spanduk" in one paragraph and "hukuman" in another: a document, not a clause
    ("spanduk hukuman", False, ["Kabupaten Klaten"]),
    ("spanduk hukuman", True, ["Kabupaten Klaten", "Kabupaten Sleman"]),  # the one saying both in one place first
    # the place is the region of the hits
    ("spanduk Klaten", True, ["Kabupaten Klaten"]),
    ("larangan spanduk Sleman", False, ["Kabupaten Sleman", "Kabupaten Sleman"]),
    # the issuer is searched: no clause of the circular says "bupati"
    ("edaran bupati spanduk", False, ["Kabupaten Klaten"]),
    # informal words: "tak" is "tidak", "honorer" is "non-ASN"
    ("honorer tidak netral", False, ["Kabupaten Klaten"]),
    # a typed question: its words rank without excluding, its mark is no wildcard
    ("apa sanksi pasang spanduk?", False, ["Kabupaten Klaten"]),
    ("boleh tidak ASN berfoto bersama calon?", True, ["Kabupaten Sleman", "Kabupaten Klaten"]),
    # a citation typed with the year straight after the number; a citation's words are never soft ("Peraturan")
    ("PP 94 2021 spanduk", True, ["Kabupaten Sleman"]),
    ("Peraturan Pemerintah Nomor 94 Tahun 2021 spanduk", True, ["Kabupaten Sleman"]),
    # an instrument's name ranks: the circular says nowhere that it is no "instruksi"
    ("instruksi bupati spanduk", True, ["Kabupaten Klaten"]),
    # OCR's "rn" for "m" in what was typed (two edits from the word)
    ("spanduk hukurn", True, ["Kabupaten Klaten", "Kabupaten Sleman"]),
])
def test_officer_queries(lib, query, by_document, expected):
    result = lib.search(query, by_document=by_document, facets=False)
    assert regions(result) == expected
    assert not result.relaxed and result.elsewhere == []


def test_a_place_without_matches_shows_the_others_and_says_so(lib):
    result = lib.search("spanduk Gowa", by_document=True)
    assert regions(result) == ["Kabupaten Klaten", "Kabupaten Sleman"] and result.elsewhere == ["Kabupaten Gowa"]
    assert lib.search("spanduk Klaten", by_document=True).elsewhere == []
    # nothing has every word, and the clauses with some of them are the place's own: no note
    relaxed = lib.search("spanduk xyzzy Klaten")
    assert relaxed.relaxed and relaxed.hits[0].region == "Kabupaten Klaten" and relaxed.elsewhere == []


@pytest.mark.parametrize("query, certain", [
    ("puncak kampanye", False),  # the height of the campaign
    ("ASN Puncak", True), ("Kabupaten Puncak", True), ("kota batu", True),
    ("batu sandungan", False), ("larangan sidrap", True),  # no common word
])
def test_a_place_that_may_be_a_word_is_required_only_when_sure(query, certain):
    from himpun.index.query import _certain_place, query_places
    assert [_certain_place(query, m) for m in query_places(query)][:1] == [certain]


def test_what_a_query_excludes_is_excluded_from_each_documents_clauses(lib):
    # (Klaten's spanduk clause is also its hukuman clause; Sleman says hukuman elsewhere)
    result = lib.search("spanduk NOT hukuman", by_document=True)
    assert regions(result) == ["Kabupaten Sleman"]
    assert all("hukuman" not in h.text.lower() for h in result.documents[0].hits)
    assert result.total == 2 == result.documents[0].matches
    assert result.total == lib.search("spanduk NOT hukuman").total


def test_a_synonym_phrase_keeps_its_words(lib):
    # "pegawai" and "asn" are ranking words alone; inside "pegawai non asn" they are the honorer group's phrase
    assert lib.search("pegawai non asn").hits[0].text.startswith("Pegawai non-ASN")


def test_documents_show_the_clauses_that_hold_the_words(lib):
    doc = lib.search("honorer tidak netral", by_document=True).documents[0]
    # the title matches "netral" for every clause of the circular; only the clause with the asked words shows
    assert [h.text[:26] for h in doc.hits] == ["Pegawai non-ASN yang terbu"] and doc.matches == 1
    both = lib.search("spanduk hukuman", by_document=True)
    first = both.documents[0].hits[0].text
    assert "spanduk" in first and both.documents[0].hits[0].sanctions  # the clause holding both words first
    assert both.total == sum(d.matches for d in both.documents)
    assert {v for v, _ in both.facets["region"]} == {"Kabupaten Klaten", "Kabupaten Sleman"}


@pytest.mark.parametrize("word, variants", [
    ("gubemur", ["gubernur"]), ("gubernur", ["gubemur"]), ("kampanye", ["karnpanye"]),
    ("mmmmmmm", ["mmrnmmmm", "mmmrnmmm", "mmmmrnmm", "mmmmmrnm"]),  # at most four
    ("pilkada", []),
])
def test_ocr_variants(word, variants):
    from himpun.index.query import ocr_variants
    assert ocr_variants(word) == variants


@pytest.mark.parametrize("query, rewritten", [
    ("UU 10 2016 pasal 71", "keys:'uu 10/2016' pasal 71"),
    ("UU No 20 2023 sanksi", "keys:'uu 20/2023' sanksi"),
    ("PP 94 tahun 2021 pasal 5", "keys:'pp 94/2021' pasal 5"),
    ("pilkada 2024", "pilkada 2024"),  # a year alone is no citation
    ("pasal 71 2016", "pasal 71 2016"),  # nor an article number before a year
    ("SE nomor 12 2024", "SE nomor 12 2024"),
    ("PP 94 2021 spanduk", "keys:'pp 94/2021' spanduk"),  # "PP 94" alone is a citation: the year goes with it
    ("UU 10 2016 pilkada 2020 2024", "keys:'uu 10/2016' pilkada 2020 2024"),  # other pairs stay
    # the joint decree by the name everyone gives it (himpun/data/query_citations.tsv)
    ("sanksi SKB 5 menteri", "sanksi keys:'skb 2/2022'"),
    ("skb lima menteri/kepala lembaga", "keys:'skb 2/2022'"),
    ("SKB 5 Lembaga No. 2 Tahun 2022", "keys:'skb 2/2022'"),  # (the grammar's own citation, once)
    ("5 menteri", "5 menteri"),
    # an instrument number as a document shows it (a space in it), or the part of one an officer remembers
    ("100 3.4.4/4811/BKPSDM/2023", "keys:'100 3.4.4/4811/bkpsdm/2023'"),
    ("4811/BKPSDM/2023", "(keys:'4811/bkpsdm/2023' OR keys:*4811/bkpsdm/2023*)"),
    ("SE 4811", "SE (4811 OR keys:*4811*)"),
    ("800-5474", "(800-5474 OR keys:*800-5474*)"),
    ("pilkada 2024 pukul 10.00", "pilkada 2024 pukul 10.00"),  # a year, a time: no numbers
    ("1447.1", "(1447.1 OR keys:*1447.1*)"),  # a dotted figure whole, not its first part
    ("larangan 2024.", "larangan 2024."),  # a year ending a sentence
    # only a classification code before a slash number is its head; a year stays a word
    ("pilkada 2024 800/12/BKD/2024", "pilkada 2024 (keys:'800/12/bkd/2024' OR keys:*800/12/bkd/2024*)"),
])
def test_citations_typed_loosely(query, rewritten):
    assert _exact_keys(query) == rewritten
