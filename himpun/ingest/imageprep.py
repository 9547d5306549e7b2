"""Looking at a page image before and after OCR: grayscale, resolution,
whether it is degraded, its skew, and which of its rows carry text (to tell
whether a reading left text out)."""
from __future__ import annotations

from PIL import Image, ImageChops, ImageFilter, ImageOps


def grayscale(img: Image.Image) -> Image.Image:
    if img.mode in ("RGBA", "LA", "P"):
        img = img.convert("RGBA")
        white = Image.new("RGBA", img.size, (255, 255, 255, 255))
        img = Image.alpha_composite(white, img)
    return img.convert("L") if img.mode != "L" else img


def blank(page: Image.Image) -> bool:
    """A page with no dark pixel at all (a blank sheet, an empty scan)."""
    small = page.reduce(4) if page.width > 400 else page
    return small.point(lambda v: 255 if v < 140 else 0).getbbox() is None


def guess_dpi(page: Image.Image) -> float:
    """Resolution of a page image without metadata, taking it for A4 or Letter."""
    return max(page.size) / 11.5


def looks_degraded(page: Image.Image) -> bool:
    """Paper that is not white, or grain (many pixels a little darker than
    the paper): in a clean scan most pixels are paper-white and most of the
    rest ink-black. Judged at full resolution on the middle of the page
    (downsampling would turn ink edges grey)."""
    w, h = page.size
    middle = page.crop((w // 4, h // 4, 3 * w // 4, 3 * h // 4))
    hist = middle.histogram()
    paper = max(range(256), key=lambda v: hist[v])
    grain = sum(hist[max(0, paper - 60):max(0, paper - 8)]) / max(1, sum(hist))
    return paper < 245 or grain > 0.04


def skew_angle(page: Image.Image, limit: float = 4.0, step: float = 0.25) -> float:
    """The small rotation that makes text lines horizontal: the angle whose
    row profile (mean ink per row) varies most, on a reduced copy."""
    small = page.resize((max(1, page.width // 4), max(1, page.height // 4)), Image.Resampling.BOX)
    ink = ImageOps.invert(small).point(lambda v: 255 if v > 96 else 0)
    best, best_score = 0.0, -1.0
    angle = -limit
    while angle <= limit + 1e-9:
        rows = ink.rotate(angle, resample=Image.Resampling.NEAREST).resize((1, ink.height), Image.Resampling.BOX)
        values = rows.tobytes()
        mean = sum(values) / len(values)
        score = sum((v - mean) ** 2 for v in values)
        if score > best_score:
            best, best_score = angle, score
        angle += step
    return best


_SCALE = 6


def text_rows(page: Image.Image) -> list[int]:
    """Rows of the page (in page pixels, every sixth) that carry text-like
    ink: pixels clearly darker than the brightest of their neighbourhood, so
    that uneven lighting and grey paper do not count, on at least 4% of the
    row's width."""
    small = page.resize((max(1, page.width // _SCALE), max(1, page.height // _SCALE)), Image.Resampling.BOX)
    background = small.filter(ImageFilter.MaxFilter(3))
    ink = ImageChops.subtract(background, small).point(lambda v: 255 if v > 60 else 0)
    profile = ink.resize((1, ink.height), Image.Resampling.BOX).tobytes()
    return [y * _SCALE for y, v in enumerate(profile) if v > 255 * 0.04]


def uncovered(rows: list[int], boxes: list[tuple[int, int]]) -> float:
    """The share of text rows that no read line (top, bottom) covers."""
    if not rows:
        return 0.0
    missed = sum(1 for y in rows if not any(top - 2 * _SCALE <= y <= bottom + 2 * _SCALE for top, bottom in boxes))
    return missed / len(rows)
