"""The cross-reference views as text for a terminal, CSV and JSON."""
from __future__ import annotations

import csv
import io
import json

from himpun.xref.views import Cell, Divergence, Gap

SEVERITY_MARK = {"berat": "B", "sedang": "S", "ringan": "R"}


def cell_label(c: Cell) -> str:
    """A short label: `B dismissal`, `S allowance-cut`, `moral-sanction`, `-` (prohibited, no sanction stated)."""
    if not c.sanction:
        return "-"
    mark = SEVERITY_MARK.get(c.severity or "", "")
    return f"{mark} {c.sanction}".strip()


def matrix_table(cells: list[Cell]) -> str:
    """Categories down, regions across would be too wide: one block per region."""
    if not cells:
        return "No prohibition in the catalog matches these filters."
    lines, region = [], None
    width = max(len(c.category) for c in cells)
    for c in cells:
        if c.region != region:
            region = c.region
            lines.append("" if lines else "")
            lines.append(region + (f"  ({c.province})" if c.province and c.province != c.region else ""))
        src = c.source
        where = f"{src.clause} p.{src.page}"
        if src.sanction_clause and src.sanction_clause != src.clause:
            where += f" <- {src.sanction_clause} p.{src.sanction_page}"
        where += "".join(f", {v}" for v in (src.number, src.date) if v)
        docs = f" (+{len(c.documents) - 1} doc)" if len(c.documents) > 1 else ""
        lines.append(f"  {c.category:<{width}}  {cell_label(c):<28} {where}{docs}")
    lines.append("")
    lines.append("B/S/R: hukuman disiplin berat/sedang/ringan; '-': prohibited with no sanction stated. Each cell: the "
                 "prohibition clause and page, '<-' the clause stating its sanction, the document's number and date; "
                 "himpun show CLAUSE opens either.")
    return "\n".join(lines[1:] if lines and lines[0] == "" else lines)


CSV_FIELDS = ("region", "province", "category", "sanction", "severity", "clauses", "documents", "clause",
              "sanction_clause", "via", "doc_id", "number", "date", "page", "quote")


def matrix_csv(cells: list[Cell]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(CSV_FIELDS)
    for c in cells:
        s = c.source
        w.writerow([c.region, c.province or "", c.category, c.sanction or "", c.severity or "", c.clauses,
                    " ".join(c.documents), s.clause, s.sanction_clause or "", s.via or "", s.doc_id, s.number or "",
                    s.date or "", s.sanction_page or s.page, s.sanction_quote or s.quote])
    return out.getvalue()


def divergence_text(divs: list[Divergence]) -> str:
    if not divs:
        return "No divergence: every region that states a sanction agrees with the national rule and the others."
    lines = []
    for d in divs:
        n = d.national
        head = (f"{d.category}: national rule {cell_label(n)} ({n.source.doc_id}, {n.source.kind})" if n
                else f"{d.category}: no national rule stated in the catalog; the regions differ from each other")
        lines.append(head)
        for c in d.cells:
            s = c.source
            arrow = f" [{d.direction[c.region]}]" if c.region in d.direction else ""
            lines.append(f"  {c.region}: {cell_label(c)}{arrow}")
            lines.append(f"    \"{s.sanction_quote or s.quote}\"")
            lines.append(f"    {s.sanction_clause or s.clause}, {s.kind} {s.number or s.doc_id}"
                         + (f", {s.date}" if s.date else "") + f", page {s.sanction_page or s.page}")
        lines.append("")
    return "\n".join(lines).rstrip()


def gaps_text(region: str, gaps: list[Gap] | None) -> str:
    if gaps is None:
        return f"{region}: no document of this region is in the library; there is nothing to compare."
    if not gaps:
        return f"{region}: its documents cover every prohibition of the national list."
    lines = [f"{region}: {len(gaps)} prohibition(s) of the national list not covered by its documents"]
    for g in gaps:
        lines.append(f"  {g.category}: {g.rule}")
        lines.append(f"    basis: {', '.join(g.basis) or '-'}"
                     + (f"; covered by {len(g.covered_by)} other region(s): {', '.join(g.covered_by[:5])}"
                        + (" …" if len(g.covered_by) > 5 else "") if g.covered_by else ""))
    return "\n".join(lines)


def citations_text(graph) -> str:
    from himpun.xref.citations import titles
    shared = {k: v for k, v in graph.shared.items() if len(v) > 1}
    single = [k for k, v in graph.shared.items() if len(v) == 1]
    lines = ["Legal bases shared across regions:" if shared else "No legal basis is cited by more than one region."]
    for key, regions in shared.items():
        title = titles().get(key)
        lines.append(f"  {key}" + (f" ({title[:60]})" if title else "") + f": {len(regions)} region(s): "
                     + ", ".join(regions[:6]) + (" …" if len(regions) > 6 else ""))
    if single:
        lines.append("Cited by one region only: " + ", ".join(f"{k} ({graph.shared[k][0]})" for k in single))
    lines.append("")
    if graph.flagged:
        lines.append("Documents citing a replaced regulation:")
        for d in graph.flagged:
            for key, info in d.replaced.items():
                notes = [n for n, on in (("also cites its replacement", info["also_cites_replacement"]),
                                         ("issued before it was replaced", info.get("before_replacement"))) if on]
                lines.append(f"  {d.doc_id} {d.region or '-'} {d.kind} {d.number or ''}{', ' + d.date if d.date else ''}"
                             f": {key} -> {info['by']}" + (f" ({'; '.join(notes)})" if notes else ""))
    else:
        lines.append("No document cites a replaced regulation.")
    return "\n".join(lines)


def as_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)
