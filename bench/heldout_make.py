#!/usr/bin/env python3
"""The generator of the held-out sets heldout7, heldout8 and heldout9: it regenerates every file in a set's docs/
from the source texts in its src/. Each set's make.py runs it on its own folder (`run`).

    /work/main/.venv/bin/python bench/heldoutN/make.py          # build all documents
    /work/main/.venv/bin/python bench/heldoutN/make.py 004 007  # build only these

Deterministic: every random choice comes from a generator seeded by the document's `%seed`,
PDF creation dates are fixed, and the page images are drawn by Pillow from the same layout as
the text-layer PDFs. Two runs give byte-identical files.

Source files (src/NNN_*.txt). A source whose first line is `%output: ...` is laid out and
rendered; any other source is copied verbatim (its name in docs/ is given by its first line
`%copy: NAME`, which is dropped).

Settings (`%key: value` lines at the top):
  output     file name in docs/
  render     textpdf | fax | scanpdf | tiff | photo | mixed
  font       serif | sans;  size (pt);  lead (line height / size);  margins L,T,R,B (mm)
  seed       random seed for the scan effects
  dpi        resolution of rendered pages
  imagepages for `mixed`: the pages that are scanned images (e.g. `2`)
  rotate     for `scanpdf`: `PAGE:DEG` pages scanned sideways (e.g. `2:90`)
  skew       for `scanpdf`/`fax`/`tiff`: skew in degrees per page, cycled (e.g. `0.4,-0.6`)
  blur, jpeg for `scanpdf`: blur radius at 200 dpi (scaled with dpi) and JPEG quality
  faxhead    fax transmission line at the top of every page ({n} page, {N} pages)
  runhead    running header from page 2 ({n}, {N});  foot: footer line on every page
  bandtop / bandbottom   dark header / footer band on every page (two-column bulletin)
  columns, gutter        two-column flow (blocks go to the current column, [colbreak] moves on)
  title, author, creator, producer   PDF metadata

Blocks are separated by blank lines. An optional first line `[tags]` sets:
  c r left b i size= sp= (space before, mm) x= (indent, mm) w= (width, mm) pi= (first-line
  indent) lines (every line its own paragraph) kv (Label : value, tab=) label=TEXT tab=
  (label column, as in Menimbang / KESATU) sig (signature block, x=; `sig two`: two blocks
  side by side, each line `left || right`, as in a joint circular) kop (letterhead with a
  double rule) table (cells split by ` | `, first row is the header, cols=col widths,
  repeat = header row repeated after a page break) rule full (full width in a two-column
  page) colbreak box (framed box) gray= (text grey level)
List markers at a line start (`1.` `a.` `1)` `(1)` `-` `–` `•`) open a hanging-indent item;
two leading spaces per nesting level. Other lines continue the previous paragraph.
`=== halaman N ===` (alone on a line, between blocks or between list items / table rows)
starts a new page. The build fails when a page overflows, so the markers are where the
pages really break. `[ttd]` inside a sig block leaves the signature space (a pen scribble
is drawn there; `[ttd cap]` also draws a round office stamp).
"""
from __future__ import annotations

import datetime as _dt
import io
import math
import re
import shutil
import sys
from pathlib import Path

import numpy as np
from fpdf import FPDF
from PIL import Image, ImageDraw, ImageFilter, ImageFont

HERE = Path(__file__).resolve().parent
SRC = HERE / "src"
OUT = HERE / "docs"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {
    ("serif", ""): "DejaVuSerif.ttf",
    ("serif", "B"): "DejaVuSerif-Bold.ttf",
    ("serif", "I"): "DejaVuSerif-Italic.ttf",
    ("serif", "BI"): "DejaVuSerif-BoldItalic.ttf",
    ("sans", ""): "DejaVuSans.ttf",
    ("sans", "B"): "DejaVuSans-Bold.ttf",
    ("sans", "I"): "DejaVuSans-Oblique.ttf",
    ("sans", "BI"): "DejaVuSans-BoldOblique.ttf",
    ("mono", ""): "DejaVuSansMono.ttf",
    ("mono", "B"): "DejaVuSansMono-Bold.ttf",
}
PT = 25.4 / 72  # mm per point
SOURCE_LINE = "SOURCE: himpun-heldout9 (written for evaluation)"  # set by run() for the set it builds
FIXED_DATE = _dt.datetime(2024, 10, 7, 8, 30, 0, tzinfo=_dt.timezone.utc)
PB_RE = re.compile(r"^\s*=== halaman \d+ ===\s*$")
MARKER_RE = re.compile(r"^( *)((?:\d{1,2}|[a-zA-Z]|[IVX]{2,4})[.)]|\(\d{1,2}\)|[-–•])\s+(.*)$")


class LayoutError(Exception):
    pass


# ----------------------------------------------------------------------------- source
def parse_tags(s):
    tags = {}
    for tok in s.split():
        if "=" in tok:
            k, v = tok.split("=", 1)
            tags[k] = v.replace("_", " ") if k == "label" else v
        else:
            tags[tok] = True
    return tags


def parse_source(text):
    raw = text.split("\n")
    settings, i = {}, 0
    while i < len(raw) and raw[i].startswith("%"):
        k, _, v = raw[i][1:].partition(":")
        settings[k.strip()] = v.strip()
        i += 1
    blocks, chunk = [], []

    def flush():
        if not chunk:
            return
        if len(chunk) == 1 and PB_RE.match(chunk[0]):
            blocks.append("PB")
        else:
            tags, lines = {}, list(chunk)
            m = re.match(r"^\[([^\]]*)\]$", lines[0].strip())
            if m and not lines[0].startswith("[ttd"):
                tags = parse_tags(m.group(1))
                lines = lines[1:]
            blocks.append((tags, lines))
        chunk.clear()

    for line in raw[i:]:
        if line.strip() == "":
            flush()
        else:
            chunk.append(line.rstrip())
    flush()
    return settings, blocks


# ----------------------------------------------------------------------------- measuring
class Measure:
    """String widths in mm, from fpdf2's font metrics (used for every output)."""

    def __init__(self):
        pdf = FPDF(unit="mm", format="A4")
        for (fam, st), fn in FONT_FILES.items():
            pdf.add_font(fam, st, str(FONT_DIR / fn))
        pdf.add_page()
        self.pdf = pdf
        self.cache = {}

    def __call__(self, s, fam, style, size):
        key = (s, fam, style, size)
        if key not in self.cache:
            self.pdf.set_font(fam, style, size)
            self.cache[key] = self.pdf.get_string_width(s)
        return self.cache[key]


MEASURE = None


def measure(s, fam, style, size):
    global MEASURE
    if MEASURE is None:
        MEASURE = Measure()
    return MEASURE(s, fam, style, size)


# ----------------------------------------------------------------------------- layout
class Page:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.ops = []


class Layout:
    def __init__(self, settings, name):
        self.s = settings
        self.name = name
        self.fam = settings.get("font", "serif")
        self.size = float(settings.get("size", 11))
        self.lead = float(settings.get("lead", 1.4))
        m = [float(v) for v in settings.get("margins", "25,20,20,20").split(",")]
        self.ml, self.mt, self.mr, self.mb = m
        self.pw, self.ph = 210.0, 297.0
        self.columns = int(settings.get("columns", 1))
        self.gutter = float(settings.get("gutter", 8))
        self.pages = []
        self.new_page()

    # ---- pages and frames
    def new_page(self):
        self.page = Page(self.pw, self.ph)
        self.pages.append(self.page)
        self.top = self.mt
        if self.s.get("bandtop"):
            self.top = max(self.top, 22.0)
        self.bottom = self.ph - self.mb
        if self.s.get("bandbottom"):
            self.bottom = min(self.bottom, self.ph - 22.0)
        self.y = self.top
        self.col = None  # None: full width; 0/1: column index
        self.col_top = None

    def frame(self, tags):
        """x0 and width of the current frame."""
        if self.columns > 1 and not tags.get("full") and self.col is not None:
            cw = (self.pw - self.ml - self.mr - self.gutter * (self.columns - 1)) / self.columns
            return self.ml + self.col * (cw + self.gutter), cw
        return self.ml, self.pw - self.ml - self.mr

    def enter_columns(self, tags):
        if self.columns > 1 and not tags.get("full") and self.col is None:
            self.col = 0
            self.col_top = self.y

    def colbreak(self):
        if self.col is None:
            raise LayoutError(f"{self.name}: colbreak outside columns")
        self.col += 1
        if self.col >= self.columns:
            raise LayoutError(f"{self.name}: too many columns on page {len(self.pages)}")
        self.y = self.col_top

    def need(self, h, what):
        if self.y + h > self.bottom + 0.01:
            raise LayoutError(
                f"{self.name}: page {len(self.pages)} overflows at {what[:60]!r} "
                f"(y={self.y:.1f}+{h:.1f} > {self.bottom:.1f})")

    def op(self, *a):
        self.page.ops.append(a)

    # ---- text primitives
    def lh(self, size):
        return size * PT * self.lead

    def wrap(self, words, width, fam, style, size, first_width=None):
        lines, cur = [], []
        sp = measure(" ", fam, style, size)
        avail = first_width if first_width is not None else width
        cw = 0.0
        for wd in words:
            ww = measure(wd, fam, style, size)
            if cur and cw + sp + ww > avail + 1e-6:
                lines.append(cur)
                cur, cw = [wd], ww
                avail = width
            else:
                cw = cw + sp + ww if cur else ww
                cur.append(wd)
        if cur:
            lines.append(cur)
        return lines

    def draw_line(self, words, x, width, y, fam, style, size, align, last, gray):
        sp = measure(" ", fam, style, size)
        widths = [measure(w, fam, style, size) for w in words]
        natural = sum(widths) + sp * (len(words) - 1)
        if align == "j" and not last and len(words) > 1:
            gap = (width - sum(widths)) / (len(words) - 1)
            cx = x
            for i, w in enumerate(words):
                s = w + (" " if i < len(words) - 1 else "")
                self.op("text", cx, y, s, fam, style, size, gray)
                cx += widths[i] + gap
            return
        if align == "c":
            x = x + (width - natural) / 2
        elif align == "r":
            x = x + width - natural
        self.op("text", x, y, " ".join(words), fam, style, size, gray)

    def paragraph(self, text, x, width, tags, style="", size=None, align=None,
                  marker=None, hang=0.0, first_indent=0.0, gray=0):
        size = size or self.size
        fam = self.fam
        if align is None:
            align = "c" if tags.get("c") else "r" if tags.get("r") else "l" if tags.get("left") else "j"
        words = text.split()
        if not words and marker is None:
            return
        tx = x + hang
        tw = width - hang
        lines = self.wrap(words, tw, fam, style, size, first_width=tw - first_indent) or [[]]
        lh = self.lh(size)
        asc = size * PT * 0.78
        for i, ln in enumerate(lines):
            self.need(lh, " ".join(ln) or (marker or ""))
            base = self.y + asc
            if i == 0 and marker is not None:
                self.op("text", x, base, marker, fam, style, size, gray)
            lx = tx + (first_indent if i == 0 else 0)
            lw = tw - (first_indent if i == 0 else 0)
            if ln:
                self.draw_line(ln, lx, lw, base, fam, style, size, align, i == len(lines) - 1, gray)
            self.y += lh

    # ---- blocks
    def block(self, tags, lines):
        if tags.get("colbreak"):
            self.colbreak()
            return
        self.enter_columns(tags)
        size = float(tags.get("size", self.size))
        sp = float(tags.get("sp", self.lh(size) * 0.45))
        if self.y > self.top + 0.01 and not (self.col is not None and abs(self.y - self.col_top) < 0.01):
            self.y += sp
        x0, fw = self.frame(tags)
        x = x0 + float(tags.get("x", 0))
        width = float(tags.get("w", fw - float(tags.get("x", 0))))
        style = ("B" if tags.get("b") else "") + ("I" if tags.get("i") else "")
        gray = int(tags.get("gray", 0))
        if tags.get("kop"):
            return self.kop(tags, lines, x0, fw)
        if tags.get("rule"):
            self.need(2, "rule")
            self.op("line", x0, self.y + 1, x0 + fw, self.y + 1, 0.4, 0)
            self.y += 2
            return
        if tags.get("table"):
            return self.table(tags, lines, x, width, size)
        if tags.get("sig") and tags.get("two"):
            return self.sig2(tags, lines, size)
        if tags.get("sig"):
            return self.sig(tags, lines, size)
        box = tags.get("box")
        if box:
            start_y, idx = self.y, len(self.page.ops)
            self.y += 2.5
            x, width = x + 3, width - 6
        if tags.get("kv"):
            self.kv(tags, lines, x, width, size, style, gray)
        elif tags.get("label") is not None:
            self.labelled(tags, lines, x, width, size, style, gray)
        else:
            self.flow(tags, lines, x, width, size, style, gray)
        if box:
            self.y += 2.0
            self.need(0, "box end")
            self.page.ops.insert(idx, ("rect", x - 3, start_y, width + 6, self.y - start_y,
                                       int(tags.get("fill", 242)), 0.35))

    def items(self, lines, tags):
        """Group lines into (level, marker, text) paragraphs; 'PB' for page breaks."""
        out = []
        for ln in lines:
            if PB_RE.match(ln):
                out.append("PB")
                continue
            if tags.get("lines"):
                m = MARKER_RE.match(ln) if not tags.get("nomark") else None
                if m:
                    out.append([len(m.group(1)) // 2, m.group(2), m.group(3)])
                else:
                    out.append([0, None, ln.strip()])
                continue
            m = MARKER_RE.match(ln) if not tags.get("nomark") else None
            mp = re.match(r"^( *)\+ (.*)$", ln)
            if m:
                out.append([len(m.group(1)) // 2, m.group(2), m.group(3)])
            elif mp:
                out.append([len(mp.group(1)) // 2, "+", mp.group(2).strip()])
            elif out and out[-1] != "PB":
                out[-1][2] += " " + ln.strip()
            else:
                out.append([0, None, ln.strip()])
        return out

    def flow(self, tags, lines, x, width, size, style, gray):
        if tags.get("pre"):
            for ln in lines:
                if PB_RE.match(ln):
                    self.new_page()
                    continue
                lh = self.lh(size)
                self.need(lh, ln)
                self.op("text", x, self.y + size * PT * 0.78, ln.rstrip(), self.fam, style, size, gray)
                self.y += lh
            return
        hang = float(tags.get("hang", 6.5))
        pi = float(tags.get("pi", 0))
        first = True
        for it in self.items(lines, tags):
            if it == "PB":
                self.new_page()
                if self.columns > 1:
                    self.enter_columns(tags)
                    x0, fw = self.frame(tags)
                    x = x0 + float(tags.get("x", 0))
                    width = float(tags.get("w", fw - float(tags.get("x", 0))))
                first = True
                continue
            lvl, marker, text = it
            if not first and tags.get("psp"):
                self.y += float(tags["psp"])
            ix = x + lvl * hang
            if marker == "+":
                ix = x + (lvl + 1) * hang
                self.paragraph(text, ix, width - (ix - x), tags, style, size, gray=gray)
            elif marker is None:
                ix = x + lvl * hang + (hang if lvl else 0)
                self.paragraph(text, ix, width - (ix - x), tags, style, size,
                               first_indent=pi, gray=gray)
            else:
                self.paragraph(text, ix, width - (ix - x), tags, style, size,
                               marker=marker, hang=hang, gray=gray)
            first = False

    def kv(self, tags, lines, x, width, size, style, gray):
        tab = float(tags.get("tab", 28))
        for ln in lines:
            if PB_RE.match(ln):
                self.new_page()
                continue
            if " : " in ln:
                label, value = ln.split(" : ", 1)
            else:
                label, value = "", ln.strip()
            lh = self.lh(size)
            self.need(lh, ln)
            base = self.y + size * PT * 0.78
            if label:
                self.op("text", x, base, label.strip(), self.fam, style, size, gray)
                self.op("text", x + tab, base, ":", self.fam, style, size, gray)
            self.paragraph(value, x + tab + 3, width - tab - 3, {"left": True}, style, size, gray=gray)

    def labelled(self, tags, lines, x, width, size, style, gray):
        tab = float(tags.get("tab", 30))
        label = tags["label"]
        lh = self.lh(size)
        self.need(lh, label)
        base = self.y + size * PT * 0.78
        lstyle = "B" if tags.get("lb") else style
        self.op("text", x, base, label, self.fam, lstyle, size, gray)
        self.op("text", x + tab - 3.5, base, ":", self.fam, lstyle, size, gray)
        sub = dict(tags)
        sub.pop("label")
        sub.pop("x", None)
        sub.pop("w", None)
        self.flow(sub, lines, x + tab, width - tab, size, style, gray)

    def kop(self, tags, lines, x0, fw):
        size = float(tags.get("size", self.size))
        emblem = not tags.get("noemblem")
        start = self.y
        if emblem:
            self.op("shield", x0 + 2, self.y + 1, 19, 23)
        tx = x0 + (22 if emblem else 0)
        tw = fw - (22 if emblem else 0) * (2 if tags.get("sym") else 1)
        for i, ln in enumerate(lines):
            two = bool(tags.get("two"))
            sz = size + 3.5 if i == 0 else (size + 1.5 if i == 1 and two else size - 1.5)
            st = "B" if (i == 0 or (i == 1 and two)) else ""
            self.paragraph(ln, tx, tw, {"c": True}, st, sz)
        if emblem:
            self.y = max(self.y, start + 24)
        self.y += 1.2
        self.need(2, "kop rule")
        self.op("line", x0, self.y, x0 + fw, self.y, 0.9, 0)
        self.op("line", x0, self.y + 1.0, x0 + fw, self.y + 1.0, 0.3, 0)
        self.y += 2.5

    def sig(self, tags, lines, size):
        x0, fw = self.frame(tags)
        x = x0 + float(tags.get("x", 95))
        w = float(tags.get("w", x0 + fw - x))
        align = "l" if tags.get("left") else "c"
        for ln in lines:
            if PB_RE.match(ln):
                self.new_page()
                continue
            if ln.startswith("[ttd"):
                h = 19.0
                self.need(h, "ttd")
                self.op("ttd", x + w / 2, self.y + h / 2, "cap" in ln)
                self.y += h
                continue
            st = ""
            t = ln
            if t.startswith("**") and t.endswith("**"):
                st, t = "B", t[2:-2]
            self.paragraph(t, x, w, {}, st, size, align=align)

    def sig2(self, tags, lines, size):
        """Two signature blocks side by side (joint circular): `left || right` per line."""
        x0, fw = self.frame(tags)
        half = fw / 2
        for ln in lines:
            if PB_RE.match(ln):
                self.new_page()
                continue
            parts = ln.split("||")
            y0, ends = self.y, []
            for i, t in enumerate(parts[:2]):
                t = t.strip()
                self.y = y0
                x, w = x0 + i * half, half - 4
                if t.startswith("[ttd"):
                    h = 19.0
                    self.need(h, "ttd")
                    self.op("ttd", x + w / 2, self.y + h / 2, "cap" in t)
                    self.y += h
                elif t:
                    st = ""
                    if t.startswith("**") and t.endswith("**"):
                        st, t = "B", t[2:-2]
                    self.paragraph(t, x, w, {}, st, size, align="c")
                ends.append(self.y)
            self.y = max(ends)

    def table(self, tags, lines, x, width, size):
        widths = [float(v) for v in tags["cols"].split(",")]
        scale = width / sum(widths) if tags.get("fit") else 1.0
        widths = [w * scale for w in widths]
        pad = 1.4
        lh = self.lh(size) * 0.92
        asc = size * PT * 0.78
        rows = []
        for ln in lines:
            if PB_RE.match(ln):
                rows.append("PB")
            elif ln.startswith("  ") and rows and rows[-1] != "PB":
                # continuation of the previous row's cells (text appended per cell)
                extra = [c.strip() for c in ln.strip().split(" | ")]
                for i, c in enumerate(extra):
                    if c:
                        rows[-1][i] += "\n" + c
            else:
                rows.append([c.strip() for c in re.split(r" \|(?: |$)", ln)])
        header = rows[0]
        rows = [r if r == "PB" else r + [""] * (len(header) - len(r)) for r in rows]
        aligns = tags.get("align", "").split(",") if tags.get("align") else []

        def cell_lines(row, bold):
            out = []
            for i, c in enumerate(row):
                cl = []
                for part in c.split("\n"):
                    cl += [" ".join(l) for l in self.wrap(part.split(), widths[i] - 2 * pad,
                                                         self.fam, "B" if bold else "", size)] or [""]
                out.append(cl)
            return out

        def emit(row, bold):
            cls = cell_lines(row, bold)
            n = max(len(c) for c in cls)
            h = n * lh + 2 * pad
            self.need(h, " ".join(row))
            if bold:
                self.op("rect", x, self.y, sum(widths), h, 225, 0)
            cx = x
            for i, cl in enumerate(cls):
                al = aligns[i] if i < len(aligns) else "l"
                if bold:
                    al = "c"
                for k, t in enumerate(cl):
                    if not t:
                        continue
                    tw = measure(t, self.fam, "B" if bold else "", size)
                    tx = cx + pad
                    if al == "c":
                        tx = cx + (widths[i] - tw) / 2
                    self.op("text", tx, self.y + pad + asc + k * lh, t, self.fam,
                            "B" if bold else "", size, 0)
                self.op("rect", cx, self.y, widths[i], h, None, 0.25)
                cx += widths[i]
            self.y += h

        emit(header, True)
        for r in rows[1:]:
            if r == "PB":
                self.new_page()
                self.enter_columns(tags)
                if tags.get("repeat"):
                    emit(header, True)
                continue
            emit(r, bool(tags.get("boldrows")) and False)

    # ---- page furniture
    def furniture(self):
        N = len(self.pages)
        for n, pg in enumerate(self.pages, 1):
            ops = []
            fmt = lambda s: s.replace("{n}", str(n)).replace("{N}", str(N))
            if self.s.get("bandtop"):
                ops.append(("rect", 0, 0, self.pw, 15, 55, 0))
                left, _, right = self.s["bandtop"].partition("||")
                ops.append(("text", self.ml, 9.7, fmt(left.strip()), "sans", "B", 10.5, 255))
                if right:
                    r = fmt(right.strip())
                    ops.append(("text", self.pw - self.mr - measure(r, "sans", "", 8.5), 9.5,
                                r, "sans", "", 8.5, 255))
            if self.s.get("bandbottom"):
                ops.append(("rect", 0, self.ph - 18, self.pw, 11, 55, 0))
                t = fmt(self.s["bandbottom"])
                ops.append(("text", (self.pw - measure(t, "sans", "", 7.5)) / 2, self.ph - 11.3,
                            t, "sans", "", 7.5, 255))
            if self.s.get("runhead") and n > 1:
                t = fmt(self.s["runhead"])
                ops.append(("text", self.pw - self.mr - measure(t, self.fam, "I", 8), 12, t,
                            self.fam, "I", 8, 60))
            if self.s.get("faxhead"):
                t = fmt(self.s["faxhead"])
                ops.append(("text", 8, 6.5, t, "mono", "", 7.5, 0))
            if self.s.get("foot"):
                t = fmt(self.s["foot"])
                ops.append(("text", (self.pw - measure(t, self.fam, "", 8)) / 2,
                            self.ph - self.mb + 8, t, self.fam, "", 8, 40))
            ops.append(("text", (self.pw - measure(SOURCE_LINE, "sans", "", 7)) / 2,
                        self.ph - 4.5, SOURCE_LINE, "sans", "", 7, 60))
            pg.ops = ops + pg.ops


def layout(settings, blocks, name):
    L = Layout(settings, name)
    for b in blocks:
        if b == "PB":
            L.new_page()
            continue
        L.block(*b)
    L.furniture()
    return L


# ----------------------------------------------------------------------------- drawing
def scribble_points(cx, cy, rng, scale=1.0):
    pts = []
    n = 26
    x = cx - 14 * scale
    for i in range(n):
        t = i / (n - 1)
        x = cx - 14 * scale + 28 * scale * t + rng.uniform(-1.2, 1.2) * scale
        y = cy + math.sin(t * 9.5 + rng.uniform(-0.3, 0.3)) * 4.2 * scale * (1 - 0.5 * t) \
            + rng.uniform(-0.8, 0.8) * scale
        pts.append((x, y))
    pts.append((cx + 16 * scale, cy - 5 * scale))
    return pts


def shield_points(x, y, w, h):
    return [(x, y), (x + w, y), (x + w, y + h * 0.62), (x + w / 2, y + h),
            (x, y + h * 0.62)]


class PdfOut:
    def __init__(self, settings):
        pdf = FPDF(unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.set_margins(0, 0, 0)
        pdf.set_creation_date(FIXED_DATE)
        pdf.set_title(settings.get("title", ""))
        pdf.set_author(settings.get("author", ""))
        pdf.set_creator(settings.get("creator", "Microsoft® Word 2016"))
        pdf.set_producer(settings.get("producer", "Microsoft® Word 2016"))
        for (fam, st), fn in FONT_FILES.items():
            pdf.add_font(fam, st, str(FONT_DIR / fn))
        self.pdf = pdf

    def text_page(self, page, rng):
        pdf = self.pdf
        pdf.add_page(format=(page.w, page.h))
        for op in page.ops:
            kind = op[0]
            if kind == "text":
                _, x, y, s, fam, st, size, gray = op
                pdf.set_font(fam, st, size)
                pdf.set_text_color(gray)
                pdf.text(x, y, s)
            elif kind == "line":
                _, x1, y1, x2, y2, w, gray = op
                pdf.set_draw_color(gray)
                pdf.set_line_width(w)
                pdf.line(x1, y1, x2, y2)
            elif kind == "rect":
                _, x, y, w, h, fill, lw = op
                if fill is not None:
                    pdf.set_fill_color(fill)
                    pdf.set_draw_color(fill)
                    pdf.set_line_width(0.1)
                    pdf.rect(x, y, w, h, style="F")
                if lw:
                    pdf.set_draw_color(0)
                    pdf.set_line_width(lw)
                    pdf.rect(x, y, w, h, style="D")
            elif kind == "shield":
                _, x, y, w, h = op
                pdf.set_draw_color(0)
                pdf.set_line_width(0.5)
                pdf.polygon(shield_points(x, y, w, h), style="D")
                pdf.polygon(shield_points(x + 2, y + 2, w - 4, h - 4.5), style="D")
                pdf.circle(x + w / 2, y + h * 0.42, 3.2, style="D")
            elif kind == "ttd":
                _, cx, cy, cap = op
                pdf.set_draw_color(20, 30, 110)
                pdf.set_line_width(0.45)
                pdf.polyline(scribble_points(cx, cy, rng), style="D")
                pdf.set_draw_color(0)

    def image_page(self, img, w_mm, h_mm):
        self.pdf.add_page(format=(w_mm, h_mm))
        self.pdf.image(img, x=0, y=0, w=w_mm, h=h_mm)

    def save(self, path):
        self.pdf.output(str(path))


_FONT_CACHE = {}


def pil_font(fam, st, px):
    key = (fam, st, px)
    if key not in _FONT_CACHE:
        _FONT_CACHE[key] = ImageFont.truetype(str(FONT_DIR / FONT_FILES[(fam, st)]), px,
                                              layout_engine=ImageFont.Layout.BASIC)
    return _FONT_CACHE[key]


def render_image(page, dpi, rng, ink=0, stamp_ink=70, mode="L"):
    k = dpi / 25.4
    W, H = int(round(page.w * k)), int(round(page.h * k))
    bg = 255 if mode == "L" else (255, 255, 255)
    img = Image.new(mode, (W, H), bg)
    d = ImageDraw.Draw(img)

    def col(g):
        return g if mode == "L" else (g, g, g)

    for op in page.ops:
        kind = op[0]
        if kind == "text":
            _, x, y, s, fam, st, size, gray = op
            px = max(6, int(round(size * dpi / 72)))
            g = min(255, max(ink, gray)) if gray < 200 else gray
            d.text((x * k, y * k), s, font=pil_font(fam, st, px), fill=col(g), anchor="ls")
        elif kind == "line":
            _, x1, y1, x2, y2, w, gray = op
            d.line([(x1 * k, y1 * k), (x2 * k, y2 * k)], fill=col(max(ink, gray)),
                   width=max(1, int(round(w * k))))
        elif kind == "rect":
            _, x, y, w, h, fill, lw = op
            box = [x * k, y * k, (x + w) * k, (y + h) * k]
            if fill is not None:
                d.rectangle(box, fill=col(fill))
            if lw:
                d.rectangle(box, outline=col(ink), width=max(1, int(round(lw * k))))
        elif kind == "shield":
            _, x, y, w, h = op
            d.polygon([(a * k, b * k) for a, b in shield_points(x, y, w, h)], outline=col(ink),
                      width=max(1, int(0.5 * k)))
            d.polygon([(a * k, b * k) for a, b in shield_points(x + 2, y + 2, w - 4, h - 4.5)],
                      outline=col(ink), width=max(1, int(0.4 * k)))
            r = 3.2 * k
            cx, cy = (x + w / 2) * k, (y + h * 0.42) * k
            d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=col(ink), width=max(1, int(0.4 * k)))
        elif kind == "ttd":
            _, cx, cy, cap = op
            if cap:
                sx, sy = cx - 19, cy - 1
                r1, r2 = 15 * k, 11.5 * k
                sc = col(stamp_ink) if mode == "L" else (60, 70, 160)
                d.ellipse([sx * k - r1, sy * k - r1, sx * k + r1, sy * k + r1], outline=sc,
                          width=max(1, int(0.6 * k)))
                d.ellipse([sx * k - r2, sy * k - r2, sx * k + r2, sy * k + r2], outline=sc,
                          width=max(1, int(0.35 * k)))
                f = pil_font("sans", "B", max(6, int(5.5 * dpi / 72)))
                for j, t in enumerate(("★", "CAP", "DINAS")):
                    d.text((sx * k, sy * k + (j - 1) * 2.6 * k), t, font=f, fill=sc, anchor="mm")
            pc = col(25) if mode == "L" else (25, 35, 120)
            pts = [(a * k, b * k) for a, b in scribble_points(cx, cy, rng)]
            d.line(pts, fill=pc, width=max(1, int(0.5 * k)), joint="curve")
    return img


# ----------------------------------------------------------------------------- effects
def to_np(img):
    return np.asarray(img, dtype=np.float32)


def from_np(a, mode="L"):
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), mode)


def scan_look(img, rng, angle=0.0, blur=0.6, noise=6.0, paper=246, specks=60, shadow=0.0):
    """Grey flat-bed scan: paper tone, noise, dust, a small skew, an edge shadow."""
    img = img.filter(ImageFilter.GaussianBlur(blur))
    a = to_np(img)
    a = paper - (255 - a) * (paper - 18) / 255.0
    h, w = a.shape
    if shadow:
        xs = np.linspace(0, 1, w)[None, :]
        a = a * (1 - shadow * np.exp(-xs / 0.035))
    a += rng.normal(0, noise, a.shape)
    for _ in range(specks):
        y, x = int(rng.integers(0, h)), int(rng.integers(0, w))
        r = int(rng.integers(1, 3))
        a[max(0, y - r):y + r, max(0, x - r):x + r] *= rng.uniform(0.2, 0.7)
    out = from_np(a)
    if angle:
        out = out.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=paper)
    return out


def fax_look(img, rng, angle=0.0):
    """1-bit fax: jagged edges from a noisy threshold, speckle, dropped scan lines."""
    img = img.filter(ImageFilter.GaussianBlur(0.55))
    if angle:
        img = img.rotate(angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    a = to_np(img)
    h, w = a.shape
    a += rng.normal(0, 26, a.shape)
    bw = a > 150
    # speckle: isolated black pixels and small clumps
    n = int(h * w * 0.0009)
    ys, xs = rng.integers(0, h, n), rng.integers(0, w, n)
    bw[ys, xs] = False
    for _ in range(140):
        y, x = int(rng.integers(0, h - 3)), int(rng.integers(0, w - 3))
        bw[y:y + int(rng.integers(1, 3)), x:x + int(rng.integers(1, 4))] = False
    # a few dropped (white) and smeared (grey-black) scan lines
    for _ in range(4):
        y = int(rng.integers(80, h - 80))
        bw[y, :] = True
    for _ in range(2):
        y = int(rng.integers(80, h - 80))
        seg = rng.random(w) < 0.25
        bw[y, seg] = False
    return Image.fromarray((bw * 255).astype(np.uint8), "L").convert("1", dither=Image.Dither.NONE)


def perspective_coeffs(dst, src):
    """Coefficients for Image.transform(PERSPECTIVE): maps output points dst to input src."""
    A, B = [], []
    for (x, y), (u, v) in zip(dst, src):
        A.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        A.append([0, 0, 0, x, y, 1, -v * x, -v * y])
        B += [u, v]
    return np.linalg.solve(np.array(A, float), np.array(B, float)).tolist()


def photo_look(page_img, rng):
    """Phone photo of a sheet pinned on a board: trapezoid warp, gradient shadow, blur, JPEG."""
    page = page_img.convert("RGB")
    pw, ph = page.size
    W, H = 2080, 2780
    # background: a cork-like board
    base = np.zeros((H, W, 3), np.float32)
    base[..., 0], base[..., 1], base[..., 2] = 168, 132, 92
    base += rng.normal(0, 14, (H, W, 1))
    board = from_np(base, "RGB").filter(ImageFilter.GaussianBlur(1.4))
    # where the page corners land (top edge narrower: the phone is held below the sheet)
    dst = [(300, 210), (1790, 250), (1965, 2640), (110, 2585)]
    src = [(0, 0), (pw, 0), (pw, ph), (0, ph)]
    coeffs = perspective_coeffs(dst, src)
    warped = page.transform((W, H), Image.PERSPECTIVE, coeffs, Image.BICUBIC,
                            fillcolor=(0, 0, 0))
    mask = Image.new("L", (pw, ph), 255).transform((W, H), Image.PERSPECTIVE, coeffs,
                                                   Image.BICUBIC, fillcolor=0)
    # a soft drop shadow of the sheet on the board
    shadow = mask.filter(ImageFilter.GaussianBlur(18))
    sh = to_np(shadow)[..., None] / 255.0
    b = to_np(board) * (1 - 0.35 * np.roll(np.roll(sh, 14, 0), 18, 1))
    out = from_np(b, "RGB")
    out.paste(warped, (0, 0), mask)
    a = to_np(out)
    # uneven light: a diagonal gradient shadow (hand/phone) and a warm tint
    yy, xx = np.mgrid[0:H, 0:W].astype(np.float32)
    g = (xx / W * 0.55 + yy / H * 0.45)
    light = 0.5 + 0.5 * np.clip((g - 0.05) / 0.75, 0, 1) ** 0.8
    blob = np.exp(-(((xx - 0.78 * W) / (0.35 * W)) ** 2 + ((yy - 0.25 * H) / (0.3 * H)) ** 2))
    hand = np.exp(-(((xx - 0.15 * W) / (0.28 * W)) ** 2 + ((yy - 0.9 * H) / (0.22 * H)) ** 2))
    light = light * (1 + 0.1 * blob) * (1 - 0.38 * hand)
    a = a * light[..., None]
    a[..., 0] *= 1.02
    a[..., 2] *= 0.93
    a += rng.normal(0, 6.5, a.shape)
    out = from_np(a, "RGB")
    d = ImageDraw.Draw(out)
    for (px, py), colr in (((340, 250), (190, 30, 35)), ((1750, 290), (30, 90, 170))):
        d.ellipse([px - 22, py - 22, px + 22, py + 22], fill=colr)
        d.ellipse([px - 8, py - 12, px + 2, py - 4], fill=(235, 235, 235))
    out = out.filter(ImageFilter.GaussianBlur(0.9))
    return out


# ----------------------------------------------------------------------------- outputs
def jpeg_bytes(img, q):
    buf = io.BytesIO()
    img.save(buf, "JPEG", quality=q, optimize=True, subsampling=0 if img.mode == "RGB" else None) \
        if img.mode == "RGB" else img.save(buf, "JPEG", quality=q, optimize=True)
    buf.seek(0)
    return buf


def build(src_path):
    text = src_path.read_text(encoding="utf-8")
    if text.startswith("%copy:"):
        first, _, rest = text.partition("\n")
        name = first.split(":", 1)[1].strip()
        (OUT / name).write_text(rest, encoding="utf-8")
        return name
    settings, blocks = parse_source(text)
    name = settings["output"]
    L = layout(settings, blocks, name)
    rng = np.random.default_rng(int(settings.get("seed", 1)))
    import random as _r
    prng = _r.Random(int(settings.get("seed", 1)))
    render = settings["render"]
    dpi = int(settings.get("dpi", 200))
    out = OUT / name
    if render == "textpdf":
        P = PdfOut(settings)
        for pg in L.pages:
            P.text_page(pg, prng)
        P.save(out)
    elif render == "mixed":
        P = PdfOut(settings)
        imgpages = {int(v) for v in settings.get("imagepages", "").split(",") if v}
        for n, pg in enumerate(L.pages, 1):
            if n in imgpages:
                img = render_image(pg, dpi, prng)
                img = scan_look(img, rng, angle=-0.8, blur=0.7, noise=7, specks=90, shadow=0.25)
                P.image_page(jpeg_bytes(img, 55), pg.w, pg.h)
            else:
                P.text_page(pg, prng)
        P.save(out)
    elif render == "scanpdf":
        P = PdfOut(settings)
        rot = {}
        for spec in settings.get("rotate", "").split(","):
            if spec:
                p, d = spec.split(":")
                rot[int(p)] = int(d)
        angles = [float(v) for v in settings.get("skew", "0.4,-0.6").split(",")]
        blur = float(settings.get("blur", 0.65)) * dpi / 200.0
        q = int(settings.get("jpeg", 60))
        for n, pg in enumerate(L.pages, 1):
            img = render_image(pg, dpi, prng, stamp_ink=90)
            img = scan_look(img, rng, angle=angles[(n - 1) % len(angles)], blur=blur, noise=7,
                            specks=int(70 * (dpi / 200.0) ** 2), shadow=0.2 if n == 1 else 0.0)
            if n in rot:
                img = img.rotate(rot[n], expand=True)
                P.image_page(jpeg_bytes(img, q), pg.h, pg.w)
            else:
                P.image_page(jpeg_bytes(img, q), pg.w, pg.h)
        P.save(out)
    elif render == "fax":
        P = PdfOut(settings)
        angles = [float(v) for v in settings.get("skew", "0.5,-0.35").split(",")]
        for n, pg in enumerate(L.pages, 1):
            img = render_image(pg, dpi, prng, stamp_ink=0)
            img = fax_look(img, rng, angle=angles[(n - 1) % len(angles)])
            P.image_page(img, pg.w, pg.h)
        P.save(out)
    elif render == "tiff":
        imgs = []
        angles = [float(v) for v in settings.get("skew", "0.3,-0.5,0.6").split(",")]
        for n, pg in enumerate(L.pages, 1):
            img = render_image(pg, dpi, prng, stamp_ink=100)
            img = scan_look(img, rng, angle=angles[(n - 1) % len(angles)], blur=0.5, noise=5,
                            specks=40, paper=250)
            imgs.append(img)
        imgs[0].save(out, save_all=True, append_images=imgs[1:], compression="jpeg",
                     quality=62, dpi=(dpi, dpi))
    elif render == "photo":
        assert len(L.pages) == 1
        img = render_image(L.pages[0], dpi, prng, mode="RGB")
        img = photo_look(img, rng)
        img.save(out, "JPEG", quality=80, optimize=True)
    else:
        raise SystemExit(f"unknown render {render}")
    return name


def main(argv):
    OUT.mkdir(exist_ok=True)
    sel = [a for a in argv if not a.startswith("-")]
    for p in sorted(SRC.glob("*.txt")):
        if sel and not any(p.name.startswith(s) for s in sel):
            continue
        name = build(p)
        print(f"{name:60s} {(OUT / name).stat().st_size:>9,d} bytes")



if __name__ == "__main__":
    sys.exit("run a set's own make.py: bench/heldout7/make.py, bench/heldout8/make.py or bench/heldout9/make.py")


def run(here: Path, argv: list[str]) -> None:
    """Build the set in folder `here` (its src/ into its docs/), the SOURCE line naming that set."""
    global HERE, SRC, OUT, SOURCE_LINE
    HERE, SRC, OUT = here, here / "src", here / "docs"
    SOURCE_LINE = f"SOURCE: himpun-{here.name} (written for evaluation)"
    main(argv)
