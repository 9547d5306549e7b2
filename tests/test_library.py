"""The catalog and the index kept in line through the Library API: ingest is
idempotent, a changed file replaces its old records, the index follows the
catalog and can be rebuilt from it."""
import json
import sqlite3

import pytest

from himpun.index import open_index
from himpun.library import Library
from tests.fixtures import CIRCULAR_GOWA


def statuses(report):
    return sorted((o.path.rsplit("/", 1)[-1], o.status) for o in report.outcomes)


def table_counts(lib):
    db = lib.catalog.db
    return {t: db.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
            for t in ("documents", "pages", "clauses", "clause_categories", "clause_sanctions", "citations")}


def index_ids(lib):
    with open_index(lib.index_dir).searcher() as s:
        return sorted(f["id"] for f in s.all_stored_fields())


def test_ingest_then_ingest_again_changes_nothing(library, sample_dir):
    first = library.ingest([sample_dir])
    assert statuses(first) == [("berita_bekasi.txt", "ingested"), ("berita_pacitan.html", "ingested"),
                               ("se_gowa.txt", "ingested")]
    counts, ids = table_counts(library), index_ids(library)
    assert counts["documents"] == 3 and counts["clauses"] == len(ids) > 5
    again = library.ingest([sample_dir])
    assert {s for _, s in statuses(again)} == {"unchanged"}
    assert table_counts(library) == counts
    assert index_ids(library) == ids


def test_a_changed_file_replaces_its_old_records(library, sample_dir):
    library.ingest([sample_dir])
    before = index_ids(library)
    se = sample_dir / "se_gowa.txt"
    se.write_text(CIRCULAR_GOWA.replace("c. menggunakan mobil dinas untuk kegiatan kampanye.\n", ""), encoding="utf-8")
    report = library.ingest([se])
    assert statuses(report) == [("se_gowa.txt", "replaced")]
    assert table_counts(library)["documents"] == 3
    after = index_ids(library)
    assert len(after) == len(before) - 1
    assert not any("mobil dinas" in c.text for d in library.catalog.document_rows()
                   for c in library.catalog.document(d).clauses)


def stored_paths(lib):
    return [r[0] for r in lib.catalog.db.execute("SELECT path FROM documents ORDER BY id")]


@pytest.mark.parametrize("older_parser", [False, True])
def test_a_copy_of_a_stored_file_is_a_duplicate_skipped(library, sample_dir, tmp_path, older_parser):
    original = sample_dir / "se_gowa.txt"
    library.ingest([original])
    if older_parser:  # stored by an older parser: the copy must not be parsed again and take the document over
        library.catalog.db.execute("UPDATE documents SET parser_version = parser_version - 1")
    counts = table_counts(library)
    copy = tmp_path / "salinan.txt"
    copy.write_text(CIRCULAR_GOWA, encoding="utf-8")
    report = library.ingest([copy])
    assert statuses(report) == [("salinan.txt", "skipped")]
    assert report.outcomes[0].reason == f"same content as {original}"
    assert report.summary()["skipped"] == 1 and report.summary()["ingested"] == 0 and report.ok
    assert stored_paths(library) == [str(original)] and table_counts(library) == counts
    log = library.catalog.log_entries(limit=1)[0]
    assert (log["path"], log["status"], log["reason"]) == (str(copy), "skipped", f"same content as {original}")
    # the original itself, again: unchanged (or, stored by an older parser, parsed again where it is)
    again = library.ingest([original])
    assert statuses(again) == [("se_gowa.txt", "updated" if older_parser else "unchanged")]
    assert stored_paths(library) == [str(original)]


def test_a_stored_file_moved_elsewhere_is_the_same_document(library, sample_dir, tmp_path):
    original = sample_dir / "se_gowa.txt"
    library.ingest([original])
    moved = tmp_path / "pindah.txt"
    original.rename(moved)
    assert statuses(library.ingest([moved])) == [("pindah.txt", "unchanged")]
    assert table_counts(library)["documents"] == 1


def test_copies_in_one_batch_are_duplicates_of_the_first(library, tmp_path):
    d = tmp_path / "copies"
    d.mkdir()
    for name in ("a.txt", "b.txt", "c.txt"):
        (d / name).write_text(CIRCULAR_GOWA, encoding="utf-8")
    report = library.ingest([d])
    assert statuses(report) == [("a.txt", "ingested"), ("b.txt", "skipped"), ("c.txt", "skipped")]
    assert {o.reason for o in report.outcomes[1:]} == {f"same content as {d / 'a.txt'}"}
    assert stored_paths(library) == [str(d / "a.txt")]


def test_bad_files_are_logged_and_the_batch_goes_on(library, sample_dir):
    (sample_dir / "kosong.txt").write_bytes(b"")
    (sample_dir / "palsu.pdf").write_text("<html><body>404</body></html>")
    report = library.ingest([sample_dir, sample_dir / "tidak-ada.txt"])
    summary = report.summary()
    assert summary["ingested"] == 3 and summary["failed"] == 3 and not report.ok
    reasons = {e["path"].rsplit("/", 1)[-1]: e["reason"] for e in library.errors()}
    assert reasons["kosong.txt"] == "empty file"
    assert "named .pdf but is an HTML page" in reasons["palsu.pdf"]
    assert reasons["tidak-ada.txt"] == "no such file or directory"


def test_catalog_is_the_source_of_truth_for_a_rebuilt_index(library, sample_dir):
    library.ingest([sample_dir])
    ids = index_ids(library)
    result = library.reindex()
    assert result.clauses == len(ids) and index_ids(library) == ids


def test_an_index_write_that_never_happened_is_caught_up(library, sample_dir):
    library.ingest([sample_dir])
    ids = index_ids(library)
    # as if the process died after the catalog commit but before the index commit
    library.catalog.db.execute("UPDATE documents SET indexed = 0")
    library.sync_index()
    assert index_ids(library) == ids


def test_stored_document_round_trips(library, sample_dir):
    library.ingest([sample_dir / "se_gowa.txt"])
    (row,) = library.catalog.document_rows()
    doc = library.catalog.document(row)
    assert doc.issuer == "Bupati Gowa" and doc.region == "Kabupaten Gowa"
    assert doc.numbers == ["800/155/BKPSDM/2024"] and doc.date == "2024-06-03"
    assert [c.key for c in doc.citations] == ["PP 94/2021"]
    page = doc.pages[0].text
    assert all(page[c.start:c.end] == c.text for c in doc.clauses)
    db = sqlite3.connect(library.root / "catalog.db")
    assert json.loads(db.execute("SELECT issuers FROM documents").fetchone()[0]) == ["Bupati Gowa"]


def test_a_catalog_of_the_first_schema_is_migrated(library, sample_dir):
    from himpun.catalog import SCHEMA_VERSION, Catalog

    library.ingest([sample_dir / "se_gowa.txt"])
    path = library.root / "catalog.db"
    library.close()
    db = sqlite3.connect(path)
    for column in ("context", "marker", "applies_to"):
        db.execute(f"ALTER TABLE clauses DROP COLUMN {column}")
    for table in ("xref_done", "xref_facts", "clause_bands", "clause_groups"):  # schema 3
        db.execute(f"DROP TABLE {table}")
    db.execute("DELETE FROM meta WHERE key = 'xref_version'")
    db.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
    db.commit()
    db.close()
    catalog = Catalog(path)
    (row,) = catalog.document_rows()
    doc = catalog.document(row)
    assert doc.clauses and all(c.context == "" and c.marker == "" and c.applies_to == [] for c in doc.clauses)
    assert catalog.db.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
    catalog.close()
    # the cross-references of documents stored before schema 3 are made on the next use
    reopened = Library(library.root)
    assert {c.region for c in reopened.matrix()} == {"Kabupaten Gowa"}
    reopened.close()


def test_a_catalog_of_schema_3_gets_the_keyed_band_table_with_its_rows(library, sample_dir):
    from himpun.catalog import Catalog

    library.ingest([sample_dir])
    clause = next(c for c in library.catalog.db.execute("SELECT clause FROM clause_groups"))[0]
    groups = [tuple(r) for r in library.catalog.db.execute("SELECT * FROM clause_groups ORDER BY clause")]
    bands = sorted(tuple(r) for r in library.catalog.db.execute("SELECT band, clause, doc FROM clause_bands"))
    similar = library.similar(clause)
    path = library.root / "catalog.db"
    library.close()
    db = sqlite3.connect(path)
    db.executescript("""
        ALTER TABLE clause_bands RENAME TO kept;
        DROP INDEX clause_bands_doc;
        CREATE TABLE clause_bands (band INTEGER NOT NULL, clause TEXT NOT NULL REFERENCES clauses(id)
            ON DELETE CASCADE, doc INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE);
        CREATE INDEX clause_bands_band ON clause_bands(band);
        CREATE INDEX clause_bands_doc ON clause_bands(doc);
        CREATE INDEX clause_bands_clause ON clause_bands(clause);
        INSERT INTO clause_bands SELECT band, clause, doc FROM kept ORDER BY doc, clause;
        DROP TABLE kept;
        UPDATE meta SET value = '3' WHERE key = 'schema_version';""")
    db.close()
    catalog = Catalog(path)
    ddl = catalog.db.execute("SELECT sql FROM sqlite_master WHERE name = 'clause_bands'").fetchone()[0]
    assert "WITHOUT ROWID" in ddl and "REFERENCES clauses" not in ddl
    assert catalog.db.execute("SELECT count(*) FROM xref_done").fetchone()[0] == 3  # kept: nothing to redo
    assert sorted(tuple(r) for r in catalog.db.execute("SELECT band, clause, doc FROM clause_bands")) == bands
    indexes = [r[1] for r in catalog.db.execute("PRAGMA index_list(clause_bands)")]
    assert [i for i in indexes if not i.startswith("sqlite_autoindex")] == ["clause_bands_doc"]  # + the key
    catalog.close()
    reopened = Library(path.parent)
    assert reopened.similar(clause) == similar
    db = reopened.catalog.db
    assert [tuple(r) for r in db.execute("SELECT * FROM clause_groups ORDER BY clause")] == groups
    assert sorted(tuple(r) for r in db.execute("SELECT band, clause, doc FROM clause_bands")) == bands
    reopened.close()


def test_an_index_of_another_format_is_rebuilt_from_the_catalog(library, sample_dir):
    library.ingest([sample_dir])
    before = library.search("medsos").total
    (library.index_dir / "FORMAT").write_text("1")  # as an older Himpun, or another synonym table, left it
    assert library.sync_index().added_documents == 3  # rebuilt
    assert (library.index_dir / "FORMAT").read_text() != "1"
    assert library.search("medsos").total == before > 0
