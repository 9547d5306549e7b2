"""Dates found in text, and which of them are schedule dates (table-driven)."""
import pytest

from himpun.ingest.parse.dates import find_dates, find_partial_dates


@pytest.mark.parametrize("text, expected", [
    ("Surat Edaran ini dikeluarkan pada 14 Agustus 2024.", [("2024-08-14", False)]),
    ("tanggal 05 Januari 2023 Tentang Netralitas", [("2023-01-05", False)]),
    ("Senin, 11 Desember 2023.", [("2023-12-11", False)]),
    ("di Kantor Bupati, Selasa (4/6/2024).", [("2024-06-04", False)]),
    ("ditetapkan 22/09/2022 di Jakarta", [("2022-09-22", False)]),
    ("pada 2 Nopember 2019 dan 1 Pebruari 2020", [("2019-11-02", False), ("2020-02-01", False)]),
    ("tanggal 3 Desemher 2023", [("2023-12-03", False)]),  # OCR-damaged month
    ("Kampanye dimulai sejak 28 November 2023 sampai 10 Februari 2024.",
     [("2023-11-28", True), ("2024-02-10", True)]),
    ("Pilkada yang akan dilaksanakan 27 November 2024 mendatang.", [("2024-11-27", True)]),
    ("ASN langgar netralitas di masa kampanye\n\nJumat, 18 Oktober 2024 14:32 WIB", [("2024-10-18", False)]),
    # an election event further back in the sentence: its day is a schedule date
    ("menjelang hari pemungutan suara Pemilihan Umum Presiden dan Wakil Presiden, Anggota DPR, DPD dan DPRD pada "
     "tanggal 14 Februari 2024, dan", [("2024-02-14", True)]),
    ("ASN tetap boleh datang ke TPS pada 27 November 2024 untuk memilih.", [("2024-11-27", True)]),
    ("Kabupaten Pesawaran juga menggelar Pilkada serentak pada 27 November 2024.", [("2024-11-27", True)]),
    ("tahapan penetapan pasangan calon pada tanggal 22 September 2024", [("2024-09-22", True)]),
    ("Pemilihan Tahun 2024 yang pemungutan suaranya dilaksanakan secara serentak pada tanggal 27 November 2024,",
     [("2024-11-27", True)]),
    # ... but not when the words between say an instrument was issued
    ("Surat Edaran tentang Netralitas ASN pada Pilkada Serentak 2024 ditetapkan pada tanggal 5 Agustus 2024.",
     [("2024-08-05", False)]),
    ("ASN yang terbukti hadir di TPS bersama paslon itu dijatuhi hukuman disiplin oleh Bupati pada 12 Januari 2025.",
     [("2025-01-12", False)]),
    ("Usai rekapitulasi, Bawaslu merekomendasikan sanksi kepada KASN pada 10 Maret 2024.", [("2024-03-10", False)]),
    ("Masa kampanye 25 September 2024 - 23 November 2024.", [("2024-09-25", True), ("2024-11-23", True)]),
    ("#ASNNetral\n\n30 September 2024\n\n- 1.204 suka", [("2024-09-30", False)]),  # a post's date over a list
    # an election named right before its day
    ("4. Pada Pemilu 14 Februari 2024 yang lalu BKPSDM menerima tiga rekomendasi", [("2024-02-14", True)]),
    ("Pilkada serentak tanggal 27 November 2024 nanti", [("2024-11-27", True)]),
    ("SE tentang Netralitas pada Pemilihan Serentak Tahun 2024 tanggal 12 Agustus 2024", [("2024-08-12", False)]),
    # the rows of a table of events (its columns single spaces after cleaning) under a schedule's lead-in or a
    # header naming its dates' column
    ("sosialisasi dengan jadwal sebagai berikut:\n\nNo Kecamatan Hari, Tanggal Tempat\n1 Cianjur Senin, 16 September "
     "2024 Pendopo 2 Cipanas Rabu, 18 September 2024 Aula", [("2024-09-16", True), ("2024-09-18", True)]),
    ("No Kegiatan Tanggal Tempat\n1. Apel netralitas 2 September 2024 Lapangan", [("2024-09-02", True)]),
    # ... not a numbered item citing its basis, nor a row under a header that is no dates' column
    ("Dasar:\n1. Surat Edaran Bupati Nomor 800/1/2024 tanggal 5 Agustus 2024;", [("2024-08-05", False)]),
    ("Hari/Tanggal : Senin, 12 Agustus 2024\nAgenda:\n1. Paparan SE tanggal 5 Agustus 2024", [("2024-08-12", False),
                                                                                         ("2024-08-05", False)]),
    ("datang ke TPS tgl 27 Nov 2024 utk nyoblos", [("2024-11-27", True)]),
    # a line the date begins is no row of a table, and a schedule word in a headline is no table's lead-in
    ("Jadwal Kampanye Pilkada 2024 Dimulai, ASN Dilarang Ikut\n12 Oktober 2024 | 10:15 WIB", [("2024-10-12", False)]),
    ("sesuai jadwal tahapan pemilihan.\nDitetapkan di Praya\npada tanggal\n10 Oktober 2024", [("2024-10-10", False)]),
    # holidays, deadlines, plans and the days of a list are schedule dates
    ("Cuti bersama ditetapkan pada tanggal 8, 9, 12, dan 15 April 2024, sedangkan Hari Raya Idulfitri jatuh pada "
     "tanggal 10 dan 11 April 2024.", [("2024-04-15", True), ("2024-04-11", True)]),
    ("wajib masuk kerja kembali pada hari Selasa, 16 April 2024", [("2024-04-16", True)]),
    ("disampaikan paling lambat tanggal 17 April 2024.", [("2024-04-17", True)]),
    ("Pengumuman hasil seleksi direncanakan pada 14 September 2024.", [("2024-09-14", True)]),
    # the day of an act a decree finds, and the voting day
    ("terbukti pada hari Sabtu tanggal 19 Oktober 2024 mengikuti kampanye", [("2024-10-19", True)]),
    # the day a civil servant attended a campaign, a long way after the verb
    ('menghadiri rapat umum kampanye seorang calon "anggota DPRD Kabupaten Bone pada tanggal 6 April 2019 dengan kaos',
     [("2019-04-06", True)]),
    ("Bupati menghadiri apel netralitas pada tanggal 5 Agustus 2024", [("2024-08-05", False)]),
    ("a. pada hari Minggu tanggal 13 Oktober 2024, yang bersangkutan hadir", [("2024-10-13", True)]),
    ("Hak pilih tetap digunakan pada 27 November 2024 ya!", [("2024-11-27", True)]),
    ("Waktu kejadian Sabtu, 12 Oktober 2024, sekitar pukul 15.30 WIB", [("2024-10-12", True)]),
    ("Hari/Tanggal Kejadian : Jumat, 11 Oktober 2024", [("2024-10-11", True)]),
    ("3. Umur/Tanggal lahir    : 47 tahun / 3 Maret 1977;", [("1977-03-03", True)]),
    ("selaku Lurah, pada hari Sabtu tanggal 19 Oktober 2024 sekira pukul 15.30 WITA", [("2024-10-19", True)]),
    # (a record's own day, and a birth named in prose, are no schedule)
    ("Pada hari ini Senin tanggal 14 Oktober 2024 sekira pukul 10.00 WITA, kami melakukan klarifikasi",
     [("2024-10-14", False)]),
    ("Bupati yang lahir di Garut ini menerbitkan SE pada 5 Oktober 2024.", [("2024-10-05", False)]),
    # ... not an instrument's date before a name
    ("Berita Acara Pemeriksaan tanggal 4 Juni 2024, Sdr. YOHANES", [("2024-06-04", False)]),
    # a campaign's day, a meeting's or a watch's time and place, an event at its day and hour
    ("terbukti mendampingi suaminya, calon anggota DPRD Kabupaten Kediri, dalam kampanye tatap muka di Kecamatan "
     "Gampengrejo pada hari Sabtu, 27 Januari 2024, tanpa cuti", [("2024-01-27", True)]),
    ("e. Waktu dan Tempat     : Rabu, 17 Januari 2024, pukul 14.00 WITA s.d. selesai", [("2024-01-17", True)]),
    ("Info: Sosialisasi netralitas di aula kecamatan hari Senin, 16 September 2024 jam 09.00. Wajib hadir",
     [("2024-09-16", True)]),
    # (an instrument's day and hour, a record's opening, are not)
    ("Surat edaran ini ditetapkan pada hari Senin, 16 September 2024 pukul 10.00 WIB", [("2024-09-16", False)]),
    ("Pada hari Senin tanggal 16 September 2024 pukul 10.00 WIB telah dilakukan pemeriksaan", [("2024-09-16", False)]),
    ("Waktu & Tempat Pelaksanaan : Kamis, 18 Januari 2024", [("2024-01-18", True)]),
    ("menghadiri rapat umum pemegang saham pada tanggal 5 Mei 2024", [("2024-05-05", False)]),
    ("versi 2024-13-01", []),
    ("Tanggal Efektif : 9 September 2024", [("2024-09-09", True)]),
    ("ia mengakui kesalahannya dan menandatangani surat pernyataan pada tanggal 14 Oktober 2024", [("2024-10-14", False)]),
    ("Saya mengakui bahwa pada hari Sabtu tanggal 5 Oktober 2024 saya telah:", [("2024-10-05", True)]),
    # (a circular's day after a ban on attending: the circular's)
    ("Bupati mengingatkan ASN agar tidak menghadiri kampanye pasangan calon, sebagaimana ditegaskan dalam surat edaran "
     "yang ia tandatangani pada tanggal 2 September 2024.", [("2024-09-02", False)]),
    ("suara disalurkan di bilik suara, pesan Pj Bupati dalam apel pada 7 Oktober 2024.", [("2024-10-07", False)]),
    # a table's cut-off, the voting booth's day, a declaration's day a long way after the verb
    ("1. Data per 31 Desember 2024, bersumber dari laporan perangkat daerah.", [("2024-12-31", True)]),
    ("Dukungan paling aman adalah suara Saudara di bilik suara pada 27 November 2024.", [("2024-11-27", True)]),
    ("Apakah benar Saudara menghadiri deklarasi bakal pasangan calon Bupati dan Wakil Bupati Musi Rawas di Lapangan "
     "Kecamatan Muara Beliti pada hari Minggu tanggal 25 Agustus 2024?", [("2024-08-25", True)]),
    # (a post's or a mail's time stamp names no "hari": its day counts)
    ("Pada Rab, 2 Okt 2024 pukul 06.41, Sri menulis:", [("2024-10-02", False)]),
    # a web page's ISO date, not one inside a number
    ("BKPSDM Karangasem · 2024-10-18", [("2024-10-18", False)]),
    ("Nomor 800/2024-10-18/BKD", []),
    ("tanggal 31 Februari 2023", []),
    ("Nomor 800/12/2023", []),
])
def test_dates(text, expected):
    assert [(d.iso, d.schedule) for d in find_dates(text)] == expected


def test_partial_dates_take_the_documents_year_when_the_weekday_agrees():
    found = find_partial_dates("katanya, Selasa (1/8). Lalu Senin (1/8) lagi.", 2023)
    assert [d.iso for d in found] == ["2023-08-01"]  # 1 August 2023 was a Tuesday, not a Monday


@pytest.mark.parametrize("text, signed", [
    ("Mataram, 5 Agustus 2024\n\nSURAT EDARAN", ["2024-08-05"]),
    ("Ditetapkan di Pontianak\npada tanggal 9 September 2024", ["2024-09-09"]),
    ("Surat Edaran ini berlaku sejak 1 Januari 2024. Ditetapkan di Gowa, tanggal 3 Juni 2024.", ["2024-06-03"]),
    ("Bupati Gowa, 3 Juni 2024 menerbitkan surat", []),
])
def test_signing_dates(text, signed):
    assert [d.iso for d in find_dates(text) if d.signed] == signed
