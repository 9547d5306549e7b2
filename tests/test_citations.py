"""Citation keys from every way a regulation is written (table-driven)."""
import pytest

from himpun.ingest.parse.citations import find_citations


@pytest.mark.parametrize("text, keys", [
    ("sesuai Undang-Undang Nomor 5 Tahun 2014 tentang ASN", ["UU 5/2014"]),
    ("UU No 5/2014 dan UU No. 20 Tahun 2023", ["UU 5/2014", "UU 20/2023"]),
    ("PP No. 94 Thn 2021", ["PP 94/2021"]),
    ("UU ASN Nomor 5 Tahun 2014 menyatakan", ["UU 5/2014"]),
    ("UU Pemilu mengatur kampanye; PP Disiplin No. 94 Tahun 2021", ["PP 94/2021"]),
    ("Peraturan Pemerintah nomor 42 tahun 2004 tentang kode etik", ["PP 42/2004"]),
    ("Peraturan Pemerintah (PP) Nomor 94 Tahun 2021", ["PP 94/2021"]),
    ("berdasarkan Undang-Undang peraturan Pemerintah Nomor 94 Tahun 2021", ["PP 94/2021"]),
    ("Peraturan Pemerintah Nomor 94 Tahun\n2021 Tentang Disiplin", ["PP 94/2021"]),
    ("hukuman menurut PP 53 tentang disiplin", ["PP 53/2010"]),
    ("UU Nomor 5 Tahun 2Ol4", ["UU 5/2014"]),
    # OCR's hyphen between a type's words, and its comma before "Nomor"
    ("b. Peraturan-Pemerintah Nomor 42 Tahun 2004 tentang", ["PP 42/2004"]),
    ("d. Peraturan Pemerintah, Nomor 94 Tahun 2021 tentang Disiplin", ["PP 94/2021"]),
    ("Peraturan Menteri - Dalam Negeri Nomor 1 Tahun 2014", ["Permendagri 1/2014"]),
    ("menurut Peraturan Pemerintah, 94 orang pada tahun 2021", []),
    ("UU Nomor 20 Tahun 202$ tentang ASN", ["UU 20/2023"]),
    # a year no regulation has: one digit misread of a known one
    ("Peraturan Pemerintah Nomer 42 Tahun 2604 tentang Pembinaan Jiwa Korps", ["PP 42/2004"]),
    ("Undang-Undang Nomor 5 Tahun 2914 tentang Aparatur Sipil Negara", ["UU 5/2014"]),
    ("Undang-Undang Nomor 5 Tahun 2099", []),
    ("Perbawaslu Nomor 6 Tahun 2018", ["Perbawaslu 6/2018"]),
    ("PKPU Nomor 2 Tahun 2024", ["PKPU 2/2024"]),
    ("Perppu Nomor 1 Tahun 2014", ["Perppu 1/2014"]),
    ("Undang-Undang Dasar Negara Republik Indonesia Tahun 1945", ["UUD 1945"]),
    ("Surat Edaran Menteri PANRB Nomor 1 Tahun 2023", ["SE MenPANRB 1/2023"]),
    # a circular numbered as a letter is: the number as written, which ends in the year
    ("Surat Edaran Menteri PANRB Nomor B/71/M.SM.00.00/2017 tanggal 27 Desember 2017",
     ["SE MenPANRB B/71/M.SM.00.00/2017"]),
    ("SE MenPAN-RB No. B/94/M.SM.00.00/2019.", ["SE MenPANRB B/94/M.SM.00.00/2019"]),
    ("Surat Edaran MenPANRB Nomor B/2355/M.PANRB/07/2015 tentang", ["SE MenPANRB B/2355/M.PANRB/07/2015"]),
    ("Surat Menteri PANRB Nomor B/51/M.SM.00.00/2024 perihal", []),  # a letter, not a circular
    ("SKB Nomor 2 Tahun 2022 tentang netralitas", ["SKB 2/2022"]),
    ("Keputusan Bersama Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi, Menteri Dalam "
     "Negeri, Kepala Badan Kepegawaian Negara, Ketua Komisi Aparatur Sipil Negara, dan Ketua Badan "
     "Pengawas Pemilihan Umum Nomor 02 tahun 2022", ["SKB 2/2022"]),
    ("surat bernomor 1447.1/PM.01/K.1/09/2022", ["SKB 2/2022"]),
    # described, not numbered
    ("tindak lanjut dari keputusan bersama sejumlah kementerian dan lembaga pada tahun 2022", ["SKB 2/2022"]),
    ("sesuai SKB lima menteri tahun 2022 tentang netralitas", ["SKB 2/2022"]),
    ("Keputusan Bersama Nomor 3 Tahun 2022", ["SKB 3/2022"]),
    # a count of the institutions, or the offices in lowercase, between the type and its number
    ("SKB 5 Lembaga No. 2 Tahun 2022 (MenPANRB, Mendagri, BKN, KASN, Bawaslu)", ["SKB 2/2022"]),
    ("Keputusan Bersama lima menteri dan kepala lembaga Nomor 2 Tahun 2022 tentang Pedoman", ["SKB 2/2022"]),
    ("keputusan bersama kepala desa pada 2021", []),
    ("Keputusan Bersama 5 (lima) Menteri/Kepala Lembaga Nomor 2 Tahun 2022 dan seterusnya", ["SKB 2/2022"]),
    # a number OCR lost: the one known regulation of that type and year whose title follows "tentang"
    ("berpedoman pada Undang-Undang Nomor Tahun 2023 tentang Aparatur Sipil Negara, Peraturan Pemerintah Nomor 94 "
     "Tahun 2021 tentang Disiplin PNS", ["UU 20/2023", "PP 94/2021"]),
    ("PP Nomor Tahun 2004 tentang Pembinaan Jiwa Korps dan Kode Etik PNS", ["PP 42/2004"]),
    ("Undang-Undang Nomor Tahun 2014 tentang Aparatur", []),  # one word of the title: UU 5/2014? too little
    ("UU Nomor Tahun 2023 tentang Pemilu", []),  # no such regulation known
    ("Keputusan Bersama Menteri PANRB, Mendagri, Kepala BKN, Ketua KASN, dan Ketua Bawaslu tentang Pedoman "
     "Pembinaan dan Pengawasan Netralitas Pegawai ASN", ["SKB 2/2022"]),
    # the joint decree by its five bodies and its subject, as officers write it
    ("Dasar: UU 20/2023 ttg ASN, PP 94/2021 ttg Disiplin PNS, SKB 5 lembaga ttg netralitas ASN.",
     ["UU 20/2023", "PP 94/2021", "SKB 2/2022"]),
    ("sesuai SKB 5 lembaga tahun 2020 tentang netralitas ASN", []),
    # OCR's speck before a year on the next line
    ("berdasarkan Pasal 7 ayat (2) huruf t Undang-Undang Nomor 10\n'Tahun 2016 tentang Perubahan Kedua", ["UU 10/2016"]),
    # a one-character number misread, before its year
    ("Undang-Undang Nomor l Tahun 201$ tentang Pemilihan", ["UU 1/2015"]),
    ("Undang-Undang Nomor $ Tahun 2014 tentang ASN", ["UU 5/2014"]),
    # not citations
    ("Surat Edaran Nomor 8 Tahun 2024 tentang netralitas", []),
    ("Lembaran Negara Republik Indonesia Tahun 2014 Nomor 6", []),
    ("Undang-Undang Pemilu mengatur kampanye", []),
    ("PP 77 tanpa tahun", []),
])
def test_citation_keys(text, keys):
    assert [c.key for c in find_citations(text)] == keys


def test_citation_spans_point_at_the_words():
    text = "Menurut PP No. 94 Thn 2021, ASN dilarang."
    (c,) = find_citations(text)
    assert text[c.start:c.end] == "PP No. 94 Thn 2021"
    assert c.text == "PP No. 94 Thn 2021"


def test_an_instrument_drops_its_own_key_but_not_what_it_weighs_before_700_characters():
    from himpun.ingest.parse import parse_document
    from himpun.records import Page
    text = ("PERATURAN GUBERNUR BALI\nNOMOR 38 TAHUN 2016\nTENTANG\nKODE ETIK PEGAWAI NEGERI SIPIL\n"
            "GUBERNUR BALI,\nMenimbang : a. bahwa berdasarkan Peraturan Pemerintah Nomor 42 Tahun 2004 tentang "
            "Pembinaan Jiwa Korps dan Kode Etik PNS, perlu menetapkan kode etik;\n"
            "Mengingat : 1. Undang-Undang Nomor 5 Tahun 2014 tentang ASN;\n\nPNS dilarang ikut kampanye.")
    doc = parse_document([Page(1, text)], source="x.pdf", sha256="c" * 64)
    assert doc.kind == "regulation"
    assert [c.key for c in doc.citations] == ["PP 42/2004", "UU 5/2014"]


def test_a_text_cannot_cite_by_description_a_decree_made_after_it():
    from himpun.ingest.parse import parse_document
    from himpun.records import Page

    def keys(text):
        return [c.key for c in parse_document([Page(1, text)], source="x.txt", sha256="0" * 64).citations]
    body = "\nSesuai SKB 5 lembaga tentang netralitas ASN, ASN dilarang berkampanye."
    assert keys("Jakarta, 5 Oktober 2024" + body) == ["SKB 2/2022"]
    assert keys("Jakarta, 5 Oktober 2020" + body) == []  # (Pilkada 2020 had a joint decree of its own)
    # (an old date in a recent text does not make it old)
    assert keys("Diangkat CPNS 1 Januari 2005. Laporan 5 Oktober 2024" + body) == ["SKB 2/2022"]
    # (one that gives its year is cited as written)
    assert keys("Jakarta, 5 Oktober 2020\nSesuai PP Nomor 94 Tahun 2021, ASN dilarang berkampanye.") == ["PP 94/2021"]
