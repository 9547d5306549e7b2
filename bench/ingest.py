"""Ingest throughput: text and HTML documents, scanned pages, and a local Dask cluster.

    python bench/ingest.py                         # 2,000 documents, 40 scanned pages, Dask
    python bench/ingest.py --docs 500 --scan-pages 0 --no-dask

- Documents: `--docs` synthetic circulars and news (bench/synth.py), half as
  .txt, half as .html, ingested end to end (read, parse, store, index,
  cross-reference) into a fresh library with --jobs 1 and --jobs 2.
- Scans: `--scan-pages` pages of clean 300 dpi scans in PDFs of 10 pages,
  ingested with --jobs 1 and 2, next to bare single-threaded Tesseract
  (`tesseract page.png - -l ind`, OMP_THREAD_LIMIT=1) on the same pages.
- Dask: a scheduler and two single-threaded workers on 127.0.0.1 (started
  once, as a cluster would be) ingest the documents; compared with the local
  pool of two.
Each ingest runs in a fresh process. The document runs alternate (jobs=1,
jobs=2, Dask) for `--rounds` rounds and the medians are compared: this
machine's speed drifts by 10-20% from minute to minute.
Peak memory for a 200-page scan: `python bench/ocr_memory.py --pages 200 --ingest`.
"""
from __future__ import annotations

import argparse
import itertools
import json
import statistics
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
    """Ingest `src` into a new library in a fresh Python process, as a run of
    `himpun ingest` would (its pool, fork server and caches start cold); the
    time of `Library.ingest` alone, without the interpreter's start."""
    run = subprocess.run([sys.executable, __file__, "--one-run", json.dumps([str(src), str(work / name), kw])],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"bench/ingest.py: the {name} run failed (exit {run.returncode}):\n{run.stderr}")
    elapsed, ingested, pages = json.loads(run.stdout.strip().splitlines()[-1])
    return elapsed, ingested, pages


def _one_run(spec: str) -> None:
    src, lib_dir, kw = json.loads(spec)
    lib = Library(Path(lib_dir))
    t = time.perf_counter()
    report = lib.ingest([Path(src)], **kw)
    elapsed = time.perf_counter() - t
    s = report.summary()
    lib.close()
    print(json.dumps([elapsed, s["ingested"], s["pages"]]))


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
    ap.add_argument("--rounds", type=int, default=3, help="runs of each kind of document ingest, alternating")
    ap.add_argument("--one-run", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one_run:
        return _one_run(args.one_run)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        if args.docs:
            corpus = work / "corpus"
            write_corpus(corpus, args.docs)
            cluster = None if args.no_dask else LocalDask(work)
            runs: dict[str, list[float]] = {"jobs=1": [], "jobs=2": [], "dask": []}
            try:
                for r in range(args.rounds):  # alternating, so that the machine's drift hits every kind of run
                    for kind, kw in (("jobs=1", {"jobs": 1}), ("jobs=2", {"jobs": 2}),
                                     ("dask", {"scheduler": cluster.address} if cluster else None)):
                        if kw is None:
                            continue
                        elapsed, n, _ = timed_ingest(corpus, work, f"{kind}-{r}", **kw)
                        runs[kind].append(n / elapsed)
                        print(f"round {r + 1}, documents, {kind}: {n:,} in {elapsed:.1f} s = {n / elapsed:.0f} documents/s",
                              flush=True)
            finally:
                if cluster:
                    cluster.close()
            median = {k: statistics.median(v) for k, v in runs.items() if v}
            print("documents/s, median of %d rounds: " % args.rounds
                  + ", ".join(f"{k} {v:.0f}" for k, v in median.items()))
            print(f"documents: jobs=2 / jobs=1 = x{median['jobs=2'] / median['jobs=1']:.2f}")
            if runs["dask"]:
                ratios = [d / p for d, p in zip(runs["dask"], runs["jobs=2"])]
                print("Dask (2 workers) / local pool of 2, each round: "
                      + ", ".join(f"{x:.0%}" for x in ratios) + f"; of the medians: {median['dask'] / median['jobs=2']:.0%}")
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
