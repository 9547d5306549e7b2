"""Precision, recall and F1 of the parser per field against hand annotations.

    python bench/extraction.py TRUTH.jsonl DOCS_DIR [--show]

TRUTH.jsonl holds one object per document: `file` (a name in DOCS_DIR) and
the expected `kind`, `region`, `issuers`, `numbers`, `dates`, `citations`,
`prohibitions` (category slugs) and `sanctions` (sanction slugs). Each field is compared as a set per document (kind and
region as one-element sets) and scored micro-averaged over all documents.
`--show` prints, per document, what was missed and what was extra.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from himpun.errors import FileError  # noqa: E402
from himpun.ingest import extract_path  # noqa: E402

FIELDS = ["kind", "region", "issuers", "numbers", "dates", "citations", "prohibitions", "sanctions"]


def _norm(s: str) -> str:
    s = " ".join(str(s).split()).casefold()
    return re.sub(r"^(?:nomor|no\.?)\s*:?\s*", "", s)


def predicted(doc) -> dict[str, set[str]]:
    return {
        "kind": {doc.kind},
        "region": {doc.region} if doc.region else set(),
        "issuers": set(doc.issuers),
        "numbers": set(doc.numbers),
        "dates": set(doc.dates),
        "citations": {c.key for c in doc.citations},
        "prohibitions": set(doc.categories()),
        "sanctions": set(doc.sanction_types()),
    }


def expected(row: dict) -> dict[str, set[str]]:
    return {
        "kind": {row["kind"]},
        "region": {row["region"]} if row.get("region") else set(),
        "issuers": set(row.get("issuers", [])),
        "numbers": set(row.get("numbers", [])),
        "dates": set(row.get("dates", [])),
        "citations": set(row.get("citations", [])),
        "prohibitions": set(row.get("prohibitions", [])),
        "sanctions": set(row.get("sanctions", [])),
    }


def score(truth_path: Path, docs_dir: Path, show: bool = False) -> dict[str, tuple[int, int, int]]:
    counts = {f: [0, 0, 0] for f in FIELDS}  # tp, fp, fn
    rows = [json.loads(line) for line in truth_path.read_text("utf-8").splitlines() if line.strip()]
    started = time.perf_counter()
    for row in rows:
        path = docs_dir / row["file"]
        try:
            got = predicted(extract_path(path))
        except FileError as exc:
            print(f"error: {exc}", file=sys.stderr)
            got = {f: set() for f in FIELDS}
        want = expected(row)
        for field in FIELDS:
            g = {_norm(x) for x in got[field]}
            w = {_norm(x) for x in want[field]}
            counts[field][0] += len(g & w)
            counts[field][1] += len(g - w)
            counts[field][2] += len(w - g)
            if show and g != w:
                print(f"{row['file']}  {field}: missed {sorted(w - g)} extra {sorted(g - w)}")
    elapsed = time.perf_counter() - started
    print(f"{len(rows)} documents from {docs_dir} in {elapsed:.2f} s")
    return {f: tuple(c) for f, c in counts.items()}


def report(counts: dict[str, tuple[int, int, int]]) -> None:
    print(f"{'field':<14}{'P':>7}{'R':>7}{'F1':>7}{'tp':>6}{'fp':>5}{'fn':>5}")
    total = [0, 0, 0]
    for field, (tp, fp, fn) in counts.items():
        total = [total[0] + tp, total[1] + fp, total[2] + fn]
        print(_line(field, tp, fp, fn))
    print(_line("all (micro)", *total))


def _line(name: str, tp: int, fp: int, fn: int) -> str:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"{name:<14}{p:>7.2f}{r:>7.2f}{f:>7.2f}{tp:>6}{fp:>5}{fn:>5}"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("truth", type=Path)
    ap.add_argument("docs", type=Path)
    ap.add_argument("--show", action="store_true", help="print each document's misses and extras")
    args = ap.parse_args()
    report(score(args.truth, args.docs, args.show))


if __name__ == "__main__":
    main()
