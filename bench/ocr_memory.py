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
import os
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from himpun.ingest import extract_path  # noqa: E402
from himpun.ingest.pages import OcrContext  # noqa: E402
from himpun.scansim import LEVELS, degrade, render  # noqa: E402


def build(path: Path, n: int, start: int = 0) -> None:
    """Write the scan page by page (one page image in memory at a time);
    pages `start` to `start + n` of the sequence, so that scans built with
    other starts differ."""
    from fpdf import FPDF

    sources = [p for src in sorted((ROOT / "scripts" / "corpus" / "scans").glob("*.txt"))
               for p in src.read_text("utf-8").split("\f")]
    pdf = FPDF(format="A4")
    for i in range(start, start + n):
        jpeg = path.with_suffix(f".{i}.jpg")
        degrade(render(sources[i % len(sources)], 300), LEVELS["clean"], seed=i).save(jpeg, "JPEG", quality=80)
        pdf.add_page()
        pdf.image(str(jpeg), x=0, y=0, w=pdf.w, h=pdf.h)
    pdf.output(str(path))


def _descendants(root: int) -> list[int]:
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat[1])
    found, frontier = [], [root]
    while frontier:
        pid = frontier.pop()
        kids = [c for c, p in parents.items() if p == pid]
        found += kids
        frontier += kids
    return found


class WorkerPeak(threading.Thread):
    """Polls /proc for the peak resident memory (VmHWM) of any descendant
    process: OCR workers and the tesseract processes they start. (getrusage's
    RUSAGE_CHILDREN is no use here: it counts a spawned child's pre-exec copy of
    the parent.)"""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak_kb = 0
        self.stop = threading.Event()

    def run(self) -> None:
        while not self.stop.wait(0.1):
            for pid in _descendants(os.getpid()):
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue
                for line in status.splitlines():
                    if line.startswith("VmHWM:"):
                        self.peak_kb = max(self.peak_kb, int(line.split()[1]))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--pages", type=int, default=60)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--ingest", action="store_true",
                    help="ingest the scan into a fresh library (catalog, index, cross-references), not just extract")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "long_scan.pdf"
        # built in another process, so that this one's peak memory is the ingest's alone
        import multiprocessing
        maker = multiprocessing.get_context("spawn").Process(target=build, args=(pdf, args.pages))
        maker.start()
        maker.join()
        size = pdf.stat().st_size
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        watcher = WorkerPeak()
        watcher.start()
        started = time.perf_counter()
        if args.ingest:
            from himpun.library import Library
            lib = Library(Path(tmp) / "library")
            lib.ingest([pdf], jobs=args.jobs)
            doc = lib.catalog.document(lib.catalog.document_rows()[0])
            lib.close()
        else:
            with OcrContext(jobs=args.jobs) as ocr:
                doc = extract_path(pdf, ocr=ocr)
        elapsed = time.perf_counter() - started
        main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        watcher.stop.set()
        watcher.join()
        worker_peak = watcher.peak_kb
    print(f"{args.pages} pages ({size / 1e6:.1f} MB) with jobs={args.jobs}: "
          f"{elapsed:.1f} s, {elapsed / args.pages:.2f} s/page, {len(doc.clauses)} clauses")
    print(f"peak RSS: main process {main_peak / 1024:.0f} MB (before reading {before / 1024:.0f} MB), "
          f"largest worker or tesseract {worker_peak / 1024:.0f} MB")


if __name__ == "__main__":
    main()
