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
