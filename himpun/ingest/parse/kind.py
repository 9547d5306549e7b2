"""What kind of document a text is, and its title.

An instrument announces itself in its heading, in capitals: SURAT EDARAN,
KEPUTUSAN BERSAMA, PERATURAN PEMERINTAH, PAKTA INTEGRITAS. A news report has a
dateline ("BULUKUMBA, RADARSELATAN.FAJAR.CO.ID --", "Surabaya (ANTARA) -"),
reported speech ("ujarnya", "kata Eri") or web-page furniture around it.
"""
from __future__ import annotations

import re
from itertools import islice

from himpun.ingest.chatmarks import CHAT_LINE
from himpun.ingest.parse.literals import Prefilter

_HEAD = 900
PRESS_RELEASE = re.compile(r"^\s*(?:SIARAN\s+PERS|RILIS\s+PERS|PRESS\s+RELEASE)\b", re.M)
WORKING_PAPER = re.compile(r"^\s*(?:KERANGKA\s+ACUAN\s+(?:KERJA|KEGIATAN)|TERM\s+OF\s+REFERENCE|KAJIAN\s+(?:DUGAAN\s+)?"
                           r"PELANGGARAN)\b", re.M)
_HEADINGS = [
    ("decree", re.compile(r"^\s*(?:SURAT\s+)?KEPUTUSAN\b|\bKEPUTUSAN\s+BERSAMA\b", re.M)),
    ("regulation", re.compile(r"^\s*(?:PERATURAN\s+(?:PEMERINTAH|PRESIDEN|MENTERI|DAERAH|BUPATI|WALI\s*KOTA|GUBERNUR|"
                              r"BADAN|KOMISI|KEPALA)|UNDANG-UNDANG\s+REPUBLIK)\b", re.M)),
    # a legal database's (JDIH) record of a regulation: its fields, "Jenis / Bentuk Peraturan: Peraturan Wali Kota"
    ("regulation", re.compile(r"^\s*Jenis\s*(?:/\s*Bentuk\s*)?Peraturan\s*:\s*(?:Peraturan|Undang|Perda\b|Perbup\b|"
                              r"Perwali\b|Pergub\b)", re.M | re.I)),
    ("pact", re.compile(r"^\s*PAKTA\s+INTEGRITAS\b", re.M)),
    ("circular", re.compile(r"^\s*(?:SURAT\s+EDARAN|INSTRUKSI|MAKLUMAT|HIMBAUAN|IMBAUAN|NOTA\s+DINAS)\b", re.M)),
    # an office's numbered announcement: "PENGUMUMAN" over its "Nomor: ..."
    ("circular", re.compile(r"^\s*PENGUMUMAN\s*\n\s*(?:NOMOR|Nomor|No\.)\s*:?\s*\S*\d", re.M)),
    # an agency head's numbered letter of reprimand or warning: "TEGURAN TERTULIS" over its "NOMOR ..."
    ("circular", re.compile(r"^\s*(?:SURAT\s+)?(?:TEGURAN(?:\s+TERTULIS)?|PERINGATAN(?:\s+TERTULIS)?)\s*\n\s*(?:NOMOR|Nomor|No\.)"
                            r"\s*:?\s*\S*\d\S*/", re.M)),
    # a speech as written for its speaker, and the minutes of a meeting: neither an instrument nor a report
    ("other", re.compile(r"^\s*(?:NASKAH\s+(?:SAMBUTAN|PIDATO|AMANAT)|SAMBUTAN\s+(?:PENJABAT|PJ|BUPATI|WALI\s*KOTA|"
                         r"GUBERNUR|SEKRETARIS)|AMANAT\s+(?:PENJABAT|PJ|BUPATI|WALI\s*KOTA|GUBERNUR)|NOTULEN|NOTULA|"
                         r"RISALAH\s+RAPAT)\b", re.M)),
    # an agency's press release: its own words, not a report about it; so is the transcript of its press conference
    ("other", PRESS_RELEASE),
    ("other", re.compile(r"^\s*TRANSKRIP(?:\s+(?:KONFERENSI\s+PERS|WAWANCARA|RAPAT|SIARAN|DIALOG|PODCAST))?\b", re.M)),
    # an agency's own working paper, signed by its head: a terms of reference, a case study of a violation
    ("other", WORKING_PAPER),
]
# an official letter (surat dinas) of an agency: its number and subject lines
# (OCR of a letter whose labels stand in a column drops their colons: "Nomor 187/PP.01.02/K.JT-08/10/2024")
_LETTER_NUMBER = re.compile(r"^\s*(?:Nomor|No\.?)(?:\s*:|[ \t]+(?=\S*\d\S*/))", re.M | re.I)
# (OCR may drop the colon after "Perihal" and "Hal"; "Hal ini ..." starts sentences, in lowercase after "Hal")
_LETTER_SUBJECT = re.compile(r"^\s*(?:Hal\s*:|Perihal\s*:|(?:Perihal|Hal)(?=[ \t]+(?-i:[A-Z][a-z])))\s*(\S[^\n]*)$",
                             re.M | re.I)
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Za-z.\-]+(?:\s+[A-Z][A-Za-z.\-]+){0,3}\s*(?:,\s*[^\n\-–—|]{2,40}?|\s*\([A-Za-z .]{2,25}\)))\s*(?:--|[-–—|])\s"
    r"|^\s*[A-Za-z][A-Za-z0-9.\-]*\.(?i:com|co\.id|co|id|net|news|tv)\b[^\n]{0,40}?\s(?:--|[-–—])", re.M)  # Liputan6.com, Tempo.co
_SPEECH = re.compile(r"\b(?:ujar|kata|tutur|jelas|ungkap|tegas|imbuh|tandas|ucap|terang|papar|tutup|tambah|sebut|"
                     r"pungkas|paparnya|katanya|ujarnya|tuturnya|jelasnya|ungkapnya|tegasnya|imbuhnya|tandasnya|"
                     r"ucapnya|terangnya|tutupnya|tambahnya|sebutnya|pungkasnya)(?:nya)?\b[,.]?", re.I)
_SPEECH_PREFILTER = Prefilter.of(_SPEECH.pattern, re.I)
_NEWS_CHROME = re.compile(r"baca juga|berita terkait|editor|reporter|penulis|komentar|tinggalkan|berbagi|share|"
                          r"waktu baca|bacaan lainnya|pos terkait|isi komentar|\|", re.I)
_TENTANG = re.compile(r"(?:^|\s)TENTANG\s*:?\s*(.*)$", re.M)
_SECTION = re.compile(r"\b(?:DENGAN RAHMAT|Menimbang|MENIMBANG|Mengingat|MENGINGAT|Yth|Dalam rangka|Sehubungan|"
                      r"Dengan hormat|Memperhatikan|MEMUTUSKAN)\b")
# In a heading run together on one line, the issuer's name begins the next block
# (but "PEMILIHAN GUBERNUR DAN WAKIL GUBERNUR" is part of a title).
_RUN_ON_STOP = re.compile(r"\b(?:MENTERI|KEPALA BADAN|KETUA)\b|(?<!PEMILIHAN )(?<!CALON )(?<!WAKIL )(?<!DAN )"
                          r"\b(?:BUPATI|GUBERNUR|WALI\s*KOTA|WALIKOTA)\b")


_ASKED = re.compile(r"^[ \t]*(?:Pertanyaan|Tanya)\b", re.M)
_ANSWERED = re.compile(r"^[ \t]*(?:Jawaban|Jawab)\b", re.M)
_DOCUMENT_HOSTS = re.compile(r"\.go\.id\b|scribd\.com|docs\.google|drive\.google|jdih", re.I)


def detect_kind(text: str, dropped: list[str], fmt: str, url: str | None = None, article: bool = False) -> str:
    """`article`: a web page whose head calls it an article (a published piece: a report, a column, a blog post)."""
    head = text[:_HEAD]
    if CHAT_LINE.search(head):
        return "other"  # a chat's messages, though one forwards a circular's words ("09/09/24 08.05 - Dede: ...")
    letter = bool(_LETTER_NUMBER.search(head) and _LETTER_SUBJECT.search(head) and re.search(r"\bYth\b", head))
    for kind, rx in _HEADINGS:
        if rx.search(head) and not (rx is WORKING_PAPER and letter):  # (a cover letter over a case study is a letter)
            return kind
    if letter:
        return "circular"
    news = 0
    if _DATELINE.search(text[:1500]):
        news += 2
    news += len(list(islice(_SPEECH_PREFILTER.finditer(_SPEECH, text), 2)))  # reported speech, twice at most
    furniture = sum(1 for d in dropped if _NEWS_CHROME.search(d))
    news += 2 if furniture >= 3 else 1 if furniture else 0
    if fmt == "html" or (url and not _DOCUMENT_HOSTS.search(url)):
        news += 1
        if article or (_ASKED.search(text) and _ANSWERED.search(text)):
            news += 1  # a published article, or a web page of questions and answers (a consultation column, an FAQ)
    return "news" if news >= 2 else "other"


def detect_title(text: str, kind: str, container_title: str | None) -> str | None:
    if kind in ("circular", "decree", "regulation", "pact"):
        m = _TENTANG.search(text[:3000])
        if m:
            title = _title_after_tentang(text, m)
            if title:
                return title
        m = _LETTER_SUBJECT.search(text[:_HEAD])
        if m:
            return " ".join(m.group(1).split())
    if container_title:
        return " ".join(container_title.split())
    first = text.strip().split("\n", 1)[0].strip()
    if kind == "news" and 10 <= len(first) <= 200 and not first.endswith((".", ":")) and not _DATELINE.match(first):
        return first
    return None


def _title_after_tentang(text: str, m: re.Match) -> str | None:
    """The words after TENTANG: the rest of that line, then the lines that go
    on in the same style (capitals after a capital title), up to a blank
    line or the next block (Menimbang, Dalam rangka, ...)."""
    words = m.group(1).strip()
    upper = _is_upper(words)
    for line in text[m.end():m.end() + 600].split("\n")[1:6]:
        line = line.strip()
        if not line:
            if words:
                break
            continue
        if words and (upper != _is_upper(line) or _SECTION.match(line)):
            break
        if not words:
            upper = _is_upper(line)
        words += " " + line
    stop = _SECTION.search(words, 10)
    if stop:
        words = words[:stop.start()]
    stop = _RUN_ON_STOP.search(words, 10)
    if stop:
        words = words[:stop.start()]
    words = " ".join(words.split()).strip(" ,;:")
    return words[:300] or None


def _is_upper(line: str) -> bool:
    letters = [c for c in line if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) / len(letters) > 0.8
