"""The rulebook as Markdown: readable as plain text and in a Git viewer."""
from __future__ import annotations

from himpun.rulebook.model import Rulebook
from himpun.rulebook.text import SEVERITY_HEAD, cover_lines, doc_label, note_label, refs_text


def _esc(text: str | None) -> str:
    """Document text inside Markdown: no markup, no tables broken by pipes."""
    if not text:
        return ""
    for ch in "\\`*_[]<>|#":
        text = text.replace(ch, "\\" + ch)
    return text


def _others(a) -> str:
    if not a.others:
        return ""
    listed = "; ".join(f"{_esc(doc_label(src))} {refs_text(r)}" for src, r in a.others)
    return f" Juga: {listed}" + (f"; dan {a.more} dokumen lain" if a.more else "") + "."


def render(book: Rulebook) -> str:
    out = ["# Buku Aturan Netralitas ASN", ""]
    out += [f"- {_esc(line)}" for line in cover_lines(book)] + [""]
    out += ["## Daftar isi", ""]
    for i, s in enumerate(book.sections, 1):
        out.append(f"{i}. [{_esc(s.title)}](#{s.category})")
    out += ["- [Lampiran A. Matriks wilayah dan larangan](#lampiran-a)", "- [Lampiran B. Dokumen sumber](#lampiran-b)",
            "- [Lampiran C. Peraturan yang dirujuk](#lampiran-c)", "- [Catatan sumber](#catatan)", ""]
    for i, s in enumerate(book.sections, 1):
        out += [f'<a id="{s.category}"></a>', f"## {i}. {_esc(s.title)}", "", f"**Aturan.** {_esc(s.rule)}", ""]
        if s.basis:
            out.append("**Dasar hukum nasional.** " + "; ".join(
                f"{_esc(k)} ({_esc(t)})" + (f", telah diganti {_esc(r)}" if r else "") for k, t, r in s.basis))
            out.append("")
        if s.national_rule:
            out += [f"**Sanksi menurut dokumen nasional.** {_esc(s.national_rule)} {refs_text(s.national_refs)}", ""]
        if s.sanctions:
            out += ["**Sanksi yang dikenakan**", ""]
            for line in s.sanctions:
                out.append(f"- {SEVERITY_HEAD.get(line.severity, 'Tanpa tingkat')}: {_esc(line.sanction)} "
                           f"({_esc(', '.join(line.regions))}) {refs_text(line.refs)}")
            out.append("")
        if s.divergences:
            out += ["> **Perbedaan antarwilayah**", ">"]
            for d in s.divergences:
                out.append(f"> - {_esc(d.region)}: {_esc(d.sanction)}" + (f", {d.direction}" if d.direction else "")
                           + f" — \"{_esc(d.quote)}\" {refs_text(d.refs)}")
            out.append("")
        rows = s.national + s.adoptions
        if rows:
            out += ["**Wilayah yang mengatur**", ""]
            for a in rows:
                out.append(f"- {_esc(a.region)} — {_esc(doc_label(a.source))}, hlm. {a.page}: \"{_esc(a.quote)}\""
                           + (f" Sanksi: {_esc(a.sanction)}." if a.sanction else "") + f" {refs_text(a.refs)}"
                           + _others(a))
            out.append("")
    cats = [s.category for s in book.sections]
    out += ['<a id="lampiran-a"></a>', "## Lampiran A. Matriks wilayah dan larangan", "",
            "B = hukuman disiplin berat, S = sedang, R = ringan, M = sanksi lain tanpa tingkat, "
            "• = dilarang tanpa sanksi yang disebutkan. Kolom: nomor bagian.", "",
            "| Wilayah | " + " | ".join(str(i) for i in range(1, len(cats) + 1)) + " |",
            "| --- | " + " | ".join("---" for _ in cats) + " |"]
    for reg in book.regions:
        cells = []
        for c in cats:
            v = book.matrix.get((reg, c))
            cells.append("" if v is None else "•" if v[1] is None else {"berat": "B", "sedang": "S", "ringan": "R"}
                         .get(v[0] or "", "M"))
        out.append(f"| {_esc(reg)} | " + " | ".join(cells) + " |")
    out += ["", '<a id="lampiran-b"></a>', "## Lampiran B. Dokumen sumber", "",
            "| Wilayah | Dokumen | Berkas |", "| --- | --- | --- |"]
    for d in book.documents:
        out.append(f"| {_esc(d.region or '-')} | {_esc(doc_label(d))} | {_esc(d.path.rsplit('/', 1)[-1])} "
                   f"({d.doc_id}) |")
    out += ["", '<a id="lampiran-c"></a>', "## Lampiran C. Peraturan yang dirujuk", "",
            "| Peraturan | Judul | Status | Dirujuk oleh |", "| --- | --- | --- | --- |"]
    for r in book.regulations:
        status = f"telah diganti {r['replaced_by']}" if r["replaced_by"] else "berlaku"
        out.append(f"| {_esc(r['key'])} | {_esc(r['title'] or '-')} | {_esc(status)} | {len(r['documents'])} dokumen |")
    out += ["", '<a id="catatan"></a>', "## Catatan sumber", "",
            "Setiap nomor merujuk ke satu klausul; `himpun show ID` membukanya dalam dokumennya.", ""]
    for f in book.footnotes:
        out.append(f"{f['n']}. `{f['clause']}` — {_esc(f['region'] or '-')}, {_esc(note_label(f))}, "
                   f"hlm. {f['page']}: \"{_esc(f['quote'])}\"")
    return "\n".join(out) + "\n"
