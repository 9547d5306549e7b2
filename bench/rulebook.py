"""Rulebook speed: build and write the rulebook for a synthetic catalog.

    python bench/rulebook.py                 # 10,000 clause records
    python bench/rulebook.py --clauses 2000 --no-pdf

Synthetic documents (bench/synth.py) are stored in a fresh catalog and
cross-referenced; then the rulebook's content is built and written as
Markdown, HTML and PDF (WeasyPrint), each timed, with the output sizes and
the PDF's page count.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from himpun.catalog import Catalog  # noqa: E402
from himpun.rulebook import build, write  # noqa: E402
from himpun.xref import sync  # noqa: E402
from synth import documents  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--clauses", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--no-pdf", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        catalog = Catalog(Path(tmp) / "catalog.db")
        for doc in documents(args.clauses, args.seed):
            catalog.store(doc, size=1)
        t = time.perf_counter()
        sync(catalog)
        print(f"{args.clauses:,} clauses: xref sync {time.perf_counter() - t:.1f} s")
        t = time.perf_counter()
        book = build(catalog)
        print(f"content: {time.perf_counter() - t:.2f} s ({len(book.sections)} sections, {len(book.documents):,} "
              f"documents, {len(book.footnotes):,} source references)")
        for fmt in ("md", "html") + (() if args.no_pdf else ("pdf",)):
            out = Path(tmp) / f"buku.{fmt}"
            t = time.perf_counter()
            data = write(book, fmt, out)
            extra = ""
            if fmt == "pdf":
                import pypdfium2
                pdf = pypdfium2.PdfDocument(str(out))
                extra = f", {len(pdf):,} pages"
                pdf.close()
            print(f"{fmt}: {time.perf_counter() - t:.2f} s, {len(data) / 1e6:.1f} MB{extra}", flush=True)


if __name__ == "__main__":
    main()
