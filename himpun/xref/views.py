"""The region-by-category views, read from the cross-reference facts.

matrix: for each region and category, the heaviest sanction the region's
documents attach to that prohibition (or that they prohibit it with none
stated), with the documents and clauses behind it.
divergences: for each category, the regions whose stated sanction differs
from the national rule (the heaviest sanction stated by national documents,
regulations and decrees before circulars and news) or, with no national
rule, from each other.
gaps: the categories of the national list that a region's documents do not
cover.
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field

from himpun.ingest.parse.region import NATIONAL
from himpun.xref.rules import differs, national_categories, national_list

_AUTHORITY = {"regulation": 0, "decree": 0, "circular": 1, "pact": 2, "news": 3, "other": 3}


@dataclass
class Source:
    clause: str  # the prohibition
    doc_id: str
    kind: str
    number: str | None
    date: str | None
    page: int
    quote: str
    path: str
    # the clause that states the sanction (the prohibition itself, a sanction clause naming it, or the
    # document's general sanction clause: via clause | reference | document), when one is stated
    sanction_clause: str | None = None
    sanction_page: int | None = None
    sanction_quote: str | None = None
    via: str | None = None


@dataclass
class Cell:
    region: str
    province: str | None
    category: str
    sanction: str | None  # the heaviest stated, None when the prohibition has none
    severity: str | None
    rank: int
    clauses: int  # prohibition clauses of this region in this category
    documents: list[str] = field(default_factory=list)  # doc ids
    source: Source | None = None  # where the heaviest sanction (or the prohibition) is stated

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Divergence:
    category: str
    national: Cell | None  # the national rule, when national documents state a sanction
    cells: list[Cell]  # the regions that differ (from the national rule, or from each other)
    direction: dict[str, str] = field(default_factory=dict)  # region -> heavier | lighter | different

    def to_dict(self) -> dict:
        return {"category": self.category, "national": self.national.to_dict() if self.national else None,
                "regions": [dict(c.to_dict(), direction=self.direction.get(c.region)) for c in self.cells]}


@dataclass
class Gap:
    category: str
    rule: str
    basis: list[str]
    covered_by: list[str]  # other regions whose documents cover it


def _facts(catalog, category=None, region=None, province=None, kind=None, year=None):
    where, args = [], []
    for column, value in (("f.category", category), ("d.region", region), ("d.province", province),
                          ("d.kind", kind), ("d.year", year)):
        if value:
            where.append(f"{column} = ?")
            args.append(int(value) if column == "d.year" else value)
    sql = ("SELECT f.clause, f.category, f.sanction, f.severity, f.rank, f.source, d.doc_id, d.region, d.province, "
           "d.kind, d.numbers, d.date, d.path, c.text, c.page, s.text, s.page, f.via "
           "FROM xref_facts f JOIN documents d ON d.id = f.doc JOIN clauses c ON c.id = f.clause "
           "LEFT JOIN clauses s ON s.id = f.source WHERE d.region IS NOT NULL"
           + "".join(f" AND {w}" for w in where) + " ORDER BY d.region, f.category, f.rank DESC, d.date DESC, f.clause")
    return catalog.db.execute(sql, args).fetchall()


def _source(r) -> Source:
    stated = r[15] is not None and r[2] is not None
    return Source(clause=r[0], doc_id=r[6], kind=r[9], number=(json.loads(r[10] or "[]") or [None])[0], date=r[11],
                  page=r[14], quote=_quote(r[13]), path=r[12], sanction_clause=r[5] if stated else None,
                  sanction_page=r[16] if stated else None,
                  sanction_quote=_quote(r[15]) if stated and r[5] != r[0] else None, via=r[17] if stated else None)


def _quote(text: str, width: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1].rsplit(" ", 1)[0] + " …"


def matrix(catalog, *, category=None, region=None, province=None, kind=None, year=None) -> list[Cell]:
    """One cell per (region, category) present, national first, then regions by name."""
    cells: dict[tuple[str, str], Cell] = {}
    order = {c: i for i, c in enumerate(national_list())}
    for r in _facts(catalog, category, region, province, kind, year):
        key = (r[7], r[1])
        cell = cells.get(key)
        if cell is None:  # rows come heaviest first within a (region, category)
            cell = cells[key] = Cell(r[7], r[8], r[1], r[2], r[3], r[4], 0, [], _source(r))
        cell.clauses += 1
        if r[6] not in cell.documents:
            cell.documents.append(r[6])
    return sorted(cells.values(), key=lambda c: (c.region != NATIONAL, c.region, order.get(c.category, 99)))


def _national(catalog, category: str, kind=None, year=None) -> Cell | None:
    """The national rule for a category: the heaviest sanction stated by the
    most authoritative kind of national document that states one."""
    rows = [r for r in _facts(catalog, category, NATIONAL, None, kind, year) if r[2] and r[2] != "unspecified"]
    if not rows:
        return None
    best_kind = min(_AUTHORITY.get(r[9], 3) for r in rows)
    rows = [r for r in rows if _AUTHORITY.get(r[9], 3) == best_kind]
    r = max(rows, key=lambda r: r[4])
    return Cell(NATIONAL, None, category, r[2], r[3], r[4], len(rows), sorted({x[6] for x in rows}), _source(r))


def divergences(catalog, *, category=None, region=None, province=None, kind=None, year=None) -> list[Divergence]:
    cells = [c for c in matrix(catalog, category=category, region=region, province=province, kind=kind, year=year)
             if c.region != NATIONAL and c.sanction and c.sanction != "unspecified"]
    by_cat: dict[str, list[Cell]] = {}
    for c in cells:
        by_cat.setdefault(c.category, []).append(c)
    out = []
    for cat, regional in by_cat.items():
        national = _national(catalog, cat)
        if national is not None:
            apart = [c for c in regional if differs((c.sanction, c.severity), (national.sanction, national.severity))]
            direction = {c.region: "heavier" if c.rank > national.rank else "lighter" if c.rank < national.rank
                         else "different" for c in apart}
        else:
            apart = regional if any(differs((a.sanction, a.severity), (b.sanction, b.severity))
                                    for a in regional for b in regional) else []
            direction = {}
        if apart:
            out.append(Divergence(cat, national, apart, direction))
    order = {c: i for i, c in enumerate(national_list())}
    return sorted(out, key=lambda d: order.get(d.category, 99))


def gaps(catalog, region: str) -> list[Gap]:
    """The national list's categories that no document of `region` covers."""
    covered = {r[0] for r in catalog.db.execute(
        "SELECT DISTINCT f.category FROM xref_facts f JOIN documents d ON d.id = f.doc WHERE d.region = ?", (region,))}
    out = []
    for cat in national_categories():
        if cat in covered:
            continue
        others = [r[0] for r in catalog.db.execute(
            "SELECT DISTINCT d.region FROM xref_facts f JOIN documents d ON d.id = f.doc "
            "WHERE f.category = ? AND d.region IS NOT NULL AND d.region NOT IN (?, ?) ORDER BY 1",
            (cat, region, NATIONAL))]
        rule = national_list()[cat]
        out.append(Gap(cat, rule.sentence, list(rule.basis), others))
    return out
