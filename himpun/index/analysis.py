"""Indonesian text analysis for the search index.

Tokens keep identifiers whole (`800/1071/bkpsdm`, `94/2021`, `1447.1/pm.01`),
are lowercased, lose function words (himpun/data/stopwords.txt) and are
stemmed with Sastrawi so that `mempromosikan`, `promosi` and `dipromosikan`
meet. Sastrawi's own dictionary lookup scans a list; replacing it with a set
makes a cold stem about a thousand times cheaper, and every word is stemmed
once per library (himpun/index/stems.py keeps the stems in the library).
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from whoosh.analysis import Filter, LowercaseFilter, RegexTokenizer, StopFilter

from himpun.data import words
from himpun.index.stems import StemCache
from himpun.index.synonyms import MAX_WORDS, phrase_terms
from himpun.ingest.dictionary import stemmer

TOKEN_PATTERN = r"\w+(?:[./\-]\w+)*"


@lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    return frozenset(words("stopwords.txt"))


def _sastrawi(word: str) -> str:
    return stemmer().stem_word(word) or word


_cache = StemCache(_sastrawi)


def use_stem_cache(path: Path | None) -> StemCache:
    """Keep stems in the file at `path` (None: in memory only); the cache
    in use before is written out first."""
    global _cache
    if _cache.path is not None and path is not None and Path(path) == _cache.path:
        return _cache
    _cache.flush()
    _cache = StemCache(_sastrawi, path)
    return _cache


def stem_cache() -> StemCache:
    return _cache


def stem(word: str) -> str:
    """The Sastrawi stem of one lowercase word; identifiers and short words
    are returned as they are."""
    if len(word) < 4 or not word.isalpha():
        return word
    return _cache.stem(word)


class SastrawiStemFilter(Filter):
    """A Whoosh filter that replaces each token's text with its stem."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        for t in tokens:
            if not t.stopped:
                t.text = stem(t.text)
            yield t


@lru_cache(maxsize=1)
def _phrases() -> dict[tuple[str, ...], str]:
    """Synonym phrases as the words left after stopwords (the filter runs after them)."""
    out = {}
    for words_, term in phrase_terms().items():
        kept = tuple(w for w in words_ if w not in stopwords())
        if kept:
            out.setdefault(kept, term)
    return out


@lru_cache(maxsize=1)
def _last_words() -> frozenset[str]:
    return frozenset(k[-1] for k in _phrases())


class _PhraseFinder:
    """Where a phrase of a synonym group ends, over a stream of words (after stopwords, before stems):
    step() hears each word and answers the group's term and the (index, pos, startchar) of the
    phrase's first word, or None. A term is not given again over a phrase already given ("alat
    peraga" in "alat peraga kampanye")."""

    def __init__(self):
        self.phrases = _phrases()
        self.ends = _last_words()
        self.recent: list[tuple[str, int, int, int]] = []  # (text, index, pos, startchar) of the last MAX_WORDS
        self.last: tuple[str, int] | None = None  # the last group term given, and the index where its phrase ends

    def step(self, text: str, i: int, pos: int, startchar: int):
        recent = self.recent
        recent.append((text, i, pos, startchar))
        if len(recent) > MAX_WORDS:
            recent.pop(0)
        if text not in self.ends:
            return None
        words = [r[0] for r in recent]
        for n in range(len(words), 0, -1):  # the longest phrase ending here
            term = self.phrases.get(tuple(words[-n:]))
            if term:
                _, first, first_pos, first_char = recent[-n]
                if self.last and self.last[0] == term and first <= self.last[1]:
                    return None
                self.last = (term, i)
                return term, first_pos, first_char
        return None


class SynonymFilter(Filter):
    """After each phrase of a synonym group, the group's term, at the place
    where the phrase starts and spanning it (himpun/index/synonyms.py).
    Tokens stream through untouched; only the words of the last few are
    remembered (later filters change tokens in place)."""

    def __eq__(self, other):
        return other is not None and self.__class__ is other.__class__

    def __call__(self, tokens):
        finder = _PhraseFinder()
        for i, t in enumerate(tokens):
            found = finder.step(t.text, i, getattr(t, "pos", i), getattr(t, "startchar", 0))
            yield t
            if found:
                syn = t.copy()
                syn.text, syn.stopped = found[0], False
                if hasattr(syn, "pos"):
                    syn.pos = found[1]
                if hasattr(syn, "startchar"):
                    syn.startchar = found[2]
                yield syn


def index_tokens(value: str, positions: bool) -> dict[str, list[int]]:
    """The terms indonesian_analyzer() gives `value` when Whoosh indexes it,
    each with its positions (with `positions`; else a list as long as its
    frequency), in the order of first occurrence, computed without Whoosh's
    token stream: the same tokens, stopwords (positions renumbered from the
    first word kept on, as Whoosh's StopFilter does), synonym terms and
    stems. himpun/index/fields.py encodes them as Whoosh's formats do;
    tests/test_index_bulk.py compares the two on real and random texts."""
    stop = stopwords()
    finder = _PhraseFinder()
    terms: dict[str, list[int]] = {}
    pos = None
    i = 0  # the index in the stream of words kept
    for n, word in enumerate(_TOKEN.findall(value)):
        word = word.lower()
        if word in stop:
            continue
        pos = n if pos is None else pos + 1
        found = finder.step(word, i, pos if positions else i, 0)
        key = stem(word)
        got = terms.get(key)
        if got is None:
            got = terms[key] = []
        got.append(pos)
        if found:
            terms.setdefault(stem(found[0]), []).append(found[1])
        i += 1
    return terms


def prestem(*texts: str) -> None:
    """Stem every word of `texts` into the cache (before forking workers): the analyzer's tokens
    (tokenised, then lowercased), each distinct word once."""
    found = _TOKEN.findall
    stop = stopwords()
    distinct = {w.lower() for text in texts if text for w in found(text)}
    for word in distinct - stop:
        stem(word)


_TOKEN = re.compile(TOKEN_PATTERN)


def indonesian_analyzer():
    return (RegexTokenizer(TOKEN_PATTERN) | LowercaseFilter() | StopFilter(stoplist=stopwords(), minsize=1)
            | SynonymFilter() | SastrawiStemFilter())
