"""List places, lists over page breaks, and sanctions tied to prohibitions
by reference ("melanggar ketentuan angka 2 huruf a")."""
import pytest

from himpun.ingest.parse import parse_document
from himpun.ingest.parse.crossref import references
from himpun.records import Page

SHA = "cd" * 32

CIRCULAR = """SURAT EDARAN
Nomor: 800.1.6/77/BKPSDM/2024
Sehubungan dengan hal tersebut, disampaikan hal-hal sebagai berikut:
1. Setiap ASN wajib menjaga netralitas.
2. ASN dilarang:
a. menjadi tim kampanye pasangan calon;
b. memasang baliho pasangan calon;
c. menghadiri deklarasi pasangan calon;
d. menyukai unggahan pasangan calon di media sosial.
3. ASN yang melanggar ketentuan angka 2 huruf a dan huruf c dijatuhi hukuman disiplin berat.
4. Pelanggaran terhadap larangan sebagaimana dimaksud pada angka 2 huruf d dikenai teguran tertulis."""


def parse(*pages):
    return parse_document([Page(i + 1, t) for i, t in enumerate(pages)], source="x.txt", sha256=SHA)


@pytest.mark.parametrize("text, expected", [
    ("melanggar ketentuan angka 2 huruf a, huruf b, dan huruf d", [("2", "a"), ("2", "b"), ("2", "d")]),
    ("pelanggaran terhadap huruf a sampai dengan huruf c", [(None, "a"), (None, "b"), (None, "c")]),
    ("melanggar angka 1, 3 dan 5", [("1", None), ("3", None), ("5", None)]),
    ("larangan pada angka 1 s.d. 4", [("1", None), ("2", None), ("3", None), ("4", None)]),
    ("larangan angka 3 huruf a s.d. d", [("3", "a"), ("3", "b"), ("3", "c"), ("3", "d")]),
    ("butir 2 dan butir 4", [("2", None), ("4", None)]),
    ("dijatuhi hukuman disiplin berat", []),
])
def test_references(text, expected):
    assert references(text) == expected


def test_list_places():
    doc = parse(CIRCULAR)
    assert [(c.marker, c.kind) for c in doc.clauses] == [
        ("1", "obligation"), ("2.a", "prohibition"), ("2.b", "prohibition"), ("2.c", "prohibition"),
        ("2.d", "prohibition"), ("3", "sanction"), ("4", "sanction")]


def test_sanctions_named_by_list_place_attach_to_their_prohibitions():
    doc = parse(CIRCULAR)
    by_marker = {c.marker: c for c in doc.clauses}
    sanctions = {m: [(s.type, s.severity) for s in by_marker[m].sanctions] for m in ("2.a", "2.b", "2.c", "2.d")}
    assert sanctions == {"2.a": [("disciplinary", "berat")], "2.b": [], "2.c": [("disciplinary", "berat")],
                         "2.d": [("written-reprimand", "ringan")]}
    assert by_marker["3"].applies_to == [by_marker["2.a"].id, by_marker["2.c"].id]
    assert by_marker["4"].applies_to == [by_marker["2.d"].id]


def test_a_list_goes_on_over_a_page_break():
    head, tail = CIRCULAR.split("c. menghadiri")
    doc = parse(head.rstrip("\n"), "c. menghadiri" + tail)
    page2 = [c for c in doc.clauses if c.page == 2]
    assert [(c.marker, c.kind, c.context) for c in page2[:2]] == [
        ("2.c", "prohibition", "ASN dilarang:"), ("2.d", "prohibition", "ASN dilarang:")]
    assert [s.type for s in page2[0].sanctions] == ["disciplinary"]


def test_an_item_of_the_lead_ins_rank_ends_its_list():
    doc = parse(CIRCULAR)
    assert [c.context for c in doc.clauses if c.marker in ("3", "4")] == ["", ""]


def test_a_bare_letter_names_the_nearest_list_before_it():
    text = ("Menimbang:\na. bahwa netralitas ASN perlu dijaga;\nb. bahwa pemilihan akan digelar.\n"
            "Bersama ini ASN dilarang:\na. memasang spanduk calon;\nb. menghadiri deklarasi calon.\n"
            "ASN yang melanggar huruf b dijatuhi hukuman disiplin sedang.")
    doc = parse(text)
    (target,) = [c for c in doc.clauses if c.sanctions and c.kind == "prohibition"]
    assert target.categories == ["declaration-attendance"]


def test_nested_lists_of_one_kind_of_marker_and_a_reference_in_a_lead_in():
    text = ("1. ASN dilarang;\n 1) ikut serta sebagai peserta kampanye;\n 2) memasang spanduk calon.\n"
            "2. ASN yang melanggar ketentuan angka 1 dikenakan:\n a. teguran tertulis;\n b. hukuman disiplin berat.")
    doc = parse(text)
    assert [(c.marker, c.kind) for c in doc.clauses] == [
        ("1.1", "prohibition"), ("1.2", "prohibition"), ("2.a", "sanction"), ("2.b", "sanction")]
    assert [[s.type for s in c.sanctions] for c in doc.clauses[:2]] == [["written-reprimand", "disciplinary"]] * 2


LISTED = "SURAT EDARAN\nASN dilarang:\na. memasang baliho pasangan calon;\nb. menghadiri deklarasi pasangan calon.\n"


@pytest.mark.parametrize("sentence, applies", [
    ("ASN yang melanggar ketentuan di atas dijatuhi sanksi moral berupa pernyataan secara terbuka.", True),
    ("Terhadap pelanggaran sebagaimana dimaksud di atas dijatuhi hukuman disiplin berat.", True),
    ("Pegawai ASN yang melanggar dijatuhi hukuman disiplin sedang.", True),
    ("PNS yang melakukan pelanggaran netralitas tersebut dijatuhi hukuman disiplin berat.", True),
    # addressed to staff who are not ASN: no ASN prohibition takes it
    ("Pegawai non ASN yang melanggar ketentuan di atas diberhentikan sebagai tenaga kontrak.", False),
    # a case's own sanction, and sanctions for village heads or soldiers, are no sanction of the ASN rules above
    ("Atas pelanggaran tersebut, AS dijatuhi hukuman disiplin berupa teguran tertulis.", False),
    ("Kepala desa yang melanggar larangan tersebut dikenai sanksi administratif berupa teguran lisan.", None),
    # a sanction that names no violation at all is no reference to the list
    ("Hukuman disiplin berat antara lain pemberhentian.", False),
])
def test_a_sanction_for_the_rules_above_applies_to_every_listed_prohibition(sentence, applies):
    doc = parse(LISTED + sentence)
    bans = [c for c in doc.clauses if c.kind == "prohibition"]
    sanction = next((c for c in doc.clauses if c.kind == "sanction"), None)
    assert len(bans) == 2
    if applies is None:  # a village head's sanction is none of an ASN: no clause at all
        assert sanction is None and not any(c.sanctions for c in bans)
        return
    assert sanction.applies_to == ([c.id for c in bans] if applies else [])
    assert all(bool(c.sanctions) == applies for c in bans)


def test_a_prohibition_with_its_own_sanction_names_no_other():
    doc = parse("SURAT EDARAN\nASN dilarang:\n1. ASN dilarang memasang baliho, dan ASN yang melanggar dijatuhi hukuman "
                "disiplin berat.\n2. ASN dilarang menyukai unggahan calon, dan ASN yang melanggar dijatuhi sanksi moral.")
    first, second = [c for c in doc.clauses if c.kind == "prohibition"]
    assert [s.type for s in first.sanctions] == ["disciplinary"] and second.applies_to == []
