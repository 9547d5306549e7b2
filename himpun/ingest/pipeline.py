"""One file in, one Document record out: sniff, read, clean, parse.

`extract_path` is the per-file stage that a batch runs for every file, in
this process or in a worker; it touches no library.
"""
from __future__ import annotations

from pathlib import Path

from himpun.errors import FileError
from himpun.ingest.clean import clean_page
from himpun.ingest.files import printable, sha256_of, sniff
from himpun.ingest.pages import OcrContext
from himpun.ingest.paging import clean_pages
from himpun.ingest.parse import parse_document
from himpun.ingest.readers import read
from himpun.records import Document, Page


def read_bytes(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except FileNotFoundError:
        raise FileError(str(path), "file vanished before it could be read") from None
    except IsADirectoryError:
        raise FileError(str(path), "is a directory") from None
    except OSError as exc:
        raise FileError(str(path), f"cannot read ({exc.strerror or exc})") from None


def extract_path(path: Path, data: bytes | None = None, sha256: str | None = None,
                 ocr: OcrContext | None = None) -> Document:
    """Read and parse one file. Raises FileError (or SkippedFile) with a reason.
    `ocr` says whether and how scanned pages and images are read (default:
    where needed, in this process)."""
    data = read_bytes(path) if data is None else data
    sha256 = sha256 or sha256_of(data)
    fmt = sniff(path, data)
    result = read(path, data, fmt, ocr)
    dropped: list[str] = []
    cleaned = []
    for p in result.pages:
        c = clean_page(p.text, ocr=p.ocr)
        cleaned.append(c.text)
        dropped += c.dropped
    texts = clean_pages(cleaned)
    pages = [Page(p.number, t, p.ocr, p.confidence) for p, t in zip(result.pages, texts)]
    if not any(p.text.strip() for p in pages):
        raise FileError(str(path), "no text left after reading")
    return parse_document(pages, source=printable(path), sha256=sha256, fmt=fmt, dropped=dropped,
                          container_title=result.title, url=result.url, published=result.published,
                          article=result.article)
