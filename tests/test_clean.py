"""Text cleaning steps, each alone (table-driven)."""
import re

import pytest
from hypothesis import example, given, settings, strategies as st

from himpun.ingest.clean import (clean_page, drop_furniture, drop_inline_headlines, fix_ocr_confusions, fix_split_words,
                                 join_wrapped_lines, normalise_unicode)


@pytest.mark.parametrize("raw, expected", [
    ("Nomor\u00a0800\u20135474", "Nomor 800-5474"),
    ("\u201cnetral\u201d dan \u2018adil\u2019", "\"netral\" dan 'adil'"),
    ("pe\u00adnga\u200bwasan", "pengawasan"),
    ("ASN   dilarang\tikut", "ASN dilarang ikut"),
    ("Jakarta \u2014 ASN", "Jakarta \u2014 ASN"),  # a dash between words with spaces stays
])
def test_normalise_unicode(raw, expected):
    assert normalise_unicode(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("Tahun 2Ol4", "Tahun 2014"),
    ("1447.1/PM.O1/K.1/O9/2022", "1447.1/PM.01/K.1/09/2022"),
    ("N0MOR 8", "NOMOR 8"),
    ("A$N dilarang", "ASN dilarang"),
    ("Olahraga dan Ilmu", "Olahraga dan Ilmu"),  # words without digits are left alone
    ("pukul 10.00", "pukul 10.00"),
    ("SEKRETARlS DAERAH", "SEKRETARIS DAERAH"),
    ("konten di media sosia1.", "konten di media sosial."),
    ("pada tanggal 2l November 2O23", "pada tanggal 21 November 2023"),
    ("3O September 2O24", "30 September 2024"),
    ("Ol Maret", "Ol Maret"),  # no digit: not a day
    ("Bali 1 Mei", "Bali 1 Mei"),
    # one digit and an O before "Tahun" or after "Nomor"
    ("Undang-Undang Nornor 1O Tahun 2O16", "Undang-Undang Nomor 10 Tahun 2016"),
    ("Nomor 2O dan Bo Tahun", "Nomor 20 dan Bo Tahun"),
    # m read as rn, only where the word with m is Indonesian and the word as read is not
    ("rnenjadi anggota partai po1itik", "menjadi anggota partai politik"),
    ("Peraturan Pernerintah", "Peraturan Pemerintah"),
    ("kornentar dan rnembagikan", "komentar dan membagikan"),
    ("pernah, warna, internal, modern, ternyata", "pernah, warna, internal, modern, ternyata"),
    ("Kota Banjarrnasin", "Kota Banjarrnasin"),  # a name the dictionary does not know: left as read
    # l read as I, only where the word with l is Indonesian and the word as read is not
    ("tidak boIeh menjadi anggota", "tidak boleh menjadi anggota"),
    ("Iarangan bagi ASN", "larangan bagi ASN"),
    ("Ini Ibu Ika, akun LinkedIn dan iPhone", "Ini Ibu Ika, akun LinkedIn dan iPhone"),
    ("sdr. Iis Suryani dan Iin", "sdr. Iis Suryani dan Iin"),  # short names
    # a word spaced letter by letter
    ("diminta untuk t i d a k :", "diminta untuk tidak :"),
    ("huruf a b c d", "huruf a b c d"),
    # a number glued to the word after it
    ("Nomor 071/PM.00.02/K.KB-12/09/2024tanggal 10 September 2024", "Nomor 071/PM.00.02/K.KB-12/09/2024 tanggal 10 "
                                                                     "September 2024"),
    ("Nomor 5 Tahun 2024tentang Netralitas", "Nomor 5 Tahun 2024 tentang Netralitas"),
    ("bertanggal 5 Mei", "bertanggal 5 Mei"),
    # a number split by a space after a dot or a dash
    ("NOMOR 800.1.6. 3/2781/BKPSDM/2024", "NOMOR 800.1.6.3/2781/BKPSDM/2024"),
    ("Nomor 800.1. 6/2419/BKPSDM/2024 tanggal", "Nomor 800.1.6/2419/BKPSDM/2024 tanggal"),
    ("Nomor 800- 5474 Tahun 2022, Nomor 246 Tahun- 2022", "Nomor 800-5474 Tahun 2022, Nomor 246 Tahun 2022"),
    ("pada tahun 2024. 3/4 pegawai", "pada tahun 2024. 3/4 pegawai"),  # a sentence's end, no code
    ("Nomor 5 Tahun 2024. 12/2024/BKD", "Nomor 5 Tahun 2024. 12/2024/BKD"),  # a year ends the sentence
    ("ayat 100. 3/PM ini", "ayat 100. 3/PM ini"),  # one slash: no code
    ("Nomor 15- 20 Tahun 2024", "Nomor 15-20 Tahun 2024"),
    ("halaman 5- 7", "halaman 5- 7"),
])
def test_fix_ocr_confusions(raw, expected):
    assert fix_ocr_confusions(raw) == expected


def test_drop_furniture_keeps_text_and_reports_what_went():
    lines = ["ASN dilarang ikut kampanye.", "Baca juga: Harga cabai naik", "Editor: Ani",
             "![]() |", "---|", "Tinggalkan Balasan", "Sanksi: teguran tertulis."]
    kept, dropped = drop_furniture(lines)
    assert kept == ["ASN dilarang ikut kampanye.", "Sanksi: teguran tertulis."]
    assert len(dropped) == 5


def test_the_headlines_under_a_related_list_heading_are_dropped():
    # a news page copied as text: the list under "Berita Terkait" names other regions and other sanctions
    lines = ["ASN dilarang ikut kampanye.", "", "Berita Terkait", "- Pj Bupati Sukamara terbitkan surat edaran",
             "- Dua ASN dijatuhi teguran tertulis", "", "Terpopuler:", "", "1. Harga karet naik jelang akhir tahun"]
    kept, dropped = drop_furniture(lines)
    assert [k for k in kept if k] == ["ASN dilarang ikut kampanye."]
    # bullets anywhere else are the text's own, and a heading's list ends at a line of prose
    lines = ["ASN dilarang:", "- memasang baliho calon", "Berita terkait", "Sanksinya teguran tertulis.",
             "- hadir di kampanye"]
    assert drop_furniture(lines)[0] == ["ASN dilarang:", "- memasang baliho calon", "Sanksinya teguran tertulis.",
                                        "- hadir di kampanye"]


def test_a_tribunals_list_of_related_verdicts_is_dropped():
    lines = ["Demikian diputuskan pada hari Senin tanggal 8 Maret 2021.", "", "Putusan Terkait:",
             "- 36-PKE-DKPP/II/2021 Bawaslu Kabupaten Hulu Sungai Selatan (Diunggah 9 Maret 2021)",
             "- 21-PKE-DKPP/I/2021 KPU Kabupaten Tanah Bumbu (Diunggah 24 Februari 2021)"]
    kept, dropped = drop_furniture(lines)
    assert [k for k in kept if k] == ["Demikian diputuskan pada hari Senin tanggal 8 Maret 2021."]


def test_a_podcasts_list_of_other_episodes_is_dropped():
    lines = ["Bupati menerbitkan surat edaran tanggal 10 September 2024.", "", "Episode lainnya",
             "Eps. 13 - Harga Cengkeh dan Pala Petani Halsel · 7 Sep 2024", "Eps. 12 - Kesiapan Sekolah · 24 Agu 2024"]
    kept, dropped = drop_furniture(lines)
    assert [k for k in kept if k] == ["Bupati menerbitkan surat edaran tanggal 10 September 2024."]
    assert len(dropped) == 3


def test_inline_headline_between_paragraphs_is_dropped():
    para = "Pemerintah Kota Serang melarang ASN di lingkungannya melakukan pendekatan dengan partai politik."
    lines = [para, "", "ASN dengan Tugas Khusus di Tangerang Boleh Bantu Kampanye, Ini Syaratnya", "", para]
    kept, dropped = drop_inline_headlines(lines)
    assert dropped == ["ASN dengan Tugas Khusus di Tangerang Boleh Bantu Kampanye, Ini Syaratnya"]
    assert kept == [para, "", "", para]


def test_headings_and_list_items_are_not_headlines():
    para = "Pemerintah Kota Serang melarang ASN di lingkungannya melakukan pendekatan dengan partai politik."
    lines = [para, "SURAT EDARAN TENTANG NETRALITAS ASN", para, "a. Memasang Baliho Calon Di Jalan Raya", para]
    assert drop_inline_headlines(lines)[1] == []


@pytest.mark.parametrize("lines, expected", [
    (["pengawasan dan pe-", "ngawasan berjenjang"], "pengawasan dan pengawasan berjenjang"),
    (["seluruh ASN dalam penyelenggaraan kebijakan dan manajemen ASN harus", "berdasarkan asas netralitas."],
     "seluruh ASN dalam penyelenggaraan kebijakan dan manajemen ASN harus berdasarkan asas netralitas."),
    (["Dalam rangka penyelenggaraan pemilihan Kepala Daerah serentak, pemilihan", "", "",
      "Legislatif, dan pemilihan Presiden."],
     "Dalam rangka penyelenggaraan pemilihan Kepala Daerah serentak, pemilihan Legislatif, dan pemilihan Presiden."),
    (["hal-hal berikut :", "1. Agar seluruh ASN menjaga netralitas;"], "hal-hal berikut :\n1. Agar seluruh ASN menjaga netralitas;"),
    (["PJ Bupati Tangerang Terbitkan Edaran Netralitas ASN di Pilkada 2024, Ini Isinya", "",
      "Selasa, 21 Mei 2024"], "PJ Bupati Tangerang Terbitkan Edaran Netralitas ASN di Pilkada 2024, Ini Isinya\n\nSelasa, 21 Mei 2024"),
    (["SURAT EDARAN", "NOMOR: 800/1/2024"], "SURAT EDARAN\nNOMOR: 800/1/2024"),
    # a headline and the date stamp under it stay apart
    (["Bawaslu Kukar temukan dua ASN diduga langgar netralitas di masa kampanye", "Jumat, 18 Oktober 2024 14:32 WIB"],
     "Bawaslu Kukar temukan dua ASN diduga langgar netralitas di masa kampanye\nJumat, 18 Oktober 2024 14:32 WIB"),
    # the fields of a letter's heading stay on their lines
    (["Nomor    : 217/PM.00.02/K.MU/09/2024                 Ternate, 16 September 2024", "Sifat    : Penting",
      "Hal      : Imbauan Netralitas Aparatur Sipil Negara pada Pemilihan Serentak", "Tahun 2024"],
     "Nomor    : 217/PM.00.02/K.MU/09/2024                 Ternate, 16 September 2024\nSifat    : Penting\n"
     "Hal      : Imbauan Netralitas Aparatur Sipil Negara pada Pemilihan Serentak\nTahun 2024"),
    # a list item wrapped before a bracket; a count after a colon ends the item, it opens no list
    (["1. ASN memberikan tanda suka (like), mengomentari, dan membagikan", "(share) unggahan pasangan calon;"],
     "1. ASN memberikan tanda suka (like), mengomentari, dan membagikan (share) unggahan pasangan calon;"),
    (["2. ASN menghadiri kegiatan kampanye pasangan calon:", "7 kasus;", "3. ASN berfoto bersama calon: 4 kasus;"],
     "2. ASN menghadiri kegiatan kampanye pasangan calon: 7 kasus;\n3. ASN berfoto bersama calon: 4 kasus;"),
    (["ASN dilarang:", "1. ikut kampanye;"], "ASN dilarang:\n1. ikut kampanye;"),
    # a long list item wrapped before a name goes on; a short one (a heading) does not
    (["    m.  memberikan dukungan kepada calon anggota Dewan Perwakilan", "        Daerah atau calon perseorangan;"],
     "    m.  memberikan dukungan kepada calon anggota Dewan Perwakilan Daerah atau calon perseorangan;"),
    # ... but without one, what follows the last item is a sentence of its own
    (["2. menghadiri deklarasi pasangan calon Bupati dan Wakil Bupati Kabupaten Banjar",
      "Pelanggaran atas larangan tersebut dijatuhi hukuman disiplin berat."],
     "2. menghadiri deklarasi pasangan calon Bupati dan Wakil Bupati Kabupaten Banjar\n"
     "Pelanggaran atas larangan tersebut dijatuhi hukuman disiplin berat."),
    (["1. Latar Belakang", "Dalam rangka menjaga netralitas."], "1. Latar Belakang\nDalam rangka menjaga netralitas."),
    # a PDF's text has no indents: an item goes on over a line with a capital when its list's next item follows
    (["7) mengenakan atribut partai politik, atribut pasangan calon, atau atribut", "Pegawai ASN dalam kampanye;",
      "8) mengerahkan Pegawai ASN lain;"],
     "7) mengenakan atribut partai politik, atribut pasangan calon, atau atribut Pegawai ASN dalam kampanye;\n"
     "8) mengerahkan Pegawai ASN lain;"),
    (["b. memasang spanduk, baliho, atau alat peraga lain yang memuat gambar calon di", "Kantor Kecamatan;",
      "c. berfoto bersama calon;"],
     "b. memasang spanduk, baliho, atau alat peraga lain yang memuat gambar calon di Kantor Kecamatan;\n"
     "c. berfoto bersama calon;"),
    (["f. Keputusan Bersama Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, Ketua", "KASN, dan Ketua Bawaslu;",
      "g. Surat Edaran Menteri PANRB;"],
     "f. Keputusan Bersama Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, Ketua KASN, dan Ketua Bawaslu;\n"
     "g. Surat Edaran Menteri PANRB;"),  # an item in title case (a regulation's name) too
    # ... over the blank lines OCR leaves between items
    (["b. mengenakan atribut partai politik, atribut pasangan calon, atau atribut", "ASN dalam kegiatan kampanye:", "",
      "c. mengerahkan pegawai lain;"],
     "b. mengenakan atribut partai politik, atribut pasangan calon, atau atribut ASN dalam kegiatan kampanye:\n\n"
     "c. mengerahkan pegawai lain;"),
    # ... not when what follows is not that item (another list's, a new numbering, a paragraph)
    (["7) mengenakan atribut partai politik, atribut pasangan calon, atau atribut", "Pegawai ASN dalam kampanye;",
      "b. mengerahkan Pegawai ASN lain;"],
     "7) mengenakan atribut partai politik, atribut pasangan calon, atau atribut\nPegawai ASN dalam kampanye;\n"
     "b. mengerahkan Pegawai ASN lain;"),
    (["2. menghadiri deklarasi pasangan calon Bupati dan Wakil Bupati Kabupaten Banjar",
      "Pelanggaran atas larangan tersebut dijatuhi hukuman disiplin berat.", "", "3. Demikian disampaikan."],
     "2. menghadiri deklarasi pasangan calon Bupati dan Wakil Bupati Kabupaten Banjar\n"
     "Pelanggaran atas larangan tersebut dijatuhi hukuman disiplin berat.\n\n3. Demikian disampaikan."),
    # a number and its year cut apart, in a list item (no hanging indent in OCR) and over OCR's blank line
    (["4. Pelanggaran dikenakan sanksi moral sesuai PP Nomor 42", "Tahun 2004 dan/atau hukuman disiplin."],
     "4. Pelanggaran dikenakan sanksi moral sesuai PP Nomor 42 Tahun 2004 dan/atau hukuman disiplin."),
    (["b. Peraturan Pemerintah No. 94", "", "Tahun 2021 tentang Disiplin PNS;"],
     "b. Peraturan Pemerintah No. 94 Tahun 2021 tentang Disiplin PNS;"),
    (["Jumlah pelanggaran 42", "Tahun 2024 lebih banyak."], "Jumlah pelanggaran 42\nTahun 2024 lebih banyak."),
    # (not a closing sentence after a unit's word)
    (["3. Laporan disampaikan kepada Camat melalui pimpinan unit di Kantor Kecamatan",
      "Demikian untuk dilaksanakan dengan sebaik-baiknya."],
     "3. Laporan disampaikan kepada Camat melalui pimpinan unit di Kantor Kecamatan\n"
     "Demikian untuk dilaksanakan dengan sebaik-baiknya."),
    # a chat's messages stay apart, each at its time stamp
    (["09/09/24 08.03 - Dede Sekcam: Grup ini khusus info kedinasan ya", "09/09/24 08.05 - Dede Sekcam: Diteruskan"],
     "09/09/24 08.03 - Dede Sekcam: Grup ini khusus info kedinasan ya\n09/09/24 08.05 - Dede Sekcam: Diteruskan"),
    # a video's on-screen texts stay apart at their times
    (["[00:04] Pilkada Karangasem dan Pilgub Bali tanggal 27 November",
      "[00:08] Jangan ikut kampanye paslon, walaupun cuma jadi penonton di barisan depan"],
     "[00:04] Pilkada Karangasem dan Pilgub Bali tanggal 27 November\n"
     "[00:08] Jangan ikut kampanye paslon, walaupun cuma jadi penonton di barisan depan"),
    # a list's last item, without its full stop, is no sentence that goes on over a blank line
    (["5. Membagikan bantuan atau sembako dengan label/stiker paslon kepada masyarakat", "",
      "ASN yang terbukti melanggar dijatuhi hukuman disiplin."],
     "5. Membagikan bantuan atau sembako dengan label/stiker paslon kepada masyarakat\n\n"
     "ASN yang terbukti melanggar dijatuhi hukuman disiplin."),
    # (one that hangs on a word that needs more goes on)
    (["1. memasang spanduk dan baliho pasangan calon di kantor, sebagaimana diatur dalam", "", "Pasal 280 UU 7/2017."],
     "1. memasang spanduk dan baliho pasangan calon di kantor, sebagaimana diatur dalam Pasal 280 UU 7/2017."),
    # a unit's name cut at a list item's end goes on at the next line, and the item's sentence with it
    (["c. Sdr. Syamsul Bahri, S.Sos., NIP 198710032011011002, Staf Kantor Kecamatan",
      "Tanete Riattang Timur yang berdomisili di Sengkang, menjadi anggota tim pemenangan."],
     "c. Sdr. Syamsul Bahri, S.Sos., NIP 198710032011011002, Staf Kantor Kecamatan Tanete Riattang Timur yang berdomisili "
     "di Sengkang, menjadi anggota tim pemenangan."),
])
def test_join_wrapped_lines(lines, expected):
    assert join_wrapped_lines(lines) == expected


def test_clean_page_runs_every_step():
    c = clean_page("ASN dilarang ikut kampanye\nsesuai UU 2Ol4.\nBaca juga: Banjir di Kota X")
    assert c.text == "ASN dilarang ikut kampanye sesuai UU 2014."
    assert c.dropped == ["Baca juga: Banjir di Kota X"]


@pytest.mark.parametrize("line", [
    "- 2 -",
    "SE Sekda Kab. Madiun - Netralitas ASN Pemilu 2024            Halaman 1 dari 2",
    "Surat Edaran Pj. Wali Kota Pekanbaru ttg Netralitas ASN Hal. 1 dari 2",
    ".                                                                       ;",
    "Scanned with CamScanner",
])
def test_page_counters_footers_and_specks_are_furniture(line):
    kept, dropped = drop_furniture(["ASN dilarang:", line, "a. ikut kampanye."])
    assert kept == ["ASN dilarang:", "a. ikut kampanye."]


def test_a_sentence_that_names_a_page_is_kept():
    kept, _ = drop_furniture(["Lihat ketentuan pada halaman 2 surat ini."])
    assert kept == ["Lihat ketentuan pada halaman 2 surat ini."]


TABLE = """bentuk pelanggaran dan jenis sanksi sebagaimana tabel berikut:
+----+------------------------------+---------------------------+
| NO | BENTUK PELANGGARAN           | JENIS SANKSI              |
+----+------------------------------+---------------------------+
| 1. | Kegiatan tatap muka:         | Hukuman disiplin sedang   |
|    | a) menghadiri deklarasi      | berupa pemotongan         |
|    |    bakal calon;              | tunjangan kinerja.        |
|    | b) ikut kampanye.            |                           |
+----+------------------------------+---------------------------+
| 2. | Menjadi anggota partai.      | Pemberhentian tidak       |
|    |                              | dengan hormat.            |
+----+------------------------------+---------------------------+
Demikian."""

MARKDOWN = """| Larangan | Sanksi |
| --- | --- |
| memasang baliho calon | teguran tertulis |
| berfoto bersama calon | hukuman disiplin sedang |"""


@pytest.mark.parametrize("raw, expected", [
    (TABLE, "bentuk pelanggaran dan jenis sanksi sebagaimana tabel berikut:\n"
            "1. BENTUK PELANGGARAN: Kegiatan tatap muka:\na) menghadiri deklarasi bakal calon;\nb) ikut kampanye.\n\n"
            "JENIS SANKSI: Hukuman disiplin sedang berupa pemotongan tunjangan kinerja.\n\n"
            "2. BENTUK PELANGGARAN: Menjadi anggota partai.\n\nJENIS SANKSI: Pemberhentian tidak dengan hormat.\n\n"
            "Demikian."),
    (MARKDOWN, "Larangan: memasang baliho calon\n\nSanksi: teguran tertulis\n\n"
               "Larangan: berfoto bersama calon\n\nSanksi: hukuman disiplin sedang"),
    # no header row: the first row is data, not the columns' names
    ("+----+----------------+----------+\n| 1. | ikut kampanye; | teguran  |\n+----+----------------+----------+\n"
     "| 2. | pasang baliho. | sedang   |\n+----+----------------+----------+",
     "1. ikut kampanye;\n\nteguran\n\n2. pasang baliho.\n\nsedang"),
])
def test_tables_drawn_with_characters_become_paragraphs(raw, expected):
    assert clean_page(raw).text == expected


@given(st.lists(st.sampled_from(["1O", "2O24", "o1", "O", "o", "0", "7", "Tahun", "tahun", "Nomor", "No.", "nomer",
                                 " ", "  ", "\n", "/", ".", "-", "x", "ASN", "2l", "Nopember"]), max_size=25))
@example(["Nomor", " ", "O", "7"])
@example(["O", "7", " ", "Tahun"])
@example(["1O", " ", "tahun"])
@settings(max_examples=300)
def test_numbers_with_an_o_are_fixed_as_without_the_shortcut(parts):
    """fix_ocr_confusions looks for `1O Tahun`, `Nomor 2O` only where a digit stands next to an O:
    the result is what the full pattern alone gives."""
    import himpun.ingest.clean as clean

    text = "".join(parts)
    always = re.compile(r"")  # matches everywhere: the full pattern is always run
    fast = fix_ocr_confusions(text)
    original, clean._DIGIT_NEXT_TO_O = clean._DIGIT_NEXT_TO_O, always
    try:
        assert fast == fix_ocr_confusions(text)
    finally:
        clean._DIGIT_NEXT_TO_O = original


@pytest.mark.parametrize("raw, expected", [
    ("sesuai Peratur an Pemerintah Nomor 42", "sesuai Peraturan Pemerintah Nomor 42"),
    ("PNS yang pela nggaran disiplin", "PNS yang pelanggaran disiplin"),
    # pieces that are words themselves stay apart
    ("laporan masyarakat, lapor an, mobil dinas, ter hadap", "laporan masyarakat, lapor an, mobil dinas, ter hadap"),
    ("ASN yang berada di lokasi, berfoto bersama di panggung, mengatakan ya",
     "ASN yang berada di lokasi, berfoto bersama di panggung, mengatakan ya"),
])
def test_a_space_ocr_put_inside_a_word(raw, expected):
    assert fix_split_words(raw) == expected
    assert clean_page(raw, ocr=False).text == raw  # (only on OCR'd pages)


def test_a_transcript_keeps_its_captions_apart_and_readers_comments_go():
    raw = ("Transkrip\n1:43  pertama jangan ikut kampanye\n1:46  mau kampanye di lapangan tetap tidak boleh\n\n"
           "Komentar 47 Urutkan\n\n@sariyanti_88  2 minggu yang lalu\nhonorer juga diputus kontrak ndak kalau ikut "
           "kampanye?\n   Balas   3\n\nBerikutnya")
    cleaned = clean_page(raw)
    assert "1:43 pertama jangan ikut kampanye\n1:46 mau kampanye di lapangan tetap tidak boleh" in cleaned.text
    assert "honorer" not in cleaned.text and "@sariyanti_88 2 minggu yang lalu" in cleaned.dropped


@pytest.mark.parametrize("raw, expected", [
    # a faint "d" read as "C" in a rule's words, and an "!" OCR glued to a word mid-sentence
    ("setiap PNS, termasuk yang berdomisili di Kota Mataram, Cilarang memberikan dukungan kepada calon Presiden dan "
     "Wakil! Presiden dengan cara:",
     "setiap PNS, termasuk yang berdomisili di Kota Mataram, dilarang memberikan dukungan kepada calon Presiden dan "
     "Wakil Presiden dengan cara:"),
    ("Cimaksud pada angka 2.", "Dimaksud pada angka 2."),
    # place names and real exclamations stay
    ("ASN di Cianjur dan Cikarang. Cari tahu di laman BKPSDM. Jangan ikut kampanye!", None),
    ("IMBAUAN ASN harus netral! Jangan ikut kampanye. Kantor di Jl. Cimaksud No. 3.", None),
])
def test_ocr_letters_misread_in_a_rule_s_words(raw, expected):
    assert clean_page(raw, ocr=True).text == (raw if expected is None else expected)
