"""Keeping the cross-reference tables of the catalog up to date, one
document at a time.

For each document not yet cross-referenced: one fact per (prohibition
clause, category) with the heaviest sanction that applies to it and the
clause that states that sanction (the prohibition itself, a sanction clause
that names it, or, when it has none, a sanction clause of the same document
that names no item: "ASN yang melanggar ketentuan di atas dijatuhi ...");
the clause's MinHash bands and its rule group (himpun/xref/similar.py).
A document's rows go with it (foreign keys cascade), so replacing or
removing a document needs no recomputation of the others. Everything is
redone once when `XREF_VERSION` changes.
"""
from __future__ import annotations

from himpun.catalog import Catalog
from himpun.records import Clause, Sanction
from himpun.xref.rules import addresses_others, rank
from himpun.xref.similar import Groups, link_document

XREF_VERSION = "2"


class Progress:
    """What one sync leaves the next of a batch (which syncs every few stored documents): what it
    learnt of other clauses (`Groups`), and the last document it saw (document ids only grow:
    AUTOINCREMENT), so that the next looks only at documents stored since."""

    def __init__(self) -> None:
        self.groups = Groups()
        self.after = 0


def sync(catalog: Catalog, progress: Progress | None = None) -> int:
    """Cross-reference every document that is not yet; the number done.
    `progress`: the last sync's of the same batch (the documents before
    the last it saw are not looked at again)."""
    db = catalog.db
    progress = progress or Progress()
    version = db.execute("SELECT value FROM meta WHERE key = 'xref_version'").fetchone()
    if version is None or version[0] != XREF_VERSION:
        with catalog.transaction():
            for table in ("xref_done", "xref_facts", "clause_bands", "clause_groups"):
                db.execute(f"DELETE FROM {table}")
            db.execute("INSERT OR REPLACE INTO meta VALUES ('xref_version', ?)", (XREF_VERSION,))
        progress.groups.clear()
        progress.after = 0
    pending = [r[0] for r in db.execute(
        "SELECT d.id FROM documents d LEFT JOIN xref_done x ON x.doc = d.id WHERE d.id > ? AND x.doc IS NULL "
        "ORDER BY d.id", (progress.after,))]
    for i in range(0, len(pending), BATCH):
        chunk = pending[i:i + BATCH]
        with catalog.transaction():
            for row in chunk:
                _update(catalog, row, progress.groups)
        progress.after = chunk[-1]
    return len(pending)


BATCH = 200  # documents per transaction when catching up


def update(catalog: Catalog, row: int) -> None:
    """Cross-reference one document (atomic)."""
    with catalog.transaction():
        _update(catalog, row)


def _update(catalog: Catalog, row: int, groups: Groups | None = None) -> None:
    clauses = catalog.clauses_of(row)
    db = catalog.db
    db.execute("DELETE FROM xref_facts WHERE doc = ?", (row,))
    db.execute("DELETE FROM clause_bands WHERE doc = ?", (row,))
    db.execute("DELETE FROM clause_groups WHERE doc = ?", (row,))
    db.executemany("INSERT INTO xref_facts VALUES (?,?,?,?,?,?,?,?)",
                   [(row, *fact) for fact in facts(clauses)])
    link_document(db, row, [(c.id, c.text) for c in clauses if c.kind == "prohibition"], groups)
    db.execute("INSERT OR REPLACE INTO xref_done VALUES (?)", (row,))


def facts(clauses: list[Clause]) -> list[tuple]:
    """(clause, category, sanction, severity, rank, source clause, via) for
    every category of every prohibition of one document.

    The sanction of a prohibition, first found first: its own sentence or a
    sanction clause that names it (via clause | reference); else what the
    same document states for the same act elsewhere (a news report repeats
    an act in its headline, its lead and a quote that gives the sanction:
    via category); else the heaviest sanction clause of the document that
    names no item (via document). An own "sanksi" of no stated form
    (`unspecified`) gives way to a stated one found later. Sanctions
    addressed to staff who are not ASN ("Pegawai Non ASN ... pemutusan
    hubungan kerja") apply to no ASN prohibition."""
    named_by: dict[str, list[Clause]] = {}  # prohibition id -> the sanction clauses that name it
    general: list[tuple[Sanction, str]] = []  # sanctions of clauses that name no item
    for c in clauses:
        if c.kind != "sanction" or addresses_others(c.text):
            continue
        for pid in c.applies_to:
            named_by.setdefault(pid, []).append(c)
        if not c.applies_to:
            general += [(s, c.id) for s in c.sanctions]
    prohibitions = [c for c in clauses if c.kind == "prohibition"]
    own: dict[str, tuple[Sanction, str, str]] = {}
    by_category: dict[str, tuple[Sanction, str]] = {}  # category -> the heaviest stated form, and where
    for c in prohibitions:
        if not c.sanctions:
            continue
        best = max(c.sanctions, key=_rank)
        # the clause that states it: a sanction clause naming this one, else this one
        source = next((s.id for s in named_by.get(c.id, []) if best in s.sanctions), c.id)
        own[c.id] = (best, source, "clause" if source == c.id else "reference")
        if best.type != "unspecified":
            for cat in c.categories:
                if cat not in by_category or _rank(best) > _rank(by_category[cat][0]):
                    by_category[cat] = (best, source)
    fallback = max(general, key=lambda t: _rank(t[0])) if general else None
    out = []
    for c in prohibitions:
        for cat in c.categories:
            best, source, via = own.get(c.id, (None, None, None))
            if best is None or best.type == "unspecified":
                if cat in by_category:
                    (best, source), via = by_category[cat], "category"
                elif fallback and (best is None or fallback[0].type != "unspecified"):
                    (best, source), via = fallback, "document"
            out.append((c.id, cat, best.type if best else None, best.severity if best else None,
                        _rank(best) if best else 0, source, via))
    return out


def _rank(s: Sanction) -> int:
    return rank(s.type, s.severity)
