"""OCR accuracy and speed: Himpun against bare Tesseract (and OCRmyPDF where
installed) on pages of known text, rendered and degraded like scans.

    python bench/ocr.py [--levels clean,mild,heavy,rotated] [--out DIR]

For each degradation level it reports the character error rate (CER, mean
and worst page) against the text the page was rendered from, and wall-clock
seconds per page with one worker and with two, for:
- tesseract:      the bare `tesseract IMG stdout -l ind` CLI, default settings
                  (its own OpenMP threads);
- tesseract-1t:   the same with OMP_THREAD_LIMIT=1, one process per worker;
- ocrmypdf:       `ocrmypdf -l ind --deskew --clean`, then pdfplumber, where installed;
- himpun:         himpun.ingest (preprocessing, Tesseract, speck filter, text cleaning).
It ends with the project's goals and whether they are met.
"""
from __future__ import annotations

import argparse
import io
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from himpun.ingest.clean import clean_page  # noqa: E402
from himpun.ingest.pages import OcrContext, PageTask  # noqa: E402
from himpun.scansim import LEVELS, cer, degrade, render, truth  # noqa: E402

SOURCES = ROOT / "scripts" / "corpus" / "scans"
LEVEL_SPECS = {**LEVELS, "rotated": replace(LEVELS["clean"], name="rotated")}


@dataclass
class Page:
    level: str
    path: Path
    truth: str
    dpi: int


def make_pages(levels: list[str], out: Path, copies: int) -> list[Page]:
    """Every page of the sample circulars at every level, `copies` times
    with different noise (an even count keeps two workers evenly loaded)."""
    pages = []
    for src in sorted(SOURCES.glob("*.txt")):
        text = src.read_text("utf-8")
        for n, (page, want) in enumerate(zip(text.split("\f"), truth(text))):
            for level in levels:
                for copy in range(copies):
                    how = LEVEL_SPECS[level]
                    if level == "rotated":
                        how = replace(how, rotate=(90, 180, 270)[(n + copy) % 3])
                    img = degrade(render(page, how.dpi), how, seed=n + 100 * copy)
                    path = out / f"{src.stem}-p{n + 1}-{level}-{copy}.png"
                    img.save(path, dpi=(how.dpi, how.dpi))
                    pages.append(Page(level, path, want, how.dpi))
    return pages


def tesseract_cli(page: Page, threads: int | None) -> str:
    env = dict(os.environ)
    if threads:
        env["OMP_THREAD_LIMIT"] = str(threads)
    else:
        env.pop("OMP_THREAD_LIMIT", None)
    out = subprocess.run(["tesseract", str(page.path), "stdout", "-l", "ind"], capture_output=True, text=True,
                         env=env, check=True)
    return out.stdout


def ocrmypdf_text(page: Page, workdir: Path) -> str:
    import pdfplumber

    pdf_out = workdir / (page.path.stem + ".pdf")
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    subprocess.run(["ocrmypdf", "-q", "-l", "ind", "--deskew", "--clean", "--jobs", "1",
                    "--image-dpi", str(page.dpi), str(page.path), str(pdf_out)],
                   capture_output=True, check=True, env=env)
    with pdfplumber.open(pdf_out) as pdf:
        return "\n".join(p.extract_text(use_text_flow=True) or "" for p in pdf.pages)


def run_engine(name: str, pages: list[Page], jobs: int, workdir: Path) -> tuple[list[str], float]:
    started = time.perf_counter()
    if name == "himpun":
        with OcrContext(jobs=jobs) as ocr:
            results = ocr.run(PageTask(str(p.path), "image", 0, ocr.options) for p in pages)
        texts = [clean_page(r.text).text for r in results]
    else:
        fn = {"tesseract": lambda p: tesseract_cli(p, None),
              "tesseract-1t": lambda p: tesseract_cli(p, 1),
              "ocrmypdf": lambda p: ocrmypdf_text(p, workdir)}[name]
        with ThreadPoolExecutor(max_workers=jobs) as pool:  # each call is its own process
            texts = list(pool.map(fn, pages))
    return texts, time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--levels", default="clean,mild,heavy,rotated")
    ap.add_argument("--out", type=Path, help="keep the page images here")
    ap.add_argument("--copies", type=int, default=2, help="noise variants of each page and level")
    args = ap.parse_args()
    levels = args.levels.split(",")
    engines = ["tesseract", "tesseract-1t"] + (["ocrmypdf"] if shutil.which("ocrmypdf") else []) + ["himpun"]
    workdir = args.out or Path(tempfile.mkdtemp(prefix="himpun-ocr-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    pages = make_pages(levels, workdir, args.copies)
    print(f"{len(pages)} pages ({len(pages) // len(levels)} per level) on {os.cpu_count()} cores; "
          f"engines: {', '.join(engines)}")
    print(f"{'level':<9}{'engine':<14}{'CER mean':>9}{'CER max':>9}{'s/page j1':>11}{'s/page j2':>11}{'j2 gain':>9}")
    table: dict[tuple[str, str], dict] = {}
    for level in levels:
        group = [p for p in pages if p.level == level]
        for engine in engines:
            texts, t1 = run_engine(engine, group, 1, workdir)
            _, t2 = run_engine(engine, group, 2, workdir)
            cers = [cer(p.truth, t) for p, t in zip(group, texts)]
            row = {"cer": sum(cers) / len(cers), "max": max(cers), "cers": cers,
                   "j1": t1 / len(group), "j2": t2 / len(group)}
            table[(level, engine)] = row
            print(f"{level:<9}{engine:<14}{row['cer']:>9.2%}{row['max']:>9.2%}{row['j1']:>11.2f}{row['j2']:>11.2f}"
                  f"{row['j1'] / row['j2']:>8.2f}x", flush=True)
    goals(table, levels)


def goals(table: dict, levels: list[str]) -> None:
    print("\ngoals")
    checks = []
    if "clean" in levels:
        checks.append(("CER <= 1% on clean 300 dpi pages", table[("clean", "himpun")]["max"] <= 0.01))
    if "heavy" in levels:
        checks.append(("CER <= 3% on heavily degraded pages", table[("heavy", "himpun")]["max"] <= 0.03))
    never_worse = all(h <= b + 1e-9 for lv in levels
                      for h, b in zip(table[(lv, "himpun")]["cers"], table[(lv, "tesseract")]["cers"]))
    checks.append(("never worse than bare Tesseract on the same page", never_worse))
    if "clean" in levels:
        h, b = table[("clean", "himpun")]["j1"], table[("clean", "tesseract-1t")]["j1"]
        checks.append((f"clean pages: s/page within 15% of single-threaded Tesseract ({h / b - 1:+.0%})", h <= 1.15 * b))
    gains = [table[(lv, "himpun")]["j1"] / table[(lv, "himpun")]["j2"] for lv in levels]
    checks.append((f"jobs=2 at least 1.8x jobs=1 (himpun: {', '.join(f'{g:.2f}x' for g in gains)})",
                   all(g >= 1.8 for g in gains)))
    for text, ok in checks:
        print(f"  [{'met' if ok else 'NOT met'}] {text}")


if __name__ == "__main__":
    main()
