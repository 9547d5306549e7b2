"""OCR work for a batch: page tasks, and the pool of workers that runs them.

A task names a page (a file and a page index), never its pixels: the worker
opens the file, renders or decodes that one page, reads it and returns text.
So memory stays bounded by one page image per worker however long the scan,
and the same task runs in this process (`jobs=1`) or in a pool of
single-threaded workers, one per core.
"""
from __future__ import annotations

import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable

from himpun.errors import FileError
from himpun.ingest.ocr import OcrOptions, OcrResult, ocr_image
from himpun.processes import context, exit_with_parent

RENDER_DPI = 300
MAX_PIXELS = 120_000_000  # one page image larger than this is refused, not decoded


@dataclass(frozen=True)
class PageTask:
    path: str
    format: str  # pdf | image
    index: int  # 0-based page or frame
    options: OcrOptions = OcrOptions()


def run_task(task: PageTask) -> OcrResult:
    """Read one page of a file with OCR (runs in a worker or in-process). A
    page that cannot be read fails its file, and the reason names the page."""
    try:
        img, dpi = _load(task)
        try:
            return ocr_image(img, dpi, task.options, source=task.path)
        finally:
            img.close()
    except FileError as exc:
        raise FileError(task.path, f"page {task.index + 1}: {exc.reason}") from None


def _load(task: PageTask):
    if task.format == "pdf":
        import pypdfium2 as pdfium

        pdf = pdfium.PdfDocument(task.path)
        try:
            page = pdf[task.index]
            w, h = page.get_size()
            pixels = w * h * (RENDER_DPI / 72) ** 2
            if pixels > task.options.max_pixels:
                raise FileError(task.path, f"too large to render at {RENDER_DPI} dpi ({w / 72:.0f} x {h / 72:.0f} "
                                           f"inches, {_mp(pixels)} megapixels); {_limit(task.options.max_pixels)}")
            bitmap = page.render(scale=RENDER_DPI / 72, grayscale=True)
            return bitmap.to_pil(), RENDER_DPI
        finally:
            pdf.close()
    img = open_image(task.path, task.options.max_pixels)
    try:
        with _header_only():
            img.seek(task.index)
        check_pixels(task.path, img, task.options.max_pixels)  # each frame of a TIFF has a size of its own
        frame = img.copy()
        dpi = img.info.get("dpi", (None, None))[0]
    except EOFError:
        raise FileError(task.path, "image frame missing (damaged file)") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise FileError(task.path, f"cannot decode image ({exc})") from None
    finally:
        img.close()
    return frame, float(dpi) if dpi and dpi > 30 else None


def open_image(path: str, max_pixels: int = MAX_PIXELS):
    """Open an image, refusing one larger than `max_pixels` before a pixel is
    decoded (opening reads the header only)."""
    from PIL import Image

    try:
        with _header_only():
            img = Image.open(path)
    except (OSError, SyntaxError, ValueError) as exc:
        raise FileError(path, f"cannot read image ({exc})") from None
    try:
        check_pixels(path, img, max_pixels)
    except FileError:
        img.close()
        raise
    return img


def check_pixels(path: str, img, max_pixels: int) -> None:
    w, h = img.size
    if w * h > max_pixels:
        raise FileError(path, f"image too large to decode: {w} x {h} pixels ({_mp(w * h)} megapixels) "
                              f"in a {_file_size(path)} file; {_limit(max_pixels)}")


def _mp(pixels: float) -> str:
    return f"{pixels / 1e6:,.0f}" if pixels >= 1e7 else f"{pixels / 1e6:.1f}"


def _limit(max_pixels: int) -> str:
    return f"the limit is {max_pixels / 1e6:g} megapixels (--max-pixels)"


def _file_size(path: str) -> str:
    try:
        n = os.path.getsize(path)
    except OSError:
        return "?"
    return f"{n / 1e6:,.1f} MB" if n >= 1e6 else f"{max(1, round(n / 1e3))} KB"


_pillow_guard = threading.Lock()


@contextmanager
def _header_only():
    """Pillow's decompression-bomb guard, a fixed process-wide size, off while
    a header is read: Himpun applies its own limit (check_pixels) right
    after, with the image's size in the reason, before anything is decoded."""
    from PIL import Image

    with _pillow_guard:
        saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, None
        try:
            yield
        finally:
            Image.MAX_IMAGE_PIXELS = saved


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
        try:
            return list(self._executor().map(run_task, tasks))
        except BrokenProcessPool:  # a worker died (killed, out of memory): this file fails, the next gets new workers
            self.close()
            raise FileError(tasks[0].path, "an OCR worker process reading it died "
                                           "(it crashed, or was killed: out of memory?)") from None

    def warm(self) -> None:
        """Start the workers now rather than at the first page."""
        if self.jobs > 1:
            list(self._executor().map(_noop, range(self.jobs)))

    def _executor(self) -> ProcessPoolExecutor:
        if self._pool is None:
            self._pool = ProcessPoolExecutor(max_workers=self.jobs, mp_context=context(),
                                             initializer=init_page_worker)
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None

    def __enter__(self) -> "OcrContext":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def init_page_worker() -> None:
    """Set up a worker process that reads pages: single-threaded Tesseract, the OCR modules imported
    once (before the first page), and an end of its own if the process that started it is killed."""
    os.environ["OMP_THREAD_LIMIT"] = "1"
    exit_with_parent()
    import himpun.ingest.ocr  # noqa: F401


def _noop(_: int) -> None:
    return None


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
