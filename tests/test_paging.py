"""Cleaning across pages: running headers, footers and page numbers go; a
sentence cut by a page break is made whole on the page where it starts."""
import pytest

from himpun.ingest.clean import fix_list_punctuation, repair_list_markers
from himpun.ingest.paging import drop_running_lines, mend_page_breaks


def test_running_header_footer_and_page_numbers_are_dropped():
    pages = [
        "BUPATI GOWA\nSURAT EDARAN\nASN dilarang ikut kampanye.\nSE 800/155/BKPSDM/2024\n- 1 -",
        "SE 800/155/BKPSDM/2024\nASN dilarang memasang baliho.\nHalaman 2 dari 3",
        "SE 800/155/BKPSDM/2024\nDemikian untuk dilaksanakan.\n3",
    ]
    assert drop_running_lines(pages) == [
        "BUPATI GOWA\nSURAT EDARAN\nASN dilarang ikut kampanye.",
        "ASN dilarang memasang baliho.",
        "Demikian untuk dilaksanakan.",
    ]


def test_a_page_number_with_noise_glued_to_it_is_dropped():
    # a fax's footer read with the next line run into it; in the body, "halaman" is a word like any other
    pages = ["ASN dilarang ikut kampanye.\nHalaman 1 dari \"source: himpun h el fout)11/09/2024 15:42",
             "ASN dilarang memasang baliho.\nLihat halaman 2 dari surat ini.\nHalaman 2 dari 2"]
    assert drop_running_lines(pages) == ["ASN dilarang ikut kampanye.",
                                         "ASN dilarang memasang baliho.\nLihat halaman 2 dari surat ini."]


def test_a_single_page_keeps_its_lines_but_not_a_bare_page_number():
    assert drop_running_lines(["SE 800/1/2024\nASN dilarang ikut kampanye.\n1"]) == [
        "SE 800/1/2024\nASN dilarang ikut kampanye."]


@pytest.mark.parametrize("pages, expected", [
    (["ASN dilarang menggunakan fasilitas", "negara untuk kampanye. Sanksi berat."],
     ["ASN dilarang menggunakan fasilitas negara untuk kampanye.", "Sanksi berat."]),
    (["ASN dilarang melakukan pe-", "ngawasan partisan; lainnya."],
     ["ASN dilarang melakukan pengawasan partisan;", "lainnya."]),
    (["Halaman satu selesai.", "lanjutan kecil."], ["Halaman satu selesai.", "lanjutan kecil."]),
    (["Judul tanpa titik", "Bab Dua dimulai."], ["Judul tanpa titik", "Bab Dua dimulai."]),
])
def test_mend_page_breaks(pages, expected):
    assert mend_page_breaks(pages) == expected


@pytest.mark.parametrize("lines, expected", [
    (["a. satu;", "b. dua;", "Cc. tiga;", "d. empat."], ["a. satu;", "b. dua;", "c. tiga;", "d. empat."]),
    (["1. satu;", "2. dua;", "3: tiga;"], ["1. satu;", "2. dua;", "3. tiga;"]),
    (["1. satu;", "S. dua;"], ["1. satu;", "S. dua;"]),  # S. could be 5, but 2 is expected
    (["a. satu;", "Dr. Ahmad hadir."], ["a. satu;", "Dr. Ahmad hadir."]),
    (["i. tiga;", "", "J- empat;"], ["i. tiga;", "", "j. empat;"]),  # a dash read for the full stop
    (["i. tiga;", "- empat;"], ["i. tiga;", "- empat;"]),  # a bullet is no marker to mend
    # a list's first marker misread, before its second item
    (["dan:", "", "1: Tidak akan menjadi anggota partai;", "", "2. Tidak akan kampanye;"],
     ["dan:", "", "1. Tidak akan menjadi anggota partai;", "", "2. Tidak akan kampanye;"]),
    (["Ya: setuju;", "2. dua;"], ["Ya: setuju;", "2. dua;"]),  # a word that is no "1"
    (["1: satu;", "2) dua;"], ["1) satu;", "2) dua;"]),  # in the style of the item after it
    # an item's last line ending in OCR's colon is no lead-in: the count goes on ("cC." after "b.")
    (["b. memakai atribut", "ASN dalam kampanye:", "", "cC. mengerahkan pegawai;"],
     ["b. memakai atribut", "ASN dalam kampanye:", "", "c. mengerahkan pegawai;"]),
    # a new list after a lead-in starts the count again
    (["a. satu;", "b. dua;", "", "Kami menyatakan:", "1: Tidak akan;", "2. Tidak akan lagi;"],
     ["a. satu;", "b. dua;", "", "Kami menyatakan:", "1. Tidak akan;", "2. Tidak akan lagi;"]),
])
def test_repair_list_markers(lines, expected):
    assert repair_list_markers(lines) == expected


@pytest.mark.parametrize("text, expected", [
    ("a. satu:\nb. dua:\nc. tiga.", "a. satu;\nb. dua;\nc. tiga."),
    ("2. ASN dilarang:\na. satu;\nb. dua.", "2. ASN dilarang:\na. satu;\nb. dua."),
    ("Menimbang:\na. bahwa satu;", "Menimbang:\na. bahwa satu;"),
    # a line between two items whose marker OCR lost, and the item before it over blank lines and a speck
    ("b. ikut kampanye:\n\n2\n\ntidak memakai atribut:\n\ne. memasang baliho.",
     "b. ikut kampanye;\n\n2\n\ntidak memakai atribut;\n\ne. memasang baliho."),
    # the words of a sub-list's lead-in keep its colon; so does a line of its own before a paragraph
    ("n. memberikan dukungan kepada calon dengan cara:\na. ikut kampanye;",
     "n. memberikan dukungan kepada calon dengan cara:\na. ikut kampanye;"),
    ("a. satu;\nPNS yang melanggar dikenai:\nteguran tertulis.\nb. dua.",
     "a. satu;\nPNS yang melanggar dikenai:\nteguran tertulis.\nb. dua."),
    ("b. dua:\na. satu.", "b. dua:\na. satu."),  # an earlier label opens a new list
    ("2. Temuan yang paling sering:\n- ASN hadir pada deklarasi;\n- ASN berfoto.\n3. Pasal 71.",
     "2. Temuan yang paling sering:\n- ASN hadir pada deklarasi;\n- ASN berfoto.\n3. Pasal 71."),  # bullets under it
])
def test_fix_list_punctuation(text, expected):
    assert fix_list_punctuation(text) == expected
