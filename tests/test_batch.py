"""Batch ingestion: a local pool of worker processes and a real Dask cluster
give the same catalog as one process; an interrupted batch finishes on a
re-run; the same bytes under two names are one document."""
import os
import socket
import subprocess
import sys
import time

import pytest

from himpun.library import Library
from tests.conftest import alive, descendants, write_copies
from tests.fixtures import XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

TEXTS = {"se_sleman.txt": XREF_SLEMAN, "se_madiun.txt": XREF_MADIUN, "se_menpan.txt": XREF_NATIONAL}


@pytest.fixture
def inbox(tmp_path, sample_dir):
    d = tmp_path / "batch"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    for f in sample_dir.iterdir():
        (d / f.name).write_bytes(f.read_bytes())
    (d / "copy_of_sleman.txt").write_text(XREF_SLEMAN, encoding="utf-8")  # same bytes, another name
    (d / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<")  # truncated
    return d


def snapshot(lib: Library) -> dict:
    db = lib.catalog.db
    return {
        "documents": sorted(tuple(r) for r in db.execute(
            "SELECT sha256, kind, issuer, region, numbers, date FROM documents")),
        "clauses": sorted(tuple(r) for r in db.execute(
            "SELECT id, kind, text, page, start_char, end_char, context, marker FROM clauses")),
        "categories": sorted(tuple(r) for r in db.execute("SELECT clause, category FROM clause_categories")),
        "sanctions": sorted(tuple(r) for r in db.execute("SELECT clause, type, severity FROM clause_sanctions")),
        "facts": sorted(tuple(r) for r in db.execute("SELECT clause, category, sanction FROM xref_facts")),
        "search": lib.search("ASN").total,
    }


def statuses(report):
    return sorted((o.path.rsplit("/", 1)[-1], o.status) for o in report.outcomes)


def test_a_local_pool_gives_what_one_process_gives(inbox, tmp_path, monkeypatch):
    monkeypatch.setattr("himpun.batch.POOL_FROM", 2)  # a pool even for this handful of text files
    one = Library(tmp_path / "one")
    r1 = one.ingest([inbox], jobs=1)
    pool = Library(tmp_path / "pool")
    r2 = pool.ingest([inbox], jobs=2)
    assert statuses(r1) == statuses(r2)
    # files are taken in sorted order: the copy comes first, the original is then a duplicate of it
    assert ("se_sleman.txt", "skipped") in statuses(r2) and ("broken.pdf", "failed") in statuses(r2)
    (twin,) = [o for o in r2.outcomes if o.path.endswith("/se_sleman.txt")]
    assert twin.reason == f"same content as {inbox / 'copy_of_sleman.txt'}"
    assert snapshot(one) == snapshot(pool)
    one.close()
    pool.close()


def test_local_and_ocr_workers_start_warm_from_the_fork_server():
    """Each worker of the local pool and of a scan's page pool is forked from a server that has already
    run the parser once."""
    from himpun.ingest.pages import OcrContext
    from himpun.ingest.runners import LocalPool

    pool = LocalPool(2)
    try:
        assert pool._executor(2).submit(_worker_state).result() == (True, True, True)
    finally:
        pool.close()
    with OcrContext(jobs=2) as ocr:
        assert ocr._executor().submit(_worker_state).result() == (True, True, True)


def test_local_pool_workers_run_below_the_priority_of_the_batch():
    """The writer and the index process come first; the workers take what is left of the cores."""
    from himpun.ingest.runners import LocalPool
    from himpun.ingest.work import WORKER_NICENESS

    pool = LocalPool(2)
    try:
        assert pool._executor(2).submit(os.nice, 0).result() == min(19, os.nice(0) + WORKER_NICENESS)
    finally:
        pool.close()


@pytest.mark.parametrize("elsewhere, expected", [
    # 30 stored, 17 to come: 9 more (8 left), 4 more (4 left), 2 (the least), 2
    (True, [10, 20, 30, 39, 43, 45, 47]),
    (False, [10, 20, 30, 40]),  # files read here, the index written here: nothing gained by more
])
def test_checkpoints_come_closer_towards_the_end_of_a_batch(tmp_path, monkeypatch, elsewhere, expected):
    """With a runner, every `checkpoint_every` stored documents, then each time as many as are
    still to come (down to a fifth of it), so that little is left to index after the last file;
    cross-references every XREF_EVERY, after the checkpoint."""
    from himpun import batch
    from himpun.catalog import Catalog

    monkeypatch.setattr(batch, "XREF_EVERY", 5)
    d = write_copies(tmp_path / "many", {"se.txt": XREF_SLEMAN}, 47)
    calls, stored = [], []
    catalog = Catalog(tmp_path / "catalog.db")
    try:
        report = batch.ingest_paths(catalog, [d], on_file=stored.append, checkpoint_every=10,
                                    runner=_RecordingRunner([]) if elsewhere else None,
                                    checkpoint=lambda: calls.append(("index", len(stored))),
                                    cross_reference=lambda: calls.append(("xref", len(stored))))
    finally:
        catalog.close()
    assert report.summary()["ingested"] == 47
    assert [n for what, n in calls if what == "index"] == expected
    assert [n for what, n in calls if what == "xref"] == [5, 10, 15, 20, 25, 30, 35, 40, 45]
    assert calls.index(("index", 10)) < calls.index(("xref", 10))


class _RecordingRunner:
    """A runner that reads the files here, and notes how many files were hashed when it was told to
    get ready."""
    local = True

    def __init__(self, hashed):
        self.hashed, self.events = hashed, []

    def prepare(self):
        self.events.append(("prepared", len(self.hashed)))

    def run(self, items, ocr_mode, options):
        from himpun.ingest.pages import OcrContext
        from himpun.ingest.work import process_with

        self.events.append(("run", len(items)))
        return (process_with(path, sha, OcrContext(mode=ocr_mode)) for path, sha in items)


def test_a_batch_worth_a_pool_starts_it_while_hashing_its_files(tmp_path, monkeypatch):
    """The pool starts as soon as the files still to be read are enough for one (POOL_FROM new text
    files, or a PDF or image), while the rest are hashed; not for a few files, nor for files that are
    all in already."""
    from himpun import batch
    from himpun.catalog import Catalog

    hashed = []
    monkeypatch.setattr(batch, "sha256_of", lambda data, _real=batch.sha256_of: hashed.append(1) or _real(data))
    few = write_copies(tmp_path / "few", {"se.txt": XREF_MADIUN}, 3)
    many = write_copies(tmp_path / "many", {"se.txt": XREF_SLEMAN}, 40)
    catalog = Catalog(tmp_path / "catalog.db")
    try:
        runs = []
        for d in (few, many, many):
            hashed.clear()
            runner = _RecordingRunner(hashed)
            report = batch.ingest_paths(catalog, [d], runner=runner)
            runs.append((report.summary()["ingested"], len(hashed), runner.events))
    finally:
        catalog.close()
    assert runs == [(3, 3, []),  # three text files are read here, no pool started
                    (40, 40, [("prepared", batch.POOL_FROM), ("run", 40)]),
                    (0, 40, [])]  # all in already: nothing to read, nothing started


def test_a_killed_batch_leaves_no_process_behind(tmp_path):
    """SIGKILL (the out-of-memory killer's way) of a batch with workers: its parse workers, the fork
    server and the rest end by themselves within seconds instead of waiting for work forever."""
    d = write_copies(tmp_path / "many", TEXTS, 400)
    proc = subprocess.Popen([sys.executable, "-m", "himpun", "--library", str(tmp_path / "lib"), "ingest", str(d),
                             "-q", "--jobs", "2"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            env={**os.environ, "TMPDIR": str(tmp_path)})
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(descendants(proc.pid)) < 4:  # server, 2 workers, tracker
        time.sleep(0.05)
    left = descendants(proc.pid)
    assert len(left) >= 4 and proc.poll() is None, left
    proc.kill()
    proc.wait()
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline and any(alive(p) for p in left):
        time.sleep(0.1)
    assert not [p for p in left if alive(p)]


@pytest.mark.parametrize("error", [RuntimeError("a parser bug"), KeyboardInterrupt()])
def test_a_failing_warm_up_raises_nothing(monkeypatch, error):
    """The fork server dies of anything but an ImportError in its preload: the warm-up lets nothing out."""
    from himpun.ingest import pipeline, warmup

    def fail(*args, **kwargs):
        raise error

    monkeypatch.setattr(pipeline, "extract_path", fail)
    monkeypatch.setattr(warmup, "_WARMED_IN", None)
    warmup.warm()
    assert warmup._WARMED_IN is None if isinstance(error, KeyboardInterrupt) else warmup._WARMED_IN is not None


def _worker_state():
    import sys

    from himpun.ingest import warmup
    from himpun.ingest.parse.citations import _grammar

    return warmup.inherited(), "trafilatura" in sys.modules, _grammar.cache_info().currsize == 1


def test_an_interrupted_batch_finishes_on_a_rerun(inbox, tmp_path):
    lib = Library(tmp_path / "lib")
    seen = []

    def stop_after_two(outcome):
        seen.append(outcome)
        if len([o for o in seen if o.status == "ingested"]) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        lib.ingest([inbox], on_file=stop_after_two, jobs=1)
    assert lib.catalog.counts()["documents"] == 2
    again = lib.ingest([inbox], jobs=1)
    got = dict(statuses(again))
    assert sum(1 for s in got.values() if s == "unchanged") == 2  # the two stored
    assert got["se_sleman.txt"] == "skipped"  # a copy of the stored copy_of_sleman.txt
    assert lib.catalog.counts()["documents"] == 6
    fresh = Library(tmp_path / "fresh")
    fresh.ingest([inbox], jobs=1)
    assert snapshot(lib) == snapshot(fresh)
    lib.close()
    fresh.close()


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def dask_cluster(tmp_path):
    """A real scheduler and two single-threaded worker processes on 127.0.0.1."""
    pytest.importorskip("distributed")
    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = dict(os.environ, OMP_THREAD_LIMIT="1", DASK_DISTRIBUTED__WORKER__DAEMON="False")
    dask = [sys.executable, "-m", "dask"]
    procs = [subprocess.Popen(dask + ["scheduler", "--host", "127.0.0.1", "--port", str(port),
                                      "--dashboard-address", ":0", "--no-show"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=tmp_path)]
    try:
        from distributed import Client
        deadline = time.monotonic() + 60
        while True:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise RuntimeError("the Dask scheduler did not start")
                time.sleep(0.2)
        for _ in range(2):
            procs.append(subprocess.Popen(dask + ["worker", address, "--nthreads", "1", "--no-nanny",
                                                  "--dashboard-address", ":0", "--local-directory", str(tmp_path)],
                                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env,
                                          cwd=tmp_path))
        with Client(address, timeout=30) as client:
            client.wait_for_workers(2, timeout=60)
        yield address
    finally:
        for p in reversed(procs):
            p.kill()  # a test cluster: no graceful shutdown needed
        for p in procs:
            p.wait(timeout=20)


def test_a_dask_cluster_gives_what_a_local_run_gives(inbox, tmp_path, dask_cluster):
    local = Library(tmp_path / "local")
    r1 = local.ingest([inbox], jobs=1)
    remote = Library(tmp_path / "remote")
    r2 = remote.ingest([inbox], scheduler=dask_cluster)
    assert statuses(r1) == statuses(r2)
    assert snapshot(local) == snapshot(remote)
    workers = {row[0] for row in remote.catalog.db.execute("SELECT count(*) FROM documents")}
    assert workers == {6}
    local.close()
    remote.close()


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path, inbox, monkeypatch):
    from himpun.errors import HimpunError
    from himpun.ingest import runners
    monkeypatch.setattr(runners.DaskCluster.__init__, "__defaults__", (2,))  # connect timeout, seconds
    lib = Library(tmp_path / "lib")
    with pytest.raises(HimpunError, match="cannot reach the Dask scheduler"):
        lib.ingest([inbox], scheduler=f"tcp://127.0.0.1:{_free_port()}")
    lib.close()
