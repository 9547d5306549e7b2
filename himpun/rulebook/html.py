"""The rulebook as one self-contained HTML file: inline CSS with a print
stylesheet (A4, page numbers, table of contents with page numbers when
printed by WeasyPrint). Every piece of document text is escaped."""
from __future__ import annotations

from html import escape

from himpun.rulebook.model import Rulebook
from himpun.rulebook.text import SEVERITY_HEAD, cover_lines, doc_label, note_label

CSS = """
body { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 10.5pt; line-height: 1.45; color: #1d2330;
       max-width: 58em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 22pt; margin: 0 0 .4em; } h2 { font-size: 14pt; margin-top: 1.6em; border-bottom: 1px solid #ccd; }
.cover { border: 2px solid #2f4a7a; padding: 1.2em 1.5em; margin-bottom: 2em; }
.rule { font-size: 11.5pt; font-weight: bold; }
.box { border-left: 4px solid #c0392b; background: #fdf1ef; padding: .5em 1em; margin: .8em 0; }
.ref { font-size: 8pt; vertical-align: super; color: #2f4a7a; text-decoration: none; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: .6em 0; }
th, td { border: 1px solid #c8ccd6; padding: 2px 4px; text-align: left; vertical-align: top; }
th { background: #eef1f6; }
td.B { background: #e74c3c; color: #fff; } td.S { background: #f39c12; } td.R { background: #f7dc6f; }
td.M { background: #aed6f1; } td.N { background: #e5e8e8; }
td.cell { text-align: center; width: 1.6em; }
.toc a { text-decoration: none; color: inherit; }
.legend span { display: inline-block; padding: 0 .5em; margin-right: .4em; }
ol.notes { font-size: 8.5pt; }
code { font-size: 8.5pt; }
@page { size: A4; margin: 18mm 16mm 20mm;
        @bottom-center { content: "Buku Aturan Netralitas ASN — halaman " counter(page) " dari " counter(pages);
                         font-size: 8pt; color: #667; } }
@media print {
  body { max-width: none; margin: 0; padding: 0; }
  h2 { break-after: avoid; } .section, .cover { break-inside: auto; }
  .annex { break-before: page; }
  .toc a::after { content: leader(".") target-counter(attr(href), page); }
  tr { break-inside: avoid; }
}
"""

MARK = {"berat": "B", "sedang": "S", "ringan": "R"}


def _refs(refs: list[int]) -> str:
    return "".join(f'<a class="ref" href="#n{n}">[{n}]</a>' for n in refs)


def render(book: Rulebook) -> str:
    e = escape
    out = ['<!DOCTYPE html>', '<html lang="id"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           '<title>Buku Aturan Netralitas ASN</title>', f'<style>{CSS}</style></head><body>',
           '<div class="cover"><h1>Buku Aturan Netralitas ASN</h1>',
           "".join(f"<p>{e(line)}</p>" for line in cover_lines(book)), "</div>",
           '<nav class="toc"><h2>Daftar isi</h2><ol>']
    for i, s in enumerate(book.sections, 1):
        out.append(f'<li><a href="#{e(s.category)}">{e(s.title)}</a></li>')
    out.append('</ol><ul><li><a href="#lampiran-a">Lampiran A. Matriks wilayah dan larangan</a></li>'
               '<li><a href="#lampiran-b">Lampiran B. Dokumen sumber</a></li>'
               '<li><a href="#lampiran-c">Lampiran C. Peraturan yang dirujuk</a></li>'
               '<li><a href="#catatan">Catatan sumber</a></li></ul></nav>')
    for i, s in enumerate(book.sections, 1):
        out.append(f'<section class="section" id="{e(s.category)}"><h2>{i}. {e(s.title)}</h2>')
        out.append(f'<p class="rule">{e(s.rule)}</p>')
        if s.basis:
            out.append("<p><b>Dasar hukum nasional.</b> " + "; ".join(
                f"{e(k)} ({e(t)})" + (f", telah diganti {e(r)}" if r else "") for k, t, r in s.basis) + "</p>")
        if s.national_rule:
            out.append(f"<p><b>Sanksi menurut dokumen nasional.</b> {e(s.national_rule)}{_refs(s.national_refs)}</p>")
        if s.sanctions:
            out.append("<p><b>Sanksi yang dikenakan</b></p><ul>")
            for line in s.sanctions:
                out.append(f"<li>{e(SEVERITY_HEAD.get(line.severity, 'Tanpa tingkat'))}: {e(line.sanction)} "
                           f"({e(', '.join(line.regions))}){_refs(line.refs)}</li>")
            out.append("</ul>")
        if s.divergences:
            out.append('<div class="box"><b>Perbedaan antarwilayah</b><ul>')
            for d in s.divergences:
                out.append(f"<li>{e(d.region)}: {e(d.sanction)}" + (f", {e(d.direction)}" if d.direction else "")
                           + f" — “{e(d.quote)}”{_refs(d.refs)}</li>")
            out.append("</ul></div>")
        rows = s.national + s.adoptions
        if rows:
            out.append("<table><tr><th>Wilayah</th><th>Dokumen</th><th>Kutipan</th><th>Sanksi</th></tr>")
            for a in rows:
                sanction = e(a.sanction) if a.sanction else "—"
                also = ""
                if a.others:
                    also = ('<br><small>Juga: ' + "; ".join(f"{e(doc_label(src))}{_refs(r)}" for src, r in a.others)
                            + (f"; dan {a.more} dokumen lain" if a.more else "") + "</small>")
                out.append(f"<tr><td>{e(a.region)}</td><td>{e(doc_label(a.source))}, hlm. {a.page}{also}</td>"
                           f"<td>“{e(a.quote)}”{_refs(a.refs)}</td><td>{sanction}</td></tr>")
            out.append("</table>")
        out.append("</section>")
    cats = [s.category for s in book.sections]
    out.append('<section class="annex" id="lampiran-a"><h2>Lampiran A. Matriks wilayah dan larangan</h2>'
               '<p class="legend"><span class="B" style="background:#e74c3c;color:#fff">B berat</span>'
               '<span style="background:#f39c12">S sedang</span><span style="background:#f7dc6f">R ringan</span>'
               '<span style="background:#aed6f1">M sanksi lain</span>'
               '<span style="background:#e5e8e8">• tanpa sanksi disebut</span> Kolom: nomor bagian.</p>'
               "<table><tr><th>Wilayah</th>" + "".join(f'<th title="{e(c)}">{i}</th>' for i, c in enumerate(cats, 1))
               + "</tr>")
    for reg in book.regions:
        cells = []
        for c in cats:
            v = book.matrix.get((reg, c))
            if v is None:
                cells.append('<td class="cell"></td>')
            elif v[1] is None:
                cells.append('<td class="cell N">•</td>')
            else:
                m = MARK.get(v[0] or "", "M")
                cells.append(f'<td class="cell {m}" title="{e(v[1])}">{m}</td>')
        out.append(f"<tr><td>{e(reg)}</td>{''.join(cells)}</tr>")
    out.append("</table></section>")
    out.append('<section class="annex" id="lampiran-b"><h2>Lampiran B. Dokumen sumber</h2><table><tr><th>Wilayah</th>'
               "<th>Dokumen</th><th>Berkas</th></tr>")
    for d in book.documents:
        out.append(f"<tr><td>{e(d.region or '-')}</td><td>{e(doc_label(d))}</td>"
                   f"<td>{e(d.path.rsplit('/', 1)[-1])} <code>{e(d.doc_id)}</code></td></tr>")
    out.append("</table></section>")
    out.append('<section class="annex" id="lampiran-c"><h2>Lampiran C. Peraturan yang dirujuk</h2><table><tr>'
               "<th>Peraturan</th><th>Judul</th><th>Status</th><th>Dirujuk oleh</th></tr>")
    for r in book.regulations:
        status = f"telah diganti {r['replaced_by']}" if r["replaced_by"] else "berlaku"
        out.append(f"<tr><td>{e(r['key'])}</td><td>{e(r['title'] or '-')}</td><td>{e(status)}</td>"
                   f"<td>{len(r['documents'])} dokumen</td></tr>")
    out.append('</table></section><section id="catatan"><h2>Catatan sumber</h2>'
               "<p>Setiap nomor merujuk ke satu klausul; <code>himpun show ID</code> membukanya dalam dokumennya.</p>"
               '<ol class="notes">')
    for f in book.footnotes:
        out.append(f'<li id="n{f["n"]}"><code>{e(f["clause"])}</code> — {e(f["region"] or "-")}, '
                   f'{e(note_label(f))}, hlm. {f["page"]}: '
                   f'“{e(f["quote"])}”</li>')
    out.append("</ol></section></body></html>")
    return "\n".join(out) + "\n"
