"""The consolidated rulebook from a real catalog: structure, references that
resolve to clauses, region filters, escaping, a PDF that opens, determinism."""
import re
from datetime import date

import pypdfium2
import pytest
from click.testing import CliRunner

from himpun.cli import cli
from himpun.rulebook import build, write
from tests.fixtures import XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

HOSTILE = """PEMERINTAH KABUPATEN BANTUL
SURAT EDARAN BUPATI BANTUL <script>alert('judul')</script>
NOMOR 800/77/BKPSDM/2024

1. ASN dilarang:
a. memasang spanduk <script>alert(1)</script> atau baliho terkait pasangan calon;
b. mengunggah foto bersama pasangan calon <img src=x onerror=alert(2)> di media sosial.
2. ASN yang melanggar ketentuan angka 1 dijatuhi hukuman disiplin berat.

Ditetapkan di Bantul
pada tanggal 3 September 2024
BUPATI BANTUL,
HALIM
"""


@pytest.fixture
def filled(library, tmp_path):
    d = tmp_path / "rb"
    d.mkdir()
    for name, text in (("se_sleman.txt", XREF_SLEMAN), ("se_madiun.txt", XREF_MADIUN),
                       ("se_menpan.txt", XREF_NATIONAL), ("se_bantul.txt", HOSTILE)):
        (d / name).write_text(text, encoding="utf-8")
    library.ingest([d])
    return library


def _book(lib, **kw):
    return build(lib.catalog, today=date(2026, 1, 2), **kw)


def test_every_category_in_the_catalog_has_its_section_in_national_order(filled):
    book = _book(filled)
    in_catalog = {r[0] for r in filled.catalog.db.execute("SELECT DISTINCT category FROM clause_categories")}
    cats = [s.category for s in book.sections]
    assert set(cats) == in_catalog and len(cats) == len(set(cats))
    from himpun.xref.rules import national_list
    order = list(national_list())
    assert cats == sorted(cats, key=order.index)
    materials = next(s for s in book.sections if s.category == "campaign-materials")
    assert materials.rule.startswith("ASN dilarang memasang spanduk")
    assert ("SKB 2/2022" in [k for k, _, _ in materials.basis])
    assert {a.region for a in materials.adoptions} == {"Kabupaten Sleman", "Kota Madiun", "Kabupaten Bantul"}
    assert [d.region for d in materials.divergences] == ["Kota Madiun"] and materials.divergences[0].direction == \
        "lebih ringan"
    assert book.scope["documents"] == 4 and book.scope["from"] == "2023-08-01"


def test_every_reference_resolves_to_a_clause(filled):
    book = _book(filled)
    numbers = {f["n"] for f in book.footnotes}
    assert numbers == set(range(1, len(book.footnotes) + 1))
    for f in book.footnotes:
        assert filled.clause(f["clause"]).clause.id == f["clause"]
    md = write(book, "md").decode()
    used = {int(n) for group in re.findall(r"\[(\d+(?:, \d+)*)\]", md) for n in group.split(", ")}
    assert used and used <= numbers
    page = write(book, "html").decode()
    targets = set(re.findall(r'href="#n(\d+)"', page))
    assert targets and all(f'id="n{n}"' in page for n in targets)


def test_region_filter_keeps_the_region_and_the_national_documents(filled):
    book = _book(filled, region="Kabupaten Sleman")
    regions = {d.region for d in book.documents}
    assert regions == {"Kabupaten Sleman", "nasional"}
    assert all(a.region == "Kabupaten Sleman" for s in book.sections for a in s.adoptions)
    assert "Kota Madiun" not in write(book, "md").decode()
    assert filled.rulebook(province="Jatim").scope["regions"] == ["Kota Madiun"]
    assert _book(filled, since="2024-09-05").scope["regions"] == ["Kota Madiun"]


def test_document_text_cannot_inject_markup(filled):
    page = write(_book(filled), "html").decode()
    assert "<script" not in page.lower()
    assert "<img" not in page.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    md = write(_book(filled), "md").decode()
    # Markdown shows a backslash-escaped "<" as text; an unescaped one would be raw HTML
    assert not re.search(r"(?<!\\)<(?:script|img)", md, re.I) and "\\<script\\>" in md


def test_pdf_opens_with_a_sane_page_count(filled, tmp_path):
    out = tmp_path / "buku.pdf"
    write(_book(filled), "pdf", out)
    pdf = pypdfium2.PdfDocument(str(out))
    assert 3 <= len(pdf) <= 15
    text = pdf[0].get_textpage().get_text_range()
    assert "Buku Aturan Netralitas ASN" in text
    last = pdf[len(pdf) - 1].get_textpage().get_text_range()
    assert f"halaman {len(pdf)} dari {len(pdf)}" in last
    pdf.close()


def test_the_same_catalog_gives_the_same_rulebook(filled):
    for fmt in ("md", "html"):
        assert write(_book(filled), fmt) == write(_book(filled), fmt)


def test_cli_rulebook(filled, tmp_path):
    run = lambda *a: CliRunner().invoke(cli, ["--library", str(filled.root), "rulebook", *a])  # noqa: E731
    out = run("-o", str(tmp_path / "b.html"))
    assert out.exit_code == 0 and (tmp_path / "b.html").read_text().startswith("<!DOCTYPE html>")
    md = run("--region", "Madiun")
    assert md.exit_code != 0 and "Kabupaten Madiun or Kota Madiun" in md.output
    md = run("--region", "Kota Madiun")
    assert md.exit_code == 0 and md.output.startswith("# Buku Aturan Netralitas ASN") and "Sleman" not in md.output
    assert run("--format", "pdf").exit_code == 2
    assert run("--since", "kemarin").exit_code == 2
