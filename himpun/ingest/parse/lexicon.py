"""The phrase lexicon: taxonomy slugs and the Indonesian phrases behind them,
loaded from the TSV tables in himpun/data. Code here only compiles and
applies the tables; the knowledge lives in the data files."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from himpun.data import load_table
from himpun.ingest.dictionary import known
from himpun.ingest.parse.literals import LiteralIndex, Prefilter

_GAP = r"[^.;:]{0,40}?"


_WORD = re.compile(r"\S+")
# a clitic ending a word of four letters or more before it (the clitic first, so that re looks for
# it rather than trying every word)
_CLITIC = re.compile(r"(nya|lah|kah)(?<=\w{4}(?:nya|lah|kah))\b")


def _clitics(text: str) -> list[re.Match]:
    """The clitics of `text` to split off: not the ends of words that are words as they stand (`sekolah`,
    `masalah`, `langkah`, and with the prefix se-, `setelah`, `sejumlah`), which the dictionary knows."""
    out = []
    for m in _CLITIC.finditer(text):
        word = text[text.rfind(" ", 0, m.start()) + 1:m.end()]
        if not _spared(word if word.isalpha() else _LEADING.sub("", word)):
            out.append(m)
    return out


_LEADING = re.compile(r"^.*[^a-z]")  # what comes before a word's letters ("(sekolah", "non-sekolah")


@lru_cache(maxsize=8192)
def _spared(word: str) -> bool:
    return known(word) or (word.startswith("se") and known(word[2:]))


def _split_clitics(text: str) -> str:
    if "nya" not in text and "lah" not in text and "kah" not in text:
        return text
    parts, last = [], 0
    for m in _clitics(text):
        parts.append(text[last:m.start()] + " ")
        last = m.start()
    parts.append(text[last:])
    return "".join(parts)


@lru_cache(maxsize=1)
def _informal() -> tuple[re.Pattern, dict[str, str]]:
    """The chat spellings of himpun/data/informal.tsv and a pattern that finds them (and `kata2`)."""
    table = {informal: standard for informal, standard in load_table("informal.tsv")}
    words_ = "|".join(sorted(map(re.escape, table), key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:(?P<word>{words_})|(?P<twice>[a-z]{{3,}})2)(?![\w-])"), table


def _standard(m: re.Match) -> str:
    if m.group("twice"):
        doubled = f"{m.group('twice')}-{m.group('twice')}"
        return _informal()[1].get(doubled, doubled)
    return _informal()[1][m.group("word")]


@lru_cache(maxsize=4096)  # a sentence is normalised by the clause, its list and its sanctions alike
def normalise(text: str) -> str:
    """The form lexicon patterns match: lowercase, single spaces, the
    clitics -nya, -lah, -kah split from their word (`mengunggahnya` ->
    `mengunggah nya`; not `sekolah`) so that patterns need not spell every form, and chat
    spellings in standard words (`yg` -> `yang`, `bagi2` -> `membagi-bagikan`)."""
    return _informal()[0].sub(_standard, _split_clitics(" ".join(text.lower().split())))


def normal_form(text: str) -> str:
    """`normalise_with_offsets(text)[0]` without the offsets. (It lowers each
    character alone, which `normalise` does too for ASCII text.)"""
    return normalise(text) if text.isascii() else normalise_with_offsets(text)[0]


def normalise_with_offsets(text: str) -> tuple[str, list[int]]:
    """`normalise(text)`, and for each of its characters (and its end) the
    offset in `text` it came from, so that a match in the normal form can be
    cut from the original."""
    chars: list[str] = []
    offsets: list[int] = []
    for m in _WORD.finditer(text):
        word, start = m.group(0), m.start()
        if chars:
            chars.append(" ")
            offsets.append(start)
        if word.isascii():  # one lowercase character for each character
            chars.append(word.lower())
            offsets += range(start, start + len(word))
            continue
        for i, ch in enumerate(word):
            for low in ch.lower():
                chars.append(low)
                offsets.append(start + i)
    collapsed = "".join(chars)
    norm: list[str] = []
    out: list[int] = []
    last = 0
    for m in _clitics(collapsed):
        cut = m.start(1)
        norm.append(collapsed[last:cut] + " ")
        out += offsets[last:cut] + [offsets[cut]]
        last = cut
    norm.append(collapsed[last:])
    out += offsets[last:]
    split = "".join(norm)
    # chat spellings: each character of the standard word comes from the written word's (its last from its last)
    norm, offsets, last = [], out, 0
    out = []
    for m in _informal()[0].finditer(split):
        word = _standard(m)
        norm.append(split[last:m.start()] + word)
        out += offsets[last:m.start()]
        out += [offsets[min(m.start() + i, m.end() - 1)] for i in range(len(word) - 1)] + [offsets[m.end() - 1]]
        last = m.end()
    norm.append(split[last:])
    out += offsets[last:]
    out.append(len(text.rstrip()))
    return "".join(norm), out


@dataclass(frozen=True)
class CategoryRule:
    slug: str
    pattern: re.Pattern
    prefilter: Prefilter = Prefilter(None)  # a cheap test before the search


@dataclass(frozen=True)
class SanctionRule:
    slug: str
    default_severity: str | None  # a level; "STATED": only what the text says; None: never has a level
    pattern: re.Pattern
    prefilter: Prefilter = Prefilter(None)


@lru_cache(maxsize=1)
def category_rules() -> tuple[CategoryRule, ...]:
    rules = []
    for slug, rx in load_table("categories.tsv"):
        rx = rx.replace("GAP", _GAP)
        rules.append(CategoryRule(slug, re.compile(rx), Prefilter.of(rx)))
    return tuple(rules)


@lru_cache(maxsize=1)
def category_index() -> LiteralIndex:
    """Which category rows can match a text, from one scan of it."""
    return LiteralIndex([r.prefilter for r in category_rules()])


@lru_cache(maxsize=1)
def category_order() -> tuple[str, ...]:
    """Category slugs in the order of the national list (first appearance)."""
    return tuple(dict.fromkeys(r.slug for r in category_rules()))


@lru_cache(maxsize=1)
def sanction_rules() -> tuple[SanctionRule, ...]:
    rules = []
    for slug, sev, rx in load_table("sanctions.tsv"):
        rx = rx.replace("GAP", _GAP)
        rules.append(SanctionRule(slug, None if sev == "-" else sev, re.compile(rx), Prefilter.of(rx)))
    return tuple(rules)


@lru_cache(maxsize=1)
def sanction_index() -> LiteralIndex:
    return LiteralIndex([r.prefilter for r in sanction_rules()])


@lru_cache(maxsize=1)
def sanction_order() -> tuple[str, ...]:
    return tuple(dict.fromkeys(r.slug for r in sanction_rules()))
