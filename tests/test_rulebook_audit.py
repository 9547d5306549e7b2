"""The rulebook as an officer reads it (findings of a user audit): news reports named as what
they are, source notes by title, one wording of sanctions, cover counts that say what they
count, an empty selection signalled, quotes with balanced marks and their lead-ins, titles
from the one table of regulations, moral sanctions kept. Real catalogs from small texts."""
import re
from datetime import date

import pytest

from himpun.rulebook import build, write
from himpun.xref.citations import titles
from himpun.xref.quotes import balance, clean
from himpun.xref.sources import reported
from tests.fixtures import XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

# Numbers and names invented; regions real.
CIRCULAR_BANYUWANGI = """PEMERINTAH KABUPATEN BANYUWANGI
SURAT EDARAN BUPATI BANYUWANGI
NOMOR 100.3.4/1187/429.108/2024
TENTANG NETRALITAS APARATUR SIPIL NEGARA

Berdasarkan Keputusan Bersama Nomor 2 Tahun 2022 tentang Pedoman Pembinaan dan Pengawasan Netralitas Pegawai ASN.

Dengan ini disampaikan bahwa ASN dilarang:
a. memasang spanduk, baliho, atau alat peraga lainnya terkait pasangan calon;
b. menggunakan kendaraan dinas untuk kepentingan kampanye.
ASN yang melanggar ketentuan di atas dijatuhi sanksi moral berupa pernyataan secara terbuka dan dapat dijatuhi \
hukuman disiplin sesuai Peraturan Pemerintah Nomor 94 Tahun 2021.

Ditetapkan di Banyuwangi
pada tanggal 14 Agustus 2024
BUPATI BANYUWANGI,
IPUK
"""

NEWS_BEKASI_SE = """Pj Wali Kota Bekasi Larang ASN Pasang Baliho Paslon

BEKASI, WARTABEKASI - Penjabat (Pj) Wali Kota Bekasi menerbitkan Surat Edaran Nomor 100.3.4/1234/BKPSDM/2024 \
tentang netralitas ASN, Senin (5/8/2024).

"ASN dilarang memasang baliho pasangan calon. Pelanggar dijatuhi hukuman disiplin berat," ujarnya.

Ia menambahkan, ASN juga dilarang menggunakan fasilitas negara untuk kampanye.
"""

NEWS_SERANG = """ASN Kota Serang Harus Netral

SERANG, BANPOS - Pemerintah Kota Serang mengingatkan ASN agar menjaga netralitas sesuai Undang-Undang Nomor 5 \
Tahun 2014 tentang Aparatur Sipil Negara.

Menurut Kepala BKPSDM Kota Serang, ASN tidak boleh foto berdampingan dengan pasangan calon.
"""

TEXTS = {"se_sleman.txt": XREF_SLEMAN, "se_madiun.txt": XREF_MADIUN, "se_menpan.txt": XREF_NATIONAL,
         "se_banyuwangi.txt": CIRCULAR_BANYUWANGI, "berita_bekasi.txt": NEWS_BEKASI_SE,
         "berita_serang.txt": NEWS_SERANG}


@pytest.fixture
def audited(library, tmp_path):
    d = tmp_path / "audit"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    library.ingest([d])
    return library


def _book(lib, **kw):
    return build(lib.catalog, today=date(2026, 1, 2), **kw)


def _section(book, category):
    return next(s for s in book.sections if s.category == category)


def test_a_news_report_is_named_by_its_title_and_date_and_the_circular_it_reports(audited):
    book = _book(audited)
    md = write(book, "md").decode()
    html = write(book, "html").decode()
    bekasi = ("Berita: «Pj Wali Kota Bekasi Larang ASN Pasang Baliho Paslon» (5 Agustus 2024), memuat Surat Edaran "
              "Pj Wali Kota Bekasi Nomor 100.3.4/1234/BKPSDM/2024")
    assert bekasi in md.replace("\\", "") and bekasi in html
    # never a "Berita <issuer> Nomor ...", an instrument that does not exist
    assert not re.search(r"Berita (?:Pj |Wali|Bupati|Sekretaris)", md)
    # a report whose text names no instrument: its title, no kind invented
    serang = next(a for s in book.sections for a in s.adoptions if a.region == "Kota Serang")
    from himpun.rulebook.text import doc_label
    assert doc_label(serang.source) == "Berita: «ASN Kota Serang Harus Netral» (tanpa tanggal)"
    # Lampiran B lists documents as the book names them
    annex = md.split('<a id="lampiran-b"></a>')[1].split('<a id="lampiran-c"></a>')[0].replace("\\", "")
    assert bekasi in annex and "| Berita | Pj Wali Kota Bekasi |" not in annex


def test_an_instrument_is_named_only_where_the_text_says_which_it_is():
    text = "Wali Kota menerbitkan Surat Edaran (SE) Nomor 800.1.6.1/5391/V/2024 tentang netralitas."
    assert [(r.kind, r.number) for r in reported([text], ["800.1.6.1/5391/V/2024"])] == [
        ("circular", "800.1.6.1/5391/V/2024")]
    assert reported(["Surat Edaran bernomor 100 3.4.4/4811/BKPSDM/2023 tersebut"], ["100 3.4.4/4811/BKPSDM/2023"])
    assert reported(["Kepala BKPSDM merujuk pada 800/12/BKPSDM/2024 saat wawancara."], ["800/12/BKPSDM/2024"]) == []


def test_source_notes_name_a_news_report_by_its_title_with_its_id(audited):
    book = _book(audited)
    md = write(book, "md").decode()
    notes = md.split('<a id="catatan"></a>')[1]
    news = [f for f in book.footnotes if f["kind"] == "news"]
    assert news
    for f in news:
        assert re.search(rf"Berita «[^»]+» \({f['doc_id']}\)", notes)
    assert not re.search(r"Berita [0-9a-f]{12}\b", notes)


def test_sanctions_are_worded_in_one_form(audited):
    book = _book(audited)
    materials = _section(book, "campaign-materials")
    assert materials.national_rule.startswith("Hukuman disiplin berat (bentuk tidak disebutkan)")
    madiun = next(d for d in materials.divergences if d.region == "Kota Madiun")
    assert madiun.sanction == "Pemotongan tunjangan kinerja (hukuman disiplin sedang)"
    sleman = next(a for a in materials.adoptions if a.region == "Kabupaten Sleman")
    assert sleman.sanction == "Pembebasan dari jabatan (hukuman disiplin berat)"
    md = write(book, "md").decode()
    # no bare level after a form ("(berat)"), no phrase starting in lower case after a colon
    assert not re.search(r"\((?:berat|sedang|ringan)\)", md)
    assert not re.search(r": hukuman disiplin", md)
    phrases = [d.sanction for s in book.sections for d in s.divergences] + [
        a.sanction for s in book.sections for a in s.national + s.adoptions if a.sanction]
    form = re.compile(r"(?:Hukuman disiplin (?:berat|sedang|ringan) \(bentuk tidak disebutkan\)"
                      r"|Hukuman disiplin \(tingkat dan bentuk tidak disebutkan\)"
                      r"|[A-Z][^()]*(?: \([A-Z]+\))?(?: \(hukuman disiplin (?:berat|sedang|ringan)\))?)"
                      r"(?: dan [a-z][^()]*)?")
    assert phrases and all(form.fullmatch(p) for p in phrases), phrases


def test_cover_counts_documents_and_regions_apart(audited):
    book = _book(audited)
    sc = book.scope
    assert (sc["documents"], sc["national_documents"], sc["regional_documents"]) == (6, 1, 5)
    assert len(sc["regions"]) == 5
    md = write(book, "md").decode()
    assert "dari 6 dokumen: 1 dokumen nasional dan 5 dokumen daerah dari 5 wilayah." in md


def test_nothing_selected_is_signalled(audited):
    none = _book(audited, region="Kabupaten Sleman", since="2030-01-01")
    assert none.empty and none.scope["documents"] == 0
    from himpun.rulebook.model import NothingSelected
    with pytest.raises(NothingSelected, match="Kabupaten Sleman dated on or after 2030-01-01"):
        none.require_selection()
    # the national documents alone are no rulebook of a region the library does not hold
    national_only = _book(audited, region="Kota Surabaya")
    assert national_only.scope["documents"] == 1 and national_only.empty
    assert "national" in national_only.empty_reason
    book = _book(audited, region="Kabupaten Sleman")
    assert not book.empty and book.empty_reason is None and book.require_selection() is book
    assert not _book(audited).empty
    assert audited.rulebook(region="Sleman", since="2030").empty


def test_quotes_have_balanced_marks_and_list_items_their_lead_in(audited):
    book = _book(audited)
    materials = _section(book, "campaign-materials")
    banyuwangi = next(a for a in materials.adoptions if a.region == "Kabupaten Banyuwangi")
    assert banyuwangi.quote == ("Dengan ini disampaikan bahwa ASN dilarang: … a. memasang spanduk, baliho, atau alat "
                                "peraga lainnya terkait pasangan calon;")
    bekasi = next(a for a in materials.adoptions if a.region == "Kota Bekasi")
    assert '"' not in bekasi.quote  # the report's own opening mark, whose closing mark is in the next sentence
    md = write(book, "md").decode()
    assert '""' not in md and "“”" not in md
    for line in md.splitlines():
        body = line.split(" [")[0]
        assert body.count('"') % 2 == 0, line


@pytest.mark.parametrize("text, context, expected", [
    ('"ASN dilarang ikut kampanye', None, "ASN dilarang ikut kampanye"),
    ('"ASN dilarang ikut kampanye."', None, "ASN dilarang ikut kampanye."),
    ('Sebagai peserta kampanye dengan menggunakan fasilitas negara," jelasnya.', None,
     "'Sebagai peserta kampanye dengan menggunakan fasilitas negara,' jelasnya."),
    ('"Sanksinya berat," ujar Kepala BKPSDM.', None, "'Sanksinya berat,' ujar Kepala BKPSDM."),
    ("menggunakan atribut.", "Para ASN juga dilarang", "Para ASN juga dilarang … menggunakan atribut."),
])
def test_quote_marks_are_balanced(text, context, expected):
    assert clean(text, context) == expected
    assert balance(expected).count("'") % 2 == 0


def test_titles_come_from_the_table_of_regulations(audited):
    from himpun.ingest.parse.citations import regulations
    table = {k: r.title for k, r in regulations().items() if r.title not in ("", "-")}
    assert titles() == table
    assert "Ketua Bawaslu" in titles()["SKB 2/2022"] and titles().get("SE MenPANRB 1/2023")
    md = write(_book(audited), "md").decode()
    annex = md.split('<a id="lampiran-c"></a>')[1].split('<a id="catatan"></a>')[0]
    assert "| - |" not in annex  # every cited regulation has its title


def test_a_moral_sanction_stated_beside_a_hukuman_disiplin_is_kept(audited):
    book = _book(audited)
    materials = _section(book, "campaign-materials")
    moral = [line for line in materials.sanctions if line.sanction.startswith("Sanksi moral")
             and "Kabupaten Banyuwangi" in line.regions]
    assert [(m.severity, m.sanction, m.regions) for m in moral] == [
        ("", "Sanksi moral berupa pernyataan secara terbuka", ["Kabupaten Banyuwangi"])]
    assert moral[0].refs
    banyuwangi = next(a for a in materials.adoptions if a.region == "Kabupaten Banyuwangi")
    assert banyuwangi.sanction == ("Hukuman disiplin (tingkat dan bentuk tidak disebutkan) dan sanksi moral berupa "
                                   "pernyataan secara terbuka")
    # Sleman's moral sanction for attending a declaration is its only one: named alone, not twice
    declaration = _section(book, "declaration-attendance")
    assert [a.sanction for a in declaration.adoptions] == ["Sanksi moral berupa pernyataan secara terbuka"]
