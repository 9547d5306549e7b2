"""The bulk segment writer and the fast analysis write the index Whoosh's own
writer and token stream write: the same segment files, byte for byte."""
import string

import pytest
from hypothesis import given, settings, strategies as st
from whoosh.fields import TEXT
from whoosh.filedb.compound import CompoundStorage
from whoosh.filedb.filestore import FileStorage
from whoosh.writing import SegmentWriter

from himpun.index import store
from himpun.index.bulk import BulkSegmentWriter
from himpun.index.fields import MemoTEXT
from tests.conftest import alive, write_copies
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

TEXTS = {"gowa.txt": CIRCULAR_GOWA, "bekasi.txt": NEWS_BEKASI, "sleman.txt": XREF_SLEMAN,
         "madiun.txt": XREF_MADIUN, "nasional.txt": XREF_NATIONAL}


@pytest.fixture(scope="module")
def entries(tmp_path_factory):
    """The index entries of five documents, repeated as 40 documents each (common words then have
    more postings than one block of 128 holds)."""
    from himpun.library import Library

    d = tmp_path_factory.mktemp("five")
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    with Library(tmp_path_factory.mktemp("lib")) as lib:
        lib.ingest([d], jobs=1)
        rows = [r[0] for r in lib.catalog.db.execute("SELECT id FROM documents ORDER BY id")]
        base = [f for row in rows for f in store.clause_fields(lib.catalog, row)]
    out = []
    for copy in range(40):
        for f in base:
            out.append(dict(f, id=f"{f['id']}.{copy}", doc_row=f"{f['doc_row']}{copy:02d}"))
    return out


def whoosh_analysis(monkeypatch):
    """Text fields analysed by Whoosh's token stream (the remembered values still remembered)."""
    monkeypatch.setattr(MemoTEXT, "_index", lambda self, value: tuple(TEXT.index(self, value)))


def segment_files(directory) -> dict[str, bytes]:
    """The files inside each segment of an index, named without the segment's random id, in
    segment order, and each segment's total field lengths."""
    ix = store.open_index(directory)
    storage = FileStorage(str(directory))
    out = {}
    for n, seg in enumerate(ix._segments()):
        parts = CompoundStorage(storage.open_file(seg.make_filename(".seg")), use_mmap=False)
        for name in parts.list():
            with parts.open_file(name) as f:
                out[f"{n}:{name.replace(seg.segid, 'X')}"] = f.read()
        parts.close()
        out[f"{n}:field lengths"] = repr(sorted(seg._fieldlengths.items())).encode()  # kept in the index's TOC
    return out


def build(directory, writer_class, batches, deletions=(), optimize=False):
    ix = store.open_index(directory)
    for batch in batches:
        w = writer_class(ix)
        for fields in batch:
            w.add_document(**fields)
        w.commit(merge=False)
    if deletions or optimize:
        w = writer_class(ix)
        for row in deletions:
            w.delete_by_term("doc_row", row)
        w.commit(optimize=optimize, merge=optimize)
    return segment_files(directory)


@pytest.mark.parametrize("extras", [
    {},  # written into Whoosh 3's per-document writer directly
    {"_text_boost": 2.0, "_stored_page": 0},  # a boost or a custom stored value: Whoosh's calls, field by field
])
def test_a_bulk_segment_is_the_segment_whoosh_writes(entries, tmp_path, monkeypatch, extras):
    entries = [dict(e, **extras) if i % 3 == 0 else e for i, e in enumerate(entries)]
    bulk = build(tmp_path / "bulk", BulkSegmentWriter, [entries])
    whoosh_analysis(monkeypatch)
    reference = build(tmp_path / "whoosh", SegmentWriter, [entries])
    assert any(name.endswith(".pst") for name in reference) and len(reference) > 10
    assert bulk.keys() == reference.keys()
    for name in reference:
        assert bulk[name] == reference[name], name


def test_merging_segments_with_deletions_gives_whoosh_s_segment(entries, tmp_path, monkeypatch):
    thirds = [entries[i::3] for i in range(3)]
    gone = sorted({e["doc_row"] for e in entries})[::7]
    bulk = build(tmp_path / "bulk", BulkSegmentWriter, thirds, gone, optimize=True)
    whoosh_analysis(monkeypatch)
    reference = build(tmp_path / "whoosh", SegmentWriter, thirds, gone, optimize=True)
    assert len({name.split(":")[0] for name in reference}) == 1  # merged into one
    assert bulk == reference


def test_a_parallel_sync_indexes_what_a_single_writer_does(library, tmp_path, monkeypatch):
    from tests.test_index_build import everything

    from whoosh import multiproc

    d = write_copies(tmp_path / "many", TEXTS, 6)  # over 100 clauses: Whoosh gives each writer process batches of 100
    library.ingest([d], jobs=1)
    single = everything(library)
    assert multiproc.SegmentWriter is BulkSegmentWriter
    monkeypatch.setattr(store, "PARALLEL_FROM", 1)  # two writer processes
    library.reindex()
    with store.open_index(library.index_dir).searcher() as s:
        assert len(list(s.leaf_searchers())) == 2
    assert sorted(everything(library)) == sorted(single)  # ties between segments may come in another order


ANALYSED = [
    "ASN dilarang memposting di media sosial",
    "dan yang ASN dilarang",  # stopwords first: positions start at the first word kept
    "alat peraga kampanye serta alat peraga",  # a longer phrase of a group, then a shorter one
    "Surat Edaran Nomor 800/1071/BKPSDM/2024 tentang PP 94/2021",
    "kampanye kampanye kampanye berkampanye",
    "",
    "... ,,, ;",
    "Dilarang MEMBERIKAN dukungan kepada calon",
]


@pytest.mark.parametrize("text", ANALYSED)
@pytest.mark.parametrize("field", ["text", "title", "topics"])
def test_fast_analysis_gives_whoosh_s_terms(text, field):
    f = store.schema()[field]
    assert f._index(text) == tuple(TEXT.index(f, text))


WORDS = ["asn", "dilarang", "media", "sosial", "dan", "yang", "alat", "peraga", "kampanye", "Kampanye", "pns",
         "94/2021", "berkampanye", "di", "foto", "bersama", "calon", "x", "é", "800.1/2"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(WORDS) | st.text(string.ascii_letters + "/.- ", max_size=8), max_size=30),
       st.sampled_from([" ", "  ", ", ", "\n", ". "]))
def test_fast_analysis_on_random_texts(words, sep):
    text = sep.join(words)
    for field in ("text", "title"):
        f = store.schema()[field]
        assert f._index(text) == tuple(TEXT.index(f, text))


def test_a_batch_indexed_by_the_background_process_is_indexed_as_by_the_writer(tmp_path, monkeypatch):
    from himpun import batch
    from himpun.index.analysis import stem_cache
    from himpun.library import Library
    from tests.test_index_build import everything

    d = write_copies(tmp_path / "many", TEXTS, 7)  # 35 files: a pool of workers
    with Library(tmp_path / "one") as alone:
        alone.ingest([d], jobs=1)
        expected = sorted(everything(alone))
    monkeypatch.setattr(batch, "CHECKPOINT_EVERY", 4)  # the index process asked eight times and at the end
    with Library(tmp_path / "two") as lib:
        report = lib.ingest([d], jobs=2)
        assert report.summary()["ingested"] == 35
        assert lib.catalog.unindexed() == []
        with store.open_index(lib.index_dir).searcher() as s:
            assert s.doc_count() == sum(1 for _ in lib.catalog.db.execute("SELECT 1 FROM clauses"))
        assert stem_cache().misses == 0  # the writer indexed nothing itself: the index process did it all
        got = sorted(everything(lib))
        # the same hits; their scores agree to within Whoosh's merges: a merge of segments sums each document's
        # field length as stored, in one byte (an approximation), so the average length BM25 divides by drifts
        # (up to 4% for the short topics field, a score by up to 2%) when the index process's small commits were
        # merged, and not at all when they were not (measured: tests/test_index_bulk.py, 2026-12-02)
        assert [h for h, _ in got] == [h for h, _ in expected]
        assert [score for _, score in got] == pytest.approx([score for _, score in expected], rel=0.03)


_STARTS_AND_DIES = """
import os, sys, time
from pathlib import Path
from himpun.catalog import Catalog
from himpun.index.background import BackgroundIndex

root = Path(sys.argv[1])
Catalog(root / "catalog.db").close()
bg = BackgroundIndex(root / "catalog.db", root / "index", root / "stems.db")
bg.request()
print(bg._proc.pid, flush=True)
time.sleep(float(sys.argv[2]))  # the index process has synced nothing and waits for requests
os.kill(os.getpid(), 9)  # the batch dies without a word to it
"""


def test_the_index_process_ends_by_itself_when_the_batch_is_killed(tmp_path):
    """It waits for requests while its batch lives (at least 3 s, beyond its 1 s poll), and ends
    within seconds of the batch's death."""
    import os
    import subprocess
    import sys
    import time

    proc = subprocess.Popen([sys.executable, "-c", _STARTS_AND_DIES, str(tmp_path), "4"], stdout=subprocess.PIPE,
                            text=True, env={**os.environ, "TMPDIR": str(tmp_path)})
    pid = int(proc.stdout.readline())
    time.sleep(3)
    assert proc.poll() is None and alive(pid)  # the batch lives: so does its index process
    assert proc.wait(timeout=30) == -9
    proc.stdout.close()
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and alive(pid):
        time.sleep(0.1)
    assert not alive(pid)

