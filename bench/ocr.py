"""OCR accuracy and speed: Himpun against bare Tesseract (and OCRmyPDF where
installed) on pages of known text, rendered and degraded like scans.

    python bench/ocr.py [--levels clean,mild,heavy,rotated] [--out DIR]
    python bench/ocr.py --ablation      # what each preprocessing step buys

For each degradation level it reports the character error rate (CER, mean
and worst page) against the text the page was rendered from, CPU seconds per
page (this process and its children) and wall-clock seconds per page with one
worker and with two, for:
- tesseract:      the bare `tesseract IMG stdout -l ind` CLI, default settings
                  (its own OpenMP threads);
- tesseract-1t:   the same with OMP_THREAD_LIMIT=1, one process per worker;
- ocrmypdf:       `ocrmypdf -l ind --deskew --clean`, then pdfplumber, where installed;
- himpun:         himpun.ingest (preprocessing, Tesseract, speck filter, text cleaning).
It ends with the project's goals and whether they are met. With --ablation it
instead reads the pages with Himpun once with every step and once with each
step switched off (deskew: switched on), and reports CER and s/page per level.
"""
from __future__ import annotations

import argparse
import os
import resource
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
from himpun.ingest.ocr import OcrOptions  # noqa: E402
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


def cpu_seconds() -> float:
    """User and system time of this process and of its finished children."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def run_engine(name: str, pages: list[Page], jobs: int, workdir: Path) -> tuple[list[str], float]:
    started = time.perf_counter()
    if name == "himpun":
        with OcrContext(jobs=jobs) as ocr:
            ocr.warm()  # a batch starts its workers once; time the pages, not the start
            started = time.perf_counter()
            results = ocr.run(PageTask(str(p.path), "image", 0, ocr.options) for p in pages)
            texts = [clean_page(r.text).text for r in results]
            elapsed = time.perf_counter() - started
        return texts, elapsed
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
    ap.add_argument("--repeat", type=int, default=2, help="timed runs per engine; the best counts")
    ap.add_argument("--ablation", action="store_true", help="measure each preprocessing step instead")
    args = ap.parse_args()
    levels = args.levels.split(",")
    engines = ["tesseract", "tesseract-1t"] + (["ocrmypdf"] if shutil.which("ocrmypdf") else []) + ["himpun"]
    workdir = args.out or Path(tempfile.mkdtemp(prefix="himpun-ocr-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    pages = make_pages(levels, workdir, args.copies)
    if args.ablation:
        ablation(pages, levels)
        return
    print(f"{len(pages)} pages ({len(pages) // len(levels)} per level) on {os.cpu_count()} cores; "
          f"engines: {', '.join(engines)}")
    print(f"{'level':<9}{'engine':<14}{'CER mean':>9}{'CER max':>9}{'cpu/page':>10}{'s/page j1':>11}"
          f"{'s/page j2':>11}{'j2 gain':>9}")
    table: dict[tuple[str, str], dict] = {}
    for level in levels:
        group = [p for p in pages if p.level == level]
        rows = {e: {"j1": float("inf"), "j2": float("inf"), "cpu": float("inf")} for e in engines}
        # Engines take turns and each timing is the best of --repeat runs: this
        # machine's speed drifts by a quarter between minutes.
        for rep in range(args.repeat):
            for engine in engines:
                if engine == "ocrmypdf" and rep:
                    continue  # a slow reference; one run is enough
                for jobs in (1, 2):
                    cpu_before = cpu_seconds()
                    texts, elapsed = run_engine(engine, group, jobs, workdir)
                    rows[engine][f"j{jobs}"] = min(rows[engine][f"j{jobs}"], elapsed / len(group))
                    if jobs == 1:
                        rows[engine]["cpu"] = min(rows[engine]["cpu"], (cpu_seconds() - cpu_before) / len(group))
                    if "cers" not in rows[engine]:
                        rows[engine]["cers"] = [cer(p.truth, t) for p, t in zip(group, texts)]
        for engine in engines:
            row = rows[engine]
            row["cer"], row["max"] = sum(row["cers"]) / len(group), max(row["cers"])
            table[(level, engine)] = row
            print(f"{level:<9}{engine:<14}{row['cer']:>9.2%}{row['max']:>9.2%}{row['cpu']:>10.2f}{row['j1']:>11.2f}"
                  f"{row['j2']:>11.2f}{row['j1'] / row['j2']:>8.2f}x", flush=True)
    goals(table, levels)


VARIANTS = {
    "all steps": OcrOptions(),
    "no clean": OcrOptions(clean=False),
    "no upscale": OcrOptions(upscale=False),
    "no orient": OcrOptions(orient=False),
    "no recover": OcrOptions(recover=False),
    "with deskew": OcrOptions(deskew=True),
}


def ablation(pages: list[Page], levels: list[str]) -> None:
    print(f"{'variant':<13}" + "".join(f"{lv + ' CER':>13}{'s/page':>8}" for lv in levels))
    for name, options in VARIANTS.items():
        cells = []
        for level in levels:
            group = [p for p in pages if p.level == level]
            started = time.perf_counter()
            with OcrContext(jobs=1, options=options) as ocr:
                results = ocr.run(PageTask(str(p.path), "image", 0, options) for p in group)
            elapsed = (time.perf_counter() - started) / len(group)
            cers = [cer(p.truth, clean_page(r.text).text) for p, r in zip(group, results)]
            cells.append(f"{sum(cers) / len(cers):>13.2%}{elapsed:>8.2f}")
        print(f"{name:<13}" + "".join(cells), flush=True)


def goals(table: dict, levels: list[str]) -> None:
    print("\ngoals")
    checks = []
    if "clean" in levels:
        checks.append(("CER <= 1% on clean 300 dpi pages", table[("clean", "himpun")]["max"] <= 0.01))
    if "heavy" in levels:
        checks.append(("CER <= 3% on heavily degraded pages", table[("heavy", "himpun")]["max"] <= 0.03))
    worse = [(lv, i, h, b) for lv in levels
             for i, (h, b) in enumerate(zip(table[(lv, "himpun")]["cers"], table[(lv, "tesseract")]["cers"]))
             if h > b + 1e-9]
    for lv, i, h, b in worse:
        print(f"  worse than bare Tesseract: {lv} page {i + 1}: {h:.2%} against {b:.2%}")
    checks.append(("never worse than bare Tesseract on the same page", not worse))
    if "clean" in levels:
        h, b = table[("clean", "himpun")]["j1"], table[("clean", "tesseract-1t")]["j1"]
        hc, bc = table[("clean", "himpun")]["cpu"], table[("clean", "tesseract-1t")]["cpu"]
        checks.append((f"clean pages: wall s/page within 15% of single-threaded Tesseract ({h / b - 1:+.0%})",
                       h <= 1.15 * b))
        checks.append((f"clean pages: CPU s/page within 15% of single-threaded Tesseract ({hc / bc - 1:+.0%})",
                       hc <= 1.15 * bc))
    gains = [table[(lv, "himpun")]["j1"] / table[(lv, "himpun")]["j2"] for lv in levels]
    checks.append((f"jobs=2 at least 1.8x jobs=1 (himpun: {', '.join(f'{g:.2f}x' for g in gains)})",
                   all(g >= 1.8 for g in gains)))
    for text, ok in checks:
        print(f"  [{'met' if ok else 'NOT met'}] {text}")


if __name__ == "__main__":
    main()
