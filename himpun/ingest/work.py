"""The per-file unit of work of a batch: read, OCR and parse one file into a
record, touching no library. The same function runs in this process, in a
local pool of worker processes, or on a Dask cluster (himpun/ingest/
dask.py); the one writer in the main process stores what comes back.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from himpun.errors import FileError, SkippedFile
from himpun.ingest.files import printable, sha256_of
from himpun.ingest.ocr import OcrOptions
from himpun.ingest.pages import OcrContext, init_page_worker
from himpun.ingest.pipeline import extract_path, read_bytes
from himpun.records import Document


@dataclass
class FileResult:
    path: str
    status: str  # parsed | skipped | failed
    sha256: str | None = None
    size: int = 0
    document: Document | None = None
    reason: str | None = None
    pages: int = 0
    seconds: float = 0.0
    worker: str = ""  # the host and process that did the work


def process_file(path: str, sha256: str | None = None, ocr_mode: str = "auto",
                 options: OcrOptions | None = None) -> FileResult:
    """Read and parse one file in a worker: OCR in this process, single-threaded."""
    return process_with(path, sha256, OcrContext(mode=ocr_mode, jobs=1, options=options or OcrOptions()))


def process_files(items: list[tuple[str, str | None]], ocr_mode: str = "auto",
                  options: OcrOptions | None = None) -> list[FileResult]:
    """Several small files in one task (a cluster's per-task cost is milliseconds)."""
    return [process_file(path, sha, ocr_mode, options) for path, sha in items]


def process_with(path: str, sha256: str | None, ocr: OcrContext) -> FileResult:
    """Read and parse one file, its scanned pages read as `ocr` says; never
    raises for a bad file (the reason is in the result)."""
    import socket
    import time

    t0 = time.perf_counter()
    worker = f"{socket.gethostname()}:{os.getpid()}"
    sha, size = sha256, 0
    try:
        data = read_bytes(Path(path))
        size = len(data)
        sha = sha or sha256_of(data)
        doc = extract_path(Path(path), data, sha, ocr)
        doc.source = printable(Path(path).resolve())
        status, reason = "parsed", None
    except SkippedFile as exc:
        doc, status, reason = None, "skipped", exc.reason
    except FileError as exc:
        doc, status, reason = None, "failed", exc.reason
    except Exception as exc:  # a parser bug must cost one file, not the batch
        doc, status = None, "failed"
        reason = f"unexpected error while parsing ({type(exc).__name__}: {exc})"
    return FileResult(path, status, sha, size, doc, reason, len(doc.pages) if doc else 0,
                      time.perf_counter() - t0, worker)


WORKER_NICENESS = 10  # below the batch's writer and index process: see init_worker


def init_worker() -> None:
    """Set up a local worker process: what a page worker is set up with, the parser imported
    once, and a lower priority than the batch's own process and its index process. The workers
    are as many as the cores, so on equal terms those two got a share of the machine that the
    workers got ahead of: the index, starved, was left with hundreds of documents to do alone
    after the last file was parsed (on 2 cores, 2,000 documents: 1.5 to 3.4 s with one core idle)."""
    init_page_worker()
    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):  # no os.nice (Windows), or refused: the workers run at the batch's priority
        pass
    import himpun.ingest.parse  # noqa: F401
