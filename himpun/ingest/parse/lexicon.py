"""The phrase lexicon: taxonomy slugs and the Indonesian phrases behind them,
loaded from the TSV tables in himpun/data. Code here only compiles and
applies the tables; the knowledge lives in the data files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

_GAP = r"[^.;:]{0,40}?"


def data_lines(name: str) -> list[list[str]]:
    """Rows of a tab-separated data file, comments and blank lines skipped."""
    text = resources.files("himpun.data").joinpath(name).read_text("utf-8")
    return [ln.split("\t") for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def normalise(text: str) -> str:
    """The form lexicon patterns match: lowercase, single spaces."""
    return " ".join(text.lower().split())


@dataclass(frozen=True)
class CategoryRule:
    slug: str
    pattern: re.Pattern


@dataclass(frozen=True)
class SanctionRule:
    slug: str
    default_severity: str | None  # None: no default; "STATED": only what the text says
    pattern: re.Pattern


@lru_cache(maxsize=1)
def category_rules() -> tuple[CategoryRule, ...]:
    return tuple(CategoryRule(slug, re.compile(rx.replace("GAP", _GAP)))
                 for slug, rx in data_lines("categories.tsv"))


@lru_cache(maxsize=1)
def category_order() -> tuple[str, ...]:
    """Category slugs in the order of the national list (first appearance)."""
    return tuple(dict.fromkeys(r.slug for r in category_rules()))


@lru_cache(maxsize=1)
def sanction_rules() -> tuple[SanctionRule, ...]:
    rules = []
    for slug, sev, rx in data_lines("sanctions.tsv"):
        rules.append(SanctionRule(slug, None if sev == "-" else sev, re.compile(rx.replace("GAP", _GAP))))
    return tuple(rules)


@lru_cache(maxsize=1)
def sanction_order() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.slug for r in sanction_rules()))
