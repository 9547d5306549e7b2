"""Cross-reference speed: a full build and the per-document update as the library grows.

    python bench/xref.py                       # 1,000 and 10,000 documents, 50 added one by one
    python bench/xref.py --docs 1000 --added 20 --json out.json

Synthetic documents (bench/synth.py: regional circulars, news, decrees with
8-12 clauses, the taxonomy's phrases, sanctions by reference) are stored in
a fresh catalog; then:
- build: `himpun.xref.sync` over every document (facts, MinHash bands, rule groups);
- views: matrix, divergences, gaps of the busiest region, citation graph (median of 5 runs);
- update: `added` more documents stored and cross-referenced one at a time
  (`himpun.xref.store.update`), median and p95 per document. Per-document
  cost that stays flat from 1,000 to 10,000 documents is the goal.
"""
from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from himpun.catalog import Catalog  # noqa: E402
from himpun.xref import citation_graph, divergences, gaps, matrix, sync  # noqa: E402
from himpun.xref.store import update  # noqa: E402
from synth import documents  # noqa: E402


def _size(doc) -> int:
    return sum(len(p.text.encode()) for p in doc.pages)


def _ms(f, runs: int = 5) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        f()
        times.append((time.perf_counter() - t) * 1000)
    return round(statistics.median(times), 1)


def run(n_docs: int, added: int, work: Path, seed: int) -> dict:
    catalog = Catalog(work / f"catalog-{n_docs}.db")
    docs = documents(10 ** 9, seed)
    t = time.perf_counter()
    for doc in itertools.islice(docs, n_docs):
        catalog.store(doc, size=_size(doc))
    store_s = time.perf_counter() - t
    clauses = catalog.db.execute("SELECT count(*) FROM clauses").fetchone()[0]
    t = time.perf_counter()
    done = sync(catalog)
    build_s = time.perf_counter() - t
    busiest = catalog.db.execute("SELECT region FROM documents WHERE region != 'nasional' "
                                 "GROUP BY region ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    views = {"matrix_ms": _ms(lambda: matrix(catalog)), "divergences_ms": _ms(lambda: divergences(catalog)),
             "gaps_ms": _ms(lambda: gaps(catalog, busiest)), "citations_ms": _ms(lambda: citation_graph(catalog))}
    per_doc, per_store = [], []
    for doc in itertools.islice(docs, added):
        t = time.perf_counter()
        row = catalog.store(doc, size=_size(doc)).row
        t1 = time.perf_counter()
        update(catalog, row)
        per_doc.append((time.perf_counter() - t1) * 1000)
        per_store.append((t1 - t) * 1000)
    per_doc.sort()
    grouped = catalog.db.execute("SELECT count(*) FROM clause_groups g WHERE g.grp != g.clause").fetchone()[0]
    groups = catalog.db.execute("SELECT count(DISTINCT grp) FROM clause_groups").fetchone()[0]
    catalog.close()
    return {"documents": done, "clauses": clauses, "store_s": round(store_s, 2), "build_s": round(build_s, 2),
            "build_docs_per_s": round(done / build_s, 1), **views,
            "update_median_ms": round(statistics.median(per_doc), 2),
            "update_p95_ms": round(per_doc[int(0.95 * (len(per_doc) - 1))], 2),
            "store_median_ms": round(statistics.median(per_store), 2),
            "clauses_in_a_shared_group": grouped, "rule_groups": groups}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, nargs="+", default=[1000, 10000])
    ap.add_argument("--added", type=int, default=50)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--json", type=Path)
    args = ap.parse_args()
    results = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.docs:
            results[n] = r = run(n, args.added, Path(tmp), args.seed)
            print(f"{n:>7,} documents ({r['clauses']:,} clauses): build {r['build_s']} s "
                  f"({r['build_docs_per_s']} docs/s); matrix {r['matrix_ms']} ms, divergences {r['divergences_ms']} ms, "
                  f"gaps {r['gaps_ms']} ms, citations {r['citations_ms']} ms; one more document: xref update median "
                  f"{r['update_median_ms']} ms, p95 {r['update_p95_ms']} ms (store {r['store_median_ms']} ms); "
                  f"{r['clauses_in_a_shared_group']:,} clauses grouped with another, {r['rule_groups']:,} groups",
                  flush=True)
    if len(results) > 1:
        small, large = min(results), max(results)
        print(f"update per document at {large:,} vs {small:,} documents: "
              f"x{results[large]['update_median_ms'] / results[small]['update_median_ms']:.2f} (median)")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
