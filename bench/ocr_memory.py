"""Peak memory while a long scanned PDF is read with OCR.

    python bench/ocr_memory.py [--pages 60] [--jobs 2]

Builds a scanned PDF of N pages (300 dpi renders of the sample circulars),
extracts it with Himpun and reports the peak resident memory of the main
process and of the largest OCR worker. Workers render one page at a time, so
neither figure should grow with the page count.
"""
from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from himpun.ingest import extract_path  # noqa: E402
from himpun.ingest.pages import OcrContext  # noqa: E402
from himpun.scansim import LEVELS, degrade, render  # noqa: E402


def build(path: Path, n: int) -> None:
    """Write the scan page by page (one page image in memory at a time)."""
    from fpdf import FPDF

    sources = [p for src in sorted((ROOT / "scripts" / "corpus" / "scans").glob("*.txt"))
               for p in src.read_text("utf-8").split("\f")]
    pdf = FPDF(format="A4")
    for i in range(n):
        jpeg = path.with_suffix(f".{i}.jpg")
        degrade(render(sources[i % len(sources)], 300), LEVELS["clean"], seed=i).save(jpeg, "JPEG", quality=80)
        pdf.add_page()
        pdf.image(str(jpeg), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "long_scan.pdf"
        build(pdf, args.pages)
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        with OcrContext(jobs=args.jobs) as ocr:
            doc = extract_path(pdf, ocr=ocr)
        elapsed = time.perf_counter() - started
        main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        worker_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(f"{args.pages} pages ({pdf.stat().st_size if pdf.exists() else 0} bytes) with jobs={args.jobs}: "
          f"{elapsed:.1f} s, {elapsed / args.pages:.2f} s/page, {len(doc.clauses)} clauses")
    print(f"peak RSS: main process {main_peak / 1024:.0f} MB (before reading {before / 1024:.0f} MB), "
          f"largest worker or tesseract {worker_peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
