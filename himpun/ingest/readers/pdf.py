"""PDFs, page by page: a page with a usable text layer is read with
pdfplumber; a page without one (a scan), or whose layer is garbage (no
letters, mostly `(cid:..)` glyphs), is rendered at 300 dpi and read with
Tesseract. Mixed PDFs therefore work. pypdfium2 (which pdfplumber already
depends on) opens the file first: it is fast, tells whether each page
carries text at all and whether anything is drawn on it (a blank page is
never rendered: a file of thousands of them costs a fraction of a second),
and turns broken, truncated or encrypted files into a reason.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from himpun.errors import FileError, SkippedFile
from himpun.ingest.pages import OcrContext, PageTask
from himpun.ingest.readers import ReadResult
from himpun.records import Page

_CID = re.compile(r"\(cid:\d+\)")


def read_pdf(path: Path, data: bytes, ocr: OcrContext) -> ReadResult:
    pdf = _open(path, data)
    try:
        n_pages = len(pdf)
        if n_pages > ocr.options.max_pages:
            raise FileError(str(path), f"PDF has {n_pages} pages; the limit is {ocr.options.max_pages} (--max-pages)")
        has_text, empty = [], []
        for i in range(n_pages):
            page = pdf[i]
            has_text.append(page.get_textpage().count_chars() > 0)
            empty.append(next(page.get_objects(max_depth=1), None) is None)  # nothing drawn: nothing to render
        title = (pdf.get_metadata_value("Title") or "").strip() or None
    finally:
        pdf.close()
    if n_pages == 0:
        raise FileError(str(path), "PDF has no pages")
    if all(empty):
        raise SkippedFile(str(path), f"PDF has no text: its {_pages(n_pages)} blank (nothing drawn on them)")

    texts = _text_layers(path, data, has_text) if ocr.mode != "always" else [""] * n_pages
    scanned = [i for i, t in enumerate(texts) if not usable(t) and not empty[i]]
    if scanned and ocr.mode == "never":
        if len(scanned) == n_pages - sum(empty):
            raise SkippedFile(str(path), f"scanned PDF without a usable text layer ({n_pages} pages); OCR is off")
        scanned = []
    pages = [Page(number=i + 1, text=_CID.sub("", t)) for i, t in enumerate(texts)]
    results = ocr.run(PageTask(str(path), "pdf", i, ocr.options) for i in scanned)
    for i, result in zip(scanned, results):
        pages[i] = Page(number=i + 1, text=result.text, ocr=True, confidence=result.confidence)
    if not any(p.text.strip() for p in pages):
        raise SkippedFile(str(path), "PDF holds no readable text, even by OCR")
    return ReadResult(format="pdf", pages=pages, title=title)


def _open(path: Path, data: bytes):
    try:
        return pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        if "password" in str(exc).lower():
            raise FileError(str(path), "encrypted PDF (needs a password)") from None
        why = str(exc).rsplit("(PDFium: ", 1)[-1].rstrip(".)") if "PDFium: " in str(exc) else str(exc)
        if b"%%EOF" not in data[-2048:]:
            raise FileError(str(path), f"truncated PDF: it ends before its end-of-file marker ({why})") from None
        raise FileError(str(path), f"damaged PDF ({why})") from None


def _pages(n: int) -> str:
    return "one page is" if n == 1 else f"{n} pages are all"


def _text_layers(path: Path, data: bytes, has_text: list[bool]) -> list[str]:
    if not any(has_text):  # a scan: pdfplumber would only parse every page for nothing
        return [""] * len(has_text)
    texts = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            for i, page in enumerate(doc.pages):
                texts.append(_page_text(page) if has_text[i] else "")
    except Exception as exc:  # pdfminer raises many unrelated types on bad input
        raise FileError(str(path), f"cannot read PDF text ({type(exc).__name__}: {exc})") from None
    return texts


def _page_text(page) -> str:
    """A page's text layer in reading order; a ruled table (a matrix of bans and sanctions, its
    cells wrapped over several lines) as a Markdown table, row by row, which himpun/ingest/tables.py
    reads back as paragraphs under the column names. Only pages with drawn lines are searched for
    tables (finding them costs more than reading the text)."""
    tables = []
    if len(page.rects) + len(page.lines) >= 4:
        found = ((t, t.extract()) for t in page.find_tables())  # (each table's cells read once)
        tables = sorted(((t, rows) for t, rows in found if _is_grid(t, rows, page.width)), key=lambda tr: tr[0].bbox[1])
    if not tables:
        return page.extract_text(use_text_flow=True) or ""
    parts, top = [], 0.0
    for t, rows in tables:
        x0, y0, x1, y1 = t.bbox
        if y0 > top + 1:
            parts.append(page.crop((0, top, page.width, y0)).extract_text(use_text_flow=True) or "")
        parts.append(_markdown(rows))
        top = max(top, y1)
    if top < page.height - 1:
        parts.append(page.crop((0, top, page.width, page.height)).extract_text(use_text_flow=True) or "")
    return "\n".join(p for p in parts if p.strip())


def _is_grid(table, rows: list[list[str | None]], width: float) -> bool:
    """A table (its cells `rows`) of two columns or more and two rows or more, across most of the page."""
    return len(rows) >= 2 and max(len(r) for r in rows) >= 2 and table.bbox[2] - table.bbox[0] >= 0.6 * width


def _markdown(rows: list[list[str | None]]) -> str:
    cells = [[" ".join((c or "").split()).replace("|", "/") for c in row] for row in rows]
    cells = [row for row in cells if any(row)]
    if not cells:
        return ""
    header, *body = cells
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    return "\n".join(lines + ["| " + " | ".join(row) + " |" for row in body])


def usable(text: str) -> bool:
    """Whether a text layer is worth reading: it has words, and is not mostly
    unmapped glyphs (`(cid:42)`) or symbols."""
    stripped = _CID.sub("", text)
    letters = sum(ch.isalpha() for ch in stripped)
    cids = len(_CID.findall(text))
    return letters >= 20 and cids < letters / 4 and letters / max(1, len(stripped.split())) >= 2
