"""The cross-reference views as text for a terminal, CSV and JSON (`render` picks
one). Text shortens quotes; CSV and JSON carry every clause's full text."""
from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from himpun.xref.quotes import clean, shorten
from himpun.xref.sources import file_name, short_title
from himpun.xref.views import Cell, Divergence, Gap

QUOTE_WIDTH = 200  # characters of a quote in the text views
FORMATS = ("table", "md", "csv", "json")  # md: the text views (plain text, readable as Markdown)


def doc_name(kind: str, number: str | None, doc_id: str, title: str | None = None, path: str = "",
             date: str | None = None, reported=()) -> str:
    """A document as a reader may cite it: `circular 800/12/2024`; a news report by its title (else its
    file name) and date, and the instrument it reports only where its text says which."""
    if kind != "news":
        return f"{kind} {number or doc_id}"
    out = f'news "{short_title(title, path, 60)}"' if title else f"news, file {file_name(path) or doc_id}"
    out += f" ({date})" if date else ""
    if reported:
        out += ", reporting " + "; ".join(f"{r.kind} No. {r.number}" for r in reported)
    return out


def _source_name(s) -> str:
    return doc_name(s.kind, s.number, s.doc_id, s.title, s.path, None, s.reported)

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
        where += f", {src.number}" if src.number and src.kind != "news" else ""
        where += f", {src.date}" if src.date else ""
        docs = f" (+{len(c.documents) - 1} doc)" if len(c.documents) > 1 else ""
        lines.append(f"  {c.category:<{width}}  {cell_label(c):<28} {where}{docs}")
    lines.append("")
    lines.append("B/S/R: hukuman disiplin berat/sedang/ringan; '-': prohibited with no sanction stated. Each cell: the "
                 "prohibition clause and page, '<-' the clause stating its sanction, the document's number and date; "
                 "himpun show CLAUSE opens either.")
    return "\n".join(lines[1:] if lines and lines[0] == "" else lines)


CSV_FIELDS = ("region", "province", "category", "sanction", "severity", "clauses", "documents", "clause",
              "sanction_clause", "via", "doc_id", "kind", "number", "date", "page", "sanction_page",
              "prohibition_context", "prohibition_quote", "sanction_quote")


def _cell_row(c: Cell) -> list:
    """A cell's CSV values: both clauses' full text (the sanction's is the prohibition's own when it states it)."""
    s = c.source
    sanction_quote = s.sanction_quote or (s.quote if s.sanction_clause else "")
    return [c.region, c.province or "", c.category, c.sanction or "", c.severity or "", c.clauses,
            " ".join(c.documents), s.clause, s.sanction_clause or "", s.via or "", s.doc_id, s.kind,
            s.number or "", s.date or "", s.page, s.sanction_page or "", s.context,
            s.quote, sanction_quote]


def _csv(header, rows) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(header)
    w.writerows(rows)
    return out.getvalue()


def matrix_csv(cells: list[Cell]) -> str:
    return _csv(CSV_FIELDS, [_cell_row(c) for c in cells])


def divergence_csv(divs: list[Divergence]) -> str:
    """One row per region apart from the rule (direction: heavier | lighter | different, empty with no
    national rule), after the national rule's own row (direction `national`)."""
    rows = []
    for d in divs:
        if d.national:
            rows.append(["national"] + _cell_row(d.national))
        rows += [[d.direction.get(c.region, "")] + _cell_row(c) for c in d.cells]
    return _csv(("direction",) + CSV_FIELDS, rows)


def gaps_csv(region: str, gaps: list[Gap] | None) -> str:
    """One row per gap (none when the region has no document: `gaps_json` tells the two apart)."""
    return _csv(("region", "category", "rule", "basis", "covered_by"),
                [[region, g.category, g.rule, "; ".join(g.basis), "; ".join(g.covered_by)]
                 for g in gaps or []])


def gaps_json(region: str, gaps: list[Gap] | None) -> str:
    return as_json({"region": region, "documents": gaps is not None,
                    "gaps": [asdict(g) for g in gaps] if gaps is not None else None})


def citations_csv(graph) -> str:
    """One row per (document, regulation it cites), with the regulation's title and replacement."""
    from himpun.xref.citations import titles
    rows = []
    for d in graph.documents:
        for key in d.keys:
            info = d.replaced.get(key, {})
            rows.append([d.doc_id, d.region or "", d.kind, d.number or "", d.date or "",
                         d.path, key, titles().get(key, ""), info.get("by", ""),
                         _flag(info, "also_cites_replacement"), _flag(info, "before_replacement")])
    return _csv(("doc_id", "region", "kind", "number", "date", "path", "key", "title", "replaced_by",
                 "also_cites_replacement", "before_replacement"), rows)


def _flag(info: dict, name: str) -> str:
    return "" if not info else "yes" if info.get(name) else "no"


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
            shown = clean(s.sanction_quote) if s.sanction_quote else clean(s.quote, s.context)
            lines.append(f"    \"{shorten(shown, QUOTE_WIDTH)}\"")
            lines.append(f"    {s.sanction_clause or s.clause}, {_source_name(s)}"
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
        lines.append(f"  {key}" + (f" ({title})" if title else "") + f": {len(regions)} region(s): "
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
                name = doc_name(d.kind, d.number, d.doc_id, d.title, d.path, d.date, d.reported)
                if d.kind != "news" and d.date:
                    name += f", {d.date}"
                lines.append(f"  {d.doc_id} {d.region or '-'} {name}: {key} -> {info['by']}"
                             + (f" ({'; '.join(notes)})" if notes else ""))
    else:
        lines.append("No document cites a replaced regulation.")
    return "\n".join(lines)


def as_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def render(view: str, data, fmt: str = "table", region: str | None = None) -> str:
    """A view (matrix | divergent | gaps | citations) in a format of FORMATS; what the CLI prints.
    `data`: the view's result (cells, divergences, gaps, the citation graph); `region`: for gaps."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if view == "matrix":
        return {"json": lambda: as_json([c.to_dict() for c in data]), "csv": lambda: matrix_csv(data)}.get(
            fmt, lambda: matrix_table(data))()
    if view == "divergent":
        return {"json": lambda: as_json([d.to_dict() for d in data]), "csv": lambda: divergence_csv(data)}.get(
            fmt, lambda: divergence_text(data))()
    if view == "gaps":
        return {"json": lambda: gaps_json(region, data), "csv": lambda: gaps_csv(region, data)}.get(
            fmt, lambda: gaps_text(region, data))()
    if view == "citations":
        return {"json": lambda: as_json(data.to_dict()), "csv": lambda: citations_csv(data)}.get(
            fmt, lambda: citations_text(data))()
    raise ValueError(f"unknown view {view!r}")
