"""Citations of regulations, each mapped to one key (`UU 5/2014`).

Grammar: a regulation type as it is written (himpun/data/citation_types.tsv),
an optional run of institution words ("Bersama Menteri ..., Menteri Dalam
Negeri, ... dan Ketua Bawaslu", "(PP)", "Republik Indonesia"), an optional
`Nomor`, a number, then `Tahun <year>` or `/<year>`. OCR damage in the year
(`2O14`, `202$`) is repaired against the table of known regulations
(himpun/data/regulations.tsv), which also supplies the year where the text
leaves it out for a regulation that is unambiguous in this field (`PP 53`).
Known alternative numbers (the joint decree's four other numbers) cite their
instrument too, and so do descriptions without a number that name one
instrument only ("keputusan bersama ... pada tahun 2022";
himpun/data/citation_descriptions.tsv).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from himpun.data import load_table
from himpun.ingest.parse.literals import Prefilter
from himpun.records import Citation

# what may stand between a type and its number: a bracketed short form, "Republik Indonesia", or a
# one-word short name right before the number ("UU ASN Nomor 5 Tahun 2014", "PP Disiplin No. 94")
_SHORT_RUN = (r"(?:\s*\([^()\n]{1,30}\))?(?:\s+(?:Negara\s+)?Republik\s+Indonesia|\s+RI\b)?"
              r"(?:\s+[A-Z][A-Za-z]{1,12}(?=\s+(?i:nomor|no\.?)\s*\d))?")
_INSTITUTION_WORD = r"(?!(?:Surat|Edaran|Nomor|Peraturan|Undang|Keputusan|Tentang)\b)[A-Z][\w&.\-]*+"  # (possessive: "K.P.U. K.P.U. ...")
_COUNTED = r"(?i:lembaga|kementerian/lembaga|menteri/kepala\s+lembaga|kementerian|instansi|menteri|k/l)"  # what a count of institutions counts
# (a count of the institutions, the offices in lowercase: "SKB 5 Lembaga No. 2 Tahun 2022", "Keputusan Bersama lima
# menteri dan kepala lembaga Nomor 2 Tahun 2022")
_LONG_RUN = (rf"(?:\s*(?:\([^()\n]{{1,60}}\)|,|\bdan\b|\bdam\b|\bserta\b|\b{_INSTITUTION_WORD}"
             rf"|\b(?:\d{{1,2}}(?:\s*\((?i:lima|empat|tiga)\))?|(?i:lima|empat|tiga))\s+{_COUNTED}\b"
             r"|\b(?:menteri|kepala|ketua|lembaga|kementerian|instansi)\b"
             r")){0,60}?")
# (a comma OCR put before "Nomor": "Peraturan Pemerintah, Nomor 94 Tahun 2021")
_NOMOR = r"\s*(?:,?\s*\b(?i:nomor|nomer|nmr\.?|no\.?)\s*:?\s*)?"
# a one-character number OCR misread as a letter counts only before its year ("Nomor l Tahun 2015")
# (not a count of institutions: "SKB 5 Lembaga No. 2 Tahun 2022")
_NUM = (rf"(?P<num>\d[0-9Oo]{{0,3}}(?!\s+(?:\((?i:lima|empat|tiga)\)\s*)?{_COUNTED}\b)"
        r"|[lI$](?=\s*(?:Tahun|TAHUN|tahun)\b))")
_YEAR = r"(?:\s*['`\u2018]?(?:Tahun|TAHUN|tahun|Thn\.?|THN\.?|Th\.?)\s*|\s*/\s*)(?P<year>[12][0-9OolI$S]{3})(?![\w/])"
# a number without a year must not be the start of a longer identifier (800/1071/BKPSDM)
_NO_YEAR = r"(?![\w/]|[.\-]\w)"
_DIGITS = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "S": "5", "$": "5"})


@dataclass(frozen=True)
class Regulation:
    key: str
    title: str
    replaced_by: str | None
    bare: bool
    other_numbers: tuple[str, ...]


@lru_cache(maxsize=1)
def regulations() -> dict[str, Regulation]:
    out = {}
    for row in load_table("regulations.tsv"):
        key, title, repl, bare, others = (row + ["-"] * 5)[:5]
        out[key] = Regulation(key, title, None if repl == "-" else repl, bare == "yes",
                              tuple(o for o in others.split("|") if o and o != "-"))
    return out


@lru_cache(maxsize=1)
def _grammar() -> list[tuple[str, re.Pattern, Prefilter]]:
    """One pattern per regulation type (prefix, compiled, its literal test)."""
    out = []
    for prefix, rx, run in load_table("citation_types.tsv"):
        between = _LONG_RUN if run == "long" else _SHORT_RUN
        rx = _ocr_spaces(rx)
        rx = rf"(?<![\w-])(?i:{rx})(?![\w-]){between}{_NOMOR}{_NUM}(?:{_YEAR}|{_NO_YEAR})"
        out.append((prefix, re.compile(rx), Prefilter.of(rx)))
    return out


# a circular numbered as a letter is ("Surat Edaran MenPAN-RB Nomor B/71/M.SM.00.00/2017"): its key is the
# type and the number as written, which ends in the year
_LETTER_NUMBER = (r"(?P<letter>[A-Z]{1,3}\s*/\s*\d{1,5}(?:\s*/\s*[A-Z0-9][\w.\-]*){1,4}?"
                  r"\s*/\s*(?:19|20)\d{2})(?![\w/])")


@lru_cache(maxsize=1)
def _letter_grammar() -> list[tuple[str, re.Pattern, Prefilter]]:
    """Circulars (`SE ...` types) numbered as letters are."""
    out = []
    for prefix, rx, _ in load_table("citation_types.tsv"):
        if prefix.startswith("SE "):
            rx = rf"(?<![\w-])(?i:{_ocr_spaces(rx)})(?![\w-]){_SHORT_RUN}{_NOMOR}{_LETTER_NUMBER}"
            out.append((prefix, re.compile(rx), Prefilter.of(rx)))
    return out


def _ocr_spaces(rx: str) -> str:
    """A type's words may also be joined by OCR's hyphen ("Peraturan-Pemerintah")."""
    return rx.replace(r"\s+", r"(?:\s+|\s*-\s*)")


@lru_cache(maxsize=1)
def _number_lost() -> list[tuple[str, re.Pattern, Prefilter]]:
    """A citation whose number OCR lost ("Undang-Undang Nomor Tahun 2023 tentang Aparatur Sipil
    Negara"): its type, "Nomor", the year and the title it is "about"."""
    out = []
    for prefix, rx, _ in load_table("citation_types.tsv"):
        if prefix in ("UUD", "SKB"):
            continue
        rx = (rf"(?<![\w-])(?i:{rx})(?![\w-]){_SHORT_RUN}\s+(?i:nomor|no\.?)\s*(?i:tahun|th\.?)\s*(?P<year>[12]\d{{3}})"
              r"\s+(?i:tentang)\s+(?P<title>[^;:,.\n]{4,120})")
        out.append((prefix, re.compile(rx), Prefilter.of(rx)))
    return out


def _by_title(prefix: str, year: str, about: str) -> str | None:
    """The one known regulation of that type and year whose title the words after "tentang" begin with."""
    words = [w for word in _TITLE_WORD.findall(about.lower()) for w in _SPELLED.get(word, (word,))]

    def begins(title: str) -> bool:  # (the words up to a comma, at least three of them, or all the title's)
        t = _TITLE_WORD.findall(title.lower())
        n = min(len(words), len(t))
        return n >= min(len(t), 3) and words[:n] == t[:n]

    hits = [r.key for r in regulations().values()
            if r.key.startswith(prefix + " ") and r.key.endswith("/" + year) and begins(r.title)]
    return hits[0] if len(hits) == 1 else None


_TITLE_WORD = re.compile(r"[a-z0-9]+")
_SPELLED = {"pns": ("pegawai", "negeri", "sipil"), "asn": ("aparatur", "sipil", "negara")}


@lru_cache(maxsize=1)
def _uud() -> tuple[re.Pattern, Prefilter]:
    rx = (r"(?<![\w-])(?:Undang[\s-]*Undang\s+Dasar(?:\s+Negara\s+Republik\s+Indonesia)?|UUD(?:\s+NRI)?)"
          r"(?:\s+Tahun)?\s+1945\b")
    return re.compile(rx, re.I), Prefilter.of(rx, re.I)


@lru_cache(maxsize=1)
def _other_numbers() -> list[tuple[re.Pattern, str, Prefilter]]:
    out = []
    for reg in regulations().values():
        for num in reg.other_numbers:
            rx = re.escape(num).replace(r"\ ", r"\s+").replace("Tahun", "(?:Tahun|/)")
            rx = rf"(?<![\w.\-/]){rx}(?![\w\-/])"
            out.append((re.compile(rx, re.I), reg.key, Prefilter.of(rx, re.I)))
    return out


@lru_cache(maxsize=1)
def _descriptions() -> list[tuple[re.Pattern, str, Prefilter]]:
    return [(re.compile(rx, re.I), key, Prefilter.of(rx, re.I))
            for key, rx in load_table("citation_descriptions.tsv")]


_NUMBERED = re.compile(r"\b(?:nomor|nomer|no\.?)\s*:?\s*\d", re.I)


def find_citations(text: str, page: int = 1) -> list[Citation]:
    """All citations in one page of text, in order, with their spans."""
    found: list[Citation] = []
    lowered = text.lower() if text.isascii() else None  # for the patterns' literal tests (literals.py)
    uud, prefilter = _uud()
    for m in prefilter.finditer(uud, text, lowered):
        found.append(Citation("UUD 1945", _squash(m.group(0)), page, m.start(), m.end()))
    matches = []
    for prefix, rx, prefilter in _grammar():
        if prefix != "UUD" and prefilter.possible(text, lowered):
            matches += [(m.start(), -m.end(), prefix, m) for m in prefilter.finditer(rx, text, lowered)]
    last_end = -1
    for start, neg_end, prefix, m in sorted(matches, key=lambda t: (t[0], t[1])):
        if start < last_end:
            continue  # overlaps a longer or earlier reading of the same words
        key = _key(prefix, m.group("num"), m.group("year"))
        if key:
            found.append(Citation(key, _squash(m.group(0)), page, m.start(), m.end()))
            last_end = -neg_end
    for prefix, rx, prefilter in _letter_grammar():
        if not prefilter.possible(text, lowered):
            continue
        for m in prefilter.finditer(rx, text, lowered):
            if not any(c.start < m.end() and m.start() < c.end for c in found):
                letter = re.sub(r"\s+", "", m.group("letter"))
                found.append(Citation(f"{prefix} {letter}", _squash(m.group(0)), page, m.start(), m.end()))
    for prefix, rx, prefilter in _number_lost():
        if not prefilter.possible(text, lowered):
            continue
        for m in prefilter.finditer(rx, text, lowered):
            key = _by_title(prefix, m.group("year"), m.group("title"))
            if key and not any(c.start < m.end() and m.start() < c.end for c in found):
                found.append(Citation(key, _squash(m.group(0)), page, m.start(), m.end()))
    for rx, key, prefilter in _other_numbers():
        if not prefilter.possible(text, lowered):
            continue
        for m in prefilter.finditer(rx, text, lowered):
            if not any(c.start <= m.start() < c.end for c in found):
                found.append(Citation(key, _squash(m.group(0)), page, m.start(), m.end()))
    for rx, key, prefilter in _descriptions():
        if not prefilter.possible(text, lowered):
            continue
        for m in prefilter.finditer(rx, text, lowered):
            if not _NUMBERED.search(m.group(0)) and not any(c.start < m.end() and m.start() < c.end for c in found):
                found.append(Citation(key, _squash(m.group(0)), page, m.start(), m.end()))
    found.sort(key=lambda c: c.start)
    return found


def _key(prefix: str, num: str, year: str | None) -> str | None:
    n = str(int(num.translate(_DIGITS)))
    if year is None:
        bare = [r.key for r in regulations().values() if r.bare and r.key.startswith(f"{prefix} {n}/")]
        return bare[0] if len(bare) == 1 else None
    if year.isdigit():
        if 1900 <= int(year) <= date.today().year + 1:
            return f"{prefix} {n}/{year}"
        # a year no regulation has ("Tahun 2604", "Tahun 2914"): OCR misread one digit of a known one
        return _known_year(prefix, n, year, _one_digit_off)
    # A damaged year: a known regulation whose year fits the readable digits wins.
    fits = _known_year(prefix, n, year, _fits)
    if fits:
        return fits
    repaired = year.translate(_DIGITS)
    return f"{prefix} {n}/{repaired}" if repaired.isdigit() and 1900 <= int(repaired) <= date.today().year + 1 else None


def _known_year(prefix: str, n: str, read: str, agrees) -> str | None:
    """The one known regulation of this type and number whose year `agrees(read, year)`, or None."""
    keys = [r.key for r in regulations().values()
            if r.key.startswith(f"{prefix} {n}/") and agrees(read, r.key.rsplit("/", 1)[1])]
    return keys[0] if len(keys) == 1 else None


def _one_digit_off(read: str, year: str) -> bool:
    return len(read) == len(year) and sum(a != b for a, b in zip(read, year)) == 1


def _fits(damaged: str, year: str) -> bool:
    return len(damaged) == len(year) and all(d == y or not d.isdigit() for d, y in zip(damaged, year))


def _squash(s: str) -> str:
    return " ".join(s.split())


def unique_keys(citations: list[Citation]) -> list[str]:
    return list(dict.fromkeys(c.key for c in citations))
