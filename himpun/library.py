"""A Himpun library: one directory holding the SQLite catalog (`catalog.db`,
the source of truth) and the Whoosh index (`index/`, rebuilt from the
catalog at will). This is the Python API that the CLI is a thin layer over.

Where the library lives: the `--library` option, else `$HIMPUN_LIBRARY`,
else the user data directory (platformdirs).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import platformdirs

from himpun.batch import MAX_BYTES, BatchReport, Outcome, ingest_paths
from himpun.ingest.ocr import OcrOptions
from himpun.catalog import Catalog
from himpun.errors import LibraryError, NotFound, QueryError
from himpun.index import open_index, rebuild, search, sync
from himpun.index.analysis import use_stem_cache
from himpun.index.background import BackgroundIndex
from himpun.index.search import SearchResult
from himpun.index.store import SyncResult
from himpun.ingest.pages import OcrContext, default_jobs
from himpun.ingest.runners import DaskCluster, LocalPool
from himpun.lock import index_lock_free, wait_for_index, writer_lock, writer_lock_if_free
from himpun.ingest.parse.gazetteer import by_name, scan
from himpun.ingest.parse.region import NATIONAL
from himpun.records import Clause, Document
from himpun import xref

ENV_VAR = "HIMPUN_LIBRARY"


def default_library_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("himpun", appauthor=False))


@dataclass
class ClauseView:
    """A clause in its context: its document and the clauses around it."""

    clause: Clause
    document: Document
    before: list[Clause] = field(default_factory=list)
    after: list[Clause] = field(default_factory=list)


class Library:
    def __init__(self, root: str | Path | None = None):
        self.root = Path(root).expanduser() if root else default_library_dir()
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"{self.root}: cannot create the library ({exc.strerror or exc})") from None
        self.catalog = Catalog(self.root / "catalog.db")
        self.index_dir = self.root / "index"

    def close(self) -> None:
        self.catalog.close()

    def __enter__(self) -> "Library":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- writing ------------------------------------------------------------

    def ingest(self, paths: Iterable[str | Path], on_file: Callable[[Outcome], None] | None = None,
               on_start: Callable[[int], None] | None = None, ocr: str = "auto", jobs: int | None = None,
               scheduler: str | None = None, wait: float = 600.0,
               on_wait: Callable[[str], None] | None = None, limits: dict | None = None) -> BatchReport:
        """Ingest files and directories. `ocr`: auto (scans and images),
        always (every PDF page), never; `jobs`: worker processes that read,
        OCR and parse files (default: all cores; the pages of a lone scan are
        shared among them); `scheduler`: a Dask cluster (tcp://HOST:PORT) to
        send the per-file work to instead. Documents are stored here, one at
        a time, cross-referenced every 100, and the search index is brought
        up to date every 500 of them (with workers: more often towards the
        end, in a process of its own).
        One writer at a time: another waits up to `wait` seconds (`on_wait`
        hears that it waits), then fails with a LibraryError; so does a
        batch whose search index another process holds locked (what it
        stored stays in the catalog, and the index catches up later). `limits`:
        max_bytes (per file), max_pages (per file), max_pixels (per page
        image), ocr_timeout (seconds per Tesseract run); a file beyond one
        fails with the reason."""
        limits = dict(limits or {})
        max_bytes = limits.pop("max_bytes", None) or MAX_BYTES
        options = OcrOptions(**{("timeout" if k == "ocr_timeout" else k): v for k, v in limits.items() if v})
        jobs = jobs or default_jobs()
        with writer_lock(self.root, wait, on_wait):
            runner = DaskCluster(scheduler) if scheduler else LocalPool(jobs) if jobs > 1 else None
            # with workers, the index is written by a process of its own, from the first checkpoint on
            background = BackgroundIndex(self.catalog.path, self.index_dir, self.root / "stems.db") \
                if runner is not None else None
            progress = xref.Progress()  # carried from one cross-reference sync of the batch to the next
            try:
                with OcrContext(mode=ocr, jobs=jobs, options=options) as ocr_context:
                    report = ingest_paths(self.catalog, paths, on_file, on_start, ocr_context, runner,
                                          checkpoint=lambda: self._checkpoint(background),
                                          cross_reference=lambda: xref.sync(self.catalog, progress),
                                          while_waiting=xref.warm_up_in_background,
                                          max_bytes=max_bytes)
                if background is not None and background.started:
                    background.request()  # the rest indexed there while it is cross-referenced here
                    xref.sync(self.catalog, progress)
                    background.finish()
            finally:
                if runner is not None:
                    runner.close()
                if background is not None:
                    background.close()
            wait_for_index(self.index_dir, wait, on_wait)
            self._sync_index()  # what is left (a small batch: everything)
            xref.sync(self.catalog, progress)
        return report

    def sync_index(self) -> SyncResult | None:
        """Bring the search index in line with the catalog, unless another
        process is writing (it will; or, when it holds only the index's own
        lock, the next writer will): None then."""
        with writer_lock_if_free(self.root) as free:
            if not free or not index_lock_free(self.index_dir):
                return None
            return self._sync_index()

    def _checkpoint(self, background: BackgroundIndex | None) -> None:
        """During a batch: the index brought up to date (by `background`, a
        process of its own, when the batch has workers; else here, unless
        the index's lock is held); the end of the batch catches up. (The
        documents are cross-referenced more often, XREF_EVERY.)"""
        if background is not None:
            background.request()
        elif index_lock_free(self.index_dir):
            self._sync_index()

    def _sync_index(self) -> SyncResult:
        stems = use_stem_cache(self.root / "stems.db")
        try:
            return sync(self.catalog, self.index_dir)
        finally:
            stems.flush()

    def reindex(self, wait: float = 600.0, on_wait: Callable[[str], None] | None = None) -> SyncResult:
        with writer_lock(self.root, wait, on_wait):
            wait_for_index(self.index_dir, wait, on_wait)
            stems = use_stem_cache(self.root / "stems.db")
            try:
                return rebuild(self.catalog, self.index_dir)
            finally:
                stems.flush()

    def _sync_xref(self) -> None:
        """Cross-reference what is not yet, unless another process is writing."""
        with writer_lock_if_free(self.root) as free:
            if free:
                xref.sync(self.catalog)

    # -- reading ------------------------------------------------------------

    def search(self, query: str, *, limit: int = 10, page: int = 1, facets: bool = True, by_document: bool = False,
               **filters: str | None) -> SearchResult:
        """Clauses matching `query` (Whoosh syntax), best first, with facet
        counts over all matches; `by_document`: a page of documents, each
        with its best clauses. Filters: region, province, kind, issuer, year,
        category, sanction, severity, clause_kind."""
        self.sync_index()
        if filters.get("region"):
            filters["region"] = canonical_region(filters["region"])
        if filters.get("province"):
            filters["province"] = canonical_region(filters["province"], level="provinsi")
        stems = use_stem_cache(self.root / "stems.db")
        try:
            return search(open_index(self.index_dir), query, filters=filters, limit=limit, page=page, facets=facets,
                          by_document=by_document)
        finally:
            stems.flush()

    def document(self, ident: str) -> Document:
        row = self.catalog.find_document(ident)
        if row is None:
            raise NotFound(f"no document with id {ident!r}")
        return self.catalog.document(row["id"])

    def clause(self, clause_id: str, context: int = 2) -> ClauseView:
        row = self.catalog.clause_row(clause_id)
        if row is None:
            raise NotFound(f"no clause with id {clause_id!r}")
        doc = self.catalog.document(row["doc"])
        i = next(k for k, c in enumerate(doc.clauses) if c.id == clause_id)
        return ClauseView(doc.clauses[i], doc, doc.clauses[max(0, i - context):i], doc.clauses[i + 1:i + 1 + context])

    def show(self, ident: str) -> ClauseView | Document:
        """A clause (id like `3f2a9c01b7de-004`) or a document (its id)."""
        return self.clause(ident) if "-" in ident else self.document(ident)

    # -- cross-references -----------------------------------------------------

    def _xref_filters(self, filters: dict) -> dict:
        self._sync_xref()
        out = {k: v for k, v in filters.items() if v}
        if out.get("region"):
            out["region"] = canonical_region(out["region"])
        if out.get("province"):
            out["province"] = canonical_region(out["province"], level="provinsi")
        return out

    def matrix(self, **filters: str | None) -> list[xref.Cell]:
        """Region by category: the heaviest sanction each region attaches.
        Filters: category, region, province, kind, year."""
        return xref.matrix(self.catalog, **self._xref_filters(filters))

    def divergences(self, **filters: str | None) -> list[xref.Divergence]:
        """Per category, the regions whose sanction differs from the national rule or from each other."""
        return xref.divergences(self.catalog, **self._xref_filters(filters))

    def gaps(self, region: str) -> list[xref.Gap] | None:
        """The national list's prohibitions that no document of `region` covers
        (None: the library holds no document of that region)."""
        return xref.gaps(self.catalog, self._xref_filters({"region": region})["region"])

    def citations(self, **filters: str | None) -> xref.citations.CitationGraph:
        """Regulations cited per document, shared legal bases, citations of replaced regulations."""
        return xref.citation_graph(self.catalog, **self._xref_filters(filters))

    def similar(self, clause_id: str) -> list[dict]:
        """The same rule in other documents (near-duplicate clauses)."""
        self._sync_xref()
        return xref.similar_to(self.catalog, clause_id)

    def rulebook(self, *, region: str | None = None, province: str | None = None, since: str | None = None):
        """The consolidated rulebook's content (himpun.rulebook.write renders it): everything, or one
        region's or province's documents with the national ones, optionally from a date (YYYY-MM-DD) on."""
        from himpun import rulebook
        f = self._xref_filters({"region": region, "province": province})
        if since:
            import re as _re
            if not _re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", since):
                raise QueryError(f"--since {since!r}: give a date as YYYY-MM-DD (or YYYY-MM, YYYY)")
        return rulebook.build(self.catalog, region=f.get("region"), province=f.get("province"), since=since)

    def stats(self) -> dict:
        c = self.catalog
        return {"library": str(self.root), **c.counts(),
                "by_kind": dict(c.breakdown("kind")), "by_region": dict(c.breakdown("region")),
                "by_year": dict(c.breakdown("year"))}

    def errors(self, limit: int = 100) -> list[dict]:
        return [dict(r) for r in self.catalog.log_entries("failed", limit)
                + self.catalog.log_entries("skipped", limit)]


def canonical_region(value: str, level: str | None = None) -> str:
    """The canonical name for a region a user typed: `Tangsel`, `kota serang`,
    `Provinsi Banten`, `nasional`. Ambiguous or unknown names raise QueryError."""
    if value.strip().lower() == NATIONAL:
        return NATIONAL
    exact = by_name(value.strip())
    if exact:
        return exact.name
    words = " ".join(w[:1].upper() + w[1:] for w in value.split())
    mentions = scan(words)
    if len(mentions) == 1:
        cands = [r for r in mentions[0].resolved() if level is None or r.level == level]
        if len(cands) == 1:
            return cands[0].name
        if cands:
            names = " or ".join(r.name for r in cands)
            raise QueryError(f"region {value!r} may be {names}; say which")
    raise QueryError(f"unknown region {value!r}")
