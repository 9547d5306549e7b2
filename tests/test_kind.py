"""Document kind and title."""
import pytest

from himpun.ingest.parse.kind import detect_kind, detect_title


@pytest.mark.parametrize("text, dropped, fmt, expected", [
    ("BUPATI GOWA\n\nSURAT EDARAN\nNomor: 800/1/2024", [], "text", "circular"),
    # an agency's letter: number, subject, addressee
    ("BAWASLU PROVINSI MALUKU UTARA\nNomor : 217/PM.00.02/K.MU/09/2024\nSifat : Penting\nHal : Imbauan "
     "Netralitas ASN\n\nYth.\n1. Gubernur Maluku Utara;", [], "text", "circular"),
    # ... its colons lost by OCR after "Perihal"
    ("DINAS PENDIDIKAN\nNomor : 400.3/1128/Dikbud/IX/2024\nLampiran -\nPerihal Netralitas Guru ASN\n\nYth. Kepala SD",
     [], "image", "circular"),
    ("DINAS PENDIDIKAN\nNomor : 400.3/1128\nHal ini perlu diperhatikan.\n\nYth. Kepala SD", [], "text", "other"),
    # ... every colon lost, the labels in a column of their own
    ("BAWASLU KABUPATEN BOYOLALI\nNomor 187/PP.01.02/K.JT-08/10/2024 Boyolali, 16 Oktober 2024\nLampiran 1 berkas\n"
     "Hal Penerusan Pelanggaran Netralitas\n\nKepada\nYth. Penjabat Bupati Boyolali", [], "image", "circular"),
    ("Nomor 5 di antara mereka hadir.\nHal Penting dicatat.\nYth. Bapak", [], "text", "other"),
    # an office's numbered announcement
    ("BKPSDM KABUPATEN CIANJUR\n\nPENGUMUMAN\nNomor: 800.1.6/3390/BKPSDM/2024\nTENTANG\nLARANGAN", [], "text",
     "circular"),
    ("PENGUMUMAN\nPemenang lomba kebersihan kantor diumumkan besok.", [], "text", "other"),
    # an agency's press release, even on its website with a dateline and quotes
    ("SIARAN PERS\nNomor: 061/RILIS/BKN/XI/2024\nJakarta – Humas BKN. BKN menerima 412 laporan, ujar Danu.",
     ["Bagikan", "Berita Terkait"], "html", "other"),
    # a speech as written for its speaker, the minutes of a meeting
    ("NASKAH SAMBUTAN\nPENJABAT BUPATI TANGGAMUS\nPADA APEL SIAGA NETRALITAS ASN\n\nASN harus netral, kata saya.", [],
     "text", "other"),
    ("PEMERINTAH KABUPATEN PESISIR SELATAN\nNOTULEN\nRAPAT KOORDINASI NETRALITAS ASN", [], "text", "other"),
    ("KEPUTUSAN BERSAMA MENTERI DALAM NEGERI DAN KEPALA BKN", [], "pdf", "decree"),
    ("PERATURAN PEMERINTAH REPUBLIK INDONESIA\nNOMOR 94 TAHUN 2021", [], "pdf", "regulation"),
    ("PAKTA INTEGRITAS\nSaya yang bertanda tangan di bawah ini", [], "text", "pact"),
    ("BULUKUMBA, RADARSELATAN.FAJAR.CO.ID -- Bupati mengimbau ASN.", [], "text", "news"),
    ("Surabaya (ANTARA) - Pemkot menerbitkan SE.", [], "text", "news"),
    ("ZONAKATA.COM – MAKASSAR Pj Gubernur mengeluarkan SE.", [], "text", "news"),
    ("Liputan6.com, Jakarta - Tahapan Pilkada terus bergulir.", [], "text", "news"),  # a digit in the host
    ("Tempo.co - ASN diminta netral.", [], "text", "news"),
    ("ASN harus netral, kata dia. Ini penting, ujarnya.", [], "text", "news"),
    ("Catatan rapat tentang netralitas ASN.", [], "text", "other"),
    # an agency head's numbered reprimand is a letter of his; a web page of questions and answers is an explainer
    ("PEMERINTAH KABUPATEN BLITAR\nTEGURAN TERTULIS\nNOMOR 862.3/1472/409.201/2020\nDengan ini saya ...", [], "pdf",
     "circular"),
    ("Pertanyaan\nBolehkah saya hadir?\nJawaban\nBoleh, asal tidak ikut kampanye.", [], "html", "news"),
    ("Pertanyaan 1: Apakah Saudara sehat?\nJawaban : Ya.", [], "pdf", "other"),
    ("TEGURAN TERTULIS\nNo. 1 Dinas Kesehatan 3 kasus", [], "pdf", "other"),
    # the transcript of a press conference is the speakers' own words, not a report
    ("BADAN PENGAWAS PEMILIHAN UMUM KOTA BENGKULU\nTRANSKRIP KONFERENSI PERS\nKETUA: ASN dilarang ikut kampanye, "
     "ujarnya.", [], "pdf", "other"),
    # a chat export is the chat's, though a message forwards a circular
    ("Chat WhatsApp dengan INFO ASN\n09/09/24 08.05 - Dede Sekcam: Diteruskan\nSURAT EDARAN BUPATI SUKABUMI\n"
     "Nomor 800.1.6.1/5012-BKPSDM/2024", [], "text", "other"),
    ("[07.52, 30/8/2024] Kasubbag Umum Dinkes: Diteruskan\nSURAT EDARAN PJ BUPATI MUSI BANYUASIN", [], "text", "other"),
    ("SURAT EDARAN\nNomor 800/12/2024\n12/10/2024 10.00 WIB rapat koordinasi", [], "text", "circular"),
    ("SURAT EDARAN\nNomor 800/12/2024\n12/10/2024 10.00 - 12.00 WIB : rapat koordinasi", [], "text", "circular"),
    ("9/9/24 8:05 AM - Dede: Diteruskan\nSURAT EDARAN BUPATI SUKABUMI", [], "text", "other"),
    ("Catatan rapat tentang netralitas ASN.", ["Baca juga: x", "Editor: y", "Komentar"], "text", "news"),
])
def test_kind(text, dropped, fmt, expected):
    assert detect_kind(text, dropped, fmt) == expected


def test_a_web_page_its_head_calls_an_article_is_a_published_piece():
    blog = "Netralitas ASN di Banjarbaru\nSaya membaca surat edaran itu dengan serius."
    assert detect_kind(blog, [], "html", article=True) == "news"
    assert detect_kind(blog, [], "html") == "other"


@pytest.mark.parametrize("text, kind, container, expected", [
    ("SURAT EDARAN\nNomor: 1/2/3\nTENTANG\nNETRALITAS ASN\nDALAM PILKADA 2024\n\nDalam rangka ...", "circular",
     None, "NETRALITAS ASN DALAM PILKADA 2024"),
    ("SURAT EDARAN\nTENTANG\nNETRALITAS ASN DALAM PEMILIHAN KEPALA DAERAH\nDalam rangka menjaga", "circular",
     None, "NETRALITAS ASN DALAM PEMILIHAN KEPALA DAERAH"),
    ("KEPUTUSAN BERSAMA NOMOR 2 TENTANG PEDOMAN PEMBINAAN DAN PENGAWASAN NETRALITAS PEGAWAI APARATUR SIPIL "
     "NEGARA DALAM PENYELENGGARAAN PEMILIHAN UMUM DAN PEMILIHAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN "
     "REFORMASI BIROKRASI, Menimbang", "decree", None,
     "PEDOMAN PEMBINAAN DAN PENGAWASAN NETRALITAS PEGAWAI APARATUR SIPIL NEGARA DALAM PENYELENGGARAAN "
     "PEMILIHAN UMUM DAN PEMILIHAN"),
    ("Pemkot Larang ASN Like Status\n\nSERANG - Pemkot melarang.", "news", None, "Pemkot Larang ASN Like Status"),
    # a letter's subject whose colon OCR lost; not a sentence that starts with the word
    ("DINAS PENDIDIKAN\nNomor : 400.3/1128\nPerihal Netralitas Guru ASN\n\nYth. Kepala SD", "circular", None,
     "Netralitas Guru ASN"),
    ("DINAS PENDIDIKAN\nNomor : 400.3/1128\nPerihal tersebut perlu diperhatikan.\n\nYth. Kepala SD", "circular", None,
     None),
    ("SERANG - Pemkot melarang ASN.", "news", "Judul dari HTML", "Judul dari HTML"),
])
def test_title(text, kind, container, expected):
    assert detect_title(text, kind, container) == expected


def test_a_disposition_sheet_on_top_of_a_letter_is_the_registry_s_not_the_letter_s():
    from himpun.ingest.parse import parse_document
    from himpun.records import Page
    sheet = ("PEMERINTAH PROVINSI PAPUA SELATAN\nSEKRETARIAT DAERAH\n\nLEMBAR DISPOSISI\n\nSurat dari : Bawaslu Provinsi "
             "Papua Selatan\nNo. Surat 118/PM.00.02/K.PS/VIII/2024\nDiterima Tgl. 13 Agustus 2024\n"
             "No. Agenda 1274/B.UM/VIII/2024\n\nIsi Disposisi\nSekda - tindak lanjuti dgn SE Gub.")
    letter = ("BADAN PENGAWAS PEMILIHAN UMUM\nPROVINSI PAPUA SELATAN\n\nMerauke, 12 Agustus 2024\n\n"
              "Nomor 118/PM.00.02/K.PS/VIII/2024\nSifat Penting\nHal Imbauan Netralitas ASN\n\n"
              "Yth. Penjabat Gubernur Papua Selatan\n\nPegawai ASN dilarang ikut kampanye pasangan calon.\n\n"
              "KETUA BAWASLU PROVINSI PAPUA SELATAN,\n\nYOHANES MAHUZE")
    doc = parse_document([Page(1, sheet, ocr=True), Page(2, letter, ocr=True)], source="x.tif", sha256="d" * 64)
    assert (doc.kind, doc.issuers, doc.numbers, doc.dates) == (
        "circular", ["Ketua Bawaslu Provinsi Papua Selatan"], ["118/PM.00.02/K.PS/VIII/2024"], ["2024-08-12"])
    assert [c.categories for c in doc.clauses] == [["campaign-participation"]]


def test_a_terms_of_reference_is_an_agency_s_own_paper():
    assert detect_kind("PEMERINTAH KABUPATEN SUMBA BARAT DAYA\n\n   KERANGKA ACUAN KERJA (KAK)\n   TERM OF REFERENCE (TOR)\n"
                       "Kegiatan : Sosialisasi Netralitas ASN", [], "text") == "other"


def test_a_letter_that_names_a_disposition_sheet_is_still_the_letter():
    from himpun.ingest.parse import parse_document
    from himpun.records import Page
    letter = ("PEMERINTAH KABUPATEN BOYOLALI\nBADAN KEPEGAWAIAN DAERAH\n\nNomor : 800/1234/BKPSDM/2024\n"
              "Perihal : Netralitas ASN\n\nYth. Kepala Perangkat Daerah\n\nSurat ini dicatat pada Lembar Disposisi "
              "Sekretariat. ASN dilarang ikut kampanye.")
    doc = parse_document([Page(1, letter), Page(2, "BUPATI BOYOLALI,\n\nttd")], source="x.pdf", sha256="e" * 64)
    assert (doc.kind, doc.numbers) == ("circular", ["800/1234/BKPSDM/2024"])
