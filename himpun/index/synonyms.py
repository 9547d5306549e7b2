"""Synonyms (himpun/data/synonyms.tsv), as one term per group.

When a text is indexed, every phrase of a group also yields the group's own
term at its place (`media sosial` -> also `syn_medsos`, spanning both
words); in a query, a phrase of a group outside quotes and `field:value`
terms becomes that term: `sanksi medsos` -> `syn_sanksi syn_medsos`. A group
is then one posting list, not an OR of phrases, which keeps queries fast;
a changed table needs `himpun reindex`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from himpun.data import load_table

PREFIX = "syn_"  # what a group's index term starts with

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


def term_of(group: tuple[str, ...]) -> str:
    """The index term of a group: `syn_` and its first phrase."""
    return PREFIX + group[0].replace(" ", "_")


@lru_cache(maxsize=1)
def phrase_terms() -> dict[tuple[str, ...], str]:
    """Each phrase of every group, as a tuple of lowercase words, and the
    group's term (for the index-time filter)."""
    return {tuple(p.split()): term_of(g) for g in groups() for p in g}


MAX_WORDS = max(len(p.split()) for g in groups() for p in g)


def expand(query: str) -> str:
    rx, by_phrase = _finder()
    protected = [m.span() for m in _PROTECTED.finditer(query)]
    out, last = [], 0
    for m in rx.finditer(query):
        if any(s <= m.start() < e for s, e in protected):
            continue
        out.append(query[last:m.start()])
        out.append(term_of(by_phrase[" ".join(m.group(0).lower().split())]))
        last = m.end()
    out.append(query[last:])
    return "".join(out)
