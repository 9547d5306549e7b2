"""The region gazetteer: all 38 provinces and 514 regencies and cities, with
their short forms (himpun/data/regions.tsv), and a scanner that finds them in
text together with the word that qualifies each mention (Kabupaten, Kota,
Provinsi, Pemkab, Pemkot, Pemprov)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from himpun.data import load_table

MAX_WORDS = 5
_JOINERS = (" ", "-", "")  # what may stand between the words of one name
_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*|\.")

# Words right before a name that tell its level. The value is the level.
_QUALIFIERS = {
    "kabupaten": "kabupaten", "kab": "kabupaten", "pemkab": "kabupaten", "kabupatan": "kabupaten",
    "kota": "kota", "pemkot": "kota", "kotamadya": "kota",
    "provinsi": "provinsi", "prov": "provinsi", "propinsi": "provinsi", "pemprov": "provinsi",
}


@dataclass(frozen=True)
class Region:
    name: str  # canonical: "Kota Tangerang Selatan", "Provinsi Banten"
    level: str  # provinsi | kabupaten | kota
    province: str  # canonical province name

    @property
    def bare(self) -> str:
        """The name without its level word: "Tangerang Selatan"."""
        return self.name.split(" ", 1)[1]


@dataclass(frozen=True)
class Mention:
    start: int  # of the name (or of its qualifier, when there is one)
    end: int
    name_start: int
    text: str
    candidates: tuple[Region, ...]
    qualifier: str | None  # the level a qualifying word asks for, if any

    def resolved(self) -> tuple[Region, ...]:
        """Candidates that fit the qualifier (all of them when none fits)."""
        if self.qualifier:
            fit = tuple(r for r in self.candidates if r.level == self.qualifier)
            if fit:
                return fit
        return self.candidates


def key_of(name: str) -> str:
    return re.sub(r"[\s\-.']", "", name.lower())


@lru_cache(maxsize=1)
def regions() -> tuple[Region, ...]:
    return tuple(Region(name, level, prov) for name, level, prov, *_ in load_table("regions.tsv"))


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[Region, ...]]:
    index: dict[str, list[Region]] = {}
    for name, level, prov, *rest in load_table("regions.tsv"):
        region = Region(name, level, prov)
        names = [region.bare, *(a for a in (rest[0].split("|") if rest else []) if a)]
        for n in names:
            bucket = index.setdefault(key_of(n), [])
            if region not in bucket:
                bucket.append(region)
    return {k: tuple(v) for k, v in index.items()}


def by_name(name: str) -> Region | None:
    """A region by its canonical name (case-insensitive)."""
    low = name.lower()
    return next((r for r in regions() if r.name.lower() == low), None)


def lookup(name: str) -> tuple[Region, ...]:
    """Regions a bare name or short form may mean: "Tangsel", "Serang"."""
    return _index().get(key_of(name), ())


def scan(text: str) -> list[Mention]:
    """Every region name in `text`, longest match first, left to right.

    A name must start with a capital letter (so that the common words
    "batu", "puncak" or "metro" are not read as places); a qualifying word
    before it is kept in the mention.
    """
    index = _index()
    prefixes = _prefixes()
    words = [(m.group(0), m.start(), m.end()) for m in _WORD.finditer(text)]
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        tok, start, _ = words[i]
        if tok == "." or not tok[0].isupper():
            i += 1
            continue
        # the longest run of up to MAX_WORDS adjacent words (no full stop) whose key names a region;
        # a run whose key begins no name cannot grow into one
        found = None
        key = ""
        for n in range(1, min(MAX_WORDS, len(words) - i) + 1):
            word = words[i + n - 1]
            if word[0] == "." or (n > 1 and text[words[i + n - 2][2]:word[1]] not in _JOINERS):
                break
            key += word[0].lower().replace("-", "").replace("'", "")  # key_of() of a word token
            if key not in prefixes:
                break
            cands = index.get(key)
            if cands:
                found = (n, cands)
        if not found:
            i += 1
            continue
        n, cands = found
        end = words[i + n - 1][2]
        qualifier, qstart = _qualifier(words, i)
        mentions.append(Mention(qstart if qualifier else start, end, start, text[start:end], cands, qualifier))
        i += n
    return mentions


@lru_cache(maxsize=1)
def _prefixes() -> frozenset[str]:
    """Every beginning of every key of the index."""
    return frozenset(k[:j] for k in _index() for j in range(1, len(k) + 1))


def _qualifier(words: list[tuple[str, int, int]], i: int) -> tuple[str | None, int]:
    """The level asked by the word before a name: Kab. X, Kota X, Pemprov X."""
    j = i - 1
    if j >= 0 and words[j][0] == ".":
        j -= 1
    if j < 0:
        return None, 0
    level = _QUALIFIERS.get(words[j][0].lower())
    if level and words[i][1] - words[j][2] <= 12:
        return level, words[j][1]
    return None, 0
