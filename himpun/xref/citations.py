"""The citation graph: which regulations each document cites, which regions
share a legal basis, and which documents cite a regulation that was replaced
(himpun/data/regulations.tsv, column "replaced by": UU 5/2014 by UU 20/2023,
PP 53/2010 by PP 94/2021, ...)."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import lru_cache

from himpun.data import load_table
from himpun.xref.sources import reported_of


@lru_cache(maxsize=1)
def replacements() -> dict[str, str]:
    """Key -> the key of the regulation that replaced it."""
    return {row[0].strip(): row[2].strip() for row in load_table("regulations.tsv")
            if len(row) > 2 and row[2].strip() not in ("", "-")}


@lru_cache(maxsize=1)
def titles() -> dict[str, str]:
    """Key -> title, from the one table of regulations the parser reads too (himpun/data/regulations.tsv);
    a key with no title there ("-" or empty) has none."""
    from himpun.ingest.parse.citations import regulations
    return {k: r.title.strip() for k, r in regulations().items() if r.title and r.title.strip() not in ("", "-")}


def successors(key: str) -> list[str]:
    """The regulations that replaced a key, in order (UU 43/1999 -> UU 5/2014 -> UU 20/2023)."""
    out: list[str] = []
    while key in replacements() and replacements()[key] not in out:
        key = replacements()[key]
        out.append(key)
    return out


def current(key: str) -> str:
    """The regulation in force that a key leads to (following replacements)."""
    chain = successors(key)
    return chain[-1] if chain else key


def _year(key: str) -> int | None:
    m = re.search(r"/(\d{4})$", key)
    return int(m.group(1)) if m else None


def _year_of_numbers(numbers: list[str]) -> str | None:
    """The year a document's numbers carry ("2 Tahun 2022", "800/12/BKPSDM/2024"), when it has no date."""
    years = [int(y) for n in numbers for y in re.findall(r"(?:Tahun\s+|/)((?:19|20)\d{2})\b", n)]
    return str(max(years)) if years else None


def replacement_info(key: str, cited: list[str], date: str | None) -> dict:
    """What to say of a cited regulation that was replaced: by what (the one in force), whether the
    document also cites the one that replaced it (directly or later), and whether the document is older
    than the replacement (it cited the regulation then in force)."""
    chain = successors(key)
    replaced_in = _year(chain[0])
    issued = int(date[:4]) if date and date[:4].isdigit() else None
    return {"by": chain[-1], "also_cites_replacement": any(k in cited for k in chain),
            "before_replacement": bool(issued and replaced_in and issued < replaced_in)}


@dataclass
class CitingDocument:
    doc_id: str
    region: str | None
    kind: str
    number: str | None
    date: str | None
    path: str
    keys: list[str]
    title: str | None = None
    reported: list = field(default_factory=list)  # news: the instruments its text says it reports (xref/sources.py)
    # cited keys that were replaced -> the replacement in force, whether the document also cites a
    # replacement, and whether it was issued before the replacement (himpun/xref/citations.replacement_info)
    replaced: dict[str, dict] = field(default_factory=dict)


@dataclass
class CitationGraph:
    documents: list[CitingDocument]
    shared: dict[str, list[str]]  # key -> regions whose documents cite it (one region or more)
    flagged: list[CitingDocument]  # documents citing a replaced regulation

    def to_dict(self) -> dict:
        from dataclasses import asdict
        return {"documents": [asdict(d) for d in self.documents], "shared_basis": self.shared,
                "flagged": [d.doc_id for d in self.flagged],
                "titles": {k: titles().get(k) for k in self.shared}}


def citation_graph(catalog, *, region=None, province=None, kind=None, year=None) -> CitationGraph:
    where, args = [], []
    for column, value in (("region", region), ("province", province), ("kind", kind), ("year", year)):
        if value:
            where.append(f"d.{column} = ?")
            args.append(int(value) if column == "year" else value)
    rows = catalog.db.execute(
        "SELECT d.id, d.doc_id, d.region, d.kind, d.numbers, d.date, d.path, group_concat(DISTINCT c.key), d.year, "
        "d.title "
        "FROM documents d JOIN citations c ON c.doc = d.id"
        + (" WHERE " + " AND ".join(where) if where else "") + " GROUP BY d.id ORDER BY d.region, d.date, d.doc_id",
        args).fetchall()
    docs, shared = [], {}
    for r in rows:
        keys = sorted(set((r[7] or "").split(",")) - {""})
        issued = r[5] or (str(r[8]) if r[8] else None) or _year_of_numbers(json.loads(r[4] or "[]"))
        replaced = {k: replacement_info(k, keys, issued) for k in keys if k in replacements()}
        numbers = json.loads(r[4] or "[]")
        docs.append(CitingDocument(r[1], r[2], r[3], (numbers or [None])[0], r[5], r[6], keys, title=r[9],
                                   reported=reported_of(catalog, r[0], numbers[:1]) if r[3] == "news" else [],
                                   replaced=replaced))
        for k in keys:
            if r[2] and r[2] not in shared.setdefault(k, []):
                shared[k].append(r[2])
    shared = dict(sorted(shared.items(), key=lambda kv: (-len(kv[1]), kv[0])))
    return CitationGraph(docs, shared, [d for d in docs if d.replaced])
