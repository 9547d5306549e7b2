"""Reading page images with Tesseract (through himpun/ingest/tesseract.py,
the one place the program is started).

A page goes through the steps that pay for themselves on scans (each can be
switched off, and bench/ocr.py measures what each one buys):
- `clean`: on a page whose paper is not white or that carries grain, a 3x3
  median filter removes toner specks and grain, and Tesseract binarises with
  Sauvola's local threshold instead of Otsu's global one;
- `upscale`: a page scanned below 250 dpi is enlarged to 300 dpi;
- `deskew` (off: measured, it does not pay): a skew of up to 4 degrees,
  found by the projection profile of a small copy, is undone before reading;
  Tesseract's own line finding copes with the 1-3 degrees of real scans and
  the extra interpolation cost accuracy on degraded pages;
- `recover`: when the reading leaves rows of text out (Tesseract's page
  layout analysis sometimes takes a stained region for a picture; measured
  on a 1/6-scale copy, about 0.03 s a page), the page
  is read again as one block of text and the lines found only that way are
  added where they stand on the page;
- `orient`: when the reading is poor, Tesseract's orientation detection
  (OSD) is asked whether the page lies sideways or upside down, and the page
  is read again turned upright.
Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): on this hardware one
process per core is much faster than one process using its own threads.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from PIL import Image, ImageFilter

from himpun.errors import FileError
from himpun.ingest import imageprep, tesseract
from himpun.ingest.ocrtext import LOW_CONFIDENCE, Reading, from_tsv

LANG = "ind"
TARGET_DPI = 300
LOST_TEXT = 0.05  # share of text rows a reading may leave out before the page is read again

# Tesseract single-threaded wherever it runs (in this process too, not only in the pool's workers):
# parallelism comes from running one per core, and one thread gives the same reading on every run
# (OpenMP threads made a borderline page read differently under load). An explicit setting wins.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class OcrOptions:
    lang: str = LANG
    clean: bool = True
    upscale: bool = True
    deskew: bool = False
    recover: bool = True
    orient: bool = True
    timeout: float = 120.0  # seconds for one Tesseract run (--ocr-timeout)
    # limits on what a file may ask of the machine (--max-pages, --max-pixels)
    max_pages: int = 2000  # pages (or frames) of one file
    max_pixels: int = 120_000_000  # pixels of one page image, decoded or rendered


@dataclass
class OcrResult:
    text: str
    confidence: float  # mean word confidence, 0-100
    rotated: int = 0  # degrees the page was turned to read it
    steps: list[str] = field(default_factory=list)


def ocr_image(img: Image.Image, dpi: float | None = None, options: OcrOptions = OcrOptions(),
              source: str = "image") -> OcrResult:
    """Read one page image. `dpi`: its resolution when known."""
    page = imageprep.grayscale(img)
    if imageprep.blank(page):  # nothing to read: no Tesseract run at all
        return OcrResult("", 100.0, steps=["blank"])
    steps: list[str] = []
    dpi = dpi or imageprep.guess_dpi(page)
    degraded = options.clean and imageprep.looks_degraded(page)
    if degraded:
        page = page.filter(ImageFilter.MedianFilter(3))
        steps.append("clean")
    if options.upscale and dpi < 250:
        scale = TARGET_DPI / dpi
        page = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)
        steps.append("upscale")
    if options.deskew:
        angle = imageprep.skew_angle(page)
        if abs(angle) >= 0.3:
            page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
            steps.append(f"deskew {angle:+.1f}")
    reading = _tesseract(page, options, degraded, source)
    if options.orient and reading.confidence < LOW_CONFIDENCE:
        turn = _orientation(page, options)
        if turn:
            turned = _tesseract(page.rotate(turn, expand=True), options, degraded, source)
            if turned.confidence > reading.confidence:
                page, reading = page.rotate(turn, expand=True), turned
                steps.append(f"rotate {turn}")
    if options.recover and reading.confidence >= LOW_CONFIDENCE:
        lost = imageprep.uncovered(imageprep.text_rows(page), [(ln.top, ln.bottom) for ln in reading.lines])
        if lost > LOST_TEXT:
            merged = reading.with_lines_from(_tesseract(page, options, degraded, source, psm=6))
            if merged.sure_words > reading.sure_words:
                reading = merged
                steps.append(f"recover {lost:.0%}")
    rotated = next((int(s.split()[1]) for s in steps if s.startswith("rotate")), 0)
    return OcrResult(reading.text, reading.confidence, rotated, steps)


def _tesseract(page: Image.Image, options: OcrOptions, sauvola: bool, source: str, psm: int = 3) -> Reading:
    config = f"--oem 1 --psm {psm}" + (" -c thresholding_method=2" if sauvola else "")
    return from_tsv(tesseract.data(page, options.lang, config, options.timeout, source))


def _orientation(page: Image.Image, options: OcrOptions) -> int:
    """Degrees to turn the page (counter-clockwise, as PIL rotates) so that
    it reads upright; 0 when OSD sees nothing to turn or cannot tell."""
    osd = tesseract.orientation(page, options.timeout)
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return 0
    return (360 - int(osd.get("rotate", 0))) % 360
