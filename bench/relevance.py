"""Relevance of `himpun search` on officer-style queries.

    python bench/relevance.py [--show]

Builds a library in a temporary directory from the sample corpus (corpus/,
scans included) and the test fixtures (tests/fixtures.py), runs each query of
bench/relevance_queries.tsv and judges each hit by the query's conditions
(its category, sanction, severity, region, kind, or its document's citations
and numbers). Reports precision at 5 (relevant hits among the first five,
over five, or over the number of relevant clauses when fewer exist) and mean
reciprocal rank, per query and overall.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from himpun.library import Library  # noqa: E402
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, NEWS_HTML_PACITAN  # noqa: E402

QUERIES = Path(__file__).with_name("relevance_queries.tsv")


def load_queries() -> list[tuple[str, list[tuple[str, set[str]]]]]:
    out = []
    for line in QUERIES.read_text("utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        query, spec = line.split("\t")
        conds = [(k.strip(), {v.strip() for v in vals.split("|")})
                 for k, vals in (c.split("=", 1) for c in spec.split(";"))]
        out.append((query, conds))
    return out


def relevant(hit, conds, docs) -> bool:
    doc = docs[hit.doc_id]
    values = {"category": set(hit.categories), "sanction": set(hit.sanctions), "severity": set(hit.severity),
              "region": {hit.region}, "kind": {hit.kind}, "clause_kind": {hit.clause_kind},
              "cites": {c.key for c in doc.citations}, "number": set(doc.numbers)}
    return all(values[k] & wanted for k, wanted in conds)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print the first five hits of each query")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        inbox = Path(tmp) / "fixtures"
        inbox.mkdir()
        (inbox / "se_gowa.txt").write_text(CIRCULAR_GOWA, "utf-8")
        (inbox / "berita_bekasi.txt").write_text(NEWS_BEKASI, "utf-8")
        (inbox / "berita_pacitan.html").write_text(NEWS_HTML_PACITAN, "utf-8")
        with Library(Path(tmp) / "library") as lib:
            lib.ingest([ROOT / "corpus", inbox])
            docs = {lib.catalog.document(r).doc_id: lib.catalog.document(r) for r in lib.catalog.document_rows()}
            every = lib.search("", limit=10_000, facets=False).hits
            p5s, rrs = [], []
            print(f"{'query':<42} {'P@5':>5} {'RR':>5}  relevant/first hit")
            for query, conds in load_queries():
                pool = sum(relevant(h, conds, docs) for h in every)
                hits = lib.search(query, limit=5, facets=False).hits
                marks = [relevant(h, conds, docs) for h in hits]
                p5 = sum(marks) / max(1, min(5, pool))
                rr = next((1 / (i + 1) for i, m in enumerate(marks) if m), 0.0)
                if rr == 0.0:
                    rest = lib.search(query, limit=100, facets=False).hits
                    rr = next((1 / (i + 1) for i, h in enumerate(rest) if relevant(h, conds, docs)), 0.0)
                p5s.append(p5)
                rrs.append(rr)
                print(f"{query:<42} {p5:5.2f} {rr:5.2f}  {pool} in corpus, {''.join('+' if m else '-' for m in marks)}")
                if args.show:
                    for h in hits:
                        print(f"      {'+' if relevant(h, conds, docs) else '-'} {h.id} {h.categories} "
                              f"{h.sanctions} {h.snippet[:90]}")
    print(f"\n{len(p5s)} queries: mean P@5 {sum(p5s) / len(p5s):.2f}, MRR {sum(rrs) / len(rrs):.2f}")


if __name__ == "__main__":
    main()
