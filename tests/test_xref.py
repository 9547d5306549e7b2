"""Cross-references over a real catalog: the region-by-category matrix,
divergences from the national rule, gaps, the citation graph with replaced
regulations, the same rule in other regions, incremental upkeep."""
import csv
import io
import json

import pytest
from hypothesis import given, settings, strategies as st
from click.testing import CliRunner

from himpun.cli import cli
from himpun.records import Sanction
from himpun.records import Clause
from himpun.xref.citations import replacement_info
from himpun.xref.rules import addresses_others, differs, rank
from himpun.xref.store import facts
from himpun.xref.similar import content_words, jaccard
from tests.fixtures import XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN


@pytest.fixture
def regions(library, tmp_path):
    d = tmp_path / "xref"
    d.mkdir()
    (d / "se_sleman.txt").write_text(XREF_SLEMAN, encoding="utf-8")
    (d / "se_madiun.txt").write_text(XREF_MADIUN, encoding="utf-8")
    (d / "se_menpan.txt").write_text(XREF_NATIONAL, encoding="utf-8")
    library.ingest([d])
    return library


def _cells(lib, **filters):
    return {(c.region, c.category): (c.sanction, c.severity) for c in lib.matrix(**filters)}


def test_matrix_cells_are_the_heaviest_sanction_each_region_states(regions):
    assert _cells(regions) == {
        ("nasional", "campaign-materials"): ("disciplinary", "berat"),
        ("nasional", "social-media-engagement"): ("moral-sanction", None),
        ("Kabupaten Sleman", "campaign-materials"): ("release-from-position", "berat"),
        ("Kabupaten Sleman", "social-media-engagement"): ("release-from-position", "berat"),
        ("Kabupaten Sleman", "declaration-attendance"): ("moral-sanction", None),
        ("Kota Madiun", "campaign-materials"): ("allowance-cut", "sedang"),
        ("Kota Madiun", "state-facilities"): (None, None),  # prohibited, no sanction stated
    }


def test_matrix_cells_name_their_sources(regions):
    cell = next(c for c in regions.matrix(region="Sleman") if c.category == "social-media-engagement")
    src = cell.source
    # the prohibition and the sanction clause that names it ("melanggar ketentuan angka 1 huruf a dan huruf b")
    assert "tanda suka" in regions.clause(src.clause).clause.text
    assert src.via == "reference" and "pembebasan dari jabatan" in regions.clause(src.sanction_clause).clause.text
    assert src.number == "800.1/2291/BKPP/2024" and src.date == "2024-09-02" and src.page == 1


@pytest.mark.parametrize("filters, expected", [
    ({"category": "campaign-materials"}, {"nasional", "Kabupaten Sleman", "Kota Madiun"}),
    ({"province": "Jatim"}, {"Kota Madiun"}),
    ({"region": "Kab. Sleman"}, {"Kabupaten Sleman"}),
    ({"year": "2023"}, {"nasional"}),
    ({"kind": "news"}, set()),
])
def test_matrix_filters(regions, filters, expected):
    assert {region for region, _ in _cells(regions, **filters)} == expected


def test_divergences_from_the_national_rule(regions):
    found = {d.category: d for d in regions.divergences()}
    assert set(found) == {"campaign-materials", "social-media-engagement"}
    materials = found["campaign-materials"]
    assert (materials.national.sanction, materials.national.severity) == ("disciplinary", "berat")
    assert [c.region for c in materials.cells] == ["Kota Madiun"]  # Sleman's berat agrees
    assert materials.direction == {"Kota Madiun": "lighter"}
    assert "hukuman disiplin sedang" in materials.cells[0].source.quote
    engagement = found["social-media-engagement"]
    assert engagement.direction == {"Kabupaten Sleman": "heavier"}


def test_gaps_list_national_prohibitions_a_region_leaves_out(regions):
    madiun = {g.category: g for g in regions.gaps("Kota Madiun")}
    assert "campaign-materials" not in madiun and "state-facilities" not in madiun
    assert "social-media-engagement" in madiun and madiun["social-media-engagement"].covered_by == ["Kabupaten Sleman"]
    assert madiun["social-media-engagement"].basis == ["SKB 2/2022"]
    assert "partisanship-general" not in madiun and "discriminatory-service" not in madiun  # not forms of violation


def test_citation_graph_flags_replaced_regulations(regions):
    graph = regions.citations()
    flagged = {d.region: d.replaced for d in graph.flagged}
    assert flagged == {"Kota Madiun": {"PP 53/2010": {"by": "PP 94/2021", "also_cites_replacement": False,
                                                      "before_replacement": False}}}
    assert graph.shared["PP 94/2021"] == ["Kabupaten Sleman"]


def test_the_same_rule_in_other_regions_is_linked(regions):
    sleman = next(c for c in regions.matrix(region="Sleman") if c.category == "campaign-materials").source.clause
    same = regions.similar(sleman)
    assert {s["region"] for s in same} == {"Kota Madiun", "nasional"}
    assert all(0.6 <= s["similarity"] <= 1 for s in same)
    assert regions.similar(same[0]["clause"])  # and back
    out = CliRunner().invoke(cli, ["--library", str(regions.root), "show", sleman])
    assert out.exit_code == 0 and "The same rule elsewhere:" in out.output and "Kota Madiun" in out.output


@pytest.mark.parametrize("a, b, same", [
    ("memasang spanduk, baliho, atau alat peraga lainnya terkait pasangan calon",
     "d. memasang spanduk, baliho, atau alat peraga lainnya terkait bakal calon;", True),
    ("menjadi anggota atau pengurus partai politik", "1. menjadi anggota atau pengurus partai politik;", True),
    ("memasang spanduk, baliho, atau alat peraga lainnya terkait pasangan calon",
     "memberikan tanda suka, komentar, atau membagikan unggahan pasangan calon di media sosial", False),
])
def test_near_duplicates(a, b, same):
    assert (jaccard(content_words(a), content_words(b)) >= 0.6) is same


@pytest.mark.parametrize("a, b, expected", [
    (("disciplinary", "berat"), ("dismissal-dishonourable", "berat"), False),  # a form of the same level
    (("allowance-cut", "sedang"), ("disciplinary", "berat"), True),
    (("moral-sanction", None), ("disciplinary", "berat"), True),
    (("unspecified", None), ("disciplinary", "berat"), False),  # "sanksi sesuai ketentuan" contradicts nothing
])
def test_sanctions_differ(a, b, expected):
    assert differs(a, b) is expected


def test_rank_orders_by_severity_then_type():
    order = [Sanction("unspecified"), Sanction("moral-sanction"), Sanction("disciplinary"),
             Sanction("written-reprimand", "ringan"),
             Sanction("allowance-cut", "sedang"), Sanction("disciplinary", "berat"),
             Sanction("dismissal-dishonourable", "berat")]
    assert sorted(order, key=lambda s: rank(s.type, s.severity)) == order


def test_updates_are_incremental_and_follow_replacements(regions, tmp_path):
    from himpun.xref import sync
    db = regions.catalog.db
    facts = lambda: {tuple(r) for r in db.execute("SELECT d.path, f.clause, f.category, f.sanction FROM xref_facts f "  # noqa: E731
                                                  "JOIN documents d ON d.id = f.doc")}
    before = facts()
    madiun = tmp_path / "xref" / "se_madiun.txt"
    # the same file, changed: its new parse replaces the old, with a heavier sanction
    madiun.write_text(XREF_MADIUN.replace("hukuman disiplin sedang berupa pemotongan tunjangan kinerja sebesar 25% "
                                          "selama 6 bulan", "hukuman disiplin berat berupa penurunan jabatan"),
                      encoding="utf-8")
    regions.ingest([madiun])
    after = facts()
    assert {r for r in after if not r[0].endswith("se_madiun.txt")} == \
        {r for r in before if not r[0].endswith("se_madiun.txt")}  # the others untouched
    assert ("campaign-materials", "position-demotion") in {(r[2], r[3]) for r in after if r[0].endswith("se_madiun.txt")}
    assert ("campaign-materials", "allowance-cut") not in {(r[2], r[3]) for r in after}
    assert _cells(regions)[("Kota Madiun", "campaign-materials")] == ("position-demotion", "berat")
    assert db.execute("SELECT count(*) FROM xref_done").fetchone()[0] == 3
    # the groups of the replaced clauses went with them; the new clause is grouped again
    assert db.execute("SELECT count(*) FROM clause_groups WHERE clause NOT IN (SELECT id FROM clauses)").fetchone()[0] == 0
    assert {s["region"] for s in regions.similar(
        next(c for c in regions.matrix(region="Kota Madiun") if c.category == "campaign-materials").source.clause)} \
        == {"Kabupaten Sleman", "nasional"}
    # only what is not yet cross-referenced is done
    assert sync(regions.catalog) == 0
    db.execute("DELETE FROM xref_done WHERE doc = (SELECT min(id) FROM documents)")
    assert sync(regions.catalog) == 1 and facts() == after


_CHAIN = {  # B is nearest A (9 of 11 words) and joins its group; C is nearest B (9 of 11; A: 8 of 12)
    "a": "memasang spanduk baliho poster stiker bendera umbul atribut partai calon",
    "b": "memasang spanduk baliho poster stiker bendera umbul atribut partai kaos",
    "c": "memasang spanduk baliho poster stiker bendera umbul atribut kaos topi",
}


@pytest.mark.parametrize("limit", [10 ** 6, 1])
def test_a_clause_joins_the_group_its_nearest_candidate_joined(tmp_path, monkeypatch, limit):
    """C's nearest candidate is B, which joined A's group: C joins A's group too, whether B's group
    comes from the memo of this sync (similar.Groups) or, the memo emptied, from the catalog."""
    from himpun.catalog import Catalog
    from himpun.records import Document
    from himpun.xref import similar, sync

    monkeypatch.setattr(similar.Groups, "LIMIT", limit)
    catalog = Catalog(tmp_path / "catalog.db")
    for name, words in _CHAIN.items():
        sha = name * 64
        text = f"ASN dilarang {words}."
        catalog.store(Document(f"/{name}.txt", sha, clauses=[Clause(f"{name}-1", "prohibition", text, 1, 0, len(text))]),
                      size=1)
    assert sync(catalog) == 3
    got = dict(catalog.db.execute("SELECT clause, grp FROM clause_groups"))
    catalog.close()
    assert got == {"a-1": "a-1", "b-1": "a-1", "c-1": "a-1"}


def _store(catalog, name, words, sha=None):
    from himpun.records import Document

    text = f"ASN dilarang {words}."
    catalog.store(Document(f"/{name}.txt", sha or name * 64,
                           clauses=[Clause(f"{name}-1", "prohibition", text, 1, 0, len(text))]), size=1)


def _xref_tables(catalog):
    db = catalog.db
    return {table: sorted(tuple(r) for r in db.execute(f"SELECT {cols} FROM {table}")) for table, cols in (
        ("clause_groups", "clause, grp, words"), ("clause_bands", "band, clause"),
        ("xref_facts", "clause, category, sanction, severity, source, via"))}


def test_the_syncs_of_one_batch_give_what_one_sync_gives(tmp_path):
    """A batch syncs every few documents, carrying what it learnt (similar.Groups) and the last
    document it saw from one sync to the next (store.Progress), a document stored again in between
    (b: the same clause id, other words) included: the tables are those of one sync at the end."""
    from himpun.catalog import Catalog
    from himpun.xref import Progress, sync

    other = "menghadiri deklarasi pasangan calon kepala daerah dan mengikuti kampanye akbar terbuka"
    # b parsed anew with other words (the same clause id, b-1); d has those words: it must meet b-1
    # as it is now, not as the memo knew it (in a-1's group, with a's words)
    steps = [("a", _CHAIN["a"], None), ("b", _CHAIN["b"], None), ("c", _CHAIN["c"], None),
             ("b", other, "e" * 64), ("d", other, None)]
    batch, progress, done = Catalog(tmp_path / "batch.db"), Progress(), []
    for name, words, sha in steps:
        _store(batch, name, words, sha)
        done.append(sync(batch, progress))
        assert progress.after == batch.db.execute("SELECT max(id) FROM documents").fetchone()[0]
    assert done == [1, 1, 1, 1, 1]
    once = Catalog(tmp_path / "once.db")
    for name, words, sha in steps:
        _store(once, name, words, sha)
    assert sync(once) == 4  # a, c, b (again), d
    assert _xref_tables(batch) == _xref_tables(once)
    assert dict(batch.db.execute("SELECT clause, grp FROM clause_groups")) == \
        {"a-1": "a-1", "c-1": "a-1", "b-1": "b-1", "d-1": "b-1"}
    batch.close()
    once.close()


def test_a_sync_of_many_documents_moves_its_mark_past_each_transaction(tmp_path, monkeypatch):
    """The mark a batch's next sync starts from is the last document of each committed transaction:
    a sync that fails in its second transaction leaves the mark after the first, and the next sync
    does the rest."""
    from himpun.catalog import Catalog
    from himpun.xref import Progress, store, sync

    monkeypatch.setattr(store, "BATCH", 2)
    catalog, progress = Catalog(tmp_path / "catalog.db"), Progress()
    for name in "abcde":
        _store(catalog, name, _CHAIN["a"].replace("calon", name * 3))
    rows = [r[0] for r in catalog.db.execute("SELECT id FROM documents ORDER BY id")]
    real, calls = store._update, []

    def update(catalog_, row, groups=None):
        calls.append(row)
        if len(calls) == 3:
            raise RuntimeError("interrupted")
        real(catalog_, row, groups)

    monkeypatch.setattr(store, "_update", update)
    with pytest.raises(RuntimeError):
        sync(catalog, progress)
    assert progress.after == rows[1]  # the first transaction (a, b) is in; c's was rolled back
    assert sync(catalog, progress) == 3 and progress.after == rows[-1]
    assert catalog.db.execute("SELECT count(*) FROM xref_done").fetchone()[0] == 5
    catalog.close()


def test_cli_xref_formats(regions):
    run = lambda *args: CliRunner().invoke(cli, ["--library", str(regions.root), "xref", *args])  # noqa: E731
    table = run()
    assert table.exit_code == 0 and "Kabupaten Sleman" in table.output and "B release-from-position" in table.output
    rows = list(csv.DictReader(io.StringIO(run("--format", "csv").output)))
    assert {(r["region"], r["category"], r["severity"]) for r in rows} >= {("Kota Madiun", "campaign-materials", "sedang")}
    assert all(r["clause"] for r in rows)
    cells = json.loads(run("--format", "json", "--category", "campaign-materials").output)
    assert {c["region"] for c in cells} == {"nasional", "Kabupaten Sleman", "Kota Madiun"}
    div = run("--divergent")
    assert "Kota Madiun: S allowance-cut [lighter]" in div.output
    gaps = json.loads(run("--gaps", "Kota Madiun", "--format", "json").output)
    assert gaps["region"] == "Kota Madiun" and gaps["documents"]
    assert "social-media-engagement" in {g["category"] for g in gaps["gaps"]}
    none = json.loads(run("--gaps", "Kota Bandung", "--format", "json").output)
    assert none == {"region": "Kota Bandung", "documents": False, "gaps": None}
    assert "no document of this region" in run("--gaps", "Kota Bandung").output
    cites = run("--citations")
    assert "PP 53/2010 -> PP 94/2021" in cites.output
    bad = run("--gaps", "Madiun")
    assert bad.exit_code != 0 and "Kabupaten Madiun or Kota Madiun" in bad.output


@pytest.mark.parametrize("key, cited, date, expected", [
    ("PP 53/2010", ["PP 53/2010"], "2024-01-05", {"by": "PP 94/2021", "also_cites_replacement": False,
                                                  "before_replacement": False}),
    # a decree of 2022 cited the law then in force
    ("UU 5/2014", ["UU 5/2014"], "2022-09-22", {"by": "UU 20/2023", "also_cites_replacement": False,
                                                "before_replacement": True}),
    # the direct replacement counts, not only the regulation at the end of the chain
    ("UU 43/1999", ["UU 43/1999", "UU 5/2014"], None, {"by": "UU 20/2023", "also_cites_replacement": True,
                                                       "before_replacement": False}),
])
def test_replaced_regulations(key, cited, date, expected):
    assert replacement_info(key, cited, date) == expected


def _clause(cid, kind, cats=(), sancs=(), applies_to=(), text="..."):
    return Clause(cid, kind, text, 1, 0, 3, list(cats), [Sanction(*s) for s in sancs], applies_to=list(applies_to))


@pytest.mark.parametrize("clauses, expected", [
    # a news report: the act in the headline and the lead has no sanction; the quote that names it does,
    # and that (sedang) wins over the report's general "the heaviest is PTDH"
    ([_clause("h", "prohibition", ["party-approach"]),
      _clause("q", "prohibition", ["party-approach"], [("disciplinary", "sedang")]),
      _clause("g", "sanction", sancs=[("dismissal-dishonourable", "berat")])],
     {"h": ("disciplinary", "sedang", "q", "category"), "q": ("disciplinary", "sedang", "q", "clause")}),
    # an own "sanksi" of no stated form gives way to the document's stated one
    ([_clause("a", "prohibition", ["campaign-team"], [("unspecified", None)]),
      _clause("g", "sanction", sancs=[("dismissal", "berat")])],
     {"a": ("dismissal", "berat", "g", "document")}),
    # ... and stays when nothing better is stated
    ([_clause("a", "prohibition", ["campaign-team"], [("unspecified", None)])],
     {"a": ("unspecified", None, "a", "clause")}),
    # a sanction for staff who are not ASN applies to no ASN prohibition
    ([_clause("a", "prohibition", ["campaign-materials"]),
      _clause("n", "sanction", sancs=[("contract-termination", None)],
              text="Pegawai Non ASN yang melanggar ketentuan ini dikenakan sanksi pemutusan hubungan kerja.")],
     {"a": (None, None, None, None)}),
    # a sanction clause naming the item
    ([_clause("a", "prohibition", ["campaign-team"], [("position-demotion", "berat")]),
      _clause("s", "sanction", sancs=[("position-demotion", "berat")], applies_to=["a"])],
     {"a": ("position-demotion", "berat", "s", "reference")}),
])
def test_the_sanction_of_each_prohibition(clauses, expected):
    got = {f[0]: (f[2], f[3], f[5], f[6]) for f in facts(clauses)}
    assert got == expected


@pytest.mark.parametrize("text, others", [
    ("Pegawai Non ASN yang melanggar dikenakan pemutusan hubungan kerja.", True),
    ("Bagi tenaga honorer yang terbukti melanggar, kontraknya tidak diperpanjang.", True),
    ("ASN yang melanggar dijatuhi hukuman disiplin berat.", False),
    ("PPPK yang melanggar diberhentikan dari perjanjian kerja.", False),  # PPPK are ASN
])
def test_sanctions_addressed_to_others(text, others):
    assert addresses_others(text) is others


@settings(max_examples=100, deadline=None)
@given(st.sets(st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=12), min_size=1, max_size=40))
def test_band_keys_are_those_of_datasketch_s_minhash(words):
    import hashlib
    import struct

    from himpun.xref import similar

    m = similar._minhash()
    m.update_batch([w.encode() for w in sorted(words)])
    hv = m.hashvalues
    expected = [int.from_bytes(hashlib.blake2b(struct.pack("<B", i) + hv[i * similar.ROWS:(i + 1) * similar.ROWS]
                                               .tobytes(), digest_size=8).digest(), "little", signed=True)
                for i in range(similar.BANDS)]
    assert list(similar.bands(frozenset(words))) == expected
