"""Documents written for the tests, in the style of real circulars and news
reports. Numbers and names are invented; regions are real."""

CIRCULAR_GOWA = """BUPATI GOWA
PROVINSI SULAWESI SELATAN

SURAT EDARAN
Nomor: 800/155/BKPSDM/2024

TENTANG
NETRALITAS ASN PADA PEMILIHAN KEPALA DAERAH TAHUN 2024

Berdasarkan Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin
Pegawai Negeri Sipil, dengan ini ditegaskan bahwa ASN dilarang:
a. memasang baliho atau spanduk pasangan calon;
b. menyukai dan membagikan unggahan pasangan calon di media sosial;
c. menggunakan mobil dinas untuk kegiatan kampanye.
ASN yang melanggar huruf a dijatuhi hukuman disiplin berat.
ASN tetap memiliki hak pilih dan boleh datang ke TPS.

Ditetapkan di Sungguminasa
pada tanggal 3 Juni 2024
BUPATI GOWA,
"""

NEWS_BEKASI = """Pj Wali Kota Bekasi Larang ASN Foto Bareng Paslon

BEKASI, WARTABEKASI - Penjabat (Pj) Wali Kota Bekasi menerbitkan Surat Edaran Nomor 100.3.4/1234/BKPSDM/2024 tentang netralitas ASN, Senin (5/8/2024).

Dalam surat edaran itu, ASN dilarang berfoto bersama pasangan calon dan mengunggahnya di media sosial.

"Pelanggar akan dikenai sanksi teguran tertulis," ujarnya.
"""

NEWS_HTML_PACITAN = """<!DOCTYPE html>
<html><head><meta charset="utf-8">
<title>ASN Pacitan Dilarang Jadi Tim Sukses - Kabar Pacitan</title>
<meta property="og:title" content="ASN Pacitan Dilarang Jadi Tim Sukses">
<meta property="article:published_time" content="2024-10-01T08:00:00+07:00">
<script>var tracker = "dilarang baliho";</script>
</head><body>
<nav><a href="/">Beranda</a> <a href="/politik">Politik</a></nav>
<article>
<h1>ASN Pacitan Dilarang Jadi Tim Sukses</h1>
<p>PACITAN, KABARPACITAN - Pemerintah Kabupaten (Pemkab) Pacitan mengingatkan seluruh ASN agar menjaga netralitas selama masa kampanye Pilkada 2024 yang berlangsung hingga November.</p>
<p>Bupati Pacitan telah mengeluarkan surat edaran yang menegaskan bahwa ASN dilarang menjadi anggota tim sukses pasangan calon dan dilarang mempromosikan calon di media sosial.</p>
<p><strong>Baca juga:</strong> <a href="/x">Jembatan Baru di Kota Madiun Diresmikan</a></p>
<p>"Yang melanggar bisa dijatuhi hukuman disiplin berat sampai pemberhentian tidak dengan hormat," ujar Kepala BKPSDM Pacitan.</p>
</article>
<div class="related-posts"><h3>Berita Terkait</h3><a href="/y">Gubernur Jawa Tengah Lantik Pejabat</a></div>
<div id="comments"><h3>Tinggalkan Balasan</h3><form><textarea></textarea></form></div>
</body></html>
"""


# Three circulars for the cross-reference tests: a national rule and two regions that depart from it
XREF_SLEMAN = """PEMERINTAH KABUPATEN SLEMAN
SURAT EDARAN BUPATI SLEMAN
NOMOR 800.1/2291/BKPP/2024
TENTANG NETRALITAS APARATUR SIPIL NEGARA DALAM PEMILIHAN KEPALA DAERAH TAHUN 2024

Berdasarkan Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, dengan ini disampaikan hal-hal sebagai berikut:
1. ASN dilarang:
a. memasang spanduk, baliho, atau alat peraga lainnya terkait pasangan calon;
b. memberikan tanda suka, komentar, atau membagikan unggahan pasangan calon di media sosial;
c. menghadiri deklarasi pasangan calon.
2. ASN yang melanggar ketentuan angka 1 huruf a dan huruf b dijatuhi hukuman disiplin berat berupa pembebasan dari jabatan.
3. ASN yang melanggar ketentuan angka 1 huruf c dijatuhi sanksi moral berupa pernyataan secara terbuka.

Ditetapkan di Sleman
pada tanggal 2 September 2024
BUPATI SLEMAN,
KUSTINI
"""

XREF_MADIUN = """PEMERINTAH KOTA MADIUN
SURAT EDARAN WALI KOTA MADIUN
NOMOR 100.3.4/512/BKPSDM/2024
TENTANG NETRALITAS PEGAWAI APARATUR SIPIL NEGARA

Sesuai Peraturan Pemerintah Nomor 53 Tahun 2010 tentang Disiplin Pegawai Negeri Sipil, disampaikan:
1. ASN dilarang memasang spanduk, baliho, atau alat peraga lainnya terkait pasangan calon, dan pelanggaran atas larangan ini dijatuhi hukuman disiplin sedang berupa pemotongan tunjangan kinerja sebesar 25% selama 6 bulan.
2. ASN dilarang menggunakan fasilitas negara untuk kepentingan kampanye.

Ditetapkan di Madiun
pada tanggal 9 September 2024
WALI KOTA MADIUN,
MAIDI
"""

XREF_NATIONAL = """KEMENTERIAN PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI REPUBLIK INDONESIA
SURAT EDARAN MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI
NOMOR 1 TAHUN 2023
TENTANG NETRALITAS PEGAWAI APARATUR SIPIL NEGARA

Berdasarkan Keputusan Bersama Nomor 2 Tahun 2022, disampaikan:
1. ASN dilarang memasang spanduk, baliho, atau alat peraga lainnya terkait bakal calon, dan ASN yang melanggar dijatuhi hukuman disiplin berat.
2. ASN dilarang memberikan tanda suka, komentar, atau membagikan unggahan bakal calon di media sosial, dan ASN yang melanggar dijatuhi sanksi moral berupa pernyataan secara tertutup.

Ditetapkan di Jakarta
pada tanggal 1 Agustus 2023
MENTERI PENDAYAGUNAAN APARATUR NEGARA DAN REFORMASI BIROKRASI,
ABDULLAH AZWAR ANAS
"""
