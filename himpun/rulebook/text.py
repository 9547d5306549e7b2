"""Indonesian wording shared by the rulebook's formats."""
from __future__ import annotations

from himpun.rulebook.model import Rulebook, Source
from himpun.xref.sources import file_name, short_title

KIND = {"circular": "Surat Edaran", "decree": "Keputusan", "regulation": "Peraturan", "pact": "Pakta Integritas",
        "news": "Berita", "other": "Dokumen"}
SEVERITY_HEAD = {"berat": "Berat", "sedang": "Sedang", "ringan": "Ringan", "": "Tanpa tingkat"}
MONTHS = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember").split()


def tanggal(iso: str | None) -> str:
    """`2024-09-02` as `2 September 2024`."""
    if not iso:
        return "-"
    parts = iso.split("-")  # a --since may be a month or a year
    return " ".join([str(int(parts[2]))] * (len(parts) > 2) + [MONTHS[int(parts[1]) - 1]] * (len(parts) > 1)
                    + [parts[0]])


def doc_label(s: Source) -> str:
    """How the rulebook names a document. A news report is named as what it is, by its title (else its
    file name) and date, with the instrument it reports only where its text says which one that is: the
    issuer and number found in a news report are the reported circular's, not the report's."""
    if s.kind == "news":
        when = tanggal(s.date) if s.date else "tanpa tanggal"
        out = (f"Berita: «{short_title(s.title, s.path)}» ({when})" if s.title
               else f"Berita: berkas {file_name(s.path)} ({when})")
        if s.reported:
            out += ", memuat " + "; ".join(
                " ".join([KIND.get(r.kind, "Dokumen")] + ([s.issuer] if s.issuer and i == 0 else [])
                         + [f"Nomor {r.number}"]) for i, r in enumerate(s.reported))
        return out
    parts = [KIND.get(s.kind, s.kind)]
    if s.issuer:
        parts.append(s.issuer)
    if s.number:
        parts.append(f"Nomor {s.number}")
    if s.date:
        parts.append(f"tanggal {tanggal(s.date)}")
    return " ".join(parts)


def note_label(f: dict) -> str:
    """The document of a source note: kind and number, a news report by its shortened title and id."""
    if f["kind"] == "news":
        name = f"«{short_title(f['title'], '', 60)}»" if f.get("title") else f"berkas {file_name(f.get('path') or '')}"
        return f"Berita {name} ({f['doc_id']})"
    return f"{KIND.get(f['kind'], f['kind'])} {f['number'] or f['doc_id']}"


def refs_text(refs: list[int]) -> str:
    return "[" + ", ".join(str(n) for n in refs) + "]" if refs else ""


def cover_lines(book: Rulebook) -> list[str]:
    sc = book.scope
    regions = len(sc["regions"])
    lines = [f"Disusun oleh Himpun pada {tanggal(book.generated)} dari {sc['documents']} dokumen: "
             f"{sc['national_documents']} dokumen nasional dan {sc['regional_documents']} dokumen daerah "
             f"dari {regions} wilayah"
             + (f", serta {sc['unplaced_documents']} dokumen tanpa wilayah" if sc.get("unplaced_documents") else "")
             + ".",
             f"Rentang tanggal dokumen: {tanggal(sc['from'])} sampai {tanggal(sc['to'])}." if sc["from"] else
             "Tidak ada dokumen yang bertanggal."]
    if sc["regions"]:
        lines.append("Wilayah: " + ", ".join(sc["regions"]) + ".")
    f = sc["filter"]
    if f:
        lines.append("Cakupan: " + "; ".join(
            {"region": f"wilayah {f.get('region')} dan dokumen nasional",
             "province": f"provinsi {f.get('province')} dan dokumen nasional",
             "since": f"dokumen sejak {tanggal(f.get('since'))}"}[k] for k in f) + ".")
    lines.append("Angka dalam kurung siku merujuk ke catatan sumber di akhir buku: klausul yang menjadi dasar setiap "
                 "pernyataan.")
    return lines
