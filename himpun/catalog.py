"""The SQLite catalog: the library's source of truth.

It holds documents (one row per distinct file content, keyed by SHA-256),
their pages, clauses, categories, sanctions and citations, and the ingest
log. Every write of a document is one transaction: its old rows go, its new
rows come, and the old row's id is queued for deletion from the search index,
so the index can always be brought in line (or rebuilt) from here.
"""
from __future__ import annotations

import json
import sqlite3
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from himpun import PARSER_VERSION
from himpun.errors import LibraryError
from himpun.records import Citation, Clause, Document, Page, Sanction

SCHEMA_VERSION = 4

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY AUTOINCREMENT,  -- new for every stored parse, the index's key
    sha256 TEXT NOT NULL UNIQUE,
    doc_id TEXT NOT NULL UNIQUE,
    path TEXT NOT NULL,
    format TEXT, kind TEXT, title TEXT, issuer TEXT, issuers TEXT, region TEXT, province TEXT,
    numbers TEXT, date TEXT, dates TEXT, year INTEGER, url TEXT,
    size INTEGER, pages INTEGER, ocr INTEGER,
    parser_version INTEGER NOT NULL, ingested_at TEXT NOT NULL,
    indexed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS documents_path ON documents(path);
CREATE INDEX IF NOT EXISTS documents_unindexed ON documents(indexed) WHERE indexed = 0;
CREATE TABLE IF NOT EXISTS pages (
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    number INTEGER NOT NULL, text TEXT NOT NULL, ocr INTEGER NOT NULL DEFAULT 0, confidence REAL,
    PRIMARY KEY (doc, number)
);
CREATE TABLE IF NOT EXISTS clauses (
    id TEXT PRIMARY KEY,
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL, kind TEXT NOT NULL, text TEXT NOT NULL,
    page INTEGER NOT NULL, start_char INTEGER NOT NULL, end_char INTEGER NOT NULL,
    context TEXT NOT NULL DEFAULT '', marker TEXT NOT NULL DEFAULT '', applies_to TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX IF NOT EXISTS clauses_doc ON clauses(doc, seq);
CREATE TABLE IF NOT EXISTS clause_categories (
    clause TEXT NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, category TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS clause_categories_clause ON clause_categories(clause);
CREATE TABLE IF NOT EXISTS clause_sanctions (
    clause TEXT NOT NULL REFERENCES clauses(id) ON DELETE CASCADE,
    position INTEGER NOT NULL, type TEXT NOT NULL, severity TEXT
);
CREATE INDEX IF NOT EXISTS clause_sanctions_clause ON clause_sanctions(clause);
CREATE TABLE IF NOT EXISTS citations (
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    key TEXT NOT NULL, text TEXT NOT NULL, page INTEGER, start_char INTEGER, end_char INTEGER
);
CREATE INDEX IF NOT EXISTS citations_doc ON citations(doc);
CREATE INDEX IF NOT EXISTS citations_key ON citations(key);
CREATE TABLE IF NOT EXISTS ingest_log (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, path TEXT NOT NULL,
    sha256 TEXT, status TEXT NOT NULL, reason TEXT
);
CREATE INDEX IF NOT EXISTS ingest_log_path ON ingest_log(path, id);
CREATE TABLE IF NOT EXISTS index_deletions (doc INTEGER PRIMARY KEY);
-- cross-references (himpun/xref), kept per document and removed with it
CREATE TABLE IF NOT EXISTS xref_done (doc INTEGER PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE);
CREATE TABLE IF NOT EXISTS xref_facts (
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    clause TEXT NOT NULL, category TEXT NOT NULL, sanction TEXT, severity TEXT, rank INTEGER NOT NULL,
    source TEXT, via TEXT
);
CREATE INDEX IF NOT EXISTS xref_facts_category ON xref_facts(category);
CREATE INDEX IF NOT EXISTS xref_facts_doc ON xref_facts(doc);
-- a clause's MinHash band keys, the table its own index of bands (candidates in the order their
-- documents came), and its rows go with their document (a clause is only ever removed with it)
CREATE TABLE IF NOT EXISTS clause_bands (
    band INTEGER NOT NULL, clause TEXT NOT NULL,
    doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    PRIMARY KEY (band, doc, clause)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS clause_bands_doc ON clause_bands(doc);
-- clauses that state the same rule share a group (the id of the first clause of the group)
CREATE TABLE IF NOT EXISTS clause_groups (
    clause TEXT PRIMARY KEY REFERENCES clauses(id) ON DELETE CASCADE,
    grp TEXT NOT NULL, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    words TEXT NOT NULL DEFAULT ''  -- its content words, space-separated, to compare without reading the text
);
CREATE INDEX IF NOT EXISTS clause_groups_grp ON clause_groups(grp);
CREATE INDEX IF NOT EXISTS clause_groups_doc ON clause_groups(doc);
"""


def _statements(script: str) -> list[str]:
    return [s.strip() for s in script.split(";") if s.strip()]


# Statements that bring a catalog of the version before up to this version.
_MIGRATIONS = {
    2: ["ALTER TABLE clauses ADD COLUMN context TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE clauses ADD COLUMN marker TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE clauses ADD COLUMN applies_to TEXT NOT NULL DEFAULT '[]'"],
    3: [],  # the cross-reference tables, created above; filled by himpun/xref on the next sync
    # clause_bands keyed by (band, doc, clause), without a rowid or a clause index; its rows copied over
    # (in key order, which is the order they came in: documents by id, a document's clauses by id)
    4: [s.replace("IF NOT EXISTS clause_bands (", "clause_bands_4 (")
        for s in _statements(_SCHEMA) if "TABLE IF NOT EXISTS clause_bands (" in s]
       + ["INSERT OR IGNORE INTO clause_bands_4 (band, clause, doc) SELECT band, clause, doc FROM clause_bands",
          "DROP TABLE clause_bands",
          "ALTER TABLE clause_bands_4 RENAME TO clause_bands",
          *[s for s in _statements(_SCHEMA) if "INDEX IF NOT EXISTS clause_bands_" in s]],
}


@dataclass(frozen=True)
class Stored:
    """What storing a document did: `ingested` (new), `replaced` (a changed
    file at a known path), `updated` (same file, parsed again by a newer parser)."""

    status: str
    row: int


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Catalog:
    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.row_factory = sqlite3.Row
            self.db.execute("PRAGMA foreign_keys = ON")
            self.db.execute("PRAGMA journal_mode = WAL")
            self.db.execute("PRAGMA synchronous = NORMAL")
            self.db.execute("PRAGMA cache_size = -65536")  # 64 MB of pages: lookups of a large library stay in memory
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise LibraryError(f"{self.path}: cannot open the catalog ({exc})") from None

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        with self.transaction():
            for statement in _statements(_SCHEMA):  # not executescript: it would commit mid-transaction
                self.db.execute(statement)
            row = self.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
            if row is None:
                self.db.execute("INSERT INTO meta VALUES ('schema_version', ?)", (str(SCHEMA_VERSION),))
            elif int(row["value"]) > SCHEMA_VERSION:
                raise LibraryError(f"{self.path}: made by a newer Himpun (schema {row['value']})")
            else:
                for version in range(int(row["value"]) + 1, SCHEMA_VERSION + 1):
                    for statement in _MIGRATIONS[version]:
                        self.db.execute(statement)
                self.db.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(SCHEMA_VERSION),))

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- ingest -----------------------------------------------------------

    def known(self, sha256: str) -> sqlite3.Row | None:
        """The stored document with this content, if any (id, path, parser_version)."""
        return self.db.execute("SELECT id, path, parser_version FROM documents WHERE sha256 = ?",
                               (sha256,)).fetchone()

    def store(self, doc: Document, *, size: int) -> Stored:
        """Store a parsed document, replacing the same content parsed before and
        any other content stored before under the same path. Atomic."""
        with self.transaction() as db:
            old = db.execute("SELECT id, sha256 FROM documents WHERE sha256 = ? OR path = ?",
                             (doc.sha256, doc.source)).fetchall()
            status = "ingested"
            if any(r["sha256"] == doc.sha256 for r in old):
                status = "updated"
            elif old:
                status = "replaced"
            for r in old:
                db.execute("INSERT OR IGNORE INTO index_deletions VALUES (?)", (r["id"],))
                db.execute("DELETE FROM documents WHERE id = ?", (r["id"],))
            row = self._insert(db, doc, size)
        return Stored(status, row)

    def _insert(self, db: sqlite3.Connection, doc: Document, size: int) -> int:
        cur = db.execute(
            """INSERT INTO documents (sha256, doc_id, path, format, kind, title, issuer, issuers, region,
               province, numbers, date, dates, year, url, size, pages, ocr, parser_version, ingested_at)
               VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)""",
            (doc.sha256, doc.doc_id, doc.source, doc.format, doc.kind, doc.title, doc.issuer, json.dumps(doc.issuers),
             doc.region, doc.province, json.dumps(doc.numbers), doc.date, json.dumps(doc.dates),
             int(doc.date[:4]) if doc.date else None, doc.url, size, len(doc.pages), int(doc.ocr),
             PARSER_VERSION, _now()))
        row = cur.lastrowid
        db.executemany("INSERT INTO pages VALUES (?,?,?,?,?)",
                       [(row, p.number, p.text, int(p.ocr), p.confidence) for p in doc.pages])
        for seq, c in enumerate(doc.clauses, 1):
            db.execute("INSERT INTO clauses VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                       (c.id, row, seq, c.kind, c.text, c.page, c.start, c.end, c.context, c.marker,
                        json.dumps(c.applies_to)))
            db.executemany("INSERT INTO clause_categories VALUES (?,?,?)",
                           [(c.id, i, cat) for i, cat in enumerate(c.categories)])
            db.executemany("INSERT INTO clause_sanctions VALUES (?,?,?,?)",
                           [(c.id, i, s.type, s.severity) for i, s in enumerate(c.sanctions)])
        db.executemany("INSERT INTO citations VALUES (?,?,?,?,?,?)",
                       [(row, c.key, c.text, c.page, c.start, c.end) for c in doc.citations])
        return row

    def log(self, path: str, status: str, reason: str | None = None, sha256: str | None = None) -> None:
        self.db.execute("INSERT INTO ingest_log (at, path, sha256, status, reason) VALUES (?,?,?,?,?)",
                        (_now(), path, sha256, status, reason))

    # -- index bookkeeping --------------------------------------------------

    def pending_deletions(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT doc FROM index_deletions ORDER BY doc")]

    def unindexed(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents WHERE indexed = 0 ORDER BY id")]

    def mark_indexed(self, added: list[int], deleted: list[int]) -> None:
        with self.transaction() as db:
            db.executemany("UPDATE documents SET indexed = 1 WHERE id = ?", [(r,) for r in added])
            db.executemany("DELETE FROM index_deletions WHERE doc = ?", [(r,) for r in deleted])

    def mark_all_unindexed(self) -> None:
        with self.transaction() as db:
            db.execute("UPDATE documents SET indexed = 0")
            db.execute("DELETE FROM index_deletions")

    # -- reading ------------------------------------------------------------

    def document_row(self, row: int) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM documents WHERE id = ?", (row,)).fetchone()

    def find_document(self, ident: str) -> sqlite3.Row | None:
        """A document by its id (or a unique prefix of its SHA-256)."""
        rows = self.db.execute("SELECT * FROM documents WHERE sha256 LIKE ? LIMIT 2",
                               (ident.lower() + "%",)).fetchall()
        return rows[0] if len(rows) == 1 else None

    def clause_row(self, clause_id: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT * FROM clauses WHERE id = ?", (clause_id,)).fetchone()

    def clauses_of(self, row: int) -> list[Clause]:
        cats = self._grouped("SELECT c.id, cc.category FROM clause_categories cc JOIN clauses c ON c.id = cc.clause "
                             "WHERE c.doc = ? ORDER BY cc.position", row)
        sancs = self._grouped("SELECT c.id, cs.type, cs.severity FROM clause_sanctions cs JOIN clauses c "
                              "ON c.id = cs.clause WHERE c.doc = ? ORDER BY cs.position", row)
        return [Clause(r["id"], r["kind"], r["text"], r["page"], r["start_char"], r["end_char"],
                       [c[1] for c in cats.get(r["id"], [])],
                       [Sanction(s[1], s[2]) for s in sancs.get(r["id"], [])],
                       r["context"], r["marker"], json.loads(r["applies_to"]))
                for r in self.db.execute("SELECT * FROM clauses WHERE doc = ? ORDER BY seq", (row,))]

    def _grouped(self, sql: str, row: int) -> dict[str, list[tuple]]:
        out: dict[str, list[tuple]] = {}
        for r in self.db.execute(sql, (row,)):
            out.setdefault(r[0], []).append(tuple(r))
        return out

    def citations_of(self, row: int) -> list[Citation]:
        return [Citation(r["key"], r["text"], r["page"], r["start_char"], r["end_char"])
                for r in self.db.execute("SELECT * FROM citations WHERE doc = ? ORDER BY page, start_char", (row,))]

    def pages_of(self, row: int) -> list[Page]:
        return [Page(r["number"], r["text"], bool(r["ocr"]), r["confidence"])
                for r in self.db.execute("SELECT * FROM pages WHERE doc = ? ORDER BY number", (row,))]

    def document(self, row: int, pages: bool = True) -> Document | None:
        """A stored document as a record, with its clauses and citations, and
        its pages unless `pages` is False (the index needs no page text)."""
        d = self.document_row(row)
        if d is None:
            return None
        return Document(source=d["path"], sha256=d["sha256"], kind=d["kind"], title=d["title"],
                        issuer=d["issuer"], issuers=json.loads(d["issuers"] or "[]"), region=d["region"],
                        province=d["province"], numbers=json.loads(d["numbers"] or "[]"), date=d["date"],
                        dates=json.loads(d["dates"] or "[]"), citations=self.citations_of(row),
                        pages=self.pages_of(row) if pages else [], clauses=self.clauses_of(row), url=d["url"],
                        format=d["format"])

    def document_rows(self) -> list[int]:
        return [r[0] for r in self.db.execute("SELECT id FROM documents ORDER BY id")]

    def log_entries(self, status: str | tuple[str, ...] | None = None, limit: int = 100) -> list[sqlite3.Row]:
        """Entries of the ingest log, newest first; `status`: only those of this status (or these)."""
        if status:
            statuses = (status,) if isinstance(status, str) else tuple(status)
            return self.db.execute(f"SELECT * FROM ingest_log WHERE status IN ({','.join('?' * len(statuses))}) "
                                   "ORDER BY id DESC LIMIT ?", (*statuses, limit)).fetchall()
        return self.db.execute("SELECT * FROM ingest_log ORDER BY id DESC LIMIT ?", (limit,)).fetchall()

    _LATEST = "SELECT max(id) FROM ingest_log GROUP BY path"  # each file's latest attempt

    def latest_problems(self, limit: int = 100) -> list[sqlite3.Row]:
        """Each file whose latest attempt failed or was skipped, once: that entry, with `attempts`
        (the file's entries in the log); newest first."""
        return self.db.execute(
            f"SELECT l.*, (SELECT count(*) FROM ingest_log a WHERE a.path = l.path) AS attempts FROM ingest_log l "
            f"WHERE l.id IN ({self._LATEST}) AND l.status IN ('failed', 'skipped') ORDER BY l.id DESC LIMIT ?",
            (limit,)).fetchall()

    def latest_status_counts(self) -> dict[str, int]:
        """Files (distinct paths of the log) by the status of their latest attempt."""
        return dict(self.db.execute(
            f"SELECT status, count(*) FROM ingest_log WHERE id IN ({self._LATEST}) GROUP BY status").fetchall())

    def counts(self) -> dict[str, int]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "documents": one("SELECT count(*) FROM documents"),
            "pages": one("SELECT count(*) FROM pages"),
            "clauses": one("SELECT count(*) FROM clauses"),
            "prohibitions": one("SELECT count(*) FROM clauses WHERE kind = 'prohibition'"),
            "sanctions": one("SELECT count(*) FROM clauses WHERE kind = 'sanction'"),
            "obligations": one("SELECT count(*) FROM clauses WHERE kind = 'obligation'"),
            "citations": one("SELECT count(*) FROM citations"),
            "regions": one("SELECT count(DISTINCT region) FROM documents WHERE region IS NOT NULL"),
            "unindexed": one("SELECT count(*) FROM documents WHERE indexed = 0"),
        } | {status: self.latest_status_counts().get(status, 0) for status in ("failed", "skipped")}

    def breakdown(self, column: str) -> list[tuple[str, int]]:
        """Documents per value of a documents column (kind, region, province, year)."""
        if column not in ("kind", "region", "province", "year", "format"):
            raise ValueError(column)
        return [(r[0], r[1]) for r in self.db.execute(
            f"SELECT coalesce({column}, '-'), count(*) FROM documents GROUP BY 1 ORDER BY 2 DESC, 1")]


