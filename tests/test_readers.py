"""Each reader on real files the tests write: text in several encodings,
HTML pages with furniture, PDFs with and without a text layer, and files
that are not what their names say."""
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from himpun.errors import FileError, SkippedFile
from himpun.ingest import extract_path
from himpun.ingest.files import sniff, walk
from himpun.ingest.readers import read
from tests.conftest import make_text_pdf
from tests.fixtures import CIRCULAR_GOWA, NEWS_HTML_PACITAN


def read_path(path: Path):
    data = path.read_bytes()
    return read(path, data, sniff(path, data))


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "latin-1", "cp1252"])
def test_text_in_any_encoding(tmp_path, encoding):
    p = tmp_path / "se.txt"
    p.write_bytes("ASN dilarang ikut kampanye – Pemkot Tangsel, Jalan Raya Puspiptek No. 1".replace(
        "–", "-" if encoding == "latin-1" else "–").encode(encoding))
    (page,) = read_path(p).pages
    assert "ASN dilarang ikut kampanye" in page.text
    assert "\ufffd" not in page.text


def test_text_source_line_becomes_the_url_and_form_feeds_split_pages(tmp_path):
    p = tmp_path / "clip.txt"
    p.write_text("SOURCE: https://example.id/berita/1\n\nHalaman satu.\fHalaman dua.", encoding="utf-8")
    r = read_path(p)
    assert r.url == "https://example.id/berita/1"
    assert [pg.number for pg in r.pages] == [1, 2]
    assert r.pages[1].text == "Halaman dua."


def test_binary_garbage_named_txt_is_refused(tmp_path):
    p = tmp_path / "garbage.txt"
    p.write_bytes(bytes(range(256)) * 20)
    with pytest.raises(FileError, match="binary"):
        read_path(p)


def test_empty_file(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_bytes(b"")
    with pytest.raises(FileError, match="empty file"):
        extract_path(p)


def test_html_keeps_the_article_and_drops_furniture(tmp_path):
    p = tmp_path / "berita.html"
    p.write_text(NEWS_HTML_PACITAN, encoding="utf-8")
    r = read_path(p)
    text = r.pages[0].text
    assert "ASN dilarang menjadi anggota tim sukses" in text
    for furniture in ("Baca juga", "Jembatan Baru", "Berita Terkait", "Gubernur Jawa Tengah", "Tinggalkan Balasan",
                      "tracker", "Beranda"):
        assert furniture not in text
    assert r.title == "ASN Pacitan Dilarang Jadi Tim Sukses"
    assert r.published == "2024-10-01"


def test_html_furniture_inside_furniture_and_comments_go_in_one_walk():
    from bs4 import BeautifulSoup
    from himpun.ingest.readers.html import _strip_furniture

    soup = BeautifulSoup("<html><body><!-- iklan --><noscript><script>x()</script><!-- a --></noscript>"
                         "<div class='read__content'><p>ASN dilarang ikut kampanye.</p><!-- b -->"
                         "<div class='box-related'><p>Berita lain</p><form><input></form></div>"
                         "<p>Baca juga: Harga cabai naik</p></div><aside><p>Terpopuler</p></aside></body></html>", "lxml")
    _strip_furniture(soup)
    assert str(soup) == ('<html><body><div class="read__content"><p>ASN dilarang ikut kampanye.</p></div>'
                         '</body></html>')


def test_an_html_pages_publication_date_is_one_of_its_dates(tmp_path):
    p = tmp_path / "berita.html"
    body = "<p>" + "Pemerintah Kota Batu mengingatkan ASN agar tidak ikut kampanye pasangan calon. " * 5 + "</p>"
    p.write_text('<html><head><meta property="article:published_time" content="2024-09-12T14:05:12+07:00">'
                 f"</head><body><article>{body}</article></body></html>", encoding="utf-8")
    doc = extract_path(p)
    assert doc.dates == ["2024-09-12"] and doc.date == "2024-09-12"


def test_a_pages_embedded_data_dates_it_when_its_head_does_not(tmp_path):
    body = "<p>" + "Jangan ikut kampanye paslon walaupun cuma jadi penonton. " * 5 + "</p>"
    for script, day in [('<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": '
                         '"2024-09-12T14:05:12+07:00"}</script>', "2024-09-12"),
                        # a video platform's state data: seconds since 1970 (05:30 UTC, 12:30 in Jakarta)
                        ('<script id="__UNIVERSAL_DATA_FOR_REHYDRATION__" type="application/json">{"itemStruct": '
                         '{"id": "7426518830914", "createTime": "1729229400"}}</script>', "2024-10-18"),
                        # (the article's date, not an embedded video's; the post's, not its author's)
                        ('<script type="application/ld+json">{"@type": "VideoObject", "uploadDate": "2019-03-01"}</script>'
                         '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2024-09-12"}'
                         '</script>', "2024-09-12"),
                        ('<script type="application/json">{"author": {"createTime": "1600000000"}, "itemStruct": '
                         '{"createTime": "1729229400"}}</script>', "2024-10-18"),
                        # a post's time stamp in its markup: HTML5's <time>, Facebook's data-utime
                        ('<time datetime="2024-09-09T10:15:00+08:00">9 Sep</time>', "2024-09-09"),
                        ('<abbr data-utime="1725848100" title="Senin, 9 September 2024">9 Sep</abbr>', "2024-09-09")]:
        p = tmp_path / "post.html"
        p.write_text(f"<html><head></head><body><main>{body}</main>{script}</body></html>", encoding="utf-8")
        doc = extract_path(p)
        assert doc.dates == [day]


def test_a_time_stamp_that_does_not_start_with_its_date_is_read_and_the_articles_wins(tmp_path):
    body = "<p>" + "Jangan ikut kampanye paslon walaupun cuma jadi penonton. " * 5 + "</p>"
    p = tmp_path / "post.html"
    p.write_text(f'<html><body><nav><time datetime="2023-02-01">menu</time></nav><article>{body}'
                 f'<time datetime=" 2024-10-18T10:00">18 Okt</time></article></body></html>', encoding="utf-8")
    assert extract_path(p).dates == ["2024-10-18"]


def test_html_with_only_scripts_has_no_text(tmp_path):
    p = tmp_path / "kosong.html"
    p.write_text("<html><head><script>var a = 1;</script></head><body><script>x()</script></body></html>")
    with pytest.raises(FileError, match="no readable text"):
        read_path(p)


def test_pdf_text_layer_page_by_page(tmp_path):
    p = make_text_pdf(tmp_path / "se.pdf", [CIRCULAR_GOWA, "Halaman kedua: ASN dilarang memasang baliho."])
    r = read_path(p)
    assert r.format == "pdf"
    assert len(r.pages) == 2
    assert "SURAT EDARAN" in r.pages[0].text
    assert "memasang baliho" in r.pages[1].text
    doc = extract_path(p)
    assert doc.kind == "circular" and doc.region == "Kabupaten Gowa"
    assert {c.page for c in doc.clauses} == {1, 2}
    for c in doc.clauses:
        assert doc.pages[c.page - 1].text[c.start:c.end] == c.text


def test_a_ruled_table_of_a_text_layer_is_read_row_by_row(tmp_path):
    # cells wrapped over several lines come out of the text layer cell by cell; read as a table, each row's
    # ban stays with its sanction, under the column names
    from fpdf import FPDF
    from tests.conftest import FONT

    pdf = FPDF(format="A4")
    pdf.add_font("Body", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Body", size=10)
    pdf.multi_cell(0, 6, "MATRIKS LARANGAN DAN SANKSI NETRALITAS PEGAWAI ASN", new_x="LMARGIN", new_y="NEXT")
    rows = [("No", "Larangan", "Sanksi"),
            ("1", "Menjadi anggota dan/atau pengurus partai politik", "Pemberhentian tidak dengan hormat"),
            ("2", "Memasang spanduk atau baliho pasangan calon di rumah dinas dan kendaraan dinas",
             "Hukuman disiplin sedang: pemotongan tunjangan kinerja 25% selama 6 bulan")]
    with pdf.table(col_widths=(10, 90, 90), first_row_as_headings=False) as table:
        for r in rows:
            row = table.row()
            for cell in r:
                row.cell(cell)
    pdf.multi_cell(0, 6, "Demikian disampaikan.", new_x="LMARGIN", new_y="NEXT")
    p = tmp_path / "matriks.pdf"
    pdf.output(str(p))
    text = read_path(p).pages[0].text
    assert "| 2 | Memasang spanduk atau baliho pasangan calon di rumah dinas dan kendaraan dinas | Hukuman" in text
    assert text.index("MATRIKS") < text.index("| No |") < text.index("Demikian")
    doc = extract_path(p)
    by_ban = {tuple(c.categories): [s.type for s in c.sanctions] for c in doc.clauses if c.kind == "prohibition"}
    assert by_ban[("party-membership",)] == ["dismissal-dishonourable"]
    assert by_ban[("campaign-materials",)] == by_ban[("state-facilities",)] == ["allowance-cut"]


def _encrypted_pdf(path: Path, user_password: str) -> Path:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=12)
    pdf.cell(0, 10, "ASN dilarang ikut kampanye.")
    pdf.set_encryption(owner_password="pemilik", user_password=user_password, encryption_method=EncryptionMethod.RC4)
    pdf.output(str(path))
    return path


def test_encrypted_pdf_with_a_user_password_is_refused(tmp_path):
    p = _encrypted_pdf(tmp_path / "rahasia.pdf", "rahasia")
    with pytest.raises(FileError, match="encrypted PDF"):
        read_path(p)


def test_encrypted_pdf_with_an_empty_user_password_is_read(tmp_path):
    p = _encrypted_pdf(tmp_path / "terbuka.pdf", "")
    assert "ASN dilarang ikut kampanye." in read_path(p).pages[0].text


def test_truncated_pdf(tmp_path):
    whole = make_text_pdf(tmp_path / "whole.pdf", ["ASN dilarang ikut kampanye."]).read_bytes()
    p = tmp_path / "truncated.pdf"
    p.write_bytes(whole[: len(whole) // 3])
    with pytest.raises(FileError):
        read_path(p)


def test_pdf_that_is_really_html(tmp_path):
    p = tmp_path / "surat.pdf"
    p.write_text("<!DOCTYPE html><html><body>Not found</body></html>")
    with pytest.raises(FileError, match="named .pdf but is an HTML page"):
        sniff(p, p.read_bytes())


def test_unsupported_type_is_skipped(tmp_path):
    p = tmp_path / "data.xlsx"
    p.write_bytes(b"PK\x03\x04 zip content")
    with pytest.raises(SkippedFile, match="unsupported file type"):
        sniff(p, p.read_bytes())


def test_walk_reports_missing_paths_and_symlink_loops(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "x.txt").write_text("ASN")
    (tmp_path / "a" / ".hidden.txt").write_text("secret")
    (tmp_path / "a" / "loop").symlink_to(tmp_path / "a")
    found = list(walk([tmp_path / "a", tmp_path / "missing.txt"]))
    files = [f.path.name for f in found if not f.problem]
    problems = {f.path.name: f.problem for f in found if f.problem}
    assert files == ["x.txt"]
    assert problems["missing.txt"] == "no such file or directory"
    assert "symlink loop" in problems["loop"]


@given(st.text(alphabet=st.sampled_from("aZ 9.\t\n\r\f\x00\x01\x0b\x0c\x0e\x1f\x7f\ufffd\u00e9"), max_size=300))
def test_control_characters_are_counted_as_one_by_one(text):
    """The regular expression counts what the definition counts: a character under 32 other than
    tab, line feed, carriage return and form feed, or U+FFFD."""
    from himpun.ingest.readers.decode import _mostly_control

    sample = text[:4096]
    bad = sum(1 for ch in sample if (ord(ch) < 32 and ch not in "\t\n\r\f") or ch == "\ufffd")
    assert _mostly_control(text) == (bool(sample) and bad / len(sample) > 0.05)


def test_a_jdih_record_reads_its_fields_as_name_and_value_and_is_a_regulation(tmp_path):
    rows = [("Tipe Dokumen", "Peraturan Perundang-undangan"),
            ("Judul", "Peraturan Wali Kota Denpasar Nomor 31 Tahun 2024 tentang Netralitas Pegawai ASN"),
            ("Nomor Peraturan", "31"), ("Jenis / Bentuk Peraturan", "Peraturan Wali Kota"),
            ("Tanggal Penetapan", "16 Agustus 2024"), ("Penandatangan", "Wali Kota Denpasar")]
    table = "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows)
    p = tmp_path / "jdih.html"
    p.write_text(f"<html><head><title>JDIH Kota Denpasar</title></head><body><main><h1>Peraturan Wali Kota Denpasar "
                 f"Nomor 31 Tahun 2024</h1><table>{table}</table><h2>Abstrak</h2><p>MATERI POKOK: Pegawai ASN "
                 f"dilarang ikut kampanye dan memasang baliho pasangan calon di kantor maupun di rumah dinas.</p>"
                 f"</main></body></html>", encoding="utf-8")
    text = read_path(p).pages[0].text
    assert "Penandatangan: Wali Kota Denpasar" in text and "Tipe Dokumen: Penandatangan" not in text
    doc = extract_path(p)
    assert (doc.kind, doc.issuers, doc.date) == ("regulation", ["Wali Kota Denpasar"], "2024-08-16")
