"""Cross-reference views after a user audit: a hukuman disiplin of no stated level contradicts
nothing, exports carry full texts (the prohibition's and the sanction's), every view renders in
every format, news reports are named by title, titles are whole. Real catalogs from small texts."""
import csv
import io
import json
import re

import pytest

from himpun.xref import render
from himpun.xref.rules import differs
from tests.test_rulebook_audit import CIRCULAR_BANYUWANGI, NEWS_BEKASI_SE, NEWS_SERANG
from tests.fixtures import XREF_MADIUN, XREF_NATIONAL, XREF_SLEMAN


@pytest.fixture
def audited(library, tmp_path):
    d = tmp_path / "audit"
    d.mkdir()
    for name, text in {"se_sleman.txt": XREF_SLEMAN, "se_madiun.txt": XREF_MADIUN, "se_menpan.txt": XREF_NATIONAL,
                       "se_banyuwangi.txt": CIRCULAR_BANYUWANGI, "berita_bekasi.txt": NEWS_BEKASI_SE,
                       "berita_serang.txt": NEWS_SERANG}.items():
        (d / name).write_text(text, encoding="utf-8")
    library.ingest([d])
    return library


def test_a_hukuman_disiplin_of_no_stated_level_contradicts_nothing(audited):
    assert differs(("disciplinary", None), ("allowance-cut", "sedang")) is False
    assert differs(("allowance-cut", "sedang"), ("disciplinary", None)) is False
    assert differs(("disciplinary", "ringan"), ("allowance-cut", "sedang")) is True
    cell = next(c for c in audited.matrix(region="Banyuwangi") if c.category == "campaign-materials")
    assert (cell.sanction, cell.severity) == ("disciplinary", None)
    found = {d.category: d for d in audited.divergences()}
    assert "Kabupaten Banyuwangi" not in {c.region for c in found["campaign-materials"].cells}
    assert found["campaign-materials"].direction == {"Kota Madiun": "lighter"}
    assert "Kabupaten Banyuwangi" not in render.render("divergent", audited.divergences(), "table")


def test_exports_carry_full_texts_of_both_clauses(audited):
    cells = audited.matrix()
    rows = list(csv.DictReader(io.StringIO(render.render("matrix", cells, "csv"))))
    assert {"prohibition_quote", "sanction_quote", "prohibition_context"} <= set(rows[0]) and "quote" not in rows[0]
    assert not any("…" in r["prohibition_quote"] + r["sanction_quote"] for r in rows)
    madiun = next(r for r in rows if r["region"] == "Kota Madiun" and r["category"] == "campaign-materials")
    full = audited.clause(madiun["clause"]).clause.text
    assert len(full) > 200 and madiun["prohibition_quote"] == " ".join(full.split())
    assert madiun["sanction_quote"] == madiun["prohibition_quote"]  # its own sentence states the sanction
    sleman = next(r for r in rows if r["region"] == "Kabupaten Sleman" and r["category"] == "campaign-materials")
    assert "memasang spanduk" in sleman["prohibition_quote"] and "pembebasan dari jabatan" in sleman["sanction_quote"]
    assert sleman["prohibition_context"] == "ASN dilarang:"
    data = json.loads(render.render("matrix", cells, "json"))
    quoted = next(c for c in data if c["region"] == "Kota Madiun" and c["category"] == "campaign-materials")
    assert quoted["source"]["quote"] == " ".join(full.split())
    div = list(csv.DictReader(io.StringIO(render.render("divergent", audited.divergences(), "csv"))))
    assert {(r["region"], r["direction"]) for r in div if r["category"] == "campaign-materials"} == {
        ("nasional", "national"), ("Kota Madiun", "lighter")}


@pytest.mark.parametrize("fmt", ("table", "md", "csv", "json"))
def test_every_view_honours_every_format(audited, fmt):
    views = {"matrix": (audited.matrix(), None), "divergent": (audited.divergences(), None),
             "gaps": (audited.gaps("Kota Madiun"), "Kota Madiun"), "citations": (audited.citations(), None)}
    for view, (data, region) in views.items():
        out = render.render(view, data, fmt, region=region)
        if fmt == "json":
            json.loads(out)
        elif fmt == "csv":
            rows = list(csv.reader(io.StringIO(out)))
            assert len(rows) > 1 and len({len(r) for r in rows}) == 1, view
        else:
            assert out and not out.lstrip().startswith(("{", "["))
    gaps = list(csv.DictReader(io.StringIO(render.render("gaps", audited.gaps("Kota Madiun"), "csv",
                                                         region="Kota Madiun"))))
    assert "social-media-engagement" in {g["category"] for g in gaps} and gaps[0]["region"] == "Kota Madiun"
    cites = list(csv.DictReader(io.StringIO(render.render("citations", audited.citations(), "csv"))))
    assert {"PP 53/2010", "UU 5/2014"} <= {r["key"] for r in cites}
    assert next(r for r in cites if r["key"] == "PP 53/2010")["replaced_by"] == "PP 94/2021"


def test_citations_name_news_by_title_and_give_whole_titles(audited):
    text = render.citations_text(audited.citations())
    assert not re.search(r"\S :", text) and " :" not in text
    assert 'news "ASN Kota Serang Harus Netral": UU 5/2014 -> UU 20/2023' in text
    from himpun.xref.citations import titles
    skb = next(line for line in text.splitlines() if line.startswith("  SKB 2/2022"))
    assert f"SKB 2/2022 ({titles()['SKB 2/2022']}): 2 region(s)" in skb and "Ketua Bawaslu" in skb
    assert "Ketua Bawaslu" in json.loads(render.render("citations", audited.citations(), "json"))["titles"][
        "SKB 2/2022"]


def test_divergences_name_news_by_title_never_by_its_number(audited):
    src = next(c for c in audited.matrix(region="Kota Bekasi") if c.category == "campaign-materials").source
    name = render.doc_name(src.kind, src.number, src.doc_id, src.title, src.path, None, src.reported)
    assert name == 'news "Pj Wali Kota Bekasi Larang ASN Pasang Baliho Paslon", reporting circular No. ' \
                   '100.3.4/1234/BKPSDM/2024'
