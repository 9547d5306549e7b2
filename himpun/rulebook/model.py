"""What the rulebook says, gathered from the catalog (and the cross-reference
facts, himpun/xref), before any formatting.

Scope: every document, or those of one region or province together with the
national documents (the national rules bind every region), optionally only
documents dated on or after a date. Sections follow the national list
(himpun/data/national_list.tsv); each statement carries references to clause
ids, numbered in order of first use (`Refs`), which `himpun show` opens.
Everything is sorted, so the same catalog gives the same rulebook apart from
the generation date.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date

from himpun.index.topics import label
from himpun.ingest.parse.region import NATIONAL
from himpun.records import SEVERITIES
from himpun.xref.citations import current, replacements, titles
from himpun.xref.rules import differs, national_list, rank


class Refs:
    """Clause ids numbered in order of first use: the rulebook's footnotes."""

    def __init__(self):
        self.order: dict[str, int] = {}

    def __call__(self, *clause_ids: str) -> list[int]:
        out = []
        for cid in clause_ids:
            if cid and cid not in self.order:
                self.order[cid] = len(self.order) + 1
            if cid:
                out.append(self.order[cid])
        return sorted(set(out))


@dataclass
class Source:
    doc_id: str
    kind: str
    issuer: str | None
    region: str | None
    number: str | None
    date: str | None
    path: str
    title: str | None


@dataclass
class Adoption:
    """One region's adoption of a rule: the document that states it with the
    heaviest sanction (the newest on a tie), a short quote, a page; and the
    region's other documents that state it too."""

    region: str
    source: Source
    quote: str
    page: int
    sanction: str | None  # the heaviest sanction it attaches, as an Indonesian label, or None
    severity: str | None
    refs: list[int]
    others: list[tuple[Source, list[int]]] = field(default_factory=list)  # (document, refs), at most MAX_OTHERS
    more: int = 0  # further documents not listed


@dataclass
class SanctionLine:
    severity: str  # berat | sedang | ringan | "" (no level)
    sanction: str  # Indonesian label
    regions: list[str]
    refs: list[int]


@dataclass
class DivergenceLine:
    region: str
    sanction: str
    severity: str | None
    direction: str | None  # lebih berat | lebih ringan | berbeda
    quote: str
    refs: list[int]


@dataclass
class Section:
    category: str
    title: str
    rule: str  # one plain sentence
    basis: list[tuple[str, str, str | None]]  # (key, title, replaced by)
    national: list[Adoption]  # national documents stating it
    sanctions: list[SanctionLine]
    adoptions: list[Adoption]  # regional documents
    national_rule: str | None  # the national sanction as a phrase, when stated
    national_refs: list[int]
    divergences: list[DivergenceLine]


@dataclass
class Rulebook:
    generated: str
    scope: dict
    sections: list[Section]
    regions: list[str]  # matrix rows
    matrix: dict[tuple[str, str], tuple[str | None, str | None]]  # (region, category) -> (severity, label) or absent
    documents: list[Source]
    regulations: list[dict]
    footnotes: list[dict] = field(default_factory=list)  # [{n, clause, doc_id, region, number, page, quote}]


SEVERITY_WORD = {"berat": "berat", "sedang": "sedang", "ringan": "ringan"}
DIRECTION = {"heavier": "lebih berat", "lighter": "lebih ringan", "different": "berbeda"}


def _quote(text: str, width: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rsplit(" ", 1)[0] + " …"


def sanction_phrase(sanction: str | None, severity: str | None) -> str:
    if not sanction:
        return "tanpa sanksi yang disebutkan"
    name = label(sanction)
    if severity and sanction != "disciplinary":
        return f"{name} (hukuman disiplin {severity})"
    if severity:
        return f"hukuman disiplin {severity}"
    return name


def _documents(catalog, region=None, province=None, since=None) -> dict[int, dict]:
    where, args = [], []
    if region:
        where.append("(region = ? OR region = ?)")
        args += [region, NATIONAL]
    if province:
        where.append("(province = ? OR region = ? OR region = ?)")
        args += [province, province, NATIONAL]
    if since:
        where.append("date >= ?")
        args.append(since)
    rows = catalog.db.execute("SELECT * FROM documents" + (" WHERE " + " AND ".join(where) if where else "")
                              + " ORDER BY date, doc_id", args).fetchall()
    return {r["id"]: dict(r) for r in rows}


def _source(d: dict) -> Source:
    return Source(d["doc_id"], d["kind"], d["issuer"], d["region"], (json.loads(d["numbers"] or "[]") or [None])[0],
                  d["date"], d["path"], d["title"])


def build(catalog, *, region=None, province=None, since=None, today: date | None = None) -> Rulebook:
    """The rulebook of a catalog whose cross-references are up to date (himpun.xref.sync)."""
    docs = _documents(catalog, region, province, since)
    refs = Refs()
    ids = list(docs)
    facts = []
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        facts += catalog.db.execute(
            "SELECT f.doc, f.clause, f.category, f.sanction, f.severity, f.rank, f.source, c.text, c.page "
            f"FROM xref_facts f JOIN clauses c ON c.id = f.clause WHERE f.doc IN ({','.join('?' * len(chunk))})",
            chunk).fetchall()
    facts.sort(key=lambda r: (r[2], docs[r[0]]["region"] or "", docs[r[0]]["date"] or "", r[1]))
    by_cat: dict[str, list] = {}
    for f in facts:
        if docs[f[0]]["region"]:
            by_cat.setdefault(f[2], []).append(f)
    order = list(national_list())
    sections = [_section(cat, by_cat[cat], docs, refs) for cat in sorted(by_cat, key=lambda c: (
        order.index(c) if c in order else len(order), c))]
    matrix = {}
    for f in facts:
        reg = docs[f[0]]["region"]
        if not reg:
            continue
        key = (reg, f[2])
        old = matrix.get(key)
        if old is None or f[5] > old[0]:
            matrix[key] = (f[5], f[4], label(f[3]) if f[3] else None)
    regions = sorted({k[0] for k in matrix}, key=lambda r: (r != NATIONAL, r))
    cited = {}
    for row in catalog.db.execute("SELECT doc, key FROM citations ORDER BY key"):
        if row[0] in docs:
            cited.setdefault(row[1], set()).add(docs[row[0]]["doc_id"])
    regulations = [{"key": k, "title": titles().get(k), "replaced_by": current(k) if k in replacements() else None,
                    "documents": sorted(v)} for k, v in sorted(cited.items())]
    dates = sorted(d["date"] for d in docs.values() if d["date"])
    scope = {"documents": len(docs), "regions": sorted({d["region"] for d in docs.values() if d["region"]} - {NATIONAL}),
             "national_documents": sum(1 for d in docs.values() if d["region"] == NATIONAL),
             "from": dates[0] if dates else None, "to": dates[-1] if dates else None,
             "filter": {k: v for k, v in (("region", region), ("province", province), ("since", since)) if v}}
    book = Rulebook(generated=(today or date.today()).isoformat(), scope=scope, sections=sections, regions=regions,
                    matrix={k: (v[1], v[2]) for k, v in matrix.items()},
                    documents=[_source(d) for d in sorted(docs.values(), key=lambda d: (
                        d["region"] != NATIONAL, d["region"] or "", d["date"] or "", d["doc_id"]))],
                    regulations=regulations)
    book.footnotes = _footnotes(catalog, refs)
    return book


def _section(cat: str, facts: list, docs: dict, refs: Refs) -> Section:
    rule = national_list().get(cat)
    # the national rule: the heaviest sanction national documents state, regulations and decrees first
    stated = [f for f in facts if docs[f[0]]["region"] == NATIONAL and f[3] and f[3] != "unspecified"]
    authority = {"regulation": 0, "decree": 0, "circular": 1}
    nat = None
    if stated:
        top = min(authority.get(docs[f[0]]["kind"], 2) for f in stated)
        nat = max((f for f in stated if authority.get(docs[f[0]]["kind"], 2) == top), key=lambda f: (f[5], f[1]))
    national_refs = refs(nat[1], nat[6]) if nat else []
    lines: dict[tuple[str, str], SanctionLine] = {}
    sources: dict[tuple[str, str], list[str]] = {}
    for f in facts:
        if not f[3]:
            continue
        key = (f[4] or "", f[3])
        line = lines.setdefault(key, SanctionLine(f[4] or "", sanction_phrase(f[3], None), [], []))
        reg = docs[f[0]]["region"]
        if reg not in line.regions:
            line.regions.append(reg)
        sources.setdefault(key, []).append(f[6])
    sev_order = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    for key in sorted(lines, key=lambda k: (sev_order.get(lines[k].severity, 9), lines[k].sanction)):
        lines[key].refs = refs(*sources[key])  # numbered in the order the lines are read
    sanctions = sorted(lines.values(), key=lambda s: (sev_order.get(s.severity, 9), s.sanction))
    divergences = []
    best: dict[str, tuple] = {}
    for f in facts:
        reg = docs[f[0]]["region"]
        if reg != NATIONAL and f[3] and f[3] != "unspecified" and (reg not in best or f[5] > best[reg][5]):
            best[reg] = f
    if nat is not None:
        for reg, f in sorted(best.items()):
            if differs((f[3], f[4]), (nat[3], nat[4])):
                direction = "heavier" if f[5] > nat[5] else "lighter" if f[5] < nat[5] else "different"
                divergences.append(DivergenceLine(reg, sanction_phrase(f[3], f[4]), f[4], DIRECTION[direction],
                                                  _quote(f[7], 160), refs(f[1], f[6])))
    elif any(differs((a[3], a[4]), (b[3], b[4])) for a in best.values() for b in best.values()):
        divergences = [DivergenceLine(reg, sanction_phrase(f[3], f[4]), f[4], None, _quote(f[7], 160),
                                      refs(f[1], f[6])) for reg, f in sorted(best.items())]
    # adoptions last: references are numbered in reading order (sanctions, differences, adoptions)
    by_region: dict[str, list] = {}
    for f in facts:
        by_region.setdefault(docs[f[0]]["region"], []).append(f)
    adoptions, national = [], []
    for reg in sorted(by_region, key=lambda r: (r != NATIONAL, r)):
        group = sorted(by_region[reg], key=lambda f: (-f[5], _neg(docs[f[0]]["date"]), f[1]))
        best = group[0]
        d = docs[best[0]]
        a = Adoption(reg, _source(d), _quote(best[7]), best[8], label(best[3]) if best[3] else None, best[4],
                     refs(best[1], best[6]))
        seen = {best[0]}
        for f in group[1:]:
            if f[0] in seen:
                continue
            seen.add(f[0])
            if len(a.others) < MAX_OTHERS:
                a.others.append((_source(docs[f[0]]), refs(f[1])))
            else:
                a.more += 1
        (national if reg == NATIONAL else adoptions).append(a)
    basis = [(k, titles().get(k, ""), current(k) if k in replacements() else None) for k in (rule.basis if rule else ())]
    return Section(cat, label(cat), rule.sentence if rule else label(cat) + ".", basis, national, sanctions, adoptions,
                   sanction_phrase(nat[3], nat[4]) if nat else None, national_refs, divergences)


MAX_OTHERS = 5  # further documents of a region listed under its adoption of a rule


def _neg(iso: str | None) -> str:
    """A key that sorts dates newest first."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in (iso or ""))


def _footnotes(catalog, refs: Refs) -> list[dict]:
    out = []
    for cid, n in sorted(refs.order.items(), key=lambda t: t[1]):
        r = catalog.db.execute("SELECT c.text, c.page, d.doc_id, d.region, d.numbers, d.kind FROM clauses c "
                               "JOIN documents d ON d.id = c.doc WHERE c.id = ?", (cid,)).fetchone()
        out.append({"n": n, "clause": cid, "doc_id": r[2], "region": r[3], "kind": r[5],
                    "number": (json.loads(r[4] or "[]") or [None])[0], "page": r[1], "quote": _quote(r[0], 140)})
    return out
