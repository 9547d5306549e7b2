"""The phrase lexicon: taxonomy slugs and the Indonesian phrases behind them,
loaded from the TSV tables in himpun/data. Code here only compiles and
applies the tables; the knowledge lives in the data files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from himpun.data import load_table

_GAP = r"[^.;:]{0,40}?"


_CLITIC = re.compile(r"\b(\w{4,}?)(nya|lah|kah)\b")


def normalise(text: str) -> str:
    """The form lexicon patterns match: lowercase, single spaces, and the
    clitics -nya, -lah, -kah split from their word (`mengunggahnya` ->
    `mengunggah nya`) so that patterns need not spell every form."""
    return _CLITIC.sub(r"\1 \2", " ".join(text.lower().split()))


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalise(text)`, and for each of its characters (and its end) the
    offset in `text` it came from, so that a match in the normal form can be
    cut from the original."""
    chars: list[str] = []
    offsets: list[int] = []
    for m in re.finditer(r"\S+", text):
        if chars:
            chars.append(" ")
            offsets.append(m.start())
        for i, ch in enumerate(m.group(0)):
            for low in ch.lower():
                chars.append(low)
                offsets.append(m.start() + i)
    collapsed = "".join(chars)
    norm: list[str] = []
    out: list[int] = []
    last = 0
    for m in _CLITIC.finditer(collapsed):
        cut = m.start(2)
        norm.append(collapsed[last:cut] + " ")
        out += offsets[last:cut] + [offsets[cut]]
        last = cut
    norm.append(collapsed[last:])
    out += offsets[last:]
    out.append(len(text.rstrip()))
    return "".join(norm), out


@dataclass(frozen=True)
class CategoryRule:
    slug: str
    pattern: re.Pattern


@dataclass(frozen=True)
class SanctionRule:
    slug: str
    default_severity: str | None  # a level; "STATED": only what the text says; None: never has a level
    pattern: re.Pattern


@lru_cache(maxsize=1)
def category_rules() -> tuple[CategoryRule, ...]:
    return tuple(CategoryRule(slug, re.compile(rx.replace("GAP", _GAP)))
                 for slug, rx in load_table("categories.tsv"))


@lru_cache(maxsize=1)
def category_order() -> tuple[str, ...]:
    """Category slugs in the order of the national list (first appearance)."""
    return tuple(dict.fromkeys(r.slug for r in category_rules()))


@lru_cache(maxsize=1)
def sanction_rules() -> tuple[SanctionRule, ...]:
    rules = []
    for slug, sev, rx in load_table("sanctions.tsv"):
        rules.append(SanctionRule(slug, None if sev == "-" else sev, re.compile(rx.replace("GAP", _GAP))))
    return tuple(rules)


@lru_cache(maxsize=1)
def sanction_order() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.slug for r in sanction_rules()))
