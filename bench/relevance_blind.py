"""Search relevance judged blind, document by document.

    python bench/relevance_blind.py [--show] [--limit 10]

bench/relevance_blind/qrels.jsonl holds officer-style queries with graded
judgements written by someone who read the documents and not the search
code: 2 = the document states what the query asks, 1 = it mentions it in
passing or answers in part; every other document counts as not relevant.
The collection is the judged text and HTML documents (bench/heldout/ to
heldout5/ and corpus/; no scans, which were not judged). Each query runs as
`himpun search QUERY --by-document`, and the ranked documents are scored:

- nDCG@10 with the grades as gains (log2 discount);
- P@5: documents graded 1 or 2 among the first five, over five, or over the
  number of relevant documents when fewer;
- R@10: relevant documents among the first ten, over all relevant;
- RR: 1 / rank of the first relevant document (searched to 100).

A query judged to have no relevant document scores 1 when the search finds
nothing and 0 otherwise, on every measure; they are counted apart as well.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from himpun.library import Library  # noqa: E402

QRELS = ROOT / "bench" / "relevance_blind" / "qrels.jsonl"
TEXT = {".txt", ".html", ".htm", ".md"}


JUDGED = ["bench/heldout/docs", "bench/heldout2/docs", "bench/heldout3/docs", "bench/heldout4/docs",
          "bench/heldout5/docs", "corpus"]  # what the judgements cover (sets written later are not judged)


def collection() -> list[Path]:
    dirs = [ROOT / d for d in JUDGED]
    return sorted(p for d in dirs for p in d.rglob("*") if p.is_file() and p.suffix.lower() in TEXT)


def dcg(gains: list[int]) -> float:
    return sum(g / math.log2(i + 2) for i, g in enumerate(gains))


def measures(ranked: list[str], grades: dict[str, int], depth: int = 10) -> dict[str, float]:
    """nDCG@depth, P@5, R@depth, RR of a ranked list of document paths."""
    if not grades:
        v = 1.0 if not ranked else 0.0
        return {"ndcg": v, "p5": v, "recall": v, "rr": v}
    gains = [grades.get(p, 0) for p in ranked]
    ideal = dcg(sorted(grades.values(), reverse=True)[:depth])
    relevant = [g > 0 for g in gains]
    return {
        "ndcg": dcg(gains[:depth]) / ideal,
        "p5": sum(relevant[:5]) / min(5, len(grades)),
        "recall": sum(relevant[:depth]) / len(grades),
        "rr": next((1 / (i + 1) for i, r in enumerate(relevant) if r), 0.0),
    }


def ranked_paths(lib: Library, query: str, limit: int) -> list[str]:
    result = lib.search(query, limit=limit, facets=False, by_document=True)
    out = []
    for d in result.documents or []:
        path = Path(d.path)
        out.append(str(path.relative_to(ROOT)) if path.is_absolute() else str(path))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--show", action="store_true", help="print each query's ranked documents, judged")
    ap.add_argument("--limit", type=int, default=10, help="depth of nDCG and recall (default 10)")
    ap.add_argument("--qrels", type=Path, default=QRELS, help=f"judgements (default {QRELS.relative_to(ROOT)})")
    args = ap.parse_args()
    qrels = [json.loads(line) for line in args.qrels.read_text("utf-8").splitlines() if line.strip()]
    files = collection()
    judged = {p for q in qrels for p in q["relevant"]}
    unknown = judged - {str(p.relative_to(ROOT)) for p in files}
    if unknown:
        sys.exit(f"judged documents not in the collection: {sorted(unknown)}")
    with tempfile.TemporaryDirectory() as tmp:
        with Library(Path(tmp) / "library") as lib:
            report = lib.ingest(files, jobs=1)
            print(f"{len(files)} documents ingested ({report.summary()['failed']} failed), {len(qrels)} queries\n")
            rows, empty = [], []
            print(f"{'id':<4} {'query':<46} {'nDCG':>5} {'P@5':>5} {'R@10':>5} {'RR':>5}  rel")
            for q in qrels:
                ranked = ranked_paths(lib, q["query"], 100)
                m = measures(ranked[:args.limit] if q["relevant"] else ranked, q["relevant"], args.limit)
                if q["relevant"]:
                    m["rr"] = measures(ranked, q["relevant"], args.limit)["rr"]
                    rows.append(m)
                else:
                    empty.append((q, len(ranked)))
                print(f"{q['id']:<4} {q['query'][:46]:<46} {m['ndcg']:5.2f} {m['p5']:5.2f} {m['recall']:5.2f} "
                      f"{m['rr']:5.2f}  {len(q['relevant'])}" + ("" if q["relevant"] else f" (found {len(ranked)})"))
                if args.show:
                    for i, p in enumerate(ranked[:args.limit]):
                        print(f"       {i + 1:>2} [{q['relevant'].get(p, 0)}] {p}")
                    missed = [p for p in q["relevant"] if p not in ranked[:args.limit]]
                    for p in missed:
                        print(f"        missed [{q['relevant'][p]}] {p}")
    n = len(rows)
    mean = {k: sum(r[k] for r in rows) / n for k in ("ndcg", "p5", "recall", "rr")}
    print(f"\n{n} queries with relevant documents: nDCG@{args.limit} {mean['ndcg']:.2f}, P@5 {mean['p5']:.2f}, "
          f"R@{args.limit} {mean['recall']:.2f}, MRR {mean['rr']:.2f}")
    if empty:
        print(f"{len(empty)} queries judged to have none: "
              + ", ".join(f"{q['id']} found {k}" for q, k in empty))


if __name__ == "__main__":
    main()
