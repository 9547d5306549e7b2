"""Chat markup and chat spelling: a forwarded WhatsApp summary reads as a list
of rules (table-driven)."""
import pytest

from himpun.ingest.chatmarks import unchat
from himpun.ingest.parse.clauses import page_clauses
from himpun.ingest.parse.lexicon import normalise, normalise_with_offsets
from himpun.ingest.clean import clean_page


@pytest.mark.parametrize("raw, expected", [
    ("1\ufe0f\u20e3 Ikut kampanye paslon \U0001f455", "1. Ikut kampanye paslon"),
    ("\U0001f51f Jadi anggota parpol \U0001f6a9", "10. Jadi anggota parpol"),
    ("\u25aa\ufe0f UU No. 20 Thn 2023", "- UU No. 20 Thn 2023"),
    ("\U0001f6ab *ASN (PNS & PPPK) DILARANG:*", "- ASN (PNS & PPPK) DILARANG:"),
    ("_Sumber: BKPSDM_", "Sumber: BKPSDM"),
    ("Like \U0001f44d komen \U0001f4ac share", "Like komen share"),
    ("1\ufe0f\u20e31\ufe0f\u20e3 Ikut kampanye", "11. Ikut kampanye"),
    ("ASN\u2192netral", "ASN netral"),
    # what is no markup stays
    ("Pasal 5 huruf a * lihat catatan", "Pasal 5 huruf a * lihat catatan"),
    ("file_nama_dokumen.pdf dan 2*3", "file_nama_dokumen.pdf dan 2*3"),
    ("Gaji 5 jt *) dan tunjangan*)", "Gaji 5 jt *) dan tunjangan*)"),
    ("Nama *) : Budi, Jabatan **) : Camat", "Nama *) : Budi, Jabatan **) : Camat"),
    ("Nomor : ___/___/2024", "Nomor : ___/___/2024"),
    ("\u2502 No \u2502 Larangan \u2502", "\u2502 No \u2502 Larangan \u2502"),  # a drawn table's borders
])
def test_unchat(raw, expected):
    assert unchat(raw) == expected


@pytest.mark.parametrize("raw, expected", [
    ("ASN yg dilarang utk ikut", "asn yang dilarang untuk ikut"),
    ("Bagi2 sembako ke warga masing2", "membagi-bagikan sembako ke warga masing-masing"),
    ("jd timses", "menjadi tim sukses"),
    ("tidak jadi ikut", "tidak jadi ikut"),  # called off: `jadi` is not `menjadi`
    # a whole word only
    ("pasangan calon dan pemasangan", "pasangan calon dan pemasangan"),
    # clitics split from their word; not the ends of words that are words as they stand
    ("Mengunggahnya, janganlah", "mengunggah nya, jangan lah"),
    ("kepala sekolah, masalahnya, setelah sejumlah langkah", "kepala sekolah, masalah nya, setelah sejumlah langkah"),
])
def test_chat_spelling_in_the_lexicon_form(raw, expected):
    assert normalise(raw) == expected
    norm, offsets = normalise_with_offsets(raw)
    assert norm == expected and len(offsets) == len(norm) + 1 and offsets[-1] == len(raw)


def test_a_match_in_the_lexicon_form_cuts_the_written_words():
    raw = "Bikin keputusan yg nguntungin paslon."
    norm, offsets = normalise_with_offsets(raw)
    start = norm.index("keputusan")
    end = norm.index("menguntungkan") + len("menguntungkan")
    assert raw[offsets[start]:offsets[end]].rstrip() == "keputusan yg nguntungin"  # (a space maps to the next word)


WHATSAPP = """\U0001f6ab *ASN (PNS & PPPK) DILARANG:*
\u2501\u2501\u2501\u2501\u2501\u2501\u2501\u2501
1\ufe0f\u20e3 Ikut kampanye paslon
2\ufe0f\u20e3 Jadi timses / tim pemenangan paslon
3\ufe0f\u20e3 Pasang baliho paslon di rumah \U0001f697

\u2705 *YG MASIH BOLEH:*
\u25ab\ufe0f Datang ke TPS & nyoblos

\U0001f538 *Hukdis SEDANG* \u27a1\ufe0f potong tukin/TPP 25% selama 6 bln \U0001f4b8"""


def test_a_forwarded_summary_reads_as_a_list_of_rules():
    text = clean_page(WHATSAPP).text
    got = [(c.kind, c.categories, [s.type for s in c.sanctions]) for c in page_clauses(text, 1, "ab" * 32, 1)]
    assert got == [("prohibition", ["campaign-participation"], []), ("prohibition", ["campaign-team"], []),
                   ("prohibition", ["campaign-materials"], []), ("sanction", [], ["allowance-cut"])]
