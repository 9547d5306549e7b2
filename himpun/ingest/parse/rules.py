"""Cue words that make a sentence a rule (himpun/data/cues.tsv), and the
taxonomy lexicon applied to one clause: its prohibition categories and its
sanctions with their severity."""
from __future__ import annotations

import re
from functools import lru_cache

from himpun.data import load_table
from himpun.ingest.parse.lexicon import (category_index, category_order, category_rules, sanction_index,
                                         sanction_rules)
from himpun.ingest.parse.literals import Prefilter
from himpun.records import Sanction

_SEVERITY = re.compile(r"\b(ringan|sedang|berat)\b")
_SEVERITY_WINDOW = 30
_ATTACHED = 16
CACHE_SIZE = 4096  # clauses whose lexicon results are kept


@lru_cache(maxsize=None)
def _cue(kind: str) -> tuple[re.Pattern, Prefilter]:
    table = load_table("cues.tsv")
    names = {k: rx for k, rx in table if k.startswith("@")}  # named parts ("@officials@") that rows put in
    rules = [re.sub(r"@\w+@", lambda m: names[m.group()], rx) for k, rx in table if k == kind]
    rx = "|".join(f"(?:{r})" for r in rules)
    return re.compile(rx), Prefilter.of(rx)


def _has_cue(kind: str, norm: str) -> bool:
    """Whether `norm` holds a cue of this kind."""
    return _first_cue(kind, norm) is not None


@lru_cache(maxsize=CACHE_SIZE)
def _first_cue(kind: str, norm: str) -> tuple[int, int] | None:
    """Where the first cue of this kind in `norm` starts and ends, if any. Cached: each sentence is asked
    several times over (by the clause, its acts, the list it is in)."""
    pattern, prefilter = _cue(kind)
    if not prefilter.possible(norm):
        return None
    m = next(prefilter.finditer(pattern, norm), None)
    return m.span() if m else None


def prohibits(norm: str) -> bool:
    return _has_cue("prohibition", norm)


def violates_all_above(norm: str) -> bool:
    """A sanction clause for violating the rules above, naming none ("ASN yang melanggar ketentuan di atas ...")."""
    return _has_cue("general-violation", norm)


def addressed_to_others(norm: str) -> bool:
    """A sanction clause for staff who are not ASN ("Pegawai Non ASN yang melanggar ... diputus kontraknya")."""
    return _has_cue("other-addressee", norm)


_NON_ASN_PHRASE = re.compile(r"\b(?:(?:pegawai|tenaga|karyawan|pekerja)\s+)?(?:non[\s-]?asn|non[\s-]?pns|honorer|kontrak"
                             r"|harian lepas|outsourcing|alih daya|thl|ptt|ppnpn)\b")


def staff_only(norm: str) -> bool:
    """The clause is about staff who are not ASN alone ("Bagi tenaga non-ASN ..., Perangkat Daerah melakukan
    pemutusan perjanjian kerja apabila terbukti terlibat dalam kegiatan kampanye"): no civil servant is named
    besides them."""
    return addressed_to_others(norm) and not _names_asn(_NON_ASN_PHRASE.sub(" ", norm))


@lru_cache(maxsize=CACHE_SIZE)
def prohibition_cue_end(norm: str) -> int | None:
    """Where the last words that forbid end ("ASN juga dilarang|"), if any."""
    pattern, prefilter = _cue("prohibition")
    if not prefilter.possible(norm):
        return None
    ends = [m.end() for m in prefilter.finditer(pattern, norm)]
    return ends[-1] if ends else None


_ASN_WORD = re.compile(r"\b(?:asn|pns|pppk|p3k|pegawai|aparatur sipil|aparatur negara|abdi negara|non asn|camat|lurah"
                       r"|sekda|sekretaris daerah|kepala dinas|kepala badan|kepala sekolah|guru|pejabat)\b")


def _names_asn(norm: str) -> bool:
    """Whether a civil servant is named, not only denied ("Kepala desa itu bukan ASN, tapi juga dilarang ...")."""
    return any(not norm.endswith(_DENIED, 0, m.start()) for m in _ASN_WORD.finditer(norm))


_DENIED = ("bukan ", "bukan lah ", "bukan merupakan ", "bukan termasuk ", "tidak termasuk ")


def for_others(lead: str, norm: str) -> bool:
    """The rule is addressed only to officials who are not civil servants: they are its subject, at the start of
    the sentence or of its lead-in ("Khusus kepala desa, ... larangan menjadi pengurus partai politik"), and
    no civil servant is named (a village head only moved by the ASN is no subject). A sentence's own subject
    comes before its lead-in's: "B. Kepala Desa dan Perangkat Desa agar berpedoman pada ..." under a lead-in
    for ASN is the village heads'."""
    if _has_cue("not-asn", norm) and not _names_asn(norm):
        return True
    # or they are the subject of the ban, or of the violation, inside the sentence, and no civil servant is named
    # from there on (a Camat told to remind them names them as the ones forbidden: "Camat agar mengingatkan
    # kepala desa ... bahwa kepala desa dan perangkat desa dilarang menjadi pengurus partai politik")
    # (civil servants after them are what the rule is about or who carries it out: "... dilarang mengerahkan ASN",
    # "dikenai teguran oleh Bupati melalui Camat"), unless they share the subject ("oleh kepala desa dan ASN")
    if _officials_subject(norm):
        return True
    if not lead or _ASN_WORD.search(lead):
        return False
    # the lead-in's subject is its items' ("Sesuai Undang-Undang Nomor 6 Tahun 2014 ..., perangkat nagari dilarang:")
    return (_has_cue("not-asn", lead) and _ASN_WORD.search(norm) is None) or _officials_subject(lead)


def _officials_subject(norm: str) -> bool:
    subject = _first_cue("not-asn-subject", norm)
    if subject is None or _SHARED_SUBJECT.match(norm, subject[1]):
        return False
    # before them, a civil servant may only be the one who tells them ("... bahwa"): "ASN yang melanggar dijatuhi
    # ..., sedangkan kepala desa yang melanggar ditegur" states the ASN's sanction too
    return norm.startswith("bahwa", subject[0]) or _ASN_WORD.search(norm, 0, subject[0]) is None


_SHARED_SUBJECT = re.compile(r"\s*(?:,|dan|serta|maupun|atau|beserta)\s+(?:para\s+)?" + _ASN_WORD.pattern)


def conditional_ban(cats: list[str], norm: str) -> bool:
    """A rule stated as what it requires: campaigning for a candidate spouse "wajib mengambil cuti di luar
    tanggungan negara", or allowed "setelah mengambil cuti ...", is the ban on doing it without that leave."""
    return "spouse-campaign" in cats and (_has_cue("obligation", norm) or _LEAVE_CONDITION.search(norm) is not None)


# the spouse's exception as a permission on the leave: "ia boleh mendampingi pasangannya berkampanye setelah mengambil
# cuti di luar tanggungan negara"
_LEAVE_CONDITION = re.compile(r"\b(?:boleh|diperbolehkan|dibolehkan|diizinkan|diperkenankan|dapat|bisa)\b[^.;]{0,80}?\b(?:setelah"
                              r"|jika|apabila|asalkan|asal|dengan|sepanjang|selama)\s+(?:\S+\s+){0,4}?(?:cuti di luar tanggungan negara"
                              r"|cltn)\b")


def obliges(norm: str) -> bool:
    return _has_cue("obligation", norm) and _has_cue("neutrality", norm)


def is_lead_in(norm: str) -> bool:
    return _has_cue("lead-in", norm)


def continues(norm: str) -> bool:
    """The sentence goes on with the list or examples of the one before."""
    return _has_cue("continuation", norm.lstrip("\"'( "))


def refers_back(norm: str) -> bool:
    """The sentence forbids what the sentences before it described ("seluruh
    perbuatan itu merupakan pelanggaran netralitas")."""
    return _has_cue("back-reference", norm) and prohibits(norm)


def categories(norm: str) -> list[str]:
    """Prohibition categories a clause names, in the order of the national
    list. The general ban on partisanship counts only when no specific act
    is named."""
    matches = _category_matches(norm)
    found = {slug for slug, _, _ in matches}
    if len(found) > 1:
        found.discard("partisanship-general")
    if "state-facilities" in found and _PRIVATE_USE.search(norm) and not _ELECTION.search(norm):
        found.discard("state-facilities")  # "kendaraan dinas tidak diperkenankan dibawa mudik": no election rule
    for inner, outer, part_of in _PART_OF:
        if inner in found and outer in found and _all_part_of(norm, matches, inner, outer, part_of):
            found.discard(inner)
    return [slug for slug in category_order() if slug in found]


_PRIVATE_USE = re.compile(r"\b(?:mudik|pulang kampung|berlibur|liburan|rekreasi|(?:keperluan|kepentingan|urusan) "
                          r"(?:pribadi|keluarga))\b")
ELECTION_WORDS = (r"kampanye|calon|paslon|partai|parpol|politik|pemilu|pemilihan|pilkada|pilpres|pileg|netral\w*|pemenangan"
                  r"|tim sukses|timses|dukungan")  # words that put a rule in the election
_ELECTION = re.compile(rf"\b(?:{ELECTION_WORDS})\b")


_PURPOSE_GAP = re.compile(r"[^.;]{0,40}?\b(?:untuk|agar|supaya)\b[^.;]{0,12}$")


def _inside(norm: str, inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[0] <= inner[0] < outer[1]


def _purpose(norm: str, inner: tuple[int, int], outer: tuple[int, int]) -> bool:
    return outer[1] <= inner[0] and _PURPOSE_GAP.match(norm, outer[1], inner[0]) is not None


# (inner, outer, how): a category every match of which is part of a match of `outer` is not the ASN's own act.
# Inside it: "istrinya maju sebagai calon" is the spouse's candidacy. Its purpose: "mengerahkan pegawai lain
# untuk menghadiri kampanye", the others attend; "menggunakan kendaraan dinas untuk datang ke lokasi kampanye", the car;
# "mengunggah ... konten ajakan memilih suaminya": the upload is the campaigning; a caption's "pilih nomor 1" too.
_PART_OF = (("candidacy", "spouse-campaign", _inside),
            ("campaign-participation", "mobilising-civil-servants", _purpose),
            ("declaration-attendance", "mobilising-civil-servants", _purpose),
            ("campaign-participation", "state-facilities", _purpose),
            ("social-media-engagement", "social-media-campaigning", _inside),
            ("partisan-activities", "social-media-campaigning", _inside))


def _all_part_of(norm, matches, inner: str, outer: str, part_of) -> bool:
    outers = [(start, end) for slug, start, end in matches if slug == outer]
    return all(any(part_of(norm, (start, end), o) for o in outers)
               for slug, start, end in matches if slug == inner)


def category_spans(norm: str) -> list[tuple[int, int, str]]:
    """Where each category of `categories(norm)` is named: the span of its
    first match, in order of position."""
    matches = _category_matches(norm)
    spans = []
    for slug in categories(norm):
        first = min(((start, end) for s, start, end in matches if s == slug), default=None)
        if first:
            spans.append((first[0], first[1], slug))
    return sorted(spans)


_NEGATED = re.compile(r"\bbukan(?:lah)?\s+(?:termasuk\s+|merupakan\s+)?$")


@lru_cache(maxsize=CACHE_SIZE)
def _category_matches(norm: str) -> tuple[tuple[str, int, int], ...]:
    """(slug, start, end) of the first match of each category row that
    matches `norm`, in table order. Cached: a clause is asked about several
    times, and circulars repeat the national rules word for word."""
    out = []
    rules = category_rules()
    for i in category_index().candidates(norm):  # the rows whose words are in the text
        m = rules[i].pattern.search(norm)
        while m and _NEGATED.search(norm, max(0, m.start() - 16), m.start()):
            m = rules[i].pattern.search(norm, m.end())  # "rumah orang tua Ibu memang bukan fasilitas negara"
        if m:
            out.append((rules[i].slug, m.start(), m.end()))
    return tuple(out)


def sanctions(norm: str, default_severity: str | None = None) -> list[Sanction]:
    """Sanctions a clause names. Severity: the one the text states at the
    sanction (`hukuman disiplin berat`, `sanksi berat penurunan pangkat`),
    else the list's lead-in severity, else the taxonomy default."""
    return list(_sanctions(norm, default_severity))


@lru_cache(maxsize=CACHE_SIZE)
def _sanctions(norm: str, default_severity: str | None) -> tuple[Sanction, ...]:
    out: dict[str, Sanction] = {}
    first_at: dict[str, int] = {}  # where each sanction is first and last named
    last_at: dict[str, int] = {}
    graded_at, graded = -1, None  # where a hukuman disiplin with its level is last named, and the level
    rules = sanction_rules()
    for i in sanction_index().candidates(norm):  # the rows whose words are in the text, in order
        rule = rules[i]
        for m in rule.pattern.finditer(norm):
            first_at[rule.slug] = min(first_at.get(rule.slug, m.start()), m.start())
            last_at[rule.slug] = max(last_at.get(rule.slug, -1), m.start())
            if rule.slug == "disciplinary" and m.groupdict().get("severity") and _RANGE_END.search(norm, 0, m.start()):
                graded_at, graded = m.start(), m.group("severity")
            if rule.default_severity is None:  # moral, criminal, administrative: no levels
                severity = None
            else:
                has_default = rule.default_severity != "STATED"
                stated = m.groupdict().get("severity")
                severity = stated or _nearby_severity(norm, m.start(), m.end(), has_default) or default_severity
                if not severity and has_default:
                    severity = rule.default_severity
            if rule.slug not in out or (severity and not out[rule.slug].severity):
                out[rule.slug] = Sanction(rule.slug, severity)
    if _NOT_A_PUNISHMENT.search(norm) and not _CONTRAST_AFTER.search(norm):
        return ()  # "Pemberhentian ini bukan merupakan hukuman disiplin": what the text says is no punishment
    if len(out) > 1:
        out.pop("unspecified", None)
    if "release-from-position" in out and _FREED_FROM_DUTIES.search(norm) and not _RELEASE.search(norm):
        # "selama menjalani cuti ..., dibebaskan dari tugas jabatannya": what a leave brings, unless called a punishment
        out.pop("release-from-position")
    # "hukuman disiplin berat berupa penurunan jabatan": the form is the sanction; not when every form comes before
    # it ("selain pemberhentian tidak dengan hormat bagi anggota partai, ... dapat dijatuhi hukuman disiplin")
    # (nor when a graded one without its form closes a range after the forms: "hukuman disiplin sedang berupa
    # pemotongan tunjangan kinerja ... sampai hukuman disiplin berat")
    forms = _forms() & out.keys()
    if forms and "disciplinary" in out and any(last_at[f] > first_at["disciplinary"] for f in forms) \
            and graded_at < max(last_at[f] for f in forms):
        out.pop("disciplinary", None)
    elif forms and "disciplinary" in out and graded_at > max(last_at[f] for f in forms):
        out["disciplinary"] = Sanction("disciplinary", graded)
    if "contract-termination" in out and _PPPK.search(norm) and not _NON_ASN_STAFF.search(norm):
        # a PPPK's work agreement ended: the PPPK is an ASN, and that is his dismissal ("contract-termination" is the
        # non-ASN staff's)
        out = dict(("dismissal", Sanction("dismissal", "berat")) if k == "contract-termination" else (k, v)
                   for k, v in out.items())
    return tuple(out.values())


_NOT_A_PUNISHMENT = re.compile(r"\b(?:ini|itu|tersebut),?\s+(?:bukan(?:\s+lah)?|tidak)\s+(?:merupakan\s+|termasuk\s+|sebagai\s+)?"
                               r"(?:hukuman|sanksi)\b")
# (a sanction it sets against the one it denies: "... bukan sanksi, namun jika terbukti ... dijatuhi ...")
_CONTRAST_AFTER = re.compile(r"\b(?:namun|melainkan|sedangkan|tetapi|tapi|pelakunya|jika terbukti|apabila terbukti)\b")
_PPPK = re.compile(r"\b(?:pppk|p3k|pegawai pemerintah dengan perjanjian kerja)\b")
_NON_ASN_STAFF = re.compile(r"\b(?:honorer|non asn|non-asn|nonasn|ppnpn|tenaga kontrak|tenaga harian|thl|ptt|outsourcing"
                            r"|pegawai tidak tetap|tenaga pendukung)\b")
_FREED_FROM_DUTIES = re.compile(r"\bdibebaskan dari tugas\b")
_RELEASE = re.compile(r"\bpembebasan (?:dari )?jabatan|\b(?:hukuman|sanksi|dihukum|disiplin)\b")
# the end of a range of sanctions: "... sampai hukuman disiplin berat", "hingga", "s.d."
_RANGE_END = re.compile(r"\b(?:sampai(?: dengan)?|hingga|s\.?\s?d\.?|s/d)\s*$")


@lru_cache(maxsize=1)
def _forms() -> frozenset[str]:
    """Sanctions that are a form of hukuman disiplin."""
    return frozenset({r.slug for r in sanction_rules() if r.default_severity} - {"disciplinary", "unspecified"})


def _nearby_severity(norm: str, start: int, end: int, has_default: bool) -> str | None:
    """A severity word the text attaches to this sanction: just before it
    ("sanksi berat penurunan pangkat"), or, for a sanction whose severity the
    regulation does not fix, also just after it ("hukum disiplinnya adalah
    berat"). Comparatives ("lebih ringan") describe, they do not classify."""
    reach = _ATTACHED if has_default else _SEVERITY_WINDOW
    before = [m for m in _SEVERITY.finditer(norm, max(0, start - reach), start) if not _comparative(norm, m)]
    if before:
        return before[-1].group(1)
    if has_default:
        return None
    after = [m for m in _SEVERITY.finditer(norm, end, min(len(norm), end + _SEVERITY_WINDOW))
             if not _comparative(norm, m)]
    return after[0].group(1) if after else None


def _comparative(norm: str, m: re.Match) -> bool:
    return norm[max(0, m.start() - 6):m.start()].endswith(("lebih ", "agak "))


def lead_in_severity(norm: str) -> str | None:
    """The severity a lead-in such as "Jenis hukuman disiplin ringan terdiri
    dari:" gives to the items of its list."""
    if re.search(r"\b(?:hukuman|sanksi|disiplin)\b", norm):
        m = _SEVERITY.search(norm)
        return m.group(1) if m else None
    return None
