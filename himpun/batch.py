"""Ingesting a batch of paths into a library: walk, identify each file by
the SHA-256 of its bytes, skip what is already in (so an interrupted batch,
run again, finishes the rest), have the rest read and parsed (here, in a
local pool of worker processes, or on a Dask cluster: himpun/ingest/
runners.py), and store each returned document in its own catalog
transaction, as the one writer. A bad file costs one line in the report and
the ingest log; the batch goes on."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from himpun import PARSER_VERSION
from himpun.catalog import Catalog
from himpun.errors import FileError
from himpun.ingest.files import Found, printable, sha256_of, walk
from himpun.ingest.pages import OcrContext
from himpun.ingest.pipeline import read_bytes
from himpun.ingest.runners import Runner
from himpun.ingest.work import FileResult, process_with


@dataclass
class Outcome:
    path: str
    status: str  # ingested | replaced | updated | unchanged | skipped (also: a copy of a stored file) | failed
    reason: str | None = None
    doc_id: str | None = None
    clauses: int = 0
    pages: int = 0


@dataclass
class BatchReport:
    outcomes: list[Outcome] = field(default_factory=list)

    def count(self, *statuses: str) -> int:
        return sum(1 for o in self.outcomes if o.status in statuses)

    @property
    def clauses(self) -> int:
        return sum(o.clauses for o in self.outcomes)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0

    def summary(self) -> dict[str, int]:
        return {
            "files": len(self.outcomes),
            "ingested": self.count("ingested", "replaced", "updated"),
            "unchanged": self.count("unchanged"),
            "skipped": self.count("skipped"),
            "failed": self.count("failed"),
            "clauses": self.clauses,
            "pages": sum(o.pages for o in self.outcomes),
        }


MAX_BYTES = 500_000_000  # one file; more is refused before it is read
CHECKPOINT_EVERY = 500  # stored documents between two updates of the index in a batch (fewer towards its end)
XREF_EVERY = 100  # stored documents between two cross-reference syncs (a small tail left at the end)


def ingest_paths(catalog: Catalog, paths: Iterable[str | Path],
                 on_file: Callable[[Outcome], None] | None = None,
                 on_start: Callable[[int], None] | None = None,
                 ocr: OcrContext | None = None, runner: Runner | None = None,
                 checkpoint: Callable[[], None] | None = None, checkpoint_every: int | None = None,
                 cross_reference: Callable[[], None] | None = None,
                 while_waiting: Callable[[], None] | None = None,
                 max_bytes: int = MAX_BYTES) -> BatchReport:
    """Ingest every file under `paths`; `on_start` hears how many files there
    are, `on_file` hears each outcome as it happens. `ocr`: how scans are
    read; `runner`: where files are read and parsed when there are several
    (default: here, one after another, with `ocr`'s page workers); `checkpoint`
    is called every `checkpoint_every` stored documents (the library brings
    its search index up to date there), and, when `runner` reads the files
    (the index is then written by a process of its own, as they are), more
    often towards the end, so that what is left to index after the last
    file is small (each time as many as are still to come, down to a fifth
    of `checkpoint_every`);
    `cross_reference` every XREF_EVERY (after the checkpoint when both fall
    due)."""
    report = BatchReport()
    checkpoint_every = checkpoint_every or CHECKPOINT_EVERY
    files = list(walk(list(paths)))
    if on_start:
        on_start(len(files))
    ocr = ocr or OcrContext()
    stored = since = 0  # documents stored, and stored since the last checkpoint
    to_come = 0  # files still being read and parsed
    least = checkpoint_every  # the fewest between two checkpoints (fewer when a runner reads the files)
    prepared = False

    def done(outcome: Outcome) -> None:
        nonlocal stored, since
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)
        if outcome.status in ("ingested", "replaced", "updated"):
            stored += 1
            since += 1
            if checkpoint and (since >= checkpoint_every or since >= max(least, to_come)):
                since = 0
                checkpoint()
            if cross_reference and stored % XREF_EVERY == 0:
                cross_reference()

    pending: dict[str, list[Found]] = {}  # sha -> files with those bytes, the first one to be parsed
    for found in files:
        path = printable(found.path)
        if found.problem:
            catalog.log(path, "failed", found.problem)
            done(Outcome(path, "failed", found.problem))
            continue
        try:
            size = _size(found.path)
            if size > max_bytes:
                raise FileError(path, f"file too large ({size / 1e6:,.1f} MB; the limit is {max_bytes / 1e6:g} MB, "
                                      "--max-bytes)")
            sha = sha256_of(read_bytes(found.path))
        except FileError as exc:
            catalog.log(path, "failed", exc.reason)
            done(Outcome(path, "failed", exc.reason))
            continue
        known = catalog.known(sha)
        if known is not None and _a_copy(found.path, known["path"]):
            reason = f"same content as {known['path']}"
            catalog.log(path, "skipped", reason, sha)
            done(Outcome(path, "skipped", reason, doc_id=sha[:12]))
            continue
        if (known is not None and known["parser_version"] == PARSER_VERSION) or sha in pending:
            if sha in pending:
                pending[sha].append(found)
                continue
            catalog.log(path, "unchanged", None, sha)
            done(Outcome(path, "unchanged", doc_id=sha[:12]))
            continue
        pending[sha] = [found]
        # worth_a_pool's rule, looked at as the new files come
        if runner is not None and not prepared and (len(pending) >= POOL_FROM or not _is_text(found.path)):
            prepared = True
            runner.prepare()  # the batch will need it: its processes start while the rest is hashed here

    items = [(str(founds[0].path), sha) for sha, founds in pending.items()]
    if runner is None or len(items) <= 1 or (runner.local and not worth_a_pool(items)):
        results = (process_with(path, sha, ocr) for path, sha in items)
    else:
        results = runner.run(items, ocr.mode, ocr.options)
        least = max(1, checkpoint_every // 5)
        if while_waiting is not None:
            while_waiting()  # little to do here while the pool starts and its first files are read
    to_come = len(items)
    for result in results:
        to_come -= 1
        done(store_result(catalog, result))
        first = printable(pending[result.sha256][0].path)
        for twin in pending[result.sha256][1:]:  # the same bytes under another name: one document
            parsed = result.status == "parsed"
            status, reason = ("skipped", f"same content as {first}") if parsed else (result.status, result.reason)
            twin_path = printable(twin.path)
            catalog.log(twin_path, status, reason, result.sha256)
            done(Outcome(twin_path, status, reason, result.sha256[:12] if parsed else None))
    return report


def _a_copy(path: Path, stored: str) -> bool:
    """Whether a file whose bytes the catalog holds under `stored` is a copy of that file: it has
    another path, and the stored one is still there (else it is the same file, moved or renamed)."""
    try:
        return printable(path.resolve()) != stored and Path(stored).is_file()
    except OSError:
        return False


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except FileNotFoundError:
        raise FileError(str(path), "file vanished before it could be read") from None
    except OSError as exc:
        raise FileError(str(path), f"cannot read ({exc.strerror or exc})") from None


def store_result(catalog: Catalog, result: FileResult) -> Outcome:
    """Store what a worker returned (the one writer), log it, say what happened."""
    path = printable(result.path)
    if result.status != "parsed":
        catalog.log(path, result.status, result.reason, result.sha256)
        return Outcome(path, result.status, result.reason)
    doc = result.document
    stored = catalog.store(doc, size=result.size)
    catalog.log(path, stored.status, None, result.sha256)
    return Outcome(path, stored.status, doc_id=doc.doc_id, clauses=len(doc.clauses), pages=len(doc.pages))


POOL_FROM = 32  # text files: below this many, starting worker processes costs more than it saves


def worth_a_pool(items: list[tuple[str, str]]) -> bool:
    """Whether worker processes pay for themselves: a PDF or an image (OCR
    may take seconds a page), or many files."""
    return len(items) >= POOL_FROM or any(not _is_text(Path(p)) for p, _ in items)


def _is_text(path: Path) -> bool:
    return path.suffix.lower() in (".txt", ".text", ".md", ".html", ".htm")
