"""Tables on scanned pages, told by the gutter between their cells in Tesseract's word boxes:
word tables built by hand, and a bordered table the test draws and the real Tesseract reads."""
import pytest
from PIL import Image, ImageDraw

from himpun.ingest.clean import clean_page
from himpun.ingest.ocr import ocr_image
from himpun.ingest.ocrtext import from_tsv
from himpun.ingest.parse.clauses import page_clauses
from himpun.scansim import _font

CHAR, SPACE, HEIGHT = 20, 12, 30  # a word's width per character, a word space, a line's height (pixels)


def _tsv(lines):
    """A Tesseract word table from lines of (block, top, [(left, text), ...]): each text is laid out
    word by word from its left edge."""
    keys = ("text", "conf", "block_num", "par_num", "line_num", "left", "top", "width", "height")
    rows = []
    for n, (block, top, pieces) in enumerate(lines):
        for left, text in pieces:
            x = left
            for word in text.split():
                rows.append((word, 95, block, 1, n + 1, x, top, CHAR * len(word), HEIGHT))
                x += CHAR * len(word) + SPACE
    return {k: [r[i] for r in rows] for i, k in enumerate(keys)}


def _text(lines):
    return clean_page(from_tsv(_tsv(lines)).text).text


def test_two_cells_in_one_line_become_a_paragraph_each_under_their_column():
    text = _text([
        (1, 100, [(100, "Pegawai ASN diimbau memperhatikan hal berikut:")]),
        (2, 200, [(100, "YANG BOLEH DILAKUKAN"), (1300, "YANG TIDAK BOLEH DILAKUKAN")]),
        (2, 240, [(100, "Menggunakan hak pilih di TPS pada"), (1300, "Ikut kampanye pasangan calon")]),
        (2, 280, [(100, "hari pemungutan suara"), (1300, "termasuk saat cuti tahunan")]),
        (2, 350, [(100, "Mengikuti debat pasangan calon di"), (1300, "Memasang baliho atau stiker")]),
        (2, 390, [(100, "televisi atau media daring"), (1300, "pasangan calon di rumah")]),
        (3, 480, [(100, "Pegawai ASN yang melanggar dikenakan sanksi moral.")]),
    ])
    assert text.split("\n\n") == [
        "Pegawai ASN diimbau memperhatikan hal berikut:",
        "YANG BOLEH DILAKUKAN: Menggunakan hak pilih di TPS pada hari pemungutan suara",
        "YANG TIDAK BOLEH DILAKUKAN: Ikut kampanye pasangan calon termasuk saat cuti tahunan",
        "YANG BOLEH DILAKUKAN: Mengikuti debat pasangan calon di televisi atau media daring",
        "YANG TIDAK BOLEH DILAKUKAN: Memasang baliho atau stiker pasangan calon di rumah",
        "Pegawai ASN yang melanggar dikenakan sanksi moral.",
    ]


def test_rows_of_one_line_cells_start_where_each_cell_starts_with_a_capital():
    text = _text([
        (1, 100, [(100, "JENIS PELANGGARAN"), (1300, "SANKSI")]),
        (1, 150, [(100, "Memasang baliho pasangan calon"), (1300, "Hukuman disiplin sedang")]),
        (1, 200, [(100, "Menjadi anggota partai politik"), (1300, "Pemberhentian tidak dengan hormat")]),
        (1, 250, [(100, "Memberi tanda suka unggahan calon"), (1300, "Teguran tertulis")]),
    ])
    assert text.split("\n\n") == [
        "JENIS PELANGGARAN: Memasang baliho pasangan calon", "SANKSI: Hukuman disiplin sedang",
        "JENIS PELANGGARAN: Menjadi anggota partai politik", "SANKSI: Pemberhentian tidak dengan hormat",
        "JENIS PELANGGARAN: Memberi tanda suka unggahan calon", "SANKSI: Teguran tertulis",
    ]


def test_a_table_without_a_header_takes_no_row_for_one_and_text_after_it_stays_out():
    text = _text([
        (1, 100, [(100, "Memasang baliho pasangan calon"), (1300, "Hukuman disiplin sedang")]),
        (1, 150, [(100, "Menjadi anggota partai politik"), (1300, "Pemberhentian tidak dengan hormat")]),
        (1, 200, [(100, "Memberi tanda suka unggahan calon"), (1300, "Teguran tertulis")]),
        (2, 330, [(1300, "Gowa, 12 Januari 2024")]),
        (2, 370, [(1300, "BUPATI GOWA,")]),
    ])
    assert text.split("\n\n")[:6] == [
        "Memasang baliho pasangan calon", "Hukuman disiplin sedang", "Menjadi anggota partai politik",
        "Pemberhentian tidak dengan hormat", "Memberi tanda suka unggahan calon", "Teguran tertulis"]
    assert "Gowa, 12 Januari 2024\nBUPATI GOWA," in text


@pytest.mark.parametrize("lines", [
    # a column of labels beside their values reads well as it is
    [(1, 100, [(100, "Nomor"), (500, "800/155/BKPSDM/2024")]),
     (1, 140, [(100, "Sifat"), (500, "Penting")]),
     (1, 180, [(100, "Lampiran"), (500, "1 (satu) berkas")]),
     (1, 220, [(100, "Hal"), (500, "Netralitas ASN")])],
    # running text, whatever its word spaces
    [(1, 100, [(100, "Berdasarkan Peraturan Pemerintah Nomor 94 Tahun 2021,")]),
     (1, 140, [(100, "ASN dilarang ikut kampanye dan memasang baliho")]),
     (1, 180, [(100, "pasangan calon di rumah masing-masing.")])],
    # two lines split by a gutter are no table yet
    [(1, 100, [(100, "Ketua Bawaslu Kabupaten"), (1300, "Bupati Gowa")]),
     (1, 140, [(100, "Andi Rahman"), (1300, "Adnan Purichta")])],
])
def test_what_is_no_table_is_left_as_it_is(lines):
    assert from_tsv(_tsv(lines)).text == "\n".join(" ".join(text for _, text in pieces) for _, _, pieces in lines)


def _bordered_table(rows: list[tuple[str, str]], dpi: int = 300) -> Image.Image:
    """A page with a two-column table drawn with borders, the first row its header."""
    font = _font(False, round(11 * dpi / 72))
    width, col, line = int(7.5 * dpi), int(3.6 * dpi), round(16 * dpi / 72)
    img = Image.new("L", (width + 2 * dpi // 2, int(4.6 * dpi)), 255)
    draw = ImageDraw.Draw(img)
    x0, y = dpi // 2, dpi // 2
    draw.text((x0, y), "Pegawai ASN diimbau memperhatikan hal-hal berikut:", font=font, fill=0)
    y += 2 * line
    for left, right in rows:
        cells = [c.split("\n") for c in (left, right)]
        height = max(len(c) for c in cells) * line + line // 2
        draw.rectangle((x0, y, x0 + width, y + height), outline=0, width=3)
        draw.line((x0 + col, y, x0 + col, y + height), fill=0, width=3)
        for k, cell in enumerate(cells):
            for i, text in enumerate(cell):
                draw.text((x0 + k * col + line // 2, y + line // 4 + i * line), text, font=font, fill=0)
        y += height
    draw.text((x0, y + line), "Pegawai ASN yang melanggar dikenakan sanksi moral.", font=font, fill=0)
    return img


def test_a_bordered_table_read_by_tesseract_gives_one_rule_per_cell():
    img = _bordered_table([
        ("YANG BOLEH DILAKUKAN", "YANG TIDAK BOLEH DILAKUKAN"),
        ("Menggunakan hak pilih di TPS\npada hari pemungutan suara", "Ikut kampanye pasangan calon,\ntermasuk saat cuti tahunan"),
        ("Mengikuti debat pasangan calon\nmelalui televisi", "Memasang baliho atau stiker\npasangan calon"),
        ("Melaporkan dugaan pelanggaran\nkepada Bawaslu", "Memakai mobil dinas untuk\nkegiatan pasangan calon"),
    ])
    text = clean_page(ocr_image(img, 300).text).text
    assert "YANG TIDAK BOLEH DILAKUKAN: Memasang baliho atau stiker pasangan calon" in text
    assert "YANG BOLEH DILAKUKAN: Mengikuti debat pasangan calon melalui televisi" in text
    found = [(c.kind, c.categories) for c in page_clauses(text, 1, "ab" * 32, 1)]
    assert found == [("prohibition", ["campaign-participation"]), ("prohibition", ["campaign-materials"]),
                     ("prohibition", ["state-facilities"]), ("sanction", [])]
