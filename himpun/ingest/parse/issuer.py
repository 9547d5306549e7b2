"""Who issued the instrument a text describes.

- In an instrument itself (circular, decree, regulation, pact), the offices
  of its heading (the letterhead or the joint decree's list of ministers),
  else of its signature block.
- In any text, the office that is the subject of an issuing verb
  ("Pj Bupati Tangerang mengeluarkan surat edaran", "SE ... ditandatangani
  Sekda"); a sentence that refers back ("Itu disampaikan melalui Surat
  Edaran") takes the office of the sentence before. An instrument that is
  only announced ("akan dikeluarkan oleh Kemendagri") has no issuer yet, and
  an official merely quoted is not an issuer.
- When a government ("Pemerintah Kota X") and one of its office holders both
  issue, the office holder is the signer and is kept.
"""
from __future__ import annotations

import re
from dataclasses import replace

from himpun.ingest.parse.gazetteer import scan
from himpun.ingest.parse.kind import PRESS_RELEASE, WORKING_PAPER
from himpun.ingest.parse.offices import NATIONAL_HEADS, Office, find_offices, resolve_bare, substantive
from himpun.ingest.parse.segment import segments

_ACTIVE = (r"menerbitkan|terbitkan|mengeluarkan|keluarkan|menandatangani|tandatangani|meneken|menetapkan|mengedarkan"
           r"|membuat")
_PASSIVE = r"diterbitkan|dikeluarkan|ditandatangani|diteken|ditetapkan|diedarkan|dibuat"
_VERB = re.compile(rf"\b(?:(?P<active>{_ACTIVE})|(?P<passive>{_PASSIVE})|(?P<via>melalui))\b", re.I)
_INSTRUMENT = re.compile(r"\b(?:surat edaran|edaran|keputusan|instruksi|peraturan|maklumat|pakta integritas|"
                         r"imbauan|himbauan|surat)\b|\bSE\b", re.I)
_NOT_YET = re.compile(r"\b(?:akan|menunggu|belum|berencana|rencana|segera|hendak|tidak|dilarang|jangan)\s+"
                      r"(?:\w+\s+){0,2}$", re.I)
# "Surat Edaran Pj Wali Kota Bogor Nomor ...": the instrument of an office
# (a regional office's circular: the national ones a report names are its legal basis)
_OF_OFFICE = re.compile(r"\b(?:surat edaran|edaran|SE|surat imbauan|surat himbauan)\s+$", re.I)
# an office named only as what an election fills ("Pemilihan Bupati dan Wakil Bupati Banjar") or as
# the scope of a rule ("di lingkungan Pemerintah Kabupaten Banjar") issues nothing
# (a title may run on to the next line, "... PEMILIHAN GUBERNUR DAN WAKIL GUBERNUR PAPUA\nSERTA WALI KOTA DAN WAKIL
# WALI KOTA JAYAPURA", but not over a blank line)
# (not the election in a body's name: Badan Pengawas Pemilihan Umum, Komisi Pemilihan Umum)
_NOT_ISSUING = re.compile(r"(?:\b(?:(?<!pengawas )(?<!pengawas\n)(?<!komisi )(?<!komisi\n)pemilihan|pilkada|calon|paslon)\b"
                          r"(?:[^.\n]{0,40}|[^.,\n]{0,40}\n(?![ \t]*\n)[^.,\n]{0,40})|\blingkungan\s+)$", re.I)
_FORBIDDING = re.compile(r"\b(?:dilarang|larangan|melarang|tidak boleh|tidak diperbolehkan|jangan)\b", re.I)
# an instrument only hoped for, and one named as the basis of another
_FUTURE_WORDS = r"semoga|akan|belum|menunggu|rencana|berencana|segera|hendak|nanti"
_FUTURE = re.compile(rf"\b(?:{_FUTURE_WORDS})\b", re.I)
_HOPED = re.compile(rf"\b(?:{_FUTURE_WORDS}|tindak lanjut|menindaklanjuti|berdasarkan|mengacu|merujuk|sesuai)\b", re.I)
_TEMBUSAN = re.compile(r"^\s*Tembusan\b", re.M | re.I)
_BACK_REFERENCE = re.compile(r"^(?:itu|ini|hal (?:itu|ini|tersebut)|(?:surat )?edaran (?:itu|ini|tersebut)|"
                             r"se (?:itu|ini|tersebut)|hal itu)\b", re.I)
_HEADING_END = re.compile(r"\b(?:NOMOR|Nomor|TENTANG|SURAT EDARAN|Menimbang|Yth)\b")
INSTRUMENT_KINDS = ("circular", "decree", "regulation", "pact")
_AGENT_GAP = len(" oleh ")


def find_issuers(text: str, kind: str, found: list[Office] | None = None) -> list[Office]:
    """The issuers of `text`; `found`: its offices, when `find_offices(text)` was already run."""
    found = find_offices(text) if found is None else found
    offices = [o for o in (resolve_bare(o, found) for o in found)
               if o and not _NOT_ISSUING.search(text[max(0, o.start - 90):o.start])]
    issuers: list[Office] = _pledger(text) if kind == "pact" else []
    if issuers:
        return issuers
    if kind in INSTRUMENT_KINDS:
        issuers = _heading_offices(text, offices)
        signers = (_signature_offices(text, offices) or _local_head(text, issuers) or _school_head(text, issuers)
                   or _unit_head(text, issuers))
        if not any(o.person for o in issuers):
            # a letterhead of the government ("PEMERINTAH KABUPATEN X"): the signer issues
            issuers += signers
        else:
            # the office's letterhead ("BUPATI X") signed by its acting holder ("Pj. BUPATI X,"): the acting one;
            # so when the text names the acting holder of that office ("melaporkan kepada Pj. Wali Kota"), as
            # when OCR lost the signature's "Pj."
            issuers = [next((s for s in signers + offices if _acting_of(s, o)), o) for o in issuers]
    elif kind == "other" and PRESS_RELEASE.search(text, 0, 900):
        issuers = _press_release(text, offices)
    elif kind == "other" and (WORKING_PAPER.search(text, 0, 900) or _SIGNED_REPORT.search(text, 0, 900)):
        # (a terms of reference, a case study, a report: its signer's, else the body over a title OCR lost)
        issuers = (_signature_offices(text, offices) or _local_head(text, _heading_offices(text, offices))
                   or _signing_body(text, offices))
    elif kind == "other" and _AGREEMENT.search(text, 0, 400) and _PARTY.search(text):
        issuers = _parties(text, offices)
    elif kind == "other" and (approved := _APPROVED_BY.search(text, 0, 1500)):
        # a procedure (SOP) or a form approved in its header box: "Disahkan oleh : KEPALA BADAN ... KABUPATEN BOGOR"
        issuers = [o for o in offices if approved.end() <= o.start <= approved.end() + 3 and o.person][:1]
    elif kind == "other" and _STATEMENT.search(text, 0, 300):
        issuers = _pledger(text)  # a statement letter: the office its form names, as a pact's
    elif kind == "other" and _JUDGMENT.search(text, 0, 900):
        # (a court's, else the ethics council's: DKPP decides complaints against election organisers)
        issuers = _courts(text) or ([o for o in offices if o.name == _ETHICS_COUNCIL][:1]
                                    if _DKPP_CASE.search(text, 0, 900) else [])
    if issuers and (kind in INSTRUMENT_KINDS or kind == "other" and not PRESS_RELEASE.search(text, 0, 900)):
        # an election supervisor's letter or study is signed by its chair (its letterhead, or a signature whose
        # "Ketua," line OCR lost, names only the body); a press release speaks for the body
        issuers = [_chair(o) if o.title == "Bawaslu" else o for o in issuers]
        # so is a national agency's (BKN, KASN): its head signs, or a deputy for him ("a.n. KEPALA BADAN ..."),
        # unless the signer is an office of its own (the head of one of its regional offices)
        if any(o.national and o.person for o in issuers):
            issuers = [o for o in issuers if not o.national or o.person]
        issuers = [_head(o) if o.national and o.name in NATIONAL_HEADS else o for o in issuers]
    if not issuers:
        issuers = _issuing_subjects(text, offices)
    return _prefer_signers(_unique(issuers))


# a report of a body's own, signed by the one who made it: "LAPORAN HASIL RAPAT DENGAR PENDAPAT KOMISI I",
# "LAPORAN HASIL PENGAWASAN", "LAPORAN PELAKSANAAN KEGIATAN", "REKAPITULASI PENJATUHAN HUKUMAN DISIPLIN ...", and an
# examination's record, signed by the examiner ("BERITA ACARA PEMERIKSAAN" ... "Yang Memeriksa, / CAMAT TUAH NEGERI,")
_SIGNED_REPORT = re.compile(r"^\s*(?:(?:RINGKASAN\s+)?LAPORAN\s+(?:HASIL|PELAKSANAAN|KEGIATAN)|REKAPITULASI"
                            r"|BERITA\s+ACARA\s+(?:PEMERIKSAAN|KLARIFIKASI|PERMINTAAN\s+KETERANGAN))\b", re.M)
# a court's decision, its title set in spaced capitals: "P U T U S A N", "PENETAPAN"
_JUDGMENT = re.compile(r"^[ \t]*(?:(?:RINGKASAN[ \t]+)?P[ \t]*U[ \t]*T[ \t]*U[ \t]*S[ \t]*A[ \t]*N"
                       r"|P[ \t]*E[ \t]*N[ \t]*E[ \t]*T[ \t]*A[ \t]*P[ \t]*A[ \t]*N)[ \t]*$", re.M)
_ETHICS_COUNCIL = "Dewan Kehormatan Penyelenggara Pemilu"
# an agreement between bodies, signed by the office holder who acts for each party: "NOTA KESEPAKATAN ANTARA ..." /
# "1. Penjabat Wali Kota Padangsidimpuan, dalam hal ini bertindak untuk dan atas nama ..., selanjutnya disebut PIHAK
# PERTAMA;"
_AGREEMENT = re.compile(r"^[ \t]*(?:NOTA[ \t]+KESEPAKATAN|NOTA[ \t]+KESEPAHAMAN|KESEPAKATAN[ \t]+BERSAMA|PERJANJIAN[ \t]+KERJA[ \t]+SAMA"
                        r"|MEMORANDUM[ \t]+OF[ \t]+UNDERSTANDING)\b", re.M)
_PARTY = re.compile(r"\bselanjutnya\s+disebut\s+(?:sebagai\s+)?PIHAK\s+(?:PERTAMA|KEDUA|KETIGA)\b", re.I)


def _parties(text: str, offices: list[Office]) -> list[Office]:
    """The office named first in each party's clause, before its "selanjutnya disebut PIHAK ...", a person's."""
    out, start = [], 0
    for m in _PARTY.finditer(text):
        start = max(start, text.rfind("\n", 0, m.start()) + 1)  # (the party's own item, not the place named before it)
        clause = [o for o in offices if start <= o.start < m.start() and o.person and m.start() - o.start < 400]
        out.extend(clause[:1])
        start = m.end()
    return out


_APPROVED_BY = re.compile(r"^[ \t]*(?:Disahkan|Ditetapkan|Disetujui)[ \t]+oleh[ \t]*:?[ \t]*", re.M | re.I)
_STATEMENT = re.compile(r"^[ \t]*(?i:surat[ \t]+pernyataan)\b", re.M)  # one official's statement about his own case
_DKPP_CASE = re.compile(r"-PKE-DKPP\b|^[ \t]*DKPP\b|^[ \t]*DEWAN KEHORMATAN PENYELENGGARA PEMILU", re.M)  # (its own, not one naming it)
# the court that decides, in the judgment's opening: "Pengadilan Negeri Gorontalo yang mengadili perkara pidana"
_COURT = re.compile(r"\b(?P<court>(?i:pengadilan[ \t]+(?:negeri|tinggi(?:[ \t]+agama)?|agama|tata[ \t]+usaha[ \t]+negara"
                    r"|militer)))(?P<seat>(?:[ \t]+[A-Z][A-Za-z-]+){1,3}?)[ \t]+(?i:yang[ \t]+)?(?i:mengadili|memeriksa)\b")


def _courts(text: str) -> list[Office]:
    """The court whose judgment the text is, as its opening names it."""
    m = _COURT.search(text)
    if not m:
        return []
    court = " ".join(w.capitalize() for w in m.group("court").split())
    seat = " ".join(w if w.isupper() and len(w) <= 3 else w.capitalize() for w in m.group("seat").split())
    return [Office(f"{court} {seat}", m.start(), m.end("seat"), None, False, court)]


def _head(body: Office) -> Office:
    return replace(body, name=NATIONAL_HEADS[body.name], title=NATIONAL_HEADS[body.name])


def _chair(body: Office) -> Office:
    if body.national and body.name in NATIONAL_HEADS:  # (KASN's and Bawaslu RI's chairs, as the table names them)
        return _head(body)
    return replace(body, name="Ketua " + body.name, title="Ketua " + body.title)


def _press_release(text: str, offices: list[Office]) -> list[Office]:
    """Who speaks in a press release: the agency of its letterhead, above "SIARAN PERS", else the one that
    closes it on a line of its own ("Biro Hubungan Masyarakat ... / Badan Kepegawaian Negara")."""
    m = PRESS_RELEASE.search(text, 0, 900)
    above = [o for o in offices if o.end <= m.start()]
    if above:
        return above[:1]
    closing = [o for o in offices if o.start >= len(text) - 300 and _begins_line(text, o) and _ends_line(text, o, ".")]
    return closing[-1:]


def _heading_offices(text: str, offices: list[Office]) -> list[Office]:
    """The offices the instrument's title names ("SURAT EDARAN BERSAMA SEKRETARIS DAERAH KABUPATEN BEKASI DAN
    KETUA BADAN PENGAWAS PEMILIHAN UMUM KABUPATEN BEKASI / Nomor ..."), else those of its letterhead."""
    head_end = min(len(text), 700)
    title = _TITLED.search(text, 0, head_end)
    if title:
        end = _TITLE_END.search(text, title.end(), head_end)
        named = [o for o in offices if o.person and title.end() <= o.start and o.end <= (end.start() if end else -1)]
        if named:
            return named
    m = _HEADING_END.search(text, 0, head_end)
    if m:
        head_end = m.start()
    return [o for o in offices if o.end <= head_end]


# an instrument's title in its heading, in capitals, and where the offices it names end
_TITLED = re.compile(r"\b(?:SURAT\s+EDARAN(?:\s+BERSAMA)?|INSTRUKSI|KEPUTUSAN(?:\s+BERSAMA)?|PERATURAN|MAKLUMAT)\b")
_TITLE_END = re.compile(r"\b(?:NOMOR|Nomor|TENTANG)\b")


# a pact's form: "Jabatan : Kepala Dinas Kesehatan Daerah" / "Instansi : Pemerintah Kabupaten Minahasa Selatan"
_FORM = re.compile(r"^[ \t]*Jabatan[ \t]*:?[ \t]*[-:]?[ \t]*(?P<title>\S[^\n]{2,90}?)[ \t]*\n(?:[ \t]*\n)*"
                   r"[ \t]*(?:Instansi|Unit[ \t]+Kerja|Satuan[ \t]+Kerja)[ \t]*:?[ \t]*(?P<where>\S[^\n]{2,90})$", re.M | re.I)
_SMALL = {"dan", "atau", "di", "pada"}


_OWN_UNIT = re.compile(r"\b(?:Kecamatan|Kelurahan|Desa|Nagari|Kabupaten|Kota|Provinsi)\s+[A-Z][a-z]")  # (with its name)


def _pledger(text: str) -> list[Office]:
    """Who makes a pact ("Saya yang bertanda tangan di bawah ini"): the office its form names, in the
    region of its agency."""
    m = _FORM.search(text)
    regions = [r for x in scan(m.group("where")) for r in x.resolved()][:1] if m else []
    if not regions:
        return []
    title = " ".join(w if w.lower() in _SMALL and i else w[:1].upper() + w[1:].lower() if w.isupper() else w
                     for i, w in enumerate(m.group("title").rstrip(" ,;").split()))
    region = regions[0]
    # the office as the parser writes it, when it knows it ("Penjabat Wali Kota Jayapura selaku PPK" ->
    # "Pj Wali Kota Jayapura"; "Kepala Dinas Kesehatan" + the agency's region)
    for words in (title, f"{title} {region.name}"):
        known = [o for o in find_offices(words) if o.region is not None and o.person]
        if known:
            return [replace(known[0], start=m.start("title"), end=m.end("where"))]
    # (a Camat, a Lurah, a village head: named after the kecamatan, ward or village, not the regency; _local_head)
    # (nor an office named after its own unit: "Kepala Seksi Pemerintahan Kecamatan Gunung Talang")
    name = title if _LOCAL_TITLE.match(title) or _OWN_UNIT.search(title) else f"{title} {region.name}"
    return [Office(name, m.start("title"), m.end("where"), region, False, title)]


def _acting_of(signer: Office, office: Office) -> bool:
    """Whether `signer` is the acting holder of `office` (Pj/Plt/Plh Bupati X of Bupati X)."""
    return signer.region == office.region and substantive(signer.name) == office.name


_BEFORE_TITLE = re.compile(r"[ \t]*(?:(?:a\.?[ \t]?n\.?|u\.?[ \t]?b\.?|atas[ \t]+nama)[ \t]+)?", re.I)


def _line_after(text: str, pos: int) -> str:
    end = text.find("\n", pos)
    return text[pos:end if end >= 0 else None]


def _begins_line(text: str, office: Office) -> bool:
    """Whether the office opens its line, as a title does (after an "a.n." at most)."""
    return _BEFORE_TITLE.fullmatch(text[text.rfind("\n", 0, office.start) + 1:office.start]) is not None


def _ends_line(text: str, office: Office, also: str = "") -> bool:
    """Whether nothing but a comma (or the marks in `also`) follows the office on its line."""
    return not _line_after(text, office.end).strip(" \t," + also)


def _signature_offices(text: str, offices: list[Office]) -> list[Office]:
    """The office over the signature: in the last lines before the copy list
    (Tembusan), the one that ends its line with a comma ("BUPATI BANTUL,"),
    else the last office held by a person."""
    # (the last copy list, wherever it stands: an attachment, a LAMPIRAN's table, may follow it)
    end = _signature_end(text)
    tail = [o for o in offices if end - 600 <= o.start and o.end <= end and o.person]
    signed = [o for o in tail if re.match(r"\s*,\s*$", _line_after(text, o.end))]
    # (else an office that begins or ends its line, as a signature's title does: not one a sentence names,
    # "... dengan tembusan kepada Badan Kepegawaian Negara paling lambat ...")
    alone = [o for o in tail if _begins_line(text, o) or _ends_line(text, o)]
    # a body over its chair's title ("KOMISI I DPRD KOTA TARAKAN / Ketua,"): the chair
    chaired = [_chair(o) for o in offices if end - 600 <= o.start and o.end <= end and not o.person
               and _begins_line(text, o) and _CHAIR_BELOW.match(text, o.end)]
    held = signed or alone
    if chaired and (not held or chaired[-1].start > held[-1].start):
        return chaired[-1:]
    return held[-1:]


def _signing_body(text: str, offices: list[Office]) -> list[Office]:
    """A body on a line of its own over the signature ("BAWASLU KABUPATEN BANGKA TENGAH", its "Ketua," lost)."""
    end = _signature_end(text)
    return [o for o in offices if end - 300 <= o.start and o.end <= end and not o.person
            and _begins_line(text, o) and _ends_line(text, o)][-1:]


_CHAIR_BELOW = re.compile(r"[ \t]*,?[ \t]*\n(?:[ \t]*\n)?[ \t]*(?:Ketua|KETUA)[ \t]*,?[ \t]*$", re.M)


def _issuing_subjects(text: str, offices: list[Office]) -> list[Office]:
    out: list[Office] = []
    segs = segments(text)
    for i, seg in enumerate(segs):
        if not _INSTRUMENT.search(seg.text):
            continue
        for verb in _VERB.finditer(seg.text):
            vstart = seg.start + verb.start()
            if _NOT_YET.search(text[max(seg.start, vstart - 40):vstart]):
                continue
            if _FORBIDDING.search(seg.text, 0, verb.start()):
                continue  # "... mengatakan, ASN dilarang ... membuat keputusan yang menguntungkan": the act forbidden
            in_sentence = [o for o in offices if seg.start <= o.start and o.end <= seg.end]
            if verb.group("passive"):
                # the agent follows the verb at once: "ditandatangani (oleh) Sekda ..."
                vend = seg.start + verb.end()
                chosen = [o for o in in_sentence if 0 <= o.start - vend <= _AGENT_GAP][:1]
            else:
                chosen = [o for o in in_sentence if o.end <= vstart][-1:]
            if not chosen and not out and i > 0 and _BACK_REFERENCE.match(seg.text):
                # (once an instrument's issuer is known, "Surat edaran itu ditandatangani ..." is that instrument)
                prev = segs[i - 1]
                chosen = [o for o in offices if prev.start <= o.start and o.end <= prev.end][:1]
            out.extend(chosen)
        if _HOPED.search(seg.text):
            continue
        out.extend(_circulars_of_offices(text, seg, offices))
    if not out:
        # a summary that names only the circular it follows ("Sesuai Surat Edaran Plt. Gubernur Maluku Utara Nomor
        # ...", a "DASAR:" line): that circular is the one it describes; a report naming who issued is read above
        for seg in segs:
            if _INSTRUMENT.search(seg.text) and not _FUTURE.search(seg.text):
                out.extend(_circulars_of_offices(text, seg, offices))
    return out


def _circulars_of_offices(text: str, seg, offices: list[Office]) -> list[Office]:
    """The regional offices whose instrument the sentence names ("Surat Edaran Pj Wali Kota Bogor Nomor ...")."""
    out = []
    for inst in _INSTRUMENT.finditer(seg.text):
        after = seg.start + inst.end()
        named = [o for o in offices if o.region and seg.start <= o.start and o.end <= seg.end
                 and 0 <= o.start - after <= 2
                 and _OF_OFFICE.search(text[max(0, o.start - 20):o.start])]
        # (an election supervisor's letter is signed by its chair: "Surat Imbauan Bawaslu Kota Bengkulu Nomor ...")
        out.extend(_chair(o) if o.title == "Bawaslu" else o for o in named[:1])
    return out


_LOCAL_TITLE = re.compile(r"(?i:camat|lurah|kepala[ \t]+desa|kepala[ \t]+kampung|kepala[ \t]+distrik|wali[ \t]+nagari"
                          r"|keuchik|geuchik|perbekel)[ \t]+\S")
# the signature line of the head of a sub-district, a ward or a village ("CAMAT PUJUT,", "WALI NAGARI PARIANGAN,",
# "KEPALA DESA SUKAMAJU,"): neither the kecamatan nor the village is a region of the gazetteer
_LOCAL_HEAD = re.compile(r"^[ \t]*(?:(?i:a\.?[ \t]?n\.?)[ \t]+)?(?:(?P<acting>(?i:pj|plt|plh))\.?[ \t]+)?"
                         r"(?P<title>(?i:camat|lurah|kepala[ \t]+desa|kepala[ \t]+kampung|kepala[ \t]+distrik|wali[ \t]+nagari"
                         r"|keuchik|geuchik|perbekel))[ \t]+"
                         r"(?P<name>[A-Z][A-Za-z]+(?:[ \t]+[A-Z][A-Za-z]+){0,2})[ \t]*,?[ \t]*$", re.M)


def _local_head(text: str, heading: list[Office]) -> list[Office]:
    """The Camat, Lurah or village head who signs a letter under his regency's letterhead ("PEMERINTAH KABUPATEN
    LOMBOK TENGAH / KECAMATAN PUJUT" ... "CAMAT PUJUT,"), in that regency."""
    government = next((o for o in heading if o.region is not None and not o.person), None)
    end = _signature_end(text)
    m = next(reversed(list(_LOCAL_HEAD.finditer(text, max(0, end - 600), end))), None)
    if government is None or m is None:
        return []
    title = " ".join(w.capitalize() for w in m.group("title").split())
    title = (m.group("acting").capitalize() + " " if m.group("acting") else "") + title
    name = " ".join(w.capitalize() for w in m.group("name").split())
    return [Office(f"{title} {name}", m.start("name"), m.end("name"), government.region, False, title)]


# a unit of a government: over the signature as its head's title without the region ("KEPALA DINAS PENDIDIKAN /
# ATEN CIAMIS,", its region garbled), or in the letterhead under the government ("PEMERINTAH KABUPATEN SUMEDANG /
# SEKRETARIAT DAERAH", a letter whose signature OCR lost); its words in capitals, or capitalised
# (a name broken after its "dan" goes on on the next line: "Kepala Dinas Pendidikan dan / Kebudayaan")
_UNIT_WORDS = (r"(?:(?:[ \t]+|(?<=[ \t]dan)[ \t]*\n[ \t]*(?=[A-Z][a-z])|(?<=[ \t]DAN)[ \t]*\n[ \t]*(?=[A-Z]{3}))"
               r"(?:dan|DAN|[A-Z]{3,}|[A-Z][a-z]{2,}))+")
_HEAD_LINE = re.compile(r"^[ \t]*(?:(?i:a\.?[ \t]?n\.?)[ \t]+)?(?P<acting>(?i:pj|plt|plh)\.?[ \t]+)?"
                        rf"(?P<title>(?i:kepala)[ \t]+(?i:dinas|badan){_UNIT_WORDS}|(?i:inspektur)(?:[ \t]+(?i:daerah))?)"
                        r"[ \t]*,?[ \t]*$", re.M)
_UNIT_LINE = re.compile(r"(?:[ \t]*\n)*[ \t]*(?P<unit>SEKRETARIAT[ \t]+DAERAH|INSPEKTORAT(?:[ \t]+DAERAH)?"
                        rf"|(?:DINAS|BADAN){_UNIT_WORDS})\b")


def _unit_head(text: str, heading: list[Office]) -> list[Office]:
    """The head of a unit of the letterhead's government who signs for it: "Kepala Dinas Pendidikan Kabupaten
    Ciamis" from a signature without its region, else "Sekretaris Daerah Kabupaten Sumedang" from the letterhead."""
    government = next((o for o in heading if o.region is not None and o.title == "Pemerintah"), None)
    if government is None:
        return []
    end = _signature_end(text)
    m = next(reversed(list(_HEAD_LINE.finditer(text, max(0, end - 600), end))), None)
    if m:
        words, where = (m.group("acting") or "") + m.group("title"), (m.start("title"), m.end("title"))
    else:
        m = _UNIT_LINE.match(text, government.end)
        if m is None:
            return []
        unit = " ".join(m.group("unit").split()).lower()
        words = ("Sekretaris Daerah" if unit.startswith("sekretariat") else "Inspektur" if unit.startswith("inspektorat")
                 else "Kepala " + unit)
        where = (m.start("unit"), m.end("unit"))
    words = re.sub(r"\s+dan$", "", " ".join(w if w.lower() == "dan" else w.capitalize() for w in words.split()), flags=re.I)
    known = [o for o in find_offices(f"{words} {government.region.name}") if o.region == government.region and o.person]
    return [replace(known[0], start=where[0], end=where[1])] if known else []


# a school's head who signs "Kepala Sekolah," under its letterhead ("SMA NEGERI 3 MALUKU TENGGARA")
_SCHOOL = re.compile(r"^[ \t]*(?:UPTD[ \t]+|UPT[ \t]+)?(?P<school>(?:SMA|SMK|SMP|SD|MA|MTs|MI|SLB|SMAN|SMKN|SMPN|SDN)"
                     r"(?:[ \t]+(?i:negeri))?[ \t]+\d{1,3}(?:[ \t]+[A-Z][A-Za-z.]*){1,4})[ \t]*$", re.M)
_SCHOOL_HEAD = re.compile(r"^[ \t]*(?:(?i:a\.?[ \t]?n\.?)[ \t]+)?(?:Plt\.?[ \t]+|Plh\.?[ \t]+)?(?i:kepala[ \t]+(?:sekolah|"
                          r"(?:SMA|SMK|SMP|SD|MA|MTs|SLB)[ \t]+negeri[ \t]+\d{1,3}[^\n,]{0,50}))[ \t]*,?[ \t]*$", re.M)


def _school_head(text: str, heading: list[Office]) -> list[Office]:
    """The head of the school of the letterhead, in the region of its government (whose ASN its teachers are)."""
    end = _signature_end(text)
    m = _SCHOOL.search(text, 0, 700)
    head = next(reversed(list(_SCHOOL_HEAD.finditer(text, max(0, end - 600), end))), None)
    if m is None or head is None:
        return []
    name = " ".join(w if w.isdigit() or (w.isupper() and len(w) <= 4 and w not in ("NEGERI",)) else w.capitalize()
                    for w in m.group("school").split())
    region = next((o.region for o in heading if o.region is not None and not o.person), None)
    return [Office(f"Kepala {name}", head.start(), head.end(), region, False, "Kepala Sekolah")]


def _signature_end(text: str) -> int:
    """Where the signature block ends: at the last copy list (Tembusan), else at the end; not at a field of a Nota
    Dinas's heading ("Dari : Kepala ..." / "Tembusan : Sekretaris Daerah" / "Tanggal : ...")."""
    m = next((m for m in reversed(list(_TEMBUSAN.finditer(text))) if not _among_fields(text, m.start())), None)
    return m.start() if m else len(text)


_HEADING_FIELD = re.compile(r"[ \t]*(?:Kepada|Dari|Tanggal|Nomor|Sifat|Lampiran|Hal|Perihal)[ \t]*:", re.I)


def _among_fields(text: str, pos: int) -> bool:
    """Whether the line at `pos` stands among a heading's fields: one of the two lines before it, or the line after
    it, is one ("Dari : Kepala Badan ... / Manusia / Tembusan : ... / Tanggal : ...")."""
    start = pos  # (the start of the line two lines above: no need to split all the text before)
    for _ in range(3):
        start = text.rfind("\n", 0, start)
        if start < 0:
            break
    before = text[start + 1:pos].split("\n")[-3:-1]
    nxt = text.find("\n", pos)
    return any(_HEADING_FIELD.match(line) for line in before) or (nxt >= 0 and bool(_HEADING_FIELD.match(text, nxt + 1)))


def _unique(offices: list[Office]) -> list[Office]:
    seen: dict[str, Office] = {}
    for o in offices:
        seen.setdefault(o.name, o)
    return list(seen.values())


def _prefer_signers(offices: list[Office]) -> list[Office]:
    """Drop `Pemerintah X` when an office holder of the same region issues."""
    signer_regions = {o.region for o in offices if o.person and o.region}
    return [o for o in offices if o.person or o.region not in signer_regions]
