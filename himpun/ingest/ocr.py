"""Reading page images with Tesseract: the one place Himpun calls it.

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
- `orient`: when the first reading is poor, Tesseract's orientation
  detection (OSD) is asked whether the page lies sideways or upside down,
  and the page is read again turned upright.
Tesseract runs single-threaded (OMP_THREAD_LIMIT=1): on this hardware one
process per core is much faster than one process using its own threads.
The text is rebuilt from Tesseract's word boxes (TSV), which also give the
page's mean word confidence; lone marks read from specks of dirt are dropped.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field

from PIL import Image, ImageFilter, ImageOps

from himpun.errors import FileError

LANG = "ind"
TARGET_DPI = 300
LOW_CONFIDENCE = 60.0  # mean word confidence under which a reading is poor
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class OcrOptions:
    lang: str = LANG
    clean: bool = True
    upscale: bool = True
    deskew: bool = False  # measured: Tesseract copes with 1-3 degrees; rotating first cost accuracy
    orient: bool = True
    timeout: float = 120.0  # seconds for one Tesseract run


@dataclass
class OcrResult:
    text: str
    confidence: float  # mean word confidence, 0-100
    rotated: int = 0  # degrees the page was turned to read it
    steps: list[str] = field(default_factory=list)


def ocr_image(img: Image.Image, dpi: float | None = None, options: OcrOptions = OcrOptions(),
              source: str = "image") -> OcrResult:
    """Read one page image. `dpi`: its resolution when known."""
    page = _grayscale(img)
    steps: list[str] = []
    dpi = dpi or _guess_dpi(page)
    degraded = options.clean and _looks_degraded(page)
    if degraded:
        page = page.filter(ImageFilter.MedianFilter(3))
        steps.append("clean")
    if options.upscale and dpi < 250:
        scale = TARGET_DPI / dpi
        page = page.resize((round(page.width * scale), round(page.height * scale)), Image.Resampling.LANCZOS)
        steps.append("upscale")
    if options.deskew:
        angle = _skew_angle(page)
        if abs(angle) >= 0.3:
            page = page.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
            steps.append(f"deskew {angle:+.1f}")
    result = _tesseract(page, options, degraded, source)
    if options.orient and result.confidence < LOW_CONFIDENCE:
        turn = _orientation(page, options, source)
        if turn:
            turned = _tesseract(page.rotate(turn, expand=True), options, degraded, source)
            if turned.confidence > result.confidence:
                result, result.rotated = turned, turn
                steps.append(f"rotate {turn}")
    result.steps = steps + result.steps
    return result


def _grayscale(img: Image.Image) -> Image.Image:
    if img.mode in ("RGBA", "LA", "P"):
        img = img.convert("RGBA")
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, img)
    return img.convert("L") if img.mode != "L" else img


def _guess_dpi(page: Image.Image) -> float:
    """Resolution of a page image without metadata, taking it for A4 or Letter."""
    return max(page.size) / 11.5


def _looks_degraded(page: Image.Image) -> bool:
    """Paper that is not white, or grain: in a clean scan most pixels are
    paper-white and most of the rest ink-black. Judged at full resolution on
    the middle of the page (downsampling would turn ink edges grey)."""
    w, h = page.size
    middle = page.crop((w // 4, h // 4, 3 * w // 4, 3 * h // 4))
    hist = middle.histogram()
    paper = max(range(256), key=lambda v: hist[v])
    grey = sum(hist[60:200]) / max(1, sum(hist))
    return paper < 245 or grey > 0.015


def _skew_angle(page: Image.Image, limit: float = 4.0, step: float = 0.25) -> float:
    """The small rotation that makes text lines horizontal: the angle whose
    row profile (mean ink per row) varies most, on a reduced copy."""
    small = page.resize((max(1, page.width // 4), max(1, page.height // 4)), Image.Resampling.BOX)
    ink = ImageOps.invert(small).point(lambda v: 255 if v > 96 else 0)
    best, best_score = 0.0, -1.0
    angle = -limit
    while angle <= limit + 1e-9:
        rows = ink.rotate(angle, resample=Image.Resampling.NEAREST).resize((1, ink.height), Image.Resampling.BOX)
        values = list(rows.getdata())
        mean = sum(values) / len(values)
        score = sum((v - mean) ** 2 for v in values)
        if score > best_score:
            best, best_score = angle, score
        angle += step
    return best


def _tesseract(page: Image.Image, options: OcrOptions, sauvola: bool, source: str) -> OcrResult:
    import pytesseract

    config = "--oem 1 --psm 3" + (" -c thresholding_method=2" if sauvola else "")
    try:
        tsv = pytesseract.image_to_data(page, lang=options.lang, config=config, timeout=options.timeout,
                                        output_type=pytesseract.Output.DICT)
    except RuntimeError as exc:  # pytesseract's timeout
        raise FileError(source, f"OCR gave up after {options.timeout:.0f} s ({exc})") from None
    except pytesseract.TesseractNotFoundError:
        raise FileError(source, "Tesseract is not installed (apt-get install tesseract-ocr tesseract-ocr-ind)") from None
    except pytesseract.TesseractError as exc:
        raise FileError(source, f"Tesseract failed: {exc.message.strip() or exc.status}") from None
    return _from_tsv(tsv)


def _from_tsv(tsv: dict) -> OcrResult:
    """Text with Tesseract's lines and paragraphs, from its word table."""
    rows: list[tuple[tuple, list[tuple[str, float]]]] = []  # (line key, [(word, conf)])
    for i, word in enumerate(tsv["text"]):
        conf = float(tsv["conf"][i])
        if conf < 0 or not word.strip() or _speck(word, conf):
            continue
        key = (tsv["block_num"][i], tsv["par_num"][i], tsv["line_num"][i])
        if not rows or rows[-1][0] != key:
            rows.append((key, []))
        rows[-1][1].append((word, conf))
    lines: list[str] = []
    confidences: list[float] = []
    previous = None
    for key, words in rows:
        words = _without_stray_tail(words)
        if not words:
            continue
        if previous is not None and key[:2] != previous[:2]:
            lines.append("")
        lines.append(" ".join(w for w, _ in words))
        confidences += [c for _, c in words]
        previous = key
    mean = sum(confidences) / len(confidences) if confidences else 0.0
    return OcrResult("\n".join(lines), round(mean, 1))


def _without_stray_tail(words: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """Drop what dirt beside a line reads as: a short doubtful token after the
    line's closing punctuation ("calon: NA"), and any one- or two-character
    token Tesseract hardly believes in."""
    kept = [(w, c) for w, c in words if not (len(w) <= 2 and c < 20)]
    while len(kept) >= 2 and len(kept[-1][0]) <= 3 and kept[-1][1] < 50 and kept[-2][0][-1:] in ";:.,":
        kept.pop()
    return kept


_SPECK_MARKS = set("|¦!'\"“”‘’`.,:;_~^£»«°")
_DASHES = set("-–—•*·")


def _speck(word: str, conf: float) -> bool:
    """A lone mark that is dirt on the page, not text: quotes, bars, dots and
    colons standing alone (clean pages never produce them), and dashes or
    bullets that Tesseract itself doubts."""
    if any(ch.isalnum() for ch in word):
        return False
    if set(word) <= _SPECK_MARKS:
        return True
    return set(word) <= _DASHES and conf < 80


def _orientation(page: Image.Image, options: OcrOptions, source: str) -> int:
    """Degrees to turn the page (counter-clockwise, as PIL rotates) so that
    it reads upright; 0 when OSD sees nothing to turn or cannot tell."""
    import pytesseract

    try:
        osd = pytesseract.image_to_osd(page, config="--psm 0", timeout=options.timeout,
                                       output_type=pytesseract.Output.DICT)
    except (pytesseract.TesseractError, RuntimeError):
        return 0
    if float(osd.get("orientation_conf", 0)) < 1.0:
        return 0
    return int(osd.get("rotate", 0)) % 360 and 360 - int(osd["rotate"]) % 360
