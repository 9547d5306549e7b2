"""Readers turn a file's bytes into pages of text. They know nothing of
parsing: each returns a `ReadResult` and raises `FileError` with a reason."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from himpun.records import Page


@dataclass
class ReadResult:
    format: str  # text | html | pdf | image
    pages: list[Page] = field(default_factory=list)
    title: str | None = None  # a title the container states (HTML <title>, PDF metadata)
    url: str | None = None
    published: str | None = None  # ISO date the container states
    article: bool = False  # a web page whose head calls it an article (og:type "article", article:published_time)


def read(path: Path, data: bytes, fmt: str, ocr=None) -> ReadResult:
    """Read `data` (the bytes of `path`) as format `fmt` (see files.sniff);
    `ocr` (an OcrContext) says whether and how scans are read."""
    if fmt == "text":
        from himpun.ingest.readers.text import read_text

        return read_text(path, data)
    if fmt == "html":
        from himpun.ingest.readers.html import read_html

        return read_html(path, data)
    from himpun.ingest.pages import OcrContext

    ocr = ocr or OcrContext()
    if fmt == "pdf":
        from himpun.ingest.readers.pdf import read_pdf

        return read_pdf(path, data, ocr)
    from himpun.ingest.readers.image import read_image

    return read_image(path, data, ocr)
