"""The Whoosh index of clauses: its schema, and keeping it in line with the
catalog.

The catalog says which documents are not yet indexed and which were removed;
`sync` applies exactly that in one Whoosh commit and then tells the catalog.
Deleting a document's clauses before adding them makes a repeated sync
harmless, so an interrupted one is simply run again. `rebuild` starts from an
empty index.
"""
from __future__ import annotations

import gc
import hashlib
import os
import shutil
from importlib import resources
from dataclasses import dataclass
from pathlib import Path

from whoosh import index as windex
from whoosh.columns import RefBytesColumn
from whoosh.fields import ID, STORED, Schema
from whoosh.writing import LockError

from himpun.catalog import Catalog
from himpun.errors import LibraryError
from himpun.index.analysis import indonesian_analyzer, prestem
from himpun.index.bulk import BulkSegmentWriter, use_in_multiproc
from himpun.index.fields import MemoKEYWORD, MemoTEXT, UnindexedID
from himpun.index.searchers import forget
from himpun.index.segments import policy
from himpun.index.topics import topic_words

INDEX_NAME = "clauses"
use_in_multiproc()  # the writer processes of a large sync write with BulkSegmentWriter too
# Bumped when what the index holds for the same catalog changes (analysis, fields). The format also
# names the tables the analysis reads, so that an edited synonym or stopword table is taken up too:
# an index of another format is rebuilt from the catalog on the next sync.
INDEX_VERSION = "7"
_ANALYSIS_TABLES = ("synonyms.tsv", "stopwords.txt", "topics.tsv")  # an edit rebuilds the index
_FORMAT_FILE = "FORMAT"


def index_format() -> str:
    digest = hashlib.sha256()
    for name in _ANALYSIS_TABLES:
        digest.update(resources.files("himpun.data").joinpath(name).read_bytes())
    return f"{INDEX_VERSION}:{digest.hexdigest()[:16]}"


FACET = RefBytesColumn()  # facet values: few per segment, stored once with a reference per clause


def schema() -> Schema:
    ana = indonesian_analyzer()
    return Schema(
        id=ID(stored=True, unique=True),
        doc_row=ID(stored=True),
        doc_id=UnindexedID(stored=True, sortable=True),  # a column: results grouped by document
        text=MemoTEXT(analyzer=ana, stored=True),
        title=MemoTEXT(analyzer=ana, stored=True, phrase=False),  # no positions: the same words in every clause of a document
        topics=MemoTEXT(analyzer=ana, phrase=False),
        issuers=MemoTEXT(analyzer=ana, phrase=False),  # searched, not shown: "SE Pj Gubernur Lampung"
        keys=MemoKEYWORD(lowercase=True, commas=True, scorable=True, stored=True),
        kind=ID(stored=True, sortable=FACET),
        clause_kind=ID(stored=True, sortable=FACET),
        region=ID(stored=True, sortable=FACET),
        province=ID(stored=True, sortable=FACET),
        issuer=ID(stored=True, sortable=FACET),
        year=ID(stored=True, sortable=FACET),
        date=UnindexedID(stored=True),
        category=MemoKEYWORD(commas=True, stored=True),
        sanction=MemoKEYWORD(commas=True, stored=True),
        severity=MemoKEYWORD(commas=True, stored=True),
        # the same values as one column each, read in bulk to count facets (himpun/index/facets.py); no postings
        category_set=UnindexedID(sortable=FACET),
        sanction_set=UnindexedID(sortable=FACET),
        severity_set=UnindexedID(sortable=FACET),
        number=STORED,
        path=STORED,
        page=STORED,
    )


def open_index(directory: Path, create: bool = True):
    directory = Path(directory)
    if windex.exists_in(directory, INDEX_NAME):
        return windex.open_dir(directory, indexname=INDEX_NAME)
    if not create:
        raise LibraryError(f"{directory}: no search index; run `himpun reindex`")
    directory.mkdir(parents=True, exist_ok=True)
    ix = windex.create_in(directory, schema(), indexname=INDEX_NAME)
    (directory / _FORMAT_FILE).write_text(index_format())
    return ix


def _format(directory: Path) -> str | None:
    try:
        return (directory / _FORMAT_FILE).read_text().strip()
    except OSError:
        return None


@dataclass
class SyncResult:
    added_documents: int = 0
    removed_documents: int = 0
    clauses: int = 0


def sync(catalog: Catalog, directory: Path, parallel: bool = True) -> SyncResult:
    """Bring the index in line with the catalog; a no-op when it already is.
    An index made with an older schema is rebuilt from the catalog.

    Documents go in by chunks of at most SEGMENT_CLAUSES clauses per writer
    process, one commit each, and each chunk is marked indexed in the
    catalog as soon as its commit is done: a writer's postings then fit in
    memory (Whoosh's external sort, which spills and merges runs in Python,
    cost more than everything else together at 100,000 clauses), and an
    interrupted sync keeps what it committed."""
    directory = Path(directory)
    if windex.exists_in(directory, INDEX_NAME) and _format(directory) != index_format():
        return rebuild(catalog, directory)
    deletions = catalog.pending_deletions()
    pending = catalog.unindexed()
    result = SyncResult()
    if not deletions and not pending:
        return result
    ix = open_index(directory)
    present = _indexed_rows(ix)  # documents the index holds: only those need their old clauses deleted
    chunks = list(_chunks(catalog, pending)) or [([], 0)]  # only deletions: one commit for them
    for n, (rows, clauses) in enumerate(chunks):
        removed = deletions if n == 0 else []
        procs = _procs(clauses) if parallel else 1
        entries = [fields for row in rows for fields in clause_fields(catalog, row)]  # read once a chunk
        if procs > 1:
            # the writer's worker processes are forked with the stems known so far: learn them all first,
            # so that no word is stemmed in a worker (where its stem would be lost, and computed again)
            prestem(*{f[name] for f in entries for name in ("text", "title", "topics", "issuers")})
        try:
            writer = ix.writer(timeout=60, procs=procs, multisegment=True, limitmb=LIMIT_MB) if procs > 1 \
                else BulkSegmentWriter(ix, timeout=60, limitmb=LIMIT_MB)
        except LockError:
            raise LibraryError(f"{directory}: the search index is locked by another writer; try again") from None
        if procs > 1:
            # the writer processes are forked: with this process's objects frozen, their garbage collector
            # leaves them alone instead of touching (and so copying) every page of this process's heap
            gc.freeze()
        try:
            _delete(writer, [r for r in removed + rows if r in present])
            for fields in entries:
                writer.add_document(**fields)
                result.clauses += 1
            # a large chunk stays segments of its own (merging is Python work per posting again); smaller
            # commits are merged by tiers of size, never into the large segments (himpun/index/segments.py)
            if clauses // procs >= _large():
                writer.commit(merge=False)
            else:
                writer.commit(mergetype=policy(_large()))
        except BaseException:
            writer.cancel()
            raise
        finally:
            if procs > 1:
                gc.unfreeze()
        catalog.mark_indexed(rows, removed)
    result.added_documents, result.removed_documents = len(pending), len(deletions)
    return result


def _indexed_rows(ix) -> set[int]:
    """The catalog rows of the documents the index holds (its doc_row terms; a quarter of a second at
    a million clauses)."""
    with ix.reader() as reader:
        return {int(t) for t in reader.lexicon("doc_row")} if reader.doc_count_all() else set()


def _delete(writer, rows: list[int]) -> None:
    """Delete the clauses of these documents (removed, replaced, or indexed before a crash cut the sync
    short between the index's commit and the catalog's). One searcher for all: Whoosh's delete_by_term
    opens one per call, a cost that grows with the index's segments."""
    if not rows:
        return
    with writer.searcher() as searcher:
        for row in rows:
            writer.delete_by_term("doc_row", str(row), searcher=searcher)


PARALLEL_FROM = 5000  # clauses: below this, starting writer processes costs more than it saves
SEGMENT_CLAUSES = 20_000  # clauses one writer process takes into memory before a commit
LIMIT_MB = 320  # the writer's posting pool: SEGMENT_CLAUSES clauses (about 60 postings each) fit without spilling


def _large() -> int:
    """Clauses (Whoosh documents) in a segment that merges leave alone: a tenth of what one writer process
    of a chunk takes. Every segment of a chunked build is far larger (a little under SEGMENT_CLAUSES: a
    chunk stops before it would exceed them), and so is each of an ingest's checkpoints (500 documents,
    about 2,500 clauses a writer process): merging those again would cost an ingest what indexing them
    did (a merge is Python work per posting: 5 s of a 2,000-document batch's 22 s when they were merged
    by fours). Smaller commits are merged by tiers below it."""
    return max(1, SEGMENT_CLAUSES // 10)


def _chunks(catalog: Catalog, pending: list[int]):
    """(documents, their clauses) in index order, each within what the writer processes of one commit take."""
    if len(pending) < 900:
        counts = dict(catalog.db.execute(f"SELECT doc, count(*) FROM clauses WHERE doc IN ({','.join('?' * len(pending))}) "
                                         "GROUP BY doc", pending))
    else:
        counts = dict(catalog.db.execute("SELECT doc, count(*) FROM clauses GROUP BY doc"))
    per_commit = SEGMENT_CLAUSES * _procs(10 ** 9)
    rows: list[int] = []
    clauses = 0
    for row in pending:
        n = counts.get(row, 0)
        if rows and clauses + n > per_commit:
            yield rows, clauses
            rows, clauses = [], 0
        rows.append(row)
        clauses += n
    if rows:
        yield rows, clauses


def _procs(clauses: int) -> int:
    return min(os.cpu_count() or 1, 4) if clauses >= PARALLEL_FROM else 1


def rebuild(catalog: Catalog, directory: Path) -> SyncResult:
    """Throw the index away and build it again from the catalog."""
    directory = Path(directory)
    forget(directory)
    if directory.exists():
        shutil.rmtree(directory)
    catalog.mark_all_unindexed()
    return sync(catalog, directory)


def clause_fields(catalog: Catalog, row: int):
    """The index entries of one stored document: one per clause."""
    d = catalog.document_row(row)
    if d is None:
        return
    doc = catalog.document(row, pages=False)
    keys = [c.key.lower() for c in doc.citations] + [n.lower() for n in doc.numbers]
    issuers = "; ".join(doc.issuers)
    for c in doc.clauses:
        yield dict(
            id=c.id, doc_row=str(row), doc_id=doc.doc_id, text=c.text, title=doc.title or "",
            topics=topic_words(c.categories, [s.type for s in c.sanctions]), issuers=issuers,
            keys=",".join(dict.fromkeys(keys)),
            kind=doc.kind, clause_kind=c.kind, region=doc.region or "-", province=doc.province or "-",
            issuer=doc.issuer or "-", year=str(d["year"]) if d["year"] else "-", date=doc.date or "",
            category=",".join(c.categories), sanction=",".join(s.type for s in c.sanctions),
            severity=",".join(sorted({s.severity for s in c.sanctions if s.severity})),
            category_set=",".join(c.categories) or "-", sanction_set=",".join(s.type for s in c.sanctions) or "-",
            severity_set=",".join(sorted({s.severity for s in c.sanctions if s.severity})) or "-",
            number=doc.numbers[0] if doc.numbers else None, path=doc.source, page=c.page,
        )
