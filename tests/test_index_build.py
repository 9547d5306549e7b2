"""Building the index fast without changing it: chunked commits, remembered
field values, the patched segment writer."""
import pickle

import pytest
from whoosh.fields import TEXT

from himpun.index import store
from himpun.index.analysis import indonesian_analyzer
from himpun.index.fields import MemoTEXT
from tests.fixtures import CIRCULAR_GOWA, NEWS_BEKASI, XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN

TEXTS = {"gowa.txt": CIRCULAR_GOWA, "bekasi.txt": NEWS_BEKASI, "sleman.txt": XREF_SLEMAN,
         "madiun.txt": XREF_MADIUN, "nasional.txt": XREF_NATIONAL}


@pytest.fixture
def five(library, tmp_path):
    d = tmp_path / "five"
    d.mkdir()
    for name, text in TEXTS.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def everything(library) -> list[tuple[str, float]]:
    return [(h.id, round(h.score, 6)) for q in ("ASN", "kampanye", "media sosial", "hukuman disiplin", "PP 94/2021")
            for h in library.search(q, limit=1000, facets=False).hits]


def test_chunked_commits_give_the_index_one_commit_gives(library, five, monkeypatch):
    library.ingest([five])
    whole = everything(library)
    assert len(whole) > 20
    monkeypatch.setattr(store, "SEGMENT_CLAUSES", 2)  # a commit for every document
    library.reindex()
    with store.open_index(library.index_dir).searcher() as s:
        assert len(list(s.leaf_searchers())) >= 3
    assert everything(library) == whole
    assert library.catalog.unindexed() == []


def test_an_interrupted_chunked_sync_keeps_what_it_committed(library, five, monkeypatch):
    library.ingest([five])
    monkeypatch.setattr(store, "SEGMENT_CLAUSES", 2)
    library.catalog.mark_all_unindexed()
    calls = {"n": 0}
    real = store.clause_fields

    def failing(catalog, row):  # the third document's clauses cannot be read: a crash mid-sync
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk gone")
        return real(catalog, row)

    monkeypatch.setattr(store, "clause_fields", failing)
    with pytest.raises(OSError):
        store.sync(library.catalog, library.index_dir)
    left = library.catalog.unindexed()
    assert 0 < len(left) < len(TEXTS)
    monkeypatch.setattr(store, "clause_fields", real)
    store.sync(library.catalog, library.index_dir)
    assert library.catalog.unindexed() == []
    ids = [h.id for h in library.search("", limit=1000, facets=False).hits]
    assert len(ids) == len(set(ids)) == library.catalog.db.execute("SELECT count(*) FROM clauses").fetchone()[0]


@pytest.mark.parametrize("value", [CIRCULAR_GOWA, "Media sosial dan baliho", ""])
def test_a_remembered_field_value_indexes_as_the_plain_field(value):
    ana = indonesian_analyzer()
    memo, plain = MemoTEXT(analyzer=ana, stored=True), TEXT(analyzer=ana, stored=True)
    first = list(memo.index(value))
    assert first == list(plain.index(value)) == list(memo.index(value))
    copy = pickle.loads(pickle.dumps(memo))  # sent to a writer process: without the memo
    assert "_memo" not in copy.__dict__ and list(copy.index(value)) == first
    assert memo == plain and memo == copy


class _Seg:
    def __init__(self, n):
        self.n = n

    def doc_count_all(self):
        return self.n


def test_large_segments_are_never_merged():
    # fifty segments as a chunked build leaves them (a few documents under the nominal 20,000 of a
    # chunk's writer process) and a few small ones: nothing to merge (Whoosh's own policy merged half of
    # such an index on the next small commit; a fixed bound of 20,000 merged all of it)
    segments = [_Seg(19_950 + i) for i in range(50)] + [_Seg(300), _Seg(1_500), _Seg(12_000)]
    from himpun.index.segments import tiered
    assert tiered(None, segments, large=2_000) == segments[50:52] + segments[:50] + segments[52:]


def test_a_small_commit_never_merges_what_a_chunked_build_committed(library, tmp_path, monkeypatch):
    # a real build by chunks, each chunk's segment a little under SEGMENT_CLAUSES, then one more document:
    # every segment of the build is still there, unmerged, and every clause is found once
    batch = tmp_path / "batch"
    batch.mkdir()
    for i in range(40):
        (batch / f"se{i:02d}.txt").write_text(f"{CIRCULAR_GOWA}\nTembusan arsip nomor {i}.\n", encoding="utf-8")
    library.ingest([batch], jobs=1)
    monkeypatch.setattr(store, "SEGMENT_CLAUSES", 32)
    monkeypatch.setattr(store, "_procs", lambda clauses: 1)  # chunks of 32 clauses, one writer each
    library.reindex()
    built = {seg.segment_id(): seg.doc_count_all() for seg in store.open_index(library.index_dir)._segments()}
    assert len(built) >= 4 and all(n <= 32 for n in built.values())
    one = tmp_path / "one"
    one.mkdir()
    (one / "bekasi.txt").write_text(NEWS_BEKASI, encoding="utf-8")
    library.ingest([one], jobs=1)
    after = {seg.segment_id() for seg in store.open_index(library.index_dir)._segments()}
    assert set(built) <= after and len(after) == len(built) + 1
    ids = [h.id for h in library.search("", limit=10_000, facets=False).hits]
    assert len(ids) == len(set(ids)) == library.catalog.db.execute("SELECT count(*) FROM clauses").fetchone()[0]


def test_small_commits_are_merged_by_tiers(library, five):
    # one document a commit: the small segments are merged once FAN_IN of them stand, so their number
    # stays bounded, and every clause is still found once
    from himpun.index.segments import FAN_IN
    for i, path in enumerate(sorted(five.iterdir())):
        one = five.parent / f"one{i}"
        one.mkdir()
        (one / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
        library.ingest([one])
    with store.open_index(library.index_dir).searcher() as s:
        assert len(list(s.leaf_searchers())) < FAN_IN
    ids = [h.id for h in library.search("", limit=1000, facets=False).hits]
    assert len(ids) == len(set(ids)) == library.catalog.db.execute("SELECT count(*) FROM clauses").fetchone()[0]
