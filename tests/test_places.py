"""The gazetteer, offices and issuers, and the region of a document."""
import pytest

from himpun.ingest.parse.gazetteer import regions, scan
from himpun.ingest.parse.issuer import find_issuers
from himpun.ingest.parse.offices import find_offices
from himpun.ingest.parse.region import choose_region


def test_gazetteer_has_every_province_regency_and_city():
    levels = [r.level for r in regions()]
    assert levels.count("provinsi") == 38
    assert levels.count("kabupaten") + levels.count("kota") == 514
    provinces = {r.name for r in regions() if r.level == "provinsi"}
    assert {"Provinsi Papua Selatan", "Provinsi Papua Tengah", "Provinsi Papua Pegunungan",
            "Provinsi Papua Barat Daya"} <= provinces
    assert all(r.province in provinces for r in regions())


@pytest.mark.parametrize("text, expected", [
    ("ASN Pemkot Tangsel", ["Kota Tangerang Selatan"]),
    ("di Kabupaten Sidrap", ["Kabupaten Sidenreng Rappang"]),
    ("Pemkab Gumas", ["Kabupaten Gunung Mas"]),
    ("Gubernur Sultra dan Pj Gubernur Malut", ["Provinsi Sulawesi Tenggara", "Provinsi Maluku Utara"]),
    ("Kota Serang", ["Kota Serang"]),
    ("Kab. Serang", ["Kabupaten Serang"]),
    ("BUPATI MUSI BANYUASIN", ["Kabupaten Musi Banyuasin"]),
    ("Kabupaten Merauke", ["Kabupaten Merauke"]),
    ("batu dan puncak gunung", []),  # common words are not places
])
def test_scan_resolves_short_forms_and_qualifiers(text, expected):
    assert [m.resolved()[0].name for m in scan(text)] == expected


def test_bare_shared_name_keeps_both_candidates():
    (m,) = scan("di Tangerang")
    assert {r.name for r in m.resolved()} == {"Kabupaten Tangerang", "Kota Tangerang"}


def test_merauke_is_in_the_new_province():
    (m,) = scan("Kabupaten Merauke")
    assert m.resolved()[0].province == "Provinsi Papua Selatan"


@pytest.mark.parametrize("text, expected", [
    ("Penjabat (Pj) Bupati Tangerang Andi", "Pj Bupati Tangerang"),
    ("Sekretaris Daerah (Sekda) Kota Tangsel Bambang", "Sekretaris Daerah Kota Tangerang Selatan"),
    ("Pemerintah Kota (Pemkot) Surabaya menerbitkan", "Pemerintah Kota Surabaya"),
    ("Pemkab Jeneponto telah", "Pemerintah Kabupaten Jeneponto"),
    ("Pj Walikota Serang Yedi", "Pj Wali Kota Serang"),
    ("Plt Gubernur Provinsi Jawa Timur", "Plt Gubernur Jawa Timur"),
    ("KETUA KOMISI APARATUR SIPIL NEGARA", "Ketua KASN"),
    ("diterbitkan Presiden RI Joko Widodo", "Presiden Republik Indonesia"),
    # the head of a regional office (dinas), its name over the signature's two lines
    ("Kepala Dinas Pendidikan dan Kebudayaan\nKabupaten Sumbawa Barat,", "Kepala Dinas Pendidikan dan Kebudayaan "
                                                                       "Kabupaten Sumbawa Barat"),
    ("KEPALA DINAS KESEHATAN DAERAH KABUPATEN MINAHASA SELATAN", "Kepala Dinas Kesehatan Daerah Kabupaten Minahasa "
                                                                 "Selatan"),
    ("dilaporkan kepada Kepala Dinas Sosial Kota Bogor", "Kepala Dinas Sosial Kota Bogor"),
    # a regional parliament, its commissions and their chairs
    ("KOMISI I DPRD KOTA TARAKAN", "Komisi I DPRD Kota Tarakan"),
    ("Ketua Komisi B Dewan Perwakilan Rakyat Daerah Provinsi Jawa Timur", "Ketua Komisi B DPRD Provinsi Jawa Timur"),
    ("Ketua DPRD Kabupaten Bogor", "Ketua DPRD Kabupaten Bogor"),
    # offices named after their unit: not the commander's rank and name that follow
    ("Dandim 0612/Tasikmalaya Letkol Inf Budi Santoso", "Komandan Kodim 0612/Tasikmalaya"),
    ("Kapolres Tasikmalaya Kota AKBP Hermawan", "Kepala Kepolisian Resor Tasikmalaya Kota"),
    ("Kakanreg IV BKN Makassar", "Kepala Kantor Regional IV Badan Kepegawaian Negara"),
    ("Kapolres Tasikmalaya menerbitkan maklumat", "Kepala Kepolisian Resor Tasikmalaya"),  # (its seat is capitalised)
    ("Wakil Ketua DPRD Kabupaten Bogor", "Wakil Ketua DPRD Kabupaten Bogor"),
    ("Sekretaris DPRD Kabupaten Bogor", "Sekretaris DPRD Kabupaten Bogor"),
    ("Ketua Komisi 1 DPRD Kota Medan", "Ketua Komisi I DPRD Kota Medan"),
])
def test_offices(text, expected):
    assert [o.name for o in find_offices(text)][:1] == [expected]


@pytest.mark.parametrize("text", [
    "Yth. Kepala Dinas terkait Kabupaten Gowa",  # no dinas's name: words in lowercase
    "Kepala Dinas yang membawahi sekolah Kota Serang",
    "Kepala Dinas dan Kepala Badan Kabupaten Sleman",  # two offices, neither named
])
def test_no_dinas_without_a_name(text):
    assert not [o.name for o in find_offices(text) if o.name.startswith("Kepala Dinas")]



@pytest.mark.parametrize("text, kind, expected", [
    ("Penjabat (Pj) Bupati Tangerang Andi Ony mengeluarkan surat edaran tentang netralitas.", "news",
     ["Pj Bupati Tangerang"]),
    ("Bupati Bulukumba mengimbau ASN bersikap netral. Itu disampaikan melalui Surat Edaran Nomor 800/1/X.",
     "news", ["Bupati Bulukumba"]),
    # a stand-in during the holder's campaign leave (Pjs) is not an acting holder (Pj); "diteken" is signed
    ("Keputusan penjatuhan hukuman disiplin itu diteken Penjabat Sementara (Pjs) Bupati Klaten, Hartanto, pada "
     "Jumat.", "news", ["Pjs Bupati Klaten"]),
    ("Wali Kota Surabaya mengatakan SE tersebut harus dijadikan acuan.", "news", []),
    ("Kami menunggu surat edaran yang akan dikeluarkan oleh Kemendagri.", "news", []),
    ("Pemkot Tangsel telah mengeluarkan Surat Edaran. Sekda Kota Tangsel mengatakan, Surat Edaran "
     "tersebut dirinya yang menandatangani.", "news", ["Sekretaris Daerah Kota Tangerang Selatan"]),
    ("Pj Gubernur Provinsi Kalimantan Barat Harisson melantik pejabat. Sebelumnya Pj Gubernur Harisson "
     "juga telah mengeluarkan surat edaran nomor 700.1/2/ITProv.", "news", ["Pj Gubernur Kalimantan Barat"]),
    ("BUPATI MUSI BANYUASIN\n\nSURAT EDARAN\nNomor: B-800/1693/SETDA/2023", "circular", ["Bupati Musi Banyuasin"]),
    ("KEPUTUSAN BERSAMA MENTERI DALAM NEGERI, KEPALA BADAN KEPEGAWAIAN NEGARA, DAN KETUA BADAN PENGAWAS "
     "PEMILIHAN UMUM NOMOR : 2 Tahun 2022", "decree", ["Menteri Dalam Negeri", "Kepala BKN", "Ketua Bawaslu"]),
    # a government's letterhead: the signer issues; the copy list (Tembusan) does not sign
    ("PEMERINTAH KABUPATEN BANTUL\nJalan Sudirman 1\n\nSURAT EDARAN\nNOMOR: 800/1/2024\n\nASN dilarang ikut "
     "kampanye.\n\nDitetapkan di Bantul\n\nBUPATI BANTUL,\n\nttd\n\nABDUL HALIM\n\nTembusan:\n"
     "1. Gubernur Daerah Istimewa Yogyakarta;", "circular", ["Bupati Bantul"]),
    # offices that an election fills, and the scope of a rule, issue nothing
    ("PAKTA INTEGRITAS\nDI LINGKUNGAN PEMERINTAH KABUPATEN BANJAR\nPADA PEMILIHAN GUBERNUR DAN WAKIL GUBERNUR "
     "KALIMANTAN SELATAN SERTA PEMILIHAN BUPATI DAN WAKIL BUPATI BANJAR\n\nKami tidak akan berpihak.\n\n"
     "SEKRETARIS DAERAH KABUPATEN BANJAR,\nttd\nH. RIFANI", "pact", ["Sekretaris Daerah Kabupaten Banjar"]),
    # ... also when the title runs on to the next line, the office further from "PEMILIHAN"
    ("PEMERINTAH KOTA JAYAPURA\n\nPAKTA INTEGRITAS\nNETRALITAS APARATUR SIPIL NEGARA\nDALAM PEMILIHAN GUBERNUR DAN "
     "WAKIL GUBERNUR PAPUA\nSERTA WALI KOTA DAN WAKIL WALI KOTA JAYAPURA TAHUN 2024\n\nKami tidak akan berpihak.\n\n"
     "Pj. WALI KOTA JAYAPURA,\nttd\nYOHANES", "pact", ["Pj Wali Kota Jayapura"]),
    # an election named in the same sentence, further back, does not reach the office that issues
    ("Jelang Pilkada serentak yang akan digelar pada 27 November 2024 nanti, Bupati Banjar menerbitkan Surat Edaran "
     "tentang netralitas.", "news", ["Bupati Banjar"]),
    # a circular of the head of the region's personnel agency, his office's name wrapped over two lines
    ("PEMERINTAH KABUPATEN LUMAJANG\nBADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA\n\nSURAT EDARAN\n"
     "NOMOR: 800.1.6/2174/427.41/2024\n\nASN dilarang ikut kampanye.\n\nKEPALA BADAN KEPEGAWAIAN DAN PENGEMBANGAN\n"
     "SUMBER DAYA MANUSIA KABUPATEN LUMAJANG,\n\nttd.\n\nDrs. HERU SANTOSO", "circular", ["Kepala BKPSDM Kabupaten Lumajang"]),
    ("Kepala BKD Kota Padang menerbitkan surat edaran tentang netralitas ASN.", "news", ["Kepala BKD Kota Padang"]),
    # signed before the copy list, with an attachment after it (a LAMPIRAN's table on the next page)
    ("PROVINSI BALI\nSURAT EDARAN\nNOMOR 800/2113/BKPSDM/2024\n\nASN dilarang kampanye.\n\nBUPATI GIANYAR,\n\n"
     "I NYOMAN WIRA\nTembusan:\n1. Pj. Gubernur Bali di Denpasar;\nLAMPIRAN SURAT EDARAN\n" + "Menghadiri deklarasi "
     "pasangan calon. Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan.\n" * 30, "circular", ["Bupati Gianyar"]),
    # a letterhead's office whose acting holder the text names: OCR lost the signature's "Pj."
    ("WALI KOTA PALOPO\n\nSURAT EDARAN\nNOMOR 1/2024\n\nASN dilarang kampanye.\n\nPara Kepala Perangkat Daerah "
     "melaporkan pelaksanaannya kepada Pj. Wali Kota melalui BKPSDM.\nPalopo, 16 September 2024\nAkJ KOTA PALOPO,",
     "circular", ["Pj Wali Kota Palopo"]),
    # a pact: the office its form names ("Jabatan", "Instansi"; OCR may drop the colons), not the letterhead
    ("PEMERINTAH KABUPATEN MINAHASA SELATAN\nDINAS KESEHATAN DAERAH\n\nPAKTA INTEGRITAS\n\nSaya yang bertanda tangan "
     "di bawah ini:\nNama dr. F. WOWILING\nJabatan Kepala Dinas Kesehatan Daerah\n\nInstansi Pemerintah Kabupaten "
     "Minahasa Selatan\n\n1. Tidak akan menjadi anggota partai politik;", "pact",
     ["Kepala Dinas Kesehatan Daerah Kabupaten Minahasa Selatan"]),
    ("PAKTA INTEGRITAS\nNama : X\nJabatan : Penjabat Wali Kota Jayapura selaku Pejabat Pembina Kepegawaian\n"
     "Instansi : Pemerintah Kota Jayapura\n\n1. Tidak akan berkampanye;", "pact", ["Pj Wali Kota Jayapura"]),
    # an issuing verb inside the act a sentence forbids issues nothing
    ("Kepala BKPSDM Bogor mengatakan, ASN dilarang hadir dalam kampanye terbuka dan/atau membuat keputusan yang "
     "menguntungkan pasangan calon.", "news", []),
    # a joint circular: the offices its title names, not the two letterheads side by side
    ("  PEMERINTAH KABUPATEN BEKASI                BADAN PENGAWAS PEMILIHAN UMUM\n  SEKRETARIAT DAERAH"
     "                         KABUPATEN BEKASI\n\n                         SURAT EDARAN BERSAMA\n          SEKRETARIS "
     "DAERAH KABUPATEN BEKASI DAN KETUA BADAN PENGAWAS\n                    PEMILIHAN UMUM KABUPATEN BEKASI\n\n"
     "                  Nomor : 800.1.6/2217/BKPSDM\n\nASN dilarang ikut kampanye.", "circular",
     ["Sekretaris Daerah Kabupaten Bekasi", "Ketua Bawaslu Kabupaten Bekasi"]),
    # a regional election supervisor's letter, signed by its chair
    ("BADAN PENGAWAS PEMILIHAN UMUM\nPROVINSI MALUKU UTARA\nNomor : 217/PM.00.02/K.MU/09/2024\n\nKami "
     "mengimbau.\n\nKetua Bawaslu Provinsi Maluku Utara,\nttd\nMUHAMMAD", "circular",
     ["Ketua Bawaslu Provinsi Maluku Utara"]),
    # a report naming the circular of an office
    ("Pengingat itu dituangkan dalam Surat Edaran Penjabat (Pj) Wali Kota Bogor Nomor 800.1.6/2735-BKPSDM.",
     "news", ["Pj Wali Kota Bogor"]),
    # a summary that names only the regional circular it follows: that circular is the one it describes
    ("Sesuai Surat Edaran Plt. Gubernur Maluku Utara Nomor 800.1.6/1745/BKD/IX/2024 tentang Netralitas ASN, ada "
     "beberapa hal yang tidak boleh dilakukan.", "other", ["Plt Gubernur Maluku Utara"]),
    ("- SE Pj. Bupati Tapanuli Utara No. 800.1.6/2741/BKPSDM/2024 tgl 5 Sept 2024 ttg Netralitas ASN", "other",
     ["Pj Bupati Tapanuli Utara"]),
    # ... but a report naming who issued it keeps that one ("Surabaya menerbitkan ..., tindak lanjut ... Gubernur")
    ("Pemkot Surabaya menerbitkan Surat Edaran Nomor 800/1/2023. SE tersebut tindak lanjut Surat Edaran Gubernur "
     "Jawa Timur Nomor 800/7543/204/2022.", "news", ["Pemerintah Kota Surabaya"]),
    # ... but not the national circulars it builds on, nor one only hoped for
    ("SE ini tindak lanjut dari Surat Edaran Menteri PANRB Nomor 1 Tahun 2023.", "news", []),
    ("Semoga SE Kemendagri tentang netralitas segera keluar.", "news", []),
    ("Ridwan mengingatkan pejabat Pemkab Kukar agar tidak membuat keputusan yang menguntungkan calon.", "news", []),
    # the office's letterhead signed by its acting holder: the acting holder issues
    ("BUPATI BOJONEGORO\nSURAT EDARAN\nNOMOR 000.1/12/2024\nASN dilarang ikut kampanye.\n\n"
     "Pj. BUPATI BOJONEGORO,\nttd.\nBAMBANG ARIF\n\nTembusan :\n1. Gubernur Jawa Timur", "circular",
     ["Pj Bupati Bojonegoro"]),
    # signed by the office itself: the letterhead's office
    ("BUPATI BOJONEGORO\nSURAT EDARAN\nNOMOR 000.1/12/2024\nASN dilarang ikut kampanye.\n\n"
     "BUPATI BOJONEGORO,\nttd.\nBAMBANG ARIF\n\nTembusan :\n1. Gubernur Jawa Timur", "circular",
     ["Bupati Bojonegoro"]),
    # a Camat's letter under his regency's letterhead: the kecamatan is no region, the regency is his
    ("PEMERINTAH KABUPATEN LOMBOK TENGAH\nKECAMATAN PUJUT\nSURAT EDARAN\nNomor : 800/214/Kec.Pjt/2024\n"
     "ASN dilarang ikut kampanye.\n\nCAMAT PUJUT,\nttd.\nLALU ZAINI\n\nTembusan:\n1. Penjabat Bupati Lombok Tengah",
     "circular", ["Camat Pujut"]),
    ("PEMERINTAH KABUPATEN LOMBOK TENGAH\nKECAMATAN PUJUT\nSURAT EDARAN\nASN dilarang ikut kampanye.\n\n"
     "PLT. CAMAT PUJUT,\nttd.\nLALU ZAINI", "circular", ["Plt Camat Pujut"]),
    # ... as is a village head's (a Wali Nagari in Sumatera Barat, a Kepala Desa)
    ("PEMERINTAH KABUPATEN TANAH DATAR\nKECAMATAN PARIANGAN\nWALI NAGARI PARIANGAN\nNomor : 140/087/WN-PRG/IX/2024\n"
     "ASN tidak dibenarkan ikut kampanye.\n\nWALI NAGARI PARIANGAN,\nttd/cap\nSYAFRUDDIN DT. RAJO BATUAH\n\nTembusan:\n"
     "1. Bupati Tanah Datar", "circular", ["Wali Nagari Pariangan"]),
    ("PEMERINTAH KABUPATEN GARUT\nKECAMATAN CIBATU\nDESA SUKAMAJU\nASN dilarang ikut kampanye.\n\n"
     "KEPALA DESA SUKAMAJU,\nttd.\nASEP SAEPUDIN", "circular", ["Kepala Desa Sukamaju"]),
    # an office a sentence of the letter names is no signer ("... dengan tembusan kepada Badan Kepegawaian Negara")
    ("BADAN PENGAWAS PEMILIHAN UMUM\nKABUPATEN BOYOLALI\nNomor 187/PP.01.02/K.JT-08/10/2024\nASN terbukti "
     "ikut kampanye. Tindak lanjut kami mohon disampaikan dengan tembusan kepada Badan Kepegawaian Negara paling "
     "lambat 14 hari.\n\nKetua Bawaslu Kabupaten\n\nANTO NUGROHO\n\nTembusan:\n1. Arsip", "circular",
     ["Ketua Bawaslu Kabupaten Boyolali"]),  # (the chair named by level alone: the supervisor of that level named)
    # ... but one that ends the line of a page flattened into one line is ("... pada tanggal 10 Februari 2024 Bupati X")
    ("SURAT EDARAN\nASN dilarang ikut kampanye.\nDitetapkan di Gowa pada tanggal 1 Mei 2024 Bupati Gowa", "circular",
     ["Bupati Gowa"]),
    # a press release speaks for the agency that closes it (or heads it)
    ("SIARAN PERS\nNomor: 061/RILIS/BKN/XI/2024\nJakarta – Humas BKN. Deputi BKN menjelaskan laporan dari Bawaslu "
     "Kabupaten Wakatobi.\nBiro Hubungan Masyarakat, Protokol dan Umum\nBadan Kepegawaian Negara", "other",
     ["Badan Kepegawaian Negara"]),
    ("BADAN PENGAWAS PEMILIHAN UMUM\nPROVINSI SULAWESI TENGAH\n\nSIARAN PERS\nNomor: 031/HM.01.00/K.ST/X/2024\n"
     "Palu - Bawaslu mencatat 40 laporan.", "other", ["Bawaslu Provinsi Sulawesi Tengah"]),
    # a bare "Sekretaris Daerah" over the signature, whose region OCR garbled: the secretary of the letterhead's
    # government
    ("PEMERINTAH PROVINSI NUSA TENGGARA BARAT\nSEKRETARIAT DAERAH\n\nSURAT EDARAN\nNOMOR 270/1187/BKD/VII/2014\n\n"
     "PNS dilarang ikut kampanye.\n\nPlh. SEKRETARIS DAERAH\nSSA TENGGARA BARAT,\n\nHAIMI RAHMAN", "circular",
     ["Plh Sekretaris Daerah Provinsi Nusa Tenggara Barat"]),
    ("BADAN PENGAWAS PEMILIHAN UMUM\nKABUPATEN BOYOLALI\n\nNomor : 187/PP.01.02/K.JT-08/10/2024\n\n"
     "Bersama ini kami sampaikan hasil kajian.\n\n"
     "Ketua Bawaslu Kabupaten\n\nANTO NUGROHO\n\nTembusan:\n1. Ketua Bawaslu Provinsi Jawa Tengah di Semarang;",
     "circular", ["Ketua Bawaslu Kabupaten Boyolali"]),  # (not the province's chair in the copy list)
    # a terms of reference is its signer's
    ("PEMERINTAH KABUPATEN SUMBA BARAT DAYA\nBADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA\n\n"
     "KERANGKA ACUAN KERJA (KAK)\n\nA. LATAR BELAKANG\nSurat Edaran Bupati Sumba Barat Daya Nomor 800.1.6/214/BKPSDM/2024."
     "\n\nTambolaka, 26 Agustus 2024\nKEPALA BKPSDM\nKABUPATEN SUMBA BARAT DAYA,\n\nYOHANIS LEDE BULU", "other",
     ["Kepala BKPSDM Kabupaten Sumba Barat Daya"]),
    # a report of a parliament's commission: the body over its chair's title is the chair
    ("LAPORAN HASIL RAPAT DENGAR PENDAPAT\nKOMISI I DPRD KOTA TARAKAN\n\nBawaslu Kota Tarakan melaporkan 5 kasus.\n\n"
     "Tarakan, 6 November 2024\nKOMISI I DPRD KOTA TARAKAN\nKetua,\n\nMUHAMMAD RIDWAN", "other",
     ["Ketua Komisi I DPRD Kota Tarakan"]),
    # a supervisor's study whose "Ketua," OCR lost under the stamp: its chair all the same
    ("KAJIAN DUGAAN PELANGGARAN\nNomor Registrasi Temuan: 009/Reg/TM/PB/Kab/19.04/X/2024\n\nTerlapor I terbukti.\n\n"
     "Koba, 21 Oktober 2024\nBAWASLU KABUPATEN BANGKA TENGAH\n\nCAP\n\nNaa TANJUNG", "other",
     ["Ketua Bawaslu Kabupaten Bangka Tengah"]),
    # a supervisor's letter known only by its letterhead (its signature lost): its chair's
    ("BADAN PENGAWAS PEMILIHAN UMUM\nPROVINSI PAPUA SELATAN\n\nNomor : 112/PM.00.02/K.PS/08/2024\nHal : Imbauan\n\n"
     "ASN dilarang ikut kampanye.\n\nCAP\nDINAS\n\nOHA MAHUZE", "circular", ["Ketua Bawaslu Provinsi Papua Selatan"]),
    # a judgment is the court's, as its opening names it (not the regent its facts name)
    ("P U T U S A N\nNomor 215/Pid.Sus/2024/PN Gto\nDEMI KEADILAN BERDASARKAN KETUHANAN YANG MAHA ESA\n"
     "Pengadilan Negeri Gorontalo yang mengadili perkara pidana pada tingkat pertama menjatuhkan putusan.\n"
     "Terdakwa membagikan beras atas surat Bupati Gorontalo.", "other", ["Pengadilan Negeri Gorontalo"]),
    # a national agency's letter is its head's: signed for him by a deputy, or under a bare "Ketua,"
    ("BADAN KEPEGAWAIAN NEGARA\nNomor : 12/R-AK.02.03/SD/F/2024\nHal : Rekomendasi Penjatuhan Sanksi\n\n"
     "ASN tersebut melanggar netralitas.\n\na.n. KEPALA BADAN KEPEGAWAIAN\nNEGARA\nDEPUTI BIDANG PENGAWASAN DAN\n"
     "PENGENDALIAN,\n\nHENDRA WIJAYA\nTembusan:\n1. Ketua Bawaslu Kabupaten Toba", "circular", ["Kepala BKN"]),
    ("KOMISI APARATUR SIPIL NEGARA\nREPUBLIK INDONESIA\n\nNomor : B-4127/KASN/12/2023\nHal : Rekomendasi\n\n"
     "KASN merekomendasikan sanksi moral.\n\nKetua,\n\nttd.\n\nProf. Dr. Hendrawan Sasmita", "circular", ["Ketua KASN"]),
    # a national body over its chair's title: the chair, as the national table names him
    ("KOMISI APARATUR SIPIL NEGARA\nNomor : B-1/KASN/2023\nHal : Rekomendasi\n\nASN melanggar.\n\n"
     "KOMISI APARATUR SIPIL NEGARA\nKetua,\n\nAgus", "circular", ["Ketua KASN"]),
    # an inspectorate's audit report is its inspector's
    ("PEMERINTAH KABUPATEN INDRAMAYU\nINSPEKTORAT DAERAH\n\nRINGKASAN LAPORAN HASIL PEMERIKSAAN KHUSUS\n"
     "Nomor 700.1.2.2/037/LHP-Irsus/Itda/2024\n\nTerperiksa melanggar Pasal 5 huruf n.\n\nIndramayu, 28 Oktober 2024\n"
     "INSPEKTUR KABUPATEN INDRAMAYU,\n\nDrs. H. MAMAN SUHERMAN", "other", ["Inspektur Kabupaten Indramayu"]),
    # a unit's head over the signature, his region garbled by OCR: of the letterhead's government
    ("PEMERINTAH KABUPATEN CIAMIS\n\nDINAS PENDIDIKAN Sain\n\nNomor 400.3.1/4127/Disdik/2024\n\n"
     "Kepala sekolah dilarang mengarahkan guru.\n\nKEPALA DINAS PENDIDIKAN\nATEN CIAMIS,\n\nAEFULLOH, M.Pd.\n\n"
     "Tembusan:\n1. Yth. Penjabat Bupati Ciamis", "circular", ["Kepala Dinas Pendidikan Kabupaten Ciamis"]),
    # a signature OCR lost entirely: the head of the unit the letterhead names under the government
    ("PEMERINTAH KABUPATEN SUMEDANG\n\nSEKRETARIAT DAERAH\nJalan Prabu Geusan Ulun Nomor 36\n\nSURAT EDARAN\n"
     "NOMOR 800.1.6/1122/BKPSDM\n\nASN dilarang ikut kampanye.\n\nKABUPATEN: SUME DANG,\n\nNIP. 19690412",
     "circular", ["Sekretaris Daerah Kabupaten Sumedang"]),
    # a joint declaration of a region's leaders: the army's and the police's commanders sign with them (Bawaslu's
    # long name is no election that fills an office)
    ("MAKLUMAT BERSAMA\n\nPENJABAT WALI KOTA TASIKMALAYA, KETUA BADAN PENGAWAS\nPEMILIHAN UMUM KOTA TASIKMALAYA, "
     "KOMANDAN KODIM\n\n0612/TASIKMALAYA DAN KEPALA KEPOLISIAN RESOR TASIKMALAYA KOTA\n\nNOMOR 01/MAK-FORKOPIMDA/IX/2024\n"
     "TENTANG\nNETRALITAS\n\nASN dilarang ikut kampanye.", "circular",
     ["Pj Wali Kota Tasikmalaya", "Ketua Bawaslu Kota Tasikmalaya", "Komandan Kodim 0612/Tasikmalaya",
      "Kepala Kepolisian Resor Tasikmalaya Kota"]),
    # a letter of a regional office of BKN is its head's, the agency's name in the signature lost or left out
    ("BADAN KEPEGAWAIAN NEGARA\n\nKANTOR REGIONAL IV\nJalan Raya Pendidikan Nomor 2, Makassar\n\n"
     "Nomor 2318/KR.IV/SD.03/VI/2019\nHal Tindak Lanjut Rekomendasi KASN\n\nPNS tersebut terbukti ikut kampanye.\n\n"
     "Kepala Kantor Regional IV tah egawaian Negara,\n\nAmir Tahang\n\nTembusan:\nKepala Badan Kepegawaian Negara",
     "circular", ["Kepala Kantor Regional IV Badan Kepegawaian Negara"]),
    # a Camat's pact is the Camat's, named after his kecamatan (not the city)
    ("PAKTA INTEGRITAS\nSaya yang bertanda tangan di bawah ini:\nNama : Drs. M. RIDWAN HAKIM\nJabatan : Camat Mayangan\n"
     "Unit Kerja : Kecamatan Mayangan, Pemerintah Kota Probolinggo\nmenyatakan bahwa saya tidak akan ikut kampanye.",
     "pact", ["Camat Mayangan"]),
    # "Surat edaran itu" is the circular already named, not an office of the sentence before it
    ("LUBUK BASUNG - Bupati Agam menerbitkan Surat Edaran Nomor 800/2174/BKPSDM-2024 tentang netralitas dalam Pemilihan "
     "Bupati\n\ndan Wakil Bupati Agam Tahun 2024.\n\nSurat edaran itu ditandatangani pada Jumat.", "news", ["Bupati Agam"]),
    # a councillor quoted in a news report issues nothing
    ("TARAKAN - Ketua Komisi I DPRD Kota Tarakan meminta ASN netral.", "news", []),
    # a dinas's name broken after its "dan" over the signature, with or without its region
    ("PEMERINTAH KABUPATEN BIMA\nPENGUMUMAN\nNomor 800/1/Dikbud/2024\nGuru dilarang berfoto bersama paslon.\n\n"
     "Kepala Dinas Pendidikan dan\nKebudayaan\n\nARSYAD", "circular",
     ["Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Bima"]),
    ("PENGUMUMAN\nNomor 800/1/Dikbud/2024\nGuru dilarang berfoto bersama paslon.\n\nKepala Dinas Pendidikan dan\n"
     "Kebudayaan Kabupaten Bima,\n\nARSYAD", "circular", ["Kepala Dinas Pendidikan dan Kebudayaan Kabupaten Bima"]),
    # (a name that ends on its line is not taken on into the next: the region's line)
    ("PEMERINTAH KABUPATEN BIMA\nPENGUMUMAN\nNomor 800/1/Dikbud/2024\nGuru dilarang berfoto bersama paslon.\n\n"
     "KEPALA DINAS PENDIDIKAN\nKABUPATEN BIMA,\n\nARSYAD", "circular", ["Kepala Dinas Pendidikan Kabupaten Bima"]),
    # a Nota Dinas: its heading's fields name the addressee and a copy ("Tembusan :"), the signature the issuer
    ("PEMERINTAH KOTA KEDIRI\nBADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA\nNOTA DINAS\n"
     "Kepada : Yth. Inspektur Kota Kediri\nDari : Kepala Badan Kepegawaian dan Pengembangan Sumber Daya\nManusia\n"
     "Tembusan : Sekretaris Daerah Kota Kediri\nTanggal : 5 Februari 2024\nNomor : 800.1.6.4/0317/419.104/2024\n"
     "Hal : Penerusan Surat Bawaslu\nBersama ini kami teruskan surat Bawaslu.\nDemikian untuk menjadi perhatian.\n"
     "KEPALA BADAN KEPEGAWAIAN DAN\nPENGEMBANGAN SUMBER DAYA\nMANUSIA\nKOTA KEDIRI,\nDrs. BAMBANG", "circular",
     ["Kepala BKPSDM Kota Kediri"]),
    # (a copy list after the signature still ends it)
    ("PEMERINTAH KOTA KEDIRI\nSURAT EDARAN\nNomor : 800/1/2024\nASN dilarang berkampanye.\n\nWALI KOTA KEDIRI,\n\n"
     "ABDULLAH\n\nTembusan :\n1. Inspektur Kota Kediri;", "circular", ["Wali Kota Kediri"]),
    # (a name cut after its "dan" does not take in the signer's name)
    ("PEMERINTAH KABUPATEN BIMA\nPENGUMUMAN\nNomor 800/1/Dikbud/2024\nGuru dilarang berfoto bersama paslon.\n\n"
     "Kepala Dinas Pendidikan dan\nARSYAD", "circular", ["Kepala Dinas Pendidikan Kabupaten Bima"]),
    # an examination's record is the examiner's; a table of sanctions its signer's; a tribunal's verdict summary the
    # ethics council's (not the bodies it names)
    ("PEMERINTAH KABUPATEN MUSI RAWAS\nKECAMATAN TUAH NEGERI\nBERITA ACARA PEMERIKSAAN\nNomor : 800/27/BAP/2024\n"
     "Yang bersangkutan mengakui menghadiri deklarasi. Berita acara ini disampaikan kepada Bupati Musi Rawas.\n"
     "Tuah Negeri, 14 Oktober 2024\nYang Diperiksa, Yang Memeriksa,\nCAMAT TUAH NEGERI,\nHENDRI SUKARDI\n"
     "Tembusan:\n1. Bupati Musi Rawas;", "other", ["Camat Tuah Negeri"]),
    ("REKAPITULASI PENJATUHAN HUKUMAN DISIPLIN\nSesuai Surat Edaran Gubernur Sumatera Barat Nomor 800/2471/BKD/2024.\n"
     "Padang, 10 Januari 2025\nKEPALA BADAN KEPEGAWAIAN DAERAH\nPROVINSI SUMATERA BARAT,\nErinaldi", "other",
     ["Kepala BKD Provinsi Sumatera Barat"]),
    ("DKPP RI | Beranda Putusan\nRINGKASAN PUTUSAN\nPerkara Nomor 38-PKE-DKPP/II/2021\nKASN kemudian menerbitkan "
     "rekomendasi kepada Bupati.\nDemikian diputuskan oleh Dewan Kehormatan Penyelenggara Pemilu.", "other",
     ["Dewan Kehormatan Penyelenggara Pemilu"]),
    # a statement letter is its signer's office as its form writes it; a school's letter its head's; an SOP its approver's
    ("SURAT PERNYATAAN\nYang bertanda tangan di bawah ini:\nNama ZULKIFLI\nJabatan :- Kepala Seksi Pemerintahan "
     "Kecamatan Gunung Talang\n\nUnit Kerja Kantor Camat Gunung Talang, Pemerintah Kabupaten Solok\n"
     "Saya mengakui telah menghadiri kampanye.", "other", ["Kepala Seksi Pemerintahan Kecamatan Gunung Talang"]),
    ("PEMERINTAH PROVINSI MALUKU\nDINAS PENDIDIKAN DAN KEBUDAYAAN\nSMA NEGERI 3 MALUKU TENGGARA\nNomor : 421.3/087/2024\n"
     "Perihal : Netralitas Guru\nKepada Yth. Bapak/Ibu Guru\nGuru ASN tidak diperkenankan ikut kampanye.\n"
     "Kepala Sekolah,\n\nDrs. BENEDIKTUS\nTembusan:\n1. Kepala Dinas Pendidikan dan Kebudayaan Provinsi Maluku;",
     "circular", ["Kepala SMA Negeri 3 Maluku Tenggara"]),
    ("PEMERINTAH KABUPATEN BOGOR\nNomor SOP : 800/SOP-07/BKPSDM/2024\nDisahkan oleh : KEPALA BADAN KEPEGAWAIAN DAN\n"
     "PENGEMBANGAN SUMBER DAYA MANUSIA\nKABUPATEN BOGOR ttd.\nDasar: Surat Edaran Penjabat Bupati Bogor Nomor 800/4410.",
     "other", ["Kepala BKPSDM Kabupaten Bogor"]),
    # a Bawaslu's imbauan named by its number, as its chair speaks of it
    ("TRANSKRIP KONFERENSI PERS\nKETUA: Kami ingatkan kembali Surat Imbauan Bawaslu Kota Bengkulu Nomor "
     "118/PM.00.02/K.BE-01/IX/2024 tanggal 2 September 2024.", "other", ["Ketua Bawaslu Kota Bengkulu"]),
    # an agreement between two bodies: the office holder who acts for each party
    ("NOTA KESEPAKATAN\nANTARA\nPEMERINTAH KOTA PADANGSIDIMPUAN\nDENGAN\nBADAN PENGAWAS PEMILIHAN UMUM KOTA "
     "PADANGSIDIMPUAN\nbertempat di Aula Kantor Wali Kota Padangsidimpuan, yang bertanda tangan di bawah ini:\n"
     "1. Penjabat Wali Kota Padangsidimpuan, dalam hal ini bertindak untuk dan atas nama Pemerintah Kota Padangsidimpuan, "
     "selanjutnya disebut PIHAK PERTAMA;\n2. Ketua Badan Pengawas Pemilihan Umum Kota Padangsidimpuan, dalam hal ini "
     "bertindak untuk dan atas nama Bawaslu, selanjutnya disebut PIHAK KEDUA.", "other",
     ["Pj Wali Kota Padangsidimpuan", "Ketua Bawaslu Kota Padangsidimpuan"]),
    # (a spoken imbauan is no instrument)
    ("PADANG - Pj Wali Kota mengingatkan ASN sesuai imbauan Bupati Solok tersebut, ujarnya.", "news", []),
    # (a verdict that only names DKPP is not its)
    ("P U T U S A N\nNomor 12/PS.REG/2024\nPemohon juga telah mengadu ke DKPP.", "other", []),
    # a sub-district supervisor's report is signed by the member who watched
    ("FORMULIR MODEL A\nLAPORAN HASIL PENGAWASAN PEMILU\nPANITIA PENGAWAS PEMILIHAN UMUM KECAMATAN WONOMULYO\n"
     "Seorang PNS menjadi pembawa acara kampanye.\n\nWonomulyo, 18 Januari 2024\nPengawas Pemilu,\n"
     "Anggota Panwaslu Kecamatan Wonomulyo\n\nMUHAMMAD ARSYAD", "other", ["Anggota Panwaslu Kecamatan Wonomulyo"]),
])
def test_issuers(text, kind, expected):
    assert [o.name for o in find_issuers(text, kind)] == expected


@pytest.mark.parametrize("text, kind, expected", [
    # the issuer's region wins over places merely mentioned
    ("TRIBUN, JENEPONTO - Pj Bupati Jeneponto di Sulawesi Selatan (Sulsel) mengeluarkan surat edaran.",
     "news", "Kabupaten Jeneponto"),
    # without an issuer: weighed mentions
    ("SEMARANG - Kepala BKPP Kota Semarang menegaskan netralitas ASN di Pemkot Semarang.", "news", "Kota Semarang"),
    # a dateline alone does not make a news report regional
    ("Jakarta, Gempita.co - PP Nomor 94 Tahun 2021 diterbitkan Presiden RI.", "news", "nasional"),
    ("Tidak ada tempat disebut di sini.", "other", None),
    # a central office's letter is national, unless it is about one region alone (a recommendation on one case)
    ("KOMISI APARATUR SIPIL NEGARA\nNomor: B-3412/KASN/10/2020\nKepada Yth. Bupati Kotawaringin Timur\nBerdasarkan "
     "laporan Bawaslu Kabupaten Kotawaringin Timur, seorang camat di Kabupaten Kotawaringin Timur terbukti hadir di "
     "kampanye. KASN merekomendasikan kepada PPK Kabupaten Kotawaringin Timur agar menjatuhkan hukuman disiplin.",
     "circular", "Kabupaten Kotawaringin Timur"),
    ("SIARAN PERS\nNomor: 061/RILIS/BKN/XI/2024\nBKN mencatat laporan dari Kabupaten Wakatobi, Kabupaten Buton dan "
     "Kota Kendari.\nBadan Kepegawaian Negara", "other", "nasional"),
])
def test_region(text, kind, expected):
    mentions = scan(text)
    offices = find_offices(text, mentions)
    region, _ = choose_region(text, mentions, offices, find_issuers(text, kind), kind, "PP" in text)
    assert region == expected
