"""Instrument numbers exactly as written: `800/1071/BKPSDM`,
`100 3.4.4/4811/BKPSDM/2023`, `SE-800/359/PSDM.3/BKPSDMD/2019`,
`8 Tahun 2024`, `B-104/PM.00.01/K.Kn 08/0824`. A bare figure with neither
parts nor a year (`No. 1` of an address) is no instrument number.

A number follows `Nomor`, `No.` or `bernomor`, or stands alone as a code of
three or more parts joined by slashes. Its parts are joined by `/`, `.` or
`-`; a space inside a number is accepted only where a further `/` part
follows (scans and regional schemes break numbers that way). A trailing
`Tahun YYYY` belongs to the number. Numbers inside statute citations, in
gazette references (Lembaran Negara ... Nomor 6) and things that are dates
or phone numbers are not instrument numbers.
"""
from __future__ import annotations

import re

from himpun.records import Citation

_LEAD = re.compile(r"(?<![\w-])(?:Nomor|Nomer|NOMOR|NOMER|No|NO|Nmr|bernomor|Bernomor)\b\.?\s*[:.]?\s*")
_TOKEN = re.compile(r"[^\s,;()\"]+")
_PART = re.compile(r"^[A-Za-z0-9][A-Za-z0-9.\-/]*$")
_YEAR_SUFFIX = re.compile(r"\s+((?:Tahun|TAHUN|tahun)\s+(?:19|20)\d{2})\b")
# (a letter's code may stand before its number: "B/2677/M.PAN-RB/7/2014", "SE-800/...")
_STANDALONE = re.compile(r"(?<![\w/.\-])(?:[A-Z]{1,4}[-/])?[A-Za-z0-9.\-]*\d[A-Za-z0-9.\-]*(?:/[A-Za-z0-9.\-]+){2,}(?![\w/])")
_SHORT_PARTS = re.compile(r"(?:\d+|[A-Z]{1,3})(?:/(?:\d+|[A-Z]{1,3}))*")
_COURT = re.compile(r"/(?:Pid|Pdt|G|TUN)(?:\.\w+)*/\d{4}/(?:PN|PT|PA|PTA|PTUN|PTTUN)$")
_COURT_SEAT = re.compile(r"[ .](?!(?:Yang|Dan|Atas|Kota|Kab|Pos|Di|Ini|Itu|Pada|Oleh|Ke|Dari|Untuk|Dengan)\b)[A-Z][a-z]{1,4}\b")
_DATE_SHAPED = re.compile(r"^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$")
_GAZETTE = re.compile(r"(?:Lembaran|Berita|Tambahan Lembaran)\s+(?:Negara|Daerah)[^.;]{0,60}$", re.I)
_NOT_INSTRUMENT = re.compile(r"^(?:hp|telp|telepon|tlp|wa|rekening|rek|induk|nip|nik|urut|pokok|registrasi)\b", re.I)
_CONTACT_BEFORE = re.compile(r"\b(?:hp|telp|telepon|tlp|wa|whatsapp|rekening|rek|nip|nik|fax|faks)\.?\s*:?\s*$", re.I)


def find_numbers(text: str, citations: list[Citation] = ()) -> list[tuple[str, int, int]]:
    """Instrument numbers in one page: (number, start, end), in order."""
    found: list[tuple[str, int, int]] = []
    # (the joint decree's numbers and a circular numbered as a letter, `SE MenPANRB B/71/M.SM.00.00/2017`,
    # are instrument numbers as well)
    cited = [(c.start, c.end) for c in citations if not c.key.startswith("SKB") and c.key.count("/") < 2]

    def inside_citation(pos: int) -> bool:
        return any(s <= pos < e for s, e in cited)

    for m in _LEAD.finditer(text):
        if inside_citation(m.start()) or _GAZETTE.search(text[max(0, m.start() - 90):m.start()]):
            continue
        if _NOT_INSTRUMENT.match(text[m.end():m.end() + 12]):
            continue
        num = _read_number(text, m.end())
        if num:
            value, end = num
            found.append((value, m.end(), end))
    for m in _STANDALONE.finditer(text):
        value = m.group(0).rstrip(".-")
        if any(s <= m.start() < e for _, s, e in found) or inside_citation(m.start()):
            continue
        before = text[max(0, m.start() - 30):m.start()]
        code = re.match(r"[A-Z]{1,4}/", value)
        if code and (_DATE_SHAPED.match(value[code.end():]) or _SHORT_PARTS.fullmatch(value[code.end():])
                     and not re.search(r"/(?:19|20)\d{2}$", value)):
            continue  # ("TPS/01/02/2024", "RT/003/RW/005": a place's code, not a letter's)
        if _DATE_SHAPED.match(value) or "http" in before or "www" in value or _CONTACT_BEFORE.search(before):
            continue
        found.append((value, m.start(), m.start() + len(value)))
    found.sort(key=lambda t: t[1])
    return found


def _read_number(text: str, pos: int) -> tuple[str, int] | None:
    """Read one number starting at `pos`; None when what follows is no number."""
    tokens = [(m.group(0), m.start(), m.end()) for m in _TOKEN.finditer(text, pos, min(len(text), pos + 120))]
    if not tokens or tokens[0][1] != pos and text[pos:tokens[0][1]].count("\n") > 0:
        return None
    parts: list[tuple[str, int, int]] = []
    for tok, s, e in tokens:
        clean = tok.rstrip(".:;")
        if not parts:
            if not _PART.match(clean) or not any(ch.isdigit() for ch in clean):
                return None
            parts.append((clean, s, s + len(clean)))
            if clean != tok:
                break
            continue
        gap = text[parts[-1][2]:s]
        if "\n" in gap or gap != " ":
            break
        # a space inside a number only when a further slash part follows
        if "/" in clean and _PART.match(clean) and not clean.startswith("/") and len(parts) < 3:
            parts.append((clean, s, s + len(clean)))
            if clean != tok:
                break
            continue
        break
    value = " ".join(p[0] for p in parts)
    end = parts[-1][2]
    if "/" not in value and " " in value:  # joined parts without a slash are two things
        value, end = parts[0][0], parts[0][2]
    value = value.rstrip(".-/")
    if _DATE_SHAPED.match(value):
        return None
    court = _COURT_SEAT.match(text, end) if _COURT.search(value) else None
    if court:  # a court's register number ends in its seat: "215/Pid.Sus/2024/PN Gto"
        value, end = value + court.group(0), court.end()
    m = _YEAR_SUFFIX.match(text, end)
    if m:
        value, end = f"{value} {m.group(1)}", m.end()
    elif value.isdigit():  # "No. 1" of a street address or a list: not an instrument's number
        return None
    return value, end


# OCR reads the Roman month of a letter number as digits or a mix ("800/217/BKPSDM/111/2018" for
# .../II/2018, ".../1/2018" for .../I/2018, ".../XI1/2023"); the letter's date gives the month back
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_OCR_MONTH_SLOT = re.compile(r"(?<=/)([IVXl1|]{1,4})/((?:19|20)\d{2})$")
_DATE_AFTER = re.compile(r"\s*,?\s*(?:(?:tanggal|tgl\.?|tertanggal)\s+)?", re.I)


def repair_roman_month(value: str, iso_date: str | None) -> str:
    """`value` with an OCR-damaged Roman month slot read from `iso_date` (YYYY-MM-DD), the date of
    the letter the number belongs to; unchanged when the slot is clean or the date does not fit
    (other year, or a month whose letters the slot contradicts)."""
    m = _OCR_MONTH_SLOT.search(value)
    if not m or not iso_date or len(iso_date) < 7 or m.group(2) != iso_date[:4]:
        return value
    if value.count("/") < 3 or not re.search(r"[A-Za-z]", value[:m.start(1)]):
        return value  # (a short "800/11/2018" has its sequence number there, not a month)
    slot, roman = m.group(1), _ROMAN[int(iso_date[5:7]) - 1]
    if slot in _ROMAN or not any(ch in "1l|" for ch in slot) or abs(len(slot) - len(roman)) > 1:
        return value
    if [c for c in slot if c in "XV"] != [c for c in roman if c in "XV"]:
        return value  # (digits alone stand only for I, II, III: an Arabic "11" is no Roman XI)
    return value[:m.start(1)] + roman + value[m.end(1):]


def letter_date(text: str, end: int, dates) -> str | None:
    """The ISO date written right after a number that ends at `end` ("Nomor ... tanggal 29 Januari
    2018"), from `dates` (FoundDate records of the same text)."""
    for d in dates:
        if 0 <= d.start - end <= 25 and _DATE_AFTER.fullmatch(text[end:d.start]):
            return d.iso
    return None
