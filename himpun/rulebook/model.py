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

from himpun.errors import QueryError
from himpun.index.topics import label
from himpun.ingest.parse.region import NATIONAL
from himpun.records import SEVERITIES
from himpun.rulebook import sanctions as wording
from himpun.xref import quotes
from himpun.xref.citations import current, replacements, titles
from himpun.xref.rules import differs, national_list
from himpun.xref.sources import Reported, reported_of


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
    reported: list[Reported] = field(default_factory=list)  # news: the instruments its text says it reports


@dataclass
class Adoption:
    """One region's adoption of a rule: the document that states it with the
    heaviest sanction (the newest on a tie), a short quote, a page; and the
    region's other documents that state it too."""

    region: str
    source: Source
    quote: str
    page: int
    sanction: str | None  # the sanctions it attaches (the heaviest, and a moral sanction stated with it), or None
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

    @property
    def empty(self) -> bool:
        """Nothing selected: no document at all, or none of the region or province asked for
        (the national documents alone are no rulebook of that area)."""
        return not self.scope["documents"] or bool(
            (self.scope["filter"].get("region") or self.scope["filter"].get("province"))
            and not self.scope["regional_documents"])

    @property
    def empty_reason(self) -> str | None:
        """Why nothing was selected, in one line (None when something was)."""
        if not self.empty:
            return None
        f = self.scope["filter"]
        area = f.get("region") or f.get("province")
        what = f"no document of {area}" if area else "no document"
        since = f" dated on or after {f['since']}" if f.get("since") else ""
        national = (f" (only {self.scope['national_documents']} national document(s) match)"
                    if area and self.scope["national_documents"] else "")
        return f"nothing to put in the rulebook: the library holds {what}{since}{national}"

    def require_selection(self) -> "Rulebook":
        """The rulebook itself, or NothingSelected when `empty` (for callers that refuse an empty one)."""
        if self.empty:
            raise NothingSelected(self.empty_reason)
        return self


class NothingSelected(QueryError):
    """The filters of a rulebook select no document of the area asked for."""


DIRECTION = {"heavier": "lebih berat", "lighter": "lebih ringan", "different": "berbeda"}
COMPANIONS = ("moral-sanction",)  # sanctions stated beside a heavier one that the rulebook names too


def _quote(text: str, context: str | None = None, width: int = 220) -> str:
    """A clause as the rulebook quotes it: balanced marks, a list item with its lead-in, shortened."""
    return quotes.shorten(quotes.clean(text, context), width)


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


def _source(d: dict, catalog=None) -> Source:
    numbers = json.loads(d["numbers"] or "[]")
    found = reported_of(catalog, d["id"], numbers[:1]) if catalog is not None and d["kind"] == "news" else []
    return Source(d["doc_id"], d["kind"], d["issuer"], d["region"], (numbers or [None])[0], d["date"], d["path"],
                  d["title"], found)


def _in_chunks(catalog, sql: str, ids: list) -> list:
    """`sql` (with one `{}` for the placeholders) run over ids 900 at a time (SQLite's limit on variables)."""
    out = []
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        out += catalog.db.execute(sql.format(",".join("?" * len(chunk))), chunk).fetchall()
    return out


def build(catalog, *, region=None, province=None, since=None, today: date | None = None) -> Rulebook:
    """The rulebook of a catalog whose cross-references are up to date (himpun.xref.sync).
    Nothing selected gives a rulebook whose `empty` is true (`require_selection` raises)."""
    docs = _documents(catalog, region, province, since)
    sources = {row: _source(d, catalog) for row, d in docs.items()}
    refs = Refs()
    # fact: 0 doc, 1 clause, 2 category, 3 sanction, 4 severity, 5 rank, 6 source, 7 text, 8 page, 9 context
    facts = _in_chunks(catalog, "SELECT f.doc, f.clause, f.category, f.sanction, f.severity, f.rank, f.source, "
                       "c.text, c.page, c.context FROM xref_facts f JOIN clauses c ON c.id = f.clause "
                       "WHERE f.doc IN ({})", list(docs))
    facts.sort(key=lambda r: (r[2], docs[r[0]]["region"] or "", docs[r[0]]["date"] or "", r[1]))
    stated = _stated(catalog, sorted({f[6] for f in facts if f[6]}))
    by_cat: dict[str, list] = {}
    for f in facts:
        if docs[f[0]]["region"]:
            by_cat.setdefault(f[2], []).append(f)
    order = list(national_list())
    sections = [_section(cat, by_cat[cat], docs, sources, stated, refs) for cat in sorted(by_cat, key=lambda c: (
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
    regional = [d for d in docs.values() if d["region"] and d["region"] != NATIONAL]
    national_docs = sum(1 for d in docs.values() if d["region"] == NATIONAL)
    scope = {"documents": len(docs), "regions": sorted({d["region"] for d in regional}),
             "national_documents": national_docs, "regional_documents": len(regional),
             "unplaced_documents": len(docs) - national_docs - len(regional),
             "from": dates[0] if dates else None, "to": dates[-1] if dates else None,
             "filter": {k: v for k, v in (("region", region), ("province", province), ("since", since)) if v}}
    book = Rulebook(generated=(today or date.today()).isoformat(), scope=scope, sections=sections, regions=regions,
                    matrix={k: (v[1], v[2]) for k, v in matrix.items()},
                    documents=[sources[row] for row, d in sorted(docs.items(), key=lambda t: (
                        t[1]["region"] != NATIONAL, t[1]["region"] or "", t[1]["date"] or "", t[1]["doc_id"]))],
                    regulations=regulations)
    book.footnotes = _footnotes(catalog, refs)
    return book


def _stated(catalog, clause_ids: list[str]) -> dict[str, tuple[str, list[tuple[str, str | None]]]]:
    """Source clause -> (its text, every sanction it states, in order)."""
    out: dict[str, tuple[str, list]] = {}
    for cid, text in _in_chunks(catalog, "SELECT id, text FROM clauses WHERE id IN ({})", clause_ids):
        out[cid] = (text, [])
    for cid, typ, sev in _in_chunks(catalog, "SELECT clause, type, severity FROM clause_sanctions WHERE clause IN ({}) "
                                    "ORDER BY clause, position", clause_ids):
        out[cid][1].append((typ, sev))
    return out


def _companions(f, stated: dict) -> list[tuple[str, str | None]]:
    """Sanctions the clause stating a fact's sanction states beside it ("sanksi moral berupa pernyataan
    secara terbuka dan hukuman disiplin berat"), which the heaviest alone would drop."""
    _, found = stated.get(f[6], ("", []))
    return [(t, s) for t, s in found if t in COMPANIONS and t != f[3]][:1]


def _phrase(f, stated: dict) -> str | None:
    """A fact's sanctions as one phrase: the heaviest, and those stated beside it."""
    if not f[3]:
        return None
    text = stated.get(f[6], ("", []))[0]
    return wording.joined([wording.phrase(f[3], f[4], text)]
                          + [wording.phrase(t, s, text) for t, s in _companions(f, stated)])


def _section(cat: str, facts: list, docs: dict, sources: dict, stated: dict, refs: Refs) -> Section:
    rule = national_list().get(cat)
    # the national rule: the heaviest sanction national documents state, regulations and decrees first
    national_facts = [f for f in facts if docs[f[0]]["region"] == NATIONAL and f[3] and f[3] != "unspecified"]
    authority = {"regulation": 0, "decree": 0, "circular": 1}
    nat = None
    if national_facts:
        top = min(authority.get(docs[f[0]]["kind"], 2) for f in national_facts)
        nat = max((f for f in national_facts if authority.get(docs[f[0]]["kind"], 2) == top),
                  key=lambda f: (f[5], f[1]))
    national_refs = refs(nat[1], nat[6]) if nat else []
    lines: dict[tuple[str, str], SanctionLine] = {}
    line_sources: dict[tuple[str, str], list[str]] = {}
    for f in facts:
        if not f[3]:
            continue
        text = stated.get(f[6], ("", []))[0]
        for typ, sev in [(f[3], f[4])] + _companions(f, stated):
            key = (sev or "", wording.name(typ, text))
            line = lines.setdefault(key, SanctionLine(sev or "", key[1], [], []))
            reg = docs[f[0]]["region"]
            if reg not in line.regions:
                line.regions.append(reg)
            line_sources.setdefault(key, []).append(f[6])
    sev_order = {s: i for i, s in enumerate(reversed(SEVERITIES))}
    for key in sorted(lines, key=lambda k: (sev_order.get(lines[k].severity, 9), lines[k].sanction)):
        lines[key].refs = refs(*line_sources[key])  # numbered in the order the lines are read
    sanction_lines = sorted(lines.values(), key=lambda s: (sev_order.get(s.severity, 9), s.sanction))
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
                divergences.append(DivergenceLine(reg, _phrase(f, stated), f[4], DIRECTION[direction],
                                                  _quote(f[7], f[9], 160), refs(f[1], f[6])))
    else:  # the regions that differ from another (a sanction that contradicts nothing is not among them)
        divergences = [DivergenceLine(reg, _phrase(f, stated), f[4], None, _quote(f[7], f[9], 160),
                                      refs(f[1], f[6])) for reg, f in sorted(best.items())
                       if any(differs((f[3], f[4]), (b[3], b[4])) for b in best.values())]
    # adoptions last: references are numbered in reading order (sanctions, differences, adoptions)
    by_region: dict[str, list] = {}
    for f in facts:
        by_region.setdefault(docs[f[0]]["region"], []).append(f)
    adoptions, national = [], []
    for reg in sorted(by_region, key=lambda r: (r != NATIONAL, r)):
        group = sorted(by_region[reg], key=lambda f: (-f[5], _neg(docs[f[0]]["date"]), f[1]))
        top = group[0]
        a = Adoption(reg, sources[top[0]], _quote(top[7], top[9]), top[8], _phrase(top, stated), top[4],
                     refs(top[1], top[6]))
        seen = {top[0]}
        for f in group[1:]:
            if f[0] in seen:
                continue
            seen.add(f[0])
            if len(a.others) < MAX_OTHERS:
                a.others.append((sources[f[0]], refs(f[1])))
            else:
                a.more += 1
        (national if reg == NATIONAL else adoptions).append(a)
    basis = [(k, titles().get(k, ""), current(k) if k in replacements() else None) for k in (rule.basis if rule else ())]
    return Section(cat, label(cat), rule.sentence if rule else label(cat) + ".", basis, national, sanction_lines,
                   adoptions, _phrase(nat, stated) if nat else None, national_refs, divergences)


MAX_OTHERS = 5  # further documents of a region listed under its adoption of a rule


def _neg(iso: str | None) -> str:
    """A key that sorts dates newest first."""
    return "".join(chr(0x10FFFF - ord(ch)) for ch in (iso or ""))


def _footnotes(catalog, refs: Refs) -> list[dict]:
    out = []
    for cid, n in sorted(refs.order.items(), key=lambda t: t[1]):
        r = catalog.db.execute("SELECT c.text, c.page, d.doc_id, d.region, d.numbers, d.kind, c.context, d.title, "
                               "d.path FROM clauses c JOIN documents d ON d.id = c.doc WHERE c.id = ?", (cid,)).fetchone()
        out.append({"n": n, "clause": cid, "doc_id": r[2], "region": r[3], "kind": r[5],
                    "number": (json.loads(r[4] or "[]") or [None])[0], "page": r[1], "quote": _quote(r[0], r[6], 140),
                    "title": r[7], "path": r[8]})
    return out
