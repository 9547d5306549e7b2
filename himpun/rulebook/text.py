"""Indonesian wording shared by the rulebook's formats."""
from __future__ import annotations

from himpun.rulebook.model import Rulebook, Source

KIND = {"circular": "Surat Edaran", "decree": "Keputusan", "regulation": "Peraturan", "pact": "Pakta Integritas",
        "news": "Berita", "other": "Dokumen"}
SEVERITY_HEAD = {"berat": "Berat", "sedang": "Sedang", "ringan": "Ringan", "": "Tanpa tingkat"}
MONTHS = ("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember").split()


def tanggal(iso: str | None) -> str:
    """`2024-09-02` as `2 September 2024`."""
    if not iso:
        return "-"
    y, m, d = iso.split("-")
    return f"{int(d)} {MONTHS[int(m) - 1]} {y}"


def doc_label(s: Source) -> str:
    parts = [KIND.get(s.kind, s.kind)]
    if s.issuer:
        parts.append(s.issuer)
    if s.number:
        parts.append(f"Nomor {s.number}")
    if s.date:
        parts.append(f"tanggal {tanggal(s.date)}")
    return " ".join(parts)


def refs_text(refs: list[int]) -> str:
    return "[" + ", ".join(str(n) for n in refs) + "]" if refs else ""


def cover_lines(book: Rulebook) -> list[str]:
    sc = book.scope
    lines = [f"Disusun oleh Himpun pada {tanggal(book.generated)} dari {sc['documents']} dokumen "
             f"({sc['national_documents']} nasional, {len(sc['regions'])} wilayah).",
             f"Rentang tanggal dokumen: {tanggal(sc['from'])} sampai {tanggal(sc['to'])}."]
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
