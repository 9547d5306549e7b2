"""Concurrent use: searches run while an ingest writes; a second writer waits
for the writer lock with a message, or fails clearly after its timeout."""
import subprocess
import sys
import threading
import time

from himpun.library import Library
from himpun.lock import writer_lock
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN


def _corpus(d, n):
    d.mkdir()
    texts = [CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN]
    for i in range(n):
        (d / f"doc_{i:03d}.txt").write_text(texts[i % len(texts)] + f"\n\nSalinan {i}.\n", encoding="utf-8")
    return d


def test_searches_run_while_an_ingest_writes(tmp_path):
    corpus = _corpus(tmp_path / "c", 40)
    lib_dir = tmp_path / "lib"
    Library(lib_dir).close()
    proc = subprocess.Popen([sys.executable, "-m", "himpun", "--library", str(lib_dir), "ingest", str(corpus), "-q",
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    reader = Library(lib_dir)
    searches, totals = 0, []
    try:
        while proc.poll() is None:
            # never an error, never a traceback; with facets: their columns must be the searcher's own
            totals.append(reader.search("ASN", limit=3).total)
            searches += 1
    finally:  # a failing search must not leave the ingest running with its pipes open
        out, err = proc.communicate(timeout=120)
        reader.close()
    assert proc.returncode == 0, err
    with Library(lib_dir) as after:
        final = after.search("ASN", limit=3).total
    # every search saw a consistent state of the index: some prefix of the batch, growing
    assert searches >= 3 and final > 0 and all(t <= final for t in totals) and totals == sorted(totals)


def test_a_second_writer_waits_then_gives_up_clearly(tmp_path):
    corpus = _corpus(tmp_path / "c", 2)
    lib_dir = tmp_path / "lib"
    Library(lib_dir).close()
    cmd = [sys.executable, "-m", "himpun", "--library", str(lib_dir), "ingest", str(corpus), "--jobs", "1"]
    with writer_lock(lib_dir):
        r = subprocess.run(cmd + ["--wait", "1"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 4
    assert "waiting for another process writing to this library" in r.stderr
    assert "another process is writing to this library (held by pid" in r.stderr and "gave up after 1 s" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_second_writer_goes_on_when_the_first_is_done(tmp_path):
    corpus = _corpus(tmp_path / "c", 2)
    lib_dir = tmp_path / "lib"
    Library(lib_dir).close()
    held = threading.Event()

    def hold():
        with writer_lock(lib_dir):
            held.set()
            time.sleep(1.5)

    t = threading.Thread(target=hold)
    t.start()
    held.wait()
    r = subprocess.run([sys.executable, "-m", "himpun", "--library", str(lib_dir), "ingest", str(corpus),
                        "--jobs", "1", "--wait", "30"], capture_output=True, text=True, timeout=60)
    t.join()
    assert r.returncode == 0 and "waiting for another process" in r.stderr and "2 ingested" in r.stdout
