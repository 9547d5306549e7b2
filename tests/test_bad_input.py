"""Bad input never loses or corrupts a library. The tests make a collection
of bad files (empty, truncated, encrypted, thousands of blank pages, a
decompression bomb, a giant image, a PDF that is HTML, garbage named .txt,
script-only HTML, a symlink loop, a named pipe) beside good ones and
readable oddities (latin-1, UTF-16 with and without a byte-order mark, a
PDF encrypted with an empty user password, a name that is not UTF-8),
ingest them in one batch through the CLI, and check that each bad file
costs exactly one line with its reason and an entry in the ingest log,
while the good ones go in and stay searchable. Then: a file that vanishes
between listing and reading; each limit (--max-bytes, --max-pages,
--max-pixels, --ocr-timeout) on its own; no shell, no temporary files left,
no Tesseract left running; locks held by other processes; worker processes
killed mid-file."""
from __future__ import annotations

import ast
import json
import os
import random
import re
import signal
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner
from PIL import Image, ImageDraw, ImageFont

from himpun.cli import cli
from himpun.library import Library
from himpun.scansim import render
from tests.conftest import FONT, make_text_pdf
from tests.test_ocr import PAGE, SHORT
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, NEWS_HTML_PACITAN, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

# -- makers: each writes one file (or directory) under `d` and returns its path --------------------------------------


def empty(d: Path) -> Path:
    p = d / "kosong.txt"
    p.write_bytes(b"")
    return p


def truncated_pdf(d: Path) -> Path:
    whole = make_text_pdf(d / "utuh.tmp", [CIRCULAR_GOWA]).read_bytes()
    (d / "utuh.tmp").unlink()
    p = d / "terpotong.pdf"
    p.write_bytes(whole[: len(whole) // 2])
    return p


def _encrypted_pdf(path: Path, text: str, user_password: str) -> Path:
    from fpdf import FPDF
    from fpdf.enums import EncryptionMethod

    pdf = FPDF(format="A4")
    pdf.add_font("Body", fname=str(FONT))
    pdf.add_page()
    pdf.set_font("Body", size=11)
    for line in text.split("\n"):
        if line.strip():
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_encryption(owner_password="pemilik", user_password=user_password,
                       encryption_method=EncryptionMethod.AES_128)
    pdf.output(str(path))
    return path


def locked_pdf(d: Path) -> Path:
    return _encrypted_pdf(d / "rahasia.pdf", XREF_MADIUN, user_password="rahasia")


def open_encrypted_pdf(d: Path) -> Path:
    """Encrypted, but with an empty user password: anyone may open it."""
    return _encrypted_pdf(d / "terenkripsi_terbuka.pdf", XREF_SLEMAN, user_password="")


def blank_pdf(d: Path, pages: int = 2000, name: str = "kosong_2000_halaman.pdf") -> Path:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument.new()
    for _ in range(pages):
        pdf.new_page(595, 842)
    p = d / name
    pdf.save(str(p))
    pdf.close()
    return p


def _png_header_only(path: Path, width: int, height: int) -> Path:
    """A PNG whose header declares `width` x `height` 1-bit pixels, followed
    by a tiny zlib stream of zeros: a few hundred bytes that would decode to
    gigabytes."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 65536, 9))
                     + chunk(b"IEND", b""))
    return path


def bomb_png(d: Path) -> Path:
    return _png_header_only(d / "bom.png", 100_000, 100_000)


def giant_tiff(d: Path) -> Path:
    """A 30,000 x 30,000 grayscale TIFF (uncompressed, one strip) whose strip
    is cut short: the header is all a reader needs to refuse it."""
    w = h = 30_000
    entries = [(256, 4, w), (257, 4, h), (258, 3, 8), (259, 3, 1), (262, 3, 1), (273, 4, 0), (277, 3, 1),
               (278, 4, h), (279, 4, w * h)]
    ifd_size = 2 + 12 * len(entries) + 4
    data_at = 8 + ifd_size
    ifd = struct.pack("<H", len(entries))
    for tag, typ, value in entries:
        value = data_at if tag == 273 else value
        packed = struct.pack("<HH", value, 0) if typ == 3 else struct.pack("<I", value)
        ifd += struct.pack("<HHI", tag, typ, 1) + packed
    p = d / "raksasa.tif"
    p.write_bytes(b"II*\0" + struct.pack("<I", 8) + ifd + struct.pack("<I", 0) + b"\0" * 4096)
    return p


def html_named_pdf(d: Path) -> Path:
    p = d / "surat_palsu.pdf"
    p.write_text("<!DOCTYPE html><html><head><title>404</title></head><body>Halaman tidak ditemukan</body></html>")
    return p


def garbage_txt(d: Path) -> Path:
    p = d / "sampah.txt"
    p.write_bytes(random.Random(7).randbytes(8192))
    return p


def scripts_html(d: Path) -> Path:
    scripts = "".join(f"<script>var s{i} = '{'x' * 200}'; function f{i}() {{ return s{i}; }}</script>\n"
                      for i in range(200))
    p = d / "hanya_skrip.html"
    p.write_text(f"<!DOCTYPE html><html><head><title></title>{scripts}<style>body {{}}</style></head></html>")
    return p


def symlink_loop(d: Path) -> Path:
    sub = d / "berulang"
    sub.mkdir()
    (sub / "diri_sendiri").symlink_to(sub, target_is_directory=True)
    return sub / "diri_sendiri"


def named_pipe(d: Path) -> Path:
    p = d / "pipa.txt"
    os.mkfifo(p)
    return p


def latin1_txt(d: Path) -> Path:
    p = d / "latin1.txt"
    p.write_bytes((XREF_NATIONAL + "\nDisalin oleh Bagian Umum, Sekretariat Daerah · © 2024 · Café Kopi\n")
                  .encode("latin-1"))
    return p


def utf16_txt(d: Path) -> Path:
    p = d / "utf16.txt"
    p.write_bytes(NEWS_BEKASI.replace("Bekasi", "Depok").encode("utf-16"))  # with a byte-order mark
    return p


def utf16_no_bom_txt(d: Path) -> Path:
    p = d / "utf16_tanpa_bom.txt"
    p.write_bytes(NEWS_BEKASI.replace("Bekasi", "Bogor").encode("utf-16-le"))
    return p


def non_utf8_name(d: Path) -> Path:
    """A good file whose name is not valid UTF-8 (Latin-1 bytes, as old archives hold them)."""
    p = Path(os.fsdecode(os.fsencode(d) + b"/berita_cimahi_\xe9.txt"))
    p.write_text(NEWS_BEKASI.replace("Bekasi", "Cimahi"), encoding="utf-8")
    return p


def empty_non_utf8_name(d: Path) -> Path:
    p = Path(os.fsdecode(os.fsencode(d) + b"/kosong_\xe9.txt"))
    p.write_bytes(b"")
    return p


# -- good files --------------------------------------------------------------------------------------------------------


def good_txt(d: Path) -> Path:
    p = d / "se_gowa.txt"
    p.write_text(CIRCULAR_GOWA, encoding="utf-8")
    return p


def good_html(d: Path) -> Path:
    p = d / "berita_pacitan.html"
    p.write_text(NEWS_HTML_PACITAN, encoding="utf-8")
    return p


def good_pdf(d: Path) -> Path:
    return make_text_pdf(d / "berita_bekasi.pdf", [NEWS_BEKASI])


# maker, the status it ends with, words its reason must hold
BAD = [
    (empty, "failed", ["empty file"]),
    (truncated_pdf, "failed", ["truncated PDF", "end-of-file marker"]),
    (locked_pdf, "failed", ["encrypted PDF", "needs a password"]),
    (blank_pdf, "skipped", ["no text", "2000 pages are all blank"]),
    (bomb_png, "failed", ["image too large", "100000 x 100000 pixels", "KB file", "120 megapixels", "--max-pixels"]),
    (giant_tiff, "failed", ["image too large", "30000 x 30000 pixels", "--max-pixels"]),
    (html_named_pdf, "failed", ["named .pdf but is an HTML page"]),
    (garbage_txt, "failed", ["binary data, not text"]),
    (scripts_html, "failed", ["HTML page has no readable text"]),
    (symlink_loop, "failed", ["symlink loop"]),
    (named_pipe, "failed", ["not a regular file", "named pipe"]),
    (empty_non_utf8_name, "failed", ["empty file"]),
]
READABLE = [latin1_txt, utf16_txt, utf16_no_bom_txt, open_encrypted_pdf, non_utf8_name]
GOOD = [good_txt, good_html, good_pdf]


def shown(path: Path) -> str:
    """How Himpun prints and stores a path: the bytes of a name that is not UTF-8 as \\xNN."""
    return os.fsencode(path).decode("utf-8", "backslashreplace")


def lines_about(output: str, path: Path) -> list[str]:
    return [ln for ln in output.splitlines() if shown(path) in ln]


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    """The whole collection in one directory, ingested in one run of `himpun ingest`."""
    root = tmp_path_factory.mktemp("bad_input")
    inbox = root / "inbox"
    inbox.mkdir()
    bad = {maker.__name__: maker(inbox) for maker, _, _ in BAD}
    readable = {maker.__name__: maker(inbox) for maker in READABLE}
    good = {maker.__name__: maker(inbox) for maker in GOOD}
    runner = CliRunner()
    lib = root / "lib"

    def run(*args):
        return runner.invoke(cli, ["--library", str(lib), *map(str, args)], catch_exceptions=False)

    t0 = time.monotonic()
    result = run("ingest", inbox, "--jobs", "2")
    seconds = time.monotonic() - t0
    if os.environ.get("HIMPUN_SHOW_BATCH"):
        print(result.output)
    return dict(inbox=inbox, lib=lib, run=run, result=result, seconds=seconds, bad=bad, readable=readable, good=good)


@pytest.mark.parametrize("maker, status, words", BAD, ids=[m.__name__ for m, _, _ in BAD])
def test_each_bad_file_gets_one_line_with_its_reason(batch, maker, status, words):
    path = batch["bad"][maker.__name__]
    lines = lines_about(batch["result"].output, path)
    assert len(lines) == 1, lines
    line = lines[0]
    assert line.startswith(f"{status}: {shown(path)}: "), line
    for w in words:
        assert w in line, (w, line)
    assert "Traceback" not in batch["result"].output


def test_the_batch_goes_on_and_exits_1(batch):
    result = batch["result"]
    assert result.exit_code == 1
    n_bad = len(BAD)
    n_in = len(READABLE) + len(GOOD)
    skipped = sum(1 for _, s, _ in BAD if s == "skipped")
    assert f"{n_bad + n_in} files: {n_in} ingested, 0 unchanged, {skipped} skipped, {n_bad - skipped} failed" \
        in result.output
    for path in [*batch["readable"].values(), *batch["good"].values()]:
        (line,) = lines_about(result.output, path)
        assert line.startswith(f"ingested: {shown(path)}"), line
    assert batch["seconds"] < 30  # the 2000 blank pages are not rendered one by one (that took minutes)


def test_errors_lists_every_bad_file_with_its_reason(batch):
    out = batch["run"]("errors").output
    for maker, status, words in BAD:
        path = batch["bad"][maker.__name__]
        (line,) = lines_about(out, path)
        assert f"{status}: {shown(path)}: " in line and all(w in line for w in words), line
    rows = json.loads(batch["run"]("errors", "--json").output)
    by_path = {r["path"]: r for r in rows}
    assert len(rows) == len(BAD) == len(by_path)
    for maker, status, words in BAD:
        row = by_path[shown(batch["bad"][maker.__name__])]
        assert row["status"] == status and all(w in row["reason"] for w in words), row


def test_readable_encodings_and_good_files_are_searchable_and_the_catalog_is_intact(batch):
    run = batch["run"]
    stats = json.loads(run("stats", "--json").output)
    assert stats["documents"] == len(READABLE) + len(GOOD)
    assert stats["unindexed"] == 0 and stats["failed"] == len(BAD) - 1  # the blank PDF is skipped, not failed
    for query, region in [("baliho", "Kabupaten Gowa"), ("tim sukses", "Kabupaten Pacitan"),
                          ("foto", "Kota Bekasi"), ("foto", "Kota Depok"), ("foto", "Kota Bogor"),
                          ("foto", "Kota Cimahi"), ("deklarasi", "Kabupaten Sleman"), ("bakal calon", "nasional")]:
        hits = json.loads(run("search", query, "--region", region, "--json").output)["hits"]
        assert hits, (query, region)
    with Library(batch["lib"]) as lib:
        texts = {Path(lib.catalog.document(r).source).name: lib.catalog.document(r).pages[0].text
                 for r in lib.catalog.document_rows()}
        integrity = lib.catalog.db.execute("PRAGMA integrity_check").fetchone()[0]
    assert integrity == "ok"
    assert "Café Kopi" in texts["latin1.txt"] and "© 2024" in texts["latin1.txt"]
    assert "Depok" in texts["utf16.txt"] and "Bogor" in texts["utf16_tanpa_bom.txt"]
    assert "SURAT EDARAN" in texts["terenkripsi_terbuka.pdf"]
    assert "Cimahi" in texts["berita_cimahi_\\xe9.txt"]  # the name as stored: its stray byte escaped
    again = run("ingest", batch["inbox"], "--jobs", "1")  # nothing is lost or duplicated by a second run
    assert f"{len(READABLE) + len(GOOD)} unchanged" in again.output
    assert json.loads(run("stats", "--json").output)["documents"] == stats["documents"]


def test_a_file_deleted_between_listing_and_reading(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    keep, gone = good_txt(inbox), inbox / "hilang.txt"
    gone.write_text(NEWS_BEKASI, encoding="utf-8")
    outcomes = []
    with Library(tmp_path / "lib") as lib:
        report = lib.ingest([inbox], on_file=outcomes.append, on_start=lambda n: gone.unlink(), jobs=1)
        assert {(Path(o.path).name, o.status, o.reason) for o in report.outcomes} == {
            ("se_gowa.txt", "ingested", None), ("hilang.txt", "failed", "file vanished before it could be read")}
        assert [(e["path"], e["reason"]) for e in lib.errors()] == [
            (str(gone), "file vanished before it could be read")]
        assert lib.search("baliho").total > 0
    assert keep.exists()


# -- each limit on its own ---------------------------------------------------------------------------------------------


def ingest_cli(tmp_path: Path, *args) -> tuple:
    """`himpun ingest` of tmp_path/inbox with extra options; the result and a runner for more commands."""
    runner = CliRunner()
    lib = tmp_path / "lib"

    def run(*argv):
        return runner.invoke(cli, ["--library", str(lib), *map(str, argv)], catch_exceptions=False)

    return run("ingest", tmp_path / "inbox", *args), run


@pytest.fixture
def inbox(tmp_path) -> Path:
    d = tmp_path / "inbox"
    d.mkdir()
    good_txt(d)  # beside every refused file, one that goes in
    return d


def assert_one_line(result, path: Path, status: str, *words: str) -> str:
    (line,) = lines_about(result.output, path)
    assert line.startswith(f"{status}: {shown(path)}: ") and all(w in line for w in words), line
    assert result.exit_code == (1 if status == "failed" else 0) and "Traceback" not in result.output
    assert "1 ingested" in result.output
    return line


def test_max_bytes(inbox, tmp_path):
    big = inbox / "besar.txt"
    big.write_bytes((CIRCULAR_GOWA.replace("GOWA", "MAROS") * 2500).encode()[:1_600_000])
    result, run = ingest_cli(tmp_path, "--max-bytes", "1", "--jobs", "1")
    line = assert_one_line(result, big, "failed", "file too large (1.6 MB; the limit is 1 MB, --max-bytes)")
    assert line in run("errors").output


def test_max_pages_pdf_and_image_frames(inbox, tmp_path):
    pdf = make_text_pdf(inbox / "dua_halaman.pdf", [XREF_MADIUN, XREF_SLEMAN])
    frames = [Image.new("L", (400, 300), 255) for _ in range(3)]
    tiff = inbox / "tiga_bingkai.tif"
    frames[0].save(tiff, "TIFF", save_all=True, append_images=frames[1:])
    result, _ = ingest_cli(tmp_path, "--max-pages", "1", "--jobs", "1")
    assert_one_line(result, pdf, "failed", "PDF has 2 pages; the limit is 1 (--max-pages)")
    assert_one_line(result, tiff, "failed", "image has 3 frames; the limit is 1 (--max-pages)")


def test_thousands_of_blank_pages_over_the_default_page_limit(inbox, tmp_path):
    pdf = blank_pdf(inbox, 3000, "kosong_3000_halaman.pdf")
    t0 = time.monotonic()
    result, _ = ingest_cli(tmp_path, "--jobs", "1")
    assert_one_line(result, pdf, "failed", "PDF has 3000 pages; the limit is 2000 (--max-pages)")
    assert time.monotonic() - t0 < 10


def test_max_pixels_image_tiff_frame_and_rendered_pdf_page(inbox, tmp_path):
    png = inbox / "foto.png"
    Image.new("L", (1500, 1000), 255).save(png)
    tiff = inbox / "bingkai_kedua_besar.tif"  # the first frame is small, the second is not
    Image.new("L", (400, 300), 255).save(tiff, "TIFF", save_all=True, append_images=[Image.new("L", (1500, 1000), 255)])
    scan = inbox / "pindaian.pdf"
    # an A4 page: 8.7 megapixels rendered at 300 dpi
    render("ASN dilarang ikut kampanye.", 100).save(scan, "PDF", resolution=100)
    result, _ = ingest_cli(tmp_path, "--max-pixels", "1", "--jobs", "1")
    assert_one_line(result, png, "failed", "image too large to decode: 1500 x 1000 pixels (1.5 megapixels)",
                    "the limit is 1 megapixels (--max-pixels)")
    assert_one_line(result, tiff, "failed", "page 2: image too large to decode: 1500 x 1000 pixels")
    assert_one_line(result, scan, "failed", "page 1: too large to render at 300 dpi (8 x 12 inches, 8.7 megapixels)",
                    "the limit is 1 megapixels (--max-pixels)")


def test_an_image_bigger_than_pillows_own_guard_but_within_max_pixels_is_read(inbox, tmp_path):
    """Pillow warns of a decompression bomb from 89.5 megapixels on; the limit that counts is --max-pixels."""
    side = 9500  # 90.25 megapixels, 1 bit each: an 11 MB blank page
    raw = zlib.compress((b"\0" + b"\xff" * (side // 8 + 1)) * side, 1)
    path = _png_1bit(inbox / "halaman_besar.png", side, raw)
    result, _ = ingest_cli(tmp_path, "--jobs", "1")
    assert_one_line(result, path, "skipped", "no text found in the image")


def _png_1bit(path: Path, side: int, idat: bytes) -> Path:
    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    ihdr = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
    return path


def slow_page(seed: int = 0) -> Image.Image:
    """An A4 page at 300 dpi packed with small words: Tesseract needs well over ten seconds for it."""
    rng = random.Random(seed)
    img = Image.new("L", (2480, 3508), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype(str(FONT), 22)
    words = "ASN dilarang memasang baliho spanduk pasangan calon media sosial kampanye netralitas".split()
    for y in range(20, 3480, 28):
        draw.text((20, y), " ".join(rng.choice(words) for _ in range(33)), font=font, fill=0)
    return img


def test_ocr_timeout(inbox, tmp_path):
    png = inbox / "padat.png"
    slow_page().save(png, dpi=(300, 300))
    t0 = time.monotonic()
    result, run = ingest_cli(tmp_path, "--ocr-timeout", "1", "--jobs", "1")
    assert time.monotonic() - t0 < 10
    assert_one_line(result, png, "failed", "page 1: OCR gave up after 1 s (the limit, --ocr-timeout)")


# -- no shell, no temporary files left behind --------------------------------------------------------------------------


def _calls(tree) -> list[tuple[str, ast.Call]]:
    """Every call in a module with the dotted name it calls (`os.system`, `subprocess.Popen`, `run`)."""
    def name(node) -> str:
        if isinstance(node, ast.Attribute):
            return f"{name(node.value)}.{node.attr}"
        return node.id if isinstance(node, ast.Name) else "?"
    return [(name(n.func), n) for n in ast.walk(tree) if isinstance(n, ast.Call)]


def test_no_shell_anywhere_in_himpun():
    """The one program Himpun starts is Tesseract, through pytesseract, from
    one module: an argument list (no shell) of pytesseract's temporary file
    names and constant options, so no file name or text of a document is
    ever on a command line."""
    root = Path(__file__).resolve().parent.parent / "himpun"
    trees = {str(p.relative_to(root)): ast.parse(p.read_text(encoding="utf-8")) for p in root.rglob("*.py")}
    assert len(trees) > 30
    banned = re.compile(r"^(os\.(system|popen|exec\w*|spawn\w*|posix_spawn\w*)|pty\.spawn|"
                        r"subprocess\.(getoutput|getstatusoutput|call|check_call|check_output|run))$")
    found = [f"{path}: {n}" for path, tree in trees.items() for n, call in _calls(tree) if banned.match(n)]
    found += [f"{path}: shell=" for path, tree in trees.items() for _, call in _calls(tree)
              for kw in call.keywords if kw.arg == "shell"]
    assert found == []
    importers = sorted(path for path, tree in trees.items() for node in ast.walk(tree)
                       if isinstance(node, (ast.Import, ast.ImportFrom))
                       and any(a.name.split(".")[0] in ("subprocess", "pty") for a in node.names)
                       or isinstance(node, ast.ImportFrom) and node.module in ("subprocess", "pty"))
    assert set(importers) == {"ingest/tesseract.py"}
    # and Tesseract is started by pytesseract from that module alone, which hands it its own temporary
    # file names (the tricky file name below is never on a command line)
    users = sorted(path for path, tree in trees.items() for node in ast.walk(tree)
                   if isinstance(node, (ast.Import, ast.ImportFrom))
                   and any(a.name.split(".")[0] == "pytesseract" for a in node.names)
                   or isinstance(node, ast.ImportFrom) and (node.module or "").startswith("pytesseract"))
    assert set(users) == {"ingest/tesseract.py"}


def test_temporary_files_are_removed_even_when_reading_fails(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for maker in (truncated_pdf, bomb_png, giant_tiff, garbage_txt, locked_pdf, good_txt):
        maker(inbox)
    # read by Tesseract, under a name a shell would run commands from
    tricky = inbox / "halaman $(touch DIRETAS1); touch DIRETAS2 `touch DIRETAS3` 'x\".png"
    render(PAGE, 300, inches=SHORT).save(tricky, "PNG", dpi=(300, 300))
    scan = inbox / "pindaian.pdf"
    render(PAGE.replace("GOWA", "MAROS"), 300, inches=SHORT).save(scan, "PDF", resolution=300)
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "TMPDIR": str(tmp)}
    cmd = [sys.executable, "-m", "himpun", "--library", str(tmp_path / "lib"), "ingest"]
    r = subprocess.run(cmd + [str(inbox), "--jobs", "2"], capture_output=True, text=True, env=env, timeout=120,
                       cwd=inbox)
    assert r.returncode == 1 and "Traceback" not in r.stderr, r.stderr
    assert f"ingested: {tricky} (4 clauses)" in r.stdout
    assert not list(tmp_path.rglob("DIRETAS*"))
    assert "3 ingested" in r.stdout and "5 failed" in r.stdout, r.stdout + r.stderr
    # Tesseract killed after a second, in the two workers that share the pages of a lone scan: the
    # failure comes back from the worker whole (it used to break the pool)
    lone = tmp_path / "padat_dua.tif"
    slow_page(1).save(lone, "TIFF", save_all=True, append_images=[slow_page(2)], compression="tiff_lzw", dpi=(300, 300))
    r = subprocess.run(cmd + [str(lone), "--jobs", "2", "--ocr-timeout", "1"], capture_output=True, text=True,
                       env=env, timeout=120)
    assert r.returncode == 1 and f"failed: {lone}: page 1: OCR gave up after 1 s" in r.stderr, r.stderr
    assert sorted(os.listdir(tmp)) == []


def _processes_marked(mark: str) -> list[tuple[int, str]]:
    """Running processes (pid, command) whose environment holds `mark`."""
    found = []
    for proc in Path("/proc").iterdir():
        if not proc.name.isdigit():
            continue
        try:
            if mark.encode() in (proc / "environ").read_bytes():
                found.append((int(proc.name), (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode()))
        except OSError:
            continue
    return found


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_an_interrupted_ingest_leaves_no_tesseract_running_and_no_files(tmp_path, sig):
    page = tmp_path / "padat.png"
    slow_page().save(page, dpi=(300, 300))
    tmp = tmp_path / "tmp"
    tmp.mkdir()
    mark = f"HIMPUN_TEST_RUN={os.getpid()}-{time.monotonic_ns()}"
    env = {**os.environ, "TMPDIR": str(tmp), mark.split("=")[0]: mark.split("=")[1]}
    proc = subprocess.Popen([sys.executable, "-m", "himpun", "--library", str(tmp_path / "lib"), "ingest", str(page),
                             "--jobs", "1"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while not any("tesseract" in cmd for _, cmd in _processes_marked(mark)):
            assert time.monotonic() < deadline and proc.poll() is None, "Tesseract never started"
            time.sleep(0.05)
        time.sleep(1.5)  # well into its reading (past its first words on stderr)
        proc.send_signal(sig)
        t0 = time.monotonic()
        out, err = proc.communicate(timeout=60)
        seconds = time.monotonic() - t0
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode != 0 and "Traceback" not in err, err
    assert seconds < 5  # it stopped at once, not when Tesseract would have finished the page
    left = _processes_marked(mark)
    for pid, _ in left:  # do not leave them running, whatever the outcome
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    assert left == []
    assert sorted(os.listdir(tmp)) == []


# -- lock failures: one line, never a traceback ------------------------------------------------------------------------


@pytest.fixture
def library_with_pending(tmp_path, sample_dir):
    """A library whose catalog holds a document its index does not have yet
    (as after a crash between the two commits)."""
    runner = CliRunner()
    lib = tmp_path / "lib"

    def run(*argv):
        return runner.invoke(cli, ["--library", str(lib), *map(str, argv)], catch_exceptions=False)

    assert run("ingest", sample_dir, "--jobs", "1").exit_code == 0
    from himpun.ingest import extract_path

    sleman = tmp_path / "se_sleman.txt"
    sleman.write_text(XREF_SLEMAN, encoding="utf-8")
    with Library(lib) as library:
        library.catalog.store(extract_path(sleman), size=sleman.stat().st_size)  # the catalog commit, not the index's
    return lib, run


def whoosh_lock(lib: Path):
    """Whoosh's own write lock on the index, held as a writer outside Himpun would hold it."""
    from himpun.index import open_index

    lock = open_index(lib / "index").lock("WRITELOCK")
    assert lock.acquire(blocking=False)
    return lock


def test_search_while_another_process_writes(library_with_pending):
    from himpun.lock import writer_lock

    lib, run = library_with_pending
    with writer_lock(lib):  # Himpun's writer
        held = run("search", "media sosial", "--json")
    assert held.exit_code == 0 and json.loads(held.output)["total"] >= 1  # the index as it stands
    lock = whoosh_lock(lib)  # a writer that holds only the index's own lock
    try:
        t0 = time.monotonic()
        held = run("search", "deklarasi", "--region", "Sleman", "--json")
        assert held.exit_code == 0 and time.monotonic() - t0 < 10
        assert json.loads(held.output)["total"] == 0  # not indexed yet, and nobody waited for the lock
    finally:
        lock.release()
    free = run("search", "deklarasi", "--region", "Sleman", "--json")
    assert free.exit_code == 0 and json.loads(free.output)["total"] >= 1  # caught up now


def test_reindex_and_ingest_while_another_process_holds_a_lock(library_with_pending, tmp_path):
    from himpun.lock import writer_lock

    lib, run = library_with_pending
    with writer_lock(lib):
        r = run("reindex", "--wait", "0.3")
    assert r.exit_code == 4 and r.output.count("\n") == 2, r.output  # "waiting ..." then the error
    assert "error: " in r.output and "another process is writing to this library" in r.output
    more = tmp_path / "more"
    more.mkdir()
    utf16_txt(more)
    lock = whoosh_lock(lib)
    try:
        r = run("reindex", "--wait", "0.3")
        assert r.exit_code == 4 and "the search index is locked by another process" in r.output, r.output
        r = run("ingest", more, "--wait", "0.3", "--jobs", "1")
        assert r.exit_code == 4 and "the search index is locked by another process" in r.output, r.output
        assert f"ingested: {more / 'utf16.txt'}" in r.output  # stored in the catalog before the index was tried
    finally:
        lock.release()
    assert json.loads(run("search", "foto", "--region", "Depok", "--json").output)["total"] >= 1  # caught up
    assert json.loads(run("search", "deklarasi", "--region", "Sleman", "--json").output)["total"] >= 1
    assert json.loads(run("stats", "--json").output)["documents"] == 5
    assert run("reindex").exit_code == 0


def test_a_library_that_cannot_be_made_is_one_line(tmp_path):
    blocker = tmp_path / "berkas"
    blocker.write_text("not a directory")
    for command in (["stats"], ["ingest", str(blocker)], ["search", "ASN"], ["reindex"]):
        r = CliRunner().invoke(cli, ["--library", str(blocker / "lib"), *command], catch_exceptions=False)
        assert r.exit_code == 4 and r.output == f"error: {blocker / 'lib'}: cannot create the library (Not a directory)\n"


def ingest_killing_workers(tmp_path: Path, *args: str) -> tuple[int, str, str, set[int]]:
    """`himpun ingest ARGS` in a process of its own, whose worker processes are
    killed (SIGKILL, as the kernel's out-of-memory killer does) whenever one
    of them runs Tesseract. Returns the exit code, stdout, stderr and the
    workers killed."""
    mark = f"HIMPUN_TEST_RUN={os.getpid()}-{time.monotonic_ns()}"
    env = {**os.environ, mark.split("=")[0]: mark.split("=")[1]}
    proc = subprocess.Popen([sys.executable, "-m", "himpun", "--library", str(tmp_path / "lib"), "ingest", *args],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    killed: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and time.monotonic() < deadline:
            marked = dict(_processes_marked(mark))
            for pid, cmd in marked.items():
                if not cmd.startswith("tesseract"):
                    continue
                try:  # the worker that runs it (one of ours, never anything else), then the orphan
                    parent = int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1])
                    if parent in marked and parent != proc.pid and parent not in killed:
                        os.kill(parent, signal.SIGKILL)
                        killed.add(parent)
                    os.kill(pid, signal.SIGKILL)
                except (OSError, ValueError):  # it ended meanwhile
                    continue
            time.sleep(0.05)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for pid, _ in _processes_marked(mark):
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
    return proc.returncode, out, err, killed


def test_a_worker_process_that_dies_costs_its_file_only(tmp_path):
    """A worker killed while it reads a file (as the out-of-memory killer
    would, or a crash in a decoder): that file fails, every other file of the
    batch goes in."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good_txt(inbox), good_html(inbox), utf16_txt(inbox)
    victim = inbox / "padat.png"
    slow_page().save(victim, dpi=(300, 300))
    code, out, err, killed = ingest_killing_workers(tmp_path, str(inbox), "--jobs", "2")
    assert len(killed) == 2  # once in the pool, once when it was read again alone
    assert code == 1 and "Traceback" not in err, err
    assert f"failed: {victim}: the worker process reading it died (it crashed, or was killed: out of memory?)" in err
    assert "4 files: 3 ingested, 0 unchanged, 0 skipped, 1 failed" in out, out + err


def test_an_ocr_worker_that_dies_costs_its_scan_only(tmp_path):
    """The pages of a lone scan are read by a pool of workers: one killed, the scan fails with the reason."""
    scan = tmp_path / "padat_dua.tif"
    slow_page(1).save(scan, "TIFF", save_all=True, append_images=[slow_page(2)], compression="tiff_lzw", dpi=(300, 300))
    code, out, err, killed = ingest_killing_workers(tmp_path, str(scan), "--jobs", "2")
    assert killed and code == 1 and "Traceback" not in err, err
    assert f"failed: {scan}: an OCR worker process reading it died (it crashed, or was killed: out of memory?)" in err
    assert "1 files: 0 ingested, 0 unchanged, 0 skipped, 1 failed" in out
