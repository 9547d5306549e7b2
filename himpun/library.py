"""A Himpun library: one directory holding the SQLite catalog (`catalog.db`,
the source of truth) and the Whoosh index (`index/`, rebuilt from the
catalog at will). This is the Python API that the CLI is a thin layer over.

Where the library lives: the `--library` option, else `$HIMPUN_LIBRARY`,
else the user data directory (platformdirs).
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, fields
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
from himpun.records import CLAUSE_KINDS, KINDS, SEVERITIES, Clause, Document
from himpun import xref

ENV_VAR = "HIMPUN_LIBRARY"


def default_library_dir() -> Path:
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir("himpun", appauthor=False))


@dataclass
class Search(SearchResult):
    """A search's result, with what was made of the query (`notes`: an operator left dangling and ignored)."""

    notes: list[str] = field(default_factory=list)


@dataclass
class ClauseView:
    """A clause in its context: its document and the clauses around it."""

    clause: Clause
    document: Document
    before: list[Clause] = field(default_factory=list)
    after: list[Clause] = field(default_factory=list)


_RACES = 3  # searches tried again when a writer's commit removed the files of the index generation they opened


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
        if limit < 1 or page < 1:
            raise QueryError(f"{'limit' if limit < 1 else 'page'} must be 1 or more")
        filters = check_filters(filters)
        query, notes = tidy_query(query)
        self.sync_index()
        if filters.get("region"):
            filters["region"] = canonical_region(filters["region"])
        if filters.get("province"):
            filters["province"] = canonical_region(filters["province"], level="provinsi")
        stems = use_stem_cache(self.root / "stems.db")
        try:
            for attempt in range(_RACES):
                try:
                    result = search(open_index(self.index_dir), query, filters=filters, limit=limit, page=page,
                                    facets=facets, by_document=by_document)
                    break
                except FileNotFoundError:
                    # a writer committed between opening the index and reading a file of the generation it
                    # had opened, and removed that file: the newer generation is there to be read
                    if attempt == _RACES - 1:
                        raise
        finally:
            stems.flush()
        if result.total and page > result.pages:
            unit = "documents" if by_document else "clauses"
            count = result.total_documents if by_document else result.total
            raise QueryError(f"page {page} of {result.pages}: {count} {unit} match, {limit} a page")
        return Search(**{f.name: getattr(result, f.name) for f in fields(result)}, notes=notes)

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
        out = check_filters({k: v for k, v in filters.items() if v})
        self._sync_xref()
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
        since = check_date(since) if since else None
        f = self._xref_filters({"region": region, "province": province})
        return rulebook.build(self.catalog, region=f.get("region"), province=f.get("province"), since=since)

    def stats(self) -> dict:
        c = self.catalog
        return {"library": str(self.root), **c.counts(),
                "by_kind": dict(c.breakdown("kind")), "by_region": dict(c.breakdown("region")),
                "by_year": dict(c.breakdown("year"))}

    def errors(self, limit: int = 100, every: bool = False) -> list[dict]:
        """Files whose latest attempt failed or was skipped, newest first, each once with its latest
        entry and `attempts` (how many entries the log holds for it); `every`: every failed or skipped
        entry of the log, newest first."""
        if every:
            return [dict(r) for r in self.catalog.log_entries(("failed", "skipped"), limit)]
        return [dict(r) for r in self.catalog.latest_problems(limit)]


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


# -- checks of what a caller asks for (the CLI's options make them too) ------------------------


def vocabulary() -> dict[str, tuple[str, ...]]:
    """The slugs each taxonomy filter takes (himpun/data; docs/taxonomy.md)."""
    from himpun.ingest.parse.lexicon import category_order, sanction_order
    return {"category": category_order(), "sanction": sanction_order(), "severity": SEVERITIES, "kind": KINDS,
            "clause_kind": CLAUSE_KINDS}


def check_slug(name: str, value: str) -> str:
    """`value` as a slug of the `name` vocabulary (category, sanction, severity, kind, clause_kind)."""
    valid = vocabulary()[name]
    slug = str(value).strip().lower()
    if slug in valid:
        return slug
    import difflib
    near = difflib.get_close_matches(slug, valid, n=1)
    raise QueryError(f"unknown {name.replace('_', ' ')} {value!r}" + (f" (did you mean {near[0]}?)" if near else "")
                     + f"; one of: {', '.join(valid)}")


def check_year(value: str | int) -> str:
    year = str(value).strip()
    if not re.fullmatch(r"\d{4}", year):
        raise QueryError(f"{value!r} is not a year: give four digits, e.g. 2024")
    return year


def check_date(value: str) -> str:
    """A date as YYYY-MM-DD, YYYY-MM or YYYY, one that exists in the calendar."""
    import datetime
    text = str(value).strip()
    m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", text)
    if not m:
        raise QueryError(f"{value!r} is not a date: give it as YYYY-MM-DD (or YYYY-MM, YYYY)")
    try:
        datetime.date(int(m[1]), int(m[2] or 1), int(m[3] or 1))
    except ValueError as exc:
        raise QueryError(f"{value!r} is not a date of the calendar ({exc})") from None
    return text


def check_filters(filters: dict) -> dict:
    """Filters with their slugs and year checked (QueryError naming the bad value)."""
    out = dict(filters)
    for name, value in filters.items():
        if value and name in ("category", "sanction", "severity", "kind", "clause_kind"):
            out[name] = check_slug(name, value)
        elif value and name == "year":
            out[name] = check_year(value)
    return out


_OPERATOR = r"(?:AND|OR|NOT|ANDNOT|ANDMAYBE)"
_TRAILING = re.compile(rf"\s+({_OPERATOR})\s*$")
_LEADING = re.compile(r"^\s*(AND|OR|ANDNOT|ANDMAYBE)\s+")


def tidy_query(query: str) -> tuple[str, list[str]]:
    """The query without an operator left dangling at its start or end ("kampanye AND", which would
    match nothing), and a note for each one dropped. Inside unbalanced quotes nothing is touched."""
    notes = []
    if query.count('"') % 2:
        return query, notes
    while True:
        if len(query.split()) < 2:
            return query, notes
        if m := _TRAILING.search(query):
            query, where = query[:m.start()], "end"
        elif m := _LEADING.search(query):
            query, where = query[m.end():], "start"
        else:
            return query, notes
        notes.append(f"ignored {m.group(1)!r} at the {where} of the query: it joins nothing")
