"""Ingest throughput: text and HTML documents, scanned pages, and a local Dask cluster.

    python bench/ingest.py                         # 2,000 documents, 40 scanned pages, Dask
    python bench/ingest.py --docs 500 --scan-pages 0 --no-dask

- Documents: `--docs` synthetic circulars and news (bench/synth.py), half as
  .txt, half as .html, ingested end to end (read, parse, store, index,
  cross-reference) into a fresh library with --jobs 1 and --jobs 2.
- Scans: `--scan-pages` pages of clean 300 dpi scans in PDFs of 10 pages,
  ingested with --jobs 1 and 2, next to bare single-threaded Tesseract
  (`tesseract page.png - -l ind`, OMP_THREAD_LIMIT=1) on the same pages.
- Dask: a scheduler and two single-threaded workers on 127.0.0.1 ingest the
  documents; compared with the local pool of two.
Peak memory for a 200-page scan: `python bench/ocr_memory.py --pages 200 --ingest`.
"""
from __future__ import annotations

import argparse
import itertools
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from himpun.library import Library  # noqa: E402
from synth import documents  # noqa: E402


def write_corpus(out: Path, n: int) -> None:
    out.mkdir(parents=True)
    for i, doc in enumerate(itertools.islice(documents(10 ** 9, seed=7), n)):
        text = "\f".join(p.text for p in doc.pages)
        if i % 2:
            body = "".join(f"<p>{line}</p>" for line in text.replace("\f", "\n").splitlines() if line.strip())
            (out / f"berita_{i:05d}.html").write_text(
                f"<!DOCTYPE html><html><head><title>{doc.title or 'Berita'}</title></head><body><article>"
                f"<h1>{doc.title or 'Berita'}</h1>{body}</article></body></html>", encoding="utf-8")
        else:
            (out / f"se_{i:05d}.txt").write_text(text, encoding="utf-8")


def timed_ingest(src: Path, work: Path, name: str, **kw) -> tuple[float, int, int]:
    lib = Library(work / name)
    t = time.perf_counter()
    report = lib.ingest([src], **kw)
    elapsed = time.perf_counter() - t
    s = report.summary()
    lib.close()
    return elapsed, s["ingested"], s["pages"]


def bare_tesseract(pdfs: list[Path], work: Path) -> tuple[float, int]:
    import pypdfium2 as pdfium

    images = []
    for pdf in pdfs:
        doc = pdfium.PdfDocument(str(pdf))
        for i in range(len(doc)):
            img = work / f"{pdf.stem}_{i}.png"
            doc[i].render(scale=300 / 72, grayscale=True).to_pil().save(img)
            images.append(img)
        doc.close()
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    t = time.perf_counter()
    for img in images:
        subprocess.run(["tesseract", str(img), "-", "-l", "ind"], check=True, capture_output=True, env=env)
    return time.perf_counter() - t, len(images)


class LocalDask:
    def __init__(self, workdir: Path, workers: int = 2):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        self.address = f"tcp://127.0.0.1:{port}"
        env = dict(os.environ, OMP_THREAD_LIMIT="1")
        dask = [sys.executable, "-m", "dask"]
        quiet = dict(stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=workdir)
        self.procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", str(port),
                                              "--dashboard-address", ":0", "--no-show"], **quiet)]
        time.sleep(2)
        for _ in range(workers):
            self.procs.append(subprocess.Popen(dask + ["worker", self.address, "--nthreads", "1", "--no-nanny",
                                                       "--dashboard-address", ":0"], **quiet))
        from distributed import Client
        with Client(self.address, timeout=60) as c:
            c.wait_for_workers(workers, timeout=120)

    def close(self):
        for p in reversed(self.procs):
            p.kill()
            p.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--scan-pages", type=int, default=40)
    ap.add_argument("--no-dask", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.docs:
            corpus = work / "corpus"
            write_corpus(corpus, args.docs)
            rates = {}
            for jobs in (1, 2):
                elapsed, n, _ = timed_ingest(corpus, work, f"text{jobs}", jobs=jobs)
                rates[jobs] = n / elapsed
                print(f"documents, jobs={jobs}: {n:,} in {elapsed:.1f} s = {n / elapsed:.0f} documents/s", flush=True)
            print(f"documents: jobs=2 / jobs=1 = x{rates[2] / rates[1]:.2f}")
            if not args.no_dask:
                cluster = LocalDask(work)
                try:
                    elapsed, n, _ = timed_ingest(corpus, work, "dask", scheduler=cluster.address)
                finally:
                    cluster.close()
                print(f"documents, Dask (2 workers): {n:,} in {elapsed:.1f} s = {n / elapsed:.0f} documents/s "
                      f"= {n / elapsed / rates[2]:.0%} of the local pool of 2", flush=True)
        if args.scan_pages:
            sys.path.insert(0, str(Path(__file__).resolve().parent))
            from ocr_memory import build
            scans = work / "scans"
            scans.mkdir()
            pdfs = []
            for i in range(-(-args.scan_pages // 10)):
                pdf = scans / f"scan_{i:02d}.pdf"
                build(pdf, min(10, args.scan_pages - 10 * i), start=10 * i)
                for jpg in scans.glob(f"scan_{i:02d}.*.jpg"):
                    jpg.unlink()
                with pdf.open("ab") as out:  # scans built from the same pages must still be distinct files
                    out.write(f"\n% bench scan {i}\n".encode())
                pdfs.append(pdf)
            page_rates = {}
            for jobs in (1, 2):
                elapsed, n, pages = timed_ingest(scans, work, f"scan{jobs}", jobs=jobs)
                page_rates[jobs] = pages / elapsed
                print(f"scanned pages, jobs={jobs}: {pages} pages in {elapsed:.1f} s = {pages / elapsed:.2f} pages/s",
                      flush=True)
            bare, pages = bare_tesseract(pdfs, work)
            print(f"bare tesseract, one thread: {pages} pages in {bare:.1f} s = {pages / bare:.2f} pages/s")
            print(f"scans: jobs=2 / jobs=1 = x{page_rates[2] / page_rates[1]:.2f}")


if __name__ == "__main__":
    main()
