"""Build the sample scanned documents of corpus/scans/ from the circular texts
in scripts/corpus/scans/ (written by the project in the style of real ones,
with invented numbers): rendered like printed letters and degraded like real
scans. Deterministic: the same files, byte for byte, on every run.

    python scripts/corpus/make_scans.py

- se_gubernur_ntb_2024_scan.pdf: a two-page photocopy scanned at 300 dpi
  (skew, grain, uneven light), its second page fed upside down;
- se_bupati_banyuwangi_2023_foto.jpg: a phone photo of a faint copy, 200 dpi,
  skewed, unevenly lit, heavy JPEG compression;
- se_wali_kota_pontianak_2024_campuran.pdf: a mixed PDF, page 1 with a text
  layer, page 2 a scan.
"""
from __future__ import annotations

import io
import sys
import time
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from himpun.scansim import LEVELS, degrade, render, truth  # noqa: E402

SOURCES = Path(__file__).resolve().parent / "scans"
OUT = ROOT / "corpus" / "scans"
FIXED = datetime(2024, 1, 1, tzinfo=timezone.utc)


def pages_of(name: str) -> list[str]:
    return (SOURCES / name).read_text("utf-8").split("\f")


def save_pdf(images, path: Path, dpi: int) -> None:
    first, *rest = images
    first.save(path, "PDF", resolution=dpi, save_all=True, append_images=rest,
               creationDate=time.gmtime(FIXED.timestamp()), modDate=time.gmtime(FIXED.timestamp()),
               title=path.stem)


def jpeg_page(img, quality: int):
    from PIL import Image

    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=quality)
    return Image.open(io.BytesIO(buf.getvalue()))


def ntb() -> Path:
    mild = LEVELS["mild"]
    p1, p2 = pages_of("se_gubernur_ntb_2024.txt")
    first = jpeg_page(degrade(render(p1, mild.dpi), mild, seed=11), 70)
    second = jpeg_page(degrade(render(p2, mild.dpi), replace(mild, rotate=180), seed=12), 70)
    out = OUT / "se_gubernur_ntb_2024_scan.pdf"
    save_pdf([first, second], out, mild.dpi)
    return out


def banyuwangi() -> Path:
    heavy = LEVELS["heavy"]
    (page,) = pages_of("se_bupati_banyuwangi_2023.txt")
    img = degrade(render(page, heavy.dpi), heavy, seed=21)
    out = OUT / "se_bupati_banyuwangi_2023_foto.jpg"
    img.save(out, "JPEG", quality=heavy.jpeg, dpi=(heavy.dpi, heavy.dpi))
    return out


def pontianak() -> Path:
    from fpdf import FPDF

    p1, p2 = pages_of("se_wali_kota_pontianak_2024.txt")
    pdf = FPDF(format="A4")
    pdf.set_creation_date(FIXED)
    font = Path("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
    pdf.add_font("Serif", fname=str(font))
    pdf.add_page()
    pdf.set_font("Serif", size=11)
    for line in truth(p1)[0].split("\n"):
        if line.strip():
            pdf.multi_cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
        else:
            pdf.ln(4)
    mild = LEVELS["mild"]
    scan = jpeg_page(degrade(render(p2, mild.dpi), mild, seed=31), 70)
    buf = io.BytesIO()
    scan.save(buf, "JPEG", quality=70)
    pdf.add_page()
    pdf.image(buf, x=0, y=0, w=pdf.w, h=pdf.h)
    out = OUT / "se_wali_kota_pontianak_2024_campuran.pdf"
    pdf.output(str(out))
    return out


if __name__ == "__main__":
    OUT.mkdir(parents=True, exist_ok=True)
    for build in (ntb, banyuwangi, pontianak):
        path = build()
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size // 1024} KiB")
