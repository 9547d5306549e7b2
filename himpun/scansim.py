"""Simulated scans: a page of known text rendered like a printed letter and
degraded like a photocopy or a phone photo. The tests, the OCR benchmark and
the sample corpus use it to know exactly what an OCR engine should read.

Page sources use a small markup, one line each:
    = TEXT     centred, bold (letterhead)
    - TEXT     centred
    ===        the double rule under a letterhead
    > TEXT     right-hand block (place and date, signature)
    [STAMP]    an office stamp beside the signature
    other      body text, wrapped; list items ("1.", "a.") hang
    (blank)    paragraph gap; a form feed starts a new page
`truth()` gives the text a perfect reader would produce.
"""
from __future__ import annotations

import io
import math
import random
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from PIL import Image, ImageChops, ImageDraw, ImageFilter, ImageFont

A4_INCHES = (8.27, 11.69)
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
_LIST_MARKER = re.compile(r"^((?:\d{1,2}|[a-z])[.)])\s+")


@lru_cache(maxsize=None)
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    name = "DejaVuSerif-Bold.ttf" if bold else "DejaVuSerif.ttf"
    path = FONT_DIR / name
    if path.exists():
        return ImageFont.truetype(str(path), size)
    return ImageFont.load_default(size=size)


def truth(source: str) -> list[str]:
    """The plain text of each page of a marked-up source."""
    pages = []
    for page in source.split("\f"):
        lines = []
        for line in page.split("\n"):
            s = line.rstrip()
            if s in ("===", "[STAMP]"):
                continue
            if s[:2] in ("= ", "- ", "> "):
                s = s[2:]
            lines.append(s)
        pages.append("\n".join(lines).strip("\n"))
    return pages


def render(source_page: str, dpi: int = 300, point_size: float = 11.5,
           inches: tuple[float, float] = A4_INCHES) -> Image.Image:
    """One page of marked-up text as a white grayscale image (A4 unless
    `inches` says otherwise: tests use short pages to stay fast)."""
    w, h = int(inches[0] * dpi), int(inches[1] * dpi)
    img = Image.new("L", (w, h), 255)
    draw = ImageDraw.Draw(img)
    px = lambda pt: max(1, round(pt * dpi / 72))  # noqa: E731
    body, bold = _font(False, px(point_size)), _font(True, px(point_size + 2))
    margin_l, margin_r, top = int(1.1 * dpi), int(0.9 * dpi), int(min(0.7, inches[1] / 12) * dpi)
    width = w - margin_l - margin_r
    line_h = int(px(point_size) * 1.45)
    y = top
    for raw in source_page.split("\n"):
        line = raw.rstrip()
        if not line:
            y += line_h // 2
            continue
        if line == "===":
            draw.line((margin_l, y, w - margin_r, y), fill=0, width=max(2, dpi // 60))
            draw.line((margin_l, y + dpi // 40, w - margin_r, y + dpi // 40), fill=0, width=max(1, dpi // 150))
            y += line_h // 2
            continue
        if line == "[STAMP]":
            _stamp(img, (w - margin_r - int(3.3 * dpi), y - int(0.35 * dpi)), int(0.5 * dpi), dpi)
            continue
        if line[:2] == "= ":
            draw.text((w // 2, y), line[2:], font=bold, fill=0, anchor="ma")
            y += int(line_h * 1.1)
            continue
        if line[:2] == "- ":
            draw.text((w // 2, y), line[2:], font=body, fill=0, anchor="ma")
            y += line_h
            continue
        if line[:2] == "> ":
            draw.text((w - margin_r - int(2.8 * dpi), y), line[2:], font=body, fill=0)
            y += line_h
            continue
        m = _LIST_MARKER.match(line)
        indent = int(body.getlength(m.group(0))) + px(4) if m else 0
        for i, chunk in enumerate(_wrap(line, body, width - indent)):
            x = margin_l + (indent if i > 0 else 0)
            draw.text((x, y), chunk, font=body, fill=0)
            y += line_h
    return img


def _wrap(text: str, font: ImageFont.FreeTypeFont, width: int) -> list[str]:
    words, lines, cur = text.split(" "), [], ""
    for word in words:
        trial = f"{cur} {word}" if cur else word
        if font.getlength(trial) <= width or not cur:
            cur = trial
        else:
            lines.append(cur)
            cur = word
    if cur:
        lines.append(cur)
    return lines


def _stamp(img: Image.Image, origin: tuple[int, int], radius: int, dpi: int) -> None:
    """A round office stamp in grey (two rings and an emblem), overprinting
    the signature block the way a real stamp does."""
    layer = Image.new("L", img.size, 255)
    d = ImageDraw.Draw(layer)
    cx, cy = origin[0] + radius, origin[1] + radius
    for r, wdt in ((radius, max(2, dpi // 80)), (int(radius * 0.72), max(1, dpi // 150))):
        d.ellipse((cx - r, cy - r, cx + r, cy + r), outline=150, width=wdt)
    star = [(cx + int(radius * (0.45 if k % 2 == 0 else 0.2) * math.cos(math.pi * k / 5 - math.pi / 2)),
             cy + int(radius * (0.45 if k % 2 == 0 else 0.2) * math.sin(math.pi * k / 5 - math.pi / 2)))
            for k in range(10)]
    d.polygon(star, outline=150, width=max(1, dpi // 150))
    img.paste(ImageChops.darker(img, layer))


@dataclass(frozen=True)
class Degradation:
    """How a page was spoiled. Level names: clean, mild, heavy."""

    name: str
    dpi: int = 300
    skew: float = 0.0  # degrees
    noise: float = 0.0  # 0..1
    light: float = 0.0  # 0..1, unevenness of lighting
    blur: float = 0.0  # pixels
    jpeg: int | None = None  # JPEG quality
    rotate: int = 0  # 0, 90, 180, 270 (a page fed the wrong way)


LEVELS = {
    "clean": Degradation("clean"),
    "mild": Degradation("mild", skew=1.0, noise=0.25, light=0.15, blur=0.5, jpeg=75),
    "heavy": Degradation("heavy", dpi=200, skew=2.5, noise=0.55, light=0.4, blur=0.8, jpeg=25),
}


def degrade(img: Image.Image, how: Degradation, seed: int = 0) -> Image.Image:
    """Spoil a rendered page: uneven light, noise and speckles of a photocopy,
    skew, a little blur, JPEG artefacts, and a rotation for a page fed sideways."""
    rng = random.Random(seed)
    out = img
    if how.light:
        out = ImageChops.multiply(out, _lighting(out.size, how.light, rng))
    if how.noise:
        out = _photocopy(out, how.noise, rng)
    if how.blur:
        out = out.filter(ImageFilter.GaussianBlur(how.blur))
    if how.skew:
        angle = how.skew if rng.random() < 0.5 else -how.skew
        out = out.rotate(angle, resample=Image.Resampling.BICUBIC, expand=False, fillcolor=255)
    if how.rotate:
        out = out.rotate(how.rotate, expand=True)
    if how.jpeg:
        buf = io.BytesIO()
        out.save(buf, "JPEG", quality=how.jpeg)
        out = Image.open(io.BytesIO(buf.getvalue())).convert("L")
    return out


def _lighting(size: tuple[int, int], strength: float, rng: random.Random) -> Image.Image:
    """A grey gradient: darker towards one corner, like a lamp to one side."""
    w, h = size
    small = Image.new("L", (64, 64))
    cx, cy = rng.choice([(0, 0), (63, 0), (0, 63), (63, 63)])
    far = math.hypot(63, 63)
    small.putdata([int(255 - strength * 150 * (1 - math.hypot(x - cx, y - cy) / far))
                   for y in range(64) for x in range(64)])
    return small.resize((w, h), Image.Resampling.BILINEAR)


def _photocopy(img: Image.Image, amount: float, rng: random.Random) -> Image.Image:
    """Grey the paper, add grain, and sprinkle toner specks."""
    w, h = img.size
    paper = img.point(lambda v: int(v * (1 - 0.18 * amount) + 10 * amount))
    # Gaussian grain from the seed (PIL's effect_noise draws from C's unseeded rand(), so the same seed
    # gave a different page in a different process, and OCR tests on it were flaky)
    import numpy as np
    noise = np.random.default_rng(rng.randrange(2 ** 32)).normal(128.0, 40 * amount, (h, w))
    grain = Image.fromarray(np.clip(noise, 0, 255).astype(np.uint8), "L")
    out = ImageChops.add(ImageChops.subtract(paper, grain.point(lambda v: max(0, 128 - v))),
                         grain.point(lambda v: max(0, v - 128)))
    d = ImageDraw.Draw(out)
    for _ in range(int(2500 * amount)):
        x, y, r = rng.randrange(w), rng.randrange(h), rng.choice((1, 1, 1, 2))
        d.ellipse((x, y, x + r, y + r), fill=rng.randrange(0, 90))
    return out


def cer(reference: str, hypothesis: str) -> float:
    """Character error rate: edit distance over the reference length, after
    folding all runs of white space to one space (layout is not content)."""
    from rapidfuzz.distance import Levenshtein

    ref, hyp = " ".join(reference.split()), " ".join(hypothesis.split())
    return Levenshtein.distance(ref, hyp) / max(1, len(ref))
