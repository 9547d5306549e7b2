"""Instrument numbers exactly as written (table-driven)."""
import pytest

from himpun.ingest.parse.citations import find_citations
from himpun.ingest.parse.numbers import find_numbers


def numbers(text):
    return [n for n, _, _ in find_numbers(text, find_citations(text))]


@pytest.mark.parametrize("text, expected", [
    ("Surat Edaran Nomor: 800/1071/BKPSDM pada 14 Agustus 2024.", ["800/1071/BKPSDM"]),
    ("Surat Edaran bernomor 100 3.4.4/4811/BKPSDM/2023 tersebut", ["100 3.4.4/4811/BKPSDM/2023"]),
    ("edaran SE-800/359/PSDM.3/BKPSDMD/2019 berlaku", ["SE-800/359/PSDM.3/BKPSDMD/2019"]),
    ("Surat Edaran Nomor 8 Tahun 2024 resmi dikeluarkan", ["8 Tahun 2024"]),
    ("Nomor 200.2/4346/BKD Tahun 2024 yang", ["200.2/4346/BKD Tahun 2024"]),
    ("surat Nomor: B-104/PM.00.01/K.Kn 08/0824 tanggal 27 Agustus 2024", ["B-104/PM.00.01/K.Kn 08/0824"]),
    ("SURAT EDARAN\nNomor: B-800/1693/SETDA/2023\n\nTENTANG", ["B-800/1693/SETDA/2023"]),
    ("NOMOR : 2 Tahun 2022 NOMOR : 800-5474 Tahun 2022", ["2 Tahun 2022", "800-5474 Tahun 2022"]),
    ("Nomor 800.1.6.1/5391/V/2024.", ["800.1.6.1/5391/V/2024"]),
    # not instrument numbers
    ("Undang-Undang Nomor 5 Tahun 2014 tentang ASN", []),
    ("(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 6, Tambahan Lembaran Negara Nomor 5494)", []),
    ("Jalan Merdeka No. 1, Gowa", []),
    ("dilaporkan Selasa (12/8/2024) ke Bawaslu", []),
    ("hubungi nomor HP 0812/3456/789", []),
])
def test_numbers(text, expected):
    assert numbers(text) == expected
