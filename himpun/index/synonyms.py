"""Query expansion with the synonym table (himpun/data/synonyms.tsv).

A phrase of a group in the query, outside quotes and `field:value` terms,
becomes an OR of the whole group: `sanksi medsos` ->
`(sanksi OR hukuman) (medsos OR "media sosial" OR "sosial media")`. The
index stays as it is; expansion at query time keeps it small and lets the
table change without a rebuild.
"""
from __future__ import annotations

import re
from functools import lru_cache

from himpun.data import load_table

_PROTECTED = re.compile(r'"[^"]*"|\'[^\']*\'|\b\w+:(?:\'[^\']*\'|"[^"]*"|\S+)|\b(?:AND|OR|NOT|ANDNOT|ANDMAYBE)\b')


@lru_cache(maxsize=1)
def groups() -> list[tuple[str, ...]]:
    return [tuple(" ".join(p.lower().split()) for p in row if p.strip()) for row in load_table("synonyms.tsv")]


@lru_cache(maxsize=1)
def _finder() -> tuple[re.Pattern, dict[str, tuple[str, ...]]]:
    by_phrase = {p: g for g in groups() for p in g}
    phrases = sorted(by_phrase, key=len, reverse=True)  # longest first: "alat peraga kampanye" before "alat peraga"
    rx = re.compile(r"(?<![\w/.\-])(?:" + "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in phrases)
                    + r")(?![\w/\-])", re.I)
    return rx, by_phrase


def expand(query: str) -> str:
    rx, by_phrase = _finder()
    protected = [m.span() for m in _PROTECTED.finditer(query)]
    out, last = [], 0
    for m in rx.finditer(query):
        if any(s <= m.start() < e for s, e in protected):
            continue
        group = by_phrase[" ".join(m.group(0).lower().split())]
        out.append(query[last:m.start()])
        out.append("(" + " OR ".join(f'"{p}"' if " " in p else p for p in group) + ")")
        last = m.end()
    out.append(query[last:])
    return "".join(out)
