"""Images of pages (PNG, JPEG, TIFF including multi-page TIFF, BMP, WebP),
read with Tesseract frame by frame."""
from __future__ import annotations

from pathlib import Path

from himpun.errors import FileError, SkippedFile
from himpun.ingest.pages import OcrContext, PageTask, open_image
from himpun.ingest.readers import ReadResult
from himpun.records import Page


def read_image(path: Path, data: bytes, ocr: OcrContext) -> ReadResult:
    img = open_image(str(path), ocr.options.max_pixels)
    frames = getattr(img, "n_frames", 1)
    img.close()
    if frames > ocr.options.max_pages:
        raise FileError(str(path), f"image has {frames} frames; the limit is {ocr.options.max_pages} (--max-pages)")
    if ocr.mode == "never":
        raise SkippedFile(str(path), "image of a page; OCR is off")
    results = ocr.run(PageTask(str(path), "image", i, ocr.options) for i in range(frames))
    pages = [Page(number=i + 1, text=r.text, ocr=True, confidence=r.confidence) for i, r in enumerate(results)]
    if not any(p.text.strip() for p in pages):
        raise SkippedFile(str(path), "no text found in the image")
    return ReadResult(format="image", pages=pages)
