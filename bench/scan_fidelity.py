"""Does a scan yield the record its source text yields?

    python bench/scan_fidelity.py

For each sample scan in corpus/scans/ (built by scripts/corpus/make_scans.py
from the texts in scripts/corpus/scans/), extract the document from the scan
and from its source text, and compare kind, issuer, region, numbers, date,
citations, prohibition categories and sanction types.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from himpun.ingest import extract_path  # noqa: E402
from himpun.ingest.pages import OcrContext  # noqa: E402
from himpun.scansim import truth  # noqa: E402

FIELDS = ("kind", "issuer", "region", "numbers", "date", "citations", "prohibitions", "sanctions")


def record(doc) -> dict:
    return {"kind": doc.kind, "issuer": doc.issuer, "region": doc.region, "numbers": doc.numbers,
            "date": doc.date, "citations": sorted({c.key for c in doc.citations}),
            "prohibitions": doc.categories(), "sanctions": doc.sanction_types()}


def main() -> None:
    sources = {p.stem: p for p in (ROOT / "scripts" / "corpus" / "scans").glob("*.txt")}
    same = total = 0
    with OcrContext(jobs=2) as ocr, tempfile.TemporaryDirectory() as tmp:
        for scan in sorted((ROOT / "corpus" / "scans").iterdir()):
            stem = next(s for s in sources if scan.stem.startswith(s))
            plain = Path(tmp) / f"{stem}.txt"
            plain.write_text("\f".join(truth(sources[stem].read_text("utf-8"))), encoding="utf-8")
            want, got = record(extract_path(plain)), record(extract_path(scan, ocr=ocr))
            for field in FIELDS:
                total += 1
                if want[field] == got[field]:
                    same += 1
                else:
                    print(f"{scan.name}: {field}: source {want[field]!r}, scan {got[field]!r}")
            print(f"{scan.name}: {sum(want[f] == got[f] for f in FIELDS)}/{len(FIELDS)} fields as in the source")
    print(f"{same}/{total} fields agree")


if __name__ == "__main__":
    main()
