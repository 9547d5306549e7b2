"""PDFs with a text layer, read page by page with pdfplumber.

pypdfium2 (which pdfplumber already depends on) opens the file first: it is
fast, tells whether each page carries text at all, and turns broken or
encrypted files into a clear reason. Pages without a usable text layer are
left empty and reported; OCR of such pages comes with the OCR stage.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

from himpun.errors import FileError, SkippedFile
from himpun.ingest.readers import ReadResult
from himpun.records import Page

_CID = re.compile(r"\(cid:\d+\)")


def read_pdf(path: Path, data: bytes) -> ReadResult:
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        msg = str(exc).lower()
        if "password" in msg:
            raise FileError(str(path), "encrypted PDF (needs a password)") from None
        raise FileError(str(path), f"damaged PDF ({exc})") from None
    try:
        n_pages = len(pdf)
        has_text = [pdf[i].get_textpage().count_chars() > 0 for i in range(n_pages)]
        title = (pdf.get_metadata_value("Title") or "").strip() or None
    finally:
        pdf.close()
    if n_pages == 0:
        raise FileError(str(path), "PDF has no pages")
    if not any(has_text):
        raise SkippedFile(str(path), f"scanned PDF without a text layer ({n_pages} pages); OCR is not built yet")
    pages: list[Page] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as doc:
            for i, page in enumerate(doc.pages):
                text = ""
                if has_text[i]:
                    text = page.extract_text(use_text_flow=True) or ""
                    text = _CID.sub("", text)
                pages.append(Page(number=i + 1, text=text))
    except Exception as exc:  # pdfminer raises many unrelated types on bad input
        raise FileError(str(path), f"cannot read PDF text ({type(exc).__name__}: {exc})") from None
    if not any(p.text.strip() for p in pages):
        raise SkippedFile(str(path), "PDF text layer holds no readable text")
    return ReadResult(format="pdf", pages=pages, title=title)
