"""Ingesting a batch of paths into a library: walk, identify each file by
the SHA-256 of its bytes, skip what is already in, read and parse the rest,
store each document in its own catalog transaction, then bring the search
index in line. A bad file costs one line in the report and the ingest log;
the batch goes on."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from himpun import PARSER_VERSION
from himpun.catalog import Catalog
from himpun.errors import FileError, SkippedFile
from himpun.ingest.files import Found, sha256_of, walk
from himpun.ingest.pages import OcrContext
from himpun.ingest.pipeline import extract_path, read_bytes


@dataclass
class Outcome:
    path: str
    status: str  # ingested | replaced | updated | unchanged | skipped | failed
    reason: str | None = None
    doc_id: str | None = None
    clauses: int = 0


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
        }


def ingest_paths(catalog: Catalog, paths: Iterable[str | Path],
                 on_file: Callable[[Outcome], None] | None = None,
                 on_start: Callable[[int], None] | None = None,
                 ocr: OcrContext | None = None) -> BatchReport:
    """Ingest every file under `paths`; `on_start` hears how many files there
    are, `on_file` hears each outcome as it happens. `ocr`: how scans are read."""
    report = BatchReport()
    files = list(walk(list(paths)))
    if on_start:
        on_start(len(files))
    ocr = ocr or OcrContext()
    for found in files:
        outcome = ingest_one(catalog, found, ocr)
        report.outcomes.append(outcome)
        if on_file:
            on_file(outcome)
    return report


def ingest_one(catalog: Catalog, found: Found, ocr: OcrContext | None = None) -> Outcome:
    path = str(found.path)
    if found.problem:
        catalog.log(path, "failed", found.problem)
        return Outcome(path, "failed", found.problem)
    sha = None
    try:
        data = read_bytes(found.path)
        sha = sha256_of(data)
        known = catalog.known(sha)
        if known is not None and known["parser_version"] == PARSER_VERSION:
            catalog.log(path, "unchanged", None, sha)
            return Outcome(path, "unchanged", doc_id=sha[:12])
        doc = extract_path(found.path, data, sha, ocr)
        doc.source = str(found.path.resolve())
        stored = catalog.store(doc, size=len(data))
    except SkippedFile as exc:
        catalog.log(path, "skipped", exc.reason, sha)
        return Outcome(path, "skipped", exc.reason)
    except FileError as exc:
        catalog.log(path, "failed", exc.reason, sha)
        return Outcome(path, "failed", exc.reason)
    except Exception as exc:  # a parser bug must cost one file, not the batch
        reason = f"unexpected error while parsing ({type(exc).__name__}: {exc})"
        catalog.log(path, "failed", reason, sha)
        return Outcome(path, "failed", reason)
    catalog.log(path, stored.status, None, sha)
    return Outcome(path, stored.status, doc_id=doc.doc_id, clauses=len(doc.clauses))
