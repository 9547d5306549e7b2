"""OCR with the real Tesseract on pages the tests render from known text and
degrade like scans; PDFs with scanned and mixed pages; images."""
import json
from dataclasses import replace

import pytest
from click.testing import CliRunner
from PIL import Image

from himpun.cli import cli
from himpun.errors import SkippedFile
from himpun.ingest import extract_path
from himpun.ingest.ocr import ocr_image
from himpun.ingest.ocrtext import from_tsv
from himpun.ingest.pages import OcrContext
from himpun.scansim import LEVELS, cer, degrade, render, truth

SHORT = (8.27, 4.2)  # inches: a third of a page keeps each OCR run near a second

PAGE = """= BUPATI GOWA
===
SURAT EDARAN
NOMOR: 800/155/BKPSDM/2024
Berdasarkan Peraturan Pemerintah Nomor 94 Tahun 2021, ASN dilarang:
a. memasang baliho atau spanduk pasangan calon;
b. menyukai dan membagikan unggahan pasangan calon di media sosial;
c. menggunakan mobil dinas untuk kegiatan kampanye.
ASN yang melanggar huruf a dijatuhi hukuman disiplin berat."""

CIRCULAR = """= BUPATI GOWA
- Jalan Masjid Raya Nomor 30, Sungguminasa
===

> Sungguminasa, 3 Juni 2024

SURAT EDARAN
NOMOR: 800/155/BKPSDM/2024

TENTANG
NETRALITAS ASN PADA PEMILIHAN KEPALA DAERAH TAHUN 2024

Berdasarkan Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil, dengan ini ditegaskan bahwa ASN dilarang:
a. memasang baliho atau spanduk pasangan calon;
b. menyukai dan membagikan unggahan pasangan calon di media sosial;
c. menggunakan mobil dinas untuk kegiatan kampanye;
d. menjadi anggota tim pemenangan pasangan calon.

ASN yang melanggar huruf a dijatuhi hukuman disiplin berat.

> BUPATI GOWA,
[STAMP]

> ttd."""

EXPECTED = truth(PAGE)[0]


def ocr_cer(img, dpi):
    return cer(EXPECTED, ocr_image(img, dpi).text)


def test_clean_300_dpi_page_reads_almost_perfectly():
    assert ocr_cer(render(PAGE, 300, inches=SHORT), 300) <= 0.01


def test_heavily_degraded_200_dpi_photocopy():
    # the reading of a heavily degraded page depends on where the noise falls: measured over three
    # noise patterns (deterministic since scansim draws its grain from the seed)
    cers = [ocr_cer(degrade(render(PAGE, 200, inches=SHORT), LEVELS["heavy"], seed=seed), 200) for seed in range(3)]
    assert sum(cers) / len(cers) <= 0.05 and max(cers) <= 0.08


@pytest.mark.parametrize("turn", [90, 180])
def test_page_fed_sideways_or_upside_down_is_turned_upright(turn):
    img = render(PAGE, 300, inches=SHORT).rotate(turn, expand=True)
    result = ocr_image(img, 300)
    assert result.rotated == (360 - turn) % 360
    assert cer(EXPECTED, result.text) <= 0.02


def _tsv(rows):
    """A Tesseract word table: rows of (text, conf, block, par, line, left, top)."""
    keys = ("text", "conf", "block_num", "par_num", "line_num", "left", "top")
    tsv = {k: [r[i] for r in rows] for i, k in enumerate(keys)}
    tsv["width"] = [20 * max(1, len(r[0])) for r in rows]
    tsv["height"] = [30] * len(rows)
    return tsv


def test_specks_and_stray_tails_are_dropped():
    r = from_tsv(_tsv([("ASN", 95, 1, 1, 1, 100, 100), ("dilarang", 96, 1, 1, 1, 180, 100),
                        ("ikut", 94, 1, 1, 1, 360, 100), ("|", 88, 1, 1, 1, 450, 100),
                        ("kampanye;", 90, 1, 1, 1, 480, 100), ("NA", 34, 1, 1, 1, 700, 100),
                        ("", -1, 1, 1, 1, 0, 0), ("b.", 93, 1, 2, 1, 100, 200),
                        (":", 70, 1, 2, 1, 160, 200), ("foto", 91, 1, 2, 1, 190, 200)]))
    assert r.text == "ASN dilarang ikut kampanye;\n\nb. foto"
    assert r.confidence == round((95 + 96 + 94 + 90 + 93 + 91) / 6, 1)


def test_a_column_of_list_markers_goes_back_to_its_items():
    r = from_tsv(_tsv([("dilarang:", 95, 1, 1, 1, 100, 100),
                        ("1.", 95, 2, 1, 1, 100, 150), ("2.", 95, 2, 1, 2, 100, 200),
                        ("ikut", 95, 3, 1, 1, 160, 152), ("kampanye;", 95, 3, 1, 1, 260, 152),
                        ("memasang", 95, 3, 2, 1, 160, 201), ("baliho.", 95, 3, 2, 1, 360, 201)]))
    assert r.text == "dilarang:\n\n1. ikut kampanye;\n\n2. memasang baliho."


def _scan_pdf(path, sources, level="mild", rotate=None):
    images = []
    for i, src in enumerate(sources):
        how = LEVELS[level] if rotate is None or i != rotate[0] else replace(LEVELS[level], rotate=rotate[1])
        images.append(degrade(render(src, how.dpi), how, seed=i).convert("L"))
    images[0].save(path, "PDF", resolution=LEVELS[level].dpi, save_all=True, append_images=images[1:])
    return path


def test_scanned_circular_gives_the_record_of_its_source_text(tmp_path):
    source = tmp_path / "se.txt"
    source.write_text(truth(CIRCULAR)[0], encoding="utf-8")
    scan = _scan_pdf(tmp_path / "se_scan.pdf", [CIRCULAR])
    want, got = extract_path(source), extract_path(scan)
    assert got.ocr and got.pages[0].confidence > 80
    for field in ("kind", "issuer", "region", "numbers", "date"):
        assert getattr(got, field) == getattr(want, field), field
    assert got.categories() == want.categories() and got.sanction_types() == want.sanction_types()
    assert [c.key for c in got.citations] == [c.key for c in want.citations]


def test_mixed_pdf_reads_text_layers_and_scans(tmp_path):
    from tests.conftest import FONT

    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_font("Body", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Body", size=11)
    pdf.multi_cell(0, 6, "Halaman pertama dengan lapisan teks: ASN dilarang menjadi tim kampanye.")
    scan = tmp_path / "page2.png"
    render(PAGE, 300, inches=SHORT).save(scan)
    pdf.add_page()
    pdf.image(str(scan), x=0, y=0, w=pdf.w)
    path = tmp_path / "campuran.pdf"
    pdf.output(str(path))
    doc = extract_path(path)
    assert [p.ocr for p in doc.pages] == [False, True]
    assert doc.pages[0].confidence is None and doc.pages[1].confidence > 80
    assert cer(EXPECTED, doc.pages[1].text) <= 0.02
    assert {c.page for c in doc.clauses} == {1, 2}


def test_ocr_modes(tmp_path):
    scan = _scan_pdf(tmp_path / "scan.pdf", [PAGE], level="clean")
    with pytest.raises(SkippedFile, match="OCR is off"):
        extract_path(scan, ocr=OcrContext(mode="never"))
    from tests.conftest import make_text_pdf

    text_pdf = make_text_pdf(tmp_path / "teks.pdf", [truth(PAGE)[0]])
    assert not extract_path(text_pdf).ocr
    forced = extract_path(text_pdf, ocr=OcrContext(mode="always"))
    assert forced.ocr and cer(EXPECTED, forced.pages[0].text) <= 0.02


@pytest.mark.parametrize("fmt", ["PNG", "JPEG"])
def test_images(tmp_path, fmt):
    path = tmp_path / f"page.{fmt.lower()}"
    render(PAGE, 300, inches=SHORT).save(path, fmt, dpi=(300, 300))
    doc = extract_path(path)
    assert doc.format == "image" and doc.ocr and len(doc.pages) == 1
    assert cer(EXPECTED, doc.pages[0].text) <= 0.02
    assert doc.region == "Kabupaten Gowa"


def test_multi_page_tiff_with_two_workers(tmp_path):
    pages = [render(PAGE, 300, inches=SHORT), render(PAGE.replace("BUPATI GOWA", "BUPATI MAROS"), 300, inches=SHORT)]
    path = tmp_path / "berkas.tiff"
    pages[0].save(path, "TIFF", save_all=True, append_images=pages[1:], compression="tiff_lzw", dpi=(300, 300))
    with OcrContext(jobs=2) as ocr:
        doc = extract_path(path, ocr=ocr)
    assert len(doc.pages) == 2
    assert "BUPATI GOWA" in doc.pages[0].text and "BUPATI MAROS" in doc.pages[1].text


def test_cli_extract_scan_json_and_text(tmp_path):
    scan = _scan_pdf(tmp_path / "scan.pdf", [PAGE, PAGE.replace("BUPATI GOWA", "BUPATI MAROS")], level="clean")
    runner = CliRunner()
    data = json.loads(runner.invoke(cli, ["extract", str(scan), "--json", "--jobs", "2"]).output)
    assert data["ocr"] is True and data["pages"] == 2
    assert data["page_ocr"][0]["ocr"] is True and data["page_ocr"][0]["confidence"] > 80
    text = runner.invoke(cli, ["extract", str(scan), "--text"]).output
    first, second = text.rstrip("\n").split("\f")
    assert "BUPATI GOWA" in first and "BUPATI MAROS" in second


def test_show_flags_low_confidence_pages(tmp_path):
    from himpun.cli import page_notes
    from himpun.records import Document, Page

    doc = Document(source="x.pdf", sha256="0" * 64, pages=[
        Page(1, "teks", ocr=True, confidence=93.4), Page(2, "t3ks", ocr=True, confidence=45.0), Page(3, "lapisan teks")])
    notes = page_notes(doc)
    assert len(notes) == 2
    assert notes[0] == "page 1: OCR, confidence 93%"
    assert notes[1].startswith("page 2: OCR, confidence 45%") and "low OCR confidence" in notes[1]


def test_show_prints_page_confidence_from_the_catalog(tmp_path):
    path = tmp_path / "halaman.png"
    render(PAGE, 300, inches=SHORT).save(path)
    lib = str(tmp_path / "lib")
    runner = CliRunner()
    out = json.loads(runner.invoke(cli, ["--library", lib, "ingest", str(path), "--json"]).output.splitlines()[0])
    shown = runner.invoke(cli, ["--library", lib, "show", out["doc_id"]]).output
    assert "page 1: OCR, confidence 9" in shown and "low OCR confidence" not in shown


def test_a_too_large_image_is_refused(tmp_path):
    path = tmp_path / "besar.png"
    Image.new("1", (12000, 12000), 1).save(path)
    from himpun.errors import FileError

    with pytest.raises(FileError, match="too large"):
        extract_path(path)
