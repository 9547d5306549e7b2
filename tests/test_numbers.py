"""Instrument numbers exactly as written (table-driven)."""
import pytest

from himpun.ingest.parse.citations import find_citations
from himpun.ingest.parse import parse_document
from himpun.ingest.parse.numbers import find_numbers, repair_roman_month
from himpun.records import Page


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
    # a circular numbered as a letter keeps its number, though it is a citation too
    ("Surat Edaran MenPANRB Nomor B/71/M.SM.00.00/2017 tanggal 27 Desember 2017", ["B/71/M.SM.00.00/2017"]),
    # a letter's code before a number that stands alone
    ("Menindaklanjuti Surat Menteri PANRB Nemor B/2677/M.PAN-RB/7/2014 tanggal 4 Juli 2014", ["B/2677/M.PAN-RB/7/2014"]),
    # a court's register number ends in its seat
    ("Putusan Nomor 215/Pid.Sus/2024/PN Gto tanggal 9 Desember 2024", ["215/Pid.Sus/2024/PN Gto"]),
    ("Nomor 99/Pid.Sus/2024/PN Yang menyatakan", ["99/Pid.Sus/2024/PN"]),
    ("Nomor 123/SK/2024/PT Pos Indonesia", ["123/SK/2024/PT"]),
    ("di TPS/01/02/2024 dan RT/003/RW/005", []),
    # not instrument numbers
    ("Undang-Undang Nomor 5 Tahun 2014 tentang ASN", []),
    ("(Lembaran Negara Republik Indonesia Tahun 2014 Nomor 6, Tambahan Lembaran Negara Nomor 5494)", []),
    ("Jalan Merdeka No. 1, Gowa", []),
    ("dilaporkan Selasa (12/8/2024) ke Bawaslu", []),
    ("hubungi nomor HP 0812/3456/789", []),
])
def test_numbers(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize("value, iso, expected", [
    ("800/217/BKPSDM/111/2018", "2018-02-12", "800/217/BKPSDM/II/2018"),
    ("0112/K.Bawaslu-Prov.SS/TU.00.01/1/2018", "2018-01-29", "0112/K.Bawaslu-Prov.SS/TU.00.01/I/2018"),
    ("800.1.6/1184/BKPSDM-SWL/XI1/2023", "2023-11-20", "800.1.6/1184/BKPSDM-SWL/XI/2023"),
    ("800/12/BKD/V1/2024", "2024-06-03", "800/12/BKD/VI/2024"),
    ("800/12/BKD/l/2024", "2024-01-03", "800/12/BKD/I/2024"),
    # left as read: a clean Roman month, another year, a month the slot contradicts, an Arabic month
    ("800/217/BKPSDM/II/2018", "2018-03-12", "800/217/BKPSDM/II/2018"),
    ("800/217/BKPSDM/1/2018", "2017-12-27", "800/217/BKPSDM/1/2018"),
    ("800/217/BKPSDM/X1/2024", "2024-06-03", "800/217/BKPSDM/X1/2024"),
    ("800/217/BKPSDM/11/2024", "2024-11-03", "800/217/BKPSDM/11/2024"),
    ("800/217/BKPSDM/2024", "2024-01-03", "800/217/BKPSDM/2024"),
    ("800/217/BKPSDM/1/2024", None, "800/217/BKPSDM/1/2024"),
    ("800/11/2018", "2018-02-10", "800/11/2018"),  # a short number's sequence number, not a month
    ("B/1/2018", "2018-01-10", "B/1/2018"),
])
def test_ocr_roman_month(value, iso, expected):
    assert repair_roman_month(value, iso) == expected


SCAN = ("SURAT EDARAN\nNOMOR 800/217/BKPSDM/111/2018\n\nMenindaklanjuti surat Bawaslu Nomor "
        "0112/K.Bawaslu-Prov.SS/TU.00.01/1/2018 tanggal 29 Januari 2018 perihal netralitas, "
        "PNS dilarang menjadi peserta kampanye.\n\nTalang Ubi, 12 Februari 2018\nBUPATI")


@pytest.mark.parametrize("ocr, expected", [
    (True, ["800/217/BKPSDM/II/2018", "0112/K.Bawaslu-Prov.SS/TU.00.01/I/2018"]),
    (False, ["800/217/BKPSDM/111/2018", "0112/K.Bawaslu-Prov.SS/TU.00.01/1/2018"]),  # a text layer is as written
])
def test_roman_month_from_the_letter_date_on_scans(ocr, expected):
    doc = parse_document([Page(1, SCAN, ocr=ocr)], source="x.pdf", sha256="a" * 64)
    assert doc.numbers == expected
