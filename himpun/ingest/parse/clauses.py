"""Clause records from the segments of a page.

A segment becomes
- one `prohibition` per act it forbids (see acts.py) when it names at least one prohibited act (a taxonomy
  category) and either forbids it (a cue such as `dilarang`, `tidak boleh`),
  belongs to a list whose lead-in forbids ("ASN dilarang:"), goes on from a
  sentence that forbids ("... dianggap pelanggaran. Beberapa contohnya
  adalah ..."), or ties a sanction to it ("pendekatan kepada partai politik ... hukuman disiplin
  sedang");
- a `sanction` when it names a sanction and no prohibited act;
- an `obligation` when it requires neutrality, integrity or discipline.
Other sentences (reporting, background, what is allowed) yield no record.
A `Sanksi: ...` line that follows a prohibition in a violation table is also
attached to that prohibition.
"""
from __future__ import annotations

import re

from himpun.ingest.parse import rules
from himpun.ingest.parse.acts import split_acts
from himpun.ingest.parse.lexicon import normalise
from himpun.ingest.parse.segment import ListState, Segment, segments, strip_marker
from himpun.records import Clause, Sanction, clause_id_for

_BACK_REACH = 4  # sentences a back-reference ("perbuatan itu") reaches
_SANCTION_LABEL = re.compile(r"^(?:(?:jenis|bentuk)\s+)?(?:ancaman\s+)?(?:sanksi|hukuman)(?:\s+disiplin)?\s*:", re.I)


def page_clauses(text: str, page: int, sha256: str, first_seq: int, lists: ListState | None = None) -> list[Clause]:
    """Clause records of one page; ids continue from `first_seq`; `lists`
    carries open lists over from the page before."""
    out: list[Clause] = []
    previous: tuple[Segment, Clause] | None = None
    prohibiting = False  # whether the sentence before forbids (for "Misalnya ...", "Serta ...")
    verdict = -1  # the line of the sentence before when it is a bare "Tidak boleh." (an answer, its reason after it)
    asked: Segment | None = None  # the sentence before when it asks whether an act is allowed ("Bolehkah ASN ...?")
    run_in = -1  # the line of a list run into its sentence ("Pegawai ASN dilarang: a; b; serta c."), while it goes on
    described: list[Segment] = []  # acts named just before, not (yet) forbidden
    listed: dict[int, list[Clause]] = {}  # the prohibitions of each list, by its lead-in
    other_matters = False  # under a heading of violations that are not of neutrality ("B. ... (BUKAN NETRALITAS)")
    between: list[Segment] = []  # the segments since the last act described (a table row's other cells)
    before_text = described_before = ""  # the segment before this one, and before the last act described
    row_sanctions: list = []  # the sanctions of the last table row read cell by cell
    page_lines = text.split("\n")  # (a count's cell, "12", is too short to be a segment)
    quoted_line = -1  # the line of a quoted claim, which rules nothing
    for seg in segments(text, lists):
        if seg.line == quoted_line:
            continue
        if _QUOTED_CLAIM.search(seg.text):
            nxt = next((i for i in range(seg.line + 1, len(page_lines)) if page_lines[i].strip()), -1)
            if nxt >= 0 and page_lines[nxt].lstrip()[:1] in "\"'\u201c\u2018":
                quoted_line = nxt
        if seg.heading and (_NOT_NEUTRALITY.search(seg.text) or len(seg.text.split()) >= 2 or "NETRALITAS" in seg.text) \
                or (seg.lead_in and _EXPLICIT_BAN.search(normalise(seg.text))):
            # (a section heading, not a table's cell in capitals: "PNS", "PPPK")
            other_matters = bool(seg.heading and _NOT_NEUTRALITY.search(seg.text))
        if other_matters and not rules.prohibits(normalise(seg.text)):
            continue  # (an explicit ban still states an election rule)
        if seg.lead_in or seg.heading:
            prohibiting = False
            described = []
            row_sanctions = []
            if seg.lead_in and _IMPOSES.search(seg.text):
                # "Pegawai ASN yang melanggar dijatuhi hukuman disiplin sesuai PP 94/2021, yaitu:" states a sanction
                # before it lists its forms
                out += [c for c in classify(seg, page) if c.kind == "sanction"]
            continue
        norm = normalise(seg.text)
        if previous and previous[1][0].kind == "sanction" and _NO_LONGER.match(norm) and seg.line - previous[0].line <= 1:
            # "... misalnya penundaan kenaikan gaji berkala. Jenis hukuman itu kini tidak dikenal lagi.": the sanctions
            # of a rule that no longer holds are no sanctions
            out = [c for c in out if all(c is not f for f in previous[1])]
            previous = None
            continue
        if asked is not None and _NO_ANSWER.match(norm):
            # "Bolehkah ASN menghadiri deklarasi ...? Tidak boleh, meskipun hadir tanpa atribut.": the act asked about
            # is forbidden (a question otherwise rules nothing)
            out += _asked_acts(asked, page)
        asked = seg if _MAY_I.search(norm) else None
        # (after a bare verdict, "Jawab: Tidak boleh." / "Tetap tidak diperbolehkan.", the next sentence says what
        # it forbids: "Membuat status ... yang mempromosikan pasangan calon ... termasuk kampanye di media sosial")
        inherited = prohibiting and (rules.continues(norm) or (verdict == seg.line and not rules.prohibits(norm)
                                                              and not _ALLOWED_AFTER.search(norm)))
        # (the items of a list run into one paragraph after its lead-in's colon, "Pegawai ASN dilarang: melakukan
        # pendekatan ...; mencalonkan diri ...; ikut kampanye; ... serta memberikan tanda suka ...", are each forbidden)
        inherited = inherited or run_in == seg.line
        if run_in == seg.line and not seg.text.rstrip().endswith(";"):
            run_in = -1
        elif _RUN_IN.search(seg.text) and rules.prohibits(normalise(seg.text.rsplit(":", 1)[0])):
            run_in = seg.line
        verdict = seg.line if _is_verdict(norm) else -1
        prohibiting = inherited or rules.prohibits(norm)
        found = [] if _points_elsewhere(text, seg) else classify(seg, page, inherited)
        if (found and found[0].kind == "sanction" and described and seg.line - described[-1].line <= 6
                and all(_CELL_BETWEEN.match(b.text.strip()) for b in between)
                and all(not line.strip() or _CELL_BETWEEN.match(line.strip())
                        for line in page_lines[described[-1].line + 1:seg.line])
                and _BARE_SANCTION.match(norm) and not seg.text.rstrip().endswith(_SENTENCE_MARKS)
                and not described[-1].text.rstrip().endswith(_SENTENCE_MARKS)
                and not _COUNT_CELL.search(described[-1].text) and not _OTHERS_ROW.match(described_before)):
            # a table's row read cell by cell: the violation ("Menjadi anggota partai politik (tercatat dalam Sipol)"),
            # then the sanction imposed for it ("Pemberhentian tidak dengan hormat"); cells, not sentences
            row = [c for c in classify(described[-1], page, inherited=True) if c.kind == "prohibition"]
            for clause in row:
                _attach(clause, found[0].sanctions)
            # (a numbered row above it without a sanction cell of its own shares the one of the row above it, a
            # merged cell: "5 Ikut serta dalam kampanye" / "Pemotongan TPP ..." / "6 Memasang spanduk ..." / "7 ...")
            for before in described[-2:-1]:
                if row_sanctions and _consecutive_rows(before.text, described[-1].text):
                    shared = [c for c in classify(before, page, inherited=True) if c.kind == "prohibition"]
                    for clause in shared:
                        _attach(clause, row_sanctions)
                    out += shared
            row_sanctions = found[0].sanctions
            out += row
            described = []
        if rules.refers_back(norm) and not rules.categories(norm):
            # "seluruh perbuatan itu merupakan pelanggaran": the acts described before are forbidden
            for before in described:
                out = [c for c in out if c.start != before.start]  # an obligation read before
                out += classify(before, page, inherited=True)
            described = []
        if not found or found[0].kind == "obligation":
            if rules.categories(norm):
                described_before = before_text
                described = (described + [seg])[-_BACK_REACH:]
                between = []
            else:
                between.append(seg)
        else:
            described = []
        before_text = norm
        if not found:
            previous = None
            continue
        if (found[0].kind == "sanction" and previous and previous[1][0].kind == "prohibition"
                and _SANCTION_LABEL.match(seg.text) and seg.line - previous[0].line <= 2):
            # "Sanksi: ..." after the items of one list (a violation table's row) is the sanction of them all
            context = previous[0].context
            for clause in listed.get(id(context), []) if context is not None else previous[1]:
                _attach(clause, found[0].sanctions)
        for clause in found:
            clause.marker = seg.marker
            out.append(clause)
        if seg.context is not None and found[0].kind == "prohibition":
            listed.setdefault(id(seg.context), []).extend(found)
        previous = (seg, found)
    out.sort(key=lambda c: c.start)
    for i, clause in enumerate(out):
        clause.id = clause_id_for(sha256, first_seq + i)
    return out


# a sentence that says the sanctions before it no longer hold ("Jenis hukuman itu kini tidak dikenal lagi", "Sanksi
# tersebut sudah dicabut"): not one that limits them ("Ketentuan ini tidak berlaku bagi PPPK") or supposes ("Jika ...")
_NO_LONGER = re.compile(r"^(?!(?:jika|apabila|bila|kalau|bilamana|seandainya)\b)(?:\S+ ){0,3}?(?:hukuman|sanksi|ketentuan|aturan)"
                        r"(?: \S+){0,2}? (?:itu|ini|tersebut) (?:(?:(?:kini|sekarang|saat ini|sudah|telah) )+tidak (?:lagi )?"
                        r"(?:dikenal|berlaku|digunakan|dipakai|diterapkan)|tidak (?:dikenal|berlaku|digunakan|dipakai|diterapkan) "
                        r"lagi|(?:sudah |telah )(?:dicabut|dihapus))\b(?! (?:bagi|untuk|terhadap)\b)")
# a table cell that is a sanction and nothing else, its form first: "Penurunan jabatan setingkat lebih rendah selama
# 12 bulan", "Pemberhentian tidak dengan hormat", "Teguran tertulis; sanksi moral ..."
_BARE_SANCTION = re.compile(r"^(?:hukuman disiplin \S+ berupa |sanksi (?:berupa )?)?(?:teguran|pernyataan tidak puas|penundaan"
                            r"|penurunan|pembebasan|pemberhentian|diberhentikan|pemotongan|pemecatan|dipecat|ptdh"
                            r"|hukuman disiplin|sanksi moral)\b(?!.*[?])")
# what may stand between a row's act and its sanction: its severity or the offender's status
_CELL_BETWEEN = re.compile(r"(?i)^(?:(?:hd\s+|hukdis\s+)?(?:ringan|sedang|berat)|pns|pppk|p3k|asn|non[- ]?asn|honorer)$")
_COUNT_CELL = re.compile(r"\s\d{1,4}$")  # a count in the act's row: a table of numbers, not of cases
# a row of someone who is no civil servant ("Kepala Desa" / "Menghadiri kampanye ..." / "Teguran tertulis")
_OTHERS_ROW = re.compile(r"^(?:\d{1,3}\s+)?(?:pj\.?\s+|plt\.?\s+)?(?:kepala desa|kades|sekretaris desa|sekdes|perangkat desa"
                         r"|wali nagari|wali jorong|perangkat nagari|kepala kampung|keuchik|geuchik|perbekel|anggota bpd"
                         r"|kepala dusun|ketua rt|ketua rw|tni|polri|anggota tni|anggota polri)\b")
_SENTENCE_MARKS = (".", "!", "?")
# a claim a fact-check denies: "... yang menyebut sanksinya 'cuma teguran lisan' juga tidak benar"
_DENIED_CLAIM = re.compile(r"\b(?:yang|pesan|klaim|unggahan|informasi)\s+(?:\S+\s+){0,2}?(?:menyebut(?:kan)?|mengklaim|menyatakan"
                           r"|mengatakan)\b[^.;]{0,120}?\b(?:juga\s+)?(?:adalah\s+)?(?:tidak benar|keliru|hoaks|hoax|salah(?! satu)"
                           r"|menyesatkan)\b")
# the words of a message a report quotes to check it ("Berikut kutipan pesan tersebut:" / "\"INFO TERBARU ...\"")
_QUOTED_CLAIM = re.compile(r"\b(?:kutipan|isi|bunyi)\s+(?:lengkap\s+)?(?:pesan|unggahan|klaim|narasi)\b[^:\n]{0,40}:\s*$", re.I)
_ROW_NUMBER = re.compile(r"^\s*(\d{1,3})\s+[A-Z]")  # a table row's number cell before its act: "6 Memasang spanduk ..."
# a heading of violations that are not of neutrality: "B. PELANGGARAN DISIPLIN LAINNYA (BUKAN NETRALITAS)"
_NOT_NEUTRALITY = re.compile(r"\b(?:BUKAN|SELAIN|DI LUAR)\s+(?:PELANGGARAN\s+)?NETRALITAS\b"
                             r"|\bTIDAK BERKAITAN DENGAN NETRALITAS\b", re.I)
# a definition of neutrality: "Netralitas Pegawai ASN adalah keadaan ..."
_DEFINITION = re.compile(r"^(?:[a-z0-9]{1,2}[.)]\s+)?(?:yang dimaksud dengan\s+|pengertian\s+)?(?:asas\s+)?netralitas\b[^.;]{0,40}?"
                         r"\b(?:adalah|yaitu|ialah|berarti|merupakan)\b")
_EXPLICIT_BAN = re.compile(r"\b(?:dilarang|larangan|tidak boleh|tidak diperbolehkan|tidak diperkenankan|jangan)\b")
# a sentence that states the condition of what the one before allows
_STATED_CONDITION = re.compile(r"^(?:syarat ?nya|syaratnya adalah|dengan syarat|dengan catatan|asalkan|catatannya)\b")
_IMPOSES = re.compile(r"\b(?:dijatuhi|dijatuhkan|dikenai|dikenakan|diberi|diberikan|diancam)\b", re.I)


def _consecutive_rows(first: str, second: str) -> bool:
    """Whether two table rows are numbered one after the other ("6 ..." / "7 ...")."""
    a, b = _ROW_NUMBER.match(first), _ROW_NUMBER.match(second)
    return bool(a and b and int(a.group(1)) + 1 == int(b.group(1)))


_VERDICT = re.compile(r"^(?:jawab(?:an)?\s*:?\s*)?(?:tetap\s+|jelas\s+|sama sekali\s+)?(?:tidak|tak|jangan|dilarang)"
                      r"(?:\s+(?:boleh|diperbolehkan|diperkenankan|dibenarkan|diizinkan|dibolehkan|bisa))?\s*[.!]?$")


# (what follows a "no" may be the exception: "Tapi menyukai postingan KPU tidak masalah.")
_ALLOWED_AFTER = re.compile(r"^(?:tapi|tetapi|namun|akan tetapi|kecuali|sedangkan)\b|\b(?:boleh|diperbolehkan|dibolehkan|"
                            r"tidak masalah|tidak apa-apa|silakan)\b")


def _is_verdict(norm: str) -> bool:
    """A sentence that is only a verdict on what was asked: "Tidak boleh.", "Jawab: Tetap tidak diperbolehkan."."""
    return bool(_VERDICT.match(norm.strip()))


# what a correction says an earlier version of the text got wrong
# (not a report's recap of an earlier story: "Sebelumnya diberitakan, ...", "Pada berita sebelumnya, ...")
_MISREPORTED = re.compile(r"\b(?:(?:dalam|pada) versi sebelum ?nya|sebelum ?nya (?:tertulis|ditulis))\b")
_NEVER = re.compile(r"^\W*(?:[a-z0-9]{1,3}[.)]\s+)?(?:tidak|belum|tak)\s+pernah\b")
# the crime a regulation's title names ("Nomor 31 Tahun 1999 tentang Pemberantasan Tindak Pidana Korupsi") is no sanction
_TITLE = re.compile(r"(\b(?:nomor|no\.?)\s+\S+\s+tahun\s+\d{4}\s+tentang\s+(?:\S+\s+){0,3}?)(tindak\s+pidana|pidana)\b")
# who is sanctioned for what: "Pegawai ASN yang tidak masuk kerja tanpa alasan yang sah ... dijatuhi hukuman disiplin"
_WHO_FOR_WHAT = re.compile(r"\b(?:asn|pns|pppk|pegawai|guru|aparatur sipil negara|pelamar|peserta)\b(?:\s+(?!yang\b)\S+){0,4}?"
                           r"\s+yang\s+(?P<act>[^.;]+?)\s*,?\s+(?:akan\s+|dapat\s+|bisa\s+|langsung\s+|juga\s+)?"
                           r"(?:dijatuhi|dijatuhkan|dikenai|dikenakan|diberi|diberikan|ditegur|dipidana|diberhentikan|diancam"
                           r"|dipecat|mendapat|mendapatkan)\b")
# (the election's words, a violation, or a pointer back: "yang melanggar", "yang melakukannya", "yang bersangkutan")
_ELECTION_ACT = re.compile(rf"\b(?:{rules.ELECTION_WORDS}|melanggar|pelanggaran|berpihak|keberpihakan|larangan|ketentuan"
                           r"|hal|perbuatan|tindakan|ini|itu|tersebut|bersangkutan)\b|nya\b")


def _other_act(norm: str) -> bool:
    """A sanction for an act of another kind that the sentence names ("Guru yang terlambat lebih dari tiga kali
    dalam satu bulan akan ditegur secara tertulis"): no act of the election rules, no word of them, and no
    pointer to a violation or to what was said before."""
    m = _WHO_FOR_WHAT.search(norm)
    if m is None or rules.categories(m.group("act")) or _ELECTION_ACT.search(m.group("act")):
        return False
    # (what stands before the one sanctioned may name the violation: "Dugaan pelanggaran netralitas ASN yang
    # ditemukan ... dijatuhi sanksi")
    return not _VIOLATION_BEFORE.search(norm[max(0, m.start() - 40):m.start()])


_VIOLATION_BEFORE = re.compile(rf"\b(?:{rules.ELECTION_WORDS}|melanggar|pelanggaran|netralitas)\b")


# (not a question whether one knows a rule: "Apakah Saudara mengetahui bahwa ... dapat dijatuhi hukuman disiplin ...?"
# states the rule, as an examiner puts it)
_QUESTION = re.compile(r"(?i)\b(?:apakah(?!\s+(?:saudara|saudari|anda|sdr\.?)\s+(?:sudah\s+|telah\s+)?(?:mengetahui|tahu|memahami"
                       r"|menyadari|mengerti)\s+bahwa\b(?=[^?]*\b(?:dapat|akan|bisa|dilarang|tidak boleh|wajib|diancam"
                       r"|terancam)\b))|bolehkah|bisakah|dapatkah|haruskah|bagaimana|mengapa|kenapa|siapa|berapa|kapan|"
                       r"di\s?mana|apa)\b[^.!;:]*\?[\"'”’)\s]*$")
_RUN_IN = re.compile(r":\s+\S[^:]*;\s*$")  # "Pegawai ASN dilarang: melakukan pendekatan ...;" (its first item)
# a question whether an act is allowed, and an answer that says no
_MAY_I = re.compile(r"(?:\bboleh\s?kah\b|\b(?:apakah|apa)\b[^?]*?(?<!tidak )\b(?:boleh|diperbolehkan|dibolehkan|diperkenankan|"
                    r"diizinkan)\b)[^?]*\?[\"')\s]*$")
_NO_ANSWER = re.compile(r"^(?:jawab(?:an)?\s*:?\s*)?(?:tetap\s+|jelas\s+|sama sekali\s+)?(?:tidak|tak|dilarang)(?:\s+(?:boleh|"
                        r"diperbolehkan|diperkenankan|dibenarkan|diizinkan|dibolehkan|bisa))?\s*[.,;!]")
# what a question puts as its condition: "..., tidak pakai atribut, apakah boleh?", "hadir tanpa seragam"
_CONDITION = re.compile(r",[\s>\"']*(?:tidak|tanpa|tak)\b[^,.;?]*(?=,)")  # (">": a quoted mail's line)


def _asked_acts(asked: Segment, page: int) -> list[Clause]:
    """The prohibitions of a question answered "no": its acts, but not the conditions it puts
    ("Kalau saya datang ke kampanye ..., tidak pakai atribut, apakah boleh?" forbids the attendance)."""
    kept = set(rules.categories(_CONDITION.sub(" ", normalise(asked.text))))
    out = []
    for c in classify(asked, page, inherited=True, answered=True):
        c.categories = [k for k in c.categories if k in kept]
        if c.kind == "prohibition" and c.categories:
            out.append(c)
    return out


_PERMITTED = re.compile(r"(?<!tidak )(?<!tak )(?<!bukan )(?<!jangan )\b(?:boleh|diperbolehkan|dibolehkan|diizinkan|"
                        r"diperkenankan|silakan)\b")


def _allowed(act_norm: str) -> bool:
    """An act the sentence allows ("boleh hadir di kampanye"), with no ban of its own."""
    return bool(_PERMITTED.search(act_norm)) and not rules.prohibits(act_norm)


_ELSEWHERE = re.compile(r"\((?:hlm|hal|halaman|hlmn)\.?\s*\d{1,3}\)\W*$", re.I)


def _points_elsewhere(text: str, seg: Segment) -> bool:
    """A bulletin's pointer to a story on another page: a headline ending "(hlm. 3)", on its line or, unfinished,
    on the next ("- Lima ASN Majene Dijatuhi Teguran Tertulis Usai / Pemilu Februari (hlm. 3)")."""
    nl = text.find("\n", seg.end)
    nl = len(text) if nl < 0 else nl
    rest = text[seg.end:nl]  # the rest of its line (a sentence cut at "(hal." ends there)
    if len(rest) < 80 and _ELSEWHERE.search(seg.text + rest):
        return True
    if rest.strip() or seg.text.rstrip()[-1:] in ".;:!?\"":
        return False
    nxt = text.find("\n", nl + 1)
    after = text[nl + 1:nxt if nxt >= 0 else len(text)]  # unfinished at its line's end: the pointer may be on the next
    return len(after) < 80 and bool(_ELSEWHERE.search(after))
# (and a suspicion still under study: "ada ASN yang diduga pasang baliho ..., itu masih kami kaji")
_UNPROVEN = re.compile(r"\b(?:tidak|tak|belum)\s+(?:terbukti|didukung\s+(?:oleh\s+)?bukti|cukup\s+bukti|ditemukan\s+bukti)\b"
                       r"|\bdiduga\b.*\bmasih\s+(?:kami\s+|dalam\s+)?(?:kaji|dikaji|kajian|didalami|pendalaman|diklarifikasi|"
                       r"klarifikasi|diproses|diperiksa|pemeriksaan|ditelusuri|diselidiki|penyelidikan)\b")


def classify(seg: Segment, page: int, inherited: bool = False, answered: bool = False) -> list[Clause]:
    """The clause records of one segment: none, one, or one per prohibited
    act. `inherited`: the segment continues a sentence that forbids;
    `answered`: it is a question that the next sentence answers "no"."""
    if _QUESTION.search(seg.text) and not answered:
        return []  # "apakah mereka sama sekali tidak boleh datang ke lokasi kampanye?" asks, and rules nothing
    norm, acts = split_acts(seg.text)
    if _DENIED_CLAIM.search(norm):
        return []  # "Bagian pesan yang menyebut sanksinya 'cuma teguran lisan' juga tidak benar": a claim denied
    if _MISREPORTED.search(norm):
        return []  # "Ralat: Dalam versi sebelumnya berita ini menyebut ... dijatuhi penurunan pangkat": an error withdrawn
    if _NEVER.match(norm):
        return []  # "Tidak pernah diberhentikan ... sebagai PNS": an applicant's requirement, no rule of conduct
    if len(acts) > 1:
        # of several acts, one allowed is no prohibited act ("ASN Boleh Hadir di Kampanye, Asal Tak Pakai Atribut")
        acts = [a for a in acts if not _allowed(norm[a.norm_start:a.norm_end])] or acts
    ctx = normalise(seg.context.lead_text) if seg.context else ""
    lead = seg.context.lead_text if seg.context else ""
    default = rules.lead_in_severity(ctx) if ctx else None
    cats = rules.categories(norm)
    snorm = _TITLE.sub(lambda m: m.group(1) + " " * len(m.group(2)), norm)  # "... tentang Pemberantasan Tindak Pidana"
    sancs = rules.sanctions(snorm, default)
    if cats and (rules.for_others(ctx, norm) or _UNPROVEN.search(norm)):
        return []  # (an act found not proven is no violation, whatever list it stands in)
    if cats and sancs and rules.staff_only(norm) and all(s.type in ("contract-termination", "unspecified") for s in sancs):
        cats = []  # what non-ASN staff who campaign lose is a sanction; their campaigning is no ASN ban
    if cats and _DEFINITION.match(norm) and cats == ["partisanship-general"] and not _EXPLICIT_BAN.search(norm):
        return []  # "Netralitas Pegawai ASN adalah keadaan ... yang tidak berpihak ...": what neutrality is
    if cats and not sancs and _STATED_CONDITION.match(norm) and not _EXPLICIT_BAN.search(norm):
        return []  # "Syaratnya, di acara itu tidak ada ajakan untuk memilih": the condition of an allowed act, no ban
    if sancs and not cats and (rules.for_others(ctx, norm) or _other_act(norm)):
        return []  # what village heads or soldiers face ("Kepala desa yang melanggar dikenai teguran") is no ASN sanction
    if cats and (inherited or rules.prohibits(norm) or (ctx and rules.prohibits(ctx)) or sancs
                 or _forbidden_above(seg.context) or rules.conditional_ban(cats, norm)):
        # a sanction stated inside one act's words is that act's; a sanction
        # stated once for the sentence (before the acts or after the last) is every act's
        own = [rules.sanctions(snorm[a.norm_start:a.norm_end], default) for a in acts]
        shared = sum(bool(o) for o in own) < 2 or not own[-1]
        return [Clause(id="", kind="prohibition", text=seg.text[a.start:a.end].strip(), page=page,
                       start=seg.start + a.start + _lstrip(seg.text[a.start:a.end]),
                       end=seg.start + a.start + len(seg.text[a.start:a.end].rstrip()),
                       categories=a.categories, sanctions=list(sancs if shared else own[i]),
                       context=_join(lead, strip_marker(a.head)))
                for i, a in enumerate(acts)]
    if sancs:
        kind, cats = "sanction", []
    elif rules.obliges(norm) and not rules.prohibits(norm):
        kind = "obligation"
    else:
        return []
    return [Clause(id="", kind=kind, text=seg.text, page=page, start=seg.start, end=seg.end,
                   categories=cats, sanctions=sancs, context=lead)]


def _forbidden_above(lead: Segment | None) -> bool:
    """A lead-in that is itself an item of a forbidding list: "PNS dilarang:" / "n. memberikan dukungan kepada
    calon ... dengan cara:" / "1. ikut kampanye;" (PP 94/2021 Pasal 5)."""
    reach = 0
    while lead is not None and lead.context is not None and reach < 3:
        lead, reach = lead.context, reach + 1
        if rules.prohibits(normalise(lead.lead_text)):
            return True
    return False


def _lstrip(s: str) -> int:
    return len(s) - len(s.lstrip())


def _join(*parts: str) -> str:
    return " … ".join(p for p in parts if p)


def _attach(clause: Clause, sanctions: list[Sanction]) -> None:
    known = {s.type for s in clause.sanctions}
    clause.sanctions.extend(s for s in sanctions if s.type not in known)
