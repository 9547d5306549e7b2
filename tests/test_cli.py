"""Every command through click's CliRunner, against a library in a temporary
directory."""
import json
import subprocess
import sys

import pytest
from click.testing import CliRunner

from himpun.cli import cli


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()
    lib = str(tmp_path / "lib")

    def invoke(*args, library=True):
        argv = (["--library", lib] if library else []) + [str(a) for a in args]
        return runner.invoke(cli, argv, catch_exceptions=False)
    return invoke


def test_help_has_examples(run):
    result = run("--help", library=False)
    assert result.exit_code == 0 and "Examples:" in result.output
    for command in ("ingest", "extract", "search", "show", "reindex", "stats", "errors"):
        sub = run(command, "--help", library=False)
        assert sub.exit_code == 0 and ("Example" in sub.output), command


def test_ingest_summary_and_exit_codes(run, sample_dir):
    result = run("ingest", sample_dir)
    assert result.exit_code == 0, result.output
    assert "3 files: 3 ingested, 0 unchanged, 0 skipped, 0 failed" in result.output
    again = run("ingest", sample_dir)
    assert "3 files: 0 ingested, 3 unchanged" in again.output
    (sample_dir / "rusak.txt").write_bytes(b"\x00\x01\x02" * 100)
    bad = run("ingest", sample_dir)
    assert bad.exit_code == 1
    assert "failed: " in bad.output and "rusak.txt: binary data" in bad.output


def test_ingest_json_lines(run, sample_dir):
    result = run("ingest", sample_dir, "--json")
    lines = [json.loads(x) for x in result.output.splitlines()]
    assert [x["status"] for x in lines[:-1]] == ["ingested"] * 3
    assert lines[-1]["summary"]["clauses"] == sum(x["clauses"] for x in lines[:-1])


def test_extract_json_shape(run, sample_dir):
    result = run("extract", sample_dir / "se_gowa.txt", sample_dir / "berita_bekasi.txt", "--json", library=False)
    assert result.exit_code == 0
    docs = [json.loads(x) for x in result.output.splitlines()]
    assert len(docs) == 2
    d = docs[0]
    for key, kind in [("source", str), ("sha256", str), ("kind", str), ("title", str), ("issuer", str),
                      ("region", str), ("province", str), ("numbers", list), ("date", str), ("dates", list),
                      ("citations", list), ("pages", int), ("ocr", bool), ("clauses", list)]:
        assert isinstance(d[key], kind), key
    assert d["citations"] == [{"key": "PP 94/2021", "text": "Peraturan Pemerintah Nomor 94 Tahun 2021"}]
    c = d["clauses"][0]
    assert set(c) >= {"id", "kind", "text", "page", "start", "end", "categories", "sanctions"}
    assert c["kind"] in ("prohibition", "sanction", "obligation")
    sanction = next(x for x in d["clauses"] if x["sanctions"])["sanctions"][0]
    assert sanction == {"type": "disciplinary", "severity": "berat"}


def test_extract_text_offsets_point_into_printed_text(run, sample_dir):
    path = sample_dir / "se_gowa.txt"
    text = run("extract", path, "--text", library=False).output.rstrip("\n")
    doc = json.loads(run("extract", path, "--json", library=False).output)
    pages = text.split("\f")
    for c in doc["clauses"]:
        assert pages[c["page"] - 1][c["start"]:c["end"]] == c["text"]


def test_extract_bad_file_is_one_line_and_exit_1(run, tmp_path):
    p = tmp_path / "kosong.txt"
    p.write_bytes(b"")
    result = run("extract", p, "--json", library=False)
    assert result.exit_code == 1
    assert result.output.strip() == f"failed: {p}: empty file"


def test_search_terminal_and_json(run, sample_dir):
    run("ingest", sample_dir)
    out = run("search", "media", "sosial").output
    assert "clauses match" in out and "region:" in out and "Kabupaten Gowa" in out
    data = json.loads(run("search", "media sosial", "--json", "--limit", "2").output)
    assert data["total"] >= 3 and len(data["hits"]) == 2
    assert {"id", "snippet", "region", "issuer", "number", "date", "path", "page", "categories"} <= set(data["hits"][0])
    assert {f["value"] for f in data["facets"]["region"]} >= {"Kabupaten Gowa", "Kota Bekasi", "Kabupaten Pacitan"}
    filtered = json.loads(run("search", "ASN", "--region", "kota bekasi", "--json").output)
    assert {h["region"] for h in filtered["hits"]} == {"Kota Bekasi"}


def test_search_by_document(run, sample_dir):
    run("ingest", sample_dir)
    out = run("search", "ASN", "--by-document", "--limit", "2").output
    assert "documents match (page 1 of 2)" in out and "matching clause" in out
    data = json.loads(run("search", "ASN", "--by-document", "--json").output)
    assert data["total_documents"] == 3 == len(data["documents"])
    assert sum(d["matches"] for d in data["documents"]) == data["total"]
    assert all(1 <= len(d["hits"]) <= 3 and {h["doc_id"] for h in d["hits"]} == {d["doc_id"]}
               for d in data["documents"])


def test_search_with_no_clause_holding_every_word_says_so(run, sample_dir):
    run("ingest", sample_dir)
    out = run("search", "baliho", "pacitan-tidak-ada").output
    assert "No clause has all of these words" in out and "baliho" in out.lower()
    data = json.loads(run("search", "baliho", "pacitan-tidak-ada", "--json").output)
    assert data["relaxed"] is True and data["total"] >= 1
    # an explicit AND is taken at its word
    assert json.loads(run("search", "baliho AND pacitan-tidak-ada", "--json").output)["total"] == 0
    out = run("search", "baliho", "pacitan-tidak-ada", "--by-document").output
    assert "No document has all of these words" in out and "matching clause" in out


def test_search_for_a_place_with_nothing_says_so(run, sample_dir):
    run("ingest", sample_dir)
    out = run("search", "media", "sosial", "Sleman").output
    assert out.startswith("Nothing of Kabupaten Sleman matches; the hits below are of other regions.")
    assert "Kota Bekasi" in out
    data = json.loads(run("search", "media sosial Sleman", "--json", "--by-document").output)
    assert data["elsewhere"] == ["Kabupaten Sleman"] and data["documents"]
    assert "Nothing of" not in run("search", "media", "sosial", "Bekasi").output


def test_search_errors_are_one_line(run, sample_dir):
    run("ingest", sample_dir)
    result = run("search", '"media sosial')
    assert result.exit_code == 2
    assert result.output.strip() == "error: unbalanced quotes in query"
    result = run("search", "ASN", "--region", "Tangerang")
    assert result.exit_code == 2 and "say which" in result.output


def test_show_clause_and_document(run, sample_dir):
    run("ingest", sample_dir)
    hit = json.loads(run("search", "baliho", "--region", "Gowa", "--json").output)["hits"][0]
    out = run("show", hit["id"]).output
    assert hit["id"] in out and "Bupati Gowa" in out and "page 1" in out
    data = json.loads(run("show", hit["id"], "--json").output)
    assert data["clause"]["id"] == hit["id"] and data["document"]["region"] == "Kabupaten Gowa"
    assert data["after"] and data["after"][0]["id"] > hit["id"]
    doc = run("show", hit["id"].split("-")[0]).output
    assert "800/155/BKPSDM/2024" in doc and "memasang baliho" in doc
    missing = run("show", "ffffffffffff-001")
    assert missing.exit_code == 3 and "no clause" in missing.output


def test_reindex_stats_errors(run, sample_dir):
    run("ingest", sample_dir)
    assert "indexed" in run("reindex").output
    stats = json.loads(run("stats", "--json").output)
    assert stats["documents"] == 3 and stats["regions"] == 3 and stats["clauses"] > 5
    assert "no failed or skipped files" in run("errors").output
    (sample_dir / "x.xlsx").write_bytes(b"PK\x03\x04")
    run("ingest", sample_dir)
    errors = json.loads(run("errors", "--json").output)
    assert errors[0]["status"] == "skipped" and "unsupported file type" in errors[0]["reason"]


def test_library_from_environment(tmp_path, sample_dir, monkeypatch):
    monkeypatch.setenv("HIMPUN_LIBRARY", str(tmp_path / "envlib"))
    result = CliRunner().invoke(cli, ["ingest", str(sample_dir)])
    assert result.exit_code == 0
    assert (tmp_path / "envlib" / "catalog.db").exists() and (tmp_path / "envlib" / "index").is_dir()


def test_python_dash_m_runs(tmp_path):
    result = subprocess.run([sys.executable, "-m", "himpun", "--version"], capture_output=True, text=True)
    assert result.returncode == 0 and "himpun" in result.stdout


def test_stats_and_errors_count_each_file_once_by_its_latest_attempt(run, tmp_path):
    d = tmp_path / "log"
    d.mkdir()
    (d / "a_kosong.txt").write_bytes(b"")  # fails
    (d / "b_tabel.xlsx").write_bytes(b"PK\x03\x04")  # skipped
    (d / "c_rusak.txt").write_bytes(b"\x00\x01\x02" * 100)  # fails
    for _ in range(3):
        run("ingest", d)
    stats = json.loads(run("stats", "--json").output)
    assert (stats["failed"], stats["skipped"]) == (2, 1)
    out = run("stats").output
    assert "failed        2" in out and "skipped       1" in out
    rows = json.loads(run("errors", "--json").output)
    # each file once, by its latest entry (the last run's), newest first
    assert sorted(r["path"].rsplit("/", 1)[-1] for r in rows) == ["a_kosong.txt", "b_tabel.xlsx", "c_rusak.txt"]
    assert [r["id"] for r in rows] == sorted((r["id"] for r in rows), reverse=True)
    last_run = [r["id"] for r in json.loads(run("errors", "--all", "--json", "--limit", "3").output)]
    assert [r["id"] for r in rows] == last_run
    assert [r["attempts"] for r in rows] == [3, 3, 3]
    assert {r["path"].rsplit("/", 1)[-1]: r["status"] for r in rows} == {
        "a_kosong.txt": "failed", "b_tabel.xlsx": "skipped", "c_rusak.txt": "failed"}
    lines = run("errors").output.splitlines()
    assert len(lines) == 3 and all(line.endswith("(3 attempts)") for line in lines)
    assert sum("c_rusak.txt: binary data" in line for line in lines) == 1
    every = json.loads(run("errors", "--all", "--json").output)
    assert len(every) == 9 and [r["id"] for r in every] == sorted((r["id"] for r in every), reverse=True)
    assert len(run("errors", "--all").output.splitlines()) == 9
    # a file put right is no longer counted; a new bad file comes first, with no count of attempts
    (d / "c_rusak.txt").write_text("ASN dilarang memasang baliho calon di Kabupaten Gowa.", encoding="utf-8")
    run("ingest", d)
    (tmp_path / "d_kosong.txt").write_bytes(b"")
    run("ingest", tmp_path / "d_kosong.txt")
    assert json.loads(run("stats", "--json").output)["failed"] == 2
    lines = run("errors").output.splitlines()
    names = [line.split(": ")[1].rsplit("/", 1)[-1] for line in lines]
    assert names[0] == "d_kosong.txt" and sorted(names[1:]) == ["a_kosong.txt", "b_tabel.xlsx"]
    assert not lines[0].endswith("attempts)") and all(line.endswith("(4 attempts)") for line in lines[1:])


def test_ingesting_a_copy_says_it_is_a_duplicate(run, sample_dir, tmp_path):
    run("ingest", sample_dir / "se_gowa.txt")
    copy = tmp_path / "salinan.txt"
    copy.write_bytes((sample_dir / "se_gowa.txt").read_bytes())
    result = run("ingest", copy)
    assert result.exit_code == 0
    assert f"skipped: {copy}: same content as {sample_dir / 'se_gowa.txt'}" in result.output
    assert "1 files: 0 ingested, 0 unchanged, 1 skipped, 0 failed; 0 clauses" in result.output
    doc = json.loads(run("search", "baliho", "--json").output)["hits"][0]
    assert doc["path"] == str(sample_dir / "se_gowa.txt")
