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
from himpun.xref.sources import Reported, reported_of

_AUTHORITY = {"regulation": 0, "decree": 0, "circular": 1, "pact": 2, "news": 3, "other": 3}


@dataclass
class Source:
    clause: str  # the prohibition
    doc_id: str
    kind: str
    number: str | None
    date: str | None
    page: int
    quote: str  # the prohibition clause's text in full (text views shorten it)
    path: str
    # the clause that states the sanction (the prohibition itself, a sanction clause naming it, or the
    # sanction stated for the same act elsewhere in the document, or the document's general sanction
    # clause: via clause | reference | category | document), when one is stated
    sanction_clause: str | None = None
    sanction_page: int | None = None
    sanction_quote: str | None = None  # the sanction clause in full, when it is not the prohibition itself
    via: str | None = None
    context: str = ""  # the words governing the prohibition outside its text (a list's lead-in "ASN dilarang:")
    title: str | None = None  # the document's title (a news report is named by it)
    reported: list[Reported] = field(default_factory=list)  # news: the instruments its text says it reports


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


_COLUMNS = ("f.clause, f.category, f.sanction, f.severity, f.rank, f.source, d.doc_id, d.region, d.province, "
            "d.kind, d.numbers, d.date, d.path, f.via, d.title, d.id")


def _where(category=None, region=None, province=None, kind=None, year=None) -> tuple[str, list]:
    where, args = ["d.region IS NOT NULL"], []
    for column, value in (("f.category", category), ("d.region", region), ("d.province", province),
                          ("d.kind", kind), ("d.year", year)):
        if value:
            where.append(f"{column} = ?")
            args.append(int(value) if column == "d.year" else value)
    return " AND ".join(where), args


def _facts(catalog, category=None, region=None, province=None, kind=None, year=None) -> list[tuple]:
    """Every fact that matches, heaviest first within a (region, category)."""
    where, args = _where(category, region, province, kind, year)
    return catalog.db.execute(
        f"SELECT {_COLUMNS} FROM xref_facts f JOIN documents d ON d.id = f.doc WHERE {where} "
        "ORDER BY d.region, f.category, f.rank DESC, d.date DESC, f.clause", args).fetchall()


def _sources(catalog, rows) -> list[Source]:
    """The sources of fact rows, with the text of their clauses read in one go."""
    ids = sorted({r[0] for r in rows} | {r[5] for r in rows if r[5]})
    texts = {}
    for i in range(0, len(ids), 900):
        chunk = ids[i:i + 900]
        texts.update({r[0]: (" ".join(r[1].split()), r[2], " ".join((r[3] or "").split())) for r in catalog.db.execute(
            f"SELECT id, text, page, context FROM clauses WHERE id IN ({','.join('?' * len(chunk))})", chunk)})
    reported: dict[int, list[Reported]] = {}
    out = []
    for r in rows:
        stated = r[2] is not None and r[5] in texts
        text, page, context = texts[r[0]]
        s_text, s_page, _ = texts[r[5]] if stated else (None, None, None)
        numbers = json.loads(r[10] or "[]")
        if r[9] == "news" and r[15] not in reported:
            reported[r[15]] = reported_of(catalog, r[15], numbers[:1])
        out.append(Source(clause=r[0], doc_id=r[6], kind=r[9], number=(numbers or [None])[0],
                          date=r[11], page=page, quote=text, path=r[12],
                          sanction_clause=r[5] if stated else None, sanction_page=s_page,
                          sanction_quote=s_text if stated and r[5] != r[0] else None,
                          via=r[13] if stated else None, context=context, title=r[14],
                          reported=reported.get(r[15], [])))
    return out


def matrix(catalog, *, category=None, region=None, province=None, kind=None, year=None) -> list[Cell]:
    """One cell per (region, category) present, national first, then regions
    by name. A cell's source is its heaviest fact, the newest document and
    then the first clause winning ties, so the same catalog gives the same cells."""
    where, args = _where(category, region, province, kind, year)
    best: dict[tuple[str, str], tuple] = {}
    count: dict[tuple[str, str], int] = {}
    docs: dict[tuple[str, str], set[tuple[str, str]]] = {}
    for r in catalog.db.execute(f"SELECT {_COLUMNS} FROM xref_facts f JOIN documents d ON d.id = f.doc "
                                f"WHERE {where}", args):
        key = (r[7], r[1])
        count[key] = count.get(key, 0) + 1
        docs.setdefault(key, set()).add((r[11] or "", r[6]))
        b = best.get(key)
        if b is None or (r[4], r[11] or "", b[0]) > (b[4], b[11] or "", r[0]):
            best[key] = r
    rows = list(best.values())
    order = {c: i for i, c in enumerate(national_list())}
    cells = [Cell(r[7], r[8], r[1], r[2], r[3], r[4], count[(r[7], r[1])],
                  [d for _, d in sorted(docs[(r[7], r[1])], key=lambda t: (t[0], t[1]), reverse=True)], src)
             for r, src in zip(rows, _sources(catalog, rows))]
    return sorted(cells, key=lambda c: (c.region != NATIONAL, c.region, order.get(c.category, 99)))


def _national(catalog, category: str, kind=None, year=None) -> Cell | None:
    """The national rule for a category: the heaviest sanction stated by the
    most authoritative kind of national document that states one."""
    rows = [r for r in _facts(catalog, category, NATIONAL, None, kind, year) if r[2] and r[2] != "unspecified"]
    if not rows:
        return None
    best_kind = min(_AUTHORITY.get(r[9], 3) for r in rows)
    rows = [r for r in rows if _AUTHORITY.get(r[9], 3) == best_kind]
    r = max(rows, key=lambda r: r[4])
    return Cell(NATIONAL, None, category, r[2], r[3], r[4], len(rows), sorted({x[6] for x in rows}),
                _sources(catalog, [r])[0])


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
            # the regions that differ from another (a sanction that contradicts nothing is not among them)
            apart = [a for a in regional if any(differs((a.sanction, a.severity), (b.sanction, b.severity))
                                                for b in regional)]
            direction = {}
        if apart:
            out.append(Divergence(cat, national, apart, direction))
    order = {c: i for i, c in enumerate(national_list())}
    return sorted(out, key=lambda d: order.get(d.category, 99))


def gaps(catalog, region: str) -> list[Gap] | None:
    """The national list's categories that no document of `region` covers;
    None when the library holds no document of that region."""
    if catalog.db.execute("SELECT 1 FROM documents WHERE region = ? LIMIT 1", (region,)).fetchone() is None:
        return None
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
