"""Dates in Indonesian legal and news text.

A small grammar finds the candidates and their spans: `11 Desember 2023`,
`tanggal 05 Januari 2023`, `22/09/2022`, `Senin (12/8/2024)`, and partial
dates such as `Selasa (1/8)`. dateparser, with Indonesian as its language and
day-month-year order, turns each into a date (it knows the month names and
their old and short spellings: Nopember, Pebruari, Agt). An OCR-damaged month
name (`Desemher`) is first matched to the nearest real one. dateparser is
asked once per month word which month it names; a candidate whose day,
month and year make a calendar date is then that date, and any other
candidate goes to dateparser whole, as before.

Schedule dates (an election day, a campaign period "sejak ... sampai ...")
are marked so that they are not taken for the date of a document.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

import dateparser

MONTHS = ["januari", "februari", "pebruari", "maret", "april", "mei", "juni", "juli", "agustus",
          "september", "oktober", "november", "nopember", "desember",
          "january", "february", "march", "may", "june", "july", "august", "october", "december"]
_MONTH_ABBR = ["jan", "feb", "peb", "mar", "apr", "jun", "jul", "agu", "agt", "ags", "aug",
               "sep", "sept", "okt", "oct", "nov", "nop", "des", "dec"]
_MONTH_WORD = r"[A-Za-z]{3,10}\.?"
_WEEKDAY = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"

_LONG = re.compile(rf"(?<![\w/])(?P<d>\d{{1,2}})\s*(?P<m>{_MONTH_WORD})\s*,?\s*(?P<y>(?:19|20)\d{{2}})(?!\d)")
_NUMERIC = re.compile(r"(?<![\w/.\-])(?P<d>\d{1,2})(?P<sep>[/.\-])(?P<m>\d{1,2})(?P=sep)(?P<y>(?:19|20)\d{2})(?![\w/])")
# a web page's ISO date, as a post's time stamp gives it: "BKPSDM Karangasem · 2024-10-18"
_ISO = re.compile(r"(?<![\w/.\-])(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})(?![\w/\-]|\.\d)")
_PARTIAL = re.compile(rf"\b{_WEEKDAY}\s*,?\s*\(\s*(?P<d>\d{{1,2}})/(?P<m>\d{{1,2}})\s*\)", re.I)
_SCHEDULE_BEFORE = re.compile(
    r"\b(?:sejak|mulai|dimulai|sampai(?: dengan)?|hingga|s\.?\s?d\.?|s/d|akan|dilaksanakan|digelar|diselenggarakan|"
    r"jadwal|dijadwalkan|direncanakan|didahului|gladi bersih|pemungutan suara|pencoblosan|tahapan|periode|masa kampanye|"
    r"berlangsung|hari h|jatuh|paling lambat|selambat-lambatnya|batas waktu|batas akhir|tenggat|masuk kerja(?: kembali)?)\b"
    r"\W*(?:\w+\W+){0,3}$"
    r"|\btps\W+(?:pada\s+)?(?:tgl|tanggal)\W*$"
    # the day from which something applies: "Tanggal Efektif : 9 September 2024", "mulai berlaku tanggal ..."
    r"|\b(?:tanggal|tgl\.?)\s+(?:efektif|berlaku|mulai\s+berlaku)\s*:?\s*$|\bmulai\s+berlaku\s+(?:pada\s+)?(?:tanggal\s+)?$"
    # a table's cut-off: "Data per 31 Desember 2024", "keadaan sampai dengan tanggal ..."
    r"|\b(?:data|keadaan|kondisi|posisi)\s+(?:per|sampai(?:\s+dengan)?|hingga|s\.?\s?d\.?)\s+(?:tanggal\s+)?$"
    # the last of a list of days ("cuti bersama ... pada tanggal 8, 9, 12, dan 15 April 2024")
    r"|\b\d{1,2}(?:\s*,\s*\d{1,2})*\s*,?\s*(?:dan|&)\s*$", re.I)
# the day of an act a decree or a report finds ("terbukti pada hari Sabtu tanggal 19 Oktober 2024 ... mengikuti
# kampanye", "a. pada hari Minggu tanggal 13 Oktober 2024, yang bersangkutan hadir ..."), or the voting day ("Hak pilih
# tetap digunakan pada 27 November 2024")
# (and the day a civil servant attended a campaign or a declaration: "menghadiri rapat umum kampanye seorang calon ...
# pada tanggal 6 April 2019")
_ACT_DAY_BEFORE = re.compile(r"(?:\b(?:terbukti|kedapatan|tertangkap|kejadian|peristiwa|hak pilih(?:nya)?)\b[^.;\n]{0,60}?"
                             r"|\bmengakui\b(?:\s+bahwa)?\s+(?=pada\b)"
                             r"|\b(?:menghadiri|hadir|mengikuti|ikut)\b[^.;\n]{0,20}?\b(?:kampanye|deklarasi)\b"
                             r"(?:(?!\b(?:ditandatangani|tandatangani|menandatangani|terbit|diterbitkan|menerbitkan|ditetapkan"
                             r"|dikeluarkan|mengeluarkan|surat|edaran|keputusan|instruksi)\b)[^.;\n]){0,120}?)"
                             r"\bpada\s+(?:hari\s+\w+\W+)?(?:tanggal\s+)?$", re.I)
# the field of a case report that gives the day of the act: "Waktu kejadian Sabtu, 12 Oktober 2024", "Hari/Tanggal
# Kejadian : ..."
# (and the time and place of a meeting or of what was watched: "Waktu dan Tempat : Rabu, 17 Januari 2024, pukul 14.00")
# (and a date of birth: "Umur/Tanggal lahir : 47 tahun / 3 Maret 1977", "lahir di Gorontalo, 3 Maret 1977")
_ACT_DAY_FIELD = re.compile(r"\b(?:(?:waktu|hari\s*/\s*tanggal|tanggal|tgl\.?)\s+(?:kejadian|peristiwa|pelanggaran)"
                            r"|waktu\s+(?:dan|&)\s+tempat(?:\s+(?:pelaksanaan|kegiatan))?)\s*:?\s*(?:\w+\s*,\s*)?$|\b(?:tanggal|tgl\.?)\s+lahir\b[^\n]{0,30}$|\blahir\s+di\s+\w+(?:\s+\w+)?\s*,\s*$", re.I)
_ACT_DAY_AFTER = re.compile(r"^\W{0,3}(?:yang bersangkutan|ybs|saudara|sdr)\b", re.I)
_WEEKDAY_BEFORE = re.compile(r"\bpada\s+hari\s+\w+\W+(?:tanggal\s+)?$", re.I)
# an event at its day and hour: "Sosialisasi ... di aula kecamatan hari Senin, 16 September 2024 jam 09.00" (not a
# record of its own day, "Pada hari ini Senin ...", nor a post's time stamp, which names no "hari")
_DAY_NAMED_BEFORE = re.compile(rf"\bhari\s+{_WEEKDAY}\W+(?:tanggal\s+)?$", re.I)
# (nor the day an instrument was issued, or a record opens with: "ditetapkan pada hari Senin, ... pukul 10.00 WIB",
# "Pada hari Senin tanggal ... pukul 10.00 WIB, telah dilakukan pemeriksaan")
_ISSUED_BEFORE = re.compile(r"\b(?:ditetapkan|ditandatangani|diterbitkan|dikeluarkan|diteken|diundangkan|tertanggal"
                            r"|menerbitkan|mengeluarkan|menandatangani|menetapkan|diumumkan)\b|(?:^|[.;:]\s*)pada\s+hari\s+\w+\W+"
                            r"(?:tanggal\s+)?$", re.I)
_HOUR_AFTER = re.compile(r"^\W{0,3}(?:pukul|jam)\s*\d", re.I)
# an election event further back in the same sentence, the date its day: "hari pemungutan suara Pemilu Presiden ...
# pada tanggal 14 Februari 2024", "datang ke TPS pada ...", "menggelar Pilkada serentak pada ...", "dalam kampanye tatap
# muka di Kecamatan Gampengrejo pada hari Sabtu, 27 Januari 2024"; not when the words
# between say that something was issued, decided or found ("Surat Edaran ... tentang ... Pilkada Serentak, ditetapkan
# pada ...", "... hadir di TPS bersama paslon itu dijatuhi hukuman disiplin oleh Bupati pada ...")
_EVENT_BEFORE = re.compile(
    r"\b(?:pemungutan suara(?:nya)?|pencoblosan(?:nya)?|(?:dilaksanakan|diselenggarakan|digelar)\s+(?:secara\s+)?serentak"
    r"|tps|bilik suara(?=\s+pada\s)|hari h|masa (?:kampanye|tenang)|kampanye (?:tatap muka|terbuka|akbar|dialogis|rapat umum)|rapat umum kampanye|tahapan"
    r"|penetapan (?:pasangan )?calon"
    r"|pendaftaran (?:bakal )?(?:pasangan )?calon|rekapitulasi|(?:pilkada|pemilu|pemilihan|pilpres|pileg)\s+serentak"
    r"|(?:menggelar|menyelenggarakan|melaksanakan)\s+(?:pilkada|pemilu|pemilihan|pilpres|pileg|pemungutan))\b"
    r"(?:(?!\b(?:ditetapkan|ditandatangani|diterbitkan|dikeluarkan|diteken|tertanggal|menerbitkan|mengeluarkan"
    r"|menandatangani|surat|edaran|keputusan|instruksi|peraturan|oleh|dijatuhi|dijatuhkan|menjatuhkan|diputuskan"
    r"|memutuskan|merekomendasikan|direkomendasikan|mengumumkan|diumumkan|memeriksa|diperiksa|melaporkan"
    r"|dilaporkan|menemukan|ditemukan)\b)[^.;\n]){0,110}?"
    r"\bpada\s+(?:hari\s+\w+\W+)?(?:tanggal\s+)?$", re.I)
_EVENT_REACH = 160
# (a range "5 - 9 Agustus" on the date's own line; a list's dash on the next line is none)
# an election named right before its day: "pada Pemilu 14 Februari 2024", "Pilkada serentak tanggal 27 November 2024"
# (not "... pada Pemilihan Serentak Tahun 2024 tanggal ...": an election of a year, the date after it another's)
_ELECTION_DAY = re.compile(r"\b(?:pemilu|pilkada|pemilihan|pilpres|pileg)(?:\s+serentak)?\s+(?:pada\s+)?"
                           r"(?:tanggal\s+|hari\s+\w+,?\s+)?$", re.I)
# (and the hour of an incident, as reports of one give it: "tanggal 19 Oktober 2024 sekira pukul 15.30 WITA")
_SCHEDULE_AFTER = re.compile(r"^\W{0,3}(?:(?:mendatang|nanti|sampai|hingga|s\.?\s?d|seki[tr]a\s+pukul|sekira\s+jam)\b|s/d)"
                             r"|^[ \t,]{0,3}-\s*\d", re.I)
# the opening of a record of its own day: "Pada hari ini Senin tanggal 14 Oktober 2024 sekira pukul 10.00 WITA"
_THIS_DAY = re.compile(r"\bpada\s+hari\s+ini\b", re.I)
_SIGNED_BEFORE = re.compile(r"(?:ditetapkan\s+di\s+[^\n,]{2,40}[\s,]+(?:pada\s+)?tanggal|ditandatangani\s+(?:pada\s+)?"
                            r"tanggal)\s*:?\s*$", re.I)
_PLACE_LINE = re.compile(r"(?:^|\n)[ \t]*[A-Z][A-Za-z .'-]{2,40},[ \t]*$")
_SETTINGS = {"DATE_ORDER": "DMY", "PREFER_DAY_OF_MONTH": "first", "REQUIRE_PARTS": ["day", "month", "year"]}


@dataclass(frozen=True)
class FoundDate:
    iso: str
    start: int
    end: int
    text: str
    schedule: bool = False  # an event date (election day, campaign period), not an issuance date
    signed: bool = False  # the date an instrument was signed: "Mataram, 5 Agustus 2024", "Ditetapkan di ... pada tanggal"


def find_dates(text: str) -> list[FoundDate]:
    """Full dates (day, month and year) in `text`, in order."""
    found: list[FoundDate] = []
    for m in _LONG.finditer(text):
        month = _month(m.group("m"))
        if month:
            day, year = int(m.group("d")), int(m.group("y"))
            _add(found, text, m, f"{day} {month} {m.group('y')}", (day, _month_number(month), year))
    for m in _NUMERIC.finditer(text):
        day, month_no, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
        _add(found, text, m, f"{day}/{month_no}/{m.group('y')}", (day, month_no, year))
    if "-" in text:
        for m in _ISO.finditer(text):
            day, month_no, year = int(m.group("d")), int(m.group("m")), int(m.group("y"))
            if _calendar_date(day, month_no, year) is None:
                continue  # (no reading with day and month swapped: "2024-13-01" is no date)
            _add(found, text, m, f"{day}/{month_no}/{m.group('y')}", (day, month_no, year))
    found.sort(key=lambda f: f.start)
    return found


def find_partial_dates(text: str, year: int) -> list[FoundDate]:
    """`Selasa (1/8)`-style dates, resolved with a year known from elsewhere
    in the document. Only dates whose weekday agrees are kept."""
    out = []
    for m in _PARTIAL.finditer(text):
        try:
            d = date(year, int(m.group("m")), int(m.group("d")))
        except ValueError:
            continue
        weekday = m.group(0).split("(")[0].strip(" ,").lower().replace("'", "")
        if _WEEKDAYS.get(weekday) == d.weekday():
            out.append(FoundDate(d.isoformat(), m.start(), m.end(), m.group(0)))
    return out


_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "sabtu": 5, "minggu": 6, "ahad": 6}


# a numbered row of a table or list of events (cleaning has made a plain-text table's columns single spaces) under a
# schedule's lead-in ("dengan jadwal sebagai berikut:") or under a header row that names its dates' column ("No
# Kecamatan Hari, Tanggal Tempat", a line with no figure of its own): a schedule, not an issuance
_NUMBERED_ROW = re.compile(r"^[ \t|]*\d{1,3}[.)]?[ \t|]+\S")
_SCHEDULE_LEAD = re.compile(r"\b(?:jadwal|agenda kegiatan|rangkaian kegiatan|waktu pelaksanaan)\b", re.I)
_DATE_COLUMN = re.compile(r"^\D*\b(?:hari\s*[,/]?\s*tanggal|tanggal|waktu)\b\D*$", re.I)
_TABLE_REACH = 8  # lines above a row where its header and lead-in stand


def _in_schedule_table(text: str, pos: int) -> bool:
    """Whether the date at `pos` stands in a numbered row of a table or list of events."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    line = text[start:end if end >= 0 else None]
    # (not a line that the date itself begins: "12 Oktober 2024 | 10:15 WIB", "10 Oktober 2024" under "pada tanggal")
    if not _NUMBERED_ROW.match(line) or not text[start:pos].strip():
        return False
    above = text[:start].rsplit("\n", _TABLE_REACH + 1)[-_TABLE_REACH - 1:]
    return any((_SCHEDULE_LEAD.search(ln) and ln.rstrip().endswith(":"))
               or (_DATE_COLUMN.match(ln) and len(ln.split()) >= 3) for ln in above)


@lru_cache(maxsize=1024)
def _month(word: str) -> str | None:
    w = word.lower().rstrip(".")
    if w in MONTHS or w in _MONTH_ABBR:
        return w
    if len(w) >= 5:
        close = difflib.get_close_matches(w, MONTHS, n=1, cutoff=0.75)
        if close:
            return close[0]
    return None


def _add(found: list[FoundDate], text: str, m: re.Match, candidate: str,
         parts: tuple[int, int | None, int]) -> None:
    if any(f.start <= m.start() < f.end for f in found):
        return
    parsed = _calendar_date(*parts) or _parse(candidate)
    if parsed is None:
        return
    before = text[max(0, m.start() - 60):m.start()]
    after = text[m.end():m.end() + 20]
    # (a schedule word on the line before, as in a headline over a date stamp, does not reach the date)
    line_before = before.rsplit("\n", 1)[-1]
    sentence_before = text[max(0, m.start() - _EVENT_REACH):m.start()].rsplit("\n", 1)[-1]
    schedule = bool(_SCHEDULE_BEFORE.search(line_before)
                    or (_SCHEDULE_AFTER.match(after) and not _THIS_DAY.search(line_before))
                    or _ELECTION_DAY.search(line_before)
                    or _EVENT_BEFORE.search(sentence_before)
                    or _in_schedule_table(text, m.start())
                    or _ACT_DAY_BEFORE.search(sentence_before) or _ACT_DAY_FIELD.search(line_before)
                    or (_ACT_DAY_AFTER.match(after) and _WEEKDAY_BEFORE.search(before))
                    or (_HOUR_AFTER.match(after) and _DAY_NAMED_BEFORE.search(line_before)
                        and not _THIS_DAY.search(line_before) and not _ISSUED_BEFORE.search(line_before)))
    line_end = text.find("\n", m.end())
    rest_of_line = text[m.end():line_end if line_end >= 0 else len(text)].strip()
    signed = bool(_SIGNED_BEFORE.search(before) or (_PLACE_LINE.search(before) and not rest_of_line))
    found.append(FoundDate(parsed.isoformat(), m.start(), m.end(), m.group(0), schedule, signed))


def _calendar_date(day: int, month: int | None, year: int) -> date | None:
    """The date when day, month and year make one (what dateparser reads
    them as); None when they do not or the month is unknown."""
    if month is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


@lru_cache(maxsize=None)
def _month_number(word: str) -> int | None:
    """The month dateparser reads a month word as (`agt` -> 8), or None."""
    probe = _parse(f"1 {word} 2000")
    return probe.month if probe else None


@lru_cache(maxsize=1024)
def _parse(candidate: str) -> date | None:
    result = dateparser.parse(candidate, languages=["id", "en"], settings=_SETTINGS)
    if not isinstance(result, datetime):
        return None
    return result.date()
