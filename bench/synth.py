"""Deterministic synthetic documents for the search benchmarks.

    from bench.synth import documents
    for doc in documents(100_000, seed=1):   # himpun.records.Document, 100,000 clauses in all
        ...

    python bench/synth.py [N_CLAUSES] [--seed S]   # print a summary and one sample document

Proportions follow the real corpus: three documents in four are regional
circulars or news reports; regions come from the gazetteer
(himpun/data/regions.tsv) with a Zipf-like skew (a few regions issue most
documents); years run 2018-2025, mostly 2023-2024; 8-12 clauses a document,
about 60% prohibitions (1-2 categories each), 25% sanctions (with the
severities of PP 94/2021) and 15% obligations. Clause text is composed from
templates of the phrases real circulars use (docs/taxonomy.md), with filler
phrases, regional instrument numbers and the odd OCR-style typo. Page text
holds every clause at its page, start and end; ids and SHA-256s are unique
and the same for the same seed.
"""
from __future__ import annotations

import hashlib
import random
import sys
from functools import lru_cache
from pathlib import Path
from typing import Iterator

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from himpun.data import load_table  # noqa: E402
from himpun.records import Citation, Clause, Document, Page, Sanction, clause_id_for  # noqa: E402

KIND_WEIGHTS = {"circular": 50, "news": 25, "decree": 9, "regulation": 7, "pact": 9}
YEAR_WEIGHTS = {2018: 3, 2019: 7, 2020: 6, 2021: 2, 2022: 5, 2023: 24, 2024: 45, 2025: 8}
CLAUSE_KIND_WEIGHTS = {"prohibition": 60, "sanction": 25, "obligation": 15}
PAGE_CHARS = 1800  # a new page starts after this much text
MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember".split()

CAND = ["pasangan calon", "paslon", "calon kepala daerah", "bakal calon kepala daerah", "calon presiden dan wakil "
        "presiden", "calon anggota legislatif", "calon anggota DPR, DPD, dan DPRD", "partai politik peserta pemilu",
        "calon bupati dan wakil bupati", "calon wali kota dan wakil wali kota", "calon gubernur", "peserta pemilu"]
PLACE = ["di lingkungan kantor", "di rumah dinas", "di kantor desa", "di tempat ibadah", "di lingkungan sekolah",
         "di fasilitas umum", "di pekarangan rumah", "di kendaraan pribadi", "di ruang publik", "", "", ""]
WHEN = ["baik di dalam maupun di luar jam kerja", "pada masa tenang", "selama tahapan pemilihan",
        "pada hari libur", "sebelum, selama, dan sesudah masa kampanye", "", "", "", ""]
FILLER = ["secara langsung maupun tidak langsung", "dalam bentuk apa pun", "baik secara aktif maupun pasif",
          "dengan alasan apa pun", "meskipun atas permintaan pihak lain"]
# (category, weight, act phrases); {c} a candidate, {p} a place, {w} a time
ACTS = [
    ("campaign-participation", 12, ["ikut serta dalam kegiatan kampanye {c} {w}", "menjadi peserta kampanye {c}",
                                    "mengikuti kampanye {c} {w}",
                                    "terlibat dalam kegiatan kampanye untuk mendukung {c}",
                                    "hadir dalam kampanye terbuka {c} {p}"]),
    ("campaign-team", 6, ["menjadi tim kampanye atau tim pemenangan {c}", "menjadi pelaksana kampanye {c}",
                          "menjadi anggota tim sukses {c}", "menjadi juru kampanye {c}"]),
    ("campaign-attributes", 6, ["menggunakan atribut partai politik atau atribut {c}",
                                "mengenakan kaos bergambar {c} {w}", "menggunakan atribut PNS dalam kegiatan kampanye",
                                "memakai seragam dinas saat menghadiri kegiatan {c}"]),
    ("mobilising-civil-servants", 4, ["mengerahkan PNS lain untuk mendukung {c}",
                                      "mengarahkan bawahan untuk memilih {c}",
                                      "memobilisasi massa untuk kepentingan {c}",
                                      "mengajak pegawai di lingkungan unit kerjanya untuk mendukung {c}"]),
    ("state-facilities", 9, ["menggunakan fasilitas negara untuk kepentingan {c}",
                             "menggunakan kendaraan dinas untuk kegiatan kampanye {w}",
                             "menggunakan mobil dinas atau rumah dinas untuk kepentingan politik praktis",
                             "memanfaatkan jabatan dan kewenangannya untuk kepentingan {c}",
                             "menggunakan anggaran pemerintah untuk kegiatan {c}"]),
    ("favouring-decisions", 4, ["membuat keputusan dan/atau tindakan yang menguntungkan atau merugikan {c}",
                                "membuat kebijakan yang menguntungkan salah satu {c}",
                                "melakukan tindakan yang merugikan {c} selama masa kampanye"]),
    ("partisan-activities", 7, ["mengadakan kegiatan yang mengarah kepada keberpihakan terhadap {c} {p}",
                                "melakukan ajakan, himbauan, seruan atau pemberian barang kepada masyarakat untuk "
                                "memilih {c}", "menghadiri pertemuan yang diselenggarakan oleh {c} {w}",
                                "membagikan sembako atau uang kepada warga atas nama {c}"]),
    ("support-letter", 3, ["memberikan surat dukungan disertai fotokopi KTP kepada {c}",
                           "mengumpulkan fotokopi Kartu Tanda Penduduk untuk dukungan {c}",
                           "memberikan dukungan kepada calon perseorangan dengan menyerahkan fotokopi KTP"]),
    ("campaign-materials", 9, ["memasang spanduk, baliho, atau alat peraga kampanye {c} {p}",
                               "memasang baliho {c} {p}", "menempelkan stiker atau poster {c} {p}",
                               "membuat dan menyebarkan alat peraga kampanye {c}",
                               "memasang bendera partai politik {p}"]),
    ("social-media-campaigning", 6, ["mempromosikan diri atau {c} melalui media sosial",
                                     "melakukan sosialisasi atau kampanye melalui media sosial untuk {c}",
                                     "membuat konten kampanye {c} di media sosial {w}",
                                     "memposting ajakan memilih {c} di Facebook, Instagram, TikTok atau WhatsApp"]),
    ("social-media-engagement", 10, ["memberikan tanda suka (like), mengomentari, membagikan (share) atau mengikuti "
                                     "(follow) akun {c} di media sosial", "mengunggah, menanggapi atau "
                                     "menyebarluaskan gambar/foto {c} melalui media online",
                                     "menyebarluaskan konten {c} di grup WhatsApp {w}",
                                     "memberikan like atau komentar pada unggahan {c}"]),
    ("photo-with-candidate", 8, ["berfoto bersama {c} {p}", "foto bersama tim kampanye {c}",
                                 "berfoto bersama {c} dengan mengikuti simbol tangan yang menunjukkan keberpihakan",
                                 "berfoto berdampingan dengan {c} dalam acara {w}"]),
    ("gestures", 4, ["menunjukkan simbol jari atau gestur yang mengindikasikan dukungan kepada {c}",
                     "menggunakan kode khusus atau gerakan tangan sebagai tanda dukungan kepada {c}",
                     "berpose dengan simbol jari nomor urut {c}"]),
    ("declaration-attendance", 3, ["menghadiri deklarasi {c}", "menghadiri acara deklarasi bakal calon {p}",
                                   "hadir dalam deklarasi pencalonan {c}"]),
    ("party-membership", 3, ["menjadi anggota dan/atau pengurus partai politik",
                             "berafiliasi dengan partai politik", "menjadi simpatisan aktif partai politik"]),
    ("party-approach", 2, ["melakukan pendekatan kepada partai politik untuk dicalonkan sebagai kepala daerah",
                           "melakukan PDKT kepada partai politik terkait rencana pencalonan dirinya"]),
    ("party-event-speaker", 2, ["menjadi pembicara atau narasumber dalam kegiatan partai politik",
                                "menjadi narasumber pada acara yang diselenggarakan oleh {c}"]),
    ("spouse-campaign", 2, ["mengikuti kampanye suami atau istri yang menjadi {c} tanpa cuti di luar tanggungan "
                            "negara", "mendampingi suami/istri calon dalam kampanye tanpa cuti di luar tanggungan "
                            "negara"]),
    ("candidacy", 2, ["mendeklarasikan diri sebagai bakal calon kepala daerah sebelum mengundurkan diri",
                      "mencalonkan diri tanpa mengundurkan diri sebagai ASN"]),
    ("discriminatory-service", 2, ["membedakan pelayanan kepada masyarakat berdasarkan pilihan politik",
                                   "memberikan pelayanan yang berbeda kepada warga pendukung {c}"]),
    ("partisanship-general", 4, ["berpihak kepada {c} mana pun", "terlibat dalam politik praktis {w}",
                                 "bersikap tidak netral dalam penyelenggaraan pemilihan"]),
]
# (type, severity, phrases) of PP 94/2021 and PP 53/2010, by level
FORMS = {
    "ringan": [("verbal-reprimand", ["teguran lisan"]), ("written-reprimand", ["teguran tertulis", "surat peringatan"]),
               ("written-dissatisfaction", ["pernyataan tidak puas secara tertulis"])],
    "sedang": [("allowance-cut", ["pemotongan tunjangan kinerja sebesar 25% selama 6 (enam) bulan",
                                  "pemotongan tunjangan kinerja sebesar 25% selama 9 (sembilan) bulan",
                                  "pemotongan tunjangan kinerja sebesar 25% selama 12 (dua belas) bulan"]),
               ("salary-increase-postponed", ["penundaan kenaikan gaji berkala selama 1 (satu) tahun"]),
               ("promotion-postponed", ["penundaan kenaikan pangkat selama 1 (satu) tahun"]),
               ("rank-demotion", ["penurunan pangkat setingkat lebih rendah selama 1 (satu) tahun"])],
    "berat": [("position-demotion", ["penurunan jabatan setingkat lebih rendah selama 12 (dua belas) bulan"]),
              ("release-from-position", ["pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 bulan"]),
              ("rank-demotion", ["penurunan pangkat setingkat lebih rendah selama 3 (tiga) tahun"]),
              ("transfer-demotion", ["pemindahan dalam rangka penurunan jabatan setingkat lebih rendah"]),
              ("dismissal-honourable", ["pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS"]),
              ("dismissal-dishonourable", ["pemberhentian tidak dengan hormat sebagai PNS"])],
}
VIOLATOR = ["ASN yang melanggar ketentuan {ref}", "Pegawai yang terbukti melanggar larangan {ref}",
            "Bagi ASN yang terbukti melakukan pelanggaran netralitas {ref}", "PNS yang melakukan pelanggaran {ref}"]
OBLIGATIONS = [
    "ASN wajib menjaga netralitas dan tidak berpihak kepada {c} mana pun.",
    "Kepala Perangkat Daerah wajib melakukan pengawasan terhadap netralitas pegawai di lingkungan unit kerjanya.",
    "ASN wajib melaporkan dugaan pelanggaran netralitas kepada Bawaslu {bare} atau BKPSDM {bare}.",
    "Pejabat Pembina Kepegawaian wajib menindaklanjuti rekomendasi KASN paling lama 14 (empat belas) hari kerja.",
    "ASN wajib memberikan pelayanan yang sama kepada seluruh masyarakat tanpa membedakan pilihan politik.",
    "Setiap ASN di lingkungan Pemerintah {region} wajib menandatangani pakta integritas netralitas ASN.",
    "ASN yang suami atau istrinya menjadi {c} wajib mengambil cuti di luar tanggungan negara.",
    "Atasan langsung wajib memberikan pembinaan kepada pegawai yang diduga melanggar netralitas {w}.",
]
OUTLETS = ["Antara", "Kompas.com", "detikSulsel", "Tribun", "Radar", "iNews", "Suara.com", "RRI"]


@lru_cache(maxsize=None)
def regions(seed: int) -> tuple[list[tuple[str, str, str]], list[float]]:
    """Gazetteer regions as (name, level, province), in a seeded order, with Zipf-like weights."""
    rows = [(r[0], r[1], r[2]) for r in load_table("regions.tsv")]
    random.Random(seed).shuffle(rows)
    return rows, [1.0 / (rank + 3) for rank in range(len(rows))]  # Zipf-Mandelbrot


def _bare(region: str) -> str:
    for head in ("Provinsi ", "Kabupaten ", "Kota "):
        if region.startswith(head):
            return region[len(head):]
    return region


def _head(region: str, level: str, rng: random.Random) -> str:
    title = {"provinsi": "Gubernur", "kabupaten": "Bupati", "kota": "Wali Kota"}[level]
    return rng.choice([title, title, title, f"Pj {title}", "Sekretaris Daerah"]) + " " + \
        (_bare(region) if not rng.random() < 0.2 else region)


def _fill(template: str, rng: random.Random, region: str | None) -> str:
    bare = _bare(region) if region else "RI"
    text = template.format(c=rng.choice(CAND), p=rng.choice(PLACE), w=rng.choice(WHEN), bare=bare,
                           region=region or "Republik Indonesia")
    if rng.random() < 0.15:  # a filler phrase after the first word, or at the end
        stop = "." if text.endswith(".") else ""
        words = text[:len(text) - len(stop)].split()
        at = rng.choice([1, len(words)])
        text = " ".join(words[:at] + [rng.choice(FILLER)] + words[at:]) + stop
    if rng.random() < 0.04:  # OCR damage: one letter of a long word replaced
        words = text.split()
        i = rng.randrange(len(words))
        if len(words[i]) > 5 and words[i].isalpha():
            j = rng.randrange(1, len(words[i]) - 1)
            words[i] = words[i][:j] + rng.choice("ilmnrvc1") + words[i][j + 1:]
            text = " ".join(words)
    return " ".join(text.split())


def _prohibition(rng: random.Random, region: str | None) -> tuple[str, list[str]]:
    weights = [w for _, w, _ in ACTS]
    first = rng.choices(ACTS, weights)[0]
    picked = [first]
    if rng.random() < 0.3:
        second = rng.choices(ACTS, weights)[0]
        if second is not first:
            picked.append(second)
    acts = [_fill(rng.choice(phrases), rng, region) for _, _, phrases in picked]
    return " dan/atau ".join(acts), [cat for cat, _, _ in picked]


def _sanction(rng: random.Random, region: str | None, refs: list[str]) -> tuple[str, list[Sanction]]:
    ref = "sebagaimana dimaksud pada " + " dan ".join(refs) if refs else rng.choice(["tersebut", "di atas", ""])
    who = rng.choice(VIOLATOR).format(ref=ref)
    roll = rng.random()
    if roll < 0.06:
        return (f"{who} dipidana dengan pidana penjara paling lama 1 (satu) tahun dan denda paling banyak "
                "Rp12.000.000,00 sebagaimana diatur dalam Pasal 494 Undang-Undang Nomor 7 Tahun 2017."), \
            [Sanction("criminal")]
    if roll < 0.10:
        return f"{who} dikenakan sanksi sesuai ketentuan peraturan perundang-undangan.", [Sanction("unspecified")]
    if roll < 0.13:
        return "Pegawai non-ASN yang melanggar ketentuan ini dikenakan sanksi pemutusan hubungan kerja.", \
            [Sanction("contract-termination")]
    level = rng.choices(["ringan", "sedang", "berat"], [30, 35, 35])[0]
    forms = rng.sample(FORMS[level], k=min(len(FORMS[level]), rng.choice([1, 1, 2])))
    sanctions = [Sanction(t, level) for t, _ in forms]
    if rng.random() < 0.15:
        text = f"{who} dijatuhi hukuman disiplin {level}."
        sanctions = [Sanction("disciplinary", level)]
    else:
        text = f"{who} dijatuhi hukuman disiplin {level} berupa " + " atau ".join(rng.choice(p) for _, p in forms) + "."
    if rng.random() < 0.25:
        text = text[:-1] + f" serta sanksi moral berupa pernyataan secara {rng.choice(['terbuka', 'tertutup'])}."
        sanctions.append(Sanction("moral-sanction"))
    return _fill(text.replace("{", "(").replace("}", ")"), rng, region), sanctions


def _number(rng: random.Random, year: int, kind: str) -> str:
    if kind in ("decree", "regulation"):
        return f"{rng.randint(1, 30)} Tahun {year}"
    code = rng.choice(["800.1.6", "800.1.6.1", "100.3.4.4", "800", "000.1.2", "SE-800", "870"])
    unit = rng.choice(["BKPSDM", "BKPP", "BKD", "BKPSDMD", "PSDM.3/BKPSDMD", "V", "Setda"])
    return f"{code}/{rng.randint(10, 9999)}/{unit}/{year}"


def _date(rng: random.Random, year: int) -> tuple[str, str]:
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    return f"{year}-{month:02d}-{day:02d}", f"{day} {MONTHS[month - 1]} {year}"


CITES = [("Undang-Undang Nomor 20 Tahun 2023 tentang Aparatur Sipil Negara", "UU 20/2023", 38),
         ("Undang-Undang Nomor 5 Tahun 2014 tentang Aparatur Sipil Negara", "UU 5/2014", 37),
         ("Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil", "PP 94/2021", 40),
         ("Keputusan Bersama Menteri PANRB, Menteri Dalam Negeri, Kepala BKN, Ketua KASN, dan Ketua Bawaslu "
          "Nomor 2 Tahun 2022", "SKB 2/2022", None)]


def document(seed: int, i: int, n_clauses: int) -> Document:
    """The i-th synthetic document of a seed, with n_clauses clauses."""
    rng = random.Random(f"{seed}:{i}")
    sha = hashlib.sha256(f"himpun-synth:{seed}:{i}".encode()).hexdigest()
    kind = rng.choices(list(KIND_WEIGHTS), list(KIND_WEIGHTS.values()))[0]
    year = rng.choices(list(YEAR_WEIGHTS), list(YEAR_WEIGHTS.values()))[0]
    iso, spoken = _date(rng, year)
    number = _number(rng, year, kind)
    pilkada = "Pemilihan Umum" if year in (2019, 2024) and rng.random() < 0.5 else "Pemilihan Kepala Daerah Serentak"
    if kind in ("decree", "regulation"):
        region, province, level = "nasional", None, None
        issuer = rng.choice(["Menteri PANRB", "Menteri Dalam Negeri", "Kepala BKN", "Ketua KASN", "Ketua Bawaslu"])
    else:
        rows, weights = regions(seed)
        region, level, province = rng.choices(rows, weights)[0]
        issuer = _head(region, level, rng)
    where = None if region == "nasional" else region
    title = (f"{_bare(where)}: ASN Diingatkan Jaga Netralitas Jelang {pilkada} {year}" if kind == "news" else
             f"Netralitas Aparatur Sipil Negara dalam {pilkada} Tahun {year}" +
             (f" di Lingkungan Pemerintah {where}" if where and rng.random() < 0.5 else ""))
    cites = [c for c in CITES if (c[2] is None or c[2] != 38 or year >= 2023) and (c[2] != 37 or year < 2024)
             and rng.random() < 0.7]

    # what the document says, in order: plain lines and clause drafts
    kinds = [rng.choices(list(CLAUSE_KIND_WEIGHTS), list(CLAUSE_KIND_WEIGHTS.values()))[0] for _ in range(n_clauses)]
    kinds.sort(key=["obligation", "prohibition", "sanction"].index)
    drafts = []
    for k in kinds:
        if k == "obligation":
            drafts.append(dict(kind=k, text=_fill(rng.choice(OBLIGATIONS), rng, where), categories=[], sanctions=[]))
        elif k == "prohibition":
            text, cats = _prohibition(rng, where)
            drafts.append(dict(kind=k, text=text, categories=cats, sanctions=[]))
        else:
            drafts.append(dict(kind=k, text="", categories=[], sanctions=[]))
    list_item = kind in ("circular", "pact", "decree", "regulation")
    letters = "abcdefghijklmnopqrstuvwxyz"
    prohibitions = [d for d in drafts if d["kind"] == "prohibition"]
    point = kinds.count("obligation") + 1  # the point of the list of prohibitions
    for j, d in enumerate(prohibitions):
        d["marker"] = f"{point}.{letters[j]}" if list_item else ""
    for d in drafts:
        if d["kind"] == "sanction":
            targets = rng.sample(prohibitions, k=min(len(prohibitions), rng.randint(0, 3)))
            refs = [f"angka {point} huruf {t['marker'][-1]}" for t in targets if t["marker"]]
            d["text"], d["sanctions"] = _sanction(rng, where, refs)
            for t in targets:
                t["sanctions"] = t["sanctions"] + [s for s in d["sanctions"] if s not in t["sanctions"]]
            d["targets"] = targets

    lines: list = []
    if kind == "news":
        lines.append(f"{_bare(where).upper()}, {rng.choice(OUTLETS)} - Pemerintah {where} mengingatkan seluruh "
                     f"ASN untuk menjaga netralitas menjelang {pilkada} {year}.")
        lines += [f"Menurut {issuer}, aturan itu merujuk pada {c[0]}." for c in cites[:1]]
        for d in drafts:
            lead = rng.choice(["Ia menegaskan, ", "Menurutnya, ", "", f"Kepala BKPSDM {_bare(where)} mengatakan, "])
            if d["kind"] == "prohibition":
                d["text"] = f"{lead}ASN dilarang {d['text']}."
            lines.append(d)
    else:
        head = {"circular": "SURAT EDARAN", "pact": "PAKTA INTEGRITAS", "decree": "KEPUTUSAN",
                "regulation": "PERATURAN"}[kind]
        lines += [issuer.upper(), head, f"NOMOR {number}", "TENTANG", title.upper(), ""]
        if cites:
            lines.append(("Berdasarkan ", cites, ", dengan ini disampaikan hal-hal sebagai berikut:"))
        point, context = 0, ""
        for d in drafts:
            if d["kind"] == "prohibition" and d["marker"].endswith(".a"):
                point += 1
                lines.append(f"{point}. ASN dilarang:" if kind != "pact" else f"{point}. Saya bersedia untuk tidak:")
                context = lines[-1][3:]
            if d["kind"] == "prohibition":
                d["text"] = f"{d['marker'][-1]}. {d['text']};"
                d["context"] = context
                lines.append(("   ", d))
            else:
                point += 1
                d["text"] = f"{point}. {d['text']}"
                d["marker"] = str(point)
                lines.append(d)
        lines += ["", f"Demikian {head.title()} ini disampaikan untuk dilaksanakan dengan penuh tanggung jawab.",
                  f"Ditetapkan di {_bare(where) if where else 'Jakarta'}", f"pada tanggal {spoken}", issuer]

    # assemble pages, recording where each clause and citation stands
    pages, citations, clauses, text = [], [], [], ""
    for line in lines:
        if len(text) > PAGE_CHARS:
            pages.append(Page(len(pages) + 1, text))
            text = ""
        if isinstance(line, str):
            text += line + "\n"
        elif isinstance(line, tuple) and isinstance(line[1], list):
            text += line[0]
            for n, (words, key, _) in enumerate(line[1]):
                text += ("; " if n else "")
                citations.append(Citation(key, words, len(pages) + 1, len(text), len(text) + len(words)))
                text += words
            text += line[2] + "\n"
        else:
            indent, d = line if isinstance(line, tuple) else ("", line)
            text += indent
            cid = clause_id_for(sha, len(clauses) + 1)
            d["id"] = cid
            clauses.append(Clause(cid, d["kind"], d["text"], len(pages) + 1, len(text), len(text) + len(d["text"]),
                                  d["categories"], d["sanctions"], d.get("context", ""), d.get("marker", "")))
            d["clause"] = clauses[-1]
            text += d["text"] + "\n"
    pages.append(Page(len(pages) + 1, text))
    for d in drafts:
        d["clause"].applies_to = [t["id"] for t in d.get("targets", [])]
    return Document(source=f"synthetic/{seed}/{i:06d}.txt", sha256=sha, kind=kind, title=title, issuer=issuer,
                    issuers=[issuer], region=region, province=province, numbers=[number], date=iso, dates=[iso],
                    citations=citations, pages=pages, clauses=clauses, format="text")


def documents(n_clauses: int, seed: int = 1) -> Iterator[Document]:
    """Documents of 8-12 clauses each (the last may have fewer), n_clauses in all."""
    i, left = 0, n_clauses
    while left > 0:
        n = min(left, random.Random(f"{seed}:{i}:n").randint(8, 12))
        yield document(seed, i, n)
        left -= n
        i += 1


def main() -> None:
    import argparse
    from collections import Counter

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", type=int, nargs="?", default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    docs = list(documents(args.n, args.seed))
    clauses = [c for d in docs for c in d.clauses]
    for d in docs:  # every clause stands where it says
        assert all(d.pages[c.page - 1].text[c.start:c.end] == c.text for c in d.clauses)
        assert all(d.pages[c.page - 1].text[c.start:c.end] == c.text for c in d.citations)
    print(f"{len(docs)} documents, {len(clauses)} clauses, {sum(len(d.pages) for d in docs)} pages")
    for name, counter in [("kind", Counter(d.kind for d in docs)), ("year", Counter(d.date[:4] for d in docs)),
                          ("clause kind", Counter(c.kind for c in clauses)),
                          ("region (top 5)", Counter(d.region for d in docs)),
                          ("severity", Counter(s.severity for c in clauses for s in c.sanctions))]:
        print(f"{name}: {counter.most_common(8)}")
    print("\n" + docs[0].pages[0].text)


if __name__ == "__main__":
    main()
