"""Parsing: cleaned pages in, one Document record with its Clause records out.

Each part is its own module and a plain function: kind and title (kind),
citations, numbers, dates, issuers (issuer, offices), region (gazetteer,
region) and clauses (segment, rules, clauses). This module only runs them
in order over the pages and assembles the record.
"""
from __future__ import annotations

import re

from himpun.ingest.parse.citations import find_citations, regulations
from himpun.ingest.parse.clauses import page_clauses
from himpun.ingest.parse.crossref import link_sanctions
from himpun.ingest.parse.dates import FoundDate, find_dates, find_partial_dates
from himpun.ingest.parse.gazetteer import scan
from himpun.ingest.parse.issuer import INSTRUMENT_KINDS, find_issuers
from himpun.ingest.parse.kind import detect_kind, detect_title
from himpun.ingest.parse.numbers import find_numbers, letter_date, repair_roman_month
from himpun.ingest.parse.offices import find_offices
from himpun.ingest.parse.region import NATIONAL, choose_region
from himpun.ingest.parse.segment import ListState
from himpun.records import Citation, Document, Page

PAGE_JOIN = "\n\n"
_OWN_KEY_ZONE = 700  # an instrument's own number stands in its heading
_DISPOSITION = re.compile(r"\b(?:LEMBAR|KARTU|Lembar|Kartu)\s+(?:DISPOSISI|Disposisi)\b")
_DISPOSITION_FIELD = re.compile(r"\b(?:isi\s+disposisi|diteruskan\s+kepada|no\.?\s+agenda|nomor\s+agenda|"
                                r"diterima\s+tgl|tgl\.?\s+(?:terima|diterima)|tanggal\s+diterima)\b", re.I)
_PREAMBLE = re.compile(r"\b(?:Menimbang|MENIMBANG|Mengingat|MENGINGAT|DENGAN RAHMAT|Dengan Rahmat)\b")


def parse_document(pages: list[Page], *, source: str, sha256: str, fmt: str = "text",
                   dropped: list[str] = (), container_title: str | None = None,
                   url: str | None = None, published: str | None = None, article: bool = False) -> Document:
    # a disposition sheet filed on top of a letter is the registry's, not the letter's: what the letter is, who
    # wrote it, its numbers and dates come from the pages after it (its clauses are still read everywhere)
    body = pages[1:] if len(pages) > 1 and _is_disposition(pages[0].text) else pages
    full = PAGE_JOIN.join(p.text for p in body)
    kind = detect_kind(full, list(dropped), fmt, url, article)

    citations: list[Citation] = []
    numbers: list[str] = []
    dates: list[FoundDate] = []
    found_numbers = []
    for p in body:
        cits = find_citations(p.text, p.number)
        citations += cits
        page_dates = find_dates(p.text)
        found_numbers += [(p, n, s, e, page_dates) for n, s, e in find_numbers(p.text, cits)]
        dates += page_dates
    if kind in ("decree", "regulation"):
        citations = _without_own_key(citations, body)
    main_date = _main_date(dates, full, published, kind)
    citations = _not_later(citations, max((d.iso for d in dates), default=None))
    for p, n, s, e, page_dates in found_numbers:
        if p.ocr:  # (an OCR-damaged Roman month: from the date after the number, or for the instrument's own
            # number in its heading, from the instrument's date)
            own = p.number == body[0].number and s < _OWN_KEY_ZONE
            n = repair_roman_month(n, letter_date(p.text, e, page_dates) or (main_date if own else None))
        numbers.append(n)

    mentions = scan(full)
    offices = find_offices(full, mentions)
    issuers = find_issuers(full, kind, offices)
    national = any(not c.key.startswith(("Perda", "Perkada")) for c in citations)
    region, province = choose_region(full, mentions, offices, issuers, kind, national)

    clauses = []
    lists = ListState()
    for p in pages:
        clauses += page_clauses(p.text, p.number, sha256, len(clauses) + 1, lists)
    link_sanctions(clauses)

    # the publication date a web page states in its head is a date of the report, as its date line would be
    # (which main-text extraction leaves out with the byline)
    full_dates = _unique([d.iso for d in dates if not d.schedule] + ([published] if published else []))
    return Document(
        source=source, sha256=sha256, kind=kind,
        title=detect_title(full, kind, container_title),
        issuer=issuers[0].name if issuers else None,
        issuers=[o.name for o in issuers],
        region=region, province=province if region != NATIONAL else None,
        numbers=_unique_ci(numbers),
        date=main_date,
        dates=full_dates,
        citations=citations, pages=list(pages), clauses=clauses, url=url, format=fmt,
    )


def _not_later(citations: list[Citation], latest: str | None) -> list[Citation]:
    """Without the regulations a text cannot cite because all its dates come before them, where only their key gives
    the year (a joint decree of 2022 named by description, "SKB 5 lembaga tentang netralitas", in a text whose
    dates are of 2020 is that year's own)."""
    if not latest:
        return citations
    year = latest[:4]
    out = []
    for c in citations:
        of = c.key.rsplit("/", 1)[-1]
        if not (len(of) == 4 and of.isdigit() and of > year and of not in c.text):
            out.append(c)
    return out


def _is_disposition(text: str) -> bool:
    """A registry's disposition sheet: its title and two of its form's fields ("Isi Disposisi", "Diteruskan
    kepada", "No. Agenda", "Diterima Tgl."), not a letter that names one."""
    if not _DISPOSITION.search(text[:800]):
        return False
    return len({m.group(0).lower() for m in _DISPOSITION_FIELD.finditer(text)}) >= 2


def _without_own_key(citations: list[Citation], pages: list[Page]) -> list[Citation]:
    """An instrument does not cite itself: drop the key of its own heading."""
    zone = _OWN_KEY_ZONE
    m = _PREAMBLE.search(pages[0].text, 0, zone)
    if m:  # (its own key stands in its title, before "Menimbang": what it weighs there are others)
        zone = m.start()
    own = {c.key for c in citations if c.page == pages[0].number and c.start < zone}
    return [c for c in citations if c.key not in own]


def _main_date(dates: list[FoundDate], full: str, published: str | None, kind: str) -> str | None:
    """The document's date: for an instrument, the date it was signed
    (its place-and-date line, "Ditetapkan di ... pada tanggal"); else the
    first date that is not a schedule; else the publication date the
    container states; else a partial date (`Selasa (1/8)`) resolved with the
    one year its full dates name."""
    if kind in INSTRUMENT_KINDS:
        signed = [d for d in dates if d.signed]
        if signed:
            return signed[0].iso
    for d in dates:
        if not d.schedule:
            return d.iso
    if published:
        return published
    years = sorted({d.iso[:4] for d in dates})
    if len(years) == 1:
        partial = find_partial_dates(full, int(years[0]))
        if partial:
            return partial[0].iso
    return None


def _unique(items) -> list:
    return list(dict.fromkeys(items))


def _unique_ci(items: list[str]) -> list[str]:
    seen: dict[str, str] = {}
    for i in items:
        seen.setdefault(" ".join(i.lower().split()), i)
    return list(seen.values())


__all__ = ["parse_document", "regulations"]
