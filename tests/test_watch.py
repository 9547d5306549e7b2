"""`himpun watch`: files are taken once they stop growing, logged, moved when
asked; SIGTERM stops it cleanly."""
import hashlib
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from himpun.watch import Inbox
from tests.fixtures import XREF_MADIUN, XREF_SLEMAN


def test_a_file_is_taken_only_after_it_stops_growing(tmp_path):
    box = Inbox(tmp_path, settle=1.0)
    f = tmp_path / "a.txt"
    f.write_text("SURAT EDARAN")
    assert box.ready(now=0.0) == []
    assert box.ready(now=0.5) == []
    with f.open("a") as out:
        out.write(" BUPATI SLEMAN")  # still arriving
    assert box.ready(now=1.2) == []  # changed: the clock starts again
    assert box.ready(now=2.0) == []
    assert box.ready(now=2.3) == [f]
    box.taken(f)
    assert box.ready(now=9.0) == []  # taken, unchanged
    (tmp_path / "b.txt.part").write_text("x")  # partial downloads are passed over
    assert box.ready(now=20.0) == []


def _documents(library: Path) -> list[tuple]:
    db = library / "catalog.db"
    if not db.exists():
        return []
    with sqlite3.connect(db) as con:
        try:
            return con.execute("SELECT path, region, sha256 FROM documents").fetchall()
        except sqlite3.OperationalError:
            return []


def test_watch_ingests_arrivals_moves_them_and_stops_on_sigterm(tmp_path):
    inbox, done, library = tmp_path / "inbox", tmp_path / "done", tmp_path / "lib"
    inbox.mkdir()
    proc = subprocess.Popen([sys.executable, "-m", "himpun", "--library", str(library), "watch", str(inbox),
                             "--interval", "0.2", "--settle", "0.6", "--move-to", str(done), "--jobs", "1"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        half = len(XREF_SLEMAN) // 2
        arriving = inbox / "se_sleman.txt"
        arriving.write_text(XREF_SLEMAN[:half], encoding="utf-8")
        time.sleep(0.3)
        with arriving.open("a", encoding="utf-8") as out:
            out.write(XREF_SLEMAN[half:])
        (inbox / "sub").mkdir()
        (inbox / "sub" / "se_madiun.txt").write_text(XREF_MADIUN, encoding="utf-8")
        (inbox / "junk.pdf").write_bytes(b"%PDF-1.4 truncated")
        deadline = time.monotonic() + 60
        while len(_documents(library)) < 2 or (inbox / "junk.pdf").exists():
            assert time.monotonic() < deadline, "watch did not ingest the files"
            time.sleep(0.2)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0
    docs = {r: sha for _, r, sha in _documents(library)}
    assert set(docs) == {"Kabupaten Sleman", "Kota Madiun"}
    assert docs["Kabupaten Sleman"] == hashlib.sha256(XREF_SLEMAN.encode()).hexdigest()  # the whole file, not half
    assert (done / "se_sleman.txt").exists() and (done / "sub" / "se_madiun.txt").exists()
    assert (done / "failed" / "junk.pdf").exists() and not any(inbox.rglob("*.txt"))
    assert "ingested:" in out and "failed:" in err and "stopped; 3 file(s) taken" in err
