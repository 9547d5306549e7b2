#!/usr/bin/env python3
"""Regenerate every file in bench/heldout6/docs/ from the texts in bench/heldout6/src/.

    /work/main/.venv/bin/python bench/heldout6/make.py            # build all
    /work/main/.venv/bin/python bench/heldout6/make.py --report   # also print page ends
    /work/main/.venv/bin/python bench/heldout6/make.py --auto 002 # layout debugging: break
                                  # full pages instead of failing, and say where (one doc)

Deterministic: every random choice uses a fixed seed, PDF creation dates are fixed, and
the scans are rendered by Pillow from the same source text as the PDFs.

Source markup (src/*.txt whose first line is `%output: ...`; other src files are copied
verbatim, `.txt` as text and those with a doctype as `.html`):
  %key: value          settings at the top (font, size, margins, header/footer, ...)
  blank line           separates blocks
  [tag tag=v ...]      optional first line of a block: c / r / b / i / left / size= / sp=
                       (space before, mm) / x= (indent, mm) / parindent= / lines (one
                       paragraph per line) / kv (Label : value) / sig (signature block) /
                       kop (letterhead + rule) / label=Menimbang tab= / table / fn
                       (footnote) / full (full width in a two-column page) / box /
                       colbreak / note (handwritten margin note, scans only)
  === halaman N ===    page break; inside a paragraph it marks the line where the page
                       ends (the build fails if it does not fall at a line end)
  1. a. 1) (1) – -     list markers at a line start open a list item; two leading spaces
                       per nesting level; `+ ` opens an unmarked paragraph at that level
  [ttd]                signature space inside a sig block ([ttd materai]: with a duty
                       stamp); scans draw a scribble and a round stamp there
"""
from __future__ import annotations

import datetime as _dt
import io
import math
import random
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from fpdf import FPDF
from fpdf.fonts import FontFace
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
}
PT = 0.352778  # mm per point
PAGE_W, PAGE_H = 210.0, 297.0
PB = "\x00PAGEBREAK"
PB_RE = re.compile(r"^\s*=== halaman \d+ ===\s*$")
MARKER_RE = re.compile(r"^(\s*)((?:\d{1,2}|[a-z])[.)]|\(\d{1,2}\)|[–•-])\s+(.*)$")
PLUS_RE = re.compile(r"^(\s*)\+\s+(.*)$")
FIXED_DATE = _dt.datetime(2024, 9, 30, 9, 0, 0, tzinfo=_dt.timezone.utc)
REPORT = "--report" in sys.argv
AUTO = "--auto" in sys.argv  # layout debugging: break pages where they fill up and say where


class LayoutError(Exception):
    pass


# --------------------------------------------------------------------------- parsing
@dataclass
class Block:
    tags: dict
    lines: list


def parse_tags(s: str) -> dict:
    tags = {}
    for tok in s.split():
        if "=" in tok:
            k, v = tok.split("=", 1)
            tags[k] = v
        else:
            tags[tok] = True
    return tags


def parse_source(path: Path):
    raw = path.read_text(encoding="utf-8").split("\n")
    settings, i = {}, 0
    while i < len(raw) and raw[i].startswith("%"):
        k, _, v = raw[i][1:].partition(":")
        settings[k.strip()] = v.strip()
        i += 1
    items, chunk = [], []

    def flush():
        if not chunk:
            return
        if len(chunk) == 1 and PB_RE.match(chunk[0]):
            items.append(PB)
        else:
            tags = {}
            m = re.match(r"^\[([^\]]*)\]\s*$", chunk[0])
            lines = chunk
            if m and not chunk[0].startswith("[ttd"):
                tags = parse_tags(m.group(1))
                lines = chunk[1:]
            items.append(Block(tags, [PB if PB_RE.match(x) else x for x in lines]))
        chunk.clear()

    for line in raw[i:]:
        if line.strip() == "":
            flush()
        else:
            chunk.append(line.rstrip())
    flush()
    return settings, items


# --------------------------------------------------------------------------- hyphenation
VOWELS = set("aeiou")


def hyphen_points(word: str):
    """Syllable boundaries of a lower-case Indonesian word (simple rules)."""
    units, i = [], 0
    while i < len(word):
        if word[i : i + 2] in ("ng", "ny", "sy", "kh"):
            units.append(word[i : i + 2])
            i += 2
        else:
            units.append(word[i])
            i += 1
    vidx = [k for k, u in enumerate(units) if u in VOWELS]
    pts = []
    for a, b in zip(vidx, vidx[1:]):
        ncons = b - a - 1
        if ncons == 0:
            continue
        cut = a + 1 if ncons == 1 else a + 2
        pos = sum(len(u) for u in units[:cut])
        if pos >= 3 and len(word) - pos >= 3:
            pts.append(pos)
    return pts


def split_candidates(token: str):
    m = re.match(r"^([(“\"']?)([a-z]+)([,.;:)”\"']*)$", token)
    if not m or len(m.group(2)) < 8:
        return []
    pre, core, post = m.groups()
    return [(pre + core[:p] + "-", core[p:] + post) for p in reversed(hyphen_points(core))]


# --------------------------------------------------------------------------- canvases
class PdfCanvas:
    def __init__(self, title, author):
        pdf = FPDF(unit="mm", format="A4")
        pdf.set_auto_page_break(False)
        pdf.set_margins(0, 0, 0)
        pdf.set_creation_date(FIXED_DATE)
        pdf.set_title(title)
        pdf.set_author(author)
        pdf.set_creator("Microsoft Word")
        pdf.set_producer("Microsoft: Print To PDF")
        for (fam, st), fn in FONT_FILES.items():
            pdf.add_font(fam, st, str(FONT_DIR / fn))
        self.pdf = pdf
        self.page = 0
        self._font = None

    def new_page(self):
        self.pdf.add_page()
        self.page += 1

    def _set(self, fam, style, size, gray=0):
        key = (fam, style, size)
        if key != self._font:
            self.pdf.set_font(fam, style, size)
            self._font = key
        self.pdf.set_text_color(gray)

    def width(self, s, fam, style, size):
        self._set(fam, style, size)
        return self.pdf.get_string_width(s)

    def text(self, x, y, s, fam, style, size, gray=0):
        self._set(fam, style, size, gray)
        self.pdf.text(x, y, s)

    def line(self, x1, y1, x2, y2, w, gray=0):
        self.pdf.set_draw_color(gray)
        self.pdf.set_line_width(w)
        self.pdf.line(x1, y1, x2, y2)

    def rect(self, x, y, w, h, lw, gray=0, fill=None):
        self.pdf.set_draw_color(gray)
        self.pdf.set_line_width(lw)
        if fill is not None:
            self.pdf.set_fill_color(fill)
            self.pdf.rect(x, y, w, h, style="DF")
        else:
            self.pdf.rect(x, y, w, h)

    def table(self, x, y, widths, rows, fam, size, aligns):
        pdf = self.pdf
        self._font = None
        pdf.set_font(fam, "", size)
        pdf.set_text_color(0)
        pdf.set_draw_color(0)
        pdf.set_line_width(0.25)
        pdf.set_left_margin(x)
        pdf.set_xy(x, y)
        with pdf.table(
            width=sum(widths),
            col_widths=widths,
            text_align=aligns,
            line_height=size * PT * 1.3,
            align="LEFT",
            padding=1.3,
            v_align="TOP",
            first_row_as_headings=True,
            headings_style=FontFace(emphasis="BOLD", fill_color=225),
        ) as t:
            for row in rows:
                r = t.row()
                for c in row:
                    r.cell(c)
        pdf.set_left_margin(0)
        self._font = None
        return pdf.y

    def output(self, path):
        self.pdf.output(str(path))


class ImageCanvas:
    def __init__(self, dpi):
        self.dpi = dpi
        self.ppm = dpi / 25.4
        self.pages = []
        self.page = 0
        self.fonts = {}
        self.marks = []  # (page, kind, x, y, extra)

    def new_page(self):
        w, h = round(PAGE_W * self.ppm), round(PAGE_H * self.ppm)
        self.pages.append(Image.new("L", (w, h), 255))
        self.draw = ImageDraw.Draw(self.pages[-1])
        self.page += 1

    def font(self, fam, style, size):
        key = (fam, style, size)
        if key not in self.fonts:
            px = max(6, round(size / 72 * self.dpi))
            self.fonts[key] = ImageFont.truetype(str(FONT_DIR / FONT_FILES[(fam, style)]), px)
        return self.fonts[key]

    def width(self, s, fam, style, size):
        return self.font(fam, style, size).getlength(s) / self.ppm

    def text(self, x, y, s, fam, style, size, gray=0):
        self.draw.text((x * self.ppm, y * self.ppm), s, font=self.font(fam, style, size), fill=gray, anchor="ls")

    def line(self, x1, y1, x2, y2, w, gray=0):
        self.draw.line(
            [(x1 * self.ppm, y1 * self.ppm), (x2 * self.ppm, y2 * self.ppm)],
            fill=gray,
            width=max(1, round(w * self.ppm)),
        )

    def rect(self, x, y, w, h, lw, gray=0, fill=None):
        self.draw.rectangle(
            [x * self.ppm, y * self.ppm, (x + w) * self.ppm, (y + h) * self.ppm],
            outline=gray,
            width=max(1, round(lw * self.ppm)),
            fill=fill,
        )

    def table(self, *a, **k):
        raise LayoutError("tables are only drawn in PDFs with a text layer")


# --------------------------------------------------------------------------- layout
@dataclass
class Para:
    tokens: list  # (text, orig_index) ; PB markers removed
    pb_after: list  # orig indexes after which a page break is requested
    style: str = ""
    size: float = 11
    align: str = "J"
    x: float = 0.0  # indent of the text (mm from frame left)
    first_extra: float = 0.0  # parindent
    marker: str | None = None
    marker_x: float = 0.0
    label: str | None = None
    label_tab: float = 0.0
    kv_label: str | None = None
    kv_tab: float = 0.0


def tokenize(text):
    words = text.split()
    out, i = [], 0
    while i < len(words):
        w = words[i]
        if (
            i + 2 < len(words)
            and words[i + 1] in ("Tahun", "Th.", "TAHUN")
            and re.search(r"\d", w)
            and re.match(r"^\d{4}", words[i + 2])
        ):
            out.append(f"{w} {words[i + 1]} {words[i + 2]}")
            i += 3
        else:
            out.append(w)
            i += 1
    return out


class Layout:
    def __init__(self, settings, canvas, nb):
        s = settings
        self.s = s
        self.c = canvas
        self.nb = nb
        self.fam = s.get("font", "serif")
        self.size = float(s.get("size", 11))
        self.leading = float(s.get("leading", 1.3))
        ml, mt, mr, mb = (float(v) for v in s.get("margins", "25 20 20 20").split())
        self.ml, self.mt, self.mr, self.mb = ml, mt, mr, mb
        self.text_w = PAGE_W - ml - mr
        self.parskip = float(s.get("parskip", 1.5))
        self.hyph = s.get("hyphenate", "no") == "yes"
        self.ncols = int(s.get("columns", "1"))
        self.gutter = float(s.get("gutter", 6))
        self.sig_x = float(s.get("sig_x", 100))
        self.list_ind = float(s.get("listindent", 7))
        self.report = []
        self.ttd = []  # (page, x_center, y_top, kind)
        self.notes = []

    # ---- pages and frames
    def frame(self):
        if self.ncols == 1:
            return self.ml, self.text_w
        cw = (self.text_w - self.gutter * (self.ncols - 1)) / self.ncols
        return self.ml + self.col * (cw + self.gutter), cw

    def new_page(self):
        self.c.new_page()
        self.page = self.c.page
        self.y = self.mt
        self.col = 0
        self.col_top = self.mt
        self.bottom = PAGE_H - self.mb
        self.fn_used = False
        self.decorate()

    def decorate(self):
        s, c, n = self.s, self.c, self.page
        fam = self.fam
        if "header" in s and n >= int(s.get("header_from", 1)):
            t = s["header"]
            w = c.width(t, fam, "I", 8.5)
            c.text(self.ml + (self.text_w - w) / 2, self.mt - 6.5, t, fam, "I", 8.5, gray=60)
            c.line(self.ml, self.mt - 4.8, self.ml + self.text_w, self.mt - 4.8, 0.2, gray=80)
        if "runhead" in s:
            left, _, right = s["runhead"].partition("|")
            right = right.replace("{n}", str(n))
            c.text(self.ml, self.mt - 5, left, fam, "B", 8, gray=40)
            w = c.width(right, fam, "B", 8)
            c.text(self.ml + self.text_w - w, self.mt - 5, right, fam, "B", 8, gray=40)
            c.line(self.ml, self.mt - 3.5, self.ml + self.text_w, self.mt - 3.5, 0.3, gray=40)
        if "pagenum_top_from" in s and n >= int(s["pagenum_top_from"]):
            t = f"- {n} -"
            w = c.width(t, fam, "", self.size)
            c.text(self.ml + (self.text_w - w) / 2, self.mt - 6, t, fam, "", self.size)
        fy = PAGE_H - self.mb + 9
        if "footer" in s:
            t = s["footer"].replace("{n}", str(n)).replace("{nb}", str(self.nb))
            w = c.width(t, fam, "", 9)
            c.text(self.ml + (self.text_w - w) / 2, fy, t, fam, "", 9, gray=30)
        if "footer_left" in s or "footer_right" in s:
            c.line(self.ml, fy - 4, self.ml + self.text_w, fy - 4, 0.2, gray=90)
            if "footer_left" in s:
                c.text(self.ml, fy, s["footer_left"], fam, "I", 8, gray=60)
            if "footer_right" in s:
                t = s["footer_right"].replace("{n}", str(n))
                w = c.width(t, fam, "", 9)
                c.text(self.ml + self.text_w - w, fy, t, fam, "", 9, gray=30)
        if "source" in s:
            t = s["source"]
            w = c.width(t, "sans", "", 6.5)
            c.text((PAGE_W - w) / 2, PAGE_H - 5.5, t, "sans", "", 6.5, gray=110)

    def lh(self, size):
        return size * PT * self.leading

    def need(self, h):
        """Make room for h mm in the current frame (column break allowed, page break not)."""
        if self.y + h <= self.bottom + 0.01:
            return
        if self.ncols > 1 and self.col < self.ncols - 1:
            self.col += 1
            self.y = self.col_top
            return
        if AUTO:
            print(f"   [auto] page {self.page} full after: {getattr(self, 'last_line_text', '')!r}")
            self.auto_broke = True
            self.new_page()
            return
        raise LayoutError(f"page {self.page} overflows; add a page marker earlier")

    # ---- line breaking
    def break_lines(self, p: Para, width):
        fam, st, size = self.fam, p.style, p.size
        c = self.c
        space = c.width(" ", fam, st, size)
        queue = [(t, i, False) for t, i in p.tokens]
        lines, cur, curw = [], [], 0.0
        avail = width - p.x - p.first_extra
        while queue:
            tok, idx, pre = queue.pop(0)
            w = c.width(tok, fam, st, size)
            add = w if not cur else space + w
            if curw + add <= avail + 0.01:
                cur.append((tok, idx, pre))
                curw += add
                continue
            placed = False
            if self.hyph and p.align == "J" and cur:
                for a, b in split_candidates(tok):
                    wa = c.width(a, fam, st, size)
                    if curw + space + wa <= avail + 0.01:
                        cur.append((a, idx, True))
                        queue.insert(0, (b, idx, False))
                        placed = True
                        break
            if not cur:
                cur.append((tok, idx, pre))  # over-long token
                placed = True
            lines.append((cur, avail, False))
            cur, curw = [], 0.0
            avail = width - p.x
            if not placed:
                queue.insert(0, (tok, idx, pre))
        if cur:
            lines.append((cur, avail, True))
        return lines

    def draw_line(self, p, toks, avail, last, x0, base):
        c, fam, st, size = self.c, self.fam, p.style, p.size
        widths = [c.width(t, fam, st, size) for t, _, _ in toks]
        space = c.width(" ", fam, st, size)
        natural = sum(widths) + space * (len(toks) - 1)
        gap = space
        x = x0
        if p.align == "J" and not last and len(toks) > 1:
            gap = (avail - sum(widths)) / (len(toks) - 1)
        elif p.align == "C":
            x = x0 + (avail - natural) / 2
        elif p.align == "R":
            x = x0 + avail - natural
        for k, ((t, _, _), w) in enumerate(zip(toks, widths)):
            s = t if k == len(toks) - 1 else t + " "
            c.text(x, base, s, fam, st, size)
            x += w + gap

    def place_para(self, p: Para, pb_pending: list):
        fx, fw = self.frame()
        lines = self.break_lines(p, fw)
        lh = self.lh(p.size)
        breaks = set(p.pb_after)
        for li, (toks, avail, last) in enumerate(lines):
            self.need(lh)
            fx, fw = self.frame()
            base = self.y + lh * 0.78
            x0 = fx + p.x + (p.first_extra if li == 0 else 0)
            if li == 0:
                if p.marker:
                    self.c.text(fx + p.marker_x, base, p.marker, self.fam, p.style, p.size)
                if p.label:
                    self.c.text(self.ml, base, p.label, self.fam, p.style, p.size)
                    self.c.text(self.ml + p.label_tab, base, ":", self.fam, p.style, p.size)
                if p.kv_label is not None:
                    self.c.text(fx + p.x - p.kv_tab - 3, base, p.kv_label, self.fam, p.style, p.size)
                    self.c.text(fx + p.x - 3, base, ":", self.fam, p.style, p.size)
            self.draw_line(p, toks, avail, last, x0, base)
            if AUTO and getattr(self, "auto_broke", False):
                print("      first line of new page:", " ".join(t for t, _, _ in toks))
                self.auto_broke = False
            self.y += lh
            self.last_line_text = " ".join(t for t, _, _ in toks)
            t_last, i_last, pre_last = toks[-1]
            hit = [b for b in breaks if b <= i_last]
            if hit and not last:
                if pre_last or i_last not in hit:
                    raise LayoutError(
                        f"page marker inside a line on page {self.page}: line ends with "
                        f"{' '.join(t for t, _, _ in toks[-4:])!r}"
                    )
                breaks -= set(hit)
                self.report.append((self.page, " ".join(t for t, _, _ in toks[-6:])))
                self.new_page()
        if breaks:
            if max(breaks) != lines[-1][0][-1][1]:
                raise LayoutError("page marker beyond the paragraph end")
            self.new_page()

    # ---- blocks
    def para_from(self, text_parts, tags, **kw):
        tokens, pb_after, idx = [], [], 0
        for part in text_parts:
            if part is PB:
                pb_after.append(idx - 1)
                continue
            for t in tokenize(part):
                tokens.append((t, idx))
                idx += 1
        style = ("B" if tags.get("b") else "") + ("I" if tags.get("i") else "")
        align = "C" if tags.get("c") else "R" if tags.get("r") else "L" if tags.get("left") else "J"
        return Para(tokens, pb_after, style=style, size=float(tags.get("size", self.size)), align=align, **kw)

    def block_paras(self, b: Block):
        tags = b.tags
        base_x = float(tags.get("x", 0)) + float(tags.get("indent", 0))
        if "label" in tags:
            base_x += float(tags.get("tab", 27)) + 3
        paras = []
        lines_mode = tags.get("lines") or tags.get("c") or tags.get("r")
        cur = None
        for line in b.lines:
            if line is PB:
                if cur is None:
                    raise LayoutError("page marker must follow text in a block")
                cur["parts"].append(PB)
                continue
            if line.startswith("[ttd"):
                paras.append({"space": 18.0})
                cur = None
                continue
            m = MARKER_RE.match(line)
            mp = PLUS_RE.match(line)
            if m and not tags.get("c"):
                lvl = len(m.group(1)) // 2
                cur = {"parts": [m.group(3)], "marker": m.group(2), "lvl": lvl}
                paras.append(cur)
            elif mp:
                cur = {"parts": [mp.group(2)], "marker": None, "lvl": len(mp.group(1)) // 2, "plus": True}
                paras.append(cur)
            elif cur is None or lines_mode:
                cur = {"parts": [line.strip()], "marker": None, "lvl": 0}
                paras.append(cur)
            else:
                cur["parts"].append(line.strip())
        out = []
        for k, d in enumerate(paras):
            if "space" in d:
                out.append(d["space"])
                continue
            p = self.para_from(d["parts"], tags)
            if lines_mode and not tags.get("c") and not tags.get("r"):
                p.align = "L"
            ind = self.list_ind
            if d["marker"]:
                mx = base_x + d["lvl"] * ind
                mw = self.c.width(d["marker"], self.fam, p.style, p.size)
                p.marker, p.marker_x = d["marker"], mx
                p.x = mx + max(ind, mw + 1.8)
            else:
                p.x = base_x + d["lvl"] * ind
                if k == 0 or not lines_mode:
                    p.first_extra = float(tags.get("parindent", 0)) if not d.get("plus") else 0
            if "label" in tags and k == 0:
                p.label, p.label_tab = tags["label"], float(tags.get("tab", 27))
            out.append(p)
        return out

    def run(self, items):
        self.new_page()
        for it in items:
            if it is PB:
                self.new_page()
                continue
            t = it.tags
            if t.get("colbreak"):
                self.col += 1
                self.y = self.col_top
                continue
            sp = float(t.get("sp", 0))
            if "rule" in t and len(it.lines) == 0:
                self.y += sp
                self.draw_rule(t["rule"], self.ml, self.text_w)
                self.col_top = self.y
                continue
            if self.y > self.col_top + 0.01 or self.col > 0:
                self.y += sp
            else:
                self.y += sp
            if t.get("kop"):
                self.kop(it)
            elif t.get("fn"):
                self.footnote(it)
            elif t.get("table"):
                self.table(it)
            elif t.get("sig"):
                self.sig(it)
            elif t.get("kv"):
                self.kv(it)
            elif t.get("note"):
                self.notes.append((self.page, [l for l in it.lines if l is not PB]))
            elif t.get("box"):
                self.box(it)
            else:
                full = t.get("full")
                saved = None
                if full and self.ncols > 1:
                    if self.col != 0:
                        raise LayoutError("full-width block after the columns started")
                    saved, self.ncols = self.ncols, 1
                lines_mode = t.get("lines") or t.get("c") or t.get("r")
                for p in self.block_paras(it):
                    if isinstance(p, float):
                        self.need(p)
                        self.y += p
                        continue
                    self.place_para(p, [])
                    if not lines_mode:
                        self.y += self.parskip
                if lines_mode:
                    self.y += self.parskip
                if saved:
                    self.ncols = saved
                    self.col_top = self.y
        return self

    def draw_rule(self, kind, x, w):
        c = self.c
        if kind == "double":
            c.line(x, self.y, x + w, self.y, 0.9)
            c.line(x, self.y + 1.2, x + w, self.y + 1.2, 0.3)
            self.y += 3.5
        elif kind == "thick":
            c.line(x, self.y, x + w, self.y, 0.8)
            self.y += 3.5
        else:
            c.line(x, self.y, x + w, self.y, 0.35)
            self.y += 3

    def kop(self, b):
        c, fam = self.c, self.fam
        first = True
        for line in b.lines:
            caps = line.upper() == line and any(ch.isalpha() for ch in line)
            if first:
                size, st = self.size + 5.5, "B"
            elif caps:
                size, st = self.size + 2, "B"
            else:
                size, st = self.size - 2, ""
            lh = size * PT * 1.25
            w = c.width(line, fam, st, size)
            c.text(self.ml + (self.text_w - w) / 2, self.y + lh * 0.8, line, fam, st, size)
            self.y += lh
            first = False
        self.y += 1.5
        self.draw_rule(b.tags.get("rule", "double"), self.ml, self.text_w)
        self.y += 2

    def kv(self, b):
        tab = float(b.tags.get("tab", 25))
        base = float(b.tags.get("indent", 0))
        for line in b.lines:
            label, _, value = line.partition(" : ")
            p = self.para_from([value.strip()], b.tags)
            p.align = "L"
            p.x = base + tab + 3
            p.kv_label, p.kv_tab = label.strip(), tab
            self.place_para(p, [])
        self.y += self.parskip

    def sig(self, b):
        x0 = self.sig_x
        width = self.text_w - x0
        size = float(b.tags.get("size", self.size))
        lh = self.lh(size)
        after_ttd = False
        for line in b.lines:
            if line.startswith("[ttd"):
                gap = float(self.s.get("ttd", 20))
                self.need(gap)
                self.ttd.append((self.page, self.ml + x0 + width / 2, self.y, line))
                self.y += gap
                after_ttd = True
                continue
            self.need(lh)
            st = "B" if after_ttd else ""
            after_ttd = False
            w = self.c.width(line, self.fam, st, size)
            self.c.text(self.ml + x0 + (width - w) / 2, self.y + lh * 0.78, line, self.fam, st, size)
            self.y += lh
        self.y += self.parskip

    def footnote(self, b):
        size = float(b.tags.get("size", self.size - 2))
        p = self.para_from([l for l in b.lines if l is not PB], {"size": size})
        p.size = size
        lines = self.break_lines(p, self.text_w)
        lh = size * PT * 1.25
        h = len(lines) * lh + 2.5
        top = self.bottom - h
        if self.y > top or self.fn_used:
            raise LayoutError(f"footnote does not fit on page {self.page}")
        self.c.line(self.ml, top, self.ml + 45, top, 0.25)
        y = top + 1.5
        for toks, avail, last in lines:
            self.draw_line(p, toks, avail, last, self.ml, y + lh * 0.8)
            y += lh
        self.bottom = top - 2
        self.fn_used = True
        # revert the sp that was added before this block
        self.y -= float(b.tags.get("sp", 0))

    def table(self, b):
        t = b.tags
        widths = [float(v) for v in t["widths"].split(",")]
        aligns = [{"C": "CENTER", "L": "LEFT", "R": "RIGHT", "J": "JUSTIFY"}[a] for a in t.get("align", "").split(",")]
        segments, cur = [], []
        for line in b.lines:
            if line is PB:
                segments.append(cur)
                cur = []
            else:
                cur.append([cell.strip() for cell in line.split(" | ")])
        segments.append(cur)
        head = segments[0][0]
        x = self.ml + float(t.get("indent", 0))
        for k, rows in enumerate(segments):
            if k > 0:  # a page marker between rows: continue on a new page, heading repeated
                self.new_page()
                rows = [head] + rows
            y = self.c.table(x, self.y, widths, rows, self.fam, float(t.get("size", self.size - 1)), aligns)
            if y > self.bottom:
                raise LayoutError(f"table overflows page {self.page}")
            self.y = y + self.parskip

    def box(self, b):
        fx, fw = self.frame()
        size = float(b.tags.get("size", self.size - 0.6))
        lines = [l for l in b.lines if l is not PB]
        paras = []
        if len(lines) > 1:
            paras.append(self.para_from([lines[0]], {"b": True, "left": True, "size": size}))
            paras.append(self.para_from(lines[1:], {"size": size}))
        else:
            tags = {"size": size}
            tags.update({k: v for k, v in b.tags.items() if k in ("b", "left")})
            paras.append(self.para_from(lines, tags))
        for p in paras:
            p.x = 3
            y0, col0 = self.y, self.col
            self.place_para(p, [])
            if self.col == col0:
                self.c.line(fx + 0.8, y0 + 0.5, fx + 0.8, self.y, 0.8, gray=120)
            self.y += self.parskip * 0.6


def build_layout(settings, items, canvas_factory):
    # first pass counts pages for "{nb}", second pass draws for real
    probe = Layout(settings, canvas_factory(), nb=0).run(items)
    nb = probe.page
    canvas = canvas_factory()
    lay = Layout(settings, canvas, nb=nb).run(items)
    return lay, canvas


# --------------------------------------------------------------------------- scan effects
def to_np(img):
    return np.asarray(img, dtype=np.float32)


def from_np(a):
    return Image.fromarray(np.clip(a, 0, 255).astype(np.uint8), "L")


def stamp_layer(ppm, rng, outer_text, inner_text):
    """A round ink stamp as a mask (255 = ink)."""
    r_out = 19 * ppm
    s = int(2 * r_out + 20)
    img = Image.new("L", (s, s), 0)
    d = ImageDraw.Draw(img)
    cx = cy = s / 2
    for r, w in ((r_out, 0.75), (r_out - 1.3 * ppm, 0.3), (12.5 * ppm, 0.45)):
        d.ellipse([cx - r, cy - r, cx + r, cy + r], outline=255, width=max(2, round(w * ppm)))
    font = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), round(2.6 * ppm))
    r_text = r_out - 4.2 * ppm
    n = len(outer_text)
    span = math.radians(300)
    for i, ch in enumerate(outer_text):
        a = -span / 2 + span * (i + 0.5) / n
        ci = Image.new("L", (round(4 * ppm), round(4 * ppm)), 0)
        ImageDraw.Draw(ci).text((ci.width / 2, ci.height / 2), ch, font=font, fill=255, anchor="mm")
        ci = ci.rotate(-math.degrees(a), resample=Image.BICUBIC)
        px = cx + r_text * math.sin(a) - ci.width / 2
        py = cy - r_text * math.cos(a) - ci.height / 2
        img.paste(255, (round(px), round(py)), ci)
    f2 = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Bold.ttf"), round(2.4 * ppm))
    lines = inner_text.split("|")
    for k, t in enumerate(lines):
        d.text((cx, cy + (k - (len(lines) - 1) / 2) * 3.0 * ppm), t, font=f2, fill=255, anchor="mm")
    # star below the centre text
    pts = []
    for k in range(10):
        rr = (2.2 if k % 2 == 0 else 0.9) * ppm
        a = math.pi / 2 + k * math.pi / 5
        pts.append((cx + rr * math.cos(a), cy - 7.5 * ppm - rr * math.sin(a)))
    d.polygon(pts, fill=255)
    img = img.rotate(rng.uniform(-25, 25), resample=Image.BICUBIC)
    # uneven inking
    a = to_np(img)
    noise = np.asarray(Image.fromarray((rng_np(rng).random(a.shape) * 255).astype(np.uint8)).filter(ImageFilter.GaussianBlur(4)), dtype=np.float32)
    a = a * np.clip(0.35 + noise / 255 * 0.9, 0, 1)
    return from_np(a)


def rng_np(rng):
    return np.random.default_rng(rng.randrange(2**32))


def scribble(draw, x, y, w, h, ppm, rng, gray=25):
    pts = []
    loops = rng.randint(4, 6)
    phase = rng.uniform(0, 6.28)
    for k in range(400):
        t = k / 399
        px = x + w * t + 3.5 * ppm * math.cos(2 * math.pi * loops * t + phase)
        py = y + h * 0.5 * math.sin(2 * math.pi * 1.3 * t + phase) * (1 - t * 0.4) + 3.0 * ppm * math.sin(2 * math.pi * loops * t + phase)
        pts.append((px, py))
    width = max(2, round(0.45 * ppm))
    draw.line(pts, fill=gray, width=width, joint="curve")
    # the final flourish
    fl = [(x + w * 0.15 + w * 0.95 * t, y + h * 0.55 - h * 0.35 * t * t) for t in np.linspace(0, 1, 60)]
    draw.line(fl, fill=gray, width=width)


def materai(canvas: ImageCanvas, x_mm, y_mm):
    c = canvas
    c.rect(x_mm, y_mm, 30, 19, 0.4, gray=120, fill=215)
    for k in range(1, 9):
        c.line(x_mm + 1, y_mm + k * 2.1, x_mm + 29, y_mm + k * 2.1 - 1.2, 0.15, gray=185)
    for s, t, yy in ((5.5, "METERAI", 5), (5.5, "TEMPEL", 8.5), (9, "10000", 14), (4.5, "SEPULUH RIBU RUPIAH", 17.5)):
        w = c.width(t, "sans", "B", s)
        c.text(x_mm + (30 - w) / 2, y_mm + yy, t, "sans", "B", s, gray=95)


def apply_stamp(page: Image.Image, mask: Image.Image, cx, cy, strength=0.62, ink=85):
    a = to_np(page)
    m = np.zeros_like(a)
    mm = to_np(mask) / 255.0
    x0, y0 = int(cx - mask.width / 2), int(cy - mask.height / 2)
    m[y0 : y0 + mask.height, x0 : x0 + mask.width] = mm[: a.shape[0] - y0, : a.shape[1] - x0]
    a = a - (a - ink) * m * strength
    return from_np(a)


def scanner_effects(img, rng, angle, blur, noise_sigma, paper=246, edge_shadow=True):
    nrng = rng_np(rng)
    a = to_np(img)
    a = paper - (paper - a) * 0.93  # paper tone, slightly grey ink
    # dust specks
    h, w = a.shape
    for _ in range(rng.randint(25, 45)):
        y, x = rng.randrange(h), rng.randrange(w)
        r = rng.randint(1, 3)
        a[max(0, y - r) : y + r, max(0, x - r) : x + r] = rng.randint(60, 160)
    img = from_np(a).rotate(angle, resample=Image.BICUBIC, fillcolor=paper)
    img = img.filter(ImageFilter.GaussianBlur(blur))
    a = to_np(img)
    a += nrng.normal(0, noise_sigma, a.shape)
    if edge_shadow:
        ramp = np.linspace(70, 0, 28)[None, :]
        a[:, :28] -= ramp
    return from_np(a)


def jpeg_bytes(img, q):
    b = io.BytesIO()
    img.save(b, "JPEG", quality=q, optimize=True)
    return b.getvalue()


def decorate_signatures(lay: Layout, canvas: ImageCanvas, rng, stamp_texts, offset=(-20, 8)):
    ppm = canvas.ppm
    for page, xc, ytop, kind in lay.ttd:
        img = canvas.pages[page - 1]
        d = ImageDraw.Draw(img)
        canvas.page_img = img
        if "materai" in kind:
            canvas.draw = d
            materai(canvas, xc - 42, ytop + 0.5)
        scribble(d, (xc - 24) * ppm, (ytop + 9) * ppm, 44 * ppm, 9 * ppm, ppm, rng)
        outer, inner = stamp_texts
        mask = stamp_layer(ppm, rng, outer, inner)
        dx, dy = offset
        canvas.pages[page - 1] = apply_stamp(img, mask, (xc + dx) * ppm, (ytop + dy) * ppm)


def hand_note(canvas: ImageCanvas, page, x_mm, y_mm, lines, rng):
    img = canvas.pages[page - 1]
    ppm = canvas.ppm
    layer = Image.new("L", (round(75 * ppm), round(30 * ppm)), 0)
    d = ImageDraw.Draw(layer)
    f = ImageFont.truetype(str(FONT_DIR / "DejaVuSans-Oblique.ttf"), round(11.5 / 72 * canvas.dpi))
    for k, t in enumerate(lines):
        d.text((2 * ppm + k * 1.5 * ppm, (5 + k * 6.5) * ppm), t, font=f, fill=255, anchor="ls")
    d.line([(2 * ppm, (7 + (len(lines) - 1) * 6.5) * ppm), (55 * ppm, (6 + (len(lines) - 1) * 6.5) * ppm)], fill=255, width=3)
    layer = layer.rotate(3.5, resample=Image.BICUBIC, expand=True)
    a = to_np(img)
    m = to_np(layer) / 255
    x0, y0 = round(x_mm * ppm), round(y_mm * ppm)
    sub = a[y0 : y0 + m.shape[0], x0 : x0 + m.shape[1]]
    sub -= (sub - 45) * m[: sub.shape[0], : sub.shape[1]] * 0.85
    canvas.pages[page - 1] = from_np(a)


# --------------------------------------------------------------------------- builders
def build_pdf(stem, settings, items):
    lay, canvas = build_layout(settings, items, lambda: PdfCanvas(settings.get("title", stem), settings.get("author", "")))
    out = OUT / f"{stem}.pdf"
    canvas.output(out)
    return out, lay


SCAN_PARAMS = {
    "005_kab_pacitan_se_bupati_scan": dict(dpi=200, seed=5051, angles=(0.7, -0.9), q=58, stamp=("PEMERINTAH KABUPATEN PACITAN ★ JAWA TIMUR", "BUPATI")),
    "006_kab_sumbawa_barat_se_dikbud_foto": dict(dpi=250, seed=6062, angles=(1.3,), q=70, stamp=("PEMERINTAH KABUPATEN SUMBAWA BARAT ★", "DINAS|PENDIDIKAN DAN|KEBUDAYAAN")),
    "007_kab_minahasa_selatan_pakta_integritas_scan": dict(dpi=200, seed=7073, angles=(-0.45,), q=80, stamp=("PEMERINTAH KABUPATEN MINAHASA SELATAN ★", "DINAS|KESEHATAN|DAERAH"), stamp_at=(-14, 12)),
}


def build_scan(stem, settings, items):
    prm = SCAN_PARAMS[stem]
    rng = random.Random(prm["seed"])
    lay, canvas = build_layout(settings, items, lambda: ImageCanvas(prm["dpi"]))
    decorate_signatures(lay, canvas, rng, prm["stamp"], prm.get("stamp_at", (-20, 8)))
    for page, lines in lay.notes:
        ttd = [t for t in lay.ttd if t[0] == page]
        y = ttd[-1][2] - 4 if ttd else 200
        hand_note(canvas, page, lay.ml + 2, y, lines, rng)
    pages = canvas.pages
    kind = settings["output"]
    if kind == "scan-pdf":
        # faint show-through of the next page on each page (paper seen against the lid)
        through = []
        for i, p in enumerate(pages):
            if i + 1 < len(pages):
                back = pages[i + 1].transpose(Image.FLIP_LEFT_RIGHT).filter(ImageFilter.GaussianBlur(1.6))
                a = to_np(p) - (255 - to_np(back)) * 0.06
                through.append(from_np(a))
            else:
                through.append(p)
        jpgs = []
        for i, p in enumerate(through):
            img = scanner_effects(p, rng, prm["angles"][i % len(prm["angles"])], 0.75, 5.0)
            jpgs.append(jpeg_bytes(img, prm["q"]))
        pdf = FPDF(unit="mm", format="A4")
        pdf.set_creation_date(FIXED_DATE)
        pdf.set_title("Scan_SE_Netralitas_2024")
        pdf.set_creator("CanoScan LiDE 300")
        pdf.set_producer("CanoScan Toolbox")
        for b in jpgs:
            pdf.add_page()
            pdf.image(io.BytesIO(b), x=0, y=0, w=PAGE_W, h=PAGE_H)
        out = OUT / f"{stem}.pdf"
        pdf.output(str(out))
        previews = jpgs
    elif kind == "scan-jpg":
        img = phone_photo(pages[0], rng, prm["angles"][0])
        b = jpeg_bytes(img, prm["q"])
        out = OUT / f"{stem}.jpg"
        out.write_bytes(b)
        previews = [b]
    else:
        img = scanner_effects(pages[0], rng, prm["angles"][0], 0.6, 3.0, paper=250, edge_shadow=False)
        img = Image.open(io.BytesIO(jpeg_bytes(img, prm["q"])))  # JPEG history of the scanner
        img = img.point(lambda v: min(255, (v // 16) * 16 + 8) if v < 236 else 255)
        out = OUT / f"{stem}.png"
        img.save(out, "PNG", optimize=True)
        b = io.BytesIO()
        img.save(b, "PNG")
        previews = [b.getvalue()]
    return out, lay, previews


def phone_photo(page, rng, angle):
    """A phone photo of the letter lying on a desk: margins of desk, tilt, uneven light."""
    nrng = rng_np(rng)
    w, h = page.size
    a = to_np(page)
    a = 240 - (240 - a) * 0.9
    page = from_np(a)
    bg_w, bg_h = int(w * 1.06), int(h * 1.05)
    bg = from_np(np.full((bg_h, bg_w), 92.0) + nrng.normal(0, 6, (bg_h, bg_w)))
    small = page.resize((int(w * 0.97), int(h * 0.97)), Image.LANCZOS).rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=92)
    bg.paste(small, ((bg_w - small.width) // 2, (bg_h - small.height) // 2))
    yy, xx = np.mgrid[0:bg_h, 0:bg_w]
    light = 1.0 - 0.16 * (((xx - bg_w * 0.3) / bg_w) ** 2 + ((yy - bg_h * 0.25) / bg_h) ** 2)
    a = to_np(bg) * light
    a += nrng.normal(0, 4.0, a.shape)
    img = from_np(a).filter(ImageFilter.GaussianBlur(0.9))
    return img.resize((int(bg_w * 0.9), int(bg_h * 0.9)), Image.LANCZOS)


def main():
    OUT.mkdir(exist_ok=True)
    built = []
    only = [a for a in sys.argv[1:] if not a.startswith("--")]
    for src in sorted(SRC.glob("*.txt")):
        stem = src.stem
        if only and not any(stem.startswith(o) for o in only):
            continue
        first = src.read_text(encoding="utf-8").split("\n", 1)[0]
        if first.startswith("%output:"):
            settings, items = parse_source(src)
            if settings["output"] == "pdf":
                out, lay = build_pdf(stem, settings, items)
            else:
                out, lay, _ = build_scan(stem, settings, items)
            built.append(out)
            if REPORT:
                print(f"{out.name}: {lay.page} pages")
                for pg, words in lay.report:
                    print(f"   page {pg} ends inside a paragraph after: ...{words}")
        else:
            text = src.read_text(encoding="utf-8")
            ext = ".html" if "<!DOCTYPE html>" in text[:300] else ".txt"
            out = OUT / f"{stem}{ext}"
            shutil.copyfile(src, out)
            built.append(out)
    for out in built:
        print(f"{out.stat().st_size:>9,d}  {out.relative_to(HERE)}")


if __name__ == "__main__":
    main()
