"""Crash safety: `himpun ingest` killed with SIGKILL at random moments; after
each kill a re-run finishes the batch with no duplicate, missing or
half-written records, and search works. The number of kills is bounded for
CI (HIMPUN_KILL_RUNS, default 20)."""
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from himpun.index import open_index
from himpun.library import Library
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

RUNS = int(os.environ.get("HIMPUN_KILL_RUNS", "20"))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    d = tmp_path_factory.mktemp("killcorpus")
    texts = [CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN]
    for i in range(15):  # distinct bytes each
        (d / f"doc_{i:02d}.txt").write_text(texts[i % len(texts)] + f"\n\nSalinan {i}.\n", encoding="utf-8")
    return d


def state(lib: Library) -> dict:
    db = lib.catalog.db
    docs = db.execute("SELECT count(*), count(DISTINCT sha256), count(DISTINCT path) FROM documents").fetchone()
    clauses = db.execute("SELECT count(*) FROM clauses").fetchone()[0]
    orphans = db.execute("SELECT count(*) FROM clauses WHERE doc NOT IN (SELECT id FROM documents)").fetchone()[0]
    with open_index(lib.index_dir).searcher() as s:
        indexed = s.doc_count()
    return {"documents": tuple(docs), "clauses": clauses, "orphans": orphans, "indexed": indexed,
            "xref": db.execute("SELECT count(*) FROM xref_done").fetchone()[0],
            "unindexed": db.execute("SELECT count(*) FROM documents WHERE indexed = 0").fetchone()[0],
            "hits": lib.search("ASN dilarang", limit=1).total}


def test_kill_at_random_moments_then_rerun(corpus, tmp_path):
    reference = Library(tmp_path / "reference")
    reference.ingest([corpus], jobs=1)
    want = state(reference)
    reference.close()
    assert want["documents"] == (15, 15, 15) and want["indexed"] == want["clauses"] > 0
    # how long an uninterrupted run takes, to spread the kills over it
    t = time.monotonic()
    subprocess.run([sys.executable, "-m", "himpun", "--library", str(tmp_path / "timing"), "ingest", str(corpus),
                    "-q", "--jobs", "1"], check=True, capture_output=True)
    span = time.monotonic() - t
    rng = random.Random(20261124)
    killed_midway = 0
    for run in range(RUNS):
        lib_dir = tmp_path / f"lib{run}"
        proc = subprocess.Popen([sys.executable, "-m", "himpun", "--library", str(lib_dir), "ingest", str(corpus),
                                 "-q", "--jobs", "1"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 1.0) * span)
        if proc.poll() is None:
            killed_midway += 1
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        lib = Library(lib_dir)
        report = lib.ingest([corpus], jobs=1)
        assert report.ok, [o for o in report.outcomes if o.status == "failed"]
        got = state(lib)
        lib.close()
        assert got == want, f"run {run}"
    assert killed_midway >= RUNS // 2  # most kills landed while the ingest was running
