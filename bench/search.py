"""Search speed: Himpun's Whoosh index against SQLite FTS5 and tantivy on the
same synthetic clauses (bench/synth.py).

    python bench/search.py --sizes 10000 100000 [1000000] --queries 200 \\
        [--engines whoosh fts5 tantivy] [--keep DIR] [--json FILE] [--seed 1] \\
        [--stop-after 180] [--no-profile]

For each size it builds a catalog (himpun.catalog.Catalog.store, one
transaction a document, as himpun/batch.py does) and times
himpun.index.store.rebuild (seconds, clauses/s, index MB). It then runs the
same officer-style queries of 1-3 words in three modes: plain (facets=False),
filtered (one or two filters of region, province, severity, year, kind,
clause_kind, category; facets=False) and facets (all eight facets), each set
after a warm-up of 20 queries (Whoosh also: cold, each query on a new
searcher, and documents, results by document without facets), and reports median and p95 milliseconds. FTS5
(one table: clause text plus UNINDEXED facet columns; MATCH, ORDER BY bm25
LIMIT 10 with snippets, count(*), facets by one GROUP BY over the matches)
and tantivy (term queries ANDed, top 10 with snippets, count, facets by terms
aggregation) get the same records, read back from the catalog, and the same
queries, one engine at a time; the modes run in that order. Whoosh's timings are Himpun's whole search
(query parsing, synonyms, fuzzy and relaxed retries, highlighting), the
others' are bare engines without stemming or synonyms: the mean number of
matches per query is reported alongside. When a Whoosh build takes longer
than --stop-after seconds, larger sizes are skipped and estimated linearly.
Finally cProfile shows what a 10,000-clause Whoosh build spends its time on.
tantivy is optional (`pip install tantivy`); without it that engine is skipped.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from importlib import metadata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from himpun.catalog import Catalog  # noqa: E402
from himpun.index import store as whoosh_store  # noqa: E402
from himpun.index.analysis import use_stem_cache  # noqa: E402
from himpun.index.search import FILTERS, search as whoosh_search  # noqa: E402
from synth import documents  # noqa: E402

FACETS = ("region", "province", "kind", "issuer", "year", "category", "sanction", "severity")
MULTI = ("category", "sanction", "severity")
FIELDS = ("id", "kind", "clause_kind", "region", "province", "issuer", "year", "category", "sanction", "severity",
          "text")
FILTER_WEIGHTS = {"region": 5, "severity": 3, "year": 3, "kind": 2, "clause_kind": 2, "category": 2, "province": 1}
WARMUP = 20
STEMS: Path | None = None  # the stem cache the warm-up fills, as a library's stems.db
PHRASES = """baliho|spanduk|media sosial|medsos|sanksi berat|hukuman disiplin|hukuman disiplin sedang|foto bersama
paslon|berfoto|kampanye|netralitas asn|kendaraan dinas|mobil dinas|fasilitas negara|atribut partai|kaos|teguran
tertulis|teguran lisan|pemotongan tunjangan|tunjangan kinerja|penundaan kenaikan pangkat|penurunan jabatan|
pemberhentian tidak hormat|simbol jari|like komentar|like|share|grup whatsapp|tim sukses|tim pemenangan|surat dukungan
ktp|fotokopi ktp|deklarasi|pidana|denda|sanksi moral|cuti tanggungan negara|pendekatan partai politik|narasumber
partai|pelayanan masyarakat|politik praktis|anggota partai|sembako|mengerahkan pns|mobilisasi massa|keputusan
menguntungkan|masa tenang|alat peraga kampanye|stiker|poster|tempat ibadah|sekolah|pakta integritas|bawaslu|kasn|
pemilu|caleg|paslon|jam kerja|mengunggah|instagram|tiktok|pemecatan|ikut kampanye|peserta kampanye|juru kampanye|
seragam dinas|bendera partai|rumah dinas|gestur|kode khusus|pilihan politik|surat peringatan|gaji berkala"""
PHRASES = [" ".join(p.split()) for p in PHRASES.split("|")]


# -- data ---------------------------------------------------------------------

def build_catalog(path: Path, n: int, seed: int) -> tuple[Catalog, dict]:
    path.parent.mkdir(parents=True, exist_ok=True)
    catalog = Catalog(path)
    t0, synth_s, docs = time.perf_counter(), 0.0, 0
    it = documents(n, seed)
    while True:
        t = time.perf_counter()
        doc = next(it, None)
        synth_s += time.perf_counter() - t
        if doc is None:
            break
        catalog.store(doc, size=sum(len(p.text.encode()) for p in doc.pages))
        docs += 1
    total = time.perf_counter() - t0
    return catalog, {"documents": docs, "seconds": round(total, 2), "synth_seconds": round(synth_s, 2),
                     "store_seconds": round(total - synth_s, 2)}


def records(catalog: Catalog) -> list[dict]:
    """Every clause with the values the Whoosh index gives it, read back from the catalog."""
    db = catalog.db
    cats, sancs = {}, {}
    for cid, cat in db.execute("SELECT clause, category FROM clause_categories ORDER BY clause, position"):
        cats.setdefault(cid, []).append(cat)
    for cid, typ, sev in db.execute("SELECT clause, type, severity FROM clause_sanctions ORDER BY clause, position"):
        sancs.setdefault(cid, []).append((typ, sev))
    out = []
    for r in db.execute("SELECT c.id, d.kind, c.kind, d.region, d.province, d.issuer, d.year, c.text FROM clauses c "
                        "JOIN documents d ON d.id = c.doc ORDER BY d.id, c.seq"):
        s = sancs.get(r[0], [])
        out.append(dict(id=r[0], kind=r[1], clause_kind=r[2], region=r[3] or "-", province=r[4] or "-",
                        issuer=r[5] or "-", year=str(r[6]) if r[6] else "-", category=cats.get(r[0], []),
                        sanction=[t for t, _ in s], severity=sorted({v for _, v in s if v}), text=r[7]))
    return out


def make_queries(recs: list[dict], n: int, seed: int) -> list[tuple[str, dict]]:
    """n queries of 1-3 words, each with the filters of its filtered run (values that occur in the data)."""
    rng = random.Random(seed)
    short = [p for p in PHRASES if len(p.split()) <= 2]
    single = [p for p in PHRASES if len(p.split()) == 1]
    out = []
    while len(out) < n:
        roll = rng.random()
        if roll < 0.6:
            q = rng.choice(PHRASES)
        elif roll < 0.85:
            q = f"{rng.choice(single)} {rng.choice(short)}"
        else:  # a place, as officers type it: "baliho Konawe Selatan"
            region = rng.choice(recs)["region"].split(" ", 1)[-1]
            q = f"{rng.choice(single)} {region}"
        if len(q.split()) > 3:
            continue
        filters = {}
        for name in rng.sample(list(FILTER_WEIGHTS), k=rng.choice([1, 1, 2]), counts=list(FILTER_WEIGHTS.values())):
            rec = rng.choice(recs)
            value = rec[name] if name not in MULTI else (rng.choice(rec[name]) if rec[name] else None)
            if value and value != "-" and name in FILTERS:
                filters[name] = value
        out.append((q, filters))
    return out


def tokens(query: str) -> list[str]:
    return re.findall(r"\w+", query.lower())


# -- engines ------------------------------------------------------------------

class Whoosh:
    name = "whoosh"

    def build(self, catalog, recs, directory: Path) -> int:
        # in a process of its own, as `himpun reindex` runs it: this one holds every record for the other
        # engines, and the index's forked writer processes are slower beside a heap of millions of objects
        # (707 s at a million clauses in this process, 355 s in a fresh one)
        code = ("import sys; from pathlib import Path; from himpun.catalog import Catalog; "
                "from himpun.index.store import rebuild; from himpun.index.analysis import use_stem_cache; "
                "stems = use_stem_cache(Path(sys.argv[3])); "
                "import time; t = time.perf_counter(); "
                "n = rebuild(Catalog(Path(sys.argv[1])), Path(sys.argv[2])).clauses; "
                "print(n, time.perf_counter() - t); stems.flush()")
        out = subprocess.run([sys.executable, "-c", code, str(catalog.path), str(directory), str(STEMS)], check=True,
                             capture_output=True, text=True, cwd=Path(__file__).resolve().parent.parent).stdout
        self.ix = whoosh_store.open_index(directory)
        clauses, seconds = out.split()[-2:]
        self.build_seconds = float(seconds)  # the rebuild itself, without the imports of a new process
        return int(clauses)

    def query(self, q: str, filters: dict, facets: bool, by_document: bool = False) -> int:
        return whoosh_search(self.ix, q, filters=filters, limit=10, facets=facets, by_document=by_document).total

    def drop_caches(self) -> None:
        from himpun.index import searchers
        searchers.forget(self.ix.storage.folder)  # the searcher goes with its posting arrays and facet columns


class Fts5:
    name = "fts5"

    def build(self, catalog, recs, directory: Path) -> int:
        directory.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(directory / "fts5.db")
        self.db.execute("PRAGMA synchronous = OFF")
        cols = ", ".join(f"{f} UNINDEXED" for f in FIELDS if f != "text")
        self.db.execute(f"CREATE VIRTUAL TABLE f USING fts5(text, {cols})")
        with self.db:
            self.db.executemany(f"INSERT INTO f ({', '.join(FIELDS)}) VALUES ({', '.join('?' * len(FIELDS))})",
                                ([",".join(r[k]) if k in MULTI else r[k] for k in FIELDS] for r in recs))
        with self.db:
            self.db.execute("INSERT INTO f (f) VALUES ('optimize')")
        return self.db.execute("SELECT count(*) FROM f").fetchone()[0]

    def query(self, q: str, filters: dict, facets: bool) -> int:
        where, args = ["f MATCH ?"], [" ".join(f'"{t}"' for t in tokens(q))]
        for name, value in filters.items():
            if name in MULTI:
                where.append(f"instr(',' || {name} || ',', ?) > 0")
                args.append(f",{value},")
            else:
                where.append(f"{name} = ?")
                args.append(value)
        cond = " AND ".join(where)
        self.db.execute(f"SELECT id, snippet(f, 0, '**', '**', ' … ', 24), bm25(f) FROM f WHERE {cond} "
                        "ORDER BY bm25(f) LIMIT 10", args).fetchall()
        if not facets:
            return self.db.execute(f"SELECT count(*) FROM f WHERE {cond}", args).fetchone()[0]
        cols = ", ".join(FACETS)
        groups = self.db.execute(f"SELECT {cols}, count(*) FROM f WHERE {cond} GROUP BY {cols}", args).fetchall()
        counts = {name: Counter() for name in FACETS}
        for row in groups:
            for name, value in zip(FACETS, row):
                for v in (value.split(",") if name in MULTI else (value,)):
                    counts[name][v] += row[-1]
        return sum(row[-1] for row in groups)


class Tantivy:
    name = "tantivy"

    def build(self, catalog, recs, directory: Path) -> int:
        import tantivy
        self.t = tantivy
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("text", stored=True)
        for f in FIELDS[:-1]:
            sb.add_text_field(f, stored=True, fast=f != "id", tokenizer_name="raw")
        self.schema = sb.build()
        directory.mkdir(parents=True, exist_ok=True)
        self.ix = tantivy.Index(self.schema, path=str(directory))
        writer = self.ix.writer()
        for r in recs:
            writer.add_document(tantivy.Document(**{k: v for k, v in r.items() if v not in ([], "-")}))
        writer.commit()
        writer.wait_merging_threads()
        self.ix.reload()
        self.searcher = self.ix.searcher()
        return self.searcher.num_docs

    def query(self, q: str, filters: dict, facets: bool) -> int:
        t = self.t
        must = [(t.Occur.Must, t.Query.term_query(self.schema, "text", w)) for w in tokens(q)]
        must += [(t.Occur.Must, t.Query.term_query(self.schema, k, v)) for k, v in filters.items()]
        query = t.Query.boolean_query(must)
        result = self.searcher.search(query, limit=10, count=True)
        snippets = t.SnippetGenerator.create(self.searcher, query, self.schema, "text")
        for _, address in result.hits:
            snippets.snippet_from_doc(self.searcher.doc(address)).to_html()
        if facets:
            self.searcher.aggregate(query, {f: {"terms": {"field": f, "size": 1000}} for f in FACETS})
        return result.count


ENGINES = {"whoosh": Whoosh, "fts5": Fts5, "tantivy": Tantivy}


# -- measuring ------------------------------------------------------------------

def timed_set(engine, queries, mode: str) -> dict:
    """Median and p95 over the queries after a warm-up; mode `cold`: with facets, each query on a
    searcher opened for it (nothing kept from the query before: posting arrays, facet columns), no
    warm-up, as the first search of a new process sees the index (imports not counted)."""
    cold = mode == "cold"
    runs = [(q, flt if mode == "filtered" else {}, mode in ("facets", "cold")) + ((True,) if mode == "documents" else ())
            for q, flt in queries]
    for run in runs[:0 if cold else WARMUP]:
        engine.query(*run)
    ms, hits = [], []
    for run in runs:
        if cold:
            engine.drop_caches()
        t = time.perf_counter()
        hits.append(engine.query(*run))
        ms.append((time.perf_counter() - t) * 1000)
    ms.sort()
    return {"median_ms": round(statistics.median(ms), 2), "p95_ms": round(ms[max(0, -(-len(ms) * 95 // 100) - 1)], 2),
            "mean_hits": round(statistics.mean(hits), 1)}


def dir_mb(path: Path) -> float:
    files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
    return round(sum(p.stat().st_size for p in files) / 1e6, 1)


def run_size(n: int, args, work: Path) -> dict:
    print(f"\n== {n:,} clauses", flush=True)
    catalog, cat_info = build_catalog(work / "catalog.db", n, args.seed)
    print(f"catalog: {cat_info}", flush=True)
    t = time.perf_counter()
    recs = records(catalog)
    prep_s = time.perf_counter() - t
    queries = make_queries(recs, args.queries, args.seed)
    out = {"clauses": n, "catalog": cat_info, "records_seconds": round(prep_s, 2), "engines": {}}
    for name in args.engines:
        engine = ENGINES[name]()
        if name == "tantivy" and not tantivy_version():
            print("tantivy: not installed (pip install tantivy); skipped", flush=True)
            continue
        t = time.perf_counter()
        count = engine.build(catalog, recs, work / name)
        build_s = getattr(engine, "build_seconds", None) or time.perf_counter() - t
        res = {"build_s": round(build_s, 2), "clauses_per_s": round(count / build_s), "indexed": count,
               "size_mb": dir_mb(work / name)}
        print(f"{name}: built {count:,} clauses in {build_s:.1f} s, {res['size_mb']} MB", flush=True)
        for mode in ("plain", "filtered", "facets") + (("cold", "documents") if hasattr(engine, "drop_caches") else ()):
            res[mode] = timed_set(engine, queries, mode)
            print(f"  {mode}: {res[mode]}", flush=True)
        out["engines"][name] = res
        del engine
    catalog.close()
    return out


def profile_build(n: int, seed: int, work: Path) -> dict:
    """cProfile of a Whoosh rebuild as Himpun runs it (writer processes when it has the cores: their work is
    invisible here), and with one writer in this process; top 10 by cumulative, then by own time."""
    catalog, _ = build_catalog(work / "catalog.db", n, seed)
    out = {}
    variants = [("as configured", None)]
    if hasattr(whoosh_store, "PARALLEL_FROM"):
        variants.append(("one writer", 10 ** 12))
    for label, parallel_from in variants:
        saved = getattr(whoosh_store, "PARALLEL_FROM", None)
        if parallel_from:
            whoosh_store.PARALLEL_FROM = parallel_from
        prof = cProfile.Profile()
        t = time.perf_counter()
        try:
            prof.runcall(whoosh_store.rebuild, catalog, work / "index")
        finally:
            if parallel_from:
                whoosh_store.PARALLEL_FROM = saved
        seconds = time.perf_counter() - t
        text = io.StringIO()
        stats = pstats.Stats(prof, stream=text).strip_dirs()
        stats.sort_stats("cumulative").print_stats(10)
        stats.sort_stats("tottime").print_stats(10)
        out[label] = {"seconds": round(seconds, 2), "stats": _trim(text.getvalue())}
    catalog.close()
    return out


def _trim(text: str) -> str:
    return "\n".join(ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith(("Ordered", "List")))


def tantivy_version() -> str | None:
    try:
        import tantivy  # noqa: F401
        return metadata.version("tantivy")
    except Exception:
        return None


def whoosh_version() -> str:
    for dist in ("Whoosh-Reloaded", "whoosh-ng", "Whoosh"):
        try:
            return f"{dist} {metadata.version(dist)}"
        except metadata.PackageNotFoundError:
            pass
    return "?"


def print_table(results: list[dict]) -> None:
    print("\nclauses    engine   build s  clauses/s  MB     plain med/p95   filtered med/p95  facets med/p95  "
          "hits plain/filt/fac   cold facets med/p95")
    for size in results:
        if "estimate" in size:
            print(f"{size['clauses']:<10,} whoosh   ~{size['estimate']['whoosh_build_s']:.0f} (estimated, not run)")
            continue
        eng = size["engines"]
        for name, r in eng.items():
            cells = [f"{r[m]['median_ms']:>7.2f} /{r[m]['p95_ms']:>8.2f}" for m in ("plain", "filtered", "facets")]
            hits = "/".join(f"{r[m]['mean_hits']:.0f}" for m in ("plain", "filtered", "facets"))
            cold = f"   {r['cold']['median_ms']:>7.2f} /{r['cold']['p95_ms']:>8.2f}" if "cold" in r else ""
            print(f"{size['clauses']:<10,} {name:<8} {r['build_s']:>7.1f} {r['clauses_per_s']:>10,} "
                  f"{r['size_mb']:>6.1f}  {cells[0]}  {cells[1]}   {cells[2]}  {hits}{cold}")
        for other in ("fts5", "tantivy"):
            if "whoosh" in eng and other in eng:
                w, o = eng["whoosh"], eng[other]
                ratios = [w[m]["median_ms"] / max(o[m]["median_ms"], 1e-3) for m in ("plain", "filtered", "facets")]
                print(f"{'':<10} whoosh/{other}: build x{w['build_s'] / o['build_s']:.3g}, size x"
                      f"{w['size_mb'] / o['size_mb']:.2g}, median plain x{ratios[0]:.2g}, filtered x{ratios[1]:.2g},"
                      f" facets x{ratios[2]:.2g}")
        print(f"{'':<10} catalog build {size['catalog']['seconds']} s ({size['catalog']['documents']:,} documents; "
              f"synth {size['catalog']['synth_seconds']} s, store {size['catalog']['store_seconds']} s)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    ap.add_argument("--queries", type=int, default=200)
    ap.add_argument("--engines", nargs="+", choices=list(ENGINES), default=list(ENGINES))
    ap.add_argument("--keep", type=Path, help="keep catalogs and indexes here (default: a temporary directory)")
    ap.add_argument("--json", type=Path, help="write the results to this file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--stop-after", type=float, default=180.0,
                    help="skip larger sizes when a Whoosh build took longer than this (s)")
    ap.add_argument("--no-profile", action="store_true", help="skip the cProfile of a 10,000-clause Whoosh build")
    args = ap.parse_args()
    machine = {"cores": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform(),
               "sqlite": sqlite3.sqlite_version, "whoosh": whoosh_version(), "tantivy": tantivy_version()}
    print(f"machine: {machine}")
    results: list[dict] = []
    report = {"machine": machine, "queries": args.queries, "seed": args.seed, "sizes": results}
    with tempfile.TemporaryDirectory(prefix="himpun-bench-") as tmp:
        root = args.keep or Path(tmp)
        if "whoosh" in args.engines:  # load Sastrawi and stem the common words once, as a library's stems.db has
            catalog, _ = build_catalog(root / "warmup" / "catalog.db", 2000, args.seed + 2)
            global STEMS
            STEMS = root / "stems.db"
            stems = use_stem_cache(STEMS)
            t = time.perf_counter()
            whoosh_store.rebuild(catalog, root / "warmup" / "index")
            report["warmup_build_s"] = round(time.perf_counter() - t, 2)
            stems.flush()
            print(f"warm-up: a 2,000-clause Whoosh build took {report['warmup_build_s']} s (Sastrawi cold)")
            catalog.close()
        last = None
        for n in sorted(args.sizes):
            if last and "whoosh" in last["engines"] and last["engines"]["whoosh"]["build_s"] > args.stop_after:
                est = last["engines"]["whoosh"]["build_s"] * n / last["clauses"]
                print(f"\n== {n:,} clauses: skipped, the Whoosh build of {last['clauses']:,} took more than "
                      f"{args.stop_after:.0f} s; linear estimate {est:.0f} s")
                results.append({"clauses": n, "estimate": {"whoosh_build_s": round(est)}})
                continue
            last = run_size(n, args, root / f"size-{n}")
            results.append(last)
        if not args.no_profile and "whoosh" in args.engines:
            print("\n== cProfile of a 10,000-clause Whoosh build", flush=True)
            report["profile"] = profile_build(10_000, args.seed + 1, root / "profile")
            for label, p in report["profile"].items():
                print(f"-- {label}: {p['seconds']} s\n{p['stats']}")
    print_table(results)
    if args.json:
        args.json.write_text(json.dumps(report, indent=1, ensure_ascii=False), "utf-8")
        print(f"\nwritten to {args.json}")


if __name__ == "__main__":
    main()
