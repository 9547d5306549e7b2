"""Offices that issue instruments, found in text and written canonically.

Regional offices are a title before a region name: `Penjabat (Pj) Bupati
Tangerang` -> `Pj Bupati Tangerang`, `Sekretaris Daerah (Sekda) Kota Tangsel`
-> `Sekretaris Daerah Kota Tangerang Selatan`, `Pemkab Jeneponto` ->
`Pemerintah Kabupaten Jeneponto`, `BUPATI MUSI BANYUASIN` -> `Bupati Musi
Banyuasin`. A title with no region after it (`Pj Gubernur Harisson`) is kept
as a bare office, to be matched with the same title elsewhere in the text.
National offices come from himpun/data/offices.tsv.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from himpun.ingest.parse.gazetteer import Mention, Region, scan
from himpun.data import load_table
from himpun.ingest.parse.literals import Prefilter

_ACTING = r"(?:(?P<acting>Pj\.?|Penjabat(?:\s+Sementara)?|Pjs\.?|Plt\.?|Pelaksana\s+Tugas|Plh\.?|Pelaksana\s+Harian)\s*(?:\((?:Pj|Pjs|Plt|Plh)\)\s*)?)?"
_TITLE = (r"(?P<title>Wakil\s+Bupati|Wakil\s+Wali\s*kota|Wakil\s+Gubernur|Bupati|Wali\s*kota|Gubernur|"
          r"Sekretaris\s+Daerah|Sekda|Pemerintah|Pemkab|Pemkot|Pemprov|"
          r"Ketua\s+(?:Bawaslu|Badan\s+Pengawas\s+Pemilihan\s+Umum)|Bawaslu|Badan\s+Pengawas\s+Pemilihan\s+Umum|"
          # a region's inspectorate and its head, who signs its audit reports
          r"Inspektur(?:\s+Daerah)?|Inspektorat(?:\s+Daerah)?|"
          # a regional parliament, one of its commissions, and their chairs ("KOMISI I DPRD KOTA TARAKAN")
          r"(?:(?:Wakil\s+)?Ketua\s+|Sekretaris\s+)?(?:Komisi\s+(?-i:[IVX]{1,4}|[A-E]|[1-9])\s+)?"
          r"(?:DPRD|Dewan\s+Perwakilan\s+Rakyat\s+Daerah)|"
          # the head of a region's personnel agency, who signs circulars of his own
          r"Kepala\s+(?:BKPSDMD?|BKPPD?|BKDD?|Badan\s+Kepegawaian(?:\s+dan\s+Pengembangan\s+Sumber\s+Daya\s+Manusia"
          r"|\s+dan\s+Pengembangan\s+SDM|\s+Pendidikan\s+dan\s+Pelatihan|\s+dan\s+Diklat)?(?:\s+Daerah)?)|"
          # the head of a regional office (dinas), who writes to its own staff and schools
          # (its name on one line: a line's junk, "Hah", or a form's next field, "Instansi", is not part of it)
          # (capitalised, as names are: "Kepala Dinas terkait Kabupaten Gowa" names no dinas; a name broken
          # after its "dan" goes on on the next line: "Kepala Dinas Pendidikan dan / Kebudayaan Kabupaten Bima")
          r"Kepala[ \t]+Dinas(?:(?:[ \t]+|(?<=[ \t](?-i:dan))[ \t]*\n[ \t]*(?=(?-i:[A-Z][a-z]))|(?<=[ \t](?-i:DAN))[ \t]*\n[ \t]*(?=(?-i:[A-Z]{3})))(?!(?:Provinsi|Kabupaten|Kota|Kab|Prov|Kepala)\b)(?-i:dan|[A-Z][a-z]{2,}|[A-Z]{3,}))"
          r"{1,6}?)")
_LEVEL = r"(?:Provinsi|Prov\.?|Kabupaten|Kab\.?|Kota)"
_TAIL = rf"(?:\s+{_LEVEL})?(?:\s*\((?:Sekda|Pemkot|Pemkab|Pemprov|Pj|Plt)\))?\s*(?:{_LEVEL}\s*)?$"
_BEFORE_REGION = re.compile(_ACTING + _TITLE + _TAIL, re.I)
_BARE = re.compile(r"(?<![\w])" + _ACTING + r"(?P<title>Wakil\s+Bupati|Wakil\s+Wali\s*kota|Wakil\s+Gubernur|Bupati|"
                   r"Wali\s*kota|Gubernur|Sekretaris\s+Daerah|Sekda)\b", re.I)
_BARE_PREFILTER = Prefilter.of(_BARE.pattern, re.I)
# the chair of an election supervisor named by level alone, as a signature whose region OCR lost may be:
# "Ketua Bawaslu Kabupaten" (not followed by the region's name on its line)
_BARE_CHAIR = re.compile(r"(?<![\w])Ketua[ \t]+(?:Bawaslu|Badan[ \t]+Pengawas[ \t]+Pemilihan[ \t]+Umum)[ \t]+"
                         r"(?P<level>Provinsi|Kabupaten|Kota)\b[ \t]*,?[ \t]*$", re.I | re.M)

_TITLE_LEVEL = {"bupati": "kabupaten", "wakil bupati": "kabupaten", "walikota": "kota", "wali kota": "kota",
                "wakil wali kota": "kota", "wakil walikota": "kota", "gubernur": "provinsi", "wakil gubernur": "provinsi",
                "pemkab": "kabupaten", "pemkot": "kota", "pemprov": "provinsi"}
_CANON_TITLE = {"walikota": "Wali Kota", "wali kota": "Wali Kota", "sekda": "Sekretaris Daerah",
                "sekretaris daerah": "Sekretaris Daerah", "pemerintah": "Pemerintah", "pemkab": "Pemerintah",
                "pemkot": "Pemerintah", "pemprov": "Pemerintah", "wakil walikota": "Wakil Wali Kota",
                "ketua bawaslu": "Ketua Bawaslu", "ketua badan pengawas pemilihan umum": "Ketua Bawaslu",
                "bawaslu": "Bawaslu", "badan pengawas pemilihan umum": "Bawaslu", "inspektur daerah": "Inspektur",
                "inspektorat daerah": "Inspektorat"}
_PARLIAMENT = re.compile(r"(?P<chair>(?:wakil )?ketua |sekretaris )?(?:komisi (?P<commission>\w+) )?"
                         r"(?:dprd|dewan perwakilan rakyat daerah)$")
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "5": "V", "6": "VI", "7": "VII", "8": "VIII", "9": "IX"}
# a body as a whole, not an office held by a person who signs
_BODIES = ("Pemerintah", "Bawaslu", "DPRD", "Komisi", "Inspektorat", "Kementerian", "Badan", "Lembaga", "Panwaslu")
# a national body and the office of its head, who signs for it (himpun/data/offices.tsv names both)
NATIONAL_HEADS = {"Badan Kepegawaian Negara": "Kepala BKN", "Komisi Aparatur Sipil Negara": "Ketua KASN",
                  "Badan Pengawas Pemilihan Umum": "Ketua Bawaslu", "Kementerian Dalam Negeri": "Menteri Dalam Negeri",
                  "Kementerian PANRB": "Menteri PANRB"}
PERSON_TITLES = ("Bupati", "Wali Kota", "Gubernur", "Sekretaris Daerah", "Wakil")


@dataclass(frozen=True)
class Office:
    name: str  # canonical: "Pj Bupati Tangerang", "Menteri Dalam Negeri"
    start: int
    end: int
    region: Region | None = None  # None for national offices and bare titles
    national: bool = False
    title: str = ""  # canonical title without region: "Pj Gubernur"

    @property
    def person(self) -> bool:
        """An office held by a person (who signs), not a government as a whole."""
        return not self.name.startswith(_BODIES)


@lru_cache(maxsize=1)
def _national() -> list[tuple[str, re.Pattern, Prefilter]]:
    out = []
    for name, rx in load_table("offices.tsv"):
        rx = rf"(?<![\w-])(?:{rx})(?![\w-])"
        out.append((name, re.compile(rx, re.I), Prefilter.of(rx, re.I)))
    return out


def find_offices(text: str, mentions: list[Mention] | None = None) -> list[Office]:
    """Every office in `text`, in order; overlapping readings keep the longest."""
    mentions = scan(text) if mentions is None else mentions
    found: list[Office] = []
    for m in mentions:
        window_start = max(0, m.name_start - 80)
        hit = _BEFORE_REGION.search(text, window_start, m.name_start)
        if not hit:
            continue
        office = _regional(hit, m)
        if office:
            found.append(office)
    lowered = text.lower() if text.isascii() else None  # for the patterns' literal tests (literals.py)
    covered = [(o.start, o.end) for o in found]
    for hit in _BARE_PREFILTER.finditer(_BARE, text, lowered):
        if not any(s <= hit.start() < e for s, e in covered):
            title = _canonical_title(hit)
            found.append(Office(title, hit.start(), hit.end(), None, False, title))
    if "etua" in text:
        for hit in _BARE_CHAIR.finditer(text):
            if not any(o.start <= hit.start() < o.end for o in found):
                title = "Ketua Bawaslu " + hit.group("level").capitalize()
                found.append(Office(title, hit.start(), hit.end(), None, False, title))
    low = lowered if lowered is not None else text.lower()
    for rx, make, national, words_ in _NAMED_UNITS:
        if not any(w in low for w in words_):
            continue
        for hit in rx.finditer(text):
            if not any(o.start <= hit.start() < o.end or hit.start() <= o.start < hit.end() for o in found):
                name, title = make(hit)
                found.append(Office(name, hit.start(), hit.end(), None, national, title))
    for name, rx, prefilter in _national():
        if not prefilter.possible(text, lowered):
            continue
        for hit in prefilter.finditer(rx, text, lowered):
            if not any(s <= hit.start() < e or hit.start() <= s < hit.end() for s, e in
                       [(o.start, o.end) for o in found]):
                found.append(Office(name, hit.start(), hit.end(), None, True, name))
    found.sort(key=lambda o: o.start)
    return found


def _named(words: str) -> str:
    """A unit's name as its seal writes it, capitalised: "TASIKMALAYA KOTA" -> "Tasikmalaya Kota"."""
    return "/".join(" ".join(w.capitalize() for w in part.split()) for part in words.split("/"))


# (a seat's words, not the rank and name of the commander that follow it: "Dandim 0612/Tasikmalaya Letkol Inf Budi")
_SEAT = (r"(?P<seat>[A-Z][A-Za-z]*(?:[ \t]+(?!(?i:dan|nomor|tentang|letkol|kolonel|mayor|kapten|inf|kav|arh|czi|akbp|kombes"
         r"|akp|brigjen|irjen|ajun|komisaris|letnan)\b)[A-Z][A-Za-z]*){0,2})\b")
# offices named after their unit, not after a region of the gazetteer: a regional office of BKN ("KEPALA KANTOR
# REGIONAL IV BADAN KEPEGAWAIAN NEGARA", its agency's name often left out or lost), the army's district commands and
# the police's resorts that sign joint declarations with a region's head ("KOMANDAN KODIM 0612/TASIKMALAYA",
# "KEPALA KEPOLISIAN RESOR TASIKMALAYA KOTA"); (pattern, name of a match, national)
_NAMED_UNITS = [
    (re.compile(r"(?<![\w-])(?i:kepala[ \t]+kantor[ \t]+regional|kakanreg)[ \t]+(?P<n>[IVX]{1,4})\b"
                r"(?:[ \t]+(?i:badan[ \t]+kepegawaian[ \t]+negara|bkn)\b)?"),
     lambda m: (f"Kepala Kantor Regional {m.group('n')} Badan Kepegawaian Negara", "Kepala Kantor Regional"), True,
     ("regional", "kakanreg")),
    (re.compile(r"(?<![\w-])(?i:komandan[ \t]+(?P<unit>kodim|korem)|(?P<short>dandim|danrem))\s+(?P<n>\d{3,4})[ \t]*/[ \t]*"
                + _SEAT),
     lambda m: ((title := "Komandan " + ("Kodim" if (m.group("unit") or m.group("short")).lower() in ("kodim", "dandim")
                                        else "Korem")) + f" {m.group('n')}/{_named(m.group('seat'))}", title), False,
     ("kodim", "korem", "dandim", "danrem")),
    (re.compile(r"(?<![\w-])(?:(?i:kepala[ \t]+kepolisian)[ \t]+(?P<unit>(?i:resor|daerah))|(?P<short>(?i:kapolres|kapolda)))"
                r"[ \t]+" + _SEAT),
     lambda m: ((title := "Kepala Kepolisian " + ("Resor" if (m.group("unit") or m.group("short")).lower()
                                                   in ("resor", "kapolres") else "Daerah")) + " " + _named(m.group("seat")),
                title), False, ("kepolisian", "kapolres", "kapolda")),
    # a sub-district's election supervisor and its members, who sign its supervision reports ("Anggota Panwaslu
    # Kecamatan Wonomulyo"); the kecamatan is no region of the gazetteer
    (re.compile(r"(?<![\w-])(?:(?P<role>(?i:ketua|anggota|koordinator))[ \t]+)?(?i:panwaslu|panwascam|panwas|panitia[ \t]+"
                r"pengawas[ \t]+(?:pemilihan[ \t]+umum|pemilu|pemilihan))[ \t]+(?i:kecamatan|kec\.)[ \t]+(?!(?i:se)[- ])" + _SEAT),
     lambda m: ((title := (m.group("role").capitalize() + " " if m.group("role") else "") + "Panwaslu Kecamatan")
                + " " + _named(m.group("seat")), title), False, ("panwas", "panitia pengawas")),
]


ACTING_TITLES = ("Pj ", "Pjs ", "Plt ", "Plh ")  # as _canonical_title writes them
_ACTING_PREFIX = re.compile("^(?:" + "|".join(t.strip() for t in ACTING_TITLES) + ") ")


def substantive(name: str) -> str | None:
    """The office an acting holder stands in for (`Pj Bupati X` -> `Bupati X`); None for one held in full."""
    m = _ACTING_PREFIX.match(name)
    return name[m.end():] if m else None


# the personnel agency's name, long or short, as its acronym
_AGENCY = (("pengembangan", "BKPSDM"), ("pendidikan", "BKPP"), ("diklat", "BKPP"), ("bkpsdm", "BKPSDM"),
           ("bkpp", "BKPP"), ("bkd", "BKD"), ("badan kepegawaian", "BKD"))


def _canonical_title(hit: re.Match) -> str:
    raw = " ".join(hit.group("title").split()).lower()
    parliament = _PARLIAMENT.match(raw)
    if parliament:
        commission = parliament.group("commission")
        title = " ".join(w.capitalize() for w in (parliament.group("chair") or "").split()) + (" " if parliament.group(
            "chair") else "") + (f"Komisi {_ROMAN.get(commission, commission.upper())} " if commission else "") + "DPRD"
    elif raw.startswith("kepala dinas "):
        title = " ".join(w if w == "dan" else w.capitalize() for w in raw.split())
    elif raw.startswith("kepala "):
        title = "Kepala " + next(acronym for word, acronym in _AGENCY if word in raw)
    else:
        title = _CANON_TITLE.get(raw, " ".join(w.capitalize() for w in raw.split()))
    acting = (hit.group("acting") or "").lower().rstrip(".")
    if acting.startswith(("pjs", "penjabat sementara")):  # stands in while the holder is on campaign leave
        title = "Pjs " + title
    elif acting.startswith(("pj", "penjabat")):
        title = "Pj " + title
    elif acting.startswith(("plt", "pelaksana tugas")):
        title = "Plt " + title
    elif acting.startswith(("plh", "pelaksana harian")):
        title = "Plh " + title
    return title


def _regional(hit: re.Match, m: Mention) -> Office | None:
    raw_title = " ".join(hit.group("title").split()).lower()
    level = _TITLE_LEVEL.get(raw_title) or m.qualifier
    cands = [r for r in m.resolved() if level is None or r.level == level] or list(m.resolved())
    if not cands:
        return None
    region = cands[0]
    title = _canonical_title(hit)
    base = title.split(" ", 1)[-1] if title.startswith(ACTING_TITLES) else title
    if base in ("Sekretaris Daerah", "Pemerintah", "Ketua Bawaslu", "Bawaslu", "Inspektur", "Inspektorat") \
            or base.startswith("Kepala ") \
            or base.endswith("DPRD"):
        name = f"{title} {region.name}"
    else:
        name = f"{title} {region.bare}"
    return Office(name, hit.start(), m.end, region, False, title)


def _of_sole_region(office: Office, title: str, bodies: list[Office]) -> Office | None:
    """`title` of the one region `bodies` are of, in `office`'s place in the text; None for none or several."""
    if len({o.region for o in bodies}) != 1:
        return None
    return replace(bodies[0], name=f"{title} {bodies[0].region.name}", title=title, start=office.start, end=office.end)


def resolve_bare(office: Office, offices: list[Office]) -> Office | None:
    """Give a bare title (`Pj Gubernur`) the region of the same title named
    with a region elsewhere in the text, keeping its own place in the text;
    None when no such office exists."""
    if office.region or office.national or office.name != office.title:  # (a unit's office is named after it)
        return office
    if office.title.startswith("Ketua Bawaslu "):  # "Ketua Bawaslu Kabupaten": the supervisor of that level the text names
        level = office.title.rsplit(" ", 1)[1].lower()
        # (none, or several supervisors of that level named: which one signs is not told)
        return _of_sole_region(office, "Ketua Bawaslu", [o for o in offices if o.region and o.region.level == level
                                                         and o.title in ("Bawaslu", "Ketua Bawaslu")])
    base = office.title.split(" ", 1)[-1] if office.title.startswith(ACTING_TITLES) else office.title
    same = [o for o in offices if o.region and (o.title == office.title or o.title.endswith(" " + base)
                                                or o.title == base)]
    if not same and base == "Sekretaris Daerah":
        # the secretary of the one government the text names ("PEMERINTAH PROVINSI NUSA TENGGARA BARAT /
        # SEKRETARIAT DAERAH" over a letter signed "Plh. SEKRETARIS DAERAH" and a region OCR garbled)
        return _of_sole_region(office, office.title, [o for o in offices if o.title == "Pemerintah" and o.region])
    if not same:
        return None
    exact = [o for o in same if o.title == office.title]
    if exact:
        return replace(exact[0], start=office.start, end=office.end)
    found = same[0]
    if office.title != base and found.title == base:  # "Pj. Wali Kota" beside "WALI KOTA PALOPO": its acting holder
        prefix = office.title[:-len(base)]
        return replace(found, name=prefix + found.name, title=office.title, start=office.start, end=office.end)
    return replace(found, start=office.start, end=office.end)
