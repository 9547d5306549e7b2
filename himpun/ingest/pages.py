"""OCR work for a batch: page tasks, and the pool of workers that runs them.

A task names a page (a file and a page index), never its pixels: the worker
opens the file, renders or decodes that one page, reads it and returns text.
So memory stays bounded by one page image per worker however long the scan,
and the same task runs in this process (`jobs=1`) or in a pool of
single-threaded workers, one per core.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Iterable

from himpun.errors import FileError
from himpun.ingest.ocr import OcrOptions, OcrResult, ocr_image

RENDER_DPI = 300
MAX_PIXELS = 120_000_000  # one page image larger than this is refused, not decoded


@dataclass(frozen=True)
class PageTask:
    path: str
    format: str  # pdf | image
    index: int  # 0-based page or frame
    options: OcrOptions = OcrOptions()


def run_task(task: PageTask) -> OcrResult:
    """Read one page of a file with OCR (runs in a worker or in-process)."""
    img, dpi = _load(task)
    try:
        return ocr_image(img, dpi, task.options, source=f"{task.path} page {task.index + 1}")
    finally:
        img.close()


def _load(task: PageTask):
    if task.format == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(task.path)
        try:
            page = pdf[task.index]
            w, h = page.get_size()
            if w * h * (RENDER_DPI / 72) ** 2 > task.options.max_pixels:
                raise FileError(task.path, f"page {task.index + 1} is too large to render "
                                           f"({w / 72:.0f} x {h / 72:.0f} inches)")
            bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
            return bitmap.to_pil(), RENDER_DPI
        finally:
            pdf.close()
    from PIL import Image

    img = open_image(task.path, task.options.max_pixels)
    img.seek(task.index)
    frame = img.copy()
    dpi = img.info.get("dpi", (None, None))[0]
    img.close()
    return frame, float(dpi) if dpi and dpi > 30 else None


def open_image(path: str, max_pixels: int = MAX_PIXELS):
    """Open an image, refusing what would not fit in memory."""
    import warnings

    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            img = Image.open(path)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise FileError(path, "image too large to decode safely (a decompression bomb?)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise FileError(path, f"cannot read image ({exc})") from None
    if img.width * img.height > max_pixels:
        img.close()
        raise FileError(path, f"image too large ({img.width} x {img.height} pixels)")
    return img


@dataclass
class OcrContext:
    """How a batch uses OCR: `mode` auto (pages without a usable text layer,
    and images), always (every page), never; `jobs` parallel workers."""

    mode: str = "auto"
    jobs: int = 1
    options: OcrOptions = field(default_factory=OcrOptions)
    _pool: ProcessPoolExecutor | None = field(default=None, repr=False)

    def run(self, tasks: Iterable[PageTask]) -> list[OcrResult]:
        """Results in task order. With jobs > 1 the pages are read in parallel."""
        tasks = list(tasks)
        if self.jobs <= 1 or len(tasks) <= 1:
            return [run_task(t) for t in tasks]
        return list(self._executor().map(run_task, tasks))

    def warm(self) -> None:
        """Start the workers now rather than at the first page."""
        if self.jobs > 1:
            list(self._executor().map(_noop, range(self.jobs)))

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            ctx = multiprocessing.get_context("spawn")  # no fork of a process that may hold threads
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=ctx,
                                             initializer=_worker_init)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "OcrContext":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _worker_init() -> None:
    os.environ["OMP_THREAD_LIMIT"] = "1"
    import himpun.ingest.ocr  # noqa: F401  (import once per worker, before the first page)


def _noop(_: int) -> None:
    return None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
